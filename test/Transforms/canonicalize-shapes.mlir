// RUN: tile-opt %s --tile-canonicalize-shapes --split-input-file | FileCheck %s

// A rank-3 load feeding elementwise math: the math runs on [128, 64] rows
// between reshapes, and the reshape chain back to rank 3 folds into one.
// CHECK-LABEL: tile.kernel @rank3_elementwise
// CHECK: %[[X:.*]] = tile.load {{.*}} -> tensor<1x128x64xbf16>
// CHECK: %[[ROWS:.*]] = tile.reshape %[[X]] : tensor<1x128x64xbf16> -> tensor<128x64xbf16>
// CHECK: %[[F:.*]] = tile.cast %[[ROWS]] : tensor<128x64xbf16> -> tensor<128x64xf32>
// CHECK-NOT: tile.reshape
// CHECK: %[[SUM:.*]] = tile.add %[[F]], %[[F]] : tensor<128x64xf32>, tensor<128x64xf32> -> tensor<128x64xf32>
// CHECK: %[[NEG:.*]] = tile.neg %[[SUM]] : tensor<128x64xf32>
// CHECK: %[[BACK:.*]] = tile.reshape %[[NEG]] : tensor<128x64xf32> -> tensor<1x128x64xf32>
// CHECK: tile.store %[[BACK]]
tile.kernel @rank3_elementwise(%x: !tile.gm<1x128x64xbf16>, %y: !tile.gm<1x128x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0, %c0] : !tile.gm<1x128x64xbf16> -> tensor<1x128x64xbf16>
  %1 = tile.cast %0 : tensor<1x128x64xbf16> -> tensor<1x128x64xf32>
  %2 = tile.add %1, %1 : tensor<1x128x64xf32>, tensor<1x128x64xf32> -> tensor<1x128x64xf32>
  %3 = tile.neg %2 : tensor<1x128x64xf32>
  tile.store %3, %y[%c0, %c0, %c0] : tensor<1x128x64xf32>, !tile.gm<1x128x64xf32>
  tile.return
}

// -----

// A scalar operand stays; flattening keeps [2*3, 8].
// CHECK-LABEL: tile.kernel @rank3_with_scalar
// CHECK: tile.mul %{{.*}}, %{{.*}} : tensor<6x8xf32>, f32 -> tensor<6x8xf32>
tile.kernel @rank3_with_scalar(%x: !tile.gm<2x3x8xf32>, %s: f32, %y: !tile.gm<2x3x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0, %c0] : !tile.gm<2x3x8xf32> -> tensor<2x3x8xf32>
  %1 = tile.mul %0, %s : tensor<2x3x8xf32>, f32 -> tensor<2x3x8xf32>
  tile.store %1, %y[%c0, %c0, %c0] : tensor<2x3x8xf32>, !tile.gm<2x3x8xf32>
  tile.return
}

// -----

// Broadcasting between rank-3 tensors is left alone.
// CHECK-LABEL: tile.kernel @rank3_broadcast
// CHECK: tile.mul %{{.*}}, %{{.*}} : tensor<2x3x8xf32>, tensor<2x1x8xf32> -> tensor<2x3x8xf32>
tile.kernel @rank3_broadcast(%x: !tile.gm<2x3x8xf32>, %b: !tile.gm<2x1x8xf32>, %y: !tile.gm<2x3x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0, %c0] : !tile.gm<2x3x8xf32> -> tensor<2x3x8xf32>
  %1 = tile.load %b[%c0, %c0, %c0] : !tile.gm<2x1x8xf32> -> tensor<2x1x8xf32>
  %2 = tile.mul %0, %1 : tensor<2x3x8xf32>, tensor<2x1x8xf32> -> tensor<2x3x8xf32>
  tile.store %2, %y[%c0, %c0, %c0] : tensor<2x3x8xf32>, !tile.gm<2x3x8xf32>
  tile.return
}

// -----

