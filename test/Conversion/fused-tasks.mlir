// RUN: tile-opt %s --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize --cse --split-input-file | FileCheck %s

// A fused scope is one AIV task: what does not depend on the token rows (the
// gamma row, the RoPE index table) is loaded once, before the chunk loop;
// each chunk loads its rows, keeps every intermediate in UB (the RoPE columns
// go out with textract and back with tinsert, the pairs re-interleave with an
// index gather; nothing reads the normalised rows after the tinsert, so it
// writes into their tile) and stores its rows of the result.
// CHECK-LABEL: ascend.kernel @rope_tail
// CHECK: ascend.gm_constant
// CHECK: ascend.launch @rope_tail_fused_rope(
// CHECK-NOT: ascend.launch
// CHECK-LABEL: ascend.task @rope_tail_fused_rope
// CHECK: ascend.tload %[[GAMMA:[0-9a-z_]+]], %{{.*}} : !ascend.tile<1x64xf32, ub>
// CHECK: ascend.tload %[[TABLE:[0-9a-z_]+]], %{{.*}} : !ascend.tile<[[R:[0-9]+]]x16xi32, ub>
// CHECK: scf.for
// CHECK: ascend.tload %[[X:[0-9a-z_]+]], %{{.*}}[%[[ROW:[0-9a-z_]+]], %{{.*}}] : !ascend.tile<[[R]]x64xf32, ub>
// CHECK: ascend.tcolexpandmul %[[N:[0-9a-z_]+]], %[[X]], %[[GAMMA]]
// CHECK: ascend.textract %[[TAIL:[0-9a-z_]+]], %[[N]][%{{.*}}, %[[C48:[0-9a-z_]+]]] : !ascend.tile<[[R]]x16xf32, ub>, !ascend.tile<[[R]]x64xf32, ub>
// CHECK: ascend.tgather %[[E:[0-9a-z_]+]], %[[TAIL]] <even>
// CHECK: ascend.tgather %[[O:[0-9a-z_]+]], %[[TAIL]] <odd>
// CHECK: ascend.tneg %[[NO:[0-9a-z_]+]], %[[O]]
// CHECK: ascend.tinsert %[[SIDE:[0-9a-z_]+]], %[[NO]][%{{.*}}, %{{.*}}] : !ascend.tile<[[R]]x16xf32, ub>, !ascend.tile<[[R]]x8xf32, ub>
// CHECK: ascend.tinsert %[[SIDE]], %[[E]]
// CHECK: ascend.tgather_index %[[PAIRS:[0-9a-z_]+]], %[[SIDE]][%[[TABLE]]], %{{.*}} : {{.*}}, !ascend.tile<[[R]]x16xi32, ub>, !ascend.tile<[[R]]x16xi32, ub>
// CHECK-NOT: ascend.tmov
// CHECK: ascend.tinsert %[[N]], %[[PAIRS]][%{{.*}}, %[[C48]]]
// CHECK: ascend.tstore %{{.*}}[%[[ROW]], %{{.*}}], %[[N]]
// CHECK-NEXT: }
tile.kernel @rope_tail(%x: !tile.gm<256x64xf32>, %g: !tile.gm<1x64xf32>, %y: !tile.gm<256x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c48 = arith.constant 48 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<256x64xf32> -> tensor<256x64xf32>
  %gamma = tile.load %g[%c0, %c0] : !tile.gm<1x64xf32> -> tensor<1x64xf32>
  %r = tile.scope "fused_rope" core = #tile.core<vector> -> tensor<256x64xf32> {
    %n = tile.mul %v, %gamma : tensor<256x64xf32>, tensor<1x64xf32> -> tensor<256x64xf32>
    %tail = tile.slice %n[%c0, %c48] : tensor<256x64xf32> -> tensor<256x16xf32>
    %e = tile.gather %tail <even> : tensor<256x16xf32> -> tensor<256x8xf32>
    %o = tile.gather %tail <odd> : tensor<256x16xf32> -> tensor<256x8xf32>
    %ne = tile.neg %o : tensor<256x8xf32>
    %p = tile.interleave %ne, %e : tensor<256x8xf32> -> tensor<256x16xf32>
    %out = tile.insert %p into %n[%c0, %c48] : tensor<256x16xf32> into tensor<256x64xf32>
    tile.yield %out : tensor<256x64xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<256x64xf32>, !tile.gm<256x64xf32>
  tile.return
}

// -----

// An insert whose destination is read after it writes into a copy: the sum
// needs the rows as they were before the insert.
// CHECK-LABEL: ascend.task @insert_dest_read_after
// CHECK: ascend.tmul %[[N:[0-9a-z_]+]],
// CHECK: ascend.tmov %[[OUT:[0-9a-z_]+]], %[[N]]
// CHECK-NEXT: ascend.tinsert %[[OUT]],
// CHECK: ascend.tadd %{{.*}}, %[[OUT]], %[[N]]
tile.kernel @insert_dest_read_after(%x: !tile.gm<256x64xf32>, %y: !tile.gm<256x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c48 = arith.constant 48 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<256x64xf32> -> tensor<256x64xf32>
  %r = tile.scope "insert_dest_read_after" core = #tile.core<vector> -> tensor<256x64xf32> {
    %n = tile.mul %v, %v : tensor<256x64xf32>, tensor<256x64xf32> -> tensor<256x64xf32>
    %tail = tile.slice %n[%c0, %c48] : tensor<256x64xf32> -> tensor<256x16xf32>
    %t = tile.neg %tail : tensor<256x16xf32>
    %out = tile.insert %t into %n[%c0, %c48] : tensor<256x16xf32> into tensor<256x64xf32>
    %sum = tile.add %out, %n : tensor<256x64xf32>, tensor<256x64xf32> -> tensor<256x64xf32>
    tile.yield %sum : tensor<256x64xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<256x64xf32>, !tile.gm<256x64xf32>
  tile.return
}

