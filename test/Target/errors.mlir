// RUN: tile-translate --ascend-to-cpp --split-input-file --verify-diagnostics %s -o /dev/null
// What the emitter cannot spell is an error at the op, never broken C++.

ascend.task @unplanned(%x: !ascend.gm<8x64xf32>) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{buffer has no offset: run --ascend-plan-memory before C++ emission}}
  %0 = ascend.alloc : !ascend.tile<8x64xf32, ub>
  ascend.return
}

// -----

// expected-error @+1 {{C++ emission expects ascend.kernel and ascend.task ops, found 'tile.kernel'}}
tile.kernel @unlowered(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  tile.store %t, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

ascend.kernel @device_op_on_host(%x: !ascend.gm<8x64xf32>) {
  // expected-error @+1 {{C++ emission does not support 'ascend.block_idx' in a host program}}
  %b = ascend.block_idx
  ascend.return
}

// -----

ascend.task @carried(%n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{C++ emission does not support loop-carried values}}
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %c0) -> (index) {
    %next = arith.addi %acc, %i : index
    scf.yield %next : index
  }
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32>
ascend.kernel @unlaunched_ring() {
  // expected-error @+1 {{a ring no mixed launch is passed to}}
  %r = ascend.alloc_ring : !ring
  ascend.return
}

// -----

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32>
// Two cross-core flags per ring, 16 flags.
// expected-error @+1 {{C++ emission has cross-core flags for 8 rings per task}}
ascend.task @nine_rings(%r0: !ring, %r1: !ring, %r2: !ring, %r3: !ring, %r4: !ring, %r5: !ring,
                        %r6: !ring, %r7: !ring, %r8: !ring) attributes {core = #ascend.core<aiv>} {
  ascend.return
}