// The flagship's column scales: [256, 128] → [32768] used as a broadcast row
// becomes one reshape [256, 128] → [1, 32768].
// CHECK-LABEL: tile.kernel @row_vector_operand
// CHECK: %[[W:.*]] = tile.load {{.*}} -> tensor<4x8xf32>
// CHECK-NEXT: %[[ROW:.*]] = tile.reshape %[[W]] : tensor<4x8xf32> -> tensor<1x32xf32>
// CHECK-NEXT: tile.mul %{{.*}}, %[[ROW]] : tensor<16x32xf32>, tensor<1x32xf32> -> tensor<16x32xf32>
// CHECK-NOT: tile.reshape
tile.kernel @row_vector_operand(%x: !tile.gm<16x32xf32>, %w: !tile.gm<4x8xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %1 = tile.load %w[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %2 = tile.reshape %1 : tensor<4x8xf32> -> tensor<32xf32>
  %3 = tile.mul %0, %2 : tensor<16x32xf32>, tensor<32xf32> -> tensor<16x32xf32>
  tile.store %3, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

// A rank-1 load used on the left of a binary op becomes a row too; the
// rank-1 value itself stays for its other use.
// CHECK-LABEL: tile.kernel @row_vector_lhs
// CHECK: %[[V:.*]] = tile.load {{.*}} -> tensor<32xf32>
// CHECK: %[[ROW:.*]] = tile.reshape %[[V]] : tensor<32xf32> -> tensor<1x32xf32>
// CHECK: tile.sub %[[ROW]], %{{.*}} : tensor<1x32xf32>, tensor<16x32xf32> -> tensor<16x32xf32>
// CHECK: tile.store %[[V]]
tile.kernel @row_vector_lhs(%x: !tile.gm<16x32xf32>, %v: !tile.gm<32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %1 = tile.load %v[%c0] : !tile.gm<32xf32> -> tensor<32xf32>
  %2 = tile.sub %1, %0 : tensor<32xf32>, tensor<16x32xf32> -> tensor<16x32xf32>
  tile.store %2, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %1, %z[%c0] : tensor<32xf32>, !tile.gm<32xf32>
  tile.return
}

// -----

// reshape(reshape(x)) back to x's type disappears, and so does a reshape to
// the same type; a chain to another shape becomes one reshape.
// CHECK-LABEL: tile.kernel @reshape_chains
// CHECK: %[[X:.*]] = tile.load
// CHECK-NEXT: %[[FLAT:.*]] = tile.reshape %[[X]] : tensor<8x16xf32> -> tensor<128xf32>
// CHECK-NEXT: tile.store %[[X]], %{{.*}} : tensor<8x16xf32>
// CHECK-NEXT: tile.store %[[X]], %{{.*}} : tensor<8x16xf32>
// CHECK-NEXT: tile.store %[[FLAT]]
tile.kernel @reshape_chains(%x: !tile.gm<8x16xf32>, %a: !tile.gm<8x16xf32> {tile.out}, %b: !tile.gm<8x16xf32> {tile.out}, %c: !tile.gm<128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<8x16xf32> -> tensor<8x16xf32>
  %1 = tile.reshape %0 : tensor<8x16xf32> -> tensor<4x32xf32>
  %2 = tile.reshape %1 : tensor<4x32xf32> -> tensor<8x16xf32>
  %3 = tile.reshape %0 : tensor<8x16xf32> -> tensor<8x16xf32>
  %4 = tile.reshape %1 : tensor<4x32xf32> -> tensor<128xf32>
  tile.store %2, %a[%c0, %c0] : tensor<8x16xf32>, !tile.gm<8x16xf32>
  tile.store %3, %b[%c0, %c0] : tensor<8x16xf32>, !tile.gm<8x16xf32>
  tile.store %4, %c[%c0] : tensor<128xf32>, !tile.gm<128xf32>
  tile.return
}

// -----

// A rank-1 iota and compare (the mask of select(iota(S) < n, s, -inf)) become
// [1, S] rows: the iota is made a row, the compare is recomputed on rows for
// the select (a mask is never reshaped).
// CHECK-LABEL: tile.kernel @rank1_mask
// CHECK: %[[I:.*]] = tile.iota : tensor<1x64xi32>
// CHECK-NEXT: %[[M:.*]] = tile.cmp <lt> %[[I]], %arg1 : tensor<1x64xi32>, i32 -> tensor<1x64xi1>
// CHECK-NEXT: tile.select %[[M]], %{{.*}}, %{{.*}} : tensor<1x64xi1>, tensor<8x64xf32>, f32 -> tensor<8x64xf32>
// CHECK-NOT: tile.reshape
tile.kernel @rank1_mask(%x: !tile.gm<8x64xf32>, %n: i32, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ninf = arith.constant -1.0e30 : f32
  %v = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %i = tile.iota : tensor<64xi32>
  %m = tile.cmp <lt> %i, %n : tensor<64xi32>, i32 -> tensor<64xi1>
  %s = tile.select %m, %v, %ninf : tensor<64xi1>, tensor<8x64xf32>, f32 -> tensor<8x64xf32>
  tile.store %s, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// A rank-1 select raises with its compare and is reshaped back for its reader.
// CHECK-LABEL: tile.kernel @rank1_select
// CHECK: %[[I:.*]] = tile.iota : tensor<1x16xi32>
// CHECK-NEXT: %[[M:.*]] = tile.cmp <ge> %[[I]], %arg0 : tensor<1x16xi32>, i32 -> tensor<1x16xi1>
// CHECK-NEXT: %[[S:.*]] = tile.select %[[M]], %[[I]], %arg0 : tensor<1x16xi1>, tensor<1x16xi32>, i32 -> tensor<1x16xi32>
// CHECK-NEXT: tile.reshape %[[S]] : tensor<1x16xi32> -> tensor<16xi32>
tile.kernel @rank1_select(%n: i32, %y: !tile.gm<16xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %i = tile.iota : tensor<16xi32>
  %m = tile.cmp <ge> %i, %n : tensor<16xi32>, i32 -> tensor<16xi1>
  %s = tile.select %m, %i, %n : tensor<16xi1>, tensor<16xi32>, i32 -> tensor<16xi32>
  tile.store %s, %y[%c0] : tensor<16xi32>, !tile.gm<16xi32>
  tile.return
}
