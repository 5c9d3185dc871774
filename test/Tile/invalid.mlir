// RUN: tile-opt %s -split-input-file -verify-diagnostics

// One case per verifier message of the tile dialect (TileTypes.cpp,
// TileOps.cpp, TileVerifiers.cpp), plus the ODS constraints that matter.

//===----------------------------------------------------------------------===//
// !tile.gm
//===----------------------------------------------------------------------===//

// expected-error @+1 {{a global tensor needs at least one dimension}}
func.func private @no_dims(!tile.gm<f32>)

// -----

// expected-error @+1 {{global tensor dimensions must be positive, found 0}}
func.func private @zero_dim(!tile.gm<4x0xf32>)

// -----

// expected-error @+1 {{global tensor element type must be bf16, f16, f32, i8 or i32, found 'f64'}}
func.func private @f64(!tile.gm<4x4xf64>)

// -----

// expected-error @+1 {{global tensor element type must be bf16, f16, f32, i8 or i32, found 'i16'}}
func.func private @i16(!tile.gm<4x4xi16>)

// -----

// expected-error @+1 {{expected static shape}}
func.func private @dynamic(!tile.gm<?x4xf32>)

//===----------------------------------------------------------------------===//
// tile.kernel
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{'tile.kernel' op returns nothing: store results into `tile.out` parameters}}
tile.kernel @returns(%x: !tile.gm<4x8xf32>) -> f32 {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op needs a body}}
tile.kernel @declaration(%x: !tile.gm<4x8xf32>)

// -----

// expected-error @+1 {{'tile.kernel' op parameter #0: 'tile.dim' marks an i32 input with a positive i64 bound, found 0 : i64 on 'i32'}}
tile.kernel @dim_bound_zero(%t: i32 {tile.dim = 0 : i64}) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op parameter #0: 'tile.dim' marks an i32 input with a positive i64 bound, found 8 : i64 on 'f32'}}
tile.kernel @dim_on_f32(%t: f32 {tile.dim = 8 : i64}) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op parameter #1: 'tile.rows' names the run-time dim counting a !tile.gm tensor's rows, found 0 : i64 on '!tile.gm<4x8xf32>'}}
tile.kernel @rows_without_dim(%t: i32, %x: !tile.gm<4x8xf32> {tile.rows = 0 : i64}) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op parameter #1 has 16 rows, more than the bound 8 of its run-time dim}}
tile.kernel @rows_over_bound(%t: i32 {tile.dim = 8 : i64}, %x: !tile.gm<16x8xf32> {tile.rows = 0 : i64}) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op parameter #1 must be a !tile.gm tensor, i32 or f32, found 'index'}}
tile.kernel @index_param(%x: !tile.gm<4x8xf32>, %n: index) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op parameter #0 must be a !tile.gm tensor, i32 or f32, found 'tensor<4x8xf32>'}}
tile.kernel @value_param(%x: tensor<4x8xf32>) {
  tile.return
}

// -----

// expected-error @+1 {{'tile.kernel' op output parameter #1 must be a !tile.gm tensor}}
tile.kernel @scalar_out(%x: !tile.gm<4x8xf32>, %n: i32 {tile.out}) {
  tile.return
}

// -----

tile.kernel @return_outside() {
  tile.scope "s" core = #tile.core<vector> {
    // expected-error @+1 {{'tile.return' op expects parent op 'tile.kernel'}}
    tile.return
  }
  tile.return
}

// -----

tile.kernel @scope_yield_mismatch() {
  %f = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.scope' op yields 1 values whose types must match its results}}
  %s = tile.scope "s" core = #tile.core<vector> -> tensor<4x8xbf16> {
    tile.yield %f : tensor<4x8xf32>
  }
  tile.return
}

//===----------------------------------------------------------------------===//
// Loads, stores and windows
//===----------------------------------------------------------------------===//

// -----

