// tile.matmul: bf16 operands accumulate in f32 (the exact sum rounded once), i8 operands
// exactly in i32, optionally onto an accumulator.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   a=bf16:2x3:1,2,3,4,5,6 b=bf16:3x2:1,0.5,-1,0.25,2,0.125 \
// RUN:   p=i8:2x2:127,-128,-128,127 q=i8:2x2:127,1,-128,1 acc=i32:2x2:1,2,3,4 \
// RUN:   u=f32:1x3:16777216,1,1 v=f32:3x1:1,1,1
// RUN: tile-run %s --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @matmuls(%a: !tile.gm<2x3xbf16>, %b: !tile.gm<3x2xbf16>, %p: !tile.gm<2x2xi8>,
                     %q: !tile.gm<2x2xi8>, %acc: !tile.gm<2x2xi32>, %u: !tile.gm<1x3xf32>,
                     %v: !tile.gm<3x1xf32>, %c: !tile.gm<2x2xf32> {tile.out},
                     %ci: !tile.gm<2x2xi32> {tile.out}, %cu: !tile.gm<1x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %va = tile.load %a[%c0, %c0] : !tile.gm<2x3xbf16> -> tensor<2x3xbf16>
  %vb = tile.load %b[%c0, %c0] : !tile.gm<3x2xbf16> -> tensor<3x2xbf16>
  %0 = tile.matmul %va, %vb : tensor<2x3xbf16>, tensor<3x2xbf16> -> tensor<2x2xf32>
  tile.store %0, %c[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  %vp = tile.load %p[%c0, %c0] : !tile.gm<2x2xi8> -> tensor<2x2xi8>
  %vq = tile.load %q[%c0, %c0] : !tile.gm<2x2xi8> -> tensor<2x2xi8>
  %vacc = tile.load %acc[%c0, %c0] : !tile.gm<2x2xi32> -> tensor<2x2xi32>
  %1 = tile.matmul %vp, %vq acc %vacc : tensor<2x2xi8>, tensor<2x2xi8>, tensor<2x2xi32> -> tensor<2x2xi32>
  tile.store %1, %ci[%c0, %c0] : tensor<2x2xi32>, !tile.gm<2x2xi32>
  // 2^24 + 1 + 1: a running f32 sum gives 2^24, the exact sum 2^24 + 2.
  %vu = tile.load %u[%c0, %c0] : !tile.gm<1x3xf32> -> tensor<1x3xf32>
  %vv = tile.load %v[%c0, %c0] : !tile.gm<3x1xf32> -> tensor<3x1xf32>
  %2 = tile.matmul %vu, %vv : tensor<1x3xf32>, tensor<3x1xf32> -> tensor<1x1xf32>
  tile.store %2, %cu[%c0, %c0] : tensor<1x1xf32>, !tile.gm<1x1xf32>
  tile.return
}

// CHECK: c f32 [2, 2]: 5 1.375 11 4
// CHECK: ci i32 [2, 2]: 32514 1 -32509 3
// CHECK: cu f32 [1, 1]: 16777218
