// RUN: tile-opt %s -split-input-file --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize --cse | FileCheck %s

// Strategies written by hand, each different from what tile-select-strategy
// chooses (test/Conversion/select-strategy.mlir), are what the lowering
// builds. This mul would run in 8 chunks of 8 × 256; here it runs in 32
// chunks of 4 × 128.
// CHECK-LABEL: tile.kernel @mul
// CHECK: ascend.launch @mul_mul_l{{[0-9]+}}(%arg0, %arg1) blocks = 32
// CHECK-LABEL: ascend.task @mul_mul_l
// CHECK: ascend.alloc : !ascend.tile<4x128xf32, ub>
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %c32 step
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c4
// CHECK:   %[[COL:.*]] = arith.muli %{{.*}}, %c128
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[ROW]], %[[COL]]] : !ascend.tile<4x128xf32, ub>
tile.kernel @mul(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  %sq = tile.mul %t, %t {ascend.strategy = #ascend.chunking<rows = 4, cols = 128>} : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  tile.store %sq, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 256>]} : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

// This matmul would run in 64 × 64 blocks with A's panel in L1; here in four
// 128 × 128 blocks, A and B staged in chunks of two 64-deep K steps, one
// accumulator.
// CHECK-LABEL: tile.kernel @mm
// CHECK: ascend.launch @mm_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg2) blocks = 4
// CHECK-LABEL: ascend.task @mm_matmul_l
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<128x128xbf16, l1>
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<128x64xbf16, l0a>
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<64x128xbf16, l0b>
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<128x128xf32, l0c>
// CHECK-NOT: l0c>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c4 step
tile.kernel @mm(%a: !tile.gm<256x1024xbf16>, %b: !tile.gm<1024x256xbf16>, %c: !tile.gm<256x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x1024xbf16> -> tensor<256x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x256xbf16> -> tensor<1024x256xbf16>
  %r = tile.matmul %ta, %tb {ascend.strategy = #ascend.blocking<m = 128, n = 128, k = 64, chunk = 128, panel = false, accumulators = 1, length = 1>} : tensor<256x1024xbf16>, tensor<1024x256xbf16> -> tensor<256x256xf32>
  tile.store %r, %c[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 256>]} : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.return
}

// -----

// A scope that would be one task in chunks of 2 rows: inlined by hand, each
// op is a task; fused by hand in double-buffered chunks of 16 rows, a work
// item is two chunks, so two items cover the 64 rows.
// CHECK-LABEL: tile.kernel @scopes
// CHECK: ascend.launch @scopes_abs_l{{[0-9]+}}
// CHECK: ascend.launch @scopes_neg_l{{[0-9]+}}
// CHECK: ascend.launch @scopes_doubled(%arg0, %arg2) blocks = 2
// CHECK-LABEL: ascend.task @scopes_doubled
// CHECK-SAME: ascend.strategy = #ascend.chunking<rows = 16, double_buffered = true>
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<16x64xf32, ub>
// CHECK-DAG: ascend.alloc {stage = 1 : i64} : !ascend.tile<16x64xf32, ub>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c2 step
tile.kernel @scopes(%x: !tile.gm<64x64xf32>, %q: !tile.gm<64x64xf32> {tile.out}, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %r = tile.scope "inlined" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>} : tensor<64x64xf32>
    %n = tile.neg %a {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>} : tensor<64x64xf32>
    tile.yield %n : tensor<64x64xf32>
  } {ascend.strategy = #ascend.inline}
  tile.store %r, %q[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 64>]} : tensor<64x64xf32>, !tile.gm<64x64xf32>
  %s = tile.scope "doubled" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v : tensor<64x64xf32>
    %n = tile.neg %a : tensor<64x64xf32>
    tile.yield %n : tensor<64x64xf32>
  } {ascend.strategy = #ascend.chunking<rows = 16, double_buffered = true>}
  tile.store %s, %z[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 64>]} : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// A store of a loaded tensor copies it; tile-select-strategy would copy all
// 64 rows at once, here it copies 16 chunks of 16 × 64.
// CHECK-LABEL: tile.kernel @copy
// CHECK: ascend.launch @copy_copy_{{[0-9]+}}(%arg0, %arg1) blocks = 16
// CHECK-LABEL: ascend.task @copy_copy_
// CHECK: ascend.alloc : !ascend.tile<16x64xf32, ub>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c16 step
tile.kernel @copy(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  tile.store %t, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 16, cols = 64>]} : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}