tile.kernel @load_element(%x: !tile.gm<16x64xbf16>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'tile.load' op loads 'bf16' elements as 'f32'}}
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xbf16> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @load_rank(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'tile.load' op slice rank 1 differs from tensor rank 2}}
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<64xf32>
  tile.return
}

// -----

tile.kernel @load_offsets(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'tile.load' op expects one offset per dimension (2), found 1}}
  %t = tile.load %x[%c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @load_too_big(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'tile.load' op slice [32, 64] does not fit in tensor [16, 64]}}
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<32x64xf32>
  tile.return
}

// -----

tile.kernel @load_out_of_bounds(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %c12 = arith.constant 12 : index
  // expected-error @+1 {{'tile.load' op slice [8, 64] at offset 12 in dimension 0 exceeds tensor [16, 64]}}
  %t = tile.load %x[%c12, %c0] : !tile.gm<16x64xf32> -> tensor<8x64xf32>
  tile.return
}

// -----

tile.kernel @load_negative_offset(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %neg = arith.constant -8 : index
  // expected-error @+1 {{'tile.load' op slice [16, 32] at offset -8 in dimension 1 exceeds tensor [16, 64]}}
  %t = tile.load %x[%c0, %neg] : !tile.gm<16x64xf32> -> tensor<16x32xf32>
  tile.return
}

// -----

tile.kernel @load_rows_ranks(%x: !tile.gm<64x32xf32>, %r: !tile.gm<16xi32>) {
  %c0 = arith.constant 0 : index
  %rows = tile.load %r[%c0] : !tile.gm<16xi32> -> tensor<16xi32>
  // expected-error @+1 {{'tile.load_rows' op expects a 2-D source, 1-D row indices and a 2-D result}}
  %t = tile.load_rows %x[%rows], %c0 : !tile.gm<64x32xf32>, tensor<16xi32> -> tensor<16x1x32xf32>
  tile.return
}

// -----

tile.kernel @load_rows_element(%x: !tile.gm<64x32xf32>, %r: !tile.gm<16xi32>) {
  %c0 = arith.constant 0 : index
  %rows = tile.load %r[%c0] : !tile.gm<16xi32> -> tensor<16xi32>
  // expected-error @+1 {{'tile.load_rows' op loads 'f32' elements as 'f16'}}
  %t = tile.load_rows %x[%rows], %c0 : !tile.gm<64x32xf32>, tensor<16xi32> -> tensor<16x32xf16>
  tile.return
}

// -----

tile.kernel @load_rows_count(%x: !tile.gm<64x32xf32>, %r: !tile.gm<16xi32>) {
  %c0 = arith.constant 0 : index
  %rows = tile.load %r[%c0] : !tile.gm<16xi32> -> tensor<16xi32>
  // expected-error @+1 {{'tile.load_rows' op result has 8 rows for 16 row indices}}
  %t = tile.load_rows %x[%rows], %c0 : !tile.gm<64x32xf32>, tensor<16xi32> -> tensor<8x32xf32>
  tile.return
}

// -----

tile.kernel @load_rows_wide(%x: !tile.gm<64x32xf32>, %r: !tile.gm<16xi32>) {
  %c0 = arith.constant 0 : index
  %rows = tile.load %r[%c0] : !tile.gm<16xi32> -> tensor<16xi32>
  // expected-error @+1 {{'tile.load_rows' op result has 64 columns, more than the source's 32}}
  %t = tile.load_rows %x[%rows], %c0 : !tile.gm<64x32xf32>, tensor<16xi32> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @store_element(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.store' op stores 'f32' into a tensor of 'bf16'}}
  tile.store %t, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xbf16>
  tile.return
}

// -----

tile.kernel @store_out_of_bounds(%x: !tile.gm<16x64xf32>, %y: !tile.gm<32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c24 = arith.constant 24 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.store' op slice [16, 64] at offset 24 in dimension 0 exceeds tensor [32, 64]}}
  tile.store %t, %y[%c24, %c0] : tensor<16x64xf32>, !tile.gm<32x64xf32>
  tile.return
}

//===----------------------------------------------------------------------===//
// Views and assembly of values
//===----------------------------------------------------------------------===//

// -----

tile.kernel @slice_element(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.slice' op result element type differs from the source's}}
  %s = tile.slice %t[%c0, %c0] : tensor<16x64xf32> -> tensor<8x64xf16>
  tile.return
}

