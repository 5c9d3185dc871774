// tile.cast: every round mode and saturation, computed by runtime/numerics.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   f=f32:4:1.00390625,-1.00390625,1.01171875,3.4028234663852886e38 \
// RUN:   g=f32:5:2.5,-2.5,3.7,-3.7,0.5 h=f16:4:300,-300,100,-129 n=i32:3:16777217,65520,-7
// RUN: tile-run %s --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @casts(%f: !tile.gm<4xf32>, %g: !tile.gm<5xf32>, %h: !tile.gm<4xf16>, %n: !tile.gm<3xi32>,
                   %bf: !tile.gm<6x4xbf16> {tile.out}, %int: !tile.gm<5x5xi32> {tile.out},
                   %wrap: !tile.gm<4xi8> {tile.out}, %sat: !tile.gm<4xi8> {tile.out},
                   %tof32: !tile.gm<2x3xf32> {tile.out}, %deq: !tile.gm<3xf16> {tile.out},
                   %widen: !tile.gm<4xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %vf = tile.load %f[%c0] : !tile.gm<4xf32> -> tensor<4xf32>
  %b0 = tile.cast %vf {round = #tile.round<rint>} : tensor<4xf32> -> tensor<4xbf16>
  %b1 = tile.cast %vf {round = #tile.round<round>} : tensor<4xf32> -> tensor<4xbf16>
  %b2 = tile.cast %vf {round = #tile.round<floor>} : tensor<4xf32> -> tensor<4xbf16>
  %b3 = tile.cast %vf {round = #tile.round<ceil>} : tensor<4xf32> -> tensor<4xbf16>
  %b4 = tile.cast %vf {round = #tile.round<trunc>} : tensor<4xf32> -> tensor<4xbf16>
  %b5 = tile.cast %vf {round = #tile.round<odd>} : tensor<4xf32> -> tensor<4xbf16>
  %bfv = tile.full 0.0 : f32 : tensor<6x4xbf16>
  %r0 = tile.reshape %b0 : tensor<4xbf16> -> tensor<1x4xbf16>
  %r1 = tile.reshape %b1 : tensor<4xbf16> -> tensor<1x4xbf16>
  %r2 = tile.reshape %b2 : tensor<4xbf16> -> tensor<1x4xbf16>
  %r3 = tile.reshape %b3 : tensor<4xbf16> -> tensor<1x4xbf16>
  %r4 = tile.reshape %b4 : tensor<4xbf16> -> tensor<1x4xbf16>
  %r5 = tile.reshape %b5 : tensor<4xbf16> -> tensor<1x4xbf16>
  %i0 = tile.insert %r0 into %bfv[%c0, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  %i1 = tile.insert %r1 into %i0[%c1, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  %i2 = tile.insert %r2 into %i1[%c2, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  %i3 = tile.insert %r3 into %i2[%c3, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  %i4 = tile.insert %r4 into %i3[%c4, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  %i5 = tile.insert %r5 into %i4[%c5, %c0] : tensor<1x4xbf16> into tensor<6x4xbf16>
  tile.store %i5, %bf[%c0, %c0] : tensor<6x4xbf16>, !tile.gm<6x4xbf16>

  %vg = tile.load %g[%c0] : !tile.gm<5xf32> -> tensor<5xf32>
  %g0 = tile.cast %vg {round = #tile.round<rint>} : tensor<5xf32> -> tensor<5xi32>
  %g1 = tile.cast %vg {round = #tile.round<round>} : tensor<5xf32> -> tensor<5xi32>
  %g2 = tile.cast %vg {round = #tile.round<floor>} : tensor<5xf32> -> tensor<5xi32>
  %g3 = tile.cast %vg {round = #tile.round<ceil>} : tensor<5xf32> -> tensor<5xi32>
  %g4 = tile.cast %vg {round = #tile.round<trunc>} : tensor<5xf32> -> tensor<5xi32>
  %s0 = tile.reshape %g0 : tensor<5xi32> -> tensor<1x5xi32>
  %s1 = tile.reshape %g1 : tensor<5xi32> -> tensor<1x5xi32>
  %s2 = tile.reshape %g2 : tensor<5xi32> -> tensor<1x5xi32>
  %s3 = tile.reshape %g3 : tensor<5xi32> -> tensor<1x5xi32>
  %s4 = tile.reshape %g4 : tensor<5xi32> -> tensor<1x5xi32>
  tile.store %s0, %int[%c0, %c0] : tensor<1x5xi32>, !tile.gm<5x5xi32>
  tile.store %s1, %int[%c1, %c0] : tensor<1x5xi32>, !tile.gm<5x5xi32>
  tile.store %s2, %int[%c2, %c0] : tensor<1x5xi32>, !tile.gm<5x5xi32>
  tile.store %s3, %int[%c3, %c0] : tensor<1x5xi32>, !tile.gm<5x5xi32>
  tile.store %s4, %int[%c4, %c0] : tensor<1x5xi32>, !tile.gm<5x5xi32>

  // f16 -> i8 wraps by default on a2a3; sat = on clamps.
  %vh = tile.load %h[%c0] : !tile.gm<4xf16> -> tensor<4xf16>
  %w = tile.cast %vh {round = #tile.round<rint>} : tensor<4xf16> -> tensor<4xi8>
  tile.store %w, %wrap[%c0] : tensor<4xi8>, !tile.gm<4xi8>
  %sv = tile.cast %vh {round = #tile.round<rint>, sat = #tile.sat<on>} : tensor<4xf16> -> tensor<4xi8>
  tile.store %sv, %sat[%c0] : tensor<4xi8>, !tile.gm<4xi8>

  // i32 -> f32 rounds with the mode; i32 -> f16 always rounds to nearest and overflows to Inf.
  %vn = tile.load %n[%c0] : !tile.gm<3xi32> -> tensor<3xi32>
  %n0 = tile.cast %vn {round = #tile.round<rint>} : tensor<3xi32> -> tensor<3xf32>
  %n1 = tile.cast %vn {round = #tile.round<ceil>} : tensor<3xi32> -> tensor<3xf32>
  %t0 = tile.reshape %n0 : tensor<3xf32> -> tensor<1x3xf32>
  %t1 = tile.reshape %n1 : tensor<3xf32> -> tensor<1x3xf32>
  tile.store %t0, %tof32[%c0, %c0] : tensor<1x3xf32>, !tile.gm<2x3xf32>
  tile.store %t1, %tof32[%c1, %c0] : tensor<1x3xf32>, !tile.gm<2x3xf32>
  %d = tile.cast %vn {round = #tile.round<rint>} : tensor<3xi32> -> tensor<3xf16>
  tile.store %d, %deq[%c0] : tensor<3xf16>, !tile.gm<3xf16>

  // Widening needs no rounding and is exact.
  %wide = tile.cast %b3 : tensor<4xbf16> -> tensor<4xf32>
  tile.store %wide, %widen[%c0] : tensor<4xf32>, !tile.gm<4xf32>
  tile.return
}

// Rows: rint, round, floor, ceil, trunc, odd. 1.00390625 is a tie between 1 and 1.0078125;
// 1.01171875 a tie between 1.0078125 and 1.015625; FLT_MAX overflows to Inf or the largest finite.
// CHECK: bf bf16 [6, 4]:
// CHECK-SAME: 1 -1 1.015625 inf
// CHECK-SAME: 1.0078125 -1.0078125 1.015625 inf
// CHECK-SAME: 1 -1.0078125 1.0078125 3.38953139e+38
// CHECK-SAME: 1.0078125 -1 1.015625 inf
// CHECK-SAME: 1 -1 1.0078125 3.38953139e+38
// CHECK-SAME: 1.0078125 -1.0078125 1.0078125 3.38953139e+38{{$}}
// CHECK: deq f16 [3]: inf inf -7
// CHECK: int i32 [5, 5]:
// CHECK-SAME: 2 -2 4 -4 0
// CHECK-SAME: 3 -3 4 -4 1
// CHECK-SAME: 2 -3 3 -4 0
// CHECK-SAME: 3 -2 4 -3 1
// CHECK-SAME: 2 -2 3 -3 0{{$}}
// CHECK: sat i8 [4]: 127 -128 100 -128
// CHECK: tof32 f32 [2, 3]: 16777216 65520 -7 16777218 65520 -7
// CHECK: widen f32 [4]: 1.0078125 -1 1.015625 inf
// CHECK: wrap i8 [4]: 44 -44 100 127
