// RUN: tile-opt %s --ascend-insert-sync --split-input-file | FileCheck %s

// RAW (MTE2 → V, V → MTE3) and, the second time round, WAR on %a (V read,
// MTE2 write) and on %b (MTE3 read, V write). The second texp waits for two
// pipes; the V → V write-after-write on %b needs nothing. Each set follows
// the access it releases: the second tload waits for the texp, not for the
// V → MTE3 flag issued after it.
// CHECK-LABEL: ascend.task @raw_war
// CHECK: ascend.tload %[[A:.*]], %{{.*}}
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.return
ascend.task @raw_war(%x: !ascend.gm<16x256xf32>, %y: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %b : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// WAW across pipes: MTE2 overwrites what V filled. The GM store then load of
// the same tensor is a RAW through global memory (MTE3 → MTE2), set right
// after the store; loading a different tensor needs nothing.
// CHECK-LABEL: ascend.task @waw_and_gm
// CHECK: ascend.texpands
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore %arg1
// CHECK-NEXT: ascend.set_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg2
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %{{.*}}, %arg1
// CHECK-NEXT: ascend.return
ascend.task @waw_and_gm(%x: !ascend.gm<16x256xf32>, %y: !ascend.gm<16x256xf32>, %z: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.texpands %a, %zero : !ascend.tile<16x256xf32, ub>, f32
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tstore %y[%c0, %c0], %a : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %b, %z[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tload %c, %y[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.return
}

// -----

// One wait covers both loads; the tmul reads what was already ordered. The
// store of %c waits for the tadd only (the set precedes the tmul). The store
// of %a needs no MTE2 → MTE3 flag: MTE3 waited for V after V had waited for
// MTE2 (transitive ordering).
// CHECK-LABEL: ascend.task @no_redundant_wait
// CHECK: ascend.tload
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.tadd
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tmul
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore %arg1[%c0, %c0], %[[C:.*]] :
// CHECK-NEXT: ascend.tstore %arg1[%c0, %c0], %[[A:.*]] :
// CHECK-NEXT: ascend.return
ascend.task @no_redundant_wait(%x: !ascend.gm<16x256xf32>, %y: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %d = ascend.alloc {offset = 49152 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tadd %c, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tmul %d, %a, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %c : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %a : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
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
ascend.task @aliasing(%x: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 8192 : i64} : !ascend.tile<8x256xf32, ub>
  %d = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %l1 = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, l1>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.set_flag <mte2> -> <v>, 3
  ascend.wait_flag <mte2> -> <v>, 3
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tload %c, %x[%c0, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tload %d, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.tload %l1, %x[%c0, %c0] : !ascend.tile<16x256xf32, l1>, !ascend.gm<16x256xf32>
  ascend.return
}

// -----

// Loops: iteration i+1's tload overwrites what iteration i's texp read, and
// its texp overwrites what iteration i's tstore read. Those back-edge hazards
// get loop-carried flags: set right after the read, waited for in the next
// iteration, set once before the loop and waited for once before the next
// loop of its block or, as here, at the block's end (in the order the flags
// were made).
// CHECK-LABEL: ascend.task @loop_back_edge
// CHECK: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: }
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.return
ascend.task @loop_back_edge(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// The load before the loop is waited for once, before the loop. The tadd
// reads what the previous iteration's tmul wrote: a vector barrier on the
// back edge.
// CHECK-LABEL: ascend.task @loop_reads_prologue
// CHECK: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.pipe_barrier <v>
// CHECK-NEXT: ascend.tadd
// CHECK-NEXT: ascend.pipe_barrier <v>
// CHECK-NEXT: ascend.tmul
// CHECK-NEXT: }
ascend.task @loop_reads_prologue(%x: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    ascend.tadd %b, %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tmul %a, %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// Event ids: while the task's own flag MTE2 → V id 0 is in flight, an
// inserted pair takes id 1; after its wait, id 0 is free again. The V → MTE2
// pair spans the task's wait, which is of another pipe pair.
// CHECK-LABEL: ascend.task @event_ids
// CHECK: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 1
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 1
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.texp
ascend.task @event_ids(%x: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.set_flag <mte2> -> <v>, 0
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.texp %c, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.wait_flag <mte2> -> <v>, 0
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
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
ascend.task @loop_already_ordered(%x: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
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
ascend.task @branches(%x: !ascend.gm<16x256xf32>, %flag: i32) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c0_i32 = arith.constant 0 : i32
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %cond = arith.cmpi ne, %flag, %c0_i32 : i32
  scf.if %cond {
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  }
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// When two pipes cover a conflict, the one that issued it gives the flag:
// the last tload waits for the tmov that read %a (MTE1), not for the
// tmatmul (M), which only waited for that tmov. Every set follows the access
// it covers, so the first tmov does not wait for the second tload.
// CHECK-LABEL: ascend.task @issuer_on_tie
// CHECK: ascend.tload %[[A:[^,]*]],
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte1>, 1
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.tmov %{{.*}}, %[[A]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte1>, 1
// CHECK-NEXT: ascend.tmov
// CHECK-NEXT: ascend.set_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.wait_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.tmatmul
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %[[A]]
ascend.task @issuer_on_tie(%x: !ascend.gm<64x128xbf16>, %y: !ascend.gm<128x64xbf16>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l1>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<128x64xbf16, l1>
  %la = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l0a>
  %lb = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x64xbf16, l0b>
  %acc = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xf32, l0c>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x128xbf16>
  ascend.tload %b, %y[%c0, %c0] : !ascend.tile<128x64xbf16, l1>, !ascend.gm<128x64xbf16>
  ascend.tmov %la, %a : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
  ascend.tmov %lb, %b : !ascend.tile<128x64xbf16, l0b>, !ascend.tile<128x64xbf16, l1>
  ascend.tmatmul %acc, %la, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x128xbf16>
  ascend.return
}

// -----

// Two loops in a row, each with its loop-carried flags: the first loop's
// last sets are waited for right before the second loop, not right after the
// first, so the tload between them (of another buffer) waits for nothing;
// the second loop's flags, set for its first iteration right after the
// first loop, take other ids.
// CHECK-LABEL: ascend.task @two_loops
// CHECK: scf.for
// CHECK: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: }
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 1
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0[%c0, %c0] : !ascend.tile<16x256xf32, ub>
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: scf.for
// CHECK: }
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 1
// CHECK-NEXT: ascend.return
ascend.task @two_loops(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.tload %c, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// A K loop double-buffered by hand: two sets of L1 and L0A buffers, one per
// half of the body. Every reuse of a buffer waits for the access of the
// previous iteration that released it, with its own event id, so MTE2 loads
// one half while MTE1 and M work on the other. After the loop, the store
// waits for M once; the loop-carried flags are drained at the end of the
// block, so the drains hold no pipe the store needs.
// CHECK-LABEL: ascend.task @double_buffered
// CHECK: ascend.set_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <m> -> <mte1>, 0
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 1
// CHECK-NEXT: ascend.set_flag <m> -> <mte1>, 1
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %[[A0:[^,]*]],
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.wait_flag <m> -> <mte1>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.tmov %{{.*}}, %[[A0]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.tmatmul_acc
// CHECK-NEXT: ascend.set_flag <m> -> <mte1>, 0
// CHECK-NEXT: arith.addi
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 1
// CHECK-NEXT: ascend.tload %[[A1:[^,]*]],
// CHECK-NEXT: ascend.set_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.wait_flag <m> -> <mte1>, 1
// CHECK-NEXT: ascend.wait_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: ascend.tmov %{{.*}}, %[[A1]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.tmatmul_acc
// CHECK-NEXT: ascend.set_flag <m> -> <mte1>, 1
// CHECK-NEXT: }
// CHECK-NEXT: ascend.set_flag <m> -> <fix>, 0
// CHECK-NEXT: ascend.wait_flag <m> -> <fix>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <m> -> <mte1>, 0
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <m> -> <mte1>, 1
// CHECK-NEXT: ascend.return
ascend.task @double_buffered(%x: !ascend.gm<64x1024xbf16>, %y: !ascend.gm<64x64xf32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  %c256 = arith.constant 256 : index
  %c1024 = arith.constant 1024 : index
  %a0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l1>
  %a1 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<64x128xbf16, l1>
  %b = ascend.alloc {offset = 32768 : i64} : !ascend.tile<128x64xbf16, l1>
  %la0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l0a>
  %la1 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<64x128xbf16, l0a>
  %lb = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x64xbf16, l0b>
  %acc = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xf32, l0c>
  scf.for %k = %c0 to %c1024 step %c256 {
    ascend.tload %a0, %x[%c0, %k] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x1024xbf16>
    ascend.tmov %la0, %a0 : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
    ascend.tmatmul_acc %acc, %acc, %la0, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
    %k1 = arith.addi %k, %c128 : index
    ascend.tload %a1, %x[%c0, %k1] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x1024xbf16>
    ascend.tmov %la1, %a1 : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
    ascend.tmatmul_acc %acc, %acc, %la1, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
  }
  ascend.tstore %y[%c0, %c0], %acc : !ascend.gm<64x64xf32>, !ascend.tile<64x64xf32, l0c>
  ascend.return
}

// -----

// The first K step is peeled (buffers 0), the loop alternates buffers 1 and
// 0. The first iteration of a loop-carried flag waits only up to the last
// conflicting access before the loop: %a1's flag is set before the peeled
// step (nothing before the loop reads %a1), %a0's right after the peeled
// tmov, so the loop's first load need not wait for the peeled step.
// CHECK-LABEL: ascend.task @prime_after_last_conflict
// CHECK: ascend.set_flag <mte1> -> <mte2>, 0
// CHECK: ascend.tload %[[A0:[^,]*]],
// CHECK: ascend.tmov %{{.*}}, %[[A0]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 1
// CHECK: ascend.tmatmul
// CHECK: scf.for
// CHECK-NEXT: ascend.wait_flag <mte1> -> <mte2>, 0
// CHECK-NEXT: ascend.tload %[[A1:[^,]*]],
// CHECK: ascend.tmov %{{.*}}, %[[A1]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 0
// CHECK: ascend.wait_flag <mte1> -> <mte2>, 1
// CHECK-NEXT: ascend.tload %[[A0]],
// CHECK: ascend.tmov %{{.*}}, %[[A0]] :
// CHECK-NEXT: ascend.set_flag <mte1> -> <m>, 0
// CHECK-NEXT: ascend.set_flag <mte1> -> <mte2>, 1
// CHECK: }
// CHECK-DAG: ascend.wait_flag <mte1> -> <mte2>, 0
// CHECK-DAG: ascend.wait_flag <mte1> -> <mte2>, 1
// CHECK: ascend.return
ascend.task @prime_after_last_conflict(%x: !ascend.gm<64x1152xbf16>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  %c256 = arith.constant 256 : index
  %c1152 = arith.constant 1152 : index
  %a0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l1>
  %a1 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<64x128xbf16, l1>
  %la0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l0a>
  %la1 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<64x128xbf16, l0a>
  %lb = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x64xbf16, l0b>
  %acc = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xf32, l0c>
  ascend.tload %a0, %x[%c0, %c0] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x1152xbf16>
  ascend.tmov %la0, %a0 : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
  ascend.tmatmul %acc, %la0, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
  scf.for %k = %c128 to %c1152 step %c256 {
    ascend.tload %a1, %x[%c0, %k] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x1152xbf16>
    ascend.tmov %la1, %a1 : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
    ascend.tmatmul_acc %acc, %acc, %la1, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
    %k1 = arith.addi %k, %c128 : index
    ascend.tload %a0, %x[%c0, %k1] : !ascend.tile<64x128xbf16, l1>, !ascend.gm<64x1152xbf16>
    ascend.tmov %la0, %a0 : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x128xbf16, l1>
    ascend.tmatmul_acc %acc, %acc, %la0, %lb : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x64xbf16, l0b>
  }
  ascend.return
}

// -----

// Eight loads each wait for the texp that read their buffer in the previous
// iteration. Loop-carried flags hold their id through the loop, so they take
// at most seven of the V → MTE2 ids; the last load's pair goes right before
// it, with the id left free.
// CHECK-LABEL: ascend.task @carried_ids
// CHECK-COUNT-7: ascend.set_flag <v> -> <mte2>
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 1
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 2
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 2
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 3
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 3
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 4
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 4
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 5
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 5
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 6
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 6
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 7
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 7
// CHECK-NEXT: ascend.tload
ascend.task @carried_ids(%x: !ascend.gm<16x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x64xf32, ub>
  %a1 = ascend.alloc {offset = 4096 : i64} : !ascend.tile<16x64xf32, ub>
  %a2 = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x64xf32, ub>
  %a3 = ascend.alloc {offset = 12288 : i64} : !ascend.tile<16x64xf32, ub>
  %a4 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x64xf32, ub>
  %a5 = ascend.alloc {offset = 20480 : i64} : !ascend.tile<16x64xf32, ub>
  %a6 = ascend.alloc {offset = 24576 : i64} : !ascend.tile<16x64xf32, ub>
  %a7 = ascend.alloc {offset = 28672 : i64} : !ascend.tile<16x64xf32, ub>
  %b = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x64xf32, ub>
  scf.for %i = %c0 to %c4 step %c1 {
    ascend.tload %a0, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a1, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a2, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a3, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a4, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a5, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a6, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tload %a7, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.texp %b, %a0 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a1 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a2 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a3 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a4 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a5 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a6 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ascend.texp %b, %a7 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  }
  ascend.return
}

// -----

// A branch in a loop body, as the guarded second chunk of run-time token
// rows: its tload overwrites what the last iteration that took the branch
// read with its texp, and its texp what that iteration's tstore read. Every
// such conflict is in the branch, so the flags are loop-carried in it: the
// wait pairs with the set of the last iteration that took the branch, or with
// the one before the loop, and sets and waits stay balanced on every path. The
// branch's load thus does not wait for the unguarded chunk's texp before it.
// CHECK-LABEL: ascend.task @branch_back_edge
// CHECK: ascend.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 1
// CHECK-NEXT: scf.for
// CHECK: scf.if
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 1
// CHECK-NEXT: ascend.texp
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 1
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 1
ascend.task @branch_back_edge(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>, %rows: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  %d = ascend.alloc {offset = 49152 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c32 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    %second = arith.addi %row, %c16 : index
    %present = arith.cmpi slt, %second, %rows : index
    scf.if %present {
      ascend.tload %c, %x[%second, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
      ascend.texp %d, %c : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%second, %c0], %d : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// The same, but the loop body also reads the branch's buffer outside the
// branch: a flag carried in the branch would not order that read, so the
// pair goes right before the branch's tload.
// CHECK-LABEL: ascend.task @branch_buffer_read_outside
// CHECK: scf.if
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, [[E:[0-9]]]
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, [[E]]
// CHECK-NEXT: ascend.tload
ascend.task @branch_buffer_read_outside(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>, %rows: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c32 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tadd %b, %a, %c : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    %second = arith.addi %row, %c16 : index
    %present = arith.cmpi slt, %second, %rows : index
    scf.if %present {
      ascend.tload %c, %x[%second, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
      ascend.texp %b, %c : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%second, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// A chunk loop in each work item: its loop-carried flags are carried
// through the work-item loop too (nothing else in the item touches its
// buffers), set once before it and waited for once after it, so the next
// item's first load waits only for the previous item's use of its buffer,
// not for the end of that item.
// CHECK-LABEL: ascend.task @chunks_per_item
// CHECK: ascend.set_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: scf.for
// CHECK-NEXT: arith.muli
// CHECK-NEXT: scf.for
// CHECK-NEXT: arith.addi
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.tload
// CHECK: ascend.set_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.return
ascend.task @chunks_per_item(%x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %a = ascend.alloc {offset = 0 : i64, stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64, stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  %first = ascend.block_idx
  %step = ascend.block_dim
  scf.for %i = %first to %n step %step {
    %base = arith.muli %i, %c32 : index
    scf.for %j = %c0 to %c1 step %c1 {
      %r0 = arith.addi %base, %c0 : index
      ascend.tload %a, %x[%r0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.texp %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%r0, %c0], %a : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
      %r1 = arith.addi %base, %c16 : index
      ascend.tload %b, %x[%r1, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.texp %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%r1, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// The same with a rest after the chunk loop that reuses %a: %a's flags stay
// around the chunk loop in each item (the rest's accesses would need flags
// of their own), %b's are carried through the item loop. The rest's load of
// %a, in a branch right after the loop, waits for the chunk loop's store of
// it inside the branch, so an item without a rest does not wait for it.
// CHECK-LABEL: ascend.task @chunks_then_rest
// CHECK: ascend.set_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: scf.for
// CHECK-NEXT: arith.muli
// CHECK-NEXT: ascend.set_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: scf.for
// CHECK: scf.if
// CHECK-NEXT: ascend.set_flag <mte3> -> <mte2>, 2
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 2
// CHECK-NEXT: ascend.tload
// CHECK: }
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: }
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.return
ascend.task @chunks_then_rest(%x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %a = ascend.alloc {offset = 0 : i64, stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64, stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  %first = ascend.block_idx
  %step = ascend.block_dim
  scf.for %i = %first to %n step %step {
    %base = arith.muli %i, %c32 : index
    scf.for %j = %c0 to %c1 step %c1 {
      ascend.tload %a, %x[%base, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.texp %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%base, %c0], %a : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
      %r1 = arith.addi %base, %c16 : index
      ascend.tload %b, %x[%r1, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.texp %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%r1, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    }
    %more = arith.cmpi slt, %base, %n : index
    scf.if %more {
      ascend.tload %a, %x[%base, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.texp %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
      ascend.tstore %y[%base, %c0], %a : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// A K loop's last chunk after the loop, in a buffer of the loop (%b): the
// wait for the loop's last set on %b goes right before its load, and orders
// it (no second pair there, which would make MTE2 wait for everything the
// vector pipe did in the loop); the wait for %a's goes to the block's end.
// CHECK-LABEL: ascend.task @last_chunk_after_loop
// CHECK: scf.for
// CHECK: ascend.set_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: }
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 1
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: ascend.tload %{{.*}}, %arg0[%c96, %c0]
// CHECK: ascend.tstore %arg1[%c96, %c0]
// CHECK-NEXT: ascend.wait_flag <mte3> -> <mte2>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: ascend.return
ascend.task @last_chunk_after_loop(%x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %c96 = arith.constant 96 : index
  %c128 = arith.constant 128 : index
  %a = ascend.alloc {offset = 0 : i64, stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64, stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %r = %c0 to %c96 step %c32 {
    ascend.tload %a, %x[%r, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
    ascend.texp %a, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%r, %c0], %a : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    %r1 = arith.addi %r, %c16 : index
    ascend.tload %b, %x[%r1, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
    ascend.texp %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%r1, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.tload %b, %x[%c96, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
  ascend.texp %b, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c96, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// A buffer the outer loop loads (%s) is read last in the inner loop. After
// the inner loop the load of %p waits for the drain of %p's carried flag,
// which orders only the inner loop's read of %p; so the outer loop's next
// load of %s needs a flag of its own (the walks that computed the outer
// loop's state must count the drain, not a pair ordering the vector pipe's
// every access, which materialising never inserts).
// CHECK-LABEL: ascend.task @drain_orders_less
// CHECK: ascend.set_flag <v> -> <mte2>, [[S:[0-9]+]]
// CHECK-NEXT: scf.for
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, [[S]]
// CHECK: ascend.tload %[[SBUF:.*]], %arg0
// CHECK: scf.for
// CHECK: ascend.tadd %{{.*}}, %[[SBUF]], %[[SBUF]]
// CHECK-NEXT: }
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, [[S]]
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>
// CHECK-NEXT: ascend.tload
ascend.task @drain_orders_less(%x: !ascend.gm<16x64xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x64xf32, ub>
  %p = ascend.alloc {offset = 4096 : i64} : !ascend.tile<16x64xf32, ub>
  %y = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x64xf32, ub>
  scf.for %i = %c0 to %n step %c1 {
    ascend.tload %s, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    scf.for %k = %c0 to %n step %c1 {
      ascend.tload %p, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.tadd %y, %p, %p : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tadd %y, %s, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    }
    ascend.tload %p, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.tadd %y, %p, %p : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
  }
  ascend.return
}

// -----

// Eight buffers loaded and read in turn in an inner loop: seven of the
// vector → MTE2 flags are carried (the last id stays free for a pair right
// before an instruction), the eighth buffer's load gets a pair right before
// it. That pair leaves the buffer's read later in the iteration unordered
// at the loop's end, where a carried flag's drain would have ordered it, so
// a pair goes there instead: the outer loop's next load of that buffer
// comes after it.
// CHECK-LABEL: ascend.task @out_of_ids
// CHECK: scf.for
// CHECK-NEXT: ascend.tload %[[LAST:[0-9]+]], %arg0
// CHECK: scf.for
// CHECK: ascend.set_flag <v> -> <mte2>, 7
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 7
// CHECK-NEXT: ascend.tload %[[LAST]], %arg0
// CHECK: ascend.texp %{{.*}}, %[[LAST]]
// CHECK-NEXT: }
// CHECK-NEXT: ascend.set_flag <v> -> <mte2>, 7
// CHECK-NEXT: ascend.wait_flag <v> -> <mte2>, 7
// CHECK-NEXT: }
ascend.task @out_of_ids(%x: !ascend.gm<16x64xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %y = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x64xf32, ub>
  %b1 = ascend.alloc {offset = 4096 : i64} : !ascend.tile<16x64xf32, ub>
  %b2 = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x64xf32, ub>
  %b3 = ascend.alloc {offset = 12288 : i64} : !ascend.tile<16x64xf32, ub>
  %b4 = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x64xf32, ub>
  %b5 = ascend.alloc {offset = 20480 : i64} : !ascend.tile<16x64xf32, ub>
  %b6 = ascend.alloc {offset = 24576 : i64} : !ascend.tile<16x64xf32, ub>
  %b7 = ascend.alloc {offset = 28672 : i64} : !ascend.tile<16x64xf32, ub>
  %b8 = ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x64xf32, ub>
  scf.for %i = %c0 to %n step %c1 {
    ascend.tload %b8, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
    ascend.texp %y, %b8 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    scf.for %k = %c0 to %n step %c1 {
      ascend.tload %b1, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b1 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b2, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b2 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b3, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b3 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b4, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b4 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b5, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b5 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b6, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b6 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b7, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b7 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
      ascend.tload %b8, %x[%c0, %c0] : !ascend.tile<16x64xf32, ub>, !ascend.gm<16x64xf32>
      ascend.texp %y, %b8 : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    }
  }
  ascend.return
}

// -----

// A slot popped from a ring in UB is written by the vector pipe's TPOP (its
// data wait) and freed on the vector pipe: an MTE3 store of the slot waits
// for the pop (V → MTE3), the free waits for the store (MTE3 → V), and the
// AIV's own tile, planned after the ring, does not alias the slot.
!ub_ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
module attributes {ascend.target = #ascend.target<a5>} {
// CHECK-LABEL: ascend.task @ub_ring_slot
// CHECK: %[[S:.*]] = ascend.tpop_tile
// CHECK-NEXT: ascend.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: ascend.tstore %{{.*}}, %[[S]]
// CHECK-NEXT: ascend.set_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.wait_flag <mte3> -> <v>, 0
// CHECK-NEXT: ascend.tfree_tile %[[S]]
// CHECK-NEXT: ascend.tadds
// CHECK-NEXT: ascend.return
  ascend.task @ub_ring_slot(%ring: !ub_ring, %y: !ascend.gm<16x64xf32>) attributes {core = #ascend.core<aiv>} {
    %c0 = arith.constant 0 : index
    %one = arith.constant 1.0 : f32
    %t = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x64xf32, ub>
    %s = ascend.tpop_tile %ring : !ub_ring -> !ascend.tile<16x64xf32, ub>
    ascend.tstore %y[%c0, %c0], %s : !ascend.gm<16x64xf32>, !ascend.tile<16x64xf32, ub>
    ascend.tfree_tile %s, %ring : !ascend.tile<16x64xf32, ub>, !ub_ring
    ascend.tadds %t, %t, %one : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, f32
    ascend.return
  }
}
