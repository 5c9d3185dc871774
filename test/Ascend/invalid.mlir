// RUN: tile-opt %s -split-input-file -verify-diagnostics

// One case per verifier message of the ascend dialect (AscendTypes.cpp,
// AscendOps.cpp, AscendVerifiers.cpp), plus the ODS constraints that matter.

//===----------------------------------------------------------------------===//
// !ascend.tile
//===----------------------------------------------------------------------===//

// expected-error @+1 {{a tile buffer is rows × cols, found rank 1}}
func.func private @rank1(!ascend.tile<64xf32, ub>)

// -----

// expected-error @+1 {{a tile buffer is rows × cols, found rank 3}}
func.func private @rank3(!ascend.tile<2x4x8xf32, ub>)

// -----

// expected-error @+1 {{tile dimensions must be positive}}
func.func private @zero(!ascend.tile<0x8xf32, ub>)

// -----

// expected-error @+1 {{tile element type must be bf16, f16, f32, i8, i16 or i32, found 'f64'}}
func.func private @f64(!ascend.tile<8x8xf64, ub>)

// -----

// expected-error @+1 {{a tile buffer lives on chip; use !ascend.gm for global memory}}
func.func private @gm(!ascend.tile<8x8xf32, gm>)

// -----

// expected-error @+1 {{expected a memory space (ub, l1, l0a, l0b, l0c), found 'hbm'}}
func.func private @unknown_space(!ascend.tile<8x8xf32, hbm>)

// -----

// expected-error @+1 {{expected ','}}
func.func private @no_space(!ascend.tile<8x8xf32>)

