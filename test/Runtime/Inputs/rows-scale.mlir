// rows-scale.tile compiled at T = 2: the kernel's tensors have 2 rows of its run-time dim.
tile.kernel @rows_scale(%T: i32 {tile.dim = 64 : i64}, %x: !tile.gm<2x4xf32> {tile.rows = 0 : i64},
                        %y: !tile.gm<2x4xf32> {tile.out, tile.rows = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  tile.store %v, %y[%c0, %c0] : tensor<2x4xf32>, !tile.gm<2x4xf32>
  tile.return
}
