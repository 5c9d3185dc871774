// RUN: tile-opt %s --tile-fuse-rows --split-input-file | FileCheck %s

// RMSNorm spelled op by op, then a cast: one scope, named after the .tile
// line of its last op, exporting the value the store reads.
// CHECK-LABEL: tile.kernel @rms_norm
// CHECK: %[[X:.*]] = tile.load
// CHECK: %[[G:.*]] = tile.load
// CHECK: %[[Y:.*]] = tile.scope "fused_l7" core = <vector> -> tensor<4x8xbf16> {
// CHECK-NEXT: tile.cast %[[X]]
// CHECK-NEXT: tile.mul
// CHECK-NEXT: tile.row_sum
// CHECK-NEXT: tile.div
// CHECK-NEXT: tile.rsqrt
// CHECK-NEXT: tile.mul
// CHECK-NEXT: tile.mul %{{.*}}, %[[G]]
// CHECK-NEXT: %[[B:.*]] = tile.cast
// CHECK-NEXT: tile.yield %[[B]] : tensor<4x8xbf16>
// CHECK-NEXT: }
// CHECK-NEXT: tile.store %[[Y]]
tile.kernel @rms_norm(%x: !tile.gm<4x8xbf16>, %g: !tile.gm<1x8xf32>, %y: !tile.gm<4x8xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %n = arith.constant 8.0 : f32
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xbf16> -> tensor<4x8xbf16>
  %gamma = tile.load %g[%c0, %c0] : !tile.gm<1x8xf32> -> tensor<1x8xf32>
  %f = tile.cast %v : tensor<4x8xbf16> -> tensor<4x8xf32>
  %sq = tile.mul %f, %f : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %sum = tile.row_sum %sq : tensor<4x8xf32> -> tensor<4x1xf32>
  %mean = tile.div %sum, %n : tensor<4x1xf32>, f32 -> tensor<4x1xf32>
  %inv = tile.rsqrt %mean : tensor<4x1xf32>
  %norm = tile.mul %f, %inv : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  %scaled = tile.mul %norm, %gamma : tensor<4x8xf32>, tensor<1x8xf32> -> tensor<4x8xf32>
  %b = tile.cast %scaled {round = #tile.round<rint>} : tensor<4x8xf32> -> tensor<4x8xbf16> loc("k.tile":7:3)
  tile.store %b, %y[%c0, %c0] : tensor<4x8xbf16>, !tile.gm<4x8xbf16>
  tile.return
}

// -----

// A matmul between two chains: the first chain's result goes to the cube, the
// second chain starts from the product. The scale computed before the matmul
// is also read after it, but the matmul reads the first group's value before
// that: the later ops cannot join the first group (the scope would have to
// sit both before and after the matmul), so they form a second one.
// CHECK-LABEL: tile.kernel @around_matmul
// CHECK: %[[FIRST:.*]]:2 = tile.scope "fused_l1" core = <vector> -> tensor<4x1xf32>, tensor<4x8xbf16> {
// CHECK: tile.abs
// CHECK: tile.row_max
// CHECK: tile.yield
// CHECK: %[[P:.*]] = tile.matmul %[[FIRST]]#1
// CHECK-NEXT: tile.scope "fused_l2" core = <vector> -> tensor<4x16xf32> {
// CHECK-NEXT: tile.mul %[[P]], %[[FIRST]]#0
// CHECK-NEXT: tile.exp
tile.kernel @around_matmul(%x: !tile.gm<4x8xf32>, %w: !tile.gm<8x16xbf16>, %y: !tile.gm<4x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %wv = tile.load %w[%c0, %c0] : !tile.gm<8x16xbf16> -> tensor<8x16xbf16>
  %a = tile.abs %v : tensor<4x8xf32>
  %m = tile.row_max %a : tensor<4x8xf32> -> tensor<4x1xf32>
  %n = tile.mul %v, %m : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  %nb = tile.cast %n {round = #tile.round<rint>} : tensor<4x8xf32> -> tensor<4x8xbf16> loc("k.tile":1:1)
  %p = tile.matmul %nb, %wv : tensor<4x8xbf16>, tensor<8x16xbf16> -> tensor<4x16xf32>
  %q = tile.mul %p, %m : tensor<4x16xf32>, tensor<4x1xf32> -> tensor<4x16xf32>
  %r = tile.exp %q : tensor<4x16xf32> loc("k.tile":2:1)
  tile.store %r, %y[%c0, %c0] : tensor<4x16xf32>, !tile.gm<4x16xf32>
  tile.return
}

// -----

// Column reductions cross the token rows: they stay out, and what is left of
// each chain is a single op, which needs no scope.
// CHECK-LABEL: tile.kernel @column_sum
// CHECK-NOT: tile.scope
// CHECK: tile.exp
// CHECK-NEXT: tile.col_sum
// CHECK-NEXT: tile.exp
tile.kernel @column_sum(%x: !tile.gm<4x8xf32>, %y: !tile.gm<1x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %e = tile.exp %v : tensor<4x8xf32>
  %s = tile.col_sum %e : tensor<4x8xf32> -> tensor<1x8xf32>
  %t = tile.exp %s : tensor<1x8xf32>
  tile.store %t, %y[%c0, %c0] : tensor<1x8xf32>, !tile.gm<1x8xf32>
  tile.return
}

// -----

// A group whose only computed value the rest of the kernel reads is a single
// row (the same for every token) is left unfused.
// CHECK-LABEL: tile.kernel @invariant_export
// CHECK-NOT: tile.scope
tile.kernel @invariant_export(%g: !tile.gm<1x8xbf16>, %x: !tile.gm<4x8xf32>,
                              %y: !tile.gm<4x8xf32> {tile.out}, %z: !tile.gm<1x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %gv = tile.load %g[%c0, %c0] : !tile.gm<1x8xbf16> -> tensor<1x8xbf16>
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %gf = tile.cast %gv : tensor<1x8xbf16> -> tensor<1x8xf32>
  %m = tile.mul %v, %gf : tensor<4x8xf32>, tensor<1x8xf32> -> tensor<4x8xf32>
  tile.store %m, %y[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  tile.store %gf, %z[%c0, %c0] : tensor<1x8xf32>, !tile.gm<1x8xf32>
  tile.return
}

// -----

// A column window joins a fused chain only when its first column starts a
// 32-byte block (the fused lowering moves it with a UB TEXTRACT, which a2a3
// runs on whole blocks): column 8 of f32 does, column 3 does not, so that
// slice stays a GM window between two scopes.
// CHECK-LABEL: tile.kernel @aligned_slice
// CHECK: tile.scope
// CHECK: tile.exp
// CHECK-NEXT: tile.slice
// CHECK-NEXT: tile.add
// CHECK-LABEL: tile.kernel @unaligned_slice
// CHECK: %[[E:.*]] = tile.scope "fused_l{{[0-9]+}}" core = <vector> -> tensor<4x64xf32> {
// CHECK: tile.exp
// CHECK-NEXT: tile.yield
// CHECK: %[[S:.*]] = tile.slice %[[E]]
// CHECK-NEXT: tile.scope "fused_l{{[0-9]+}}" core = <vector> -> tensor<4x4xf32> {
// CHECK-NEXT: tile.add %[[S]], %[[S]]
tile.kernel @aligned_slice(%x: !tile.gm<4x64xf32>, %y: !tile.gm<4x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x64xf32> -> tensor<4x64xf32>
  %a = tile.mul %v, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
  %e = tile.exp %a : tensor<4x64xf32>
  %s = tile.slice %e[%c0, %c8] : tensor<4x64xf32> -> tensor<4x8xf32>
  %b = tile.add %s, %s : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %b, %y[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  tile.return
}
tile.kernel @unaligned_slice(%x: !tile.gm<4x64xf32>, %y: !tile.gm<4x4xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x64xf32> -> tensor<4x64xf32>
  %a = tile.mul %v, %v : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
  %e = tile.exp %a : tensor<4x64xf32>
  %s = tile.slice %e[%c0, %c3] : tensor<4x64xf32> -> tensor<4x4xf32>
  %b = tile.add %s, %s : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32>
  %n = tile.neg %b : tensor<4x4xf32>
  tile.store %n, %y[%c0, %c0] : tensor<4x4xf32>, !tile.gm<4x4xf32>
  tile.return
}

// -----

// Operands broadcast over other rows than the token rows ([1, 32, 64] against
// [4, 32, 64]) fuse: each chunk reads the operand rows they map to.
// CHECK-LABEL: tile.kernel @broadcast_rows
// CHECK: %[[Q:.*]] = tile.load %arg0
// CHECK: %[[K:.*]] = tile.load %arg1
// CHECK: %[[Y:.*]] = tile.scope "fused_l3" core = <vector> -> tensor<4x32x64xf32> {
// CHECK-NEXT: tile.mul %[[Q]], %[[K]]
// CHECK-NEXT: tile.exp
// CHECK-NEXT: %[[S:.*]] = tile.add %{{.*}}, %[[Q]]
// CHECK-NEXT: tile.yield %[[S]]
// CHECK-NEXT: }
// CHECK-NEXT: tile.store %[[Y]]
tile.kernel @broadcast_rows(%q: !tile.gm<1x32x64xf32>, %k: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0] : !tile.gm<1x32x64xf32> -> tensor<1x32x64xf32>
  %b = tile.load %k[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %m = tile.mul %a, %b : tensor<1x32x64xf32>, tensor<4x32x64xf32> -> tensor<4x32x64xf32>
  %e = tile.exp %m : tensor<4x32x64xf32>
  %s = tile.add %e, %a : tensor<4x32x64xf32>, tensor<1x32x64xf32> -> tensor<4x32x64xf32> loc("k.tile":3:5)
  tile.store %s, %y[%c0, %c0, %c0] : tensor<4x32x64xf32>, !tile.gm<4x32x64xf32>
  tile.return
}

// -----

// A compare goes into the group of the select reading its mask, even when the
// compare's operands come from another group's producer; the mask is never a
// scope result.
// CHECK-LABEL: tile.kernel @masked_softmax
// CHECK: tile.scope "fused_l9" core = <vector> -> tensor<8x64xf32> {
// CHECK-NEXT: tile.iota
// CHECK-NEXT: tile.mul
// CHECK-NEXT: tile.cmp <lt>
// CHECK-NEXT: tile.select
// CHECK-NEXT: tile.row_max
// CHECK-NEXT: tile.sub
// CHECK-NEXT: %[[E:.*]] = tile.exp
// CHECK-NEXT: tile.yield %[[E]] : tensor<8x64xf32>
tile.kernel @masked_softmax(%x: !tile.gm<8x64xf32>, %n: i32, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %scale = arith.constant 0.125 : f32
  %ninf = arith.constant -1.0e30 : f32
  %v = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %i = tile.iota : tensor<1x64xi32>
  %s = tile.mul %v, %scale : tensor<8x64xf32>, f32 -> tensor<8x64xf32>
  %m = tile.cmp <lt> %i, %n : tensor<1x64xi32>, i32 -> tensor<1x64xi1>
  %masked = tile.select %m, %s, %ninf : tensor<1x64xi1>, tensor<8x64xf32>, f32 -> tensor<8x64xf32>
  %max = tile.row_max %masked : tensor<8x64xf32> -> tensor<8x1xf32>
  %d = tile.sub %masked, %max : tensor<8x64xf32>, tensor<8x1xf32> -> tensor<8x64xf32>
  %e = tile.exp %d : tensor<8x64xf32> loc("k.tile":9:3)
  tile.store %e, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}
