// RUN: tile-opt %s --tile-push-slices --split-input-file | FileCheck %s

// The dequantisation is only read per head: it moves into the loop, onto the
// slices of its operands. The per-row scale covers every row and one column:
// it is used whole; the per-column scale is sliced along the columns only.
// CHECK-LABEL: tile.kernel @per_head
// CHECK-NOT: tile.mul
// CHECK: scf.for %[[H:.*]] =
// CHECK: %[[COL:.*]] = arith.muli %[[H]]
// CHECK: %[[ACC:.*]] = tile.slice %{{.*}}[%{{.*}}, %[[COL]]] : tensor<4x32xi32> -> tensor<4x8xi32>
// CHECK: %[[F:.*]] = tile.cast %[[ACC]] {round = #tile.round<rint>} : tensor<4x8xi32> -> tensor<4x8xf32>
// CHECK: %[[A:.*]] = tile.mul %[[F]], %[[SCALE:.*]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK: %[[WS:.*]] = tile.slice %{{.*}}[%{{.*}}, %[[COL]]] : tensor<1x32xf32> -> tensor<1x8xf32>
// CHECK: %[[B:.*]] = tile.mul %[[A]], %[[WS]] : tensor<4x8xf32>, tensor<1x8xf32> -> tensor<4x8xf32>
// CHECK: tile.store %[[B]]
tile.kernel @per_head(%acc: !tile.gm<4x32xi32>, %s: !tile.gm<4x1xf32>, %w: !tile.gm<1x32xf32>,
                      %out: !tile.gm<4x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %a = tile.load %acc[%c0, %c0] : !tile.gm<4x32xi32> -> tensor<4x32xi32>
  %scale = tile.load %s[%c0, %c0] : !tile.gm<4x1xf32> -> tensor<4x1xf32>
  %ws = tile.load %w[%c0, %c0] : !tile.gm<1x32xf32> -> tensor<1x32xf32>
  %f = tile.cast %a {round = #tile.round<rint>} : tensor<4x32xi32> -> tensor<4x32xf32>
  %m = tile.mul %f, %scale : tensor<4x32xf32>, tensor<4x1xf32> -> tensor<4x32xf32>
  %q = tile.mul %m, %ws : tensor<4x32xf32>, tensor<1x32xf32> -> tensor<4x32xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c8 : index
    %head = tile.slice %q[%c0, %col] : tensor<4x32xf32> -> tensor<4x8xf32>
    tile.store %head, %out[%c0, %col] : tensor<4x8xf32>, !tile.gm<4x32xf32>
  }
  tile.return
}

// -----

// A result also read whole stays where it is: pushing the slice would
// compute its elements twice.
// CHECK-LABEL: tile.kernel @also_read_whole
// CHECK: %[[E:.*]] = tile.exp
// CHECK: tile.slice %[[E]]
// CHECK: tile.store %[[E]]
tile.kernel @also_read_whole(%x: !tile.gm<4x8xf32>, %y: !tile.gm<4x4xf32> {tile.out},
                             %z: !tile.gm<4x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %e = tile.exp %v : tensor<4x8xf32>
  %s = tile.slice %e[%c0, %c0] : tensor<4x8xf32> -> tensor<4x4xf32>
  tile.store %s, %y[%c0, %c0] : tensor<4x4xf32>, !tile.gm<4x4xf32>
  tile.store %e, %z[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  tile.return
}

// -----

// Reductions are not elementwise: a slice of a row sum stays a slice of it.
// CHECK-LABEL: tile.kernel @reduction
// CHECK: %[[R:.*]] = tile.row_sum
// CHECK: tile.slice %[[R]]
tile.kernel @reduction(%x: !tile.gm<4x8xf32>, %y: !tile.gm<2x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %r = tile.row_sum %v : tensor<4x8xf32> -> tensor<4x1xf32>
  %s = tile.slice %r[%c0, %c0] : tensor<4x1xf32> -> tensor<2x1xf32>
  tile.store %s, %y[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  tile.return
}
