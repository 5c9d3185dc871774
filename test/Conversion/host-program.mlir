// RUN: tile-opt %s --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend | FileCheck %s --implicit-check-not=tile.kernel --implicit-check-not='!tile.gm' --implicit-check-not=tile.alloc_gm --implicit-check-not=tile.return --implicit-check-not=unrealized_conversion_cast

// convert-tile-to-ascend closes the ascend stage: the kernel becomes an
// ascend.kernel over !ascend.gm (outputs marked ascend.out), a scratch tensor
// of the tile program an ascend.alloc_gm, and the tasks and launches see only
// !ascend.gm values.
// CHECK-LABEL: ascend.kernel @scaled
// CHECK-SAME: (%[[X:.*]]: !ascend.gm<16x64xf32>, %[[S:.*]]: f32, %[[Y:.*]]: !ascend.gm<16x64xf32> {ascend.out})
// CHECK: %[[TMP:.*]] = ascend.alloc_gm : !ascend.gm<16x64xf32>
// CHECK: ascend.launch @scaled_copy_{{[0-9]+}}(%[[X]], %[[TMP]]) blocks = {{[0-9]+}} : (!ascend.gm<16x64xf32>, !ascend.gm<16x64xf32>) -> ()
// CHECK: ascend.launch @scaled_mul_l{{[0-9]+}}(%[[TMP]], %[[S]], %[[Y]]) blocks = {{[0-9]+}} : (!ascend.gm<16x64xf32>, f32, !ascend.gm<16x64xf32>) -> ()
// CHECK: ascend.return
// CHECK: ascend.task @scaled_copy_{{[0-9]+}}(%{{.*}}: !ascend.gm<16x64xf32>, %{{.*}}: !ascend.gm<16x64xf32>)
// CHECK: ascend.task @scaled_mul_l{{[0-9]+}}(%{{.*}}: !ascend.gm<16x64xf32>, %{{.*}}: f32, %{{.*}}: !ascend.gm<16x64xf32>)
module attributes {ascend.target = #ascend.target<a2a3>} {
  tile.kernel @scaled(%x: !tile.gm<16x64xf32>, %s: f32, %y: !tile.gm<16x64xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %tmp = tile.alloc_gm : !tile.gm<16x64xf32>
    %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
    tile.store %a, %tmp[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
    %b = tile.load %tmp[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
    %c = tile.mul %b, %s : tensor<16x64xf32>, f32 -> tensor<16x64xf32>
    tile.store %c, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
    tile.return
  }
}