//===----------------------------------------------------------------------===//
// Tasks, launches, host ops
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{'ascend.task' op returns nothing: results go to global tensors}}
ascend.task @returns() -> f32 attributes {core = #ascend.core<aiv>} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.task' op argument #1 must be a !ascend.gm tensor, !ascend.ring, index, i32 or f32, found '!ascend.tile<8x8xf32, ub>'}}
ascend.task @tile_argument(%x: !ascend.gm<8x8xf32>, %t: !ascend.tile<8x8xf32, ub>) attributes {core = #ascend.core<aiv>} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.task' op needs a body}}
ascend.task @declaration(%x: !ascend.gm<8x8xf32>) attributes {core = #ascend.core<aiv>}

// -----

// expected-error @+1 {{'ascend.task' op requires attribute 'core'}}
ascend.task @no_core() {
  ascend.return
}

// -----

ascend.kernel @host() {
  // expected-error @+1 {{'ascend.launch' op launches 'missing', which is not an ascend.task}}
  ascend.launch @missing() blocks = 1 : () -> ()
  ascend.return
}

// -----

ascend.kernel @not_a_task() {
  // expected-error @+1 {{'ascend.launch' op launches 'not_a_task', which is not an ascend.task}}
  ascend.launch @not_a_task() blocks = 1 : () -> ()
  ascend.return
}

// -----

ascend.task @t(%x: !ascend.gm<8x8xf32>, %n: i32) attributes {core = #ascend.core<aiv>} {
  ascend.return
}
ascend.kernel @host(%x: !ascend.gm<8x8xf32>, %s: f32) {
  // expected-error @+1 {{'ascend.launch' op argument types do not match task 't'}}
  ascend.launch @t(%x, %s) blocks = 2 : (!ascend.gm<8x8xf32>, f32) -> ()
  ascend.return
}

// -----

ascend.task @t(%x: !ascend.gm<8x8xf32>) attributes {core = #ascend.core<aiv>} {
  ascend.return
}
ascend.kernel @host(%x: !ascend.gm<8x8xf32>) {
  // expected-error @+1 {{'ascend.launch' op argument types do not match task 't'}}
  ascend.launch @t() blocks = 2 : () -> ()
  ascend.return
}

// -----

ascend.task @t() attributes {core = #ascend.core<aiv>} {
  ascend.return
}
ascend.kernel @host() {
  // expected-error @+1 {{'ascend.launch' op attribute 'blocks' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  ascend.launch @t() blocks = 0 : () -> ()
  ascend.return
}

// -----

ascend.kernel @reshape(%x: !ascend.gm<4x16x128xf32>) {
  // expected-error @+1 {{'ascend.gm_reshape' op cannot reinterpret '!ascend.gm<4x16x128xf32>' as '!ascend.gm<64x64xf32>': the element type and the element count must match}}
  %y = ascend.gm_reshape %x : !ascend.gm<4x16x128xf32> -> !ascend.gm<64x64xf32>
  ascend.return
}

// -----

ascend.kernel @reshape_element(%x: !ascend.gm<4x16x128xf32>) {
  // expected-error @+1 {{'ascend.gm_reshape' op cannot reinterpret '!ascend.gm<4x16x128xf32>' as '!ascend.gm<64x128xi32>'}}
  %y = ascend.gm_reshape %x : !ascend.gm<4x16x128xf32> -> !ascend.gm<64x128xi32>
  ascend.return
}

// -----

//===----------------------------------------------------------------------===//
// !ascend.gm and the host program
//===----------------------------------------------------------------------===//

// expected-error @+1 {{a global tensor needs at least one dimension}}
func.func private @scalar_gm(!ascend.gm<f32>)

// -----

// expected-error @+1 {{global tensor dimensions must be positive, found 0}}
func.func private @empty_gm(!ascend.gm<0x8xf32>)

// -----

// expected-error @+1 {{global tensor element type must be bf16, f16, f32, i8 or i32, found 'i16'}}
func.func private @i16_gm(!ascend.gm<8x8xi16>)

// -----

// expected-error @+1 {{'ascend.kernel' op returns nothing: results go to `ascend.out` parameters}}
ascend.kernel @result() -> i32 {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.kernel' op parameter #1 must be a !ascend.gm tensor, i32 or f32, found 'index'}}
ascend.kernel @index_parameter(%x: !ascend.gm<8x8xf32>, %n: index) {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.kernel' op output parameter #0 must be a !ascend.gm tensor}}
ascend.kernel @scalar_output(%s: f32 {ascend.out}) {
  ascend.return
}

// -----

ascend.task @t() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.alloc_gm' op expects parent op 'ascend.kernel'}}
  %s = ascend.alloc_gm : !ascend.gm<8x8xf32>
  ascend.return
}

// -----

// The ascend stage holds no tile types.
// expected-error @+1 {{'ascend.task' op argument #0 must be a !ascend.gm tensor, !ascend.ring, index, i32 or f32, found '!tile.gm<8x8xf32>'}}
ascend.task @tile_gm(%x: !tile.gm<8x8xf32>) attributes {core = #ascend.core<aiv>} {
  ascend.return
}

// -----

func.func @ttrans_shape() {
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.ttrans' op destination must be [64, 16], the transpose of the source [16, 64], found [16, 64]}}
  ascend.ttrans %d, %s, %d : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  return
}

// -----

func.func @ttrans_scratch() {
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %d = ascend.alloc : !ascend.tile<64x16xf32, ub>
  %t = ascend.alloc : !ascend.tile<64x16xi32, ub>
  // expected-error @+1 {{'ascend.ttrans' op scratch tile must have the destination's type}}
  ascend.ttrans %d, %s, %t : !ascend.tile<64x16xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<64x16xi32, ub>
  return
}

// -----

func.func @zn_outside_l1() {
  // expected-error @+1 {{only an L1 tile has a choice of fractal layout}}
  %t = ascend.alloc : !ascend.tile<16x16xbf16, l0b, zn>
  return
}

// -----

func.func @unknown_fractal_layout() {
  // expected-error @+1 {{expected a fractal layout (nz, zn), found 'nn'}}
  %t = ascend.alloc : !ascend.tile<16x16xbf16, l1, nn>
  return
}

// -----

func.func @zn_without_transpose(%x: !ascend.gm<16x16xbf16>) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x16xbf16, l1, zn>
  // expected-error @+1 {{'ascend.tload' op fills a ZN tile only when it loads transposed}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<16x16xbf16, l1, zn>, !ascend.gm<16x16xbf16>
  return
}

// -----

func.func @transpose_into_nz(%x: !ascend.gm<16x16xbf16>) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x16xbf16, l1>
  // expected-error @+1 {{'ascend.tload' op loads transposed only into an L1 tile in ZN order, without a window}}
  ascend.tload %t, %x[%c0, %c0] {transpose} : !ascend.tile<16x16xbf16, l1>, !ascend.gm<16x16xbf16>
  return
}

// -----

// Some rows (`rows %n`, a partial chunk of run-time token rows) are a prefix of
// the window only when its rows run along one dimension, and not transposed.
func.func @partial_rows_transposed(%x: !ascend.gm<64x16xbf16>, %n: index) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x32xbf16, l1, zn>
  // expected-error @+1 {{'ascend.tload' op loads some rows only when it does not transpose}}
  ascend.tload %t, %x[%c0, %c0] rows %n {transpose} : !ascend.tile<16x32xbf16, l1, zn>, !ascend.gm<64x16xbf16>
  return
}

// -----

func.func @partial_rows_two_dims(%x: !ascend.gm<4x8x16xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<8x16xf32, ub>
  // expected-error @+1 {{'ascend.tstore' op moves some rows only when its window's rows run along one dimension}}
  ascend.tstore %x[%c0, %c0, %c0], %t rows %n {window = array<i64: 2, 4>} : !ascend.gm<4x8x16xf32>, !ascend.tile<8x16xf32, ub>
  return
}

// -----

// Valid rows are set on vector tiles that are buffers, within their rows.
func.func @valid_rows_of_l1(%n: index) {
  %t = ascend.alloc : !ascend.tile<16x32xbf16, l1>
  // expected-error @+1 {{'ascend.set_valid_rows' op sets the valid rows of a vector (UB) tile, found one in l1}}
  ascend.set_valid_rows %t, %n : !ascend.tile<16x32xbf16, l1>
  return
}

// -----

func.func @valid_rows_past_the_tile() {
  %c17 = arith.constant 17 : index
  %t = ascend.alloc : !ascend.tile<16x32xf32, ub>
  // expected-error @+1 {{'ascend.set_valid_rows' op valid rows 17 outside [1, 16]}}
  ascend.set_valid_rows %t, %c17 : !ascend.tile<16x32xf32, ub>
  return
}

// -----

func.func @valid_rows_of_a_block_argument(%t: !ascend.tile<16x32xf32, ub>, %n: index) {
  // expected-error @+1 {{'ascend.set_valid_rows' op sets the valid rows of an ascend.alloc}}
  ascend.set_valid_rows %t, %n : !ascend.tile<16x32xf32, ub>
  return
}

// -----

// The [32, 16] window of a [16, 32] tile loaded transposed.
func.func @transpose_too_wide(%x: !ascend.gm<64x8xbf16>) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x32xbf16, l1, zn>
  // expected-error @+1 {{'ascend.tload' op tile [32, 16] is wider than the global tensor}}
  ascend.tload %t, %x[%c0, %c0] {transpose} : !ascend.tile<16x32xbf16, l1, zn>, !ascend.gm<64x8xbf16>
  return
}

