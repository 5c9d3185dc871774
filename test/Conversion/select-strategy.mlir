// RUN: tile-opt %s -split-input-file --tile-select-strategy | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy | tile-opt -split-input-file --tile-form-tasks --tile-place-gm --convert-tile-to-ascend | FileCheck %s --check-prefix=LOWERED
// RUN: tile-opt %s -split-input-file --tile-select-strategy=stream-weights=never | FileCheck %s --check-prefix=NEVER

// The strategies round-trip and are what convert-tile-to-ascend builds.
// LOWERED-LABEL: ascend.kernel @norm
// LOWERED: ascend.launch @norm_col_sum_l{{[0-9]+}}(%{{.*}}) blocks = 2

// Vector ops: chunks of 8 × 256 rows (a 64 × 256 f32 op with two tensor
// operands fits 24 rows in a2a3's 192 KiB UB; halved while fewer than 48
// chunks and half a chunk still moves 8 KiB). A row reduction keeps its
// columns whole, a column reduction its 64 rows, narrowing its columns to
// 128 so that those rows fit.
// CHECK-LABEL: tile.kernel @norm
// CHECK: tile.load
// CHECK-NOT: ascend.strategy
// CHECK: tile.cast %{{.*}} {ascend.strategy = #ascend.chunking<rows = 8, cols = 256>}
// CHECK: tile.row_sum %{{.*}} {ascend.strategy = #ascend.chunking<rows = 8, cols = 256>}
// CHECK: tile.mul %{{.*}} {ascend.strategy = #ascend.chunking<rows = 8, cols = 256>}
// CHECK: tile.col_sum %{{.*}} {ascend.strategy = #ascend.chunking<rows = 64, cols = 128>}
// A store may copy its value: whole rows, as many as fill half of UB.
// CHECK: tile.store %{{.*}} {ascend.copies = [#ascend.chunking<rows = 64, cols = 256>]}
// CHECK: tile.store %{{.*}} {ascend.copies = [#ascend.chunking<rows = 1, cols = 256>]}
// CHECK-NOT: ascend.strategy
// CHECK: tile.return
tile.kernel @norm(%x: !tile.gm<64x256xbf16>, %y: !tile.gm<64x256xf32> {tile.out}, %z: !tile.gm<1x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xbf16> -> tensor<64x256xbf16>
  %f = tile.cast %t : tensor<64x256xbf16> -> tensor<64x256xf32>
  %s = tile.row_sum %f : tensor<64x256xf32> -> tensor<64x1xf32>
  %n = tile.mul %f, %s : tensor<64x256xf32>, tensor<64x1xf32> -> tensor<64x256xf32>
  %c = tile.col_sum %n : tensor<64x256xf32> -> tensor<1x256xf32>
  tile.store %n, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.store %c, %z[%c0, %c0] : tensor<1x256xf32>, !tile.gm<1x256xf32>
  tile.return
}

// -----

