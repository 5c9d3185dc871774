// slice, insert, reshape, full, broadcast, gather and interleave.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in x=f32:2x4:0,1,2,3,4,5,6,7 row=f32:3:1,2,3
// RUN: tile-run %s --inputs %t/in --set off=2 --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @shapes(%x: !tile.gm<2x4xf32>, %row: !tile.gm<3xf32>, %off: i32,
                    %sliced: !tile.gm<2x2xf32> {tile.out}, %inserted: !tile.gm<2x4xf32> {tile.out},
                    %flat: !tile.gm<8xf32> {tile.out}, %filled: !tile.gm<2xbf16> {tile.out},
                    %ints: !tile.gm<2xi32> {tile.out}, %rows: !tile.gm<2x3xf32> {tile.out},
                    %even: !tile.gm<2x2xf32> {tile.out}, %odd: !tile.gm<2x2xf32> {tile.out},
                    %zipped: !tile.gm<2x4xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %i = arith.index_cast %off : i32 to index
  %v = tile.load %x[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %0 = tile.slice %v[%c0, %i] : tensor<2x4xf32> -> tensor<2x2xf32>
  tile.store %0, %sliced[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  %patch = tile.full -1.0 : f32 : tensor<1x2xf32>
  %1 = tile.insert %patch into %v[%c1, %i] : tensor<1x2xf32> into tensor<2x4xf32>
  tile.store %1, %inserted[%c0, %c0] : tensor<2x4xf32>, !tile.gm<2x4xf32>
  %2 = tile.reshape %1 : tensor<2x4xf32> -> tensor<8xf32>
  tile.store %2, %flat[%c0] : tensor<8xf32>, !tile.gm<8xf32>
  // A fill value is rounded into the element type: 0.1 -> bf16 0.10009765625.
  %3 = tile.full 0.1 : f32 : tensor<2xbf16>
  tile.store %3, %filled[%c0] : tensor<2xbf16>, !tile.gm<2xbf16>
  %4 = tile.full -3 : i32 : tensor<2xi32>
  tile.store %4, %ints[%c0] : tensor<2xi32>, !tile.gm<2xi32>
  %vr = tile.load %row[%c0] : !tile.gm<3xf32> -> tensor<3xf32>
  %5 = tile.broadcast %vr : tensor<3xf32> -> tensor<2x3xf32>
  tile.store %5, %rows[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %6 = tile.gather %v <even> : tensor<2x4xf32> -> tensor<2x2xf32>
  %7 = tile.gather %v <odd> : tensor<2x4xf32> -> tensor<2x2xf32>
  tile.store %6, %even[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  tile.store %7, %odd[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  // interleave(odd, even) swaps every pair.
  %8 = tile.interleave %7, %6 : tensor<2x2xf32> -> tensor<2x4xf32>
  tile.store %8, %zipped[%c0, %c0] : tensor<2x4xf32>, !tile.gm<2x4xf32>
  tile.return
}

// CHECK: even f32 [2, 2]: 0 2 4 6
// CHECK: filled bf16 [2]: 0.100097656 0.100097656
// CHECK: flat f32 [8]: 0 1 2 3 4 5 -1 -1
// CHECK: inserted f32 [2, 4]: 0 1 2 3 4 5 -1 -1
// CHECK: ints i32 [2]: -3 -3
// CHECK: odd f32 [2, 2]: 1 3 5 7
// CHECK: rows f32 [2, 3]: 1 2 3 1 2 3
// CHECK: sliced f32 [2, 2]: 2 3 6 7
// CHECK: zipped f32 [2, 4]: 1 0 3 2 5 4 7 6