// -----

func.func @tile_gm_load(%x: !tile.gm<8x8xf32>) {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<8x8xf32, ub>
  // expected-error @+1 {{'ascend.tload' op operand #1 must be a statically shaped tensor in global memory (HBM), but got '!tile.gm<8x8xf32>'}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<8x8xf32, ub>, !tile.gm<8x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// ascend.alloc
//===----------------------------------------------------------------------===//

// -----

ascend.task @alloc() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.alloc' op offset 48 is not 32-byte aligned}}
  %t = ascend.alloc {offset = 48 : i64} : !ascend.tile<8x8xf32, ub>
  ascend.return
}

// -----

ascend.task @alloc_negative() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.alloc' op attribute 'offset' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %t = ascend.alloc {offset = -32 : i64} : !ascend.tile<8x8xf32, ub>
  ascend.return
}

//===----------------------------------------------------------------------===//
// TLOAD / TSTORE
//===----------------------------------------------------------------------===//

// -----

ascend.task @tload_space(%x: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, l0a>
  // expected-error @+1 {{'ascend.tload' op destination must be in ub or l1, found l0a}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<16x64xf16, l0a>, !ascend.gm<16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_offsets(%x: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op expects one offset per global dimension (2), found 1}}
  ascend.tload %t, %x[%c0] : !ascend.tile<16x64xf16, ub>, !ascend.gm<16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_element(%x: !ascend.gm<16x64xbf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tload' op global element type 'bf16' differs from the tile's 'f32'}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xbf16>
  ascend.return
}

// -----

ascend.task @tload_wide(%x: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x128xf16, ub>
  // expected-error @+1 {{'ascend.tload' op tile [16, 128] is wider than the global tensor}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<16x128xf16, ub>, !ascend.gm<16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_rows(%x: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op tile [32, 64] has more rows than the global tensor}}
  ascend.tload %t, %x[%c0, %c0] : !ascend.tile<32x64xf16, ub>, !ascend.gm<16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_rows_rank1(%x: !ascend.gm<64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<2x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op tile [2, 64] has more rows than the global tensor}}
  ascend.tload %t, %x[%c0] : !ascend.tile<2x64xf16, ub>, !ascend.gm<64xf16>
  ascend.return
}

// -----

ascend.task @tload_window_rank(%x: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op window needs one extent per leading global dimension (2), found 1}}
  ascend.tload %t, %x[%c0, %c0, %c0] {window = array<i64: 16>} : !ascend.tile<16x64xf16, ub>, !ascend.gm<4x16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_window_extent(%x: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op window extent 8 does not fit dimension 4}}
  ascend.tload %t, %x[%c0, %c0, %c0] {window = array<i64: 8, 2>} : !ascend.tile<16x64xf16, ub>, !ascend.gm<4x16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_window_zero(%x: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op window extent 0 does not fit dimension 16}}
  ascend.tload %t, %x[%c0, %c0, %c0] {window = array<i64: 1, 0>} : !ascend.tile<16x64xf16, ub>, !ascend.gm<4x16x64xf16>
  ascend.return
}

// -----

ascend.task @tload_window_rows(%x: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tload' op window holds 32 rows, the tile has 16}}
  ascend.tload %t, %x[%c0, %c0, %c0] {window = array<i64: 2, 16>} : !ascend.tile<16x64xf16, ub>, !ascend.gm<4x16x64xf16>
  ascend.return
}

// -----

ascend.task @tstore_space(%y: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, l1>
  // expected-error @+1 {{'ascend.tstore' op source must be in ub or l0c, found l1}}
  ascend.tstore %y[%c0, %c0], %t : !ascend.gm<16x64xf16>, !ascend.tile<16x64xf16, l1>
  ascend.return
}

// -----

ascend.task @tstore_element(%y: !ascend.gm<16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tstore' op global element type 'f16' differs from the tile's 'f32'}}
  ascend.tstore %y[%c0, %c0], %t : !ascend.gm<16x64xf16>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @tstore_offsets(%y: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tstore' op expects one offset per global dimension (3), found 2}}
  ascend.tstore %y[%c0, %c0], %t : !ascend.gm<4x16x64xf16>, !ascend.tile<16x64xf16, ub>
  ascend.return
}

// -----

ascend.task @tstore_window(%y: !ascend.gm<4x16x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tstore' op window holds 64 rows, the tile has 16}}
  ascend.tstore %y[%c0, %c0, %c0], %t {window = array<i64: 4, 16>} : !ascend.gm<4x16x64xf16>, !ascend.tile<16x64xf16, ub>
  ascend.return
}

//===----------------------------------------------------------------------===//
// Vector binaries and row/column expansions
//===----------------------------------------------------------------------===//

// -----

ascend.task @vec_dst_space() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %d = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.tadd' op destination must be in ub, found l1}}
  ascend.tadd %d, %a, %a : !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @vec_lhs_space() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %l = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.tsub' op left operand must be in ub, found l1}}
  ascend.tsub %a, %l, %a : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @vec_rhs_space() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %r = ascend.alloc : !ascend.tile<16x64xf32, l0c>
  // expected-error @+1 {{'ascend.tmul' op right operand must be in ub, found l0c}}
  ascend.tmul %a, %a, %r : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, l0c>
  ascend.return
}

// -----

