// RUN: tile-opt %s --ascend-insert-sync --split-input-file | FileCheck %s

// RAW (MTE2 → V, V → MTE3) and, the second time round, WAR on %a (V read,
// MTE2 write) and on %b (MTE3 read, V write). The second texp waits for two
// pipes; the V → V write-after-write on %b needs nothing.
// CHECK-LABEL: ascend.task @raw_war
// CHECK: ascend.tload %[[A:.*]], %{{.*}}
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.return
ascend.task @raw_war(%x: !tile.gm<16x256xf32>, %y: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %b : !tile.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// WAW across pipes: MTE2 overwrites what V filled. The GM store then load of
// the same tensor is a RAW through global memory (MTE3 → MTE2); loading a
// different tensor needs nothing.
// CHECK-LABEL: ascend.task @waw_and_gm
// CHECK: ascend.texpands
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore %arg1
// CHECK-NEXT: ascend.tload %{{.*}}, %arg2
// CHECK-NEXT: ascend.set_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg1
// CHECK-NEXT: ascend.return
ascend.task @waw_and_gm(%x: !tile.gm<16x256xf32>, %y: !tile.gm<16x256xf32>, %z: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.texpands %a, %zero : !ascend.tile<16x256xf32, ub>, f32
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tstore %y[%c0, %c0], %a : !tile.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %b, %z[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tload %c, %y[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.return
}

// -----

// One wait covers both loads; the tmul reads what was already ordered. The
// store of %a needs no MTE2 → MTE3 flag: MTE3 waited for V, which had waited
// for MTE2 (transitive ordering).
// CHECK-LABEL: ascend.task @no_redundant_wait
// CHECK: ascend.tload
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.tadd
// CHECK-NEXT: ascend.tmul
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore %arg1[%c0, %c0], %[[C:.*]] :
// CHECK-NEXT: ascend.tstore %arg1[%c0, %c0], %[[A:.*]] :
// CHECK-NEXT: ascend.return
ascend.task @no_redundant_wait(%x: !tile.gm<16x256xf32>, %y: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %d = ascend.alloc {offset = 49152 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tadd %c, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tmul %d, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %c : !tile.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %a : !tile.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// Vector after vector: a barrier only where the second reads what the first
// wrote, and one barrier orders every earlier vector write.
// CHECK-LABEL: ascend.task @vector_barrier
// CHECK: ascend.tadd %[[C:[^,]*]],
// CHECK-NEXT: ascend.tmul %[[D:[^,]*]],
// CHECK-NEXT: ascend.pipe_barrier <v>
// CHECK-NEXT: ascend.tsub %{{.*}}, %[[C]], %[[D]]
// CHECK-NEXT: ascend.tadd %[[C]],
// CHECK-NEXT: ascend.return
ascend.task @vector_barrier() attributes {core = #ascend.core<aiv>} {
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %d = ascend.alloc {offset = 49152 : i64} : !ascend.tile<16x256xf32, ub>
  %e = ascend.alloc {offset = 65536 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tadd %c, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tmul %d, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tsub %e, %c, %d : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tadd %c, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// Buffers alias by planned bytes: %c shares %a's offset, so loading into it
// must wait for the vector read of %a; %d overlaps nothing and %l1 lives in
// another space.
// CHECK-LABEL: ascend.task @aliasing
// CHECK: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %[[C:.*]], %arg0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0
// CHECK-NEXT: ascend.return
ascend.task @aliasing(%x: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 8192 : i64} : !ascend.tile<8x256xf32, ub>
  %d = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %l1 = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, l1>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.set_flag <mte2> -> <v>, 3
  ascend.wait_flag <mte2> -> <v>, 3
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tload %c, %x[%c0, %c0] : !ascend.tile<8x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tload %d, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.tload %l1, %x[%c0, %c0] : !ascend.tile<16x256xf32, l1>, !tile.gm<16x256xf32>
  ascend.return
}

// -----

// Loops: iteration i+1's tload overwrites what iteration i's texp read, and
// its texp overwrites what iteration i's tstore read; those back-edge hazards
// are synchronised at the top of the body. Nothing is added after the loop.
// CHECK-LABEL: ascend.task @loop_back_edge
// CHECK: scf.for
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: }
// CHECK-NEXT: ascend.return
ascend.task @loop_back_edge(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !tile.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// The load before the loop is waited for inside the body (the first
// iteration needs it; later ones then wait on an idle pipe). The tadd reads
// what the previous iteration's tmul wrote: a vector barrier on the back edge.
// CHECK-LABEL: ascend.task @loop_reads_prologue
// CHECK: ascend.tload
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.pipe_barrier <v>
// CHECK-NEXT: ascend.tadd
// CHECK-NEXT: ascend.pipe_barrier <v>
// CHECK-NEXT: ascend.tmul
// CHECK-NEXT: }
ascend.task @loop_reads_prologue(%x: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    ascend.tadd %b, %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tmul %a, %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// Event ids: while the task's own flag MTE2 → V id 0 is in flight, an
// inserted pair takes id 1; after its wait, id 0 is free again.
// CHECK-LABEL: ascend.task @event_ids
// CHECK: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 1
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 1
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
ascend.task @event_ids(%x: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.set_flag <mte2> -> <v>, 0
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.texp %c, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.wait_flag <mte2> -> <v>, 0
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.texp %c, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// A hazard ordered before the loop is not synchronised again inside it, and
// a nested loop inherits the outer state.
// CHECK-LABEL: ascend.task @loop_already_ordered
// CHECK: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: scf.for
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.tadd
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ascend.return
ascend.task @loop_already_ordered(%x: !tile.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      ascend.tadd %c, %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// Branches: a hazard on either path is synchronised after the merge.
// CHECK-LABEL: ascend.task @branches
// CHECK: scf.if
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: }
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
ascend.task @branches(%x: !tile.gm<16x256xf32>, %flag: i32) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c0_i32 = arith.constant 0 : i32
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %cond = arith.cmpi ne, %flag, %c0_i32 : i32
  scf.if %cond {
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !tile.gm<16x256xf32>
  }
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}
