// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize | FileCheck %s --check-prefix=LOWERED

// A loaded tensor is a value: when its source is stored into while it is still read, the load
// is a copy (with the chunking tile-select-strategy gives it), here straight into the output
// that stores it, instead of a view of the source.
// CHECK-LABEL: tile.kernel @reread
// CHECK: %[[A:.*]] = tile.load %arg1{{.*}}ascend.copies = [#ascend.chunking<rows = 16, cols = 64>], ascend.placement = [#ascend.place<consumer>]
// CHECK: tile.add %[[A]], %[[A]] {ascend.placement = [#ascend.place<consumer>]
// LOWERED-LABEL: ascend.kernel @reread
// LOWERED: ascend.launch @reread_copy_{{[0-9]+}}(%arg0, %arg1)
// LOWERED-NEXT: ascend.launch @reread_copy_{{[0-9]+}}(%arg1, %arg2)
// LOWERED-NEXT: ascend.launch @reread_add_l{{[0-9]+}}(%arg2, %arg1)
// LOWERED-NEXT: ascend.return
tile.kernel @reread(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}, %z: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.store %0, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  %a = tile.load %y[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %sum = tile.add %a, %a : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  tile.store %sum, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.store %a, %z[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// A value is not computed straight into a store's window when that tensor is loaded between
// the producer and the store: it gets a scratch tensor, and the load (read after the store)
// is a copy.
// CHECK-LABEL: tile.kernel @early
// CHECK: tile.add %{{.*}} {ascend.placement = [#ascend.place<scratch>]
// CHECK: tile.load %arg1{{.*}}ascend.copies = [#ascend.chunking<rows = 16, cols = 64>], ascend.placement = [#ascend.place<scratch>]
tile.kernel @early(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}, %z: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.store %0, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  %b = tile.add %0, %0 : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  %c = tile.load %y[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.store %b, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  %d = tile.add %c, %c : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  tile.store %d, %z[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// An elementwise update of a tensor in place reads each element before it writes it: the load
// stays a view and the sum is computed straight into the tensor.
// CHECK-LABEL: tile.kernel @in_place
// CHECK: tile.load %arg0{{.*}} {ascend.placement = [#ascend.place<view>]}
// CHECK: tile.add {{.*}} {ascend.placement = [#ascend.place<consumer>]
tile.kernel @in_place(%y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %y[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %sum = tile.add %a, %a : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  tile.store %sum, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}