ascend.task @vec_lhs_shape() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<8x64xf32, ub>
  // expected-error @+1 {{'ascend.tdiv' op left operand shape [8, 64] differs from the destination's [16, 64]}}
  ascend.tdiv %a, %b, %a : !ascend.tile<16x64xf32, ub>, !ascend.tile<8x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @vec_lhs_element() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %h = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.tmax' op left operand element type 'f16' differs from the destination's 'f32'}}
  ascend.tmax %a, %h, %a : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @vec_rhs_element() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %i = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // expected-error @+1 {{'ascend.tmin' op right operand element type 'i32' differs from the destination's 'f32'}}
  ascend.tmin %a, %a, %i : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xi32, ub>
  ascend.return
}

// -----

// a2a3 has no bf16 vector arithmetic.
ascend.task @vec_bf16() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tadd' op has no 'bf16' form on a2a3 (supported: i16, i32, f16, f32); convert to f32 first}}
  ascend.tadd %a, %a, %a : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

// ... nor i8 arithmetic; i8 converts only to f16 (TCVT) on a2a3.
ascend.task @vec_i8() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xi8, ub>
  // expected-error @+1 {{'ascend.tmul' op has no 'i8' form on a2a3 (supported: i16, i32, f16, f32); convert to f16 first}}
  ascend.tmul %a, %a, %a : !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xi8, ub>
  ascend.return
}

// -----

ascend.task @vec_rhs_shape() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %r = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // expected-error @+1 {{'ascend.tadd' op right operand must be [16, 64], found [16, 1]}}
  ascend.tadd %a, %a, %r : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_rhs() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %c = ascend.alloc : !ascend.tile<1x64xf32, ub>
  // expected-error @+1 {{'ascend.trowexpandmul' op right operand must be [16, 8], found [1, 64]}}
  ascend.trowexpandmul %a, %a, %c : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_full_rhs() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.trowexpandsub' op right operand must be [16, 8], found [16, 64]}}
  ascend.trowexpandsub %a, %a, %a : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

// PTO-ISA reads a row-major per-row operand as one 32-byte block per row: an
// [R, 1] operand (7 lanes of padding) is not a form it accepts.
ascend.task @rowexpand_column_rhs() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %r = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // expected-error @+1 {{'ascend.trowexpandmul' op right operand must be [16, 8], found [16, 1]}}
  ascend.trowexpandmul %a, %a, %r : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

ascend.task @colexpand_rhs() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %r = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // expected-error @+1 {{'ascend.tcolexpanddiv' op right operand must be [1, 64], found [16, 1]}}
  ascend.tcolexpanddiv %a, %a, %r : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_bf16() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  %r = ascend.alloc : !ascend.tile<16x16xbf16, ub>
  // expected-error @+1 {{'ascend.trowexpandadd' op has no 'bf16' form on a2a3}}
  ascend.trowexpandadd %a, %a, %r : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x16xbf16, ub>
  ascend.return
}

//===----------------------------------------------------------------------===//
// Scalar and unary vector instructions
//===----------------------------------------------------------------------===//

// -----

ascend.task @scalar_type() attributes {core = #ascend.core<aiv>} {
  %s = arith.constant 1.0 : f16
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tadds' op scalar type 'f16' differs from the destination's element type 'f32'}}
  ascend.tadds %a, %a, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, f16
  ascend.return
}

// -----

ascend.task @scalar_src_space(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %l = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.tmuls' op source must be in ub, found l1}}
  ascend.tmuls %a, %l, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, l1>, f32
  ascend.return
}

// -----

ascend.task @scalar_dst_space(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %l = ascend.alloc : !ascend.tile<16x64xf32, l0c>
  // expected-error @+1 {{'ascend.tsubs' op destination must be in ub, found l0c}}
  ascend.tsubs %l, %a, %s : !ascend.tile<16x64xf32, l0c>, !ascend.tile<16x64xf32, ub>, f32
  ascend.return
}

// -----

ascend.task @scalar_shape(%s: i32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xi32, ub>
  %b = ascend.alloc : !ascend.tile<16x32xi32, ub>
  // expected-error @+1 {{'ascend.tdivs' op source shape [16, 32] differs from the destination's [16, 64]}}
  ascend.tdivs %a, %b, %s : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x32xi32, ub>, i32
  ascend.return
}

// -----

ascend.task @scalar_src_element(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // expected-error @+1 {{'ascend.tmaxs' op source element type 'i32' differs from the destination's 'f32'}}
  ascend.tmaxs %a, %b, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xi32, ub>, f32
  ascend.return
}

// -----

ascend.task @scalar_bf16(%s: f32) attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tmins' op scalar type 'f32' differs from the destination's element type 'bf16'}}
  ascend.tmins %a, %a, %s : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>, f32
  ascend.return
}

// -----

ascend.task @scalar_i16_arithmetic() attributes {core = #ascend.core<aiv>} {
  %s = arith.constant 1 : i16
  %a = ascend.alloc : !ascend.tile<16x64xi8, ub>
  // expected-error @+1 {{'ascend.tadds' op scalar type 'i16' differs from the destination's element type 'i8'}}
  ascend.tadds %a, %a, %s : !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xi8, ub>, i16
  ascend.return
}

// -----

ascend.task @unary_integer() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // expected-error @+1 {{'ascend.texp' op has no 'i32' form on a2a3 (supported: f16, f32); convert to f32 first}}
  ascend.texp %a, %a : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xi32, ub>
  ascend.return
}

// -----

