// RUN: tile-opt %s | tile-opt | FileCheck %s

// !tile.gm with every kernel element type and ranks 1 to 4, and every value
// of the tile dialect's enum attributes.

// CHECK-LABEL: func.func private @element_types
// CHECK-SAME: (!tile.gm<4x32xbf16>, !tile.gm<4x32xf16>, !tile.gm<4x32xf32>, !tile.gm<4x32xi8>, !tile.gm<4x32xi32>)
func.func private @element_types(!tile.gm<4x32xbf16>, !tile.gm<4x32xf16>, !tile.gm<4x32xf32>,
                                 !tile.gm<4x32xi8>, !tile.gm<4x32xi32>)

// CHECK-LABEL: func.func private @ranks
// CHECK-SAME: (!tile.gm<7xf32>, !tile.gm<1x1xbf16>, !tile.gm<2x3x5xf16>, !tile.gm<128x4x64x512xi8>)
func.func private @ranks(!tile.gm<7xf32>, !tile.gm<1x1xbf16>, !tile.gm<2x3x5xf16>,
                         !tile.gm<128x4x64x512xi8>)

// Large dimensions print in full; a type used as a result round-trips too.
// CHECK-LABEL: func.func private @result
// CHECK-SAME: () -> !tile.gm<8192x129280xbf16>
func.func private @result() -> !tile.gm<8192x129280xbf16>

// Kernel parameters mix tensors and i32/f32 scalars; `tile.out` marks outputs.
// CHECK-LABEL: tile.kernel @params
// CHECK-SAME: (%{{.*}}: !tile.gm<64x7168xbf16>, %{{.*}}: i32, %{{.*}}: f32, %{{.*}}: !tile.gm<64x1536xi8> {tile.out}, %{{.*}}: !tile.gm<64x1xf32> {tile.out})
tile.kernel @params(%x: !tile.gm<64x7168xbf16>, %n: i32, %eps: f32,
                    %q: !tile.gm<64x1536xi8> {tile.out}, %s: !tile.gm<64x1xf32> {tile.out}) {
  // CHECK-NEXT: tile.return
  tile.return
}

// CHECK-LABEL: func.func private @attributes()
// CHECK-SAME: attributes {
// CHECK-SAME: c0 = #tile.core<vector>, c1 = #tile.core<cube>
// CHECK-SAME: p0 = #tile.pattern<even>, p1 = #tile.pattern<odd>
// CHECK-SAME: r0 = #tile.round<none>, r1 = #tile.round<rint>, r2 = #tile.round<round>, r3 = #tile.round<floor>, r4 = #tile.round<ceil>, r5 = #tile.round<trunc>, r6 = #tile.round<odd>
// CHECK-SAME: s0 = #tile.sat<off>, s1 = #tile.sat<on>
func.func private @attributes() attributes {
  r0 = #tile.round<none>, r1 = #tile.round<rint>, r2 = #tile.round<round>,
  r3 = #tile.round<floor>, r4 = #tile.round<ceil>, r5 = #tile.round<trunc>, r6 = #tile.round<odd>,
  s0 = #tile.sat<off>, s1 = #tile.sat<on>,
  p0 = #tile.pattern<even>, p1 = #tile.pattern<odd>,
  c0 = #tile.core<vector>, c1 = #tile.core<cube>}
