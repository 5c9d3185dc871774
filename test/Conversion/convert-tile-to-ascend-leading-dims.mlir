// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize --cse | FileCheck %s

// Operands that broadcast over leading dimensions read the rows their broadcast
// maps to. [4, 1, 64] against [4, 32, 64]: chunks of 32 result rows (one batch)
// read row `row / 32` of the operand as a [1, 64] row. The product is written
// straight into the rank-3 output (one view of it, so no copy task).
// CHECK-LABEL: tile.kernel @middle
// CHECK: ascend.launch @middle_mul_l
// CHECK-NOT: ascend.launch
// CHECK: tile.return
// CHECK-LABEL: ascend.task @middle_mul_l
// CHECK-DAG: %[[ROWTILE:.*]] = ascend.alloc : !ascend.tile<1x64xf32, ub>
// CHECK-DAG: %[[FULL:.*]] = ascend.alloc : !ascend.tile<32x64xf32, ub>
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c32
// CHECK:   %[[BATCH:.*]] = arith.divui %[[ROW]], %c32
// CHECK:   ascend.tload %[[ROWTILE]], %arg0[%[[BATCH]], %c0] : !ascend.tile<1x64xf32, ub>, !tile.gm<4x64xf32>
// CHECK:   ascend.tload %[[FULL]], %arg1[%[[ROW]], %c0]
// CHECK:   ascend.tcolexpandmul %{{.*}}, %[[FULL]], %[[ROWTILE]]
tile.kernel @middle(%q: !tile.gm<4x1x64xf32>, %k: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0] : !tile.gm<4x1x64xf32> -> tensor<4x1x64xf32>
  %b = tile.load %k[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %m = tile.mul %a, %b : tensor<4x1x64xf32>, tensor<4x32x64xf32> -> tensor<4x32x64xf32>
  tile.store %m, %y[%c0, %c0, %c0] : tensor<4x32x64xf32>, !tile.gm<4x32x64xf32>
  tile.return
}

// -----

// [1, 32, 64] against [4, 32, 64]: every batch reads the same 32 rows, at
// `row % 32`.
// CHECK-LABEL: ascend.task @batch_sub_l
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c32
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[ROW]], %c0] : !ascend.tile<32x64xf32, ub>, !tile.gm<128x64xf32>
// CHECK:   %[[INNER:.*]] = arith.remui %[[ROW]], %c32
// CHECK:   ascend.tload %{{.*}}, %arg1[%[[INNER]], %c0] : !ascend.tile<32x64xf32, ub>, !tile.gm<32x64xf32>
// CHECK:   ascend.tsub
tile.kernel @batch(%q: !tile.gm<1x32x64xf32>, %k: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0] : !tile.gm<1x32x64xf32> -> tensor<1x32x64xf32>
  %b = tile.load %k[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %m = tile.sub %b, %a : tensor<4x32x64xf32>, tensor<1x32x64xf32> -> tensor<4x32x64xf32>
  tile.store %m, %y[%c0, %c0, %c0] : tensor<4x32x64xf32>, !tile.gm<4x32x64xf32>
  tile.return
}

// -----

// [4, 1, 1] against [4, 32, 64]: one element per batch, loaded as [1, 1],
// repeated along the row and used by the column-expand form.
// CHECK-LABEL: ascend.task @element_div_l
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c32
// CHECK:   %[[BATCH:.*]] = arith.divui %[[ROW]], %c32
// CHECK:   ascend.tload %[[ONE:.*]], %arg1[%[[BATCH]], %c0] : !ascend.tile<1x1xf32, ub>, !tile.gm<4x1xf32>
// CHECK:   ascend.trowexpand %[[LINE:.*]], %[[ONE]] : !ascend.tile<1x64xf32, ub>, !ascend.tile<1x1xf32, ub>
// CHECK:   ascend.tcolexpanddiv %{{.*}}, %{{.*}}, %[[LINE]]
tile.kernel @element(%q: !tile.gm<4x1x1xf32>, %k: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0] : !tile.gm<4x1x1xf32> -> tensor<4x1x1xf32>
  %b = tile.load %k[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %m = tile.div %b, %a : tensor<4x32x64xf32>, tensor<4x1x1xf32> -> tensor<4x32x64xf32>
  tile.store %m, %y[%c0, %c0, %c0] : tensor<4x32x64xf32>, !tile.gm<4x32x64xf32>
  tile.return
}

// -----

// [2, 1, 16, 1] against [2, 3, 16, 64] (operand rows 2 × 16, result rows
// 2 × 3 × 16): chunks of 16 rows read rows (row / 48) * 16 + row % 16 as
// a [16, 1] column, through the row-expand form.
// CHECK-LABEL: ascend.task @mixed_add_l
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c16
// CHECK:   %[[OUTER:.*]] = arith.divui %[[ROW]], %c48
// CHECK:   %[[OUTERROW:.*]] = arith.muli %[[OUTER]], %c16
// CHECK:   %[[INNER:.*]] = arith.remui %[[ROW]], %c16
// CHECK:   %[[OPROW:.*]] = arith.addi %[[OUTERROW]], %[[INNER]]
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[OPROW]], %c0] : !ascend.tile<16x1xf32, ub>, !tile.gm<32x1xf32>
// CHECK:   ascend.trowexpandadd
tile.kernel @mixed(%q: !tile.gm<2x1x16x1xf32>, %k: !tile.gm<2x3x16x64xf32>, %y: !tile.gm<2x3x16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0, %c0] : !tile.gm<2x1x16x1xf32> -> tensor<2x1x16x1xf32>
  %b = tile.load %k[%c0, %c0, %c0, %c0] : !tile.gm<2x3x16x64xf32> -> tensor<2x3x16x64xf32>
  %m = tile.add %a, %b : tensor<2x1x16x1xf32>, tensor<2x3x16x64xf32> -> tensor<2x3x16x64xf32>
  tile.store %m, %y[%c0, %c0, %c0, %c0] : tensor<2x3x16x64xf32>, !tile.gm<2x3x16x64xf32>
  tile.return
}

