// Row and column reductions. Float sums are the exact sum rounded once (1e8 + 1 - 1e8 = 1,
// where a running f32 sum would give 0); integer sums wrap.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   x=f32:2x3:1,-2,3,4,5,-6 big=f32:1x3:1e8,1,-1e8 n=i32:1x2:2147483647,1
// RUN: tile-run %s --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @reductions(%x: !tile.gm<2x3xf32>, %big: !tile.gm<1x3xf32>, %n: !tile.gm<1x2xi32>,
                        %rsum: !tile.gm<2x1xf32> {tile.out}, %rmax: !tile.gm<2x1xf32> {tile.out},
                        %rmin: !tile.gm<2x1xf32> {tile.out}, %csum: !tile.gm<1x3xf32> {tile.out},
                        %cmax: !tile.gm<1x3xf32> {tile.out}, %cmin: !tile.gm<1x3xf32> {tile.out},
                        %exact: !tile.gm<1x1xf32> {tile.out}, %wrapped: !tile.gm<1x1xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<2x3xf32> -> tensor<2x3xf32>
  %0 = tile.row_sum %v : tensor<2x3xf32> -> tensor<2x1xf32>
  %1 = tile.row_max %v : tensor<2x3xf32> -> tensor<2x1xf32>
  %2 = tile.row_min %v : tensor<2x3xf32> -> tensor<2x1xf32>
  %3 = tile.col_sum %v : tensor<2x3xf32> -> tensor<1x3xf32>
  %4 = tile.col_max %v : tensor<2x3xf32> -> tensor<1x3xf32>
  %5 = tile.col_min %v : tensor<2x3xf32> -> tensor<1x3xf32>
  tile.store %0, %rsum[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  tile.store %1, %rmax[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  tile.store %2, %rmin[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  tile.store %3, %csum[%c0, %c0] : tensor<1x3xf32>, !tile.gm<1x3xf32>
  tile.store %4, %cmax[%c0, %c0] : tensor<1x3xf32>, !tile.gm<1x3xf32>
  tile.store %5, %cmin[%c0, %c0] : tensor<1x3xf32>, !tile.gm<1x3xf32>
  %vb = tile.load %big[%c0, %c0] : !tile.gm<1x3xf32> -> tensor<1x3xf32>
  %6 = tile.row_sum %vb : tensor<1x3xf32> -> tensor<1x1xf32>
  tile.store %6, %exact[%c0, %c0] : tensor<1x1xf32>, !tile.gm<1x1xf32>
  %vn = tile.load %n[%c0, %c0] : !tile.gm<1x2xi32> -> tensor<1x2xi32>
  %7 = tile.row_sum %vn : tensor<1x2xi32> -> tensor<1x1xi32>
  tile.store %7, %wrapped[%c0, %c0] : tensor<1x1xi32>, !tile.gm<1x1xi32>
  tile.return
}

// CHECK: cmax f32 [1, 3]: 4 5 3
// CHECK: cmin f32 [1, 3]: 1 -2 -6
// CHECK: csum f32 [1, 3]: 5 3 -3
// CHECK: exact f32 [1, 1]: 1
// CHECK: rmax f32 [2, 1]: 3 5
// CHECK: rmin f32 [2, 1]: -2 -6
// CHECK: rsum f32 [2, 1]: 2 3
// CHECK: wrapped i32 [1, 1]: -2147483648
