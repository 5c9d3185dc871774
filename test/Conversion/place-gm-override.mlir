// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --convert-tile-to-ascend --canonicalize --cse | FileCheck %s

// tile-place-gm would compute the negation straight into the output; placed
// in scratch by hand, it is computed there and a copy task stores it.
// CHECK-LABEL: tile.kernel @scratch_by_hand
// CHECK: %[[S:.*]] = tile.alloc_gm : !tile.gm<16x64xf32>
// CHECK: ascend.launch @scratch_by_hand_neg_l{{[0-9]+}}(%arg0, %[[S]])
// CHECK-NEXT: ascend.launch @scratch_by_hand_copy_{{[0-9]+}}(%[[S]], %arg1)
// CHECK-NEXT: tile.return
tile.kernel @scratch_by_hand(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %n = tile.neg %v {ascend.placement = [#ascend.place<scratch>]} : tensor<16x64xf32>
  tile.store %n, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// As tile-place-gm decides it: no scratch tensor, one task.
// CHECK-LABEL: tile.kernel @at_consumer
// CHECK-NOT: tile.alloc_gm
// CHECK: ascend.launch @at_consumer_neg_l{{[0-9]+}}(%arg0, %arg1)
// CHECK-NEXT: tile.return
tile.kernel @at_consumer(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %n = tile.neg %v {ascend.placement = [#ascend.place<consumer>]} : tensor<16x64xf32>
  tile.store %n, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// An insert that could update its scratch destination in place copies it
// first when placed so by hand.
// CHECK-LABEL: tile.kernel @copy_by_hand
// CHECK-COUNT-2: tile.alloc_gm : !tile.gm<32x64xf32>
// CHECK: ascend.launch @copy_by_hand_full_l
// CHECK-NEXT: ascend.launch @copy_by_hand_copy_
// CHECK-NEXT: ascend.launch @copy_by_hand_copy_
// CHECK-NEXT: ascend.launch @copy_by_hand_copy_
// CHECK-NEXT: tile.return
tile.kernel @copy_by_hand(%x: !tile.gm<16x64xf32>, %y: !tile.gm<32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %z = tile.full 0.0 : f32 {ascend.placement = [#ascend.place<scratch>]} : tensor<32x64xf32>
  %r = tile.insert %v into %z[%c0, %c0] {ascend.placement = [#ascend.place<copy>]} : tensor<16x64xf32> into tensor<32x64xf32>
  tile.store %r, %y[%c0, %c0] : tensor<32x64xf32>, !tile.gm<32x64xf32>
  tile.return
}
