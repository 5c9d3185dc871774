// RUN: tile-opt %s --tile-split-col-reductions -split-input-file -verify-diagnostics | FileCheck %s

// col_sum of [4096, 8] f32 on a2a3 (at most 1024 rows fit UB): 4 groups of
// 1024 rows side by side, their [1, 32] partial sums seen as [4, 8] and summed.
// CHECK-LABEL: tile.kernel @tall
// CHECK: %[[SIDE:.*]] = tile.reshape %{{.*}} : tensor<4096x8xf32> -> tensor<1024x32xf32>
// CHECK: %[[PART:.*]] = tile.col_sum %[[SIDE]] : tensor<1024x32xf32> -> tensor<1x32xf32>
// CHECK: %[[STACK:.*]] = tile.reshape %[[PART]] : tensor<1x32xf32> -> tensor<4x8xf32>
// CHECK: %[[SUM:.*]] = tile.col_sum %[[STACK]] : tensor<4x8xf32> -> tensor<1x8xf32>
// CHECK: tile.store %[[SUM]]
// A column reduction that fits and a row reduction stay.
// CHECK: tile.col_max %{{.*}} : tensor<1024x8xf32> -> tensor<1x8xf32>
// CHECK: tile.row_sum %{{.*}} : tensor<4096x8xf32> -> tensor<4096x1xf32>
module attributes {ascend.target = #ascend.target<a2a3>} {
  tile.kernel @tall(%x: !tile.gm<4096x8xf32>, %y: !tile.gm<1x8xf32> {tile.out},
                    %z: !tile.gm<1x8xf32> {tile.out}, %r: !tile.gm<4096x1xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %t = tile.load %x[%c0, %c0] : !tile.gm<4096x8xf32> -> tensor<4096x8xf32>
    %s = tile.col_sum %t : tensor<4096x8xf32> -> tensor<1x8xf32>
    tile.store %s, %y[%c0, %c0] : tensor<1x8xf32>, !tile.gm<1x8xf32>
    %h = tile.load %x[%c0, %c0] : !tile.gm<4096x8xf32> -> tensor<1024x8xf32>
    %m = tile.col_max %h : tensor<1024x8xf32> -> tensor<1x8xf32>
    tile.store %m, %z[%c0, %c0] : tensor<1x8xf32>, !tile.gm<1x8xf32>
    %w = tile.row_sum %t : tensor<4096x8xf32> -> tensor<4096x1xf32>
    tile.store %w, %r[%c0, %c0] : tensor<4096x1xf32>, !tile.gm<4096x1xf32>
    tile.return
  }
}

// -----

// 2^21 rows of i32: groups of 1024 leave 2048 partial rows, split once more.
// CHECK-LABEL: tile.kernel @taller
// CHECK: tile.col_min %{{.*}} : tensor<1024x16384xi32> -> tensor<1x16384xi32>
// CHECK: tile.col_min %{{.*}} : tensor<1024x16xi32> -> tensor<1x16xi32>
// CHECK: tile.col_min %{{.*}} : tensor<2x8xi32> -> tensor<1x8xi32>
module attributes {ascend.target = #ascend.target<a2a3>} {
  tile.kernel @taller(%x: !tile.gm<2097152x8xi32>, %y: !tile.gm<1x8xi32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %t = tile.load %x[%c0, %c0] : !tile.gm<2097152x8xi32> -> tensor<2097152x8xi32>
    %s = tile.col_min %t : tensor<2097152x8xi32> -> tensor<1x8xi32>
    tile.store %s, %y[%c0, %c0] : tensor<1x8xi32>, !tile.gm<1x8xi32>
    tile.return
  }
}

// -----

// A prime number of rows has no groups: an error that says the limit and the fix.
module attributes {ascend.target = #ascend.target<a2a3>} {
  tile.kernel @prime(%x: !tile.gm<1031x8xf32>, %y: !tile.gm<1x8xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %t = tile.load %x[%c0, %c0] : !tile.gm<1031x8xf32> -> tensor<1031x8xf32>
    // expected-error @+1 {{a column reduction keeps each column's rows together in UB: 192 bytes per row of a one-column chunk, so 1024 rows fill the 196608 bytes of UB; its 1031 rows have no divisor that splits them into groups of at most 1024: reduce row slices of at most 1024 rows and combine the results}}
    %s = tile.col_sum %t : tensor<1031x8xf32> -> tensor<1x8xf32>
    tile.store %s, %y[%c0, %c0] : tensor<1x8xf32>, !tile.gm<1x8xf32>
    tile.return
  }
}