// -----

tile.kernel @slice_too_big(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.slice' op slice [16, 128] does not fit in tensor [16, 64]}}
  %s = tile.slice %t[%c0, %c0] : tensor<16x64xf32> -> tensor<16x128xf32>
  tile.return
}

// -----

tile.kernel @insert_element(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %h = tile.full 1 : i32 : tensor<8x64xi32>
  // expected-error @+1 {{'tile.insert' op inserts 'i32' elements into a tensor of 'f32'}}
  %s = tile.insert %h into %t[%c0, %c0] : tensor<8x64xi32> into tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @insert_out_of_bounds(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %c40 = arith.constant 40 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %h = tile.slice %t[%c0, %c0] : tensor<16x64xf32> -> tensor<16x32xf32>
  // expected-error @+1 {{'tile.insert' op slice [16, 32] at offset 40 in dimension 1 exceeds tensor [16, 64]}}
  %s = tile.insert %h into %t[%c0, %c40] : tensor<16x32xf32> into tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @reshape_element(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.reshape' op cannot change the element type}}
  %r = tile.reshape %t : tensor<16x64xf32> -> tensor<1024xi32>
  tile.return
}

// -----

tile.kernel @reshape_size(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @+1 {{'tile.reshape' op cannot reshape [16, 64] (1024 elements) to [16, 32] (512 elements)}}
  %r = tile.reshape %t : tensor<16x64xf32> -> tensor<16x32xf32>
  tile.return
}

// -----

tile.kernel @full_not_number() {
  // expected-error @+1 {{'tile.full' op fill value must be a float or integer constant}}
  %f = tile.full dense<1.0> : tensor<8xf32> : tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @full_kind() {
  // expected-error @+1 {{'tile.full' op fill value of type 'i32' does not suit a tensor of 'f32'}}
  %f = tile.full 1 : i32 : tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @broadcast_element() {
  %f = tile.full 1.0 : f32 : tensor<1x64xf32>
  // expected-error @+1 {{'tile.broadcast' op cannot change the element type}}
  %b = tile.broadcast %f : tensor<1x64xf32> -> tensor<16x64xf16>
  tile.return
}

// -----

tile.kernel @broadcast_shape() {
  %f = tile.full 1.0 : f32 : tensor<2x64xf32>
  // expected-error @+1 {{'tile.broadcast' op cannot broadcast [2, 64] to [16, 64]}}
  %b = tile.broadcast %f : tensor<2x64xf32> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @broadcast_narrows() {
  %f = tile.full 1.0 : f32 : tensor<16x64xf32>
  // expected-error @+1 {{'tile.broadcast' op cannot broadcast [16, 64] to [1, 64]}}
  %b = tile.broadcast %f : tensor<16x64xf32> -> tensor<1x64xf32>
  tile.return
}

//===----------------------------------------------------------------------===//
// Elementwise math and casts
//===----------------------------------------------------------------------===//

// -----

tile.kernel @binary_element(%s: i32) {
  %f = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.add' op operands must have the result's element type 'f32', found 'f32' and 'i32'}}
  %a = tile.add %f, %s : tensor<4x8xf32>, i32 -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @binary_scalars(%a: f32, %b: f32) {
  // expected-error @+1 {{'tile.mul' op needs at least one tensor operand}}
  %m = tile.mul %a, %b : f32, f32 -> tensor<f32>
  tile.return
}

// -----

tile.kernel @binary_broadcast() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  %b = tile.full 1.0 : f32 : tensor<4x3xf32>
  // expected-error @+1 {{'tile.sub' op operand shapes [4, 8] and [4, 3] do not broadcast}}
  %s = tile.sub %a, %b : tensor<4x8xf32>, tensor<4x3xf32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @binary_result() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  %b = tile.full 1.0 : f32 : tensor<4x1xf32>
  // expected-error @+1 {{'tile.div' op result shape [8, 8] differs from the broadcast shape [4, 8]}}
  %d = tile.div %a, %b : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<8x8xf32>
  tile.return
}

// -----

tile.kernel @binary_other_ops() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  %b = tile.full 1.0 : f32 : tensor<4x3xf32>
  // expected-error @+1 {{'tile.max' op operand shapes [4, 8] and [4, 3] do not broadcast}}
  %x = tile.max %a, %b : tensor<4x8xf32>, tensor<4x3xf32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @binary_min(%s: f32) {
  %a = tile.full 1 : i32 : tensor<4x8xi32>
  // expected-error @+1 {{'tile.min' op operands must have the result's element type 'i32', found 'i32' and 'f32'}}
  %x = tile.min %a, %s : tensor<4x8xi32>, f32 -> tensor<4x8xi32>
  tile.return
}

// -----

tile.kernel @unary_float_only() {
  %a = tile.full 1 : i32 : tensor<4x8xi32>
  // expected-error @+1 {{'tile.exp' op operand #0 must be ranked tensor of bfloat16 type or 16-bit float or 32-bit float values}}
  %e = tile.exp %a : tensor<4x8xi32>
  tile.return
}

// -----

tile.kernel @cast_needs_round() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.cast' op conversion from 'f32' to 'bf16' loses precision and needs an explicit rounding (round = #tile.round<rint>}}
  %b = tile.cast %a : tensor<4x8xf32> -> tensor<4x8xbf16>
  tile.return
}

// -----

tile.kernel @cast_float_to_int() {
  %a = tile.full 1.0 : f16 : tensor<4x8xf16>
  // expected-error @+1 {{'tile.cast' op conversion from 'f16' to 'i8' loses precision}}
  %b = tile.cast %a {sat = #tile.sat<on>} : tensor<4x8xf16> -> tensor<4x8xi8>
  tile.return
}

// -----

tile.kernel @cast_wide_int_to_float() {
  %a = tile.full 1 : i32 : tensor<4x8xi32>
  // expected-error @+1 {{'tile.cast' op conversion from 'i32' to 'f32' loses precision}}
  %b = tile.cast %a : tensor<4x8xi32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @cast_f16_to_bf16() {
  %a = tile.full 1.0 : f16 : tensor<4x8xf16>
  // expected-error @+1 {{'tile.cast' op conversion from 'f16' to 'bf16' loses precision}}
  %b = tile.cast %a : tensor<4x8xf16> -> tensor<4x8xbf16>
  tile.return
}

// -----

tile.kernel @cast_shape() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.cast' op requires the same shape for all operands and results}}
  %b = tile.cast %a : tensor<4x8xf32> -> tensor<8x4xf32>
  tile.return
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// -----

tile.kernel @reduce_rank() {
  %a = tile.full 1.0 : f32 : tensor<64xf32>
  // expected-error @+1 {{'tile.row_sum' op reduces a rank-2 tensor, found rank 1}}
  %s = tile.row_sum %a : tensor<64xf32> -> tensor<1xf32>
  tile.return
}

// -----

tile.kernel @reduce_element() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.row_max' op cannot change the element type}}
  %s = tile.row_max %a : tensor<4x8xf32> -> tensor<4x1xf16>
  tile.return
}

// -----

tile.kernel @row_reduce_shape() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.row_min' op result shape must be [4, 1], found [1, 8]}}
  %s = tile.row_min %a : tensor<4x8xf32> -> tensor<1x8xf32>
  tile.return
}

// -----

tile.kernel @col_reduce_shape() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.col_sum' op result shape must be [1, 8], found [4, 1]}}
  %s = tile.col_sum %a : tensor<4x8xf32> -> tensor<4x1xf32>
  tile.return
}

// -----

tile.kernel @col_max_shape() {
  %a = tile.full 1 : i32 : tensor<4x8xi32>
  // expected-error @+1 {{'tile.col_max' op result shape must be [1, 8], found [4, 8]}}
  %s = tile.col_max %a : tensor<4x8xi32> -> tensor<4x8xi32>
  tile.return
}

// -----

tile.kernel @col_min_rank() {
  %a = tile.full 1.0 : f16 : tensor<2x4x8xf16>
  // expected-error @+1 {{'tile.col_min' op reduces a rank-2 tensor, found rank 3}}
  %s = tile.col_min %a : tensor<2x4x8xf16> -> tensor<1x4x8xf16>
  tile.return
}

// -----

tile.kernel @reduce_bf16() {
  %a = tile.full 1.0 : bf16 : tensor<4x8xbf16>
  // expected-error @+1 {{'tile.row_sum' op operand #0 must be ranked tensor of 16-bit float or 32-bit float or 32-bit signless integer values}}
  %s = tile.row_sum %a : tensor<4x8xbf16> -> tensor<4x1xbf16>
  tile.return
}

//===----------------------------------------------------------------------===//
// Matmul, gather, interleave
//===----------------------------------------------------------------------===//

// -----

tile.kernel @transpose_shape() {
  %a = tile.full 1.0 : f32 : tensor<16x64xf32>
  // expected-error @+1 {{'tile.transpose' op result must be [64, 16] of 'f32'}}
  %t = tile.transpose %a : tensor<16x64xf32> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @transpose_rank() {
  %a = tile.full 1.0 : f32 : tensor<4x16x64xf32>
  // expected-error @+1 {{'tile.transpose' op transposes a rank-2 tensor, found rank 3}}
  %t = tile.transpose %a : tensor<4x16x64xf32> -> tensor<64x16x4xf32>
  tile.return
}

// -----

tile.kernel @matmul_transposed_inner() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<64x32xbf16>
  // expected-error @+1 {{'tile.matmul' op inner dimensions differ: [16, 64] × transposed [64, 32]}}
  %c = tile.matmul %a, %b {transpose_b} : tensor<16x64xbf16>, tensor<64x32xbf16> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @matmul_rank() {
  %a = tile.full 1.0 : bf16 : tensor<64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<64x32xbf16>
  // expected-error @+1 {{'tile.matmul' op multiplies rank-2 tensors}}
  %c = tile.matmul %a, %b : tensor<64xbf16>, tensor<64x32xbf16> -> tensor<1x32xf32>
  tile.return
}

// -----

tile.kernel @matmul_mixed() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : f16 : tensor<64x32xf16>
  // expected-error @+1 {{'tile.matmul' op operand element types differ: 'bf16' and 'f16'}}
  %c = tile.matmul %a, %b : tensor<16x64xbf16>, tensor<64x32xf16> -> tensor<16x32xf32>
  tile.return
}

// -----

tile.kernel @matmul_int8_acc() {
  %a = tile.full 1 : i8 : tensor<16x64xi8>
  %b = tile.full 1 : i8 : tensor<64x32xi8>
  // expected-error @+1 {{'tile.matmul' op accumulates 'i8' operands in 'i32', found 'f32'}}
  %c = tile.matmul %a, %b : tensor<16x64xi8>, tensor<64x32xi8> -> tensor<16x32xf32>
  tile.return
}

// -----

tile.kernel @matmul_float_acc() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<64x32xbf16>
  // expected-error @+1 {{'tile.matmul' op accumulates 'bf16' operands in 'f32', found 'i32'}}
  %c = tile.matmul %a, %b : tensor<16x64xbf16>, tensor<64x32xbf16> -> tensor<16x32xi32>
  tile.return
}

