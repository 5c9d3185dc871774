// A value loaded from global memory keeps its values when the tensor is stored into afterwards,
// whether the load took the whole tensor (which the interpreter shares instead of copying) or a
// window; and a later load sees the store. The model agrees (tile-place-gm copies the loads
// whose source is stored into while they are read).
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in x=f32:2x2:1,2,3,4
// RUN: tile-run %s --inputs %t/in --outputs %t/interp --interpret
// RUN: %python %S/Inputs/npy.py print %t/interp/*.npy | FileCheck %s
// RUN: tile-run %s --inputs %t/in --outputs %t/model > /dev/null
// RUN: %python %S/Inputs/npy.py print %t/model/*.npy | FileCheck %s

tile.kernel @load_then_store(%x: !tile.gm<2x2xf32>, %before: !tile.gm<2x2xf32> {tile.out},
                             %row: !tile.gm<1x2xf32> {tile.out}, %after: !tile.gm<2x2xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %whole = tile.load %x[%c0, %c0] : !tile.gm<2x2xf32> -> tensor<2x2xf32>
  %first = tile.load %x[%c0, %c0] : !tile.gm<2x2xf32> -> tensor<1x2xf32>
  %doubled = tile.add %whole, %whole : tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x2xf32>
  tile.store %doubled, %x[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  tile.store %whole, %before[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  tile.store %first, %row[%c0, %c0] : tensor<1x2xf32>, !tile.gm<1x2xf32>
  %again = tile.load %x[%c0, %c0] : !tile.gm<2x2xf32> -> tensor<2x2xf32>
  tile.store %again, %after[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  tile.return
}

// CHECK: after f32 [2, 2]: 2 4 6 8
// CHECK: before f32 [2, 2]: 1 2 3 4
// CHECK: row f32 [1, 2]: 1 2
