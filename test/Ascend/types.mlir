// RUN: tile-opt %s | tile-opt | FileCheck %s

// !ascend.tile in every on-chip memory space with every element type, and
// every value of the ascend dialect's enum attributes.

// CHECK-LABEL: func.func private @spaces
// CHECK-SAME: (!ascend.tile<64x128xf32, ub>, !ascend.tile<64x128xbf16, l1>, !ascend.tile<16x32xf16, l0a>, !ascend.tile<32x16xi8, l0b>, !ascend.tile<16x16xi32, l0c>)
func.func private @spaces(!ascend.tile<64x128xf32, ub>, !ascend.tile<64x128xbf16, l1>,
                          !ascend.tile<16x32xf16, l0a>, !ascend.tile<32x16xi8, l0b>,
                          !ascend.tile<16x16xi32, l0c>)

// The shape is the valid region: [64, 1] and [1, 3] are legal tiles (each
// row is padded to 32 bytes in memory, not in the type).
// CHECK-LABEL: func.func private @element_types
// CHECK-SAME: (!ascend.tile<8x16xbf16, ub>, !ascend.tile<8x16xf16, ub>, !ascend.tile<8x16xf32, ub>, !ascend.tile<8x16xi8, ub>, !ascend.tile<8x16xi16, ub>, !ascend.tile<8x16xi32, ub>, !ascend.tile<64x1xf32, ub>, !ascend.tile<1x3xi8, ub>)
func.func private @element_types(!ascend.tile<8x16xbf16, ub>, !ascend.tile<8x16xf16, ub>,
                                 !ascend.tile<8x16xf32, ub>, !ascend.tile<8x16xi8, ub>,
                                 !ascend.tile<8x16xi16, ub>, !ascend.tile<8x16xi32, ub>,
                                 !ascend.tile<64x1xf32, ub>, !ascend.tile<1x3xi8, ub>)

// Whitespace inside the type is not significant.
// CHECK-LABEL: func.func private @spacing
// CHECK-SAME: (!ascend.tile<4x8xf32, l1>)
func.func private @spacing(!ascend.tile< 4x8xf32 ,l1 >)

// CHECK-LABEL: func.func private @attributes()
// CHECK-SAME: attributes {
// CHECK-SAME: c0 = #ascend.core<aic>, c1 = #ascend.core<aiv>
// CHECK-SAME: m0 = #ascend.space<gm>, m1 = #ascend.space<ub>, m2 = #ascend.space<l1>, m3 = #ascend.space<l0a>, m4 = #ascend.space<l0b>, m5 = #ascend.space<l0c>
// CHECK-SAME: p0 = #ascend.pipe<s>, p1 = #ascend.pipe<v>, p2 = #ascend.pipe<m>, p3 = #ascend.pipe<mte1>, p4 = #ascend.pipe<mte2>, p5 = #ascend.pipe<mte3>, p6 = #ascend.pipe<fix>, p7 = #ascend.pipe<all>
func.func private @attributes() attributes {
  m0 = #ascend.space<gm>, m1 = #ascend.space<ub>, m2 = #ascend.space<l1>,
  m3 = #ascend.space<l0a>, m4 = #ascend.space<l0b>, m5 = #ascend.space<l0c>,
  p0 = #ascend.pipe<s>, p1 = #ascend.pipe<v>, p2 = #ascend.pipe<m>, p3 = #ascend.pipe<mte1>,
  p4 = #ascend.pipe<mte2>, p5 = #ascend.pipe<mte3>, p6 = #ascend.pipe<fix>, p7 = #ascend.pipe<all>,
  c0 = #ascend.core<aic>, c1 = #ascend.core<aiv>}