// -----

tile.kernel @matmul_inner() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<32x64xbf16>
  // expected-error @+1 {{'tile.matmul' op inner dimensions differ: [16, 64] × [32, 64]}}
  %c = tile.matmul %a, %b : tensor<16x64xbf16>, tensor<32x64xbf16> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @matmul_result() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<64x32xbf16>
  // expected-error @+1 {{'tile.matmul' op result shape must be [16, 32]}}
  %c = tile.matmul %a, %b : tensor<16x64xbf16>, tensor<64x32xbf16> -> tensor<32x16xf32>
  tile.return
}

// -----

tile.kernel @matmul_acc() {
  %a = tile.full 1.0 : bf16 : tensor<16x64xbf16>
  %b = tile.full 1.0 : bf16 : tensor<64x32xbf16>
  %acc = tile.full 0.0 : f32 : tensor<16x1xf32>
  // expected-error @+1 {{'tile.matmul' op accumulator type must equal the result type}}
  %c = tile.matmul %a, %b acc %acc : tensor<16x64xbf16>, tensor<64x32xbf16>, tensor<16x1xf32> -> tensor<16x32xf32>
  tile.return
}

// -----

tile.kernel @gather_odd_width() {
  %a = tile.full 1.0 : f32 : tensor<4x7xf32>
  // expected-error @+1 {{'tile.gather' op gathers from a rank-2 tensor with an even column count}}
  %g = tile.gather %a <even> : tensor<4x7xf32> -> tensor<4x3xf32>
  tile.return
}

