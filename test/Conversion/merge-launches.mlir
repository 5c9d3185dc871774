// RUN: tile-opt %s --ascend-merge-launches --split-input-file | FileCheck %s

// Two launches on the 48 AIVs that share only %x, which both read: one launch
// of a task that runs the first's items, then the second's from the block
// (block_idx + 48 - 5 mod 48) mod 48, so the cores 5.. (which the first left
// with nothing) take the second's first items. %x and %n are passed once;
// the old tasks go. Host arithmetic between them stays where it is.
// CHECK-LABEL: ascend.kernel @independent
// CHECK: %[[N:.*]] = arith.addi
// CHECK-NEXT: ascend.launch @first_l1_l2(%arg0, %arg1, %[[N]], %arg2) blocks = 48
// CHECK-NOT: ascend.launch
// CHECK-NOT: ascend.task @first_l1(
// CHECK-NOT: ascend.task @second_l2(
// CHECK-LABEL: ascend.task @first_l1_l2(
// CHECK-SAME: %[[X:[a-z0-9]+]]: !ascend.gm<256x64xf32>, %[[Y:[a-z0-9]+]]: !ascend.gm<256x64xf32>, %[[ITEMS:[a-z0-9]+]]: index, %[[Z:[a-z0-9]+]]: !ascend.gm<256x64xf32>)
// CHECK-SAME: ascend.fused_ops = ["exp@1", "abs@2"]
// CHECK-SAME: ascend.strategy = #ascend.chunking<rows = 2>
// CHECK: %[[IDX:.*]] = ascend.block_idx
// CHECK: %[[DIM:.*]] = ascend.block_dim
// CHECK: scf.for %{{.*}} = %[[IDX]] to %{{.*}} step %[[DIM]]
// CHECK: ascend.tstore %[[Y]]
// CHECK: }
// CHECK-NEXT: %[[IDX2:.*]] = ascend.block_idx
// CHECK-NEXT: %[[DIM2:.*]] = ascend.block_dim
// CHECK-NEXT: %[[AHEAD:.*]] = arith.remui %{{.*}}, %[[DIM2]]
// CHECK-NEXT: %[[BACK:.*]] = arith.subi %[[DIM2]], %[[AHEAD]]
// CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[IDX2]], %[[BACK]]
// CHECK-NEXT: %[[ROT:.*]] = arith.remui %[[SUM]], %[[DIM2]]
// CHECK: %[[DIM3:.*]] = ascend.block_dim
// CHECK: scf.for %{{.*}} = %[[ROT]] to %[[ITEMS]] step %[[DIM3]]
// CHECK: ascend.tload %{{.*}}, %[[X]]
// CHECK: ascend.tstore %[[Z]]
// CHECK: ascend.return
ascend.kernel @independent(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %z: !ascend.gm<256x64xf32> {ascend.out}, %rows: i32) {
  %c1 = arith.constant 1 : index
  %t = arith.index_cast %rows : i32 to index
  ascend.launch @first_l1(%x, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  %n = arith.addi %t, %c1 : index
  ascend.launch @second_l2(%x, %n, %z) blocks = 48 : (!ascend.gm<256x64xf32>, index, !ascend.gm<256x64xf32>) -> ()
  ascend.return
}
ascend.task @first_l1(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>, ascend.fused_ops = ["exp@1"], ascend.strategy = #ascend.chunking<rows = 2, double_buffered = false>} {
  %c2 = arith.constant 2 : index
  %c5 = arith.constant 5 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c5 step %dim {
    %r = arith.muli %i, %c2 : index
    ascend.tload %a, %x[%r, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.texp %a, %a : !ascend.tile<2x64xf32, ub>, !ascend.tile<2x64xf32, ub>
    ascend.tstore %y[%r, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @second_l2(%x: !ascend.gm<256x64xf32>, %n: index, %z: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>, ascend.fused_ops = ["abs@2"], ascend.strategy = #ascend.chunking<rows = 2, double_buffered = false>} {
  %c2 = arith.constant 2 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %n step %dim {
    %r = arith.muli %i, %c2 : index
    ascend.tload %a, %x[%r, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tabs %a, %a : !ascend.tile<2x64xf32, ub>, !ascend.tile<2x64xf32, ub>
    ascend.tstore %z[%r, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}

// -----

// The second reads what the first writes (%y, through a reshape of it): the
// launches stay.
// CHECK-LABEL: ascend.kernel @reads_what_first_writes
// CHECK: ascend.launch @writer
// CHECK: ascend.launch @reader
ascend.kernel @reads_what_first_writes(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %z: !ascend.gm<1x16384xf32> {ascend.out}) {
  ascend.launch @writer(%x, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  %flat = ascend.gm_reshape %y : !ascend.gm<256x64xf32> -> !ascend.gm<1x16384xf32>
  ascend.launch @reader(%flat, %z) blocks = 48 : (!ascend.gm<1x16384xf32>, !ascend.gm<1x16384xf32>) -> ()
  ascend.return
}
ascend.task @writer(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @reader(%y: !ascend.gm<1x16384xf32>, %z: !ascend.gm<1x16384xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<1x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %y[%c0, %i] : !ascend.tile<1x64xf32, ub>, !ascend.gm<1x16384xf32>
    ascend.tstore %z[%c0, %i], %a : !ascend.gm<1x16384xf32>, !ascend.tile<1x64xf32, ub>
  }
  ascend.return
}

// -----

// Both write %y (the second overwrites what the first wrote, which the order
// of the launches decides): the launches stay, on as many blocks or not.
// Launches with a branch between them stay too.
// CHECK-LABEL: ascend.kernel @stay
// CHECK: ascend.launch @copy_a(%arg0, %arg1) blocks = 48
// CHECK-NEXT: ascend.launch @copy_b(%arg2, %arg1) blocks = 48
// CHECK-NEXT: ascend.launch @copy_c(%arg0, %arg1) blocks = 24
// CHECK: scf.if
// CHECK-NEXT: ascend.launch @copy_c(%arg2, %arg3) blocks = 24
// CHECK-NEXT: }
// CHECK-NEXT: ascend.launch @copy_d(%arg2, %arg4) blocks = 24
ascend.kernel @stay(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %w: !ascend.gm<256x64xf32>, %u: !ascend.gm<256x64xf32> {ascend.out}, %v: !ascend.gm<256x64xf32> {ascend.out}, %rows: i32) {
  %c0 = arith.constant 0 : i32
  ascend.launch @copy_a(%x, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @copy_b(%w, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @copy_c(%x, %y) blocks = 24 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  %some = arith.cmpi sgt, %rows, %c0 : i32
  scf.if %some {
    ascend.launch @copy_c(%w, %u) blocks = 24 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  }
  ascend.launch @copy_d(%w, %v) blocks = 24 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.return
}
ascend.task @copy_a(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @copy_b(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @copy_c(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @copy_d(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}

// -----

// The second writes %x through a view it takes itself, the first reads %x:
// the launches stay.
// CHECK-LABEL: ascend.kernel @writes_through_view
// CHECK: ascend.launch @copy_e(%arg0, %arg1) blocks = 48
// CHECK-NEXT: ascend.launch @fill_f(%arg2, %arg0) blocks = 48
ascend.kernel @writes_through_view(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %w: !ascend.gm<1x16384xf32>) {
  ascend.launch @copy_e(%x, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @fill_f(%w, %x) blocks = 48 : (!ascend.gm<1x16384xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.return
}
ascend.task @copy_e(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @fill_f(%w: !ascend.gm<1x16384xf32>, %x: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c4 = arith.constant 4 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<1x64xf32, ub>
  %flat = ascend.gm_reshape %x : !ascend.gm<256x64xf32> -> !ascend.gm<1x16384xf32>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c4 step %dim {
    ascend.tload %a, %w[%c0, %i] : !ascend.tile<1x64xf32, ub>, !ascend.gm<1x16384xf32>
    ascend.tstore %flat[%c0, %i], %a : !ascend.gm<1x16384xf32>, !ascend.tile<1x64xf32, ub>
  }
  ascend.return
}

// -----

// Launches of 32 and 48 blocks (the first had 32 items): merged on 48, the
// first's items on blocks 0-31 and the second's from block 32 on
// ((block_idx + 48 - 32 mod 48) mod 48), so blocks 32-47 take the second's
// first items rather than idling through the first's round. The first on
// more blocks than the second: the merged launch takes the first's 48.
// CHECK-LABEL: ascend.kernel @different_blocks
// CHECK-NEXT: ascend.launch @copy_i_j(%arg0, %arg1, %arg2) blocks = 48
// CHECK-NEXT: ascend.launch @copy_j_i(%arg0, %arg2, %arg1) blocks = 48
// CHECK-LABEL: ascend.task @copy_i_j(
// CHECK: scf.for %{{.*}} = %{{.*}} to %c32 step
// CHECK: %[[DIM:.*]] = ascend.block_dim
// CHECK-NEXT: %[[AHEAD:.*]] = arith.remui %c32{{.*}}, %[[DIM]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %c48
ascend.kernel @different_blocks(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %z: !ascend.gm<256x64xf32> {ascend.out}) {
  ascend.launch @copy_i(%x, %y) blocks = 32 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @copy_j(%x, %z) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @copy_j(%x, %z) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @copy_i(%x, %y) blocks = 32 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.return
}
ascend.task @copy_i(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c32 = arith.constant 32 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c32 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @copy_j(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c48 = arith.constant 48 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  scf.for %i = %idx to %c48 step %dim {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}

// -----

// A loop from block_idx by another step than block_dim is not a work-item
// loop the rotation knows: its launch stays. Work items in pairs
// (ascend-double-buffer-setup's loop steps by block_dim + block_dim) still go
// block-cyclically: merged.
// CHECK-LABEL: ascend.kernel @paired_items
// CHECK-NEXT: ascend.launch @unit_step(
// CHECK-NEXT: ascend.launch @pairs_g_h(
// CHECK-LABEL: ascend.task @pairs_g_h(
// CHECK: scf.for %{{.*}} step %{{.*}} {
// CHECK: ascend.tstore
// CHECK: scf.for %{{.*}} step %{{.*}} {
// CHECK: ascend.tstore
ascend.kernel @paired_items(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32> {ascend.out}, %z: !ascend.gm<256x64xf32> {ascend.out}, %u: !ascend.gm<256x64xf32> {ascend.out}) {
  ascend.launch @unit_step(%x, %u) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @pairs_g(%x, %y) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.launch @pairs_h(%x, %z) blocks = 48 : (!ascend.gm<256x64xf32>, !ascend.gm<256x64xf32>) -> ()
  ascend.return
}
ascend.task @pairs_g(%x: !ascend.gm<256x64xf32>, %y: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c8 = arith.constant 8 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  %two = arith.addi %dim, %dim : index
  scf.for %i = %idx to %c8 step %two {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %y[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @pairs_h(%x: !ascend.gm<256x64xf32>, %z: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c8 = arith.constant 8 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  %dim = ascend.block_dim
  %two = arith.addi %dim, %dim : index
  scf.for %i = %idx to %c8 step %two {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %z[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
ascend.task @unit_step(%x: !ascend.gm<256x64xf32>, %u: !ascend.gm<256x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c8 = arith.constant 8 : index
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %idx = ascend.block_idx
  scf.for %i = %idx to %c8 step %c1 {
    ascend.tload %a, %x[%i, %c0] : !ascend.tile<2x64xf32, ub>, !ascend.gm<256x64xf32>
    ascend.tstore %u[%i, %c0], %a : !ascend.gm<256x64xf32>, !ascend.tile<2x64xf32, ub>
  }
  ascend.return
}
