// RUN: tile-opt %s --ascend-fold-parallel-loops --canonicalize --ascend-reuse-setup --split-input-file | FileCheck %s
// RUN: tile-opt %s --ascend-fold-parallel-loops --split-input-file | FileCheck %s --check-prefix=FOLD

// A mixed launch per head, folded: 8 heads × 8 row blocks of 32 rows. The fold
// goes heads minor (FOLD): item i is row block i / 8 of head i % 8 on both
// sides. The cube's A panel then only changes every 8 items, so each cluster
// takes a contiguous range of the 64 items, [b·64 / D, (b + 1)·64 / D), on
// both sides, and the cube loads the panel once per row block in its range,
// in a loop around the items of that row block. B's window moves with the
// head (i % 8): it stays a load per item.

// FOLD-LABEL: ascend.task @cube
// FOLD: scf.for %[[ITEM:.*]] = %{{.*}} to %c64 step
// FOLD: %[[HEAD:.*]] = arith.remui %[[ITEM]], %c8
// FOLD: %[[BLOCK:.*]] = arith.divui %[[ITEM]], %c8
// FOLD-LABEL: ascend.task @vector
// FOLD: scf.for %[[VITEM:.*]] = %{{.*}} to %c64 step
// FOLD: arith.remui %[[VITEM]], %c8
// FOLD: arith.divui %[[VITEM]], %c8

