// RUN: tile-opt %s -split-input-file -verify-diagnostics

// One case per verifier message of the mixed-launch ops, the ring type and
// the #ascend.c2v_ring decision (AscendMixedVerifiers.cpp).

// expected-error @+1 {{a ring has at least one slot of at least one row and column, found 0 slots of 32 x 64}}
func.func private @no_slots(!ascend.ring<slots = 0, rows = 32, cols = 64, element = i32>)

// -----

// expected-error @+1 {{a ring holds integers or floats, found 'index'}}
func.func private @index_ring(!ascend.ring<slots = 2, rows = 32, cols = 64, element = index>)

// -----

// expected-error @+1 {{a ring's slots have an even number of rows (a half per AIV), at least one column, and there is at least one slot, found rows = 7, cols = 64, slots = 2}}
func.func private @odd_rows() attributes {ring = #ascend.c2v_ring<rows = 7, cols = 64, slots = 2>}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @push_ub(%ring: !ring) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x32xi32, ub>
  // expected-error @+1 {{'ascend.tpush' op pushes an accumulator: source must be in l0c, found ub}}
  ascend.tpush %t, %ring[%c0] : !ascend.tile<32x32xi32, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @push_f32(%ring: !ring) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x32xf32, l0c>
  // expected-error @+1 {{'ascend.tpush' op source element type 'f32' differs from the ring's 'i32'}}
  ascend.tpush %t, %ring[%c0] : !ascend.tile<32x32xf32, l0c>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @push_shape(%ring: !ring) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x48xi32, l0c>
  // expected-error @+1 {{'ascend.tpush' op source [32, 48] must have the slot's 32 rows and columns dividing its 64}}
  ascend.tpush %t, %ring[%c0] : !ascend.tile<32x48xi32, l0c>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @push_on_aiv(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x32xi32, l0c>
  // expected-error @+1 {{'ascend.tpush' op belongs in an aic task of a mixed launch}}
  ascend.tpush %t, %ring[%c0] : !ascend.tile<32x32xi32, l0c>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 31, cols = 64, element = i32>
ascend.task @pop_odd(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop' op splits a slot of 31 rows into halves}}
  %s = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<15x64xi32>
  ascend.tfree %ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @pop_view(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop' op views 16 x 64 'i32' of each slot, not '!ascend.gm<32x64xi32>'}}
  %s = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<32x64xi32>
  ascend.tfree %ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @pop_unfreed(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop' op needs an ascend.tfree of its ring later in the same block}}
  %s = ascend.tpop %ring <none> : !ring -> !ascend.gm<32x64xi32>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @pop_on_aic(%ring: !ring) attributes {core = #ascend.core<aic>} {
  // expected-error @+1 {{'ascend.tpop' op belongs in an aiv task of a mixed launch}}
  %s = ascend.tpop %ring <none> : !ring -> !ascend.gm<32x64xi32>
  ascend.tfree %ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
func.func @free_outside_task(%ring: !ring) {
  // expected-error @+1 {{'ascend.tfree' op belongs in an aiv task of a mixed launch}}
  ascend.tfree %ring : !ring
  return
}

// -----

ascend.task @c(%x: !ascend.gm<32x64xi32>) attributes {core = #ascend.core<aic>} { ascend.return }
ascend.task @v(%x: !ascend.gm<32x64xi32>) attributes {core = #ascend.core<aiv>} { ascend.return }
ascend.kernel @no_ring(%x: !ascend.gm<32x64xi32> {ascend.out}) {
  // expected-error @+1 {{'ascend.launch_mixed' op passes no !ascend.ring: its tasks would have nothing to hand over}}
  ascend.launch_mixed @c, @v(%x) blocks = 1 : (!ascend.gm<32x64xi32>) -> ()
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @v(%r: !ring) attributes {core = #ascend.core<aiv>} { ascend.return }
ascend.kernel @missing() {
  %r = ascend.alloc_ring : !ring
  // expected-error @+1 {{'ascend.launch_mixed' op launches 'c', which is not an ascend.task}}
  ascend.launch_mixed @c, @v(%r) blocks = 1 : (!ring) -> ()
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @v1(%r: !ring) attributes {core = #ascend.core<aiv>} { ascend.return }
ascend.task @v2(%r: !ring) attributes {core = #ascend.core<aiv>} { ascend.return }
ascend.kernel @swapped() {
  %r = ascend.alloc_ring : !ring
  // expected-error @+1 {{'ascend.launch_mixed' op needs an aic task as its cube side, 'v1' runs on aiv}}
  ascend.launch_mixed @v1, @v2(%r) blocks = 1 : (!ring) -> ()
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @c(%r: !ring) attributes {core = #ascend.core<aic>} { ascend.return }
ascend.task @v(%r: !ring, %n: i32) attributes {core = #ascend.core<aiv>} { ascend.return }
ascend.kernel @arity() {
  %r = ascend.alloc_ring : !ring
  // expected-error @+1 {{'ascend.launch_mixed' op argument types do not match task 'v'}}
  ascend.launch_mixed @c, @v(%r) blocks = 1 : (!ring) -> ()
  ascend.return
}

// -----

func.func @ring_outside_kernel() {
  // expected-error @+1 {{'ascend.alloc_ring' op expects parent op 'ascend.kernel'}}
  %r = ascend.alloc_ring : !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
  return
}

// -----

// expected-error @+1 {{a ring lives in gm or in the AIVs' ub, found l1}}
func.func private @l1_ring(!ascend.ring<slots = 2, rows = 32, cols = 64, element = i32, memory = l1>)

// -----

// expected-error @+1 {{a ring in ub holds 32-bit elements in slots of an even number of rows and whole 32-byte rows, found 32 x 64 'bf16'}}
func.func private @bf16_ub_ring(!ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, memory = ub>)

// -----

// expected-error @+1 {{a ring in ub holds 32-bit elements in slots of an even number of rows and whole 32-byte rows, found 31 x 64 'f32'}}
func.func private @odd_ub_ring(!ascend.ring<slots = 2, rows = 31, cols = 64, element = f32, memory = ub>)

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
module attributes {ascend.target = #ascend.target<a5>} {
  ascend.task @part_of_slot(%ring: !ring) attributes {core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %acc = ascend.alloc : !ascend.tile<32x32xf32, l0c>
    // expected-error @+1 {{'ascend.tpush' op pushes whole slots into a ring in ub: source [32, 32] must have the slot's 64 columns}}
    ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x32xf32, l0c>, !ring
    ascend.return
  }
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
module attributes {ascend.target = #ascend.target<a2a3>} {
  ascend.task @no_path(%ring: !ring) attributes {core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %acc = ascend.alloc : !ascend.tile<32x64xf32, l0c>
    // expected-error @+1 {{'ascend.tpush' op pushes into a ring in ub, but the module's target has no L0C -> UB path (its rings are in gm)}}
    ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x64xf32, l0c>, !ring
    ascend.return
  }
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @gm_pop_of_ub(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop' op views slots in gm; a ring in ub is popped by ascend.tpop_tile}}
  %s = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<16x64xf32>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @gm_free_of_ub(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tfree' op frees slots in gm; a ring in ub is freed by ascend.tfree_tile}}
  ascend.tfree %ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32>
ascend.task @tile_pop_of_gm(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop_tile' op needs a ring in ub (memory = ub)}}
  %s = ascend.tpop_tile %ring : !ring -> !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @pop_on_aic(%ring: !ring) attributes {core = #ascend.core<aic>} {
  // expected-error @+1 {{'ascend.tpop_tile' op belongs in an aiv task of a mixed launch}}
  %s = ascend.tpop_tile %ring : !ring -> !ascend.tile<16x64xf32, ub>
  ascend.tfree_tile %s, %ring : !ascend.tile<16x64xf32, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.kernel @ring_not_argument(%x: !ascend.gm<32x64xf32>) {
  %r = ascend.alloc_ring : !ring
  // expected-error @+1 {{'ascend.tpop_tile' op needs its ring as an argument of its task}}
  %s = ascend.tpop_tile %r : !ring -> !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @whole_slot_pop(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop_tile' op pops this AIV's 16 x 64 'f32' half of each slot into ub, not '!ascend.tile<32x64xf32, ub>'}}
  %s = ascend.tpop_tile %ring : !ring -> !ascend.tile<32x64xf32, ub>
  ascend.tfree_tile %s, %ring : !ascend.tile<32x64xf32, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @never_freed(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop_tile' op needs an ascend.tfree_tile of its slot later in the same block}}
  %s = ascend.tpop_tile %ring : !ring -> !ascend.tile<16x64xf32, ub>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @free_of_alloc(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tfree_tile' op frees a slot its ring's ascend.tpop_tile popped}}
  ascend.tfree_tile %t, %ring : !ascend.tile<16x64xf32, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
ascend.task @pop_twice(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop_tile' op pops its ring again before the ascend.tfree_tile of this slot (a free releases the slot popped last)}}
  %s = ascend.tpop_tile %ring : !ring -> !ascend.tile<16x64xf32, ub>
  %t = ascend.tpop_tile %ring : !ring -> !ascend.tile<16x64xf32, ub>
  ascend.tfree_tile %t, %ring : !ascend.tile<16x64xf32, ub>, !ring
  ascend.tfree_tile %s, %ring : !ascend.tile<16x64xf32, ub>, !ring
  ascend.return
}

// -----

// expected-error @+1 {{a v2c ring lives in gm with slots of an even number of rows (a half per AIV), found 32 rows in ub}}
func.func private @v2c_in_ub(!ascend.ring<slots = 2, rows = 32, cols = 64, element = i32, memory = ub, direction = v2c>)

// -----

// expected-error @+1 {{a v2c ring lives in gm with slots of an even number of rows (a half per AIV), found 7 rows in gm}}
func.func private @v2c_odd_rows(!ascend.ring<slots = 2, rows = 7, cols = 64, element = bf16, direction = v2c>)

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32, direction = v2c>
ascend.task @tpush_v2c(%ring: !ring) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<32x64xi32, l0c>
  // expected-error @+1 {{'ascend.tpush' op pushes into a c2v ring; the AIVs fill a v2c ring with ascend.tpush_rows}}
  ascend.tpush %t, %ring[%c0] : !ascend.tile<32x64xi32, l0c>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16>
ascend.task @push_rows_c2v(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tpush_rows' op pushes into a v2c ring; the AIC fills a c2v ring with ascend.tpush}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<16x64xbf16, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @push_rows_l1(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xbf16, l1>
  // expected-error @+1 {{'ascend.tpush_rows' op pushes a tile in ub, found l1}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<16x64xbf16, l1>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @push_rows_f32(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // expected-error @+1 {{'ascend.tpush_rows' op source element type 'f32' differs from the ring's 'bf16'}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<16x64xf32, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @push_rows_shape(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<12x64xbf16, ub>
  // expected-error @+1 {{'ascend.tpush_rows' op source [12, 64] must have the slot's 64 columns and rows dividing its half's 16}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<12x64xbf16, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @push_rows_columns(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x32xbf16, ub>
  // expected-error @+1 {{'ascend.tpush_rows' op source [16, 32] must have the slot's 64 columns and rows dividing its half's 16}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<16x32xbf16, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @push_rows_on_aic(%ring: !ring) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // expected-error @+1 {{'ascend.tpush_rows' op belongs in an aiv task of a mixed launch}}
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<16x64xbf16, ub>, !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @pop_v2c_halves(%ring: !ring) attributes {core = #ascend.core<aic>} {
  // expected-error @+1 {{'ascend.tpop' op views whole slots of a v2c ring (the AIC pops them), not halves}}
  %s = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<16x64xbf16>
  ascend.tfree %ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @pop_v2c_on_aiv(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tpop' op belongs in an aic task of a mixed launch}}
  %s = ascend.tpop %ring <none> : !ring -> !ascend.gm<32x64xbf16>
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @free_v2c_on_aiv(%ring: !ring) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{'ascend.tfree' op belongs in an aic task of a mixed launch}}
  ascend.tfree %ring : !ring
  ascend.return
}
