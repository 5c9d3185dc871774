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
