// load/store windows at dynamic offsets, load_rows, alloc_gm scratch, and the located errors
// for offsets and row indices outside a tensor.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   table=f32:4x3:0,1,2,10,11,12,20,21,22,30,31,32 idx=i32:3:3,0,2
// RUN: tile-run %s --kernel windows --inputs %t/in --set start=1 --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s
// RUN: not tile-run %s --kernel windows --inputs %t/in --set start=3 --outputs %t/bad --interpret 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BOUNDS
// RUN: %python %S/Inputs/npy.py write %t/in2 table=f32:4x3:0*12 idx=i32:3:0,4,1
// RUN: not tile-run %s --kernel windows --inputs %t/in2 --set start=0 --outputs %t/bad --interpret 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROWS
// RUN: not ls %t/bad

tile.kernel @windows(%table: !tile.gm<4x3xf32>, %idx: !tile.gm<3xi32>, %start: i32,
                     %window: !tile.gm<2x2xf32> {tile.out}, %gathered: !tile.gm<3x2xf32> {tile.out},
                     %stack: !tile.gm<2x2x3xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %s = arith.index_cast %start : i32 to index
  // BOUNDS: memory.mlir:[[@LINE+1]]:8: error: window [2, 2] at offset 3 in dimension 0 exceeds the tensor [4, 3]
  %0 = tile.load %table[%s, %c1] : !tile.gm<4x3xf32> -> tensor<2x2xf32>
  tile.store %0, %window[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  %rows = tile.load %idx[%c0] : !tile.gm<3xi32> -> tensor<3xi32>
  // ROWS: memory.mlir:[[@LINE+1]]:8: error: row index 4 (entry 1) is outside the source's 4 rows
  %1 = tile.load_rows %table[%rows], %c1 : !tile.gm<4x3xf32>, tensor<3xi32> -> tensor<3x2xf32>
  tile.store %1, %gathered[%c0, %c0] : tensor<3x2xf32>, !tile.gm<3x2xf32>
  // Rows 0-1 go through a scratch tensor, then into slots 1 and 0 of the [2, 2, 3] output.
  %scratch = tile.alloc_gm : !tile.gm<2x3xf32>
  %2 = tile.load %table[%c0, %c0] : !tile.gm<4x3xf32> -> tensor<2x3xf32>
  tile.store %2, %scratch[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  scf.for %r = %c0 to %c2 step %c1 {
    %row = tile.load %scratch[%r, %c0] : !tile.gm<2x3xf32> -> tensor<1x3xf32>
    %slot = arith.subi %c1, %r : index
    %3 = tile.reshape %row : tensor<1x3xf32> -> tensor<1x1x3xf32>
    tile.store %3, %stack[%slot, %c0, %c0] : tensor<1x1x3xf32>, !tile.gm<2x2x3xf32>
    tile.store %3, %stack[%slot, %c1, %c0] : tensor<1x1x3xf32>, !tile.gm<2x2x3xf32>
  }
  tile.return
}

tile.kernel @other(%x: !tile.gm<1xf32>, %y: !tile.gm<1xf32> {tile.out}) {
  tile.return
}

// CHECK: gathered f32 [3, 2]: 31 32 1 2 21 22
// CHECK: stack f32 [2, 2, 3]: 10 11 12 10 11 12 0 1 2 0 1 2
// CHECK: window f32 [2, 2]: 11 12 21 22
