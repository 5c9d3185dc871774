// RUN: tile-opt %s -split-input-file --tile-select-strategy=pair-cube-vector=true | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy | FileCheck %s --check-prefix=OFF
// RUN: tile-opt %s -split-input-file --tile-select-strategy="pair-cube-vector=true pair-always=true" | FileCheck %s --check-prefix=IDLE

// Cube -> vector pairing (StrategyPairing.cpp): a matmul whose product one
// fused vector scope alone reads, in all of its rows, gets a ring of GM
// slots of one output block's rows x the columns one run of the consumer
// reads; the deepest of 4, 3, 2 slots whose rings (one per cluster with a
// slot to fill) take at most a quarter of L2. Off by default. With
// pair-always (IDLE), also where too few slots leave cube cores idle.
// OFF-NOT: ascend.pairing

// The flagship's shape: the i32 product read per head, [768, 512] at
// h x 512 in a parallel loop, by a dequant + RMSNorm chain. The slots' rows
// are the cut estimated fastest paired: 48 (16 row blocks x 4 heads, 64
// slots on 24 rings, so each cluster's AIVs start on its first slot while
// its AIC fills the next; 128-row slots, one per cluster, would leave them
// waiting for all of it). Slot 48 x 512 i32 = 96 KiB: 24 x 4 of them fit a
// quarter of a2a3's 192 MiB.
// CHECK-LABEL: tile.kernel @per_head
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 48, cols = 512, slots = 4>
tile.kernel @per_head(%a: !tile.gm<768x256xi8>, %b: !tile.gm<256x2048xi8>, %y: !tile.gm<768x4x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c512 = arith.constant 512 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x256xi8> -> tensor<768x256xi8>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x2048xi8> -> tensor<256x2048xi8>
  %p = tile.matmul %ta, %tb : tensor<768x256xi8>, tensor<256x2048xi8> -> tensor<768x2048xi32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c512 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x2048xi32> -> tensor<768x512xi32>
    %r = tile.scope "chain" core = <vector> -> tensor<768x1x512xf32> {
      %f = tile.cast %s {round = #tile.round<rint>} : tensor<768x512xi32> -> tensor<768x512xf32>
      %sq = tile.mul %f, %f : tensor<768x512xf32>, tensor<768x512xf32> -> tensor<768x512xf32>
      %sum = tile.row_sum %sq : tensor<768x512xf32> -> tensor<768x1xf32>
      %n = tile.mul %f, %sum : tensor<768x512xf32>, tensor<768x1xf32> -> tensor<768x512xf32>
      %n3 = tile.reshape %n : tensor<768x512xf32> -> tensor<768x1x512xf32>
      tile.yield %n3 : tensor<768x1x512xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x512xf32>, !tile.gm<768x4x512xf32>
  } {tile.parallel}
  tile.return
}

// -----

// The whole product read by one scope: the slot is one row block x all 256
// columns, and its 3072 rows give a slot to every cluster.
// CHECK-LABEL: tile.kernel @whole
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 48, cols = 256, slots = 4>
tile.kernel @whole(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
    %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
    tile.yield %sq : tensor<3072x256xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.return
}

// -----

// The ring's depth from L2: slots of 48 x 3072 f32 = 576 KiB, 64 of them in
// the product, 24 rings; 24 x 4 x 576 KiB is over 48 MiB, 24 x 3 x 576 KiB
// is not.
// CHECK-LABEL: tile.kernel @deep
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 48, cols = 3072, slots = 3>
tile.kernel @deep(%a: !tile.gm<768x64xbf16>, %b: !tile.gm<64x12288xbf16>, %y: !tile.gm<768x4x3072xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c3072 = arith.constant 3072 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x64xbf16> -> tensor<768x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x12288xbf16> -> tensor<64x12288xbf16>
  %p = tile.matmul %ta, %tb : tensor<768x64xbf16>, tensor<64x12288xbf16> -> tensor<768x12288xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c3072 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x12288xf32> -> tensor<768x3072xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<768x1x3072xf32> {
      %sq = tile.mul %s, %s : tensor<768x3072xf32>, tensor<768x3072xf32> -> tensor<768x3072xf32>
      %r3 = tile.reshape %sq : tensor<768x3072xf32> -> tensor<768x1x3072xf32>
      tile.yield %r3 : tensor<768x1x3072xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x3072xf32>, !tile.gm<768x4x3072xf32>
  } {tile.parallel}
  tile.return
}

// -----

// Slots of 128 x 4096 f32 = 2 MiB, 24 rings: even two slots each (96 MiB)
// are over a quarter of L2, so no pairing.
// CHECK-LABEL: tile.kernel @too_big
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @too_big(%a: !tile.gm<768x64xbf16>, %b: !tile.gm<64x32768xbf16>, %y: !tile.gm<768x8x4096xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c4096 = arith.constant 4096 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x64xbf16> -> tensor<768x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x32768xbf16> -> tensor<64x32768xbf16>
  %p = tile.matmul %ta, %tb : tensor<768x64xbf16>, tensor<64x32768xbf16> -> tensor<768x32768xf32>
  scf.for %h = %c0 to %c8 step %c1 {
    %col = arith.muli %h, %c4096 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x32768xf32> -> tensor<768x4096xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<768x1x4096xf32> {
      %sq = tile.mul %s, %s : tensor<768x4096xf32>, tensor<768x4096xf32> -> tensor<768x4096xf32>
      %r3 = tile.reshape %sq : tensor<768x4096xf32> -> tensor<768x1x4096xf32>
      tile.yield %r3 : tensor<768x1x4096xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x4096xf32>, !tile.gm<768x8x4096xf32>
  } {tile.parallel}
  tile.return
}

// -----

// The product is also stored: something besides the scope reads it.
// CHECK-LABEL: tile.kernel @also_stored
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @also_stored(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out}, %z: !tile.gm<3072x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
    %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
    tile.yield %sq : tensor<3072x256xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.store %p, %z[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.return
}

// -----

// A slice of some of the rows: a consumer run does not read whole slots.
// CHECK-LABEL: tile.kernel @row_slice
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @row_slice(%a: !tile.gm<768x128xbf16>, %b: !tile.gm<128x512xbf16>, %y: !tile.gm<384x4x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c128 = arith.constant 128 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x128xbf16> -> tensor<768x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x512xbf16> -> tensor<128x512xbf16>
  %p = tile.matmul %ta, %tb : tensor<768x128xbf16>, tensor<128x512xbf16> -> tensor<768x512xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c128 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x512xf32> -> tensor<384x128xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<384x1x128xf32> {
      %sq = tile.mul %s, %s : tensor<384x128xf32>, tensor<384x128xf32> -> tensor<384x128xf32>
      %r3 = tile.reshape %sq : tensor<384x128xf32> -> tensor<384x1x128xf32>
      tile.yield %r3 : tensor<384x1x128xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<384x1x128xf32>, !tile.gm<384x4x128xf32>
  } {tile.parallel}
  tile.return
}

// -----

// A loop that is not parallel runs its iterations one after the other in
// the host: no pairing.
// CHECK-LABEL: tile.kernel @serial
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @serial(%a: !tile.gm<768x128xbf16>, %b: !tile.gm<128x512xbf16>, %y: !tile.gm<768x4x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c128 = arith.constant 128 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x128xbf16> -> tensor<768x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x512xbf16> -> tensor<128x512xbf16>
  %p = tile.matmul %ta, %tb : tensor<768x128xbf16>, tensor<128x512xbf16> -> tensor<768x512xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c128 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x512xf32> -> tensor<768x128xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<768x1x128xf32> {
      %sq = tile.mul %s, %s : tensor<768x128xf32>, tensor<768x128xf32> -> tensor<768x128xf32>
      %r3 = tile.reshape %sq : tensor<768x128xf32> -> tensor<768x1x128xf32>
      tile.yield %r3 : tensor<768x1x128xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x128xf32>, !tile.gm<768x4x128xf32>
  }
  tile.return
}

// -----

// Chunks of 128 rows (the scope's `tokens`) do not divide a 128-row slot's
// 64-row halves: each AIV would need rows of the other's half. No pairing.
// CHECK-LABEL: tile.kernel @half_chunks
// CHECK: tile.matmul
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
tile.kernel @half_chunks(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
    %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
    tile.yield %sq : tensor<3072x256xf32>
  } {tokens = 128 : i64}
  tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.return
}

// -----

// The q down-projection's shape: a 128-row product read whole by its chain
// is one slot, so paired it would run on one AIC where unpaired its blocks
// keep many busy. No pairing, unless idle cores are allowed; then the
// blocking is chosen for items of a whole slot (all 1024 columns): 16-row
// blocks, so that eight AICs get a slot, each keeping its A panel in L1.
// CHECK-LABEL: tile.kernel @one_slot
// CHECK: tile.matmul
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
// IDLE-LABEL: tile.kernel @one_slot
// IDLE: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 16, cols = 1024, slots = 4>, ascend.strategy = #ascend.blocking<m = 16, n = 64, k = 256, chunk = 512, panel = true, accumulators = 2, length = 16>
tile.kernel @one_slot(%a: !tile.gm<128x1024xbf16>, %b: !tile.gm<1024x1024xbf16>, %y: !tile.gm<128x1024xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x1024xbf16> -> tensor<128x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x1024xbf16> -> tensor<1024x1024xbf16>
  %p = tile.matmul %ta, %tb : tensor<128x1024xbf16>, tensor<1024x1024xbf16> -> tensor<128x1024xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<128x1024xf32> {
    %sq = tile.mul %p, %p : tensor<128x1024xf32>, tensor<128x1024xf32> -> tensor<128x1024xf32>
    tile.yield %sq : tensor<128x1024xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<128x1024xf32>, !tile.gm<128x1024xf32>
  tile.return
}

// -----

// The flagship's kv projection at T = 512: 16 slots keep as many cube cores
// busy as the unpaired matmul's 16 blocks of 128 x 128, but a slot of 32 rows
// x all 512 columns reads all of B (4 MiB) for its 32 rows: the paired AIC
// takes longer than the matmul and its chain apart. No pairing (pairing it,
// the flagship took 64 µs here instead of 24 for both projections joined).
// CHECK-LABEL: tile.kernel @slower
// CHECK: tile.matmul
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
// IDLE-LABEL: tile.kernel @slower
// IDLE: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 32, cols = 512, slots = 4>
tile.kernel @slower(%a: !tile.gm<512x4096xbf16>, %b: !tile.gm<4096x512xbf16>, %y: !tile.gm<512x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<512x4096xbf16> -> tensor<512x4096xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<4096x512xbf16> -> tensor<4096x512xbf16>
  %p = tile.matmul %ta, %tb : tensor<512x4096xbf16>, tensor<4096x512xbf16> -> tensor<512x512xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<512x512xf32> {
    %sq = tile.mul %p, %p : tensor<512x512xf32>, tensor<512x512xf32> -> tensor<512x512xf32>
    %sum = tile.row_sum %sq : tensor<512x512xf32> -> tensor<512x1xf32>
    %n = tile.mul %p, %sum : tensor<512x512xf32>, tensor<512x1xf32> -> tensor<512x512xf32>
    tile.yield %n : tensor<512x512xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<512x512xf32>, !tile.gm<512x512xf32>
  tile.return
}

// -----

// Run-time token rows (`tile.dim`) may be one row block at launch: there the
// product is one 256-column slot, where unpaired its blocks keep several cube
// cores busy. No pairing, though the bound's 24 slots would pay; allowed to
// idle cores, it pairs.
// CHECK-LABEL: tile.kernel @runtime_rows
// CHECK: tile.matmul
// CHECK-NOT: ascend.pairing
// CHECK: tile.return
// IDLE-LABEL: tile.kernel @runtime_rows
// IDLE: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<
tile.kernel @runtime_rows(%t: i32 {tile.dim = 3072 : i64}, %a: !tile.gm<3072x128xbf16> {tile.rows = 0 : i64}, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out, tile.rows = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
  %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
    %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
    tile.yield %sq : tensor<3072x256xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.return
}

// -----

// Run-time token rows read per head, 32 heads of 128 columns: even at one
// row block there are 32 slots, enough for every cube core; chunks of 32
// rows tile the slots' 64-row halves. Paired; the last slot filled at launch
// may be partial (pair-cube-vector-runtime-rows.tile).
// CHECK-LABEL: tile.kernel @runtime_rows_per_head
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 128, slots = 4>
tile.kernel @runtime_rows_per_head(%t: i32 {tile.dim = 768 : i64}, %a: !tile.gm<768x64xbf16> {tile.rows = 0 : i64}, %b: !tile.gm<64x4096xbf16>, %y: !tile.gm<768x32x128xf32> {tile.out, tile.rows = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  %c128 = arith.constant 128 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<768x64xbf16> -> tensor<768x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x4096xbf16> -> tensor<64x4096xbf16>
  %p = tile.matmul %ta, %tb : tensor<768x64xbf16>, tensor<64x4096xbf16> -> tensor<768x4096xf32>
  scf.for %h = %c0 to %c32 step %c1 {
    %col = arith.muli %h, %c128 : index
    %s = tile.slice %p[%c0, %col] : tensor<768x4096xf32> -> tensor<768x128xf32>
    %r = tile.scope "chain" core = <vector> -> tensor<768x1x128xf32> {
      %sq = tile.mul %s, %s : tensor<768x128xf32>, tensor<768x128xf32> -> tensor<768x128xf32>
      %r3 = tile.reshape %sq : tensor<768x128xf32> -> tensor<768x1x128xf32>
      tile.yield %r3 : tensor<768x1x128xf32>
    } {tokens = 32 : i64}
    tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x128xf32>, !tile.gm<768x32x128xf32>
  } {tile.parallel}
  tile.return
}

// -----

// 96 token rows (the flagship's q up-projection compiled for T = 96 had
// them): slots of 96 rows, the chain's items of 12 rows x2 tiling their
// 48-row halves. (Chosen for slots of up to 128 rows first, the items were
// 16 x2, and no row block of 96 rows is a multiple of 64: it did not pair.
// The flagship at T = 96 then took 51.8 µs, now 37.3.)
// CHECK-LABEL: tile.kernel @short_rows
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 96, cols = 256, slots = 4>
// CHECK: } {ascend.strategy = #ascend.chunking<rows = 12, double_buffered = true>}
tile.kernel @short_rows(%a: !tile.gm<96x1024xi8>, %b: !tile.gm<1024x16384xi8>, %y: !tile.gm<96x64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c256 = arith.constant 256 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<96x1024xi8> -> tensor<96x1024xi8>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x16384xi8> -> tensor<1024x16384xi8>
  %p = tile.matmul %ta, %tb : tensor<96x1024xi8>, tensor<1024x16384xi8> -> tensor<96x16384xi32>
  scf.for %h = %c0 to %c64 step %c1 {
    %col = arith.muli %h, %c256 : index
    %s = tile.slice %p[%c0, %col] : tensor<96x16384xi32> -> tensor<96x256xi32>
    %r = tile.scope "chain" core = <vector> -> tensor<96x1x256xf32> {
      %f = tile.cast %s {round = #tile.round<rint>} : tensor<96x256xi32> -> tensor<96x256xf32>
      %sq = tile.mul %f, %f : tensor<96x256xf32>, tensor<96x256xf32> -> tensor<96x256xf32>
      %sum = tile.row_sum %sq : tensor<96x256xf32> -> tensor<96x1xf32>
      %n = tile.mul %f, %sum : tensor<96x256xf32>, tensor<96x1xf32> -> tensor<96x256xf32>
      %n3 = tile.reshape %n : tensor<96x256xf32> -> tensor<96x1x256xf32>
      tile.yield %n3 : tensor<96x1x256xf32>
    }
    tile.store %r, %y[%c0, %h, %c0] : tensor<96x1x256xf32>, !tile.gm<96x64x256xf32>
  } {tile.parallel}
  tile.return
}