ascend.task @unary_abs_bf16() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tabs' op has no 'bf16' form on a2a3 (supported: f16, f32); convert to f32 first}}
  ascend.tabs %a, %a : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @unary_shape() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // expected-error @+1 {{'ascend.tsqrt' op source shape [16, 1] differs from the destination's [16, 64]}}
  ascend.tsqrt %a, %b : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

ascend.task @unary_element() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.trsqrt' op source element type 'f16' differs from the destination's 'f32'}}
  ascend.trsqrt %a, %b : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf16, ub>
  ascend.return
}

// -----

ascend.task @unary_space() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, l1>
  %b = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tlog' op destination must be in ub, found l1}}
  ascend.tlog %a, %b : !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

//===----------------------------------------------------------------------===//
// TMOV
//===----------------------------------------------------------------------===//

// -----

ascend.task @tmov_shape() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x32xf32, ub>
  // expected-error @+1 {{'ascend.tmov' op source shape [16, 32] differs from the destination's [16, 64]}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x32xf32, ub>
  ascend.return
}

// -----

ascend.task @tmov_ub_to_l1() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, l1>
  %b = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tmov' op destination must be in ub, found l1}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @tmov_l1_to_ub() attributes {core = #ascend.core<aic>} {
  %a = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %b = ascend.alloc : !ascend.tile<16x64xf16, l1>
  // expected-error @+1 {{'ascend.tmov' op destination must be in l0a or l0b, found ub}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xf16, l1>
  ascend.return
}

// -----

ascend.task @tmov_l0c_to_l0a() attributes {core = #ascend.core<aic>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, l0a>
  %b = ascend.alloc : !ascend.tile<16x64xf32, l0c>
  // expected-error @+1 {{'ascend.tmov' op destination must be in ub or l1, found l0a}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf32, l0a>, !ascend.tile<16x64xf32, l0c>
  ascend.return
}

// -----

ascend.task @tmov_from_l0a() attributes {core = #ascend.core<aic>} {
  %a = ascend.alloc : !ascend.tile<16x64xf16, l0b>
  %b = ascend.alloc : !ascend.tile<16x64xf16, l0a>
  // expected-error @+1 {{'ascend.tmov' op cannot move out of l0a}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf16, l0b>, !ascend.tile<16x64xf16, l0a>
  ascend.return
}

// -----

ascend.task @tmov_element() attributes {core = #ascend.core<aic>} {
  %a = ascend.alloc : !ascend.tile<16x64xf32, l0a>
  %b = ascend.alloc : !ascend.tile<16x64xf16, l1>
  // expected-error @+1 {{'ascend.tmov' op source element type 'f16' differs from the destination's 'f32'}}
  ascend.tmov %a, %b : !ascend.tile<16x64xf32, l0a>, !ascend.tile<16x64xf16, l1>
  ascend.return
}

//===----------------------------------------------------------------------===//
// Reductions and expansions
//===----------------------------------------------------------------------===//

// -----

ascend.task @rowsum_tmp_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %t = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.trowsum' op scratch must be in ub, found l1}}
  ascend.trowsum %d, %s, %t : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, l1>
  ascend.return
}

// -----

// 512 f32 columns are 8 repeats: a2a3 keeps their 4 pairwise sums, 256 columns.
ascend.task @rowsum_tmp_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x512xf32, ub>
  %t = ascend.alloc : !ascend.tile<16x128xf32, ub>
  // expected-error @+1 {{'ascend.trowmax' op scratch must be [16, at least 256] for a source of [16, 512] (the columns the a2a3 instruction writes), found [16, 128]}}
  ascend.trowmax %d, %s, %t : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x512xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_tmp_rows() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %t = ascend.alloc : !ascend.tile<8x64xf32, ub>
  // expected-error @+1 {{'ascend.trowsum' op scratch must be [16, at least 8] for a source of [16, 64] (the columns the a2a3 instruction writes), found [8, 64]}}
  ascend.trowsum %d, %s, %t : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<8x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_tmp_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %t = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // expected-error @+1 {{'ascend.trowmin' op scratch element type 'f16' differs from the source's 'f32'}}
  ascend.trowmin %d, %s, %t : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf16, ub>
  ascend.return
}

// -----

ascend.task @rowsum_dst_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<1x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.trowsum' op destination must be [16, 1], found [1, 64]}}
  ascend.trowsum %d, %s, %s : !ascend.tile<1x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_dst_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, l1>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.trowsum' op destination must be in ub, found l1}}
  ascend.trowsum %d, %s, %s : !ascend.tile<16x1xf32, l1>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_src_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, l1>
  %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.trowsum' op source must be in ub, found l1}}
  ascend.trowsum %d, %s, %t : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.trowsum' op source element type 'f32' differs from the destination's 'f16'}}
  ascend.trowsum %d, %s, %s : !ascend.tile<16x1xf16, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowsum_bf16() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xbf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.trowsum' op has no 'bf16' form on a2a3}}
  ascend.trowsum %d, %s, %s : !ascend.tile<16x1xbf16, ub>, !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @colsum_dst_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tcolsum' op destination must be [1, 64], found [16, 1]}}
  ascend.tcolsum %d, %s : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @colmax_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<1x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.tcolmax' op source must be in ub, found l1}}
  ascend.tcolmax %d, %s : !ascend.tile<1x64xf32, ub>, !ascend.tile<16x64xf32, l1>
  ascend.return
}

// -----

