// RUN: tile-opt %s --tile-fuse-rows --split-input-file | FileCheck %s

// A loop whose body is row-wise becomes a vector scope of its own, named after
// its .tile line: the constants move in front of it, the row-wise ops that
// make its carried tensors' first values (read by nothing else) move in with
// it, the load of a column window at the loop index stays in the loop, and the
// one-column update at the loop index becomes a select at that column (the
// positions are computed once, before the loop).
// CHECK-LABEL: tile.kernel @running
// CHECK: %[[C16:.*]] = arith.constant 16 : index
// CHECK: %[[R:.*]]:2 = tile.scope "fused_l4" core = <vector> -> tensor<8x1xf32>, tensor<8x4xf32> {
// CHECK-NEXT: %[[INF:.*]] = tile.full -1.000000e+30
// CHECK-NEXT: %[[ZERO:.*]] = tile.full 0.000000e+00
// CHECK-NEXT: %[[POS:.*]] = tile.iota : tensor<1x4xi32>
// CHECK-NEXT: %[[L:.*]]:2 = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INF]], %[[FOUND:.*]] = %[[ZERO]])
// CHECK-NEXT: %[[COL:.*]] = arith.muli %[[I]], %[[C16]]
// CHECK-NEXT: %[[X:.*]] = tile.load %arg0[%{{.*}}, %[[COL]]]
// CHECK-NEXT: %[[M:.*]] = tile.row_max %[[X]]
// CHECK-NEXT: %[[NEXT:.*]] = tile.max %[[ACC]], %[[M]]
// CHECK-NEXT: %[[AT:.*]] = arith.index_cast %[[I]] : index to i32
// CHECK-NEXT: %[[MASK:.*]] = tile.cmp <eq> %[[POS]], %[[AT]] : tensor<1x4xi32>, i32 -> tensor<1x4xi1>
// CHECK-NEXT: %[[UPDATED:.*]] = tile.select %[[MASK]], %[[NEXT]], %[[FOUND]] : tensor<1x4xi1>, tensor<8x1xf32>, tensor<8x4xf32> -> tensor<8x4xf32>
// CHECK-NEXT: scf.yield %[[NEXT]], %[[UPDATED]]
// CHECK-NEXT: }
// CHECK-NEXT: tile.yield %[[L]]#0, %[[L]]#1
// CHECK-NEXT: }
// CHECK-NEXT: tile.store %[[R]]#0, %arg1
// CHECK-NEXT: tile.store %[[R]]#1, %arg2
tile.kernel @running(%arg0: !tile.gm<8x64xf32>, %arg1: !tile.gm<8x1xf32> {tile.out}, %arg2: !tile.gm<8x4xf32> {tile.out}) {
  %0 = tile.full -1.000000e+30 : f32 : tensor<8x1xf32>
  %1 = tile.full 0.000000e+00 : f32 : tensor<8x4xf32>
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %2:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %0, %found = %1) -> (tensor<8x1xf32>, tensor<8x4xf32>) {
    %c0_0 = arith.constant 0 : index
    %c16 = arith.constant 16 : index
    %3 = arith.muli %i, %c16 : index
    %4 = tile.load %arg0[%c0_0, %3] : !tile.gm<8x64xf32> -> tensor<8x16xf32>
    %5 = tile.row_max %4 : tensor<8x16xf32> -> tensor<8x1xf32>
    %6 = tile.max %acc, %5 : tensor<8x1xf32>, tensor<8x1xf32> -> tensor<8x1xf32>
    %7 = tile.insert %6 into %found[%c0_0, %i] : tensor<8x1xf32> into tensor<8x4xf32>
    scf.yield %6, %7 : tensor<8x1xf32>, tensor<8x4xf32>
  } loc("k.tile":4:3)
  tile.store %2#0, %arg1[%c0, %c0] : tensor<8x1xf32>, !tile.gm<8x1xf32>
  tile.store %2#1, %arg2[%c0, %c0] : tensor<8x4xf32>, !tile.gm<8x4xf32>
  tile.return
}