// -----

tile.kernel @gather_bytes() {
  %a = tile.full 1 : i8 : tensor<4x8xi8>
  // expected-error @+1 {{'tile.gather' op gathers 2- or 4-byte elements, found 'i8'}}
  %g = tile.gather %a <odd> : tensor<4x8xi8> -> tensor<4x4xi8>
  tile.return
}

// -----

tile.kernel @gather_result() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.gather' op result must be [4, 4] of 'f32'}}
  %g = tile.gather %a <even> : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @interleave_rank() {
  %a = tile.full 1.0 : f32 : tensor<8xf32>
  // expected-error @+1 {{'tile.interleave' op interleaves rank-2 tensors}}
  %i = tile.interleave %a, %a : tensor<8xf32> -> tensor<16xf32>
  tile.return
}

// -----

tile.kernel @interleave_result() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  // expected-error @+1 {{'tile.interleave' op result must be [4, 16] of 'f32'}}
  %i = tile.interleave %a, %a : tensor<4x8xf32> -> tensor<8x8xf32>
  tile.return
}

// -----

tile.kernel @interleave_types() {
  %a = tile.full 1.0 : f32 : tensor<4x8xf32>
  %b = tile.full 1.0 : f32 : tensor<4x4xf32>
  // expected-error @+1 {{'tile.interleave' op failed to verify that all of {even, odd} have same type}}
  %i = "tile.interleave"(%a, %b) : (tensor<4x8xf32>, tensor<4x4xf32>) -> tensor<4x16xf32>
  tile.return
}