// -----

// Rows too long for UB even one at a time: the scope's ops are lowered one
// task each, in column chunks, through global memory.
// CHECK-LABEL: ascend.kernel @too_wide
// CHECK: ascend.launch @too_wide_exp
// CHECK: ascend.launch @too_wide_mul
// CHECK-NOT: ascend.launch
tile.kernel @too_wide(%x: !tile.gm<4x65536xf32>, %y: !tile.gm<4x65536xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x65536xf32> -> tensor<4x65536xf32>
  %r = tile.scope "wide" core = #tile.core<vector> -> tensor<4x65536xf32> {
    %e = tile.exp %v : tensor<4x65536xf32>
    %m = tile.mul %e, %v : tensor<4x65536xf32>, tensor<4x65536xf32> -> tensor<4x65536xf32>
    tile.yield %m : tensor<4x65536xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<4x65536xf32>, !tile.gm<4x65536xf32>
  tile.return
}

// -----

// A result that is stored into an output nothing else writes, and also read
// by a later task, lives in that output: no scratch tensor and no copy.
// CHECK-LABEL: ascend.kernel @stored_and_read
// CHECK-SAME: (%[[X:[a-z0-9]+]]: {{.*}}, %[[Q:[a-z0-9]+]]: {{.*}}, %[[Z:[a-z0-9]+]]: {{.*}})
// CHECK-NOT: ascend.alloc_gm
// CHECK: ascend.launch @stored_and_read_fused_q(%[[X]], %[[Q]])
// CHECK-NEXT: ascend.launch @stored_and_read_exp_{{.*}}(%[[Q]], %[[Z]])
// CHECK-NOT: ascend.launch
tile.kernel @stored_and_read(%x: !tile.gm<64x64xf32>, %q: !tile.gm<64x64xf32> {tile.out},
                             %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %r = tile.scope "fused_q" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v : tensor<64x64xf32>
    %n = tile.neg %a : tensor<64x64xf32>
    tile.yield %n : tensor<64x64xf32>
  }
  tile.store %r, %q[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  %e = tile.exp %r : tensor<64x64xf32>
  tile.store %e, %z[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// An operand broadcast over other rows than the scope's token rows ([4, 1, 64]
// against [4, 32, 64]) is read per chunk at the row its broadcast maps the
// chunk to (row / 32), once for both of its uses, as a [1, 64] row; the chunk
// rows divide the 32 rows that read the same operand row.
// CHECK-LABEL: ascend.kernel @middle_rows
// CHECK: ascend.launch @middle_rows_fused(
// CHECK-NOT: ascend.launch
// CHECK-LABEL: ascend.task @middle_rows_fused
// CHECK-SAME: ascend.strategy = #ascend.chunking<rows = [[R:(1|2|4|8|16|32)]]
// CHECK: %[[Q:.*]] = ascend.alloc : !ascend.tile<1x64xf32, ub>
// CHECK: scf.for
// CHECK:   %[[ROW:.*]] = arith.muli %{{.*}}, %c[[R]]
// CHECK:   %[[BATCH:.*]] = arith.divui %[[ROW]], %c32
// CHECK:   ascend.tload %[[Q]], %arg0[%[[BATCH]], %c0] : !ascend.tile<1x64xf32, ub>, !ascend.gm<4x64xf32>
// CHECK:   ascend.tload %[[K:.*]], %arg1[%[[ROW]], %c0]
// CHECK:   ascend.tcolexpandmul %{{.*}}, %[[K]], %[[Q]]
// CHECK:   ascend.texp
// CHECK:   ascend.tcolexpandsub %{{.*}}, %{{.*}}, %[[Q]]
// CHECK-NOT: ascend.tload
// CHECK:   ascend.tstore %arg2[%[[ROW]], %c0]
tile.kernel @middle_rows(%q: !tile.gm<4x1x64xf32>, %k: !tile.gm<4x32x64xf32>, %y: !tile.gm<4x32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %q[%c0, %c0, %c0] : !tile.gm<4x1x64xf32> -> tensor<4x1x64xf32>
  %b = tile.load %k[%c0, %c0, %c0] : !tile.gm<4x32x64xf32> -> tensor<4x32x64xf32>
  %r = tile.scope "fused" core = <vector> -> tensor<4x32x64xf32> {
    %m = tile.mul %a, %b : tensor<4x1x64xf32>, tensor<4x32x64xf32> -> tensor<4x32x64xf32>
    %e = tile.exp %m : tensor<4x32x64xf32>
    %s = tile.sub %e, %a : tensor<4x32x64xf32>, tensor<4x1x64xf32> -> tensor<4x32x64xf32>
    tile.yield %s : tensor<4x32x64xf32>
  }
  tile.store %r, %y[%c0, %c0, %c0] : tensor<4x32x64xf32>, !tile.gm<4x32x64xf32>
  tile.return
}
