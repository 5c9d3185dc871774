// RUN: tile-opt %s --split-input-file -verify-diagnostics | FileCheck %s

// Compare, select and TCI round trip (AscendSelectOps.td), then one case per
// verifier message (AscendSelectVerifiers.cpp).

// CHECK-LABEL: ascend.task @select
// CHECK: ascend.tcmp %[[M:.*]], %[[A:.*]], %[[B:.*]] <lt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
// CHECK: ascend.tcmps %[[M]], %[[A]], %{{.*}} <ne> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, f32
// CHECK: ascend.tsel %[[D:.*]], %[[M]], %[[A]], %[[B]], %{{.*}} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x16xui32, ub>
// CHECK: ascend.tsels %[[D]], %[[M]], %[[A]], %{{.*}}, %{{.*}} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x8xf32, ub>, f32
// CHECK: ascend.tci %{{.*}}, %{{.*}} : !ascend.tile<1x64xi32, ub>, i32
ascend.task @select(%s: f32, %n: i32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  %w = ascend.alloc : !ascend.tile<1x16xui32, ub>
  %t = ascend.alloc : !ascend.tile<1x8xf32, ub>
  %i = ascend.alloc : !ascend.tile<1x64xi32, ub>
  ascend.tcmp %m, %a, %b <lt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.tcmps %m, %a, %s <ne> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, f32
  ascend.tsel %d, %m, %a, %b, %w : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x16xui32, ub>
  ascend.tsels %d, %m, %a, %t, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x8xf32, ub>, f32
  ascend.tci %i, %n : !ascend.tile<1x64xi32, ub>, i32
  ascend.return
}

// -----

ascend.task @mask_shape() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x12xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x1xui8, ub>
  // expected-error @+1 {{'ascend.tcmp' op mask must be [16, 2] (a bit per element), found [16, 1]}}
  ascend.tcmp %m, %a, %a <eq> : !ascend.tile<16x1xui8, ub>, !ascend.tile<16x12xf32, ub>, !ascend.tile<16x12xf32, ub>
  ascend.return
}

// -----

ascend.task @mask_type(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xi8, ub>
  // expected-error @+1 {{'ascend.tcmps' op mask element type must be ui8, found 'i8'}}
  ascend.tcmps %m, %a, %s <eq> : !ascend.tile<16x8xi8, ub>, !ascend.tile<16x64xf32, ub>, f32
  ascend.return
}

// -----

ascend.task @compare_bf16() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  // expected-error @+1 {{'ascend.tcmp' op compares f32, f16 or i32, found 'bf16'}}
  ascend.tcmp %m, %a, %a <gt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @compare_mixed() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x64xi32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  // expected-error @+1 {{'ascend.tcmp' op second source type '!ascend.tile<16x64xi32, ub>' differs from '!ascend.tile<16x64xf32, ub>'}}
  ascend.tcmp %m, %a, %b <gt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xi32, ub>
  ascend.return
}

// -----

ascend.task @compare_scalar(%s: i32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  // expected-error @+1 {{'ascend.tcmps' op scalar type 'i32' differs from the source's element type 'f32'}}
  ascend.tcmps %m, %a, %s <gt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, i32
  ascend.return
}

// -----

ascend.task @select_tmp() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  %w = ascend.alloc : !ascend.tile<1x16xi32, ub>
  // expected-error @+1 {{'ascend.tsel' op tmp element type must be ui32, found 'i32'}}
  ascend.tsel %a, %m, %a, %a, %w : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x16xi32, ub>
  ascend.return
}

// -----

ascend.task @select_bytes() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xi8, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  %w = ascend.alloc : !ascend.tile<1x16xui32, ub>
  // expected-error @+1 {{'ascend.tsel' op selects 2- or 4-byte elements, found 'i8'}}
  ascend.tsel %a, %m, %a, %a, %w : !ascend.tile<16x64xi8, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xi8, ub>, !ascend.tile<1x16xui32, ub>
  ascend.return
}

// -----

ascend.task @selects_tmp(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %m = ascend.alloc : !ascend.tile<16x8xui8, ub>
  %t = ascend.alloc : !ascend.tile<1x8xi32, ub>
  // expected-error @+1 {{'ascend.tsels' op tmp element type 'i32' differs from the source's 'f32'}}
  ascend.tsels %a, %m, %a, %t, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x8xi32, ub>, f32
  ascend.return
}

// -----

ascend.task @tci(%n: i32) attributes {core = #ascend.core<aiv>} {
  %i = ascend.alloc : !ascend.tile<2x64xi32, ub>
  // expected-error @+1 {{'ascend.tci' op writes a one-row i32 tile, found '!ascend.tile<2x64xi32, ub>'}}
  ascend.tci %i, %n : !ascend.tile<2x64xi32, ub>, i32
  ascend.return
}
