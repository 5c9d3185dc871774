// The composites by their definitions (TileOps.td), in f32.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   x=bf16:2x2:3,4,-1,0 gamma=bf16:2:2,0.5 \
// RUN:   qx=f32:2x4:1,-0.5,0.25,0.00390625,0,0,0,0 \
// RUN:   rx=f32:2x6:1,2,1,2,3,4,5,6,-1,0.5,0,1 cos=f32:2x2:0.5,0,1,0.25 sin=f32:2x2:0.75,1,0,-1
// RUN: tile-run %s --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @composites(%x: !tile.gm<2x2xbf16>, %gamma: !tile.gm<2xbf16>, %qx: !tile.gm<2x4xf32>,
                        %rx: !tile.gm<2x6xf32>, %cos: !tile.gm<2x2xf32>, %sin: !tile.gm<2x2xf32>,
                        %norm: !tile.gm<2x2xf32> {tile.out}, %scaled: !tile.gm<2x2xf32> {tile.out},
                        %q: !tile.gm<2x4xi8> {tile.out}, %qscale: !tile.gm<2x1xf32> {tile.out},
                        %rotated: !tile.gm<2x6xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %vx = tile.load %x[%c0, %c0] : !tile.gm<2x2xbf16> -> tensor<2x2xbf16>
  %vg = tile.load %gamma[%c0] : !tile.gm<2xbf16> -> tensor<2xbf16>
  // Row [3, 4]: mean(x²) = 12.5, so y = x / sqrt(12.5 + eps); row [-1, 0]: y = x / sqrt(0.5 + eps).
  %0 = tile.rms_norm %vx {eps = 0.5 : f32} : tensor<2x2xbf16> -> tensor<2x2xf32>
  tile.store %0, %norm[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  %1 = tile.rms_norm %vx, %vg {eps = 0.0 : f32} : tensor<2x2xbf16>, tensor<2xbf16> -> tensor<2x2xf32>
  tile.store %1, %scaled[%c0, %c0] : tensor<2x2xf32>, !tile.gm<2x2xf32>
  // Row 1: s = 127, rint(-63.5) = -64 (ties to even), 0.00390625·127 = 0.496 -> 0.
  // Row 2 is all zero: amax = amax_eps.
  %vq = tile.load %qx[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %2:2 = tile.quant_int8 %vq {amax_eps = 1.0e-4 : f32, scale_max = 127.0 : f32} : tensor<2x4xf32> -> tensor<2x4xi8>, tensor<2x1xf32>
  tile.store %2#0, %q[%c0, %c0] : tensor<2x4xi8>, !tile.gm<2x4xi8>
  tile.store %2#1, %qscale[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  // Columns 0-1 pass through; pairs (2,3) and (4,5) rotate: (e·c − o·s, e·s + o·c).
  %vr = tile.load %rx[%c0, %c0] : !tile.gm<2x6xf32> -> tensor<2x6xf32>
  %vc = tile.load %cos[%c0, %c0] : !tile.gm<2x2xf32> -> tensor<2x2xf32>
  %vs = tile.load %sin[%c0, %c0] : !tile.gm<2x2xf32> -> tensor<2x2xf32>
  %3 = tile.rope %vr, %vc, %vs {offset = 2 : i64} : tensor<2x6xf32>, tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x6xf32>
  tile.store %3, %rotated[%c0, %c0] : tensor<2x6xf32>, !tile.gm<2x6xf32>
  tile.return
}

// CHECK: norm f32 [2, 2]: 0.832050323 1.10940039 -1 0
// CHECK: q i8 [2, 4]: 127 -64 32 0 0 0 0 0
// CHECK: qscale f32 [2, 1]: 0.00787401572 7.87401575e-07
// CHECK: rotated f32 [2, 6]: 1 2 -1 1.75 -4 3 5 6 -1 0.5 1 0.25
// CHECK: scaled f32 [2, 2]: 1.69705629 0.565685451 -2.82842708 0
