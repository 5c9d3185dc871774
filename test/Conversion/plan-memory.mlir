// RUN: tile-opt %s --ascend-plan-memory --split-input-file | FileCheck %s

// Straight-line code: %a dies at the texp that creates %b, so %c (born at the
// tneg) reuses %a's bytes; %b overlaps both and gets its own.
// CHECK-LABEL: ascend.task @straight_line
// CHECK-SAME: ascend.memory_peak = {ub = 32768 : i64}
// CHECK: %[[A:.*]] = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: %[[B:.*]] = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: %[[C:.*]] = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
ascend.task @straight_line(%x: !ascend.gm<16x256xf32>, %y: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tneg %c, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %c : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// Largest first, then program order. A [16, 1] f32 row sum takes 16 rows
// padded to 32 bytes (512 bytes) and goes after the two tiles live with it;
// %root, born when %src and %tmp are dead, first-fits at offset 0.
// CHECK-LABEL: ascend.task @largest_first
// CHECK-SAME: ascend.memory_peak = {ub = 33280 : i64}
// CHECK: ascend.alloc {offset = 32768 : i64} : !ascend.tile<16x1xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x1xf32, ub>
ascend.task @largest_first(%x: !ascend.gm<16x256xf32>, %y: !ascend.gm<16x1xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %sum = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %src = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %tmp = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %root = ascend.alloc : !ascend.tile<16x1xf32, ub>
  ascend.tload %src, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  ascend.trowsum %sum, %src, %tmp : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.tsqrt %root, %sum : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.tstore %y[%c0, %c0], %root : !ascend.gm<16x1xf32>, !ascend.tile<16x1xf32, ub>
  ascend.return
}

// -----

// The loop rule: a buffer used in a loop body stays live for the whole loop
// (iteration i+1 must not overwrite what iteration i still reads) unless each
// iteration starts by overwriting it. Here every iteration writes %a, %b and
// %c before reading them, so they live only within the body: %c reuses %a's
// bytes once %a is last read. %init is used only before the loop.
// CHECK-LABEL: ascend.task @loop
// CHECK-SAME: ascend.memory_peak = {ub = 32768 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
ascend.task @loop(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %init = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc : !ascend.tile<16x256xf32, ub>
  ascend.texpands %init, %zero : !ascend.tile<16x256xf32, ub>, f32
  ascend.tstore %y[%c0, %c0], %init : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tneg %c, %b : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
    ascend.tstore %y[%row, %c0], %c : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// A buffer read before it is written in the body (an accumulator carried from
// one iteration to the next) stays live for the whole loop: %t, written and
// read inside each iteration, may not take its bytes.
// CHECK-LABEL: ascend.task @carried
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
ascend.task @carried(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %acc = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %t = ascend.alloc : !ascend.tile<16x256xf32, ub>
  ascend.texpands %acc, %zero : !ascend.tile<16x256xf32, ub>, f32
  scf.for %row = %c0 to %c64 step %c16 {
    ascend.tload %t, %x[%row, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tadd %acc, %acc, %t : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  }
  ascend.tstore %y[%c0, %c0], %acc : !ascend.gm<16x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// Buffers of different double-buffering stages never share bytes, even when
// their live ranges are disjoint; within a stage they do.
// CHECK-LABEL: ascend.task @stages
// CHECK-SAME: ascend.memory_peak = {ub = 32768 : i64}
// CHECK: ascend.alloc {offset = 0 : i64, stage = 0 : i64}
// CHECK: ascend.alloc {offset = 0 : i64, stage = 0 : i64}
// CHECK: ascend.alloc {offset = 16384 : i64, stage = 1 : i64}
ascend.task @stages(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %a = ascend.alloc {stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tstore %y[%c0, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %b, %x[%c16, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tstore %y[%c16, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.tload %c, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tstore %y[%c0, %c0], %c : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  ascend.return
}

// -----

// Two loops of the task body (two launches' work items, merged into one
// task) take turns: their buffers share bytes whatever their stages. Within
// one loop, stages still keep apart.
// CHECK-LABEL: ascend.task @loops_take_turns
// CHECK-SAME: ascend.memory_peak = {ub = 32768 : i64}
// CHECK: ascend.alloc {offset = 0 : i64, stage = 0 : i64}
// CHECK: ascend.alloc {offset = 16384 : i64, stage = 1 : i64}
// CHECK: ascend.alloc {offset = 0 : i64, stage = 1 : i64}
ascend.task @loops_take_turns(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %a = ascend.alloc {stage = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  %c = ascend.alloc {stage = 1 : i64} : !ascend.tile<16x256xf32, ub>
  scf.for %i = %c0 to %n step %c1 {
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%c0, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    ascend.tload %b, %x[%c16, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%c16, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  scf.for %i = %c0 to %n step %c1 {
    ascend.tload %c, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%c0, %c0], %c : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// Each memory space is planned on its own; the peak attribute names them all.
// CHECK-LABEL: ascend.task @cube
// CHECK-SAME: ascend.memory_peak = {l0a = 8192 : i64, l0b = 8192 : i64, l0c = 16384 : i64, l1 = 16384 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xbf16, l1>
// CHECK: ascend.alloc {offset = 8192 : i64} : !ascend.tile<64x64xbf16, l1>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xbf16, l0a>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xbf16, l0b>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<64x64xf32, l0c>
ascend.task @cube(%a: !ascend.gm<64x64xbf16>, %b: !ascend.gm<64x64xbf16>, %c: !ascend.gm<64x64xf32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %a1 = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  %b1 = ascend.alloc : !ascend.tile<64x64xbf16, l1>
  %a0 = ascend.alloc : !ascend.tile<64x64xbf16, l0a>
  %b0 = ascend.alloc : !ascend.tile<64x64xbf16, l0b>
  %acc = ascend.alloc : !ascend.tile<64x64xf32, l0c>
  ascend.tload %a1, %a[%c0, %c0] : !ascend.tile<64x64xbf16, l1>, !ascend.gm<64x64xbf16>
  ascend.tload %b1, %b[%c0, %c0] : !ascend.tile<64x64xbf16, l1>, !ascend.gm<64x64xbf16>
  ascend.textract %a0, %a1[%c0, %c0] : !ascend.tile<64x64xbf16, l0a>, !ascend.tile<64x64xbf16, l1>
  ascend.textract %b0, %b1[%c0, %c0] : !ascend.tile<64x64xbf16, l0b>, !ascend.tile<64x64xbf16, l1>
  ascend.tmatmul %acc, %a0, %b0 : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x64xbf16, l0a>, !ascend.tile<64x64xbf16, l0b>
  ascend.tstore %c[%c0, %c0], %acc : !ascend.gm<64x64xf32>, !ascend.tile<64x64xf32, l0c>
  ascend.return
}

// -----

// Cube buffers occupy whole fractals: an 8x64xf32 L1 tile is 16 x 64 floats
// (4096 bytes, not 2048) and an 8x4xf32 L0C tile 16 x 16 floats (1024 bytes),
// so the next buffer starts after the padding the C++ tile type spans.
// CHECK-LABEL: ascend.task @unaligned_cube
// CHECK-SAME: ascend.memory_peak = {l0a = 4096 : i64, l0c = 2048 : i64, l1 = 8192 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x64xf32, l1>
// CHECK: ascend.alloc {offset = 4096 : i64} : !ascend.tile<8x64xf32, l1>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x4xf32, l0c>
// CHECK: ascend.alloc {offset = 1024 : i64} : !ascend.tile<8x4xf32, l0c>
ascend.task @unaligned_cube(%a: !ascend.gm<8x64xf32>, %c: !ascend.gm<8x4xf32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %a1 = ascend.alloc : !ascend.tile<8x64xf32, l1>
  %b1 = ascend.alloc : !ascend.tile<8x64xf32, l1>
  %x = ascend.alloc : !ascend.tile<8x4xf32, l0c>
  %y = ascend.alloc : !ascend.tile<8x4xf32, l0c>
  %l0 = ascend.alloc : !ascend.tile<8x64xf32, l0a>
  ascend.tload %a1, %a[%c0, %c0] : !ascend.tile<8x64xf32, l1>, !ascend.gm<8x64xf32>
  ascend.tload %b1, %a[%c0, %c0] : !ascend.tile<8x64xf32, l1>, !ascend.gm<8x64xf32>
  ascend.tstore %c[%c0, %c0], %x : !ascend.gm<8x4xf32>, !ascend.tile<8x4xf32, l0c>
  ascend.tstore %c[%c0, %c0], %y : !ascend.gm<8x4xf32>, !ascend.tile<8x4xf32, l0c>
  ascend.tstore %c[%c0, %c0], %x : !ascend.gm<8x4xf32>, !ascend.tile<8x4xf32, l0c>
  ascend.textract %l0, %a1[%c0, %c0] : !ascend.tile<8x64xf32, l0a>, !ascend.tile<8x64xf32, l1>
  ascend.textract %l0, %b1[%c0, %c0] : !ascend.tile<8x64xf32, l0a>, !ascend.tile<8x64xf32, l1>
  ascend.return
}

// -----

// A buffer whose every use in a loop sits in one scf.if, the first a write
// (a double-buffered item's second chunk, run only while token rows are
// left), is overwritten each iteration that uses it: it is not live across
// the back edge, and shares bytes with %a, which is dead when it is live.
// CHECK-LABEL: ascend.task @branch_in_loop
// CHECK-SAME: ascend.memory_peak = {ub = 16384 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
ascend.task @branch_in_loop(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x256xf32, ub>
  scf.for %i = %c0 to %c1 step %c1 {
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%c0, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    %left = arith.cmpi slt, %c16, %n : index
    scf.if %left {
      ascend.tload %b, %x[%c16, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<64x256xf32>
      ascend.tstore %y[%c16, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// A buffer whose uses all sit in a nested loop that overwrites it first in
// each iteration is not live from one outer iteration to the next, so %c
// reuses %a's bytes: in a mixed launch's slot loop (it pops a slot) as in
// any other loop.
// CHECK-LABEL: ascend.task @slot_chunks
// CHECK-SAME: ascend.memory_peak = {ub = 16384 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 8192 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK-LABEL: ascend.task @nested_chunks
// CHECK-SAME: ascend.memory_peak = {ub = 16384 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 8192 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
!ring = !ascend.ring<slots = 2, rows = 32, cols = 256, element = f32>
ascend.task @slot_chunks(%r: !ring, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %a = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %c = ascend.alloc : !ascend.tile<8x256xf32, ub>
  scf.for %s = %c0 to %c2 step %c1 {
    %half = ascend.tpop %r <up_down> : !ring -> !ascend.gm<16x256xf32>
    scf.for %row = %c0 to %c16 step %c8 {
      ascend.tload %a, %half[%row, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<16x256xf32>
      ascend.texp %b, %a : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xf32, ub>
      ascend.tneg %c, %b : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xf32, ub>
      ascend.tstore %y[%row, %c0], %c : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
    }
    ascend.tfree %r : !ring
  }
  ascend.return
}
ascend.task @nested_chunks(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %a = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %c = ascend.alloc : !ascend.tile<8x256xf32, ub>
  scf.for %s = %c0 to %c2 step %c1 {
    scf.for %row = %c0 to %c16 step %c8 {
      ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
      ascend.texp %b, %a : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xf32, ub>
      ascend.tneg %c, %b : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xf32, ub>
      ascend.tstore %y[%row, %c0], %c : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// Inserts that fill every column of a tile (RoPE's rotated halves) overwrite
// it: assembled in each iteration, %pair is live only from its first insert
// to its last read, and shares bytes with %a, dead by then. Inserts that
// leave columns untouched (@partial_inserts) read the last iteration's
// bytes, so %pair is live through the whole loop and takes bytes of its own.
// CHECK-LABEL: ascend.task @filling_inserts
// CHECK-SAME: ascend.memory_peak = {ub = 3072 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x32xf32, ub>
// CHECK: ascend.alloc {offset = 2048 : i64} : !ascend.tile<8x32xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x64xf32, ub>
// CHECK-LABEL: ascend.task @partial_inserts
// CHECK-SAME: ascend.memory_peak = {ub = 4096 : i64}
// CHECK: ascend.alloc {offset = 2048 : i64} : !ascend.tile<8x32xf32, ub>
// CHECK: ascend.alloc {offset = 3072 : i64} : !ascend.tile<8x32xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x64xf32, ub>
ascend.task @filling_inserts(%x: !ascend.gm<64x32xf32>, %y: !ascend.gm<64x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc : !ascend.tile<8x32xf32, ub>
  %b = ascend.alloc : !ascend.tile<8x32xf32, ub>
  %pair = ascend.alloc : !ascend.tile<8x64xf32, ub>
  scf.for %row = %c0 to %c64 step %c8 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x32xf32, ub>, !ascend.gm<64x32xf32>
    ascend.texp %b, %a : !ascend.tile<8x32xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tinsert %pair, %b[%c0, %c32] : !ascend.tile<8x64xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tinsert %pair, %b[%c0, %c0] : !ascend.tile<8x64xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tstore %y[%row, %c0], %pair : !ascend.gm<64x64xf32>, !ascend.tile<8x64xf32, ub>
  }
  ascend.return
}
ascend.task @partial_inserts(%x: !ascend.gm<64x32xf32>, %y: !ascend.gm<64x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc : !ascend.tile<8x32xf32, ub>
  %b = ascend.alloc : !ascend.tile<8x32xf32, ub>
  %pair = ascend.alloc : !ascend.tile<8x64xf32, ub>
  scf.for %row = %c0 to %c64 step %c8 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x32xf32, ub>, !ascend.gm<64x32xf32>
    ascend.texp %b, %a : !ascend.tile<8x32xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tinsert %pair, %b[%c0, %c0] : !ascend.tile<8x64xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tinsert %pair, %b[%c0, %c16] : !ascend.tile<8x64xf32, ub>, !ascend.tile<8x32xf32, ub>
    ascend.tstore %y[%row, %c0], %pair : !ascend.gm<64x64xf32>, !ascend.tile<8x64xf32, ub>
  }
  ascend.return
}

// -----

// A buffer used in two loops that each overwrite it first in every
// iteration (the two items of ascend-double-buffer-setup's loop) is not live
// between them: %mid, used only there, takes its bytes. Read after the
// second loop (@read_after), %a must keep the last iteration's value from
// its first use on, and %mid gets bytes of its own.
// CHECK-LABEL: ascend.task @two_copies
// CHECK-SAME: ascend.memory_peak = {ub = 8192 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK-LABEL: ascend.task @read_after
// CHECK-SAME: ascend.memory_peak = {ub = 16384 : i64}
// CHECK: ascend.alloc {offset = 0 : i64} : !ascend.tile<8x256xf32, ub>
// CHECK: ascend.alloc {offset = 8192 : i64} : !ascend.tile<8x256xf32, ub>
ascend.task @two_copies(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %mid = ascend.alloc : !ascend.tile<8x256xf32, ub>
  scf.for %row = %c0 to %c32 step %c8 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%row, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  }
  ascend.tload %mid, %x[%c0, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tstore %y[%c0, %c0], %mid : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  scf.for %row = %c32 to %c64 step %c8 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%row, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  }
  ascend.return
}
ascend.task @read_after(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %a = ascend.alloc : !ascend.tile<8x256xf32, ub>
  %mid = ascend.alloc : !ascend.tile<8x256xf32, ub>
  scf.for %row = %c0 to %c32 step %c8 {
    ascend.tload %a, %x[%row, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tstore %y[%row, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  }
  ascend.tload %mid, %x[%c0, %c0] : !ascend.tile<8x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tstore %y[%c0, %c0], %mid : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  ascend.tstore %y[%c8, %c0], %a : !ascend.gm<64x256xf32>, !ascend.tile<8x256xf32, ub>
  ascend.return
}