// A matmul folded from a pipeline K-loop reads its stages: one gives a
// blocking of one L1 chunk and L0 step buffer each (`buffers = 1`, and the
// single buffers leave room for deeper steps); two or more bound the L1
// stages, here double buffering like any matmul with two accumulators
// (`buffers` not printed).
// CHECK-LABEL: tile.kernel @stages
// CHECK: tile.matmul {{.*}}#ascend.blocking<{{.*}}buffers = 1>{{.*}}tile.pipeline_stages = 1
// CHECK: tile.matmul
// CHECK-NOT: buffers
// CHECK-SAME: tile.pipeline_stages = 3
tile.kernel @stages(%a: !tile.gm<128x1024xbf16>, %b: !tile.gm<1024x128xbf16>, %y: !tile.gm<128x128xf32> {tile.out}, %z: !tile.gm<128x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x1024xbf16> -> tensor<128x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x128xbf16> -> tensor<1024x128xbf16>
  %r = tile.matmul %ta, %tb {tile.pipeline_stages = 1 : i64} : tensor<128x1024xbf16>, tensor<1024x128xbf16> -> tensor<128x128xf32>
  tile.store %r, %y[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  %q = tile.matmul %ta, %tb {tile.pipeline_stages = 3 : i64} : tensor<128x1024xbf16>, tensor<1024x128xbf16> -> tensor<128x128xf32>
  tile.store %q, %z[%c0, %c0] : tensor<128x128xf32>, !tile.gm<128x128xf32>
  tile.return
}

// -----

// A matmul's blocking, by the cube cost model; with an accumulator, the
// chunking of the add that accumulates too. A, B and C (1.8 MB) fit the L2,
// which serves the re-reads of smaller blocks: 32 x 32 blocks in items of 3
// give each of the 24 cube cores one item (64 x 64 blocks left 8 idle).
// CHECK-LABEL: tile.kernel @mm
// CHECK: tile.matmul %{{.*}} acc %{{.*}} {ascend.strategy = #ascend.blocking<m = 32, n = 32, k = 512, chunk = 512, panel = true, accumulators = 2, length = 3, accumulate = <rows = 8, cols = 256>>}
tile.kernel @mm(%a: !tile.gm<256x1024xbf16>, %b: !tile.gm<1024x256xbf16>, %c: !tile.gm<256x256xf32>, %y: !tile.gm<256x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x1024xbf16> -> tensor<256x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x256xbf16> -> tensor<1024x256xbf16>
  %tc = tile.load %c[%c0, %c0] : !tile.gm<256x256xf32> -> tensor<256x256xf32>
  %r = tile.matmul %ta, %tb acc %tc : tensor<256x1024xbf16>, tensor<1024x256xbf16>, tensor<256x256xf32> -> tensor<256x256xf32>
  tile.store %r, %y[%c0, %c0] : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.return
}

// -----

// 32 row blocks of 128 on 24 cube cores: whole rows of 16 blocks would take
// two rounds, the second a third full, so work items are rows cut short
// (2 blocks: 256 items, 11 rounds nearly full). The accumulator fills L0C,
// so the cube waits for each block's store; meanwhile GM → L1 loads as far
// ahead as the L1 stages reach: four of 128-deep chunks cover the store, two
// of 256 leave GM → L1 idle, three of 128 half as long. Pipeline stages bound
// the stages: two give two 256-deep chunks, three give three.
// CHECK-LABEL: tile.kernel @balanced_items
// CHECK: #ascend.blocking<m = 128, n = 256, k = 64, chunk = 128, panel = false, accumulators = 1, length = 2, buffers = 4>
// CHECK: #ascend.blocking<m = 128, n = 256, k = 64, chunk = 256, panel = false, accumulators = 1, length = 2>
// CHECK-SAME: tile.pipeline_stages = 2
// CHECK: #ascend.blocking<m = 128, n = 256, k = 64, chunk = 128, panel = false, accumulators = 1, length = 2, buffers = 3>
// CHECK-SAME: tile.pipeline_stages = 3
tile.kernel @balanced_items(%a: !tile.gm<4096x4096xbf16>, %b: !tile.gm<4096x4096xbf16>, %y: !tile.gm<4096x4096xf32> {tile.out}, %z: !tile.gm<4096x4096xf32> {tile.out}, %w: !tile.gm<4096x4096xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<4096x4096xbf16> -> tensor<4096x4096xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<4096x4096xbf16> -> tensor<4096x4096xbf16>
  %r = tile.matmul %ta, %tb : tensor<4096x4096xbf16>, tensor<4096x4096xbf16> -> tensor<4096x4096xf32>
  tile.store %r, %y[%c0, %c0] : tensor<4096x4096xf32>, !tile.gm<4096x4096xf32>
  %q = tile.matmul %ta, %tb {tile.pipeline_stages = 2 : i64} : tensor<4096x4096xbf16>, tensor<4096x4096xbf16> -> tensor<4096x4096xf32>
  tile.store %q, %z[%c0, %c0] : tensor<4096x4096xf32>, !tile.gm<4096x4096xf32>
  %p = tile.matmul %ta, %tb {tile.pipeline_stages = 3 : i64} : tensor<4096x4096xbf16>, tensor<4096x4096xbf16> -> tensor<4096x4096xf32>
  tile.store %p, %w[%c0, %c0] : tensor<4096x4096xf32>, !tile.gm<4096x4096xf32>
  tile.return
}

// -----

// Weights beyond the L2 (8192 × 16384 bf16: 256 MiB of a2a3's 192): row
// block by row block, all of B crosses HBM again for each of the 16 row
// blocks; column by column (`stream_weights`) each byte of it crosses once
// while A (32 MiB) stays in the L2, and the matmul is bound by the cube. The
// task's item i is row block i mod 16's segment i / 16. With the option
// stream-weights=never, the same blocking goes row by row.
// CHECK-LABEL: tile.kernel @streamed_weights
// CHECK: ascend.strategy = #ascend.blocking<m = 128, n = 256, k = 64, chunk = 128, panel = false, accumulators = 1, length = 1, buffers = 4, stream_weights = true>
// NEVER-LABEL: tile.kernel @streamed_weights
// NEVER: ascend.strategy = #ascend.blocking<m = 128, n = 256, k = 64, chunk = 128, panel = false, accumulators = 1, length = 1, buffers = 4>
// LOWERED-LABEL: ascend.task @streamed_weights_matmul
// LOWERED: scf.for %[[ITEM:.*]] = %{{.*}} to %c1024 step
// LOWERED-NEXT: %[[ROWBLOCKS:.*]] = arith.divui %c1024, %c64
// LOWERED-NEXT: arith.remui %[[ITEM]], %[[ROWBLOCKS]]
// LOWERED-NEXT: arith.muli
// LOWERED-NEXT: arith.divui %[[ITEM]], %[[ROWBLOCKS]]
tile.kernel @streamed_weights(%a: !tile.gm<2048x8192xbf16>, %b: !tile.gm<8192x16384xbf16>, %y: !tile.gm<2048x16384xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<2048x8192xbf16> -> tensor<2048x8192xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<8192x16384xbf16> -> tensor<8192x16384xbf16>
  %r = tile.matmul %ta, %tb : tensor<2048x8192xbf16>, tensor<8192x16384xbf16> -> tensor<2048x16384xf32>
  tile.store %r, %y[%c0, %c0] : tensor<2048x16384xf32>, !tile.gm<2048x16384xf32>
  tile.return
}

// -----

// Weights the L2 holds (8192 × 8192 bf16, 128 MiB) stay there from one row
// block to the next: row by row.
// CHECK-LABEL: tile.kernel @resident_weights
// CHECK-NOT: stream_weights
// CHECK: tile.return
tile.kernel @resident_weights(%a: !tile.gm<2048x8192xbf16>, %b: !tile.gm<8192x8192xbf16>, %y: !tile.gm<2048x8192xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<2048x8192xbf16> -> tensor<2048x8192xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<8192x8192xbf16> -> tensor<8192x8192xbf16>
  %r = tile.matmul %ta, %tb : tensor<2048x8192xbf16>, tensor<8192x8192xbf16> -> tensor<2048x8192xf32>
  tile.store %r, %y[%c0, %c0] : tensor<2048x8192xf32>, !tile.gm<2048x8192xf32>
  tile.return
}

// -----

// The product (2048 × 32768 i32, 256 MiB) exceeds the L2, B (32 MiB) does
// not: row by row, B stays in the L2 from one row block's reads to the next
// (B, and the A and C rows of a round between, fit it), so its re-reads cost
// the L2's rate, not HBM's. Items of 86 blocks, three per row block (48 items:
// two full rounds on 24 cube cores), not a whole row of 256 (16 items, eight
// cores idle), which reads B fewer times.
// CHECK-LABEL: tile.kernel @product_beyond_l2
// CHECK: ascend.strategy = #ascend.blocking<m = 128, n = 128, k = 256, chunk = 256, panel = true, accumulators = 2, length = 86>
tile.kernel @product_beyond_l2(%a: !tile.gm<2048x1024xi8>, %b: !tile.gm<1024x32768xi8>, %y: !tile.gm<2048x32768xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<2048x1024xi8> -> tensor<2048x1024xi8>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x32768xi8> -> tensor<1024x32768xi8>
  %r = tile.matmul %ta, %tb : tensor<2048x1024xi8>, tensor<1024x32768xi8> -> tensor<2048x32768xi32>
  tile.store %r, %y[%c0, %c0] : tensor<2048x32768xi32>, !tile.gm<2048x32768xi32>
  tile.return
}

// -----

// Beyond the L2 too, but A too (16384 × 8192 bf16, 256 MiB): column by column
// it would cross HBM again for every column, so row by row.
// CHECK-LABEL: tile.kernel @both_beyond_l2
// CHECK-NOT: stream_weights
// CHECK: tile.return
tile.kernel @both_beyond_l2(%a: !tile.gm<16384x8192xbf16>, %b: !tile.gm<8192x16384xbf16>, %y: !tile.gm<16384x16384xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16384x8192xbf16> -> tensor<16384x8192xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<8192x16384xbf16> -> tensor<8192x16384xbf16>
  %r = tile.matmul %ta, %tb : tensor<16384x8192xbf16>, tensor<8192x16384xbf16> -> tensor<16384x16384xf32>
  tile.store %r, %y[%c0, %c0] : tensor<16384x16384xf32>, !tile.gm<16384x16384xf32>
  tile.return
}

// -----

// An interleave's output rows per chunk: shrunk to 16 while fewer chunks
// than vector cores and half a chunk still moves 8 KiB.
// CHECK-LABEL: tile.kernel @il
// Its halves are copied into the stacked operands first.
// CHECK: tile.interleave %{{.*}} {ascend.copies = [#ascend.chunking<rows = 64, cols = 32>, #ascend.chunking<rows = 64, cols = 32>], ascend.strategy = #ascend.chunking<rows = 16, cols = 64>}
tile.kernel @il(%x: !tile.gm<64x32xf32>, %y: !tile.gm<64x32xf32>, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %b = tile.load %y[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %i = tile.interleave %a, %b : tensor<64x32xf32> -> tensor<64x64xf32>
  tile.store %i, %z[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// A fused scope gets the chunking of its one task, and its ops none; a scope
// whose rows do not fit UB even one at a time is inlined, and its ops get
// their own strategies.
// CHECK-LABEL: tile.kernel @scopes
// CHECK: tile.scope "fused_q"
// CHECK-NEXT: tile.abs %{{.*}} : tensor<64x64xf32>
// CHECK-NEXT: tile.neg %{{.*}} : tensor<64x64xf32>
// CHECK: } {ascend.strategy = #ascend.chunking<rows = 2>}
// CHECK: tile.scope "wide"
// CHECK-NEXT: tile.exp %{{.*}} {ascend.strategy = #ascend.chunking<rows = 1, cols = 4096>}
// CHECK-NEXT: tile.mul %{{.*}} {ascend.strategy = #ascend.chunking<rows = 1, cols = 4096>}
// CHECK: } {ascend.strategy = #ascend.inline}
// Copies take at most 8192 columns.
// CHECK: tile.store %{{.*}} {ascend.copies = [#ascend.chunking<rows = 2, cols = 8192>]}
tile.kernel @scopes(%x: !tile.gm<64x64xf32>, %w: !tile.gm<4x65536xf32>, %q: !tile.gm<64x64xf32> {tile.out}, %y: !tile.gm<4x65536xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %r = tile.scope "fused_q" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v : tensor<64x64xf32>
    %n = tile.neg %a : tensor<64x64xf32>
    tile.yield %n : tensor<64x64xf32>
  }
  tile.store %r, %q[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  %u = tile.load %w[%c0, %c0] : !tile.gm<4x65536xf32> -> tensor<4x65536xf32>
  %s = tile.scope "wide" core = #tile.core<vector> -> tensor<4x65536xf32> {
    %e = tile.exp %u : tensor<4x65536xf32>
    %m = tile.mul %e, %u : tensor<4x65536xf32>, tensor<4x65536xf32> -> tensor<4x65536xf32>
    tile.yield %m : tensor<4x65536xf32>
  }
  tile.store %s, %y[%c0, %c0] : tensor<4x65536xf32>, !tile.gm<4x65536xf32>
  tile.return
}

// -----

// A loop copies each tensor it carries in and back, with one chunking.
// CHECK-LABEL: tile.kernel @carried
// CHECK: scf.for
// CHECK: tile.neg %{{.*}} {ascend.strategy = #ascend.chunking<rows = 16, cols = 64>}
// CHECK: } {ascend.copies = [#ascend.chunking<rows = 16, cols = 64>]}
tile.kernel @carried(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %t) -> (tensor<16x64xf32>) {
    %n = tile.neg %a : tensor<16x64xf32>
    scf.yield %n : tensor<16x64xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// An i8 matmul's N blocks are whole 32-column blocks: B's tiles pad N to 32
// bytes, the accumulator to the cube's N0 (16), and pto-isa's TMATMUL needs
// Right and Acc of equal columns (a tile-smith finding on pto-isa's
// simulator: 16-column blocks kept the 24 cores busier here and did not
// build against its headers).
// CHECK-LABEL: tile.kernel @i8_n_blocks
// CHECK: tile.matmul {{.*}}#ascend.blocking<m = 5, n = 32, k = 64,
tile.kernel @i8_n_blocks(%a: !tile.gm<5x64xi8>, %b: !tile.gm<64x64xi8>, %c: !tile.gm<5x64xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<5x64xi8> -> tensor<5x64xi8>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x64xi8> -> tensor<64x64xi8>
  %p = tile.matmul %ta, %tb : tensor<5x64xi8>, tensor<64x64xi8> -> tensor<5x64xi32>
  tile.store %p, %c[%c0, %c0] : tensor<5x64xi32>, !tile.gm<5x64xi32>
  tile.return
}