ascend.task @colmin_dst_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<1x64xf32, l1>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tcolmin' op destination must be in ub, found l1}}
  ascend.tcolmin %d, %s : !ascend.tile<1x64xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @colsum_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<1x64xi32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tcolsum' op source element type 'f32' differs from the destination's 'i32'}}
  ascend.tcolsum %d, %s : !ascend.tile<1x64xi32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @colsum_i8() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<1x64xi8, ub>
  %s = ascend.alloc : !ascend.tile<16x64xi8, ub>
  // expected-error @+1 {{'ascend.tcolsum' op has no 'i8' form on a2a3}}
  ascend.tcolsum %d, %s : !ascend.tile<1x64xi8, ub>, !ascend.tile<16x64xi8, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_src() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<1x64xf32, ub>
  // expected-error @+1 {{'ascend.trowexpand' op source must be [16, 1], found [1, 64]}}
  ascend.trowexpand %d, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<1x64xf32, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, l1>
  %s = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // expected-error @+1 {{'ascend.trowexpand' op destination must be in ub, found l1}}
  ascend.trowexpand %d, %s : !ascend.tile<16x64xf32, l1>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

ascend.task @rowexpand_src_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x1xf32, l1>
  // expected-error @+1 {{'ascend.trowexpand' op source must be in ub, found l1}}
  ascend.trowexpand %d, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf32, l1>
  ascend.return
}

// -----

ascend.task @rowexpand_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x1xf16, ub>
  // expected-error @+1 {{'ascend.trowexpand' op source element type 'f16' differs from the destination's 'f32'}}
  ascend.trowexpand %d, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x1xf16, ub>
  ascend.return
}

// -----

ascend.task @expands_space(%s: f32) attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, l0c>
  // expected-error @+1 {{'ascend.texpands' op destination must be in ub, found l0c}}
  ascend.texpands %d, %s : !ascend.tile<16x64xf32, l0c>, f32
  ascend.return
}

// -----

ascend.task @expands_type(%s: i32) attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.texpands' op scalar type 'i32' differs from the destination's element type 'f32'}}
  ascend.texpands %d, %s : !ascend.tile<16x64xf32, ub>, i32
  ascend.return
}

//===----------------------------------------------------------------------===//
// TCVT, TGATHER
//===----------------------------------------------------------------------===//

// -----

ascend.task @tcvt_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, l1>
  %s = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tcvt' op destination must be in ub, found l1}}
  ascend.tcvt %d, %s {round = #ascend.round<none>} : !ascend.tile<16x64xf32, l1>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @tcvt_src_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xbf16, l1>
  // expected-error @+1 {{'ascend.tcvt' op source must be in ub, found l1}}
  ascend.tcvt %d, %s {round = #ascend.round<none>} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xbf16, l1>
  ascend.return
}

// -----

ascend.task @tcvt_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x32xbf16, ub>
  // expected-error @+1 {{'ascend.tcvt' op source shape [16, 32] differs from the destination's [16, 64]}}
  ascend.tcvt %d, %s {round = #ascend.round<none>} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x32xbf16, ub>
  ascend.return
}

// -----

ascend.task @tcvt_round() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tcvt' op requires attribute 'round'}}
  ascend.tcvt %d, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

// The instruction's modes are the ascend dialect's own, not the tile
// dialect's cast attributes.
ascend.task @tcvt_tile_round() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tcvt' op attribute 'round' failed to satisfy constraint: rounding of a TCVT conversion}}
  ascend.tcvt %d, %s {round = #tile.round<none>} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @tgather_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x32xf32, l1>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tgather' op destination must be in ub, found l1}}
  ascend.tgather %d, %s <even> : !ascend.tile<16x32xf32, l1>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @tgather_src_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x32xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, l1>
  // expected-error @+1 {{'ascend.tgather' op source must be in ub, found l1}}
  ascend.tgather %d, %s <even> : !ascend.tile<16x32xf32, ub>, !ascend.tile<16x64xf32, l1>
  ascend.return
}

// -----

ascend.task @tgather_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x32xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tgather' op source element type 'f32' differs from the destination's 'f16'}}
  ascend.tgather %d, %s <odd> : !ascend.tile<16x32xf16, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

ascend.task @tgather_bytes() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x32xi8, ub>
  %s = ascend.alloc : !ascend.tile<16x64xi8, ub>
  // expected-error @+1 {{'ascend.tgather' op gathers 2- or 4-byte elements, found 'i8'}}
  ascend.tgather %d, %s <odd> : !ascend.tile<16x32xi8, ub>, !ascend.tile<16x64xi8, ub>
  ascend.return
}

// -----

ascend.task @tgather_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tgather' op destination must be [16, 32], found [16, 64]}}
  ascend.tgather %d, %s <even> : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

// PTO-ISA's mask gather writes its destination continuously: 4 f32 columns
// (16 bytes) would leave padding in every row.
ascend.task @tgather_part_block() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x4xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x8xf32, ub>
  // expected-error @+1 {{'ascend.tgather' op destination rows must fill whole 32-byte blocks (the gather writes them continuously), found [16, 4] of 'f32'}}
  ascend.tgather %d, %s <even> : !ascend.tile<16x4xf32, ub>, !ascend.tile<16x8xf32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_part_block() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x4xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x8xf32, ub>
  %i = ascend.alloc : !ascend.tile<8x4xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x4xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op destination rows must fill whole 32-byte blocks (the gather writes them continuously), found [8, 4] of 'f32'}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x4xf32, ub>, !ascend.tile<16x8xf32, ub>, !ascend.tile<8x4xi32, ub>, !ascend.tile<8x4xi32, ub>
  ascend.return
}

// -----

