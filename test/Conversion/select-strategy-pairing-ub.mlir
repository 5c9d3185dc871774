// RUN: tile-opt %s -split-input-file --tile-select-strategy=pair-cube-vector=true | FileCheck %s

// Pairing on a5, whose fixpipe moves L0C -> UB (StrategyPairing.cpp): a cut
// may put the ring in the AIVs' UB, each slot one accumulator block of all the
// columns a consumer run reads, each AIV's half one chunk of the chain, the
// ring at most half an AIV's UB. The consumer's estimate then loads no product
// (it arrives in UB), and a tie goes to UB.

// The per-head RMSNorm of test/Conversion/pair-cube-vector.tile: 64-row
// slots of one 64 x 128 f32 block (UB: 4 slots of 32 x 128 halves, 64 KiB),
// chains of 32-row chunks, not double buffered.
// CHECK-LABEL: tile.kernel @per_head
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 64, cols = 128, slots = 4, memory = ub>
// CHECK-SAME: ascend.strategy = #ascend.blocking<m = 64, n = 128,
// CHECK: tile.scope "chain"
// CHECK: ascend.strategy = #ascend.chunking<rows = 32>
module attributes {ascend.target = #ascend.target<a5>} {
  tile.kernel @per_head(%a: !tile.gm<768x64xbf16>, %b: !tile.gm<64x512xbf16>, %sc: !tile.gm<768x1xf32>,
                         %y: !tile.gm<768x4x128xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c128 = arith.constant 128 : index
    %ta = tile.load %a[%c0, %c0] : !tile.gm<768x64xbf16> -> tensor<768x64xbf16>
    %tb = tile.load %b[%c0, %c0] : !tile.gm<64x512xbf16> -> tensor<64x512xbf16>
    %tsc = tile.load %sc[%c0, %c0] : !tile.gm<768x1xf32> -> tensor<768x1xf32>
    %eps = arith.constant 1.0e-6 : f32
    %width = arith.constant 128.0 : f32
    %p = tile.matmul %ta, %tb : tensor<768x64xbf16>, tensor<64x512xbf16> -> tensor<768x512xf32>
    scf.for %h = %c0 to %c4 step %c1 {
      %col = arith.muli %h, %c128 : index
      %s = tile.slice %p[%c0, %col] : tensor<768x512xf32> -> tensor<768x128xf32>
      %r = tile.scope "chain" core = <vector> -> tensor<768x1x128xf32> {
        %v = tile.mul %s, %tsc : tensor<768x128xf32>, tensor<768x1xf32> -> tensor<768x128xf32>
        %sq = tile.mul %v, %v : tensor<768x128xf32>, tensor<768x128xf32> -> tensor<768x128xf32>
        %sum = tile.row_sum %sq : tensor<768x128xf32> -> tensor<768x1xf32>
        %mean = tile.div %sum, %width : tensor<768x1xf32>, f32 -> tensor<768x1xf32>
        %shift = tile.add %mean, %eps : tensor<768x1xf32>, f32 -> tensor<768x1xf32>
        %inv = tile.rsqrt %shift : tensor<768x1xf32>
        %n = tile.mul %v, %inv : tensor<768x128xf32>, tensor<768x1xf32> -> tensor<768x128xf32>
        %n3 = tile.reshape %n : tensor<768x128xf32> -> tensor<768x1x128xf32>
        tile.yield %n3 : tensor<768x1x128xf32>
      }
      tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x128xf32>, !tile.gm<768x4x128xf32>
    } {tile.parallel}
    tile.return
  }
}

// -----

// The same on a2a3, which has no L0C -> UB path: the ring is in GM.
// CHECK-LABEL: tile.kernel @per_head_a2a3
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = {{[0-9]+}}, cols = 128, slots = {{[0-9]}}>,
module attributes {ascend.target = #ascend.target<a2a3>} {
  tile.kernel @per_head_a2a3(%a: !tile.gm<768x64xbf16>, %b: !tile.gm<64x512xbf16>, %sc: !tile.gm<768x1xf32>,
                         %y: !tile.gm<768x4x128xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c128 = arith.constant 128 : index
    %ta = tile.load %a[%c0, %c0] : !tile.gm<768x64xbf16> -> tensor<768x64xbf16>
    %tb = tile.load %b[%c0, %c0] : !tile.gm<64x512xbf16> -> tensor<64x512xbf16>
    %tsc = tile.load %sc[%c0, %c0] : !tile.gm<768x1xf32> -> tensor<768x1xf32>
    %eps = arith.constant 1.0e-6 : f32
    %width = arith.constant 128.0 : f32
    %p = tile.matmul %ta, %tb : tensor<768x64xbf16>, tensor<64x512xbf16> -> tensor<768x512xf32>
    scf.for %h = %c0 to %c4 step %c1 {
      %col = arith.muli %h, %c128 : index
      %s = tile.slice %p[%c0, %col] : tensor<768x512xf32> -> tensor<768x128xf32>
      %r = tile.scope "chain" core = <vector> -> tensor<768x1x128xf32> {
        %v = tile.mul %s, %tsc : tensor<768x128xf32>, tensor<768x1xf32> -> tensor<768x128xf32>
        %sq = tile.mul %v, %v : tensor<768x128xf32>, tensor<768x128xf32> -> tensor<768x128xf32>
        %sum = tile.row_sum %sq : tensor<768x128xf32> -> tensor<768x1xf32>
        %mean = tile.div %sum, %width : tensor<768x1xf32>, f32 -> tensor<768x1xf32>
        %shift = tile.add %mean, %eps : tensor<768x1xf32>, f32 -> tensor<768x1xf32>
        %inv = tile.rsqrt %shift : tensor<768x1xf32>
        %n = tile.mul %v, %inv : tensor<768x128xf32>, tensor<768x1xf32> -> tensor<768x128xf32>
        %n3 = tile.reshape %n : tensor<768x128xf32> -> tensor<768x1x128xf32>
        tile.yield %n3 : tensor<768x1x128xf32>
      }
      tile.store %r, %y[%c0, %h, %c0] : tensor<768x1x128xf32>, !tile.gm<768x4x128xf32>
    } {tile.parallel}
    tile.return
  }
}
