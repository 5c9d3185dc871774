// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize --cse | FileCheck %s

// A chain of vector ops: each op is one AIV task over GM; the last result is
// written straight into the output (no copy task), bf16 is widened to f32.
// CHECK-LABEL: ascend.kernel @norm
// CHECK-DAG: %[[SUMB:.*]] = ascend.alloc_gm : !ascend.gm<64x1xbf16>
// CHECK-DAG: %[[SUM:.*]] = ascend.alloc_gm : !ascend.gm<64x1xf32>
// CHECK-DAG: %[[SQF:.*]] = ascend.alloc_gm : !ascend.gm<64x256xf32>
// CHECK-DAG: %[[SQ:.*]] = ascend.alloc_gm : !ascend.gm<64x256xbf16>
// CHECK: ascend.launch @norm_mul_l[[L:[0-9]+]](%arg0, %[[SQ]]) blocks = 8
// CHECK: ascend.launch @norm_cast_l{{[0-9]+}}(%[[SQ]], %[[SQF]]) blocks = 8
// CHECK: ascend.launch @norm_row_sum_l{{[0-9]+}}(%[[SQF]], %[[SUM]]) blocks = 8
// CHECK: ascend.launch @norm_cast_l{{[0-9]+}}(%[[SUM]], %[[SUMB]]) blocks = 1
// CHECK: ascend.launch @norm_mul_l{{[0-9]+}}(%arg0, %[[SUMB]], %arg1) blocks = 8
// CHECK-NOT: ascend.launch
// CHECK: ascend.return
// CHECK: ascend.task @norm_mul_l[[L]](
// CHECK-SAME: core = #ascend.core<aiv>
// CHECK: ascend.alloc : !ascend.tile<8x256xbf16, ub>
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %c8 step %{{.*}} {
// CHECK:   %[[ROW:.*]] = arith.muli %[[ITEM]], %c8
// CHECK:   ascend.tload %{{.*}}, %arg0[%[[ROW]], %c0]
// CHECK:   ascend.tcvt %{{.*}} {round = #ascend.round<none>} : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xbf16, ub>
// CHECK:   ascend.tmul
// CHECK:   ascend.tcvt %{{.*}} {round = #ascend.round<rint>} : !ascend.tile<8x256xbf16, ub>, !ascend.tile<8x256xf32, ub>
// CHECK:   ascend.tstore %arg1[%[[ROW]], %c0]
// The row sum's scratch is only as wide as a2a3's TROWSUM writes: half the
// 256-byte repeats of a 256-column f32 row (base/RowReduceTmp.h).
// CHECK-LABEL: ascend.task @norm_row_sum_l
// CHECK: ascend.trowsum %{{.*}} : !ascend.tile<8x1xf32, ub>, !ascend.tile<8x256xf32, ub>, !ascend.tile<8x128xf32, ub>
// The per-row operand is first spread over its row's 32-byte block, the form
// PTO-ISA's TROWEXPANDMUL reads.
// CHECK-LABEL: ascend.task @norm_mul_l
// CHECK: ascend.trowexpand %[[BLOCK:.*]], %{{.*}} : !ascend.tile<8x8xf32, ub>, !ascend.tile<8x1xf32, ub>
// CHECK: ascend.trowexpandmul %{{.*}}, %{{.*}}, %[[BLOCK]] : !ascend.tile<8x256xf32, ub>, !ascend.tile<8x256xf32, ub>, !ascend.tile<8x8xf32, ub>
tile.kernel @norm(%x: !tile.gm<64x256xbf16>, %y: !tile.gm<64x256xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xbf16> -> tensor<64x256xbf16>
  %sq = tile.mul %t, %t : tensor<64x256xbf16>, tensor<64x256xbf16> -> tensor<64x256xbf16>
  %f = tile.cast %sq : tensor<64x256xbf16> -> tensor<64x256xf32>
  %s = tile.row_sum %f : tensor<64x256xf32> -> tensor<64x1xf32>
  %sb = tile.cast %s {round = #tile.round<rint>} : tensor<64x1xf32> -> tensor<64x1xbf16>
  %m = tile.mul %t, %sb : tensor<64x256xbf16>, tensor<64x1xbf16> -> tensor<64x256xbf16>
  tile.store %m, %y[%c0, %c0] : tensor<64x256xbf16>, !tile.gm<64x256xbf16>
  tile.return
}

// -----

// Per-column vectors (rank-1 gamma) use the column-expand forms; scalars the
// scalar forms; a scalar on the left of a division is expanded into a tile.
// CHECK-LABEL: ascend.task @bcast_mul_l
// CHECK: ascend.tload %{{.*}}, %arg1[%c0] : !ascend.tile<1x128xf32, ub>, !ascend.gm<128xf32>
// CHECK: ascend.tcolexpandmul
// CHECK-LABEL: ascend.task @bcast_add_l
// CHECK: ascend.tadds %{{.*}}, %{{.*}}, %arg1 : !ascend.tile<{{.*}}xf32, ub>, !ascend.tile<{{.*}}xf32, ub>, f32
// CHECK-LABEL: ascend.task @bcast_div_l
// CHECK: ascend.texpands %{{.*}}, %arg0
// CHECK: ascend.tdiv
tile.kernel @bcast(%x: !tile.gm<32x128xf32>, %g: !tile.gm<128xf32>, %y: !tile.gm<32x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  %t = tile.load %x[%c0, %c0] : !tile.gm<32x128xf32> -> tensor<32x128xf32>
  %gv = tile.load %g[%c0] : !tile.gm<128xf32> -> tensor<128xf32>
  %m = tile.mul %t, %gv : tensor<32x128xf32>, tensor<128xf32> -> tensor<32x128xf32>
  %a = tile.add %m, %one : tensor<32x128xf32>, f32 -> tensor<32x128xf32>
  %d = tile.div %one, %a : f32, tensor<32x128xf32> -> tensor<32x128xf32>
  tile.store %d, %y[%c0, %c0] : tensor<32x128xf32>, !tile.gm<32x128xf32>
  tile.return
}

// -----

// f32 → i8 has no TCVT on a2a3: the chain goes through i32 and f16. The cast
// saturates (the f32 → i8 default), so its f16 → i8 step, which would wrap by
// default, saturates explicitly.
// CHECK-LABEL: ascend.task @quant_cast_l
// CHECK: ascend.tcvt %[[I32:.*]], %{{.*}} {round = #ascend.round<rint>} : !ascend.tile<{{.*}}xi32, ub>, !ascend.tile<{{.*}}xf32, ub>
// CHECK: ascend.tcvt %[[F16:.*]], %[[I32]] {round = #ascend.round<rint>} : !ascend.tile<{{.*}}xf16, ub>, !ascend.tile<{{.*}}xi32, ub>
// CHECK: ascend.tcvt %{{.*}}, %[[F16]] {round = #ascend.round<rint>, sat = #ascend.sat<on>} : !ascend.tile<{{.*}}xi8, ub>, !ascend.tile<{{.*}}xf16, ub>
tile.kernel @quant(%x: !tile.gm<16x64xf32>, %q: !tile.gm<16x64xi8> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %i = tile.cast %t {round = #tile.round<rint>} : tensor<16x64xf32> -> tensor<16x64xi8>
  tile.store %i, %q[%c0, %c0] : tensor<16x64xi8>, !tile.gm<16x64xi8>
  tile.return
}

// -----

// A's [128, 2048] row panel does not fit L1 beside two B chunks: A is
// staged GM → L1 with B, chunk by chunk. The 4 × 6 blocks of 128 × 256 give
// every cube core a block and read A and B less often than narrower ones;
// their accumulator fills L0C, so there is one, and the cube waits for its
// store before the next block: four L1 stages of 128-deep chunks keep GM → L1
// loading meanwhile. The K steps (64 deep, so that two L0B buffers fit) take
// their windows from the chunks: the first chunk (stage 0), rounds of four
// chunks (stages 1, 2, 3, 0), the three left (1, 2, 3). A chunk's last step
// moves B before A, so the flag that frees A's stage buffer frees B's too.
// CHECK-LABEL: ascend.launch @wide_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg2) blocks = 24
// CHECK-LABEL: ascend.task @wide_matmul_l
// CHECK-DAG: %[[C:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<128x256xf32, l0c>
// CHECK-DAG: %[[A0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<128x128xbf16, l1>
// CHECK-DAG: %[[LA0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<128x64xbf16, l0a>
// CHECK-DAG: %[[LA1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<128x64xbf16, l0a>
// CHECK-DAG: %[[LB1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<64x256xbf16, l0b>
// CHECK-DAG: %[[A1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<128x128xbf16, l1>
// CHECK-DAG: %[[A2:.*]] = ascend.alloc {stage = 2 : i64} : !ascend.tile<128x128xbf16, l1>
// CHECK-DAG: %[[A3:.*]] = ascend.alloc {stage = 3 : i64} : !ascend.tile<128x128xbf16, l1>
// CHECK-NOT: l0c>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c24 step %{{.*}} {
// CHECK:   ascend.tload %[[A0]], %arg0[%[[ROW:.*]], %c0]
// CHECK:   ascend.textract %[[LA0]], %[[A0]][%c0, %c0]
// CHECK:   ascend.tmatmul %[[C]], %[[LA0]],
// CHECK:   ascend.textract %[[LB1]], %{{.*}}[%c64, %c0]
// CHECK-NEXT: ascend.textract %[[LA1]], %[[A0]][%c0, %c64]
// CHECK-NEXT: ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]], %[[LB1]]
// CHECK:   scf.for %[[K:.*]] = %c128 to %c1664 step %c512 {
// CHECK:     ascend.tload %[[A1]], %arg0[%[[ROW]], %[[K]]]
// CHECK:     ascend.tmatmul_acc %[[C]], %[[C]], %[[LA0]],
// CHECK:     ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]],
// CHECK:     %[[K1:.*]] = arith.addi %[[K]], %c128
// CHECK:     ascend.tload %[[A2]], %arg0[%[[ROW]], %[[K1]]]
// CHECK:     %[[K2:.*]] = arith.addi %[[K]], %c256
// CHECK:     ascend.tload %[[A3]], %arg0[%[[ROW]], %[[K2]]]
// CHECK:     %[[K3:.*]] = arith.addi %[[K]], %c384
// CHECK:     ascend.tload %[[A0]], %arg0[%[[ROW]], %[[K3]]]
// CHECK:     ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]],
// CHECK-NEXT: }
// CHECK-NEXT: ascend.tload %[[A1]], %arg0[%[[ROW]], %c1664]
// CHECK:   ascend.tload %[[A2]], %arg0[%[[ROW]], %c1792]
// CHECK:   ascend.tload %[[A3]], %arg0[%[[ROW]], %c1920]
// CHECK:   ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]],
// CHECK-NEXT: ascend.tstore %arg2[%[[ROW]], %{{.*}}], %[[C]]
tile.kernel @wide(%a: !tile.gm<512x2048xbf16>, %b: !tile.gm<2048x1536xbf16>, %c: !tile.gm<512x1536xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<512x2048xbf16> -> tensor<512x2048xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<2048x1536xbf16> -> tensor<2048x1536xbf16>
  %r = tile.matmul %ta, %tb : tensor<512x2048xbf16>, tensor<2048x1536xbf16> -> tensor<512x1536xf32>
  tile.store %r, %c[%c0, %c0] : tensor<512x1536xf32>, !tile.gm<512x1536xf32>
  tile.return
}

// -----

// The flagship's KV projection at T = 128: 4 blocks of 128 × 128 would use
// 4 cube cores; 64 blocks of 32 × 32 in work items of 3 use all 24, A's
// 32-row panel in L1, at the price of reading B 4 times and A's panels 6
// times: A, B and C (4.5 MB) fit the L2, which serves those re-reads.
// CHECK-LABEL: ascend.launch @narrow_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg2) blocks = 24
// CHECK-LABEL: ascend.task @narrow_matmul_l
// CHECK-DAG: ascend.alloc : !ascend.tile<32x4096xbf16, l1>
// CHECK-DAG: ascend.alloc {stage = 0 : i64} : !ascend.tile<32x32xf32, l0c>
// CHECK-DAG: ascend.alloc {stage = 1 : i64} : !ascend.tile<1024x32xbf16, l1>
// CHECK: ascend.tmatmul
tile.kernel @narrow(%a: !tile.gm<128x4096xbf16>, %b: !tile.gm<4096x512xbf16>, %c: !tile.gm<128x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x4096xbf16> -> tensor<128x4096xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<4096x512xbf16> -> tensor<4096x512xbf16>
  %r = tile.matmul %ta, %tb : tensor<128x4096xbf16>, tensor<4096x512xbf16> -> tensor<128x512xf32>
  tile.store %r, %c[%c0, %c0] : tensor<128x512xf32>, !tile.gm<128x512xf32>
  tile.return
}

// -----

// Slices in a host loop become offsets passed to the task at each launch; a
// store into a 3-D output gives the task a row window over dimension 0.
// CHECK-LABEL: ascend.kernel @heads
// CHECK-NOT: ascend.alloc_gm
// CHECK: scf.for %[[H:.*]] = %c0 to %c4 step %c1 {
// CHECK:   %[[COL:.*]] = arith.muli %[[H]], %c64 : index
// CHECK:   ascend.launch @heads_exp_l{{[0-9]+}}(%arg0, %[[COL]], %arg1, %[[H]]) blocks = 1
// CHECK: } {tile.parallel}
// CHECK-LABEL: ascend.task @heads_exp_l
// CHECK-SAME: (%arg0: !ascend.gm<16x256xf32>, %arg1: index, %arg2: !ascend.gm<16x4x64xf32>, %arg3: index)
// CHECK: ascend.tload %{{.*}}, %arg0[%{{.*}}, %arg1]
// CHECK: ascend.texp
// CHECK: ascend.tstore %arg2[%{{.*}}, %arg3, %c0], %{{.*}} {window = array<i64: 16, 1>}
tile.kernel @heads(%x: !tile.gm<16x256xf32>, %y: !tile.gm<16x4x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x256xf32> -> tensor<16x256xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c64 : index
    %s = tile.slice %t[%c0, %col] : tensor<16x256xf32> -> tensor<16x64xf32>
    %e = tile.exp %s : tensor<16x64xf32>
    %r = tile.reshape %e : tensor<16x64xf32> -> tensor<16x1x64xf32>
    tile.store %r, %y[%c0, %h, %c0] : tensor<16x1x64xf32>, !tile.gm<16x4x64xf32>
  } {tile.parallel}
  tile.return
}

// -----

// A tensor carried through a loop by inserts lives in one scratch tensor:
// the filled value is written in place, each insert writes into its window.
// CHECK-LABEL: ascend.kernel @table
// CHECK: %[[T:.*]] = ascend.alloc_gm : !ascend.gm<8x16xf32>
// CHECK-NOT: ascend.alloc_gm
// CHECK: ascend.launch @table_full_l{{[0-9]+}}(%[[T]]) blocks = 1
// CHECK: scf.for %[[I:.*]] = %c0 to %c2 step %c1 {
// CHECK:   %[[ROW:.*]] = arith.muli %[[I]], %c4
// CHECK:   ascend.launch @table_cast_l{{[0-9]+}}(%arg0, %[[T]], %[[ROW]])
// CHECK-NEXT: }
// CHECK: ascend.launch @table_copy_{{[0-9]+}}(%[[T]], %arg1)
tile.kernel @table(%x: !tile.gm<4x16xbf16>, %y: !tile.gm<8x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %z = tile.full 0.0 : f32 : tensor<8x16xf32>
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%acc = %z) -> (tensor<8x16xf32>) {
    %t = tile.load %x[%c0, %c0] : !tile.gm<4x16xbf16> -> tensor<4x16xbf16>
    %f = tile.cast %t : tensor<4x16xbf16> -> tensor<4x16xf32>
    %row = arith.muli %i, %c4 : index
    %n = tile.insert %f into %acc[%row, %c0] : tensor<4x16xf32> into tensor<8x16xf32>
    scf.yield %n : tensor<8x16xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<8x16xf32>, !tile.gm<8x16xf32>
  tile.return
}

// -----

// Reshaping a whole parameter reinterprets it in place.
// CHECK-LABEL: ascend.kernel @flat
// CHECK: %[[V:.*]] = ascend.gm_reshape %arg1 : !ascend.gm<2x64xf32> -> !ascend.gm<1x128xf32>
// CHECK: ascend.launch @flat_mul_l{{[0-9]+}}(%arg0, %[[V]], %arg2)
tile.kernel @flat(%x: !tile.gm<8x128xf32>, %s: !tile.gm<2x64xf32>, %y: !tile.gm<8x128xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x128xf32> -> tensor<8x128xf32>
  %sv = tile.load %s[%c0, %c0] : !tile.gm<2x64xf32> -> tensor<2x64xf32>
  %flat = tile.reshape %sv : tensor<2x64xf32> -> tensor<128xf32>
  %m = tile.mul %t, %flat : tensor<8x128xf32>, tensor<128xf32> -> tensor<8x128xf32>
  tile.store %m, %y[%c0, %c0] : tensor<8x128xf32>, !tile.gm<8x128xf32>
  tile.return
}

// -----

// The RoPE re-interleave: producers write e and o as the rows e_i, o_i of one
// stacked scratch tensor, and an index gather with a constant index table
// picks e0, o0, e1, o1, … for each output row — no selection matmul.
// CHECK-LABEL: ascend.kernel @il
// CHECK: %[[STACK:.*]] = ascend.alloc_gm : !ascend.gm<64x2x32xf32>
// CHECK: %[[ROWS:.*]] = ascend.gm_reshape %[[STACK]] : !ascend.gm<64x2x32xf32> -> !ascend.gm<128x32xf32>
// CHECK: %[[TABLE:.*]] = ascend.gm_constant dense<{{.*}}> : tensor<16x64xi32> : !ascend.gm<16x64xi32>
// CHECK: ascend.launch @il_exp_l{{[0-9]+}}(%arg0, %[[STACK]])
// CHECK: ascend.launch @il_neg_l{{[0-9]+}}(%arg1, %[[STACK]])
// CHECK: ascend.launch @il_interleave_l{{[0-9]+}}(%[[ROWS]], %arg2, %[[TABLE]]) blocks = 4
// CHECK-LABEL: ascend.task @il_exp_l
// CHECK: ascend.tstore %arg1[%{{.*}}, %c0, %c0], %{{.*}} {window = array<i64: 64, 1>}
// CHECK-LABEL: ascend.task @il_neg_l
// CHECK: ascend.tstore %arg1[%{{.*}}, %c1, %c0], %{{.*}} {window = array<i64: 64, 1>}
// CHECK-LABEL: ascend.task @il_interleave_l
// CHECK: ascend.tload %[[IDX:.*]], %arg2[%c0, %c0] : !ascend.tile<16x64xi32, ub>
// CHECK: scf.for
// CHECK:   ascend.tload %[[SRC:.*]], %arg0[{{.*}}] : !ascend.tile<32x32xf32, ub>, !ascend.gm<128x32xf32>
// CHECK:   ascend.tgather_index %[[OUT:.*]], %[[SRC]][%[[IDX]]]
// CHECK:   ascend.tstore %arg1[{{.*}}], %[[OUT]] : !ascend.gm<64x64xf32>, !ascend.tile<16x64xf32, ub>
tile.kernel @il(%x: !tile.gm<64x32xf32>, %y: !tile.gm<64x32xf32>, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %b = tile.load %y[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %e = tile.exp %a : tensor<64x32xf32>
  %o = tile.neg %b : tensor<64x32xf32>
  %i = tile.interleave %e, %o : tensor<64x32xf32> -> tensor<64x64xf32>
  tile.store %i, %z[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// A row gather reads each row's index on the scalar unit and moves the row.
// CHECK-LABEL: ascend.task @rows_load_rows_l
// CHECK-SAME: (%arg0: !ascend.gm<512x64xbf16>, %arg1: !ascend.gm<16xi32>, %arg2: !ascend.gm<16x32xbf16>, %arg3: index)
// CHECK: scf.for %[[ROW:.*]] = %{{.*}} to %c16 step %{{.*}} {
// CHECK:   %[[I:.*]] = ascend.scalar_load %arg1[%[[ROW]]] : !ascend.gm<16xi32> -> i32
// CHECK:   %[[AT:.*]] = arith.index_cast %[[I]] : i32 to index
// CHECK:   ascend.tload %[[T:.*]], %arg0[%[[AT]], %arg3] : !ascend.tile<1x32xbf16, ub>
// CHECK:   ascend.tstore %arg2[%[[ROW]], %c0], %[[T]]
tile.kernel @rows(%table: !tile.gm<512x64xbf16>, %pos: !tile.gm<16xi32>, %y: !tile.gm<16x32xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %p = tile.load %pos[%c0] : !tile.gm<16xi32> -> tensor<16xi32>
  %r = tile.load_rows %table[%p], %c32 : !tile.gm<512x64xbf16>, tensor<16xi32> -> tensor<16x32xbf16>
  tile.store %r, %y[%c0, %c0] : tensor<16x32xbf16>, !tile.gm<16x32xbf16>
  tile.return
}

// -----

// An accumulating matmul is a cube task and an add (so a cube scope, one
// task, cannot hold one: cube-scope-one-task-errors.tile); a cube scope is
// inlined once its ops suit the core group.
// CHECK-LABEL: ascend.kernel @acc
// CHECK: %[[P:.*]] = ascend.alloc_gm : !ascend.gm<16x16xf32>
// CHECK: ascend.launch @acc_matmul_l{{[0-9]+}}(%arg0, %arg1, %[[P]])
// CHECK: ascend.launch @acc_add_l{{[0-9]+}}(%[[P]], %arg2, %arg3)
// CHECK: ascend.launch @acc_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg4)
// CHECK-NOT: tile.scope
tile.kernel @acc(%a: !tile.gm<16x32xbf16>, %b: !tile.gm<32x16xbf16>, %c: !tile.gm<16x16xf32>, %y: !tile.gm<16x16xf32> {tile.out}, %z: !tile.gm<16x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xbf16> -> tensor<16x32xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x16xbf16> -> tensor<32x16xbf16>
  %tc = tile.load %c[%c0, %c0] : !tile.gm<16x16xf32> -> tensor<16x16xf32>
  %r = tile.matmul %ta, %tb acc %tc : tensor<16x32xbf16>, tensor<32x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
  tile.store %r, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  tile.scope "projection" core = #tile.core<cube> {
    %sa = tile.load %a[%c0, %c0] : !tile.gm<16x32xbf16> -> tensor<16x32xbf16>
    %sb = tile.load %b[%c0, %c0] : !tile.gm<32x16xbf16> -> tensor<32x16xbf16>
    %s = tile.matmul %sa, %sb : tensor<16x32xbf16>, tensor<32x16xbf16> -> tensor<16x16xf32>
    tile.store %s, %z[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  }
  tile.return
}