ascend.task @tgather_odd_width() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<16x31xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x63xf32, ub>
  // expected-error @+1 {{'ascend.tgather' op source must have an even number of columns, found 63}}
  ascend.tgather %d, %s <even> : !ascend.tile<16x31xf32, ub>, !ascend.tile<16x63xf32, ub>
  ascend.return
}

//===----------------------------------------------------------------------===//
// Cube
//===----------------------------------------------------------------------===//

// -----

ascend.task @matmul_dst_space() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, ub>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op destination must be in l0c, found ub}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<16x16xf32, ub>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_lhs_space() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0b>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op left operand must be in l0a, found l0b}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xbf16, l0b>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_rhs_space() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l1>
  // expected-error @+1 {{'ascend.tmatmul_acc' op right operand must be in l0b, found l1}}
  ascend.tmatmul_acc %c, %c, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l1>
  ascend.return
}

// -----

ascend.task @matmul_mixed() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op operand element types differ: 'bf16' and 'f16'}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_acc_type() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf16, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op the cube has no 'f16' ← 'bf16' × 'bf16' form}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<16x16xf16, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_int8_to_f32() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xi8, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xi8, l0b>
  // expected-error @+1 {{'ascend.tmatmul_acc' op the cube has no 'f32' ← 'i8' × 'i8' form}}
  ascend.tmatmul_acc %c, %c, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xi8, l0a>, !ascend.tile<32x16xi8, l0b>
  ascend.return
}

// -----

ascend.task @matmul_acc_input_space() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %u = ascend.alloc : !ascend.tile<16x16xf32, l1>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul_acc' op accumulator input must be in l0c, found l1}}
  ascend.tmatmul_acc %c, %u, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x16xf32, l1>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_acc_input_shape() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %w = ascend.alloc : !ascend.tile<16x32xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul_acc' op accumulator input shape [16, 32] differs from the destination's [16, 16]}}
  ascend.tmatmul_acc %c, %w, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xf32, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_shapes() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<16x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<64x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op shapes do not multiply: [16, 32] × [64, 16] → [16, 16]}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<16x16xf32, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<64x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_result_shape() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<32x16xf32, l0c>
  %a = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %b = ascend.alloc : !ascend.tile<32x16xbf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op shapes do not multiply: [16, 32] × [32, 16] → [32, 16]}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<32x16xf32, l0c>, !ascend.tile<16x32xbf16, l0a>, !ascend.tile<32x16xbf16, l0b>
  ascend.return
}

// -----

ascend.task @matmul_k_limit() attributes {core = #ascend.core<aic>} {
  %c = ascend.alloc : !ascend.tile<1x1xf32, l0c>
  %a = ascend.alloc : !ascend.tile<1x4096xf16, l0a>
  %b = ascend.alloc : !ascend.tile<4096x1xf16, l0b>
  // expected-error @+1 {{'ascend.tmatmul' op m, k and n must be at most 4095, found 4096}}
  ascend.tmatmul %c, %a, %b : !ascend.tile<1x1xf32, l0c>, !ascend.tile<1x4096xf16, l0a>, !ascend.tile<4096x1xf16, l0b>
  ascend.return
}

// -----

ascend.task @textract_src() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l0b>
  // expected-error @+1 {{'ascend.textract' op source must be in l1 or ub, found l0b}}
  ascend.textract %d, %s[%c0, %c0] : !ascend.tile<16x32xbf16, l0a>, !ascend.tile<64x64xbf16, l0b>
  ascend.return
}

// -----

ascend.task @textract_ub_to_l0a() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, ub>
  // expected-error @+1 {{'ascend.textract' op destination must be in ub, found l0a}}
  ascend.textract %d, %s[%c0, %c0] : !ascend.tile<16x32xbf16, l0a>, !ascend.tile<64x64xbf16, ub>
  ascend.return
}

// -----

ascend.task @tinsert_space() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x32xf32, l1>
  // expected-error @+1 {{'ascend.tinsert' op source must be in ub, found l1}}
  ascend.tinsert %d, %s[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x32xf32, l1>
  ascend.return
}

// -----

ascend.task @tinsert_element() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x32xf16, ub>
  // expected-error @+1 {{'ascend.tinsert' op source element type 'f16' differs from the destination's 'f32'}}
  ascend.tinsert %d, %s[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x32xf16, ub>
  ascend.return
}

// -----

ascend.task @tinsert_larger() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<32x32xf32, ub>
  // expected-error @+1 {{'ascend.tinsert' op window [32, 32] is larger than the destination [16, 64]}}
  ascend.tinsert %d, %s[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.tile<32x32xf32, ub>
  ascend.return
}

// -----

ascend.task @tinsert_offset() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c40 = arith.constant 40 : index
  %d = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x32xf32, ub>
  // expected-error @+1 {{'ascend.tinsert' op window [16, 32] at column 40 exceeds the destination [16, 64]}}
  ascend.tinsert %d, %s[%c0, %c40] : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x32xf32, ub>
  ascend.return
}

// -----

ascend.task @textract_dst() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x32xbf16, l0c>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  // expected-error @+1 {{'ascend.textract' op destination must be in l0a or l0b, found l0c}}
  ascend.textract %d, %s[%c0, %c0] : !ascend.tile<16x32xbf16, l0c>, !ascend.tile<64x64xbf16, l1>
  ascend.return
}

// -----

ascend.task @textract_element() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<16x32xf16, l0b>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  // expected-error @+1 {{'ascend.textract' op source element type 'bf16' differs from the destination's 'f16'}}
  ascend.textract %d, %s[%c0, %c0] : !ascend.tile<16x32xf16, l0b>, !ascend.tile<64x64xbf16, l1>
  ascend.return
}

