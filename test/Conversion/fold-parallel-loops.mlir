// RUN: tile-opt %s --ascend-fold-parallel-loops --split-input-file | FileCheck %s

// Four iterations of a 2-item task become one launch of 8 items; each item
// recomputes its iteration's column offset (h * 16) from the item index, and
// the row that was loaded once per launch at that offset is now loaded per
// item, inside the work loop, after the item's own loads (so MTE2 takes them
// first) and before its first use.
// CHECK-LABEL: ascend.kernel @per_head
// CHECK-NOT: scf.for
// CHECK: ascend.launch @heads(%{{.*}}, %{{.*}}, %{{.*}}) blocks = 8 : (!ascend.gm<4x64xf32>, !ascend.gm<1x64xf32>, !ascend.gm<4x64xf32>) -> ()
// CHECK-NOT: scf.for
// CHECK-LABEL: ascend.task @heads
// CHECK-SAME: (%[[X:[a-z0-9]+]]: !ascend.gm<4x64xf32>, %[[W:[a-z0-9]+]]: !ascend.gm<1x64xf32>, %[[Y:[a-z0-9]+]]: !ascend.gm<4x64xf32>)
// CHECK: %[[BID:.*]] = ascend.block_idx
// CHECK: %[[BDIM:.*]] = ascend.block_dim
// CHECK-NOT: ascend.tload
// CHECK: scf.for %[[ITEM:.*]] = %[[BID]] to %[[C8:.*]] step %[[BDIM]] {
// CHECK: %[[ITER:.*]] = arith.divui %[[ITEM]], %[[C2:.*]] : index
// CHECK: %[[INNER:.*]] = arith.remui %[[ITEM]], %[[C2]] : index
// CHECK: %[[H:.*]] = arith.addi %{{.*}}, %{{.*}} : index
// CHECK: %[[COL:.*]] = arith.muli %[[H]], %{{.*}} : index
// CHECK: %[[ROW:.*]] = arith.muli %[[INNER]], %{{.*}} : index
// CHECK-NEXT: ascend.tload %{{.*}}, %[[X]][%[[ROW]], %[[COL]]]
// CHECK-NEXT: ascend.tload %{{.*}}, %[[W]][%{{.*}}, %[[COL]]]
// CHECK-NEXT: ascend.tcolexpandmul
// CHECK: ascend.tstore %[[Y]][%[[ROW]], %[[COL]]]
ascend.kernel @per_head(%x: !ascend.gm<4x64xf32>, %w: !ascend.gm<1x64xf32>, %y: !ascend.gm<4x64xf32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    ascend.launch @heads(%x, %w, %col, %y) blocks = 2 : (!ascend.gm<4x64xf32>, !ascend.gm<1x64xf32>, index, !ascend.gm<4x64xf32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @heads(%x: !ascend.gm<4x64xf32>, %w: !ascend.gm<1x64xf32>, %col: index, %y: !ascend.gm<4x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %row = ascend.alloc : !ascend.tile<1x16xf32, ub>
  %t = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %u = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  ascend.tload %row, %w[%c0, %col] : !ascend.tile<1x16xf32, ub>, !ascend.gm<1x64xf32>
  scf.for %item = %bid to %c2 step %bdim {
    %r = arith.muli %item, %c2 : index
    ascend.tload %t, %x[%r, %col] : !ascend.tile<2x16xf32, ub>, !ascend.gm<4x64xf32>
    ascend.tcolexpandmul %u, %t, %row : !ascend.tile<2x16xf32, ub>, !ascend.tile<2x16xf32, ub>, !ascend.tile<1x16xf32, ub>
    ascend.tstore %y[%r, %col], %u : !ascend.gm<4x64xf32>, !ascend.tile<2x16xf32, ub>
  }
  ascend.return
}

// -----

// Run-time token rows: the task's items are an argument computed before the
// loop (ceil(T / 2)), so the folded loop covers 4 × that many items and each
// item splits by it; the launch keeps the argument.
// CHECK-LABEL: ascend.kernel @per_head_rows
// CHECK-NOT: scf.for
// CHECK: ascend.launch @heads_rows(%{{.*}}, %[[HOSTITEMS:.*]], %{{.*}}) blocks = 4 : (!ascend.gm<4x64xf32>, index, !ascend.gm<4x64xf32>) -> ()
// CHECK-LABEL: ascend.task @heads_rows
// CHECK-SAME: (%[[X:[a-z0-9]+]]: !ascend.gm<4x64xf32>, %[[ITEMS:[a-z0-9]+]]: index, %[[Y:[a-z0-9]+]]: !ascend.gm<4x64xf32>)
// CHECK: %[[ALL:.*]] = arith.muli %{{.*}}, %[[ITEMS]] : index
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %[[ALL]] step %{{.*}} {
// CHECK: %[[ITER:.*]] = arith.divui %[[ITEM]], %[[ITEMS]] : index
// CHECK: %[[INNER:.*]] = arith.remui %[[ITEM]], %[[ITEMS]] : index
ascend.kernel @per_head_rows(%t: i32, %x: !ascend.gm<4x64xf32>, %y: !ascend.gm<4x64xf32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  %rows = arith.index_cast %t : i32 to index
  %up = arith.addi %rows, %c1 : index
  %items = arith.divsi %up, %c2 : index
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    ascend.launch @heads_rows(%x, %col, %items, %y) blocks = 1 : (!ascend.gm<4x64xf32>, index, index, !ascend.gm<4x64xf32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @heads_rows(%x: !ascend.gm<4x64xf32>, %col: index, %items: index, %y: !ascend.gm<4x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c2 = arith.constant 2 : index
  %t = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %items step %bdim {
    %r = arith.muli %item, %c2 : index
    ascend.tload %t, %x[%r, %col] : !ascend.tile<2x16xf32, ub>, !ascend.gm<4x64xf32>
    ascend.tstore %y[%r, %col], %t : !ascend.gm<4x64xf32>, !ascend.tile<2x16xf32, ub>
  }
  ascend.return
}

// -----

// The moved setup load passes the item's loads only up to its first store:
// here the item stores before its second load, so the setup load goes right
// after the first.
// CHECK-LABEL: ascend.task @store_first
// CHECK: scf.for
// CHECK: ascend.tload %{{.*}}, %[[X:[a-z0-9]+]][
// CHECK-NEXT: ascend.tload %{{.*}}, %{{[a-z0-9]+}}[%{{.*}}, %[[COL:[0-9a-z_]+]]] : !ascend.tile<1x16xf32, ub>
// CHECK-NEXT: ascend.tstore
// CHECK-NEXT: ascend.tload
// CHECK-NEXT: ascend.tcolexpandmul
ascend.kernel @store_first_kernel(%x: !ascend.gm<4x64xf32>, %w: !ascend.gm<1x64xf32>, %y: !ascend.gm<4x64xf32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    ascend.launch @store_first(%x, %w, %col, %y) blocks = 2 : (!ascend.gm<4x64xf32>, !ascend.gm<1x64xf32>, index, !ascend.gm<4x64xf32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @store_first(%x: !ascend.gm<4x64xf32>, %w: !ascend.gm<1x64xf32>, %col: index, %y: !ascend.gm<4x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %row = ascend.alloc : !ascend.tile<1x16xf32, ub>
  %t = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %u = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  ascend.tload %row, %w[%c0, %col] : !ascend.tile<1x16xf32, ub>, !ascend.gm<1x64xf32>
  scf.for %item = %bid to %c2 step %bdim {
    %r = arith.muli %item, %c2 : index
    ascend.tload %t, %x[%r, %col] : !ascend.tile<2x16xf32, ub>, !ascend.gm<4x64xf32>
    ascend.tstore %y[%r, %col], %t : !ascend.gm<4x64xf32>, !ascend.tile<2x16xf32, ub>
    ascend.tload %u, %x[%r, %col] : !ascend.tile<2x16xf32, ub>, !ascend.gm<4x64xf32>
    ascend.tcolexpandmul %t, %u, %row : !ascend.tile<2x16xf32, ub>, !ascend.tile<2x16xf32, ub>, !ascend.tile<1x16xf32, ub>
    ascend.tstore %y[%r, %col], %t : !ascend.gm<4x64xf32>, !ascend.tile<2x16xf32, ub>
  }
  ascend.return
}

// -----

// A loop that is not marked parallel, or whose body does more than launch,
// stays as it is.
// CHECK-LABEL: ascend.kernel @sequential
// CHECK: scf.for
// CHECK: ascend.launch @steps
// CHECK: scf.for
// CHECK: ascend.launch @steps
// CHECK: ascend.launch @steps
ascend.kernel @sequential(%x: !ascend.gm<4x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %h = %c0 to %c4 step %c1 {
    ascend.launch @steps(%x, %h) blocks = 2 : (!ascend.gm<4x64xf32>, index) -> ()
  }
  scf.for %h = %c0 to %c4 step %c1 {
    ascend.launch @steps(%x, %h) blocks = 2 : (!ascend.gm<4x64xf32>, index) -> ()
    ascend.launch @steps(%x, %h) blocks = 2 : (!ascend.gm<4x64xf32>, index) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @steps(%x: !ascend.gm<4x64xf32>, %h: index) attributes {core = #ascend.core<aiv>} {
  %c2 = arith.constant 2 : index
  %t = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  scf.for %item = %bid to %c2 step %bdim {
    ascend.tload %t, %x[%item, %h] : !ascend.tile<2x16xf32, ub>, !ascend.gm<4x64xf32>
  }
  ascend.return
}

// -----

// The row of the head is read only in the item's chunk loop: it moves into
// that loop, after the chunk's load, and is loaded again in each iteration,
// so it waits only for the previous chunk's read of it instead of heading the
// item (and waiting for the previous item's last chunk).
// CHECK-LABEL: ascend.task @chunked
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %c8 step
// CHECK-NOT: ascend.tload
// CHECK: scf.for
// CHECK-NEXT: arith.addi
// CHECK-NEXT: ascend.tload %{{.*}}, %{{[a-z0-9]+}}[%{{.*}}, %{{.*}}] : !ascend.tile<2x16xf32, ub>
// CHECK-NEXT: ascend.tload %{{.*}}, %{{[a-z0-9]+}}[%c0, %{{.*}}] : !ascend.tile<1x16xf32, ub>
// CHECK-NEXT: ascend.tcolexpandmul
ascend.kernel @chunked_kernel(%x: !ascend.gm<8x64xf32>, %w: !ascend.gm<1x64xf32>, %y: !ascend.gm<8x64xf32> {ascend.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c16 : index
    ascend.launch @chunked(%x, %w, %col, %y) blocks = 2 : (!ascend.gm<8x64xf32>, !ascend.gm<1x64xf32>, index, !ascend.gm<8x64xf32>) -> ()
  } {tile.parallel}
  ascend.return
}
ascend.task @chunked(%x: !ascend.gm<8x64xf32>, %w: !ascend.gm<1x64xf32>, %col: index, %y: !ascend.gm<8x64xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %row = ascend.alloc : !ascend.tile<1x16xf32, ub>
  %t = ascend.alloc : !ascend.tile<2x16xf32, ub>
  %bid = ascend.block_idx
  %bdim = ascend.block_dim
  ascend.tload %row, %w[%c0, %col] : !ascend.tile<1x16xf32, ub>, !ascend.gm<1x64xf32>
  scf.for %item = %bid to %c2 step %bdim {
    %base = arith.muli %item, %c4 : index
    scf.for %chunk = %c0 to %c4 step %c2 {
      %r = arith.addi %base, %chunk : index
      ascend.tload %t, %x[%r, %col] : !ascend.tile<2x16xf32, ub>, !ascend.gm<8x64xf32>
      ascend.tcolexpandmul %t, %t, %row : !ascend.tile<2x16xf32, ub>, !ascend.tile<2x16xf32, ub>, !ascend.tile<1x16xf32, ub>
      ascend.tstore %y[%r, %col], %t : !ascend.gm<8x64xf32>, !ascend.tile<2x16xf32, ub>
    }
  }
  ascend.return
}