// CHECK-LABEL: ascend.task @cube
// CHECK: %[[CORE:.*]] = ascend.block_idx
// CHECK: %[[CORES:.*]] = ascend.block_dim
// CHECK: %[[NEXT:.*]] = arith.addi %[[CORE]], %c1
// CHECK: %[[START:.*]] = arith.muli %[[CORE]], %c64
// CHECK: %[[LO:.*]] = arith.divui %[[START]], %[[CORES]]
// CHECK: %[[END:.*]] = arith.muli %[[NEXT]], %c64
// CHECK: %[[HI:.*]] = arith.divui %[[END]], %[[CORES]]
// CHECK: %[[FIRST:.*]] = arith.divui %[[LO]], %c8
// CHECK: %[[UP:.*]] = arith.addi %[[HI]], %c7
// CHECK: %[[LAST:.*]] = arith.divui %[[UP]], %c8
// CHECK: scf.for %[[BLOCK:.*]] = %[[FIRST]] to %[[LAST]] step %c1
// CHECK-NEXT: %[[ROW:.*]] = arith.muli %[[BLOCK]], %c32
// CHECK-NEXT: ascend.tload %{{.*}}, %{{.*}}[%[[ROW]], %c0] : !ascend.tile<32x32xi8, l1>
// CHECK: %[[BSTART:.*]] = arith.muli %[[BLOCK]], %c8
// CHECK: %[[BEND:.*]] = arith.addi %[[BSTART]], %c8
// CHECK: %[[FROM:.*]] = arith.maxui %[[LO]], %[[BSTART]]
// CHECK: %[[TO:.*]] = arith.minui %[[HI]], %[[BEND]]
// CHECK: scf.for %[[ITEM:.*]] = %[[FROM]] to %[[TO]] step %c1
// CHECK-NOT: !ascend.tile<32x32xi8, l1>, !ascend.gm
// CHECK: ascend.tload %{{.*}}, %{{.*}}[%c0, %{{.*}}] : !ascend.tile<32x64xi8, l1>
// CHECK: ascend.tpush
// CHECK-LABEL: ascend.task @vector
// CHECK: %[[VCORE:.*]] = ascend.block_idx
// CHECK: %[[VCORES:.*]] = ascend.block_dim
// CHECK: %[[VSTART:.*]] = arith.muli %[[VCORE]], %c64
// CHECK: %[[VLO:.*]] = arith.divui %[[VSTART]], %[[VCORES]]
// CHECK: %[[VHI:.*]] = arith.divui %{{.*}}, %[[VCORES]]
// CHECK: scf.for %{{.*}} = %[[VLO]] to %[[VHI]] step %c1
// CHECK: ascend.tpop

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
module attributes {ascend.target = #ascend.target<a2a3>} {
ascend.kernel @heads_paired(%a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %y: !ascend.gm<256x512xi32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c64 = arith.constant 64 : index
  %ring = ascend.alloc_ring : !ring
  scf.for %h = %c0 to %c8 step %c1 {
    %col = arith.muli %h, %c64 : index
    ascend.launch_mixed @cube, @vector(%ring, %a, %b, %col, %y) blocks = 8 : (!ring, !ascend.gm<256x32xi8>, !ascend.gm<32x512xi8>, index, !ascend.gm<256x512xi32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @cube(%ring: !ring, %a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %col: index, %y: !ascend.gm<256x512xi32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %panel = ascend.alloc : !ascend.tile<32x32xi8, l1>
  %bl1 = ascend.alloc : !ascend.tile<32x64xi8, l1>
  %al0 = ascend.alloc : !ascend.tile<32x32xi8, l0a>
  %bl0 = ascend.alloc : !ascend.tile<32x64xi8, l0b>
  %acc = ascend.alloc : !ascend.tile<32x64xi32, l0c>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %c8 step %bdim {
    %row = arith.muli %item, %c32 : index
    ascend.tload %panel, %a[%row, %c0] : !ascend.tile<32x32xi8, l1>, !ascend.gm<256x32xi8>
    ascend.tload %bl1, %b[%c0, %col] : !ascend.tile<32x64xi8, l1>, !ascend.gm<32x512xi8>
    ascend.tmov %al0, %panel : !ascend.tile<32x32xi8, l0a>, !ascend.tile<32x32xi8, l1>
    ascend.tmov %bl0, %bl1 : !ascend.tile<32x64xi8, l0b>, !ascend.tile<32x64xi8, l1>
    ascend.tmatmul %acc, %al0, %bl0 : !ascend.tile<32x64xi32, l0c>, !ascend.tile<32x32xi8, l0a>, !ascend.tile<32x64xi8, l0b>
    ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x64xi32, l0c>, !ring
  }
  ascend.return
}
ascend.task @vector(%ring: !ring, %a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %col: index, %y: !ascend.gm<256x512xi32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %t = ascend.alloc : !ascend.tile<16x64xi32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %c8 step %bdim {
    %half = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<16x64xi32>
    %sub = ascend.subblock_idx
    %base = arith.muli %item, %c32 : index
    %off = arith.muli %sub, %c16 : index
    %row = arith.addi %base, %off : index
    ascend.tload %t, %half[%c0, %c0] : !ascend.tile<16x64xi32, ub>, !ascend.gm<16x64xi32>
    ascend.tstore %y[%row, %col], %t : !ascend.gm<256x512xi32>, !ascend.tile<16x64xi32, ub>
    ascend.tfree %ring : !ring
  }
  ascend.return
}
}

// -----

// 2 heads × 8 row blocks: 16 items for 24 clusters, one item per cluster at
// most, so no item follows another: the launch keeps its round robin.

// CHECK-LABEL: ascend.task @few_cube
// CHECK: %[[CORE:.*]] = ascend.block_idx
// CHECK: %[[CORES:.*]] = ascend.block_dim
// CHECK: scf.for %{{.*}} = %[[CORE]] to %c16 step %[[CORES]]
// CHECK-LABEL: ascend.task @few_vector
// CHECK: %[[VCORE:.*]] = ascend.block_idx
// CHECK: %[[VCORES:.*]] = ascend.block_dim
// CHECK: scf.for %{{.*}} = %[[VCORE]] to %c16 step %[[VCORES]]

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
module attributes {ascend.target = #ascend.target<a2a3>} {
ascend.kernel @few_slots(%a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %y: !ascend.gm<256x512xi32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c64 = arith.constant 64 : index
  %ring = ascend.alloc_ring : !ring
  scf.for %h = %c0 to %c2 step %c1 {
    %col = arith.muli %h, %c64 : index
    ascend.launch_mixed @few_cube, @few_vector(%ring, %a, %b, %col, %y) blocks = 8 : (!ring, !ascend.gm<256x32xi8>, !ascend.gm<32x512xi8>, index, !ascend.gm<256x512xi32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @few_cube(%ring: !ring, %a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %col: index, %y: !ascend.gm<256x512xi32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %panel = ascend.alloc : !ascend.tile<32x32xi8, l1>
  %bl1 = ascend.alloc : !ascend.tile<32x64xi8, l1>
  %al0 = ascend.alloc : !ascend.tile<32x32xi8, l0a>
  %bl0 = ascend.alloc : !ascend.tile<32x64xi8, l0b>
  %acc = ascend.alloc : !ascend.tile<32x64xi32, l0c>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %c8 step %bdim {
    %row = arith.muli %item, %c32 : index
    ascend.tload %panel, %a[%row, %c0] : !ascend.tile<32x32xi8, l1>, !ascend.gm<256x32xi8>
    ascend.tload %bl1, %b[%c0, %col] : !ascend.tile<32x64xi8, l1>, !ascend.gm<32x512xi8>
    ascend.tmov %al0, %panel : !ascend.tile<32x32xi8, l0a>, !ascend.tile<32x32xi8, l1>
    ascend.tmov %bl0, %bl1 : !ascend.tile<32x64xi8, l0b>, !ascend.tile<32x64xi8, l1>
    ascend.tmatmul %acc, %al0, %bl0 : !ascend.tile<32x64xi32, l0c>, !ascend.tile<32x32xi8, l0a>, !ascend.tile<32x64xi8, l0b>
    ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x64xi32, l0c>, !ring
  }
  ascend.return
}
ascend.task @few_vector(%ring: !ring, %a: !ascend.gm<256x32xi8>, %b: !ascend.gm<32x512xi8>, %col: index, %y: !ascend.gm<256x512xi32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %t = ascend.alloc : !ascend.tile<16x64xi32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %c8 step %bdim {
    %half = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<16x64xi32>
    %sub = ascend.subblock_idx
    %base = arith.muli %item, %c32 : index
    %off = arith.muli %sub, %c16 : index
    %row = arith.addi %base, %off : index
    ascend.tload %t, %half[%c0, %c0] : !ascend.tile<16x64xi32, ub>, !ascend.gm<16x64xi32>
    ascend.tstore %y[%row, %col], %t : !ascend.gm<256x512xi32>, !ascend.tile<16x64xi32, ub>
    ascend.tfree %ring : !ring
  }
  ascend.return
}
}
