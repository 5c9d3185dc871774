// RUN: tile-opt %s --tile-sink-compares --split-input-file -verify-diagnostics | FileCheck %s

// A compare read by two selects: each gets its own copy right before it, the
// original goes.
// CHECK-LABEL: tile.kernel @two_selects
// CHECK: %[[X:.*]] = tile.load
// CHECK-NEXT: %[[E:.*]] = tile.exp %[[X]]
// CHECK-NEXT: %[[M1:.*]] = tile.cmp <lt> %[[X]], %arg1
// CHECK-NEXT: %[[S1:.*]] = tile.select %[[M1]], %[[X]], %arg1
// CHECK-NEXT: %[[M2:.*]] = tile.cmp <lt> %[[X]], %arg1
// CHECK-NEXT: tile.select %[[M2]], %[[E]], %[[S1]]
// CHECK-NOT: tile.cmp
tile.kernel @two_selects(%x: !tile.gm<8x64xf32>, %s: f32, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %m = tile.cmp <lt> %v, %s : tensor<8x64xf32>, f32 -> tensor<8x64xi1>
  %e = tile.exp %v : tensor<8x64xf32>
  %a = tile.select %m, %v, %s : tensor<8x64xi1>, tensor<8x64xf32>, f32 -> tensor<8x64xf32>
  %b = tile.select %m, %e, %a : tensor<8x64xi1>, tensor<8x64xf32>, tensor<8x64xf32> -> tensor<8x64xf32>
  tile.store %b, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// A mask is computed in its select's task: nothing else may read it.
tile.kernel @carried(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %m = tile.cmp <gt> %v, %v : tensor<8x64xf32>, tensor<8x64xf32> -> tensor<8x64xi1>
  // expected-error @+1 {{'scf.for' op reads a mask; only select(mask, a, b) can: the lowering computes a mask in the select's task}}
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%k = %m) -> (tensor<8x64xi1>) {
    scf.yield %k : tensor<8x64xi1>
  }
  %s = tile.select %r, %v, %v : tensor<8x64xi1>, tensor<8x64xf32>, tensor<8x64xf32> -> tensor<8x64xf32>
  tile.store %s, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}