// -----

ascend.task @textract_window() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %d = ascend.alloc : !ascend.tile<128x32xbf16, l0a>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  // expected-error @+1 {{'ascend.textract' op window [128, 32] is larger than the source [64, 64]}}
  ascend.textract %d, %s[%c0, %c0] : !ascend.tile<128x32xbf16, l0a>, !ascend.tile<64x64xbf16, l1>
  ascend.return
}

// -----

ascend.task @textract_offset() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c48 = arith.constant 48 : index
  %d = ascend.alloc : !ascend.tile<16x32xbf16, l0a>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  // expected-error @+1 {{'ascend.textract' op window [16, 32] at column 48 exceeds the source [64, 64]}}
  ascend.textract %d, %s[%c0, %c48] : !ascend.tile<16x32xbf16, l0a>, !ascend.tile<64x64xbf16, l1>
  ascend.return
}

// -----

ascend.task @textract_row_offset() attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c56 = arith.constant 56 : index
  %d = ascend.alloc : !ascend.tile<16x32xbf16, l0b>
  %s = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  // expected-error @+1 {{'ascend.textract' op window [16, 32] at row 56 exceeds the source [64, 64]}}
  ascend.textract %d, %s[%c56, %c0] : !ascend.tile<16x32xbf16, l0b>, !ascend.tile<64x64xbf16, l1>
  ascend.return
}

//===----------------------------------------------------------------------===//
// Flags
//===----------------------------------------------------------------------===//

// -----

ascend.task @flag_all() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.set_flag' op flags connect two specific pipes; use pipe_barrier for `all`}}
  ascend.set_flag <all> -> <v>, 0
  ascend.return
}

// -----

ascend.task @flag_same_pipe() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.wait_flag' op flags connect two different pipes; use pipe_barrier(v) within one pipe}}
  ascend.wait_flag <v> -> <v>, 0
  ascend.return
}

// -----

ascend.task @flag_event() attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.set_flag' op attribute 'event' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 7}}
  ascend.set_flag <mte2> -> <v>, 8
  ascend.return
}

// -----

ascend.task @flag_unknown_pipe() attributes {core = #ascend.core<aiv>} {
  // expected-error @+2 {{expected ::tilec::ascend::Pipe to be one of: s, v, m, mte1, mte2, mte3, fix, all}}
  // expected-error @+1 {{failed to parse Ascend_PipeAttr parameter 'value'}}
  ascend.set_flag <vec> -> <v>, 0
  ascend.return
}

//===----------------------------------------------------------------------===//
// Scalar loads, index gathers, constant global tensors
//===----------------------------------------------------------------------===//

// -----

ascend.task @scalar_load_offsets(%x: !ascend.gm<4x8xi32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'ascend.scalar_load' op expects one offset per dimension (2), found 1}}
  %v = ascend.scalar_load %x[%c0] : !ascend.gm<4x8xi32> -> i32
  ascend.return
}

// -----

ascend.task @scalar_load_type(%x: !ascend.gm<8xi32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'ascend.scalar_load' op reads 'i32' elements as 'f32'}}
  %v = ascend.scalar_load %x[%c0] : !ascend.gm<8xi32> -> f32
  ascend.return
}

// -----

ascend.task @gather_index_space() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi32, l1>
  %t = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op index tile must be in ub, found l1}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, l1>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf32, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op source element type 'f16' differs from the destination's 'f32'}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf32, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_bytes() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xi8, ub>
  %s = ascend.alloc : !ascend.tile<16x64xi8, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op gathers 2- or 4-byte elements, found 'i8'}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xi8, ub>, !ascend.tile<16x64xi8, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_i16() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi16, ub>
  %t = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op index tile must hold i32, found 'i16'}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi16, ub>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_scratch_element() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x64xf32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op scratch tile element type 'f32' differs from the index tile's 'i32'}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xf32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_scratch_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x32xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op scratch tile shape [8, 32] differs from the index tile's [8, 64]}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x32xi32, ub>
  ascend.return
}

// -----

ascend.task @gather_index_shape() attributes {core = #ascend.core<aiv>} {
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %i = ascend.alloc : !ascend.tile<8x32xi32, ub>
  %t = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // expected-error @+1 {{'ascend.tgather_index' op index tile shape [8, 32] differs from the destination's [8, 64]}}
  ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x32xi32, ub>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// -----

ascend.kernel @gm_constant_shape() {
  // expected-error @+1 {{'ascend.gm_constant' op value of type 'tensor<4xi32>' does not fill '!ascend.gm<8xi32>'}}
  %t = ascend.gm_constant dense<[0, 1, 2, 3]> : tensor<4xi32> : !ascend.gm<8xi32>
  ascend.return
}

// -----

ascend.kernel @gm_constant_element() {
  // expected-error @+1 {{'ascend.gm_constant' op value of type 'tensor<4xf32>' does not fill '!ascend.gm<4xi32>'}}
  %t = ascend.gm_constant dense<1.0> : tensor<4xf32> : !ascend.gm<4xi32>
  ascend.return
}

// -----

// TABS has integer forms only on a5; the lowering writes i32 abs as TNEG + TMAX.
ascend.task @unary_abs_i32() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // expected-error @+1 {{'ascend.tabs' op has no 'i32' form on a2a3 (supported: f16, f32); convert to f32 first}}
  ascend.tabs %a, %a : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xi32, ub>
  ascend.return
}
