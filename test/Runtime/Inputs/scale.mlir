// y = f32(x) · factor + start_pos, the kernel of the bad-input tests.
tile.kernel @scale(%x: !tile.gm<2x3xbf16>, %factor: !tile.gm<3xf32>, %start_pos: i32,
                   %y: !tile.gm<2x3xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %vx = tile.load %x[%c0, %c0] : !tile.gm<2x3xbf16> -> tensor<2x3xbf16>
  %fx = tile.cast %vx : tensor<2x3xbf16> -> tensor<2x3xf32>
  %vf = tile.load %factor[%c0] : !tile.gm<3xf32> -> tensor<3xf32>
  %0 = tile.mul %fx, %vf : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %i = arith.sitofp %start_pos : i32 to f32
  %1 = tile.add %0, %i : tensor<2x3xf32>, f32 -> tensor<2x3xf32>
  tile.store %1, %y[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  tile.return
}