// -----

// A store of a column at the loop index into an output stays in the loop; a
// loop bound from an i32 parameter is fine; the first value, read again
// after the loop, stays outside.
// CHECK-LABEL: tile.kernel @stored
// CHECK: %[[X:.*]] = tile.load %arg0
// CHECK: tile.scope "fused_l{{[0-9]+}}" core = <vector> {
// CHECK-NEXT: scf.for
// CHECK: tile.store %{{.*}}, %arg2[%{{.*}}, %{{.*}}] : tensor<8x1xf32>, !tile.gm<8x16xf32>
// CHECK: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: tile.store %[[X]], %arg3
tile.kernel @stored(%arg0: !tile.gm<8x64xf32>, %n: i32, %arg2: !tile.gm<8x16xf32> {tile.out}, %arg3: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x = tile.load %arg0[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %end = arith.index_cast %n : i32 to index
  %r = scf.for %i = %c0 to %end step %c1 iter_args(%rest = %x) -> (tensor<8x64xf32>) {
    %m = tile.row_max %rest : tensor<8x64xf32> -> tensor<8x1xf32>
    tile.store %m, %arg2[%c0, %i] : tensor<8x1xf32>, !tile.gm<8x16xf32>
    %less = tile.sub %rest, %m : tensor<8x64xf32>, tensor<8x1xf32> -> tensor<8x64xf32>
    scf.yield %less : tensor<8x64xf32>
  }
  tile.store %x, %arg3[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// Loops that stay in the host program: a matmul in the body (cube), a parallel
// loop carrying nothing (ascend-fold-parallel-loops makes it one launch), a
// loop loading what it stores (GM would need ordering within the task), and
// one yielding a carried tensor in another's place (each is updated in its own
// UB tile at the iteration's end). Their bodies still fuse on their own.
// CHECK-LABEL: tile.kernel @host_loops
// CHECK-NOT: tile.scope {{.*}}{
// CHECK: scf.for
// CHECK: tile.matmul
// CHECK: scf.for
// CHECK: } {tile.parallel}
// CHECK: scf.for
// CHECK: tile.load %arg2
// CHECK: tile.store %{{.*}}, %arg2[
// CHECK: scf.for {{.*}} iter_args(%[[A:.*]] = %{{.*}}, %[[B:.*]] = %{{.*}})
// CHECK-NEXT: scf.yield %[[B]], %[[A]]
tile.kernel @host_loops(%a: !tile.gm<16x16xf32>, %b: !tile.gm<16x16xf32>, %x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %va = tile.load %a[%c0, %c0] : !tile.gm<16x16xf32> -> tensor<16x16xf32>
  %vb = tile.load %b[%c0, %c0] : !tile.gm<16x16xf32> -> tensor<16x16xf32>
  %p = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %va) -> (tensor<16x16xf32>) {
    %m = tile.matmul %acc, %vb : tensor<16x16xf32>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %m : tensor<16x16xf32>
  }
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    %w = tile.load %x[%c0, %col] : !tile.gm<16x64xf32> -> tensor<16x16xf32>
    %e = tile.exp %w : tensor<16x16xf32>
    tile.store %e, %y[%c0, %col] : tensor<16x16xf32>, !tile.gm<16x64xf32>
  } {tile.parallel}
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    %w = tile.load %x[%c0, %col] : !tile.gm<16x64xf32> -> tensor<16x16xf32>
    tile.store %w, %x[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x64xf32>
  }
  %s:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%u = %va, %v = %vb) -> (tensor<16x16xf32>, tensor<16x16xf32>) {
    scf.yield %v, %u : tensor<16x16xf32>, tensor<16x16xf32>
  }
  tile.store %p, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x64xf32>
  tile.store %s#0, %y[%c0, %c16] : tensor<16x16xf32>, !tile.gm<16x64xf32>
  tile.return
}
