// The expansion computes the composites' definitions: the expanded kernel runs
// in the reference interpreter on inputs whose results follow by hand from the
// math (FileCheck lines), and on random inputs agrees with the interpreter's
// own evaluation of the composites. `tile.name` keeps the parameter names
// (the .npy file names) through tile-opt's printing.
// RUN: rm -rf %t && mkdir -p %t
// RUN: tile-opt %s --tile-expand-composites -o %t/expanded.mlir
// RUN: %python %S/../Runtime/Inputs/npy.py write %t/in \
// RUN:   nx=bf16:3x4:1,-1,1,-1,2,2,2,2,3,4,0,0 gamma=bf16:4:1,2,0.5,-1 \
// RUN:   qx=f32:2x4:0.5,-1,0.25,0.125,127,2.50000024,-3.5,0.49999997 \
// RUN:   rx=f16:2x6:9,8,1,2,3,4,-1,0.5,2,-2,1,1 cos=bf16:2x2:0.5,0,1,-1 sin=bf16:2x2:0.25,1,0,0.5
// RUN: tile-run %t/expanded.mlir --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/../Runtime/Inputs/npy.py print %t/out/*.npy | FileCheck %s
// RUN: tile-run %s --random 11 --save-inputs %t/random --outputs %t/composite --interpret
// RUN: tile-run %t/expanded.mlir --inputs %t/random --outputs %t/expanded --interpret --compare %t/composite

// rms_norm with eps = 0: mean(x²) is 1, 4 and 25/4 (a division by C = 4, not
// the sum), so the rows scale by 1, 1/2 and 2/5, then by gamma.
// CHECK: norm f32 [3, 4]: 1 -2 0.5 1 1 2 0.5 -1 1.20000005 3.20000005 0 -0
// quant_int8: row 1 has amax 1, s = 127, rint(63.5) = 64 (ties to even).
// Row 2 has s = 1; rint(2.50000024) = 3 needs the rounding to i32 first
// (f32 -> f16 would give 2.5, then 2), and rint(-3.5) = -4.
// CHECK: q i8 [2, 4]: 64 -127 32 16 127 3 -4 0
// CHECK: qscale f32 [2, 1]: 0.00787401572 1
// rope from column 2: (1, 2) by (cos, sin) = (0.5, 0.25) -> (0, 1.25), (3, 4) by (0, 1) -> (-4, 3);
// row 2: (2, -2) by (1, 0) stays, (1, 1) by (-1, 0.5) -> (-1.5, -0.5).
// CHECK: rotated f32 [2, 6]: 9 8 0 1.25 -4 3 -1 0.5 2 -2 -1.5 -0.5
tile.kernel @composites(%nx: !tile.gm<3x4xbf16> {tile.name = "nx"},
                        %gamma: !tile.gm<4xbf16> {tile.name = "gamma"},
                        %qx: !tile.gm<2x4xf32> {tile.name = "qx"},
                        %rx: !tile.gm<2x6xf16> {tile.name = "rx"},
                        %cos: !tile.gm<2x2xbf16> {tile.name = "cos"},
                        %sin: !tile.gm<2x2xbf16> {tile.name = "sin"},
                        %norm: !tile.gm<3x4xf32> {tile.name = "norm", tile.out},
                        %q: !tile.gm<2x4xi8> {tile.name = "q", tile.out},
                        %qscale: !tile.gm<2x1xf32> {tile.name = "qscale", tile.out},
                        %rotated: !tile.gm<2x6xf32> {tile.name = "rotated", tile.out}) {
  %c0 = arith.constant 0 : index
  %vx = tile.load %nx[%c0, %c0] : !tile.gm<3x4xbf16> -> tensor<3x4xbf16>
  %vg = tile.load %gamma[%c0] : !tile.gm<4xbf16> -> tensor<4xbf16>
  %0 = tile.rms_norm %vx, %vg {eps = 0.0 : f32} : tensor<3x4xbf16>, tensor<4xbf16> -> tensor<3x4xf32>
  tile.store %0, %norm[%c0, %c0] : tensor<3x4xf32>, !tile.gm<3x4xf32>
  %vq = tile.load %qx[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %1:2 = tile.quant_int8 %vq {amax_eps = 1.0e-4 : f32, scale_max = 127.0 : f32} : tensor<2x4xf32> -> tensor<2x4xi8>, tensor<2x1xf32>
  tile.store %1#0, %q[%c0, %c0] : tensor<2x4xi8>, !tile.gm<2x4xi8>
  tile.store %1#1, %qscale[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  %vr = tile.load %rx[%c0, %c0] : !tile.gm<2x6xf16> -> tensor<2x6xf16>
  %vc = tile.load %cos[%c0, %c0] : !tile.gm<2x2xbf16> -> tensor<2x2xbf16>
  %vs = tile.load %sin[%c0, %c0] : !tile.gm<2x2xbf16> -> tensor<2x2xbf16>
  %2 = tile.rope %vr, %vc, %vs {offset = 2 : i64} : tensor<2x6xf16>, tensor<2x2xbf16>, tensor<2x2xbf16> -> tensor<2x6xf32>
  tile.store %2, %rotated[%c0, %c0] : tensor<2x6xf32>, !tile.gm<2x6xf32>
  tile.return
}
