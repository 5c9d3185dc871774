// RUN: tile-opt %s -split-input-file --tile-form-tasks | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-form-tasks --tile-form-tasks | FileCheck %s
// RUN: not tile-opt %s -split-input-file --tile-place-gm --convert-tile-to-ascend -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNFORMED

// A scope whose strategy is #ascend.inline is replaced by its ops, which keep
// their own strategies and are tasks of their own; a scope with a chunking
// stays, one task, and the ops in it are not tasks.
// CHECK-LABEL: tile.kernel @scopes
// CHECK: %[[V:.*]] = tile.load %arg0[%{{.*}}, %{{.*}}] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
// CHECK-NEXT: %[[A:.*]] = tile.abs %[[V]] {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>, ascend.task = #ascend.core<aiv>}
// CHECK-NEXT: %[[N:.*]] = tile.neg %[[A]] {ascend.strategy = #ascend.chunking<rows = 32, cols = 64>, ascend.task = #ascend.core<aiv>}
// CHECK-NEXT: tile.store %[[N]], %arg1
// CHECK-NEXT: %[[S:.*]] = tile.scope "doubled" core = <vector>
// CHECK-NEXT: tile.abs %[[V]] : tensor<64x64xf32>
// CHECK-NEXT: tile.neg %{{.*}} : tensor<64x64xf32>
// CHECK: } {ascend.strategy = #ascend.chunking<rows = 16, double_buffered = true>, ascend.task = #ascend.core<aiv>}
// CHECK-NEXT: tile.store %[[S]], %arg2
// UNFORMED: error: 'tile.scope' op is not one task (#ascend.inline): run tile-form-tasks first
tile.kernel @scopes(%x: !tile.gm<64x64xf32>, %q: !tile.gm<64x64xf32> {tile.out}, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %r = tile.scope "inlined" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>} : tensor<64x64xf32>
    %n = tile.neg %a {ascend.strategy = #ascend.chunking<rows = 32, cols = 64>} : tensor<64x64xf32>
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

// An accumulating matmul is a product (the cube task, with the blocking
// without `accumulate`) and an add (a vector task, with that chunking).
// Unformed, the matmul (marked a task by hand) cannot be lowered.
// CHECK-LABEL: tile.kernel @mm
// CHECK: %[[C:.*]] = tile.load %arg2
// CHECK-NEXT: %[[P:.*]] = tile.matmul %{{.*}}, %{{.*}} {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 256, chunk = 256, panel = true, accumulators = 2, length = 1>, ascend.task = #ascend.core<aic>} :
// CHECK-NEXT: %[[SUM:.*]] = tile.add %[[P]], %[[C]] {ascend.strategy = #ascend.chunking<rows = 8, cols = 256>, ascend.task = #ascend.core<aiv>}
// CHECK-NEXT: tile.store %[[SUM]], %arg3
// UNFORMED: error: 'tile.matmul' op with an accumulator is not lowered yet
tile.kernel @mm(%a: !tile.gm<256x1024xbf16>, %b: !tile.gm<1024x256xbf16>, %c: !tile.gm<256x256xf32>, %y: !tile.gm<256x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x1024xbf16> -> tensor<256x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x256xbf16> -> tensor<1024x256xbf16>
  %tc = tile.load %c[%c0, %c0] : !tile.gm<256x256xf32> -> tensor<256x256xf32>
  %r = tile.matmul %ta, %tb acc %tc {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 256, chunk = 256, panel = true, accumulators = 2, length = 1, accumulate = <rows = 8, cols = 256>>, ascend.task = #ascend.core<aic>} : tensor<256x1024xbf16>, tensor<1024x256xbf16>, tensor<256x256xf32> -> tensor<256x256xf32>
  tile.store %r, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 256>]} : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.return
}

// -----

// Loads, views and stores are not tasks; a reduction is one, on the vector
// cores. Unformed, the reduction is not a task yet.
// CHECK-LABEL: tile.kernel @kinds
// CHECK: tile.load %arg0[%{{.*}}, %{{.*}}] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
// CHECK-NEXT: tile.slice %{{.*}}[%{{.*}}, %{{.*}}] : tensor<64x64xf32> -> tensor<32x64xf32>
// CHECK-NEXT: tile.row_sum %{{.*}} {ascend.strategy = #ascend.chunking<rows = 8, cols = 64>, ascend.task = #ascend.core<aiv>} : tensor<32x64xf32> -> tensor<32x1xf32>
// CHECK-NEXT: tile.store %{{.*}}, %arg1[%{{.*}}, %{{.*}}] {ascend.copies = [#ascend.chunking<rows = 32, cols = 1>]} : tensor<32x1xf32>, !tile.gm<32x1xf32>
// UNFORMED: error: 'tile.row_sum' op is not formed into a task (no `ascend.task`): run tile-form-tasks first
tile.kernel @kinds(%x: !tile.gm<64x64xf32>, %y: !tile.gm<32x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %h = tile.slice %t[%c0, %c0] : tensor<64x64xf32> -> tensor<32x64xf32>
  %s = tile.row_sum %h {ascend.strategy = #ascend.chunking<rows = 8, cols = 64>} : tensor<32x64xf32> -> tensor<32x1xf32>
  tile.store %s, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 32, cols = 1>]} : tensor<32x1xf32>, !tile.gm<32x1xf32>
  tile.return
}

// -----

// tile-form-tasks records the cores an op runs on; a vector op marked as a
// cube task by hand is an error at the lowering.
// CHECK-LABEL: tile.kernel @cores
// CHECK: tile.abs %{{.*}} {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>, ascend.task = #ascend.core<aiv>}
// UNFORMED: error: 'tile.abs' op runs on the vector cores (aiv), but its `ascend.task` says aic
tile.kernel @cores(%x: !tile.gm<64x64xf32>, %y: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %a = tile.abs %t {ascend.strategy = #ascend.chunking<rows = 64, cols = 64>, ascend.task = #ascend.core<aic>} : tensor<64x64xf32>
  tile.store %a, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 64>]} : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}
