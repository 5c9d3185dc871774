// RUN: tile-opt %s --ascend-double-buffer-setup --split-input-file | FileCheck %s
// RUN: tile-opt %s --ascend-double-buffer-setup --ascend-plan-memory --ascend-insert-sync --split-input-file | FileCheck %s --check-prefix=PLANNED

// A work item that loads its setup buffer %s (a per-item row of scales) and
// reads it in every chunk: the loop runs items i and i + block_dim, the
// second (when present) on a copy of %s in the other stage. The chunk
// buffers stay shared.
// CHECK-LABEL: ascend.task @setup_row
// CHECK: %[[S:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<1x256xf32, ub>
// CHECK: %[[DIM:.*]] = ascend.block_dim
// CHECK: %[[S2:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<1x256xf32, ub>
// CHECK: %[[TWO:.*]] = arith.addi %[[DIM]], %[[DIM]] : index
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[N:.*]] step %[[TWO]] {
// CHECK:   ascend.tload %[[S]], %arg0[%[[I]], %c0]
// CHECK:   scf.for
// CHECK:     ascend.tcolexpandmul %{{.*}}, %{{.*}}, %[[S]]
// CHECK:   %[[NEXT:.*]] = arith.addi %[[I]], %[[DIM]] : index
// CHECK:   %[[PRESENT:.*]] = arith.cmpi slt, %[[NEXT]], %[[N]] : index
// CHECK:   scf.if %[[PRESENT]] {
// CHECK:     ascend.tload %[[S2]], %arg0[%[[NEXT]], %c0]
// CHECK:     scf.for
// CHECK:       ascend.tcolexpandmul %{{.*}}, %{{.*}}, %[[S2]]
// The copies never share bytes (two 16 KiB chunk tiles and two 1 KiB rows),
// and the second item's setup load waits only for the reads of its own copy
// an iteration earlier (drained at the end of the branch, with its chunk
// loop's flag), not for the first item's chunks, which are drained at the
// end of the loop body.
// PLANNED-LABEL: ascend.task @setup_row
// PLANNED-SAME: ascend.memory_peak = {ub = 34816 : i64}
// PLANNED: scf.if
// PLANNED-NOT: ascend.wait_flag <v> -> <mte2>
// PLANNED: ascend.tload %{{.*}}, %arg0
// PLANNED: scf.for
// PLANNED: ascend.set_flag <v> -> <mte2>, [[ID:[0-9]+]]
// PLANNED: }
// PLANNED-NEXT: ascend.wait_flag <v> -> <mte2>, [[ID]]
// PLANNED-NEXT: ascend.wait_flag <mte3> -> <v>
// PLANNED-NEXT: }
// PLANNED-NEXT: ascend.wait_flag <v> -> <mte2>
// PLANNED-NEXT: ascend.wait_flag <mte3> -> <v>
// PLANNED-NEXT: }
ascend.task @setup_row(%scales: !ascend.gm<64x256xf32>, %x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %s = ascend.alloc : !ascend.tile<1x256xf32, ub>
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %first = ascend.block_idx
  %step = ascend.block_dim
  scf.for %i = %first to %n step %step {
    ascend.tload %s, %scales[%i, %c0] : !ascend.tile<1x256xf32, ub>, !ascend.gm<64x256xf32>
    scf.for %j = %c0 to %c4 step %c1 {
      %chunk = arith.muli %j, %c16 : index
      ascend.tload %a, %x[%chunk, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.tcolexpandmul %b, %a, %s : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<1x256xf32, ub>
      ascend.tstore %y[%chunk, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// No core runs a second item (a constant count of at most the 48 AIVs):
// nothing to overlap, the loop stays.
// CHECK-LABEL: ascend.task @one_item_per_core
// CHECK: ascend.alloc : !ascend.tile<1x256xf32, ub>
// CHECK-NOT: scf.if
// CHECK: ascend.return
ascend.task @one_item_per_core(%scales: !ascend.gm<64x256xf32>, %x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c48 = arith.constant 48 : index
  %s = ascend.alloc : !ascend.tile<1x256xf32, ub>
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %first = ascend.block_idx
  %step = ascend.block_dim
  scf.for %i = %first to %c48 step %step {
    ascend.tload %s, %scales[%i, %c0] : !ascend.tile<1x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
    ascend.tcolexpandmul %a, %a, %s : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<1x256xf32, ub>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
  }
  ascend.return
}

// -----

// A setup buffer of 64 KiB beside 128 KiB of chunks: its copy would not fit
// the 192 KiB UB, so the loop stays as it is.
// CHECK-LABEL: ascend.task @no_room
// CHECK: ascend.alloc : !ascend.tile<64x256xf32, ub>
// CHECK-NOT: stage
// CHECK-NOT: scf.if
// CHECK: ascend.return
ascend.task @no_room(%w: !ascend.gm<4096x256xf32>, %x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %s = ascend.alloc : !ascend.tile<64x256xf32, ub>
  %a = ascend.alloc : !ascend.tile<64x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<64x256xf32, ub>
  %first = ascend.block_idx
  %step = ascend.block_dim
  scf.for %i = %first to %n step %step {
    %row = arith.muli %i, %c64 : index
    ascend.tload %s, %w[%row, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<4096x256xf32>
    scf.for %j = %c0 to %c4 step %c1 {
      %chunk = arith.muli %j, %c64 : index
      ascend.tload %a, %x[%chunk, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.tmul %b, %a, %s : !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>
      ascend.tstore %y[%chunk, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<64x256xf32, ub>
    }
  }
  ascend.return
}

// -----

// The core's contiguous range of the items (ascend-reuse-setup's form of the
// work-item loop, step 1): items i and i + 1 per iteration, the second on the
// copy.
// CHECK-LABEL: ascend.task @contiguous_items
// CHECK: %[[LO:.*]] = arith.divui
// CHECK: %[[HI:.*]] = arith.divui
// CHECK: %[[S2:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<1x256xf32, ub>
// CHECK: %[[TWO:.*]] = arith.addi %c1, %c1 : index
// CHECK: scf.for %[[I:.*]] = %[[LO]] to %[[HI]] step %[[TWO]] {
// CHECK:   %[[NEXT:.*]] = arith.addi %[[I]], %c1 : index
// CHECK:   scf.if
// CHECK:     ascend.tload %[[S2]], %arg0[%[[NEXT]], %c0]
ascend.task @contiguous_items(%scales: !ascend.gm<64x256xf32>, %x: !ascend.gm<1024x256xf32>, %y: !ascend.gm<1024x256xf32>, %n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %s = ascend.alloc : !ascend.tile<1x256xf32, ub>
  %a = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc : !ascend.tile<16x256xf32, ub>
  %core = ascend.block_idx
  %cores = ascend.block_dim
  %next = arith.addi %core, %c1 : index
  %start = arith.muli %core, %n : index
  %lo = arith.divui %start, %cores : index
  %end = arith.muli %next, %n : index
  %hi = arith.divui %end, %cores : index
  scf.for %i = %lo to %hi step %c1 {
    ascend.tload %s, %scales[%i, %c0] : !ascend.tile<1x256xf32, ub>, !ascend.gm<64x256xf32>
    scf.for %j = %c0 to %c4 step %c1 {
      %chunk = arith.muli %j, %c16 : index
      ascend.tload %a, %x[%chunk, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<1024x256xf32>
      ascend.tcolexpandmul %b, %a, %s : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>, !ascend.tile<1x256xf32, ub>
      ascend.tstore %y[%chunk, %c0], %b : !ascend.gm<1024x256xf32>, !ascend.tile<16x256xf32, ub>
    }
  }
  ascend.return
}