//===----------------------------------------------------------------------===//
// Composites
//===----------------------------------------------------------------------===//

// -----

tile.kernel @rms_norm_rank() {
  %a = tile.full 1.0 : f32 : tensor<64xf32>
  // expected-error @+1 {{'tile.rms_norm' op normalises the rows of a rank-2 tensor}}
  %n = tile.rms_norm %a {eps = 1.0e-6 : f32} : tensor<64xf32> -> tensor<64xf32>
  tile.return
}

// -----

tile.kernel @rms_norm_result() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.rms_norm' op result shape must equal the source shape}}
  %n = tile.rms_norm %a {eps = 1.0e-6 : f32} : tensor<4x64xf32> -> tensor<4x1xf32>
  tile.return
}

// -----

tile.kernel @rms_norm_gamma() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  %g = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.rms_norm' op gamma must have shape [64] or [1, 64], found [4, 64]}}
  %n = tile.rms_norm %a, %g {eps = 1.0e-6 : f32} : tensor<4x64xf32>, tensor<4x64xf32> -> tensor<4x64xf32>
  tile.return
}

// -----

tile.kernel @rms_norm_eps() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.rms_norm' op eps must not be negative}}
  %n = tile.rms_norm %a {eps = -1.0e-6 : f32} : tensor<4x64xf32> -> tensor<4x64xf32>
  tile.return
}