// -----

// A slice of a rank-3 value folds the leading dimensions into rows: index 3
// of dimension 0 starts 3 × 16 = 48 rows in (not 3).
// CHECK-LABEL: tile.kernel @leading_slice
// CHECK: %[[C48:.*]] = arith.constant 48 : index
// CHECK: %[[SCRATCH:.*]] = tile.alloc_gm : !tile.gm<96x64xf32>
// CHECK: ascend.launch @leading_slice_exp_l{{[0-9]+}}(%{{.*}}, %[[SCRATCH]])
// CHECK: ascend.launch @leading_slice_copy_{{[0-9]+}}(%[[SCRATCH]], %[[C48]], %{{.*}})
tile.kernel @leading_slice(%x: !tile.gm<6x16x64xf32>, %y: !tile.gm<2x16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %t = tile.load %x[%c0, %c0, %c0] : !tile.gm<6x16x64xf32> -> tensor<6x16x64xf32>
  %e = tile.exp %t : tensor<6x16x64xf32>
  %s = tile.slice %e[%c3, %c0, %c0] : tensor<6x16x64xf32> -> tensor<2x16x64xf32>
  tile.store %s, %y[%c0, %c0, %c0] : tensor<2x16x64xf32>, !tile.gm<2x16x64xf32>
  tile.return
}

// -----

// A slice whose rows are not consecutive (rows 16..31 of every batch) is
// gathered by a copy task: chunks of 16 rows, chunk c from row
// 16 + (c / 16) * 32 + c % 16 of the exp result, straight into the output.
// CHECK-LABEL: tile.kernel @scattered_slice
// CHECK: %[[OUT:.*]] = ascend.gm_reshape %arg1 : !tile.gm<4x16x64xf32> -> !tile.gm<64x64xf32>
// CHECK: %[[EXP:.*]] = tile.alloc_gm : !tile.gm<128x64xf32>
// CHECK: ascend.launch @scattered_slice_exp_l{{[0-9]+}}(%{{.*}}, %[[EXP]])
// CHECK: ascend.launch @scattered_slice_copy_{{[0-9]+}}(%[[EXP]], %c16, %[[OUT]])
// CHECK-NOT: ascend.launch
// CHECK-LABEL: ascend.task @scattered_slice_copy
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c16
// CHECK:   %[[BATCH:.*]] = arith.divui %[[ROW]], %c16
// CHECK:   %[[BATCHROW:.*]] = arith.muli %[[BATCH]], %c32
// CHECK:   %[[INNER:.*]] = arith.remui %[[ROW]], %c16
// CHECK:   %[[REL:.*]] = arith.addi %[[BATCHROW]], %[[INNER]]
// CHECK:   %[[SRC:.*]] = arith.addi %arg1, %[[REL]]
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[SRC]], %c0] : !ascend.tile<16x64xf32, ub>, !tile.gm<128x64xf32>
// CHECK:   ascend.tstore %arg2[%[[ROW]], %c0]
tile.kernel @scattered_slice(%x: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %t = tile.load %x[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %e = tile.exp %t : tensor<4x32x64xf32>
  %s = tile.slice %e[%c0, %c16, %c0] : tensor<4x32x64xf32> -> tensor<4x16x64xf32>
  tile.store %s, %y[%c0, %c0, %c0] : tensor<4x16x64xf32>, !tile.gm<4x16x64xf32>
  tile.return
}

// -----

// A store into rows that are not consecutive (y[1:3, 2:6, :]) scatters them:
// chunk c of 4 rows goes to row 10 + (c / 4) * 8 + c % 4 of the output.
// CHECK-LABEL: ascend.task @scattered_store_copy
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c4
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[ROW]], %c0] : !ascend.tile<4x64xf32, ub>, !tile.gm<8x64xf32>
// CHECK:   %[[BATCH:.*]] = arith.divui %[[ROW]], %c4
// CHECK:   %[[BATCHROW:.*]] = arith.muli %[[BATCH]], %c8
// CHECK:   %[[INNER:.*]] = arith.remui %[[ROW]], %c4
// CHECK:   %[[REL:.*]] = arith.addi %[[BATCHROW]], %[[INNER]]
// CHECK:   %[[DST:.*]] = arith.addi %arg2, %[[REL]]
// CHECK:   ascend.tstore %arg1[%[[DST]], %c0]
tile.kernel @scattered_store(%x: !tile.gm<2x4x64xf32>, %y: !tile.gm<4x8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %t = tile.load %x[%c0, %c0, %c0] : !tile.gm<2x4x64xf32> -> tensor<2x4x64xf32>
  %e = tile.exp %t : tensor<2x4x64xf32>
  tile.store %e, %y[%c1, %c2, %c0] : tensor<2x4x64xf32>, !tile.gm<4x8x64xf32>
  tile.return
}
