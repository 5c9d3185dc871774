// Elementwise binary ops with numpy broadcasting and scalar operands, and the
// unary ops, in f32, bf16 and i32.
// RUN: rm -rf %t && %python %S/Inputs/npy.py write %t/in \
// RUN:   a=f32:2x3:1,-2,3.5,-4,5,0.25 row=f32:3:10,20,30 col=f32:2x1:2,-1 s=f32::0.5 \
// RUN:   h=bf16:2:1,256 i=i32:4:7,-7,2147483647,-8 j=i32:4:2,2,1,3
// RUN: tile-run %s --inputs %t/in --outputs %t/out --interpret
// RUN: %python %S/Inputs/npy.py print %t/out/*.npy | FileCheck %s

tile.kernel @elementwise(%a: !tile.gm<2x3xf32>, %row: !tile.gm<3xf32>, %col: !tile.gm<2x1xf32>,
                         %s: f32, %h: !tile.gm<2xbf16>, %i: !tile.gm<4xi32>, %j: !tile.gm<4xi32>,
                         %add: !tile.gm<2x3xf32> {tile.out}, %sub: !tile.gm<2x3xf32> {tile.out},
                         %mul: !tile.gm<2x3xf32> {tile.out}, %div: !tile.gm<2x3xf32> {tile.out},
                         %max: !tile.gm<2x3xf32> {tile.out}, %min: !tile.gm<2x3xf32> {tile.out},
                         %hsum: !tile.gm<2xbf16> {tile.out},
                         %iadd: !tile.gm<4xi32> {tile.out}, %idiv: !tile.gm<4xi32> {tile.out},
                         %imul: !tile.gm<4xi32> {tile.out},
                         %unary: !tile.gm<7x2xf32> {tile.out}, %ineg: !tile.gm<4xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %va = tile.load %a[%c0, %c0] : !tile.gm<2x3xf32> -> tensor<2x3xf32>
  %vrow = tile.load %row[%c0] : !tile.gm<3xf32> -> tensor<3xf32>
  %vcol = tile.load %col[%c0, %c0] : !tile.gm<2x1xf32> -> tensor<2x1xf32>
  %0 = tile.add %va, %vrow : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  tile.store %0, %add[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %1 = tile.sub %s, %va : f32, tensor<2x3xf32> -> tensor<2x3xf32>
  tile.store %1, %sub[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %2 = tile.mul %vcol, %vrow : tensor<2x1xf32>, tensor<3xf32> -> tensor<2x3xf32>
  tile.store %2, %mul[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %3 = tile.div %va, %vcol : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x3xf32>
  tile.store %3, %div[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %4 = tile.max %va, %s : tensor<2x3xf32>, f32 -> tensor<2x3xf32>
  tile.store %4, %max[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>
  %5 = tile.min %va, %s : tensor<2x3xf32>, f32 -> tensor<2x3xf32>
  tile.store %5, %min[%c0, %c0] : tensor<2x3xf32>, !tile.gm<2x3xf32>

  // bf16 + bf16 rounds once to bf16, ties to even: 1 + 2^-8 -> 1, then 1 + 1 = 2;
  // 256 + 1 (a tie between 256 and 258) -> 256 twice.
  %vh = tile.load %h[%c0] : !tile.gm<2xbf16> -> tensor<2xbf16>
  %eps = tile.full 3.90625e-3 : f32 : tensor<2xbf16>
  %ones = tile.full 1.0 : f32 : tensor<2xbf16>
  %small = tile.mul %eps, %vh : tensor<2xbf16>, tensor<2xbf16> -> tensor<2xbf16>
  %6 = tile.add %vh, %small : tensor<2xbf16>, tensor<2xbf16> -> tensor<2xbf16>
  %7 = tile.add %6, %ones : tensor<2xbf16>, tensor<2xbf16> -> tensor<2xbf16>
  tile.store %7, %hsum[%c0] : tensor<2xbf16>, !tile.gm<2xbf16>

  // i32 wraps; division truncates toward zero.
  %vi = tile.load %i[%c0] : !tile.gm<4xi32> -> tensor<4xi32>
  %vj = tile.load %j[%c0] : !tile.gm<4xi32> -> tensor<4xi32>
  %8 = tile.add %vi, %vj : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  tile.store %8, %iadd[%c0] : tensor<4xi32>, !tile.gm<4xi32>
  %9 = tile.div %vi, %vj : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  tile.store %9, %idiv[%c0] : tensor<4xi32>, !tile.gm<4xi32>
  %three = arith.constant 3 : i32
  %10 = tile.mul %vi, %three : tensor<4xi32>, i32 -> tensor<4xi32>
  tile.store %10, %imul[%c0] : tensor<4xi32>, !tile.gm<4xi32>
  %11 = tile.neg %vi : tensor<4xi32>
  tile.store %11, %ineg[%c0] : tensor<4xi32>, !tile.gm<4xi32>

  // Unary ops on [5, 0.25], one per row of %unary.
  %x = tile.slice %va[%c1, %c1] : tensor<2x3xf32> -> tensor<1x2xf32>
  %u0 = tile.neg %x : tensor<1x2xf32>
  %u1 = tile.abs %u0 : tensor<1x2xf32>
  %u2 = tile.exp %x : tensor<1x2xf32>
  %u3 = tile.log %x : tensor<1x2xf32>
  %u4 = tile.sqrt %x : tensor<1x2xf32>
  %u5 = tile.rsqrt %x : tensor<1x2xf32>
  %u6 = tile.recip %x : tensor<1x2xf32>
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  tile.store %u0, %unary[%c0, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u1, %unary[%c1, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u2, %unary[%c2, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u3, %unary[%c3, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u4, %unary[%c4, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u5, %unary[%c5, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.store %u6, %unary[%c6, %c0] : tensor<1x2xf32>, !tile.gm<7x2xf32>
  tile.return
}

// CHECK: add f32 [2, 3]: 11 18 33.5 6 25 30.25
// CHECK: div f32 [2, 3]: 0.5 -1 1.75 4 -5 -0.25
// CHECK: hsum bf16 [2]: 2 256
// CHECK: iadd i32 [4]: 9 -5 -2147483648 -5
// CHECK: idiv i32 [4]: 3 -3 2147483647 -2
// CHECK: imul i32 [4]: 21 -21 2147483645 -24
// CHECK: ineg i32 [4]: -7 7 -2147483647 8
// CHECK: max f32 [2, 3]: 1 0.5 3.5 0.5 5 0.5
// CHECK: min f32 [2, 3]: 0.5 -2 0.5 -4 0.5 0.25
// CHECK: mul f32 [2, 3]: 20 40 60 -10 -20 -30
// CHECK: sub f32 [2, 3]: -0.5 2.5 -3 4.5 -4.5 0.25
// CHECK: unary f32 [7, 2]: -5 -0.25 5 0.25 148.413162 1.28402543 1.60943794 -1.38629436 2.23606801 0.5 0.44721359 2 0.200000003 4
