// RUN: tile-opt %s -split-input-file --tile-form-tasks --tile-place-gm --convert-tile-to-ascend --canonicalize --cse | FileCheck %s

// The cube task a matmul's blocking describes (CubeTasks.cpp), the
// blockings given here (tile-select-strategy's choices are tested in
// select-strategy.mlir).

// A matmul is a cube task: the first K step with TMATMUL, the rest
// accumulating, the block stored from L0C. Blocks of 64 × 64 (16 work
// items). A's
// [64, 1024] row panel stays in L1 and every step takes its L0A window from
// it (textract); B's chunks alternate between two L1 buffers (stages 0 and
// 1, which never share bytes) and the steps between two pairs of L0 buffers.
// CHECK-LABEL: ascend.kernel @mm
// CHECK: ascend.launch @mm_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg2) blocks = 16
// CHECK-LABEL: ascend.task @mm_matmul_l
// CHECK-SAME: core = #ascend.core<aic>
// CHECK-DAG: %[[PANEL:.*]] = ascend.alloc : !ascend.tile<64x1024xbf16, l1>
// CHECK-DAG: %[[C:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<64x64xf32, l0c>
// CHECK-DAG: %[[B0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<256x64xbf16, l1>
// CHECK-DAG: %[[LA0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<64x256xbf16, l0a>
// CHECK-DAG: %[[LB0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<256x64xbf16, l0b>
// CHECK-DAG: %[[B1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<256x64xbf16, l1>
// CHECK-DAG: %[[LA1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<64x256xbf16, l0a>
// CHECK-DAG: %[[LB1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<256x64xbf16, l0b>
// CHECK: scf.for
// CHECK:   ascend.tload %[[PANEL]], %arg0[%{{.*}}, %c0]
// CHECK:   ascend.tload %[[B0]], %arg1[%c0, %[[COL:.*]]] :
// CHECK:   ascend.textract %[[LA0]], %[[PANEL]][%c0, %c0]
// CHECK:   ascend.tmov %[[LB0]], %[[B0]]
// CHECK:   ascend.tmatmul %[[C]], %[[LA0]], %[[LB0]]
// CHECK:   ascend.tload %[[B1]], %arg1[%c256, %[[COL]]]
// CHECK:   ascend.textract %[[LA1]], %[[PANEL]][%c0, %c256]
// CHECK:   ascend.tmov %[[LB1]], %[[B1]]
// CHECK:   ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]], %[[LB1]]
// CHECK:   ascend.tload %[[B0]], %arg1[%c512, %[[COL]]]
// CHECK:   ascend.tmatmul_acc %[[C]], %[[C]], %[[LA0]], %[[LB0]]
// CHECK:   ascend.tload %[[B1]], %arg1[%c768, %[[COL]]]
// CHECK:   ascend.tmatmul_acc %[[C]], %[[C]], %[[LA1]], %[[LB1]]
// CHECK:   ascend.tstore %arg2[{{.*}}], %[[C]] : !ascend.gm<256x256xf32>, !ascend.tile<64x64xf32, l0c>
tile.kernel @mm(%a: !tile.gm<256x1024xbf16>, %b: !tile.gm<1024x256xbf16>, %c: !tile.gm<256x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<256x1024xbf16> -> tensor<256x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x256xbf16> -> tensor<1024x256xbf16>
  %r = tile.matmul %ta, %tb {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 256, chunk = 256, panel = true, accumulators = 2, length = 1>} : tensor<256x1024xbf16>, tensor<1024x256xbf16> -> tensor<256x256xf32>
  tile.store %r, %c[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 256>]} : tensor<256x256xf32>, !tile.gm<256x256xf32>
  tile.return
}

// -----

// More N blocks than cube cores: 80 blocks of 16 × 80 in work items of 7
// consecutive N blocks (12 items, the last one shorter), each loading the A
// panel once. The blocks go in pairs on the
// two accumulators (the fixpipe stores one while the cube fills the other),
// then a last block if the segment has one left. B's L1 chunks are two K
// steps deep; each step takes its L0B window from the chunk (textract).
// CHECK-LABEL: ascend.launch @seg_matmul_l{{[0-9]+}}(%arg0, %arg1, %arg2) blocks = 12
// CHECK-LABEL: ascend.task @seg_matmul_l
// CHECK-DAG: %[[PANEL:.*]] = ascend.alloc : !ascend.tile<16x1024xbf16, l1>
// CHECK-DAG: %[[C0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<16x80xf32, l0c>
// CHECK-DAG: %[[B0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<256x80xbf16, l1>
// CHECK-DAG: %[[LB0:.*]] = ascend.alloc {stage = 0 : i64} : !ascend.tile<128x80xbf16, l0b>
// CHECK-DAG: %[[LB1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<128x80xbf16, l0b>
// CHECK-DAG: %[[C1:.*]] = ascend.alloc {stage = 1 : i64} : !ascend.tile<16x80xf32, l0c>
// CHECK: scf.for %[[ITEM:.*]] = %{{.*}} to %c12 step %{{.*}} {
// CHECK:   %[[SEG:.*]] = arith.remui %[[ITEM]], %c12
// CHECK:   %[[FIRST:.*]] = arith.muli %[[SEG]], %c560
// CHECK:   ascend.tload %[[PANEL]], %arg0[%{{.*}}, %c0] : !ascend.tile<16x1024xbf16, l1>
// CHECK:   %[[END:.*]] = arith.addi %[[FIRST]], %c560
// CHECK:   %[[LAST:.*]] = arith.minui %[[END]], %c6400
// CHECK:   %[[PAIRS:.*]] = arith.addi %[[FIRST]], %{{.*}}
// CHECK:   scf.for %[[COL:.*]] = %[[FIRST]] to %[[PAIRS]] step %c160 {
// CHECK-NOT:   %arg0
// CHECK:     ascend.tload %[[B0]], %arg1[%c0, %[[COL]]]
// CHECK:     ascend.textract %[[LB0]], %[[B0]][%c0, %c0]
// CHECK:     ascend.tmatmul %[[C0]],
// CHECK:     ascend.textract %[[LB1]], %[[B0]][%c128, %c0]
// CHECK:     ascend.tmatmul_acc %[[C0]],
// CHECK:     ascend.tstore %arg2[%{{.*}}, %[[COL]]], %[[C0]]
// CHECK:     %[[NEXT:.*]] = arith.addi %[[COL]], %c80
// CHECK:     ascend.tmatmul %[[C1]],
// CHECK:     ascend.tstore %arg2[%{{.*}}, %[[NEXT]]], %[[C1]]
// CHECK:   }
// CHECK:   scf.for %[[TAIL:.*]] = %[[PAIRS]] to %[[LAST]] step %c80 {
// CHECK:     ascend.tstore %arg2[%{{.*}}, %[[TAIL]]], %[[C0]]
// CHECK:   }
// CHECK: }
tile.kernel @seg(%a: !tile.gm<16x1024xbf16>, %b: !tile.gm<1024x6400xbf16>, %c: !tile.gm<16x6400xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x1024xbf16> -> tensor<16x1024xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<1024x6400xbf16> -> tensor<1024x6400xbf16>
  %r = tile.matmul %ta, %tb {ascend.strategy = #ascend.blocking<m = 16, n = 80, k = 128, chunk = 256, panel = true, accumulators = 2, length = 7>} : tensor<16x1024xbf16>, tensor<1024x6400xbf16> -> tensor<16x6400xf32>
  tile.store %r, %c[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 2, cols = 6400>]} : tensor<16x6400xf32>, !tile.gm<16x6400xf32>
  tile.return
}