// -----

tile.kernel @quant_rank() {
  %a = tile.full 1.0 : f32 : tensor<64xf32>
  // expected-error @+1 {{'tile.quant_int8' op quantises the rows of a rank-2 tensor}}
  %q:2 = tile.quant_int8 %a {scale_max = 127.0 : f32, amax_eps = 1.0e-4 : f32} : tensor<64xf32> -> tensor<64xi8>, tensor<1xf32>
  tile.return
}

// -----

tile.kernel @quant_shape() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.quant_int8' op quantized shape must equal the source shape}}
  %q:2 = tile.quant_int8 %a {scale_max = 127.0 : f32, amax_eps = 1.0e-4 : f32} : tensor<4x64xf32> -> tensor<4x32xi8>, tensor<4x1xf32>
  tile.return
}

// -----

tile.kernel @quant_scale() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.quant_int8' op scale shape must be [4, 1]}}
  %q:2 = tile.quant_int8 %a {scale_max = 127.0 : f32, amax_eps = 1.0e-4 : f32} : tensor<4x64xf32> -> tensor<4x64xi8>, tensor<1x4xf32>
  tile.return
}

// -----

tile.kernel @quant_parameters() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  // expected-error @+1 {{'tile.quant_int8' op scale_max and amax_eps must be positive}}
  %q:2 = tile.quant_int8 %a {scale_max = 127.0 : f32, amax_eps = 0.0 : f32} : tensor<4x64xf32> -> tensor<4x64xi8>, tensor<4x1xf32>
  tile.return
}

// -----

tile.kernel @rope_rank() {
  %a = tile.full 1.0 : f32 : tensor<64xf32>
  %t = tile.full 1.0 : f32 : tensor<32xf32>
  // expected-error @+1 {{'tile.rope' op rotates the rows of a rank-2 tensor}}
  %r = tile.rope %a, %t, %t {offset = 0 : i64} : tensor<64xf32>, tensor<32xf32>, tensor<32xf32> -> tensor<64xf32>
  tile.return
}

// -----

tile.kernel @rope_offset() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  %t = tile.full 1.0 : f32 : tensor<4x16xf32>
  // expected-error @+1 {{'tile.rope' op offset 31 must leave an even, non-empty column range in 64 columns}}
  %r = tile.rope %a, %t, %t {offset = 31 : i64} : tensor<4x64xf32>, tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x64xf32>
  tile.return
}

// -----

tile.kernel @rope_offset_past_end() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  %t = tile.full 1.0 : f32 : tensor<4x16xf32>
  // expected-error @+1 {{'tile.rope' op offset 64 must leave an even, non-empty column range in 64 columns}}
  %r = tile.rope %a, %t, %t {offset = 64 : i64} : tensor<4x64xf32>, tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x64xf32>
  tile.return
}

// -----

tile.kernel @rope_tables() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  %c = tile.full 1.0 : f32 : tensor<4x16xf32>
  %s = tile.full 1.0 : f32 : tensor<4x32xf32>
  // expected-error @+1 {{'tile.rope' op cos and sin must have shape [4, 16], found [4, 32]}}
  %r = tile.rope %a, %c, %s {offset = 32 : i64} : tensor<4x64xf32>, tensor<4x16xf32>, tensor<4x32xf32> -> tensor<4x64xf32>
  tile.return
}

// -----

tile.kernel @rope_result() {
  %a = tile.full 1.0 : f32 : tensor<4x64xf32>
  %t = tile.full 1.0 : f32 : tensor<4x32xf32>
  // expected-error @+1 {{'tile.rope' op result shape must equal the source shape}}
  %r = tile.rope %a, %t, %t {offset = 0 : i64} : tensor<4x64xf32>, tensor<4x32xf32>, tensor<4x32xf32> -> tensor<4x32xf32>
  tile.return
}

// -----

