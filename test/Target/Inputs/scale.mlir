module {
  tile.kernel @scale(%x: !tile.gm<128x1024xbf16>, %g: !tile.gm<1024xbf16>, %y: !tile.gm<128x1024xbf16> {tile.out}) {
    %c0 = arith.constant 0 : index
    %t = tile.load %x[%c0, %c0] : !tile.gm<128x1024xbf16> -> tensor<128x1024xbf16>
    %f = tile.cast %t : tensor<128x1024xbf16> -> tensor<128x1024xf32>
    %sq = tile.mul %f, %f : tensor<128x1024xf32>, tensor<128x1024xf32> -> tensor<128x1024xf32>
    %s = tile.row_sum %sq : tensor<128x1024xf32> -> tensor<128x1xf32>
    %m = tile.mul %f, %s : tensor<128x1024xf32>, tensor<128x1xf32> -> tensor<128x1024xf32>
    %gv = tile.load %g[%c0] : !tile.gm<1024xbf16> -> tensor<1024xbf16>
    %gf = tile.cast %gv : tensor<1024xbf16> -> tensor<1024xf32>
    %m2 = tile.mul %m, %gf : tensor<128x1024xf32>, tensor<1024xf32> -> tensor<128x1024xf32>
    %b = tile.cast %m2 {round = #tile.round<rint>} : tensor<128x1024xf32> -> tensor<128x1024xbf16>
    tile.store %b, %y[%c0, %c0] : tensor<128x1024xbf16>, !tile.gm<128x1024xbf16>
    tile.return
  }
}
