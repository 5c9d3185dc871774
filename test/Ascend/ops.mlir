// RUN: tile-opt %s | tile-opt | FileCheck %s
// RUN: tile-opt %s --mlir-print-op-generic | tile-opt | FileCheck %s

// Round trip of every ascend dialect op.

// CHECK-LABEL: ascend.task @vector
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: !ascend.gm<64x128xf32>, %[[Y:[a-z0-9_]+]]: !ascend.gm<64x128xf32>, %[[S:[a-z0-9_]+]]: f32, %[[N:[a-z0-9_]+]]: i32, %[[K:[a-z0-9_]+]]: index)
// CHECK-SAME: attributes {core = #ascend.core<aiv>}
ascend.task @vector(%x: !ascend.gm<64x128xf32>, %y: !ascend.gm<64x128xf32>, %s: f32, %n: i32, %k: index)
    attributes {core = #ascend.core<aiv>} {
  // CHECK: %[[B:.*]] = ascend.block_idx
  // CHECK: %[[D:.*]] = ascend.block_dim
  %b = ascend.block_idx
  %d = ascend.block_dim
  %c0 = arith.constant 0 : index
  // CHECK: %[[T0:.*]] = ascend.alloc : !ascend.tile<16x128xf32, ub>
  // CHECK: %[[T1:.*]] = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x128xf32, ub>
  // CHECK: %[[T2:.*]] = ascend.alloc : !ascend.tile<16x128xf32, ub>
  // CHECK: %[[ROW:.*]] = ascend.alloc : !ascend.tile<16x1xf32, ub>
  // CHECK: %[[BLOCK:.*]] = ascend.alloc : !ascend.tile<16x8xf32, ub>
  // CHECK: %[[COL:.*]] = ascend.alloc : !ascend.tile<1x128xf32, ub>
  %t0 = ascend.alloc : !ascend.tile<16x128xf32, ub>
  %t1 = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x128xf32, ub>
  %t2 = ascend.alloc : !ascend.tile<16x128xf32, ub>
  %row = ascend.alloc : !ascend.tile<16x1xf32, ub>
  %block = ascend.alloc : !ascend.tile<16x8xf32, ub>
  %col = ascend.alloc : !ascend.tile<1x128xf32, ub>
  // CHECK: ascend.tload %[[T0]], %[[X]][%[[B]], %[[C0:.*]]] : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
  ascend.tload %t0, %x[%b, %c0] : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
  // A partial chunk: its first %b rows.
  // CHECK: ascend.tload %[[T0]], %[[X]][%[[B]], %[[C0]]] rows %[[B]] : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
  ascend.tload %t0, %x[%b, %c0] rows %b : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
  // CHECK: ascend.tstore %[[X]][%[[B]], %[[C0]]], %[[T0]] rows %[[B]] : !ascend.gm<64x128xf32>, !ascend.tile<16x128xf32, ub>
  ascend.tstore %x[%b, %c0], %t0 rows %b : !ascend.gm<64x128xf32>, !ascend.tile<16x128xf32, ub>
  // The instructions after it use the first %b rows of t0.
  // CHECK: ascend.set_valid_rows %[[T0]], %[[B]] : !ascend.tile<16x128xf32, ub>
  ascend.set_valid_rows %t0, %b : !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.set_flag <mte2> -> <v>, 0
  ascend.set_flag <mte2> -> <v>, 0
  // CHECK: ascend.wait_flag <mte2> -> <v>, 0
  ascend.wait_flag <mte2> -> <v>, 0
  // CHECK: ascend.tadd %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.tadd %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tsub %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>
  ascend.tsub %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tmul %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>
  ascend.tmul %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tdiv %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>
  ascend.tdiv %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tmax %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>
  ascend.tmax %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tmin %[[T2]], %[[T0]], %[[T1]] : !ascend.tile<16x128xf32, ub>
  ascend.tmin %t2, %t0, %t1 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // The per-row operand is one 32-byte block per row (made by trowexpand).
  // CHECK: ascend.trowexpand %[[BLOCK]], %[[ROW]] : !ascend.tile<16x8xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.trowexpand %block, %row : !ascend.tile<16x8xf32, ub>, !ascend.tile<16x1xf32, ub>
  // CHECK: ascend.trowexpandadd %[[T2]], %[[T0]], %[[BLOCK]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
  ascend.trowexpandadd %t2, %t0, %block : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
  // CHECK: ascend.trowexpandsub %[[T2]], %[[T0]], %[[BLOCK]] : {{.*}}, !ascend.tile<16x8xf32, ub>
  ascend.trowexpandsub %t2, %t0, %block : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
  // CHECK: ascend.trowexpandmul %[[T2]], %[[T0]], %[[BLOCK]] : {{.*}}, !ascend.tile<16x8xf32, ub>
  ascend.trowexpandmul %t2, %t0, %block : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
  // CHECK: ascend.trowexpanddiv %[[T2]], %[[T0]], %[[BLOCK]] : {{.*}}, !ascend.tile<16x8xf32, ub>
  ascend.trowexpanddiv %t2, %t0, %block : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
  // CHECK: ascend.tcolexpandadd %[[T2]], %[[T0]], %[[COL]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
  ascend.tcolexpandadd %t2, %t0, %col : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
  // CHECK: ascend.tcolexpandsub %[[T2]], %[[T0]], %[[COL]] : {{.*}}, !ascend.tile<1x128xf32, ub>
  ascend.tcolexpandsub %t2, %t0, %col : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
  // CHECK: ascend.tcolexpandmul %[[T2]], %[[T0]], %[[COL]] : {{.*}}, !ascend.tile<1x128xf32, ub>
  ascend.tcolexpandmul %t2, %t0, %col : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
  // CHECK: ascend.tcolexpanddiv %[[T2]], %[[T0]], %[[COL]] : {{.*}}, !ascend.tile<1x128xf32, ub>
  ascend.tcolexpanddiv %t2, %t0, %col : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
  // CHECK: ascend.tadds %[[T1]], %[[T0]], %[[S]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  ascend.tadds %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.tsubs %[[T1]], %[[T0]], %[[S]] : {{.*}}, f32
  ascend.tsubs %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.tmuls %[[T1]], %[[T0]], %[[S]] : {{.*}}, f32
  ascend.tmuls %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.tdivs %[[T1]], %[[T0]], %[[S]] : {{.*}}, f32
  ascend.tdivs %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.tmaxs %[[T1]], %[[T0]], %[[S]] : {{.*}}, f32
  ascend.tmaxs %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.tmins %[[T1]], %[[T0]], %[[S]] : {{.*}}, f32
  ascend.tmins %t1, %t0, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.texp %[[T1]], %[[T0]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.texp %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tlog %[[T1]], %[[T0]] :
  ascend.tlog %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tsqrt %[[T1]], %[[T0]] :
  ascend.tsqrt %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trsqrt %[[T1]], %[[T0]] :
  ascend.trsqrt %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trecip %[[T1]], %[[T0]] :
  ascend.trecip %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tabs %[[T1]], %[[T0]] :
  ascend.tabs %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tneg %[[T1]], %[[T0]] :
  ascend.tneg %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // TNEG has i32 forms on both targets.
  // CHECK: ascend.tneg %{{.*}}, %{{.*}} : !ascend.tile<16x128xi32, ub>, !ascend.tile<16x128xi32, ub>
  %i0 = ascend.alloc : !ascend.tile<16x128xi32, ub>
  ascend.tneg %i0, %i0 : !ascend.tile<16x128xi32, ub>, !ascend.tile<16x128xi32, ub>
  // CHECK: ascend.tmov %[[T1]], %[[T0]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.tmov %t1, %t0 : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trowsum %[[ROW]], %[[T0]], %[[T2]] : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.trowsum %row, %t0, %t2 : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trowmax %[[ROW]], %[[T0]], %[[T2]] :
  ascend.trowmax %row, %t0, %t2 : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trowmin %[[ROW]], %[[T0]], %[[T2]] :
  ascend.trowmin %row, %t0, %t2 : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // The scratch needs only the columns a2a3 writes: 512 f32 columns keep 256.
  // CHECK: ascend.trowsum %[[ROW]], %{{.*}}, %{{.*}} : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x512xf32, ub>, !ascend.tile<16x256xf32, ub>
  %wide = ascend.alloc : !ascend.tile<16x512xf32, ub>
  %half = ascend.alloc : !ascend.tile<16x256xf32, ub>
  ascend.trowsum %row, %wide, %half : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x512xf32, ub>, !ascend.tile<16x256xf32, ub>
  // CHECK: ascend.tcolsum %[[COL]], %[[T0]] : !ascend.tile<1x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  ascend.tcolsum %col, %t0 : !ascend.tile<1x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tcolmax %[[COL]], %[[T0]] :
  ascend.tcolmax %col, %t0 : !ascend.tile<1x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.tcolmin %[[COL]], %[[T0]] :
  ascend.tcolmin %col, %t0 : !ascend.tile<1x128xf32, ub>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.trowexpand %[[T1]], %[[ROW]] : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x1xf32, ub>
  ascend.trowexpand %t1, %row : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x1xf32, ub>
  // CHECK: ascend.texpands %[[T1]], %[[S]] : !ascend.tile<16x128xf32, ub>, f32
  ascend.texpands %t1, %s : !ascend.tile<16x128xf32, ub>, f32
  // CHECK: ascend.pipe_barrier <v>
  ascend.pipe_barrier <v>
  // CHECK: ascend.set_flag <v> -> <mte3>, 7
  ascend.set_flag <v> -> <mte3>, 7
  // CHECK: ascend.wait_flag <v> -> <mte3>, 7
  ascend.wait_flag <v> -> <mte3>, 7
  // CHECK: ascend.tstore %[[Y]][%[[B]], %[[C0]]], %[[T1]] : !ascend.gm<64x128xf32>, !ascend.tile<16x128xf32, ub>
  ascend.tstore %y[%b, %c0], %t1 : !ascend.gm<64x128xf32>, !ascend.tile<16x128xf32, ub>
  // CHECK: ascend.return
  ascend.return
}

// Integer and half-precision forms, conversions and gathers.
// CHECK-LABEL: ascend.task @convert
ascend.task @convert(%x: !ascend.gm<16x64xbf16>, %n: i32) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %h = arith.constant 1.5 : f16
  %k = arith.constant 3 : i16
  // CHECK: %[[BF:.*]] = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  // CHECK: %[[F:.*]] = ascend.alloc : !ascend.tile<16x64xf32, ub>
  // CHECK: %[[I:.*]] = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // CHECK: %[[H:.*]] = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // CHECK: %[[Q:.*]] = ascend.alloc : !ascend.tile<16x64xi8, ub>
  // CHECK: %[[S16:.*]] = ascend.alloc : !ascend.tile<16x64xi16, ub>
  // CHECK: %[[HALF:.*]] = ascend.alloc : !ascend.tile<16x32xbf16, ub>
  %bf = ascend.alloc : !ascend.tile<16x64xbf16, ub>
  %f = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %i = ascend.alloc : !ascend.tile<16x64xi32, ub>
  %hh = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %q = ascend.alloc : !ascend.tile<16x64xi8, ub>
  %s16 = ascend.alloc : !ascend.tile<16x64xi16, ub>
  %half = ascend.alloc : !ascend.tile<16x32xbf16, ub>
  ascend.tload %bf, %x[%c0, %c0] : !ascend.tile<16x64xbf16, ub>, !ascend.gm<16x64xbf16>
  // CHECK: ascend.tcvt %[[F]], %[[BF]] {round = #ascend.round<none>} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.tcvt %f, %bf {round = #ascend.round<none>} : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xbf16, ub>
  // CHECK: ascend.tcvt %[[I]], %[[F]] {round = #ascend.round<rint>} : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xf32, ub>
  ascend.tcvt %i, %f {round = #ascend.round<rint>} : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xf32, ub>
  // CHECK: ascend.tcvt %[[H]], %[[I]] {round = #ascend.round<none>} : !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xi32, ub>
  ascend.tcvt %hh, %i {round = #ascend.round<none>} : !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xi32, ub>
  // CHECK: ascend.tcvt %[[Q]], %[[H]] {round = #ascend.round<trunc>, sat = #ascend.sat<on>} : !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xf16, ub>
  ascend.tcvt %q, %hh {round = #ascend.round<trunc>, sat = #ascend.sat<on>} : !ascend.tile<16x64xi8, ub>, !ascend.tile<16x64xf16, ub>
  // CHECK: ascend.tadds %[[I]], %[[I]], %{{.*}} : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xi32, ub>, i32
  ascend.tadds %i, %i, %n : !ascend.tile<16x64xi32, ub>, !ascend.tile<16x64xi32, ub>, i32
  // CHECK: ascend.tmaxs %[[H]], %[[H]], %{{.*}} : !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xf16, ub>, f16
  ascend.tmaxs %hh, %hh, %h : !ascend.tile<16x64xf16, ub>, !ascend.tile<16x64xf16, ub>, f16
  // CHECK: ascend.tadd %[[S16]], %[[S16]], %[[S16]] : !ascend.tile<16x64xi16, ub>
  ascend.tadd %s16, %s16, %s16 : !ascend.tile<16x64xi16, ub>, !ascend.tile<16x64xi16, ub>, !ascend.tile<16x64xi16, ub>
  // CHECK: ascend.tmuls %[[S16]], %[[S16]], %{{.*}} : !ascend.tile<16x64xi16, ub>, !ascend.tile<16x64xi16, ub>, i16
  ascend.tmuls %s16, %s16, %k : !ascend.tile<16x64xi16, ub>, !ascend.tile<16x64xi16, ub>, i16
  // CHECK: ascend.texpands %[[S16]], %{{.*}} : !ascend.tile<16x64xi16, ub>, i16
  ascend.texpands %s16, %k : !ascend.tile<16x64xi16, ub>, i16
  // Copies do not compute: bf16 tiles may be moved and gathered.
  // CHECK: ascend.tgather %[[HALF]], %[[BF]] <even> : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.tgather %half, %bf <even> : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  // CHECK: ascend.tgather %[[HALF]], %[[BF]] <odd> : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.tgather %half, %bf <odd> : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  // CHECK: ascend.tmov %[[BF]], %[[BF]] : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.tmov %bf, %bf : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xbf16, ub>
  ascend.return
}

// The cube path: GM → L1 → L0A/L0B → L0C → GM.
// CHECK-LABEL: ascend.task @cube
// CHECK-SAME: attributes {core = #ascend.core<aic>}
ascend.task @cube(%a: !ascend.gm<64x256xbf16>, %b: !ascend.gm<256x128xbf16>, %c: !ascend.gm<64x128xbf16>)
    attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  // CHECK: %[[A1:.*]] = ascend.alloc : !ascend.tile<64x256xbf16, l1>
  // CHECK: %[[B1:.*]] = ascend.alloc : !ascend.tile<256x128xbf16, l1>
  // CHECK: %[[A0:.*]] = ascend.alloc : !ascend.tile<64x128xbf16, l0a>
  // CHECK: %[[B0:.*]] = ascend.alloc : !ascend.tile<128x128xbf16, l0b>
  // CHECK: %[[ACC:.*]] = ascend.alloc : !ascend.tile<64x128xf32, l0c>
  // CHECK: %[[UB:.*]] = ascend.alloc : !ascend.tile<64x128xf32, ub>
  // CHECK: %[[L1ACC:.*]] = ascend.alloc : !ascend.tile<64x128xf32, l1>
  // CHECK: %[[FULLA:.*]] = ascend.alloc : !ascend.tile<64x256xbf16, l0a>
  // CHECK: %[[FULLB:.*]] = ascend.alloc : !ascend.tile<64x256xbf16, l0b>
  %a1 = ascend.alloc : !ascend.tile<64x256xbf16, l1>
  %b1 = ascend.alloc : !ascend.tile<256x128xbf16, l1>
  %a0 = ascend.alloc : !ascend.tile<64x128xbf16, l0a>
  %b0 = ascend.alloc : !ascend.tile<128x128xbf16, l0b>
  %acc = ascend.alloc : !ascend.tile<64x128xf32, l0c>
  %ub = ascend.alloc : !ascend.tile<64x128xf32, ub>
  %l1acc = ascend.alloc : !ascend.tile<64x128xf32, l1>
  %fulla = ascend.alloc : !ascend.tile<64x256xbf16, l0a>
  %fullb = ascend.alloc : !ascend.tile<64x256xbf16, l0b>
  // CHECK: ascend.tload %[[A1]], %{{.*}}[%[[C0:.*]], %[[C0]]] : !ascend.tile<64x256xbf16, l1>, !ascend.gm<64x256xbf16>
  ascend.tload %a1, %a[%c0, %c0] : !ascend.tile<64x256xbf16, l1>, !ascend.gm<64x256xbf16>
  ascend.tload %b1, %b[%c0, %c0] : !ascend.tile<256x128xbf16, l1>, !ascend.gm<256x128xbf16>
  // CHECK: ascend.textract %[[A0]], %[[A1]][%[[C0]], %[[C32:.*]]] : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
  ascend.textract %a0, %a1[%c0, %c32] : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
  // CHECK: ascend.textract %[[B0]], %[[B1]][%[[C32]], %[[C0]]] : !ascend.tile<128x128xbf16, l0b>, !ascend.tile<256x128xbf16, l1>
  ascend.textract %b0, %b1[%c32, %c0] : !ascend.tile<128x128xbf16, l0b>, !ascend.tile<256x128xbf16, l1>
  // CHECK: ascend.tmov %[[FULLA]], %[[A1]] : !ascend.tile<64x256xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
  ascend.tmov %fulla, %a1 : !ascend.tile<64x256xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
  // CHECK: ascend.tmov %[[FULLB]], %[[A1]] : !ascend.tile<64x256xbf16, l0b>, !ascend.tile<64x256xbf16, l1>
  ascend.tmov %fullb, %a1 : !ascend.tile<64x256xbf16, l0b>, !ascend.tile<64x256xbf16, l1>
  // CHECK: ascend.set_flag <mte1> -> <m>, 1
  ascend.set_flag <mte1> -> <m>, 1
  ascend.wait_flag <mte1> -> <m>, 1
  // CHECK: ascend.tmatmul %[[ACC]], %[[A0]], %[[B0]] : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
  ascend.tmatmul %acc, %a0, %b0 : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
  // CHECK: ascend.tmatmul_acc %[[ACC]], %[[ACC]], %[[A0]], %[[B0]] : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
  ascend.tmatmul_acc %acc, %acc, %a0, %b0 : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
  // CHECK: ascend.pipe_barrier <all>
  ascend.pipe_barrier <all>
  // The fixpipe converts f32 accumulators on the way out of L0C.
  // CHECK: ascend.tstore %{{.*}}[%[[C0]], %[[C0]]], %[[ACC]] : !ascend.gm<64x128xbf16>, !ascend.tile<64x128xf32, l0c>
  ascend.tstore %c[%c0, %c0], %acc : !ascend.gm<64x128xbf16>, !ascend.tile<64x128xf32, l0c>
  // CHECK: ascend.tmov %[[L1ACC]], %[[ACC]] : !ascend.tile<64x128xf32, l1>, !ascend.tile<64x128xf32, l0c>
  ascend.tmov %l1acc, %acc : !ascend.tile<64x128xf32, l1>, !ascend.tile<64x128xf32, l0c>
  // CHECK: ascend.tmov %[[UB]], %[[ACC]] : !ascend.tile<64x128xf32, ub>, !ascend.tile<64x128xf32, l0c>
  ascend.tmov %ub, %acc : !ascend.tile<64x128xf32, ub>, !ascend.tile<64x128xf32, l0c>
  ascend.return
}

// A transposed load: the [64, 128] window of Bᵀ as a [128, 64] L1 tile in ZN order.
// CHECK-LABEL: ascend.task @transposed_load
ascend.task @transposed_load(%bt: !ascend.gm<256x128xbf16>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  // CHECK: %[[B1:.*]] = ascend.alloc : !ascend.tile<128x64xbf16, l1, zn>
  %b1 = ascend.alloc : !ascend.tile<128x64xbf16, l1, zn>
  %b0 = ascend.alloc : !ascend.tile<128x64xbf16, l0b>
  // CHECK: ascend.tload %[[B1]], %{{.*}}[%{{.*}}, %{{.*}}] {transpose} : !ascend.tile<128x64xbf16, l1, zn>, !ascend.gm<256x128xbf16>
  ascend.tload %b1, %bt[%c64, %c0] {transpose} : !ascend.tile<128x64xbf16, l1, zn>, !ascend.gm<256x128xbf16>
  // CHECK: ascend.tmov %{{.*}}, %[[B1]] : !ascend.tile<128x64xbf16, l0b>, !ascend.tile<128x64xbf16, l1, zn>
  ascend.tmov %b0, %b1 : !ascend.tile<128x64xbf16, l0b>, !ascend.tile<128x64xbf16, l1, zn>
  ascend.return
}

// CHECK-LABEL: ascend.task @transpose
ascend.task @transpose() attributes {core = #ascend.core<aiv>} {
  %s = ascend.alloc : !ascend.tile<16x64xf32, ub>
  %d = ascend.alloc : !ascend.tile<64x16xf32, ub>
  %t = ascend.alloc : !ascend.tile<64x16xf32, ub>
  // CHECK: ascend.ttrans %{{.*}}, %{{.*}}, %{{.*}} : !ascend.tile<64x16xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<64x16xf32, ub>
  ascend.ttrans %d, %s, %t : !ascend.tile<64x16xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<64x16xf32, ub>
  ascend.return
}

// A window over the leading dimensions of a rank-3 tensor: 4 × 8 = 32 rows.
// CHECK-LABEL: ascend.task @windows
ascend.task @windows(%x: !ascend.gm<16x8x64xf16>, %y: !ascend.gm<16x8x64xf16>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %t = ascend.alloc : !ascend.tile<32x64xf16, ub>
  // CHECK: ascend.tload %{{.*}}, %{{.*}}[%[[C4:.*]], %[[C0:.*]], %[[C0]]] {window = array<i64: 4, 8>} : !ascend.tile<32x64xf16, ub>, !ascend.gm<16x8x64xf16>
  ascend.tload %t, %x[%c4, %c0, %c0] {window = array<i64: 4, 8>} : !ascend.tile<32x64xf16, ub>, !ascend.gm<16x8x64xf16>
  // CHECK: ascend.tstore %{{.*}}[%[[C4]], %[[C0]], %[[C0]]], %{{.*}} {window = array<i64: 4, 8>} : !ascend.gm<16x8x64xf16>, !ascend.tile<32x64xf16, ub>
  ascend.tstore %y[%c4, %c0, %c0], %t {window = array<i64: 4, 8>} : !ascend.gm<16x8x64xf16>, !ascend.tile<32x64xf16, ub>
  ascend.return
}

// Host side: reshape global tensors, allocate scratch ones and launch tasks in order.
// CHECK-LABEL: ascend.kernel @host
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: !ascend.gm<4x16x128xf32>, %[[Y:[a-z0-9_]+]]: !ascend.gm<64x128xf32> {ascend.out})
ascend.kernel @host(%x: !ascend.gm<4x16x128xf32>, %y: !ascend.gm<64x128xf32> {ascend.out}) {
  // CHECK: %[[X2:.*]] = ascend.gm_reshape %[[X]] : !ascend.gm<4x16x128xf32> -> !ascend.gm<64x128xf32>
  %x2 = ascend.gm_reshape %x : !ascend.gm<4x16x128xf32> -> !ascend.gm<64x128xf32>
  // CHECK: %[[TMP:.*]] = ascend.alloc_gm : !ascend.gm<64x128xbf16>
  %tmp = ascend.alloc_gm : !ascend.gm<64x128xbf16>
  %s = arith.constant 2.0 : f32
  %n = arith.constant 3 : i32
  %k = arith.constant 5 : index
  // CHECK: ascend.launch @vector(%[[X2]], %[[Y]], %[[S:.*]], %[[N:.*]], %[[K:.*]]) blocks = 4 : (!ascend.gm<64x128xf32>, !ascend.gm<64x128xf32>, f32, i32, index) -> ()
  ascend.launch @vector(%x2, %y, %s, %n, %k) blocks = 4 : (!ascend.gm<64x128xf32>, !ascend.gm<64x128xf32>, f32, i32, index) -> ()
  // CHECK: ascend.launch @empty() blocks = 1 : () -> ()
  ascend.launch @empty() blocks = 1 : () -> ()
  // CHECK: ascend.launch @scratch(%[[TMP]]) blocks = 2 : (!ascend.gm<64x128xbf16>) -> ()
  ascend.launch @scratch(%tmp) blocks = 2 : (!ascend.gm<64x128xbf16>) -> ()
  ascend.return
}

// Data-dependent addressing on the scalar unit and gathers by an index tile.
// CHECK-LABEL: ascend.task @indexed
// CHECK-SAME: (%[[POS:[a-z0-9_]+]]: !ascend.gm<128xi32>, %[[W:[a-z0-9_]+]]: !ascend.gm<4x8xf32>)
ascend.task @indexed(%pos: !ascend.gm<128xi32>, %w: !ascend.gm<4x8xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  // CHECK: ascend.scalar_load %[[POS]][%[[C3:.*]]] : !ascend.gm<128xi32> -> i32
  %i = ascend.scalar_load %pos[%c3] : !ascend.gm<128xi32> -> i32
  // CHECK: ascend.scalar_load %[[W]][%[[C0:.*]], %[[C3]]] : !ascend.gm<4x8xf32> -> f32
  %f = ascend.scalar_load %w[%c0, %c3] : !ascend.gm<4x8xf32> -> f32
  // CHECK: %[[D:.*]] = ascend.alloc : !ascend.tile<8x64xf16, ub>
  // CHECK: %[[S:.*]] = ascend.alloc : !ascend.tile<16x64xf16, ub>
  // CHECK: %[[IDX:.*]] = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // CHECK: %[[TMP:.*]] = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %d = ascend.alloc : !ascend.tile<8x64xf16, ub>
  %s = ascend.alloc : !ascend.tile<16x64xf16, ub>
  %idx = ascend.alloc : !ascend.tile<8x64xi32, ub>
  %tmp = ascend.alloc : !ascend.tile<8x64xi32, ub>
  // CHECK: ascend.tgather_index %[[D]], %[[S]][%[[IDX]]], %[[TMP]] : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xi32, ub>
  ascend.tgather_index %d, %s[%idx], %tmp : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xi32, ub>
  ascend.return
}

// Column windows within UB: the fused RoPE takes its columns out and puts the
// rotated pairs back.
// CHECK-LABEL: ascend.task @ub_windows
ascend.task @ub_windows() attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c448 = arith.constant 448 : index
  // CHECK: %[[ROW:.*]] = ascend.alloc : !ascend.tile<2x512xf32, ub>
  // CHECK: %[[TAIL:.*]] = ascend.alloc : !ascend.tile<2x64xf32, ub>
  %row = ascend.alloc : !ascend.tile<2x512xf32, ub>
  %tail = ascend.alloc : !ascend.tile<2x64xf32, ub>
  // CHECK: ascend.textract %[[TAIL]], %[[ROW]][%[[C0:.*]], %[[C448:.*]]] : !ascend.tile<2x64xf32, ub>, !ascend.tile<2x512xf32, ub>
  ascend.textract %tail, %row[%c0, %c448] : !ascend.tile<2x64xf32, ub>, !ascend.tile<2x512xf32, ub>
  // CHECK: ascend.tinsert %[[ROW]], %[[TAIL]][%[[C0]], %[[C448]]] : !ascend.tile<2x512xf32, ub>, !ascend.tile<2x64xf32, ub>
  ascend.tinsert %row, %tail[%c0, %c448] : !ascend.tile<2x512xf32, ub>, !ascend.tile<2x64xf32, ub>
  ascend.return
}

// CHECK-LABEL: ascend.kernel @constants
ascend.kernel @constants() {
  // CHECK: ascend.gm_constant dense<[0, 2, 1, 3]> : tensor<4xi32> : !ascend.gm<4xi32>
  %t = ascend.gm_constant dense<[0, 2, 1, 3]> : tensor<4xi32> : !ascend.gm<4xi32>
  // CHECK: ascend.gm_constant dense<5.000000e-01> : tensor<2x8xbf16> : !ascend.gm<2x8xbf16>
  %h = ascend.gm_constant dense<0.5> : tensor<2x8xbf16> : !ascend.gm<2x8xbf16>
  ascend.return
}

// CHECK-LABEL: ascend.task @empty()
// CHECK-SAME: attributes {core = #ascend.core<aic>}
// CHECK-NEXT: ascend.return
ascend.task @empty() attributes {core = #ascend.core<aic>} {
  ascend.return
}

// CHECK-LABEL: ascend.task @scratch(%{{.*}}: !ascend.gm<64x128xbf16>)
ascend.task @scratch(%t: !ascend.gm<64x128xbf16>) attributes {core = #ascend.core<aiv>} {
  ascend.return
}