tile.kernel @pow_fraction(%x: !tile.gm<4x8xf32>, %y: !tile.gm<4x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.pow' op exponent 1.500000e+00 must be an integer of at most 2^31 in magnitude, or ±0.5}}
  %p = tile.pow %v {exponent = 1.5 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %p, %y[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  tile.return
}

// -----

tile.kernel @cmp_mixed(%x: !tile.gm<4x8xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.cmp' op operands must have one element type 'f32', found 'f32' and 'i32'}}
  %m = tile.cmp <lt> %v, %n : tensor<4x8xf32>, i32 -> tensor<4x8xi1>
  tile.return
}

// -----

tile.kernel @select_mask_shape(%x: !tile.gm<4x8xf32>, %k: !tile.gm<4x4xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %w = tile.load %k[%c0, %c0] : !tile.gm<4x4xf32> -> tensor<4x4xf32>
  %m = tile.cmp <lt> %w, %w : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xi1>
  // expected-error @+1 {{'tile.select' op mask shape [4, 4] does not broadcast to the result shape [4, 8]}}
  %s = tile.select %m, %v, %v : tensor<4x4xi1>, tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @select_result_rows(%x: !tile.gm<1x8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<1x8xf32> -> tensor<1x8xf32>
  %m = tile.cmp <gt> %v, %v : tensor<1x8xf32>, tensor<1x8xf32> -> tensor<1x8xi1>
  // expected-error @+1 {{'tile.select' op mask shape [1, 8] and value shape [1, 8] do not broadcast to the result shape [4, 8]}}
  %s = tile.select %m, %v, %v : tensor<1x8xi1>, tensor<1x8xf32>, tensor<1x8xf32> -> tensor<4x8xf32>
  tile.return
}

// -----

tile.kernel @iota_rank() {
  // expected-error @+1 {{'tile.iota' op gives a rank-1 sequence or one row [1, N], found [2, 8]}}
  %i = tile.iota : tensor<2x8xi32>
  tile.return
}


// -----

tile.kernel @topk_k(%x: !tile.gm<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.topk' op k must be in [1, 8] (at most 64 and the row length), found 9}}
  %a, %b = tile.topk %v {k = 9 : i64} : tensor<4x8xf32> -> tensor<4x9xf32>, tensor<4x9xi32>
  tile.return
}

// -----

tile.kernel @topk_shape(%x: !tile.gm<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.topk' op results must be [4, 2], found [4, 3]}}
  %a, %b = tile.topk %v {k = 2 : i64} : tensor<4x8xf32> -> tensor<4x3xf32>, tensor<4x3xi32>
  tile.return
}

// -----

tile.kernel @topk_values(%x: !tile.gm<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.topk' op values must have the source's element type}}
  %a, %b = tile.topk %v {k = 2 : i64} : tensor<4x8xf32> -> tensor<4x2xf16>, tensor<4x2xi32>
  tile.return
}

// -----

tile.kernel @topk_rank(%x: !tile.gm<8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0] : !tile.gm<8xf32> -> tensor<8xf32>
  // expected-error @+1 {{'tile.topk' op ranks the rows of a rank-2 tensor, found [8]}}
  %a, %b = tile.topk %v {k = 2 : i64} : tensor<8xf32> -> tensor<1x2xf32>, tensor<1x2xi32>
  tile.return
}

// -----

tile.kernel @argmax_shape(%x: !tile.gm<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  // expected-error @+1 {{'tile.row_argmax' op result must be [4, 1], found [1, 4]}}
  %a = tile.row_argmax %v : tensor<4x8xf32> -> tensor<1x4xi32>
  tile.return
}

// -----

tile.kernel @argmax_rank(%x: !tile.gm<8xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0] : !tile.gm<8xf32> -> tensor<8xf32>
  // expected-error @+1 {{'tile.row_argmax' op ranks the rows of a rank-2 tensor, found [8]}}
  %a = tile.row_argmax %v : tensor<8xf32> -> tensor<8x1xi32>
  tile.return
}
