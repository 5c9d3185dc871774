// RUN: tile-opt %s -split-input-file --tile-select-strategy=pair-cube-vector=true | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy | FileCheck %s --check-prefix=OFF

// Cube -> vector pairing (StrategyPairing.cpp): a matmul whose product one
// fused vector scope alone reads, in all of its rows, gets a ring of GM
// slots of one output block's rows x the columns one run of the consumer
// reads; the deepest of 4, 3, 2 slots whose rings (one per cluster with a
// slot to fill) take at most a quarter of L2. Off by default.
// OFF-NOT: ascend.pairing

// The flagship's shape: the i32 product read per head, [128, 512] at
// h x 512 in a parallel loop, by a dequant + RMSNorm chain. Slot 128 x 512
// i32 = 256 KiB; 4 heads give 4 slots, so 4 rings: 4 x 4 x 256 KiB fits a
// quarter of a2a3's 192 MiB.
// CHECK-LABEL: tile.kernel @per_head
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 512, slots = 4>
tile.kernel @per_head(%a: !tile.gm<128x256xi8>, %b: !tile.gm<256x2048xi8>, %y: !tile.gm<128x4x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c512 = arith.constant 512 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x256xi8> -> tensor<128x256xi8>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x2048xi8> -> tensor<256x2048xi8>
  %p = tile.matmul %ta, %tb : tensor<128x256xi8>, tensor<256x2048xi8> -> tensor<128x2048xi32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c512 : index
    %s = tile.slice %p[%c0, %col] : tensor<128x2048xi32> -> tensor<128x512xi32>
    %r = tile.scope "chain" core = <vector> -> tensor<128x1x512xf32> {
      %f = tile.cast %s {round = #tile.round<rint>} : tensor<128x512xi32> -> tensor<128x512xf32>
      %sq = tile.mul %f, %f : tensor<128x512xf32>, tensor<128x512xf32> -> tensor<128x512xf32>
      %sum = tile.row_sum %sq : tensor<128x512xf32> -> tensor<128x1xf32>
      %n = tile.mul %f, %sum : tensor<128x512xf32>, tensor<128x1xf32> -> tensor<128x512xf32>
      %n3 = tile.reshape %n : tensor<128x512xf32> -> tensor<128x1x512xf32>
      tile.yield %n3 : tensor<128x1x512xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<128x1x512xf32>, !tile.gm<128x4x512xf32>
  } {tile.parallel}
  tile.return
}

// -----

// The whole product read by one scope: the slot is its 64 rows x all 256
// columns.
// CHECK-LABEL: tile.kernel @whole
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 64, cols = 256, slots = 4>
tile.kernel @whole(%a: !tile.gm<64x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x128xbf16> -> tensor<64x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<64x128xbf16>, tensor<128x256xbf16> -> tensor<64x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<64x256xf32> {
    %sq = tile.mul %p, %p : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
    tile.yield %sq : tensor<64x256xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

// The ring's depth from L2: slots of 128 x 8192 f32 = 4 MiB and 4 of them
// in the product give 4 rings; 4 x 4 x 4 MiB is over 48 MiB, 4 x 3 x 4 MiB
// is not.
// CHECK-LABEL: tile.kernel @deep
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 8192, slots = 3>
tile.kernel @deep(%a: !tile.gm<128x64xbf16>, %b: !tile.gm<64x32768xbf16>, %y: !tile.gm<128x4x8192xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8192 = arith.constant 8192 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x64xbf16> -> tensor<128x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x32768xbf16> -> tensor<64x32768xbf16>
  %p = tile.matmul %ta, %tb : tensor<128x64xbf16>, tensor<64x32768xbf16> -> tensor<128x32768xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c8192 : index
    %s = tile.slice %p[%c0, %col] : tensor<128x32768xf32> -> tensor<128x8192xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<128x1x8192xf32> {
      %sq = tile.mul %s, %s : tensor<128x8192xf32>, tensor<128x8192xf32> -> tensor<128x8192xf32>
      %r3 = tile.reshape %sq : tensor<128x8192xf32> -> tensor<128x1x8192xf32>
      tile.yield %r3 : tensor<128x1x8192xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<128x1x8192xf32>, !tile.gm<128x4x8192xf32>
  } {tile.parallel}
  tile.return
}

// -----

// Eight such slots give eight rings: even two slots each (64 MiB) are over
// a quarter of L2, so no pairing.
// CHECK-LABEL: tile.kernel @too_big
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @too_big(%a: !tile.gm<128x64xbf16>, %b: !tile.gm<64x65536xbf16>, %y: !tile.gm<128x8x8192xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c8192 = arith.constant 8192 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x64xbf16> -> tensor<128x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x65536xbf16> -> tensor<64x65536xbf16>
  %p = tile.matmul %ta, %tb : tensor<128x64xbf16>, tensor<64x65536xbf16> -> tensor<128x65536xf32>
  scf.for %h = %c0 to %c8 step %c1 {
    %col = arith.muli %h, %c8192 : index
    %s = tile.slice %p[%c0, %col] : tensor<128x65536xf32> -> tensor<128x8192xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<128x1x8192xf32> {
      %sq = tile.mul %s, %s : tensor<128x8192xf32>, tensor<128x8192xf32> -> tensor<128x8192xf32>
      %r3 = tile.reshape %sq : tensor<128x8192xf32> -> tensor<128x1x8192xf32>
      tile.yield %r3 : tensor<128x1x8192xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<128x1x8192xf32>, !tile.gm<128x8x8192xf32>
  } {tile.parallel}
  tile.return
}

// -----

// The product is also stored: something besides the scope reads it.
// CHECK-LABEL: tile.kernel @also_stored
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @also_stored(%a: !tile.gm<64x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<64x256xf32> {tile.out}, %z: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x128xbf16> -> tensor<64x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<64x128xbf16>, tensor<128x256xbf16> -> tensor<64x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<64x256xf32> {
    %sq = tile.mul %p, %p : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
    tile.yield %sq : tensor<64x256xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.store %p, %z[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

// A slice of some of the rows: a consumer run does not read whole slots.
// CHECK-LABEL: tile.kernel @row_slice
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @row_slice(%a: !tile.gm<128x128xbf16>, %b: !tile.gm<128x512xbf16>, %y: !tile.gm<64x4x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c128 = arith.constant 128 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x512xbf16> -> tensor<128x512xbf16>
  %p = tile.matmul %ta, %tb : tensor<128x128xbf16>, tensor<128x512xbf16> -> tensor<128x512xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c128 : index
    %s = tile.slice %p[%c0, %col] : tensor<128x512xf32> -> tensor<64x128xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<64x1x128xf32> {
      %sq = tile.mul %s, %s : tensor<64x128xf32>, tensor<64x128xf32> -> tensor<64x128xf32>
      %r3 = tile.reshape %sq : tensor<64x128xf32> -> tensor<64x1x128xf32>
      tile.yield %r3 : tensor<64x1x128xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<64x1x128xf32>, !tile.gm<64x4x128xf32>
  } {tile.parallel}
  tile.return
}

// -----

// A loop that is not parallel runs its iterations one after the other in
// the host: no pairing.
// CHECK-LABEL: tile.kernel @serial
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @serial(%a: !tile.gm<128x128xbf16>, %b: !tile.gm<128x512xbf16>, %y: !tile.gm<128x4x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c128 = arith.constant 128 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x128xbf16> -> tensor<128x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x512xbf16> -> tensor<128x512xbf16>
  %p = tile.matmul %ta, %tb : tensor<128x128xbf16>, tensor<128x512xbf16> -> tensor<128x512xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c128 : index
    %s = tile.slice %p[%c0, %col] : tensor<128x512xf32> -> tensor<128x128xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<128x1x128xf32> {
      %sq = tile.mul %s, %s : tensor<128x128xf32>, tensor<128x128xf32> -> tensor<128x128xf32>
      %r3 = tile.reshape %sq : tensor<128x128xf32> -> tensor<128x1x128xf32>
      tile.yield %r3 : tensor<128x1x128xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<128x1x128xf32>, !tile.gm<128x4x128xf32>
  }
  tile.return
}

// -----

// Chunks of 64 rows (the scope's `tokens`) do not divide a 64-row slot's
// 32-row halves: each AIV would need rows of the other's half. No pairing.
// CHECK-LABEL: tile.kernel @half_chunks
// CHECK: tile.matmul
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @half_chunks(%a: !tile.gm<64x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x128xbf16> -> tensor<64x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<64x128xbf16>, tensor<128x256xbf16> -> tensor<64x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<64x256xf32> {
    %sq = tile.mul %p, %p : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
    tile.yield %sq : tensor<64x256xf32>
  } {tokens = 64 : i64}
  tile.store %r, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}
