// RUN: tile-opt %s | tile-opt | FileCheck %s
// RUN: tile-opt %s --mlir-print-op-generic | tile-opt | FileCheck %s

// Round trip of every tile dialect op: the custom form prints back as
// written, and the generic form parses back to the same custom form.

// CHECK-LABEL: tile.kernel @memory
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: !tile.gm<128x4096xbf16>, %[[POS:[a-z0-9_]+]]: !tile.gm<64xi32>, %[[COS:[a-z0-9_]+]]: !tile.gm<8192x64xbf16>, %[[Y:[a-z0-9_]+]]: !tile.gm<128x4096xbf16> {tile.out})
tile.kernel @memory(%x: !tile.gm<128x4096xbf16>, %pos: !tile.gm<64xi32>,
                    %cos: !tile.gm<8192x64xbf16>, %y: !tile.gm<128x4096xbf16> {tile.out}) {
  // CHECK: %[[C0:.*]] = arith.constant 0 : index
  // CHECK: %[[C64:.*]] = arith.constant 64 : index
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  // CHECK: %[[T:.*]] = tile.load %[[X]][%[[C64]], %[[C0]]] : !tile.gm<128x4096xbf16> -> tensor<64x4096xbf16>
  %t = tile.load %x[%c64, %c0] : !tile.gm<128x4096xbf16> -> tensor<64x4096xbf16>
  // CHECK: %[[P:.*]] = tile.load %[[POS]][%[[C0]]] : !tile.gm<64xi32> -> tensor<64xi32>
  %p = tile.load %pos[%c0] : !tile.gm<64xi32> -> tensor<64xi32>
  // CHECK: %[[R:.*]] = tile.load_rows %[[COS]][%[[P]]], %[[C0]] : !tile.gm<8192x64xbf16>, tensor<64xi32> -> tensor<64x32xbf16>
  %r = tile.load_rows %cos[%p], %c0 : !tile.gm<8192x64xbf16>, tensor<64xi32> -> tensor<64x32xbf16>
  // CHECK: %[[S:.*]] = tile.alloc_gm : !tile.gm<64x32xbf16>
  %s = tile.alloc_gm : !tile.gm<64x32xbf16>
  // CHECK: tile.store %[[R]], %[[S]][%[[C0]], %[[C0]]] : tensor<64x32xbf16>, !tile.gm<64x32xbf16>
  tile.store %r, %s[%c0, %c0] : tensor<64x32xbf16>, !tile.gm<64x32xbf16>
  // CHECK: tile.store %[[T]], %[[Y]][%[[C0]], %[[C0]]] : tensor<64x4096xbf16>, !tile.gm<128x4096xbf16>
  tile.store %t, %y[%c0, %c0] : tensor<64x4096xbf16>, !tile.gm<128x4096xbf16>
  // CHECK: tile.return
  tile.return
}

// CHECK-LABEL: tile.kernel @views
// CHECK-SAME: (%[[X:[a-z0-9_]+]]: !tile.gm<16x64xf32>, %[[I:[a-z0-9_]+]]: i32, %[[F:[a-z0-9_]+]]: f32, %[[Y:[a-z0-9_]+]]: !tile.gm<16x64xf32> {tile.out})
tile.kernel @views(%x: !tile.gm<16x64xf32>, %i: i32, %f: f32, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[SL:.*]] = tile.slice %[[T:.*]][%[[C8:.*]], %[[C0:.*]]] : tensor<16x64xf32> -> tensor<8x64xf32>
  %sl = tile.slice %t[%c8, %c0] : tensor<16x64xf32> -> tensor<8x64xf32>
  // CHECK: %[[INS:.*]] = tile.insert %[[SL]] into %[[T]][%[[C0]], %[[C0]]] : tensor<8x64xf32> into tensor<16x64xf32>
  %ins = tile.insert %sl into %t[%c0, %c0] : tensor<8x64xf32> into tensor<16x64xf32>
  // CHECK: %[[RS:.*]] = tile.reshape %[[INS]] : tensor<16x64xf32> -> tensor<2x8x64xf32>
  %rs = tile.reshape %ins : tensor<16x64xf32> -> tensor<2x8x64xf32>
  // CHECK: %[[BACK:.*]] = tile.reshape %[[RS]] : tensor<2x8x64xf32> -> tensor<16x64xf32>
  %back = tile.reshape %rs : tensor<2x8x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[FULL:.*]] = tile.full 5.000000e-01 : f32 : tensor<1x64xf32>
  %full = tile.full 5.000000e-01 : f32 : tensor<1x64xf32>
  // CHECK: %[[IFULL:.*]] = tile.full 3 : i32 : tensor<4x8xi32>
  %ifull = tile.full 3 : i32 : tensor<4x8xi32>
  // CHECK: %[[BC:.*]] = tile.broadcast %[[FULL]] : tensor<1x64xf32> -> tensor<16x64xf32>
  %bc = tile.broadcast %full : tensor<1x64xf32> -> tensor<16x64xf32>
  // CHECK: tile.add %[[BACK]], %[[BC]] : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  %add = tile.add %back, %bc : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  // CHECK: tile.add %[[IFULL]], %[[I]] : tensor<4x8xi32>, i32 -> tensor<4x8xi32>
  %iadd = tile.add %ifull, %i : tensor<4x8xi32>, i32 -> tensor<4x8xi32>
  tile.store %add, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// CHECK-LABEL: tile.kernel @elementwise
tile.kernel @elementwise(%x: !tile.gm<16x64xf32>, %f: f32, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  // CHECK: %[[A:.*]] = tile.load
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[COL:.*]] = tile.row_sum %[[A]] : tensor<16x64xf32> -> tensor<16x1xf32>
  %col = tile.row_sum %a : tensor<16x64xf32> -> tensor<16x1xf32>
  // Broadcasting operands: [16, 64] with [16, 1], a scalar on either side.
  // CHECK: %[[SUB:.*]] = tile.sub %[[A]], %[[COL]] : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xf32>
  %sub = tile.sub %a, %col : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xf32>
  // CHECK: %[[MUL:.*]] = tile.mul %[[F:.*]], %[[SUB]] : f32, tensor<16x64xf32> -> tensor<16x64xf32>
  %mul = tile.mul %f, %sub : f32, tensor<16x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[DIV:.*]] = tile.div %[[MUL]], %[[F]] : tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  %div = tile.div %mul, %f : tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  // CHECK: %[[MAX:.*]] = tile.max %[[DIV]], %[[A]] : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  %max = tile.max %div, %a : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[MIN:.*]] = tile.min %[[MAX]], %[[F]] : tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  %min = tile.min %max, %f : tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  // CHECK: %[[NEG:.*]] = tile.neg %[[MIN]] : tensor<16x64xf32>
  %neg = tile.neg %min : tensor<16x64xf32>
  // CHECK: %[[ABS:.*]] = tile.abs %[[NEG]] : tensor<16x64xf32>
  %abs = tile.abs %neg : tensor<16x64xf32>
  // CHECK: %[[EXP:.*]] = tile.exp %[[ABS]] : tensor<16x64xf32>
  %exp = tile.exp %abs : tensor<16x64xf32>
  // CHECK: %[[LOG:.*]] = tile.log %[[EXP]] : tensor<16x64xf32>
  %log = tile.log %exp : tensor<16x64xf32>
  // CHECK: %[[SQRT:.*]] = tile.sqrt %[[LOG]] : tensor<16x64xf32>
  %sqrt = tile.sqrt %log : tensor<16x64xf32>
  // CHECK: %[[RSQRT:.*]] = tile.rsqrt %[[SQRT]] : tensor<16x64xf32>
  %rsqrt = tile.rsqrt %sqrt : tensor<16x64xf32>
  // CHECK: %[[RECIP:.*]] = tile.recip %[[RSQRT]] : tensor<16x64xf32>
  %recip = tile.recip %rsqrt : tensor<16x64xf32>
  tile.store %recip, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// Integer tensors take neg and abs (and the binary ops) too.
// CHECK-LABEL: tile.kernel @integer_elementwise
tile.kernel @integer_elementwise(%x: !tile.gm<8x32xi32>, %y: !tile.gm<8x32xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<8x32xi32> -> tensor<8x32xi32>
  // CHECK: %[[N:.*]] = tile.neg %{{.*}} : tensor<8x32xi32>
  %n = tile.neg %a : tensor<8x32xi32>
  // CHECK: tile.abs %[[N]] : tensor<8x32xi32>
  %b = tile.abs %n : tensor<8x32xi32>
  tile.store %b, %y[%c0, %c0] : tensor<8x32xi32>, !tile.gm<8x32xi32>
  tile.return
}

// Every round mode and both saturation settings; widening casts need none.
// CHECK-LABEL: tile.kernel @casts
tile.kernel @casts(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<rint>} : tensor<16x64xf32> -> tensor<16x64xbf16>
  %b = tile.cast %a {round = #tile.round<rint>} : tensor<16x64xf32> -> tensor<16x64xbf16>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<round>} : tensor<16x64xf32> -> tensor<16x64xf16>
  %h = tile.cast %a {round = #tile.round<round>} : tensor<16x64xf32> -> tensor<16x64xf16>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<floor>} : tensor<16x64xf32> -> tensor<16x64xi32>
  %i = tile.cast %a {round = #tile.round<floor>} : tensor<16x64xf32> -> tensor<16x64xi32>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<ceil>, sat = #tile.sat<on>} : tensor<16x64xf16> -> tensor<16x64xi8>
  %q = tile.cast %h {round = #tile.round<ceil>, sat = #tile.sat<on>} : tensor<16x64xf16> -> tensor<16x64xi8>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<trunc>, sat = #tile.sat<off>} : tensor<16x64xf16> -> tensor<16x64xi8>
  %q2 = tile.cast %h {round = #tile.round<trunc>, sat = #tile.sat<off>} : tensor<16x64xf16> -> tensor<16x64xi8>
  // CHECK: tile.cast %{{.*}} {round = #tile.round<odd>} : tensor<16x64xf32> -> tensor<16x64xbf16>
  %o = tile.cast %a {round = #tile.round<odd>} : tensor<16x64xf32> -> tensor<16x64xbf16>
  // The default `none` is not printed.
  // CHECK: tile.cast %{{.*}} : tensor<16x64xbf16> -> tensor<16x64xf32>
  %w = tile.cast %b {round = #tile.round<none>} : tensor<16x64xbf16> -> tensor<16x64xf32>
  // CHECK: tile.cast %{{.*}} : tensor<16x64xi8> -> tensor<16x64xf16>
  %wi = tile.cast %q : tensor<16x64xi8> -> tensor<16x64xf16>
  // CHECK: tile.cast %{{.*}} {sat = #tile.sat<on>} : tensor<16x64xi32> -> tensor<16x64xi8>
  %n = tile.cast %i {sat = #tile.sat<on>} : tensor<16x64xi32> -> tensor<16x64xi8>
  tile.return
}

// CHECK-LABEL: tile.kernel @reductions
tile.kernel @reductions(%x: !tile.gm<16x64xf16>, %n: !tile.gm<16x64xi32>) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xf16> -> tensor<16x64xf16>
  %b = tile.load %n[%c0, %c0] : !tile.gm<16x64xi32> -> tensor<16x64xi32>
  // CHECK: tile.row_sum %{{.*}} : tensor<16x64xf16> -> tensor<16x1xf16>
  %0 = tile.row_sum %a : tensor<16x64xf16> -> tensor<16x1xf16>
  // CHECK: tile.row_max %{{.*}} : tensor<16x64xf16> -> tensor<16x1xf16>
  %1 = tile.row_max %a : tensor<16x64xf16> -> tensor<16x1xf16>
  // CHECK: tile.row_min %{{.*}} : tensor<16x64xi32> -> tensor<16x1xi32>
  %2 = tile.row_min %b : tensor<16x64xi32> -> tensor<16x1xi32>
  // CHECK: tile.col_sum %{{.*}} : tensor<16x64xf16> -> tensor<1x64xf16>
  %3 = tile.col_sum %a : tensor<16x64xf16> -> tensor<1x64xf16>
  // CHECK: tile.col_max %{{.*}} : tensor<16x64xi32> -> tensor<1x64xi32>
  %4 = tile.col_max %b : tensor<16x64xi32> -> tensor<1x64xi32>
  // CHECK: tile.col_min %{{.*}} : tensor<16x64xf16> -> tensor<1x64xf16>
  %5 = tile.col_min %a : tensor<16x64xf16> -> tensor<1x64xf16>
  tile.return
}

// CHECK-LABEL: tile.kernel @matmul
tile.kernel @matmul(%a: !tile.gm<64x512xbf16>, %b: !tile.gm<512x256xbf16>,
                    %qa: !tile.gm<64x512xi8>, %qb: !tile.gm<512x256xi8>) {
  %c0 = arith.constant 0 : index
  // CHECK: %[[A:.*]] = tile.load %{{.*}} -> tensor<64x512xbf16>
  // CHECK: %[[B:.*]] = tile.load %{{.*}} -> tensor<512x256xbf16>
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x512xbf16> -> tensor<64x512xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<512x256xbf16> -> tensor<512x256xbf16>
  // CHECK: %[[C:.*]] = tile.matmul %[[A]], %[[B]] : tensor<64x512xbf16>, tensor<512x256xbf16> -> tensor<64x256xf32>
  %c = tile.matmul %ta, %tb : tensor<64x512xbf16>, tensor<512x256xbf16> -> tensor<64x256xf32>
  // CHECK: tile.matmul %[[A]], %[[B]] acc %[[C]] : tensor<64x512xbf16>, tensor<512x256xbf16>, tensor<64x256xf32> -> tensor<64x256xf32>
  %d = tile.matmul %ta, %tb acc %c : tensor<64x512xbf16>, tensor<512x256xbf16>, tensor<64x256xf32> -> tensor<64x256xf32>
  %qta = tile.load %qa[%c0, %c0] : !tile.gm<64x512xi8> -> tensor<64x512xi8>
  %qtb = tile.load %qb[%c0, %c0] : !tile.gm<512x256xi8> -> tensor<512x256xi8>
  // CHECK: tile.matmul %{{.*}}, %{{.*}} : tensor<64x512xi8>, tensor<512x256xi8> -> tensor<64x256xi32>
  %qc = tile.matmul %qta, %qtb : tensor<64x512xi8>, tensor<512x256xi8> -> tensor<64x256xi32>
  // B given as Bᵀ: [N, K] = [64, 512].
  // CHECK: tile.matmul %[[A]], %{{.*}} {transpose_b} : tensor<64x512xbf16>, tensor<64x512xbf16> -> tensor<64x64xf32>
  %t = tile.matmul %ta, %ta {transpose_b} : tensor<64x512xbf16>, tensor<64x512xbf16> -> tensor<64x64xf32>
  tile.return
}

// CHECK-LABEL: tile.kernel @transpose
tile.kernel @transpose(%x: !tile.gm<16x64xi8>) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xi8> -> tensor<16x64xi8>
  // CHECK: tile.transpose %{{.*}} : tensor<16x64xi8> -> tensor<64x16xi8>
  %t = tile.transpose %a : tensor<16x64xi8> -> tensor<64x16xi8>
  tile.return
}

// CHECK-LABEL: tile.kernel @gathers
tile.kernel @gathers(%x: !tile.gm<16x64xbf16>) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xbf16> -> tensor<16x64xbf16>
  // CHECK: %[[E:.*]] = tile.gather %{{.*}} <even> : tensor<16x64xbf16> -> tensor<16x32xbf16>
  %e = tile.gather %a <even> : tensor<16x64xbf16> -> tensor<16x32xbf16>
  // CHECK: %[[O:.*]] = tile.gather %{{.*}} <odd> : tensor<16x64xbf16> -> tensor<16x32xbf16>
  %o = tile.gather %a <odd> : tensor<16x64xbf16> -> tensor<16x32xbf16>
  // CHECK: tile.interleave %[[E]], %[[O]] : tensor<16x32xbf16> -> tensor<16x64xbf16>
  %i = tile.interleave %e, %o : tensor<16x32xbf16> -> tensor<16x64xbf16>
  tile.return
}

// CHECK-LABEL: tile.kernel @composites
tile.kernel @composites(%x: !tile.gm<16x128xbf16>, %g: !tile.gm<128xbf16>,
                        %cs: !tile.gm<16x32xf32>, %sn: !tile.gm<16x32xf32>) {
  %c0 = arith.constant 0 : index
  // CHECK: %[[X:.*]] = tile.load %{{.*}} -> tensor<16x128xbf16>
  // CHECK: %[[G:.*]] = tile.load %{{.*}} -> tensor<128xbf16>
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x128xbf16> -> tensor<16x128xbf16>
  %gamma = tile.load %g[%c0] : !tile.gm<128xbf16> -> tensor<128xbf16>
  %cos = tile.load %cs[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %sin = tile.load %sn[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  // CHECK: tile.rms_norm %[[X]], %[[G]] {eps = 9.99999997E-7 : f32} : tensor<16x128xbf16>, tensor<128xbf16> -> tensor<16x128xf32>
  %n = tile.rms_norm %a, %gamma {eps = 1.0e-6 : f32} : tensor<16x128xbf16>, tensor<128xbf16> -> tensor<16x128xf32>
  // CHECK: %[[N:.*]] = tile.rms_norm %[[X]] {eps = 0.000000e+00 : f32} : tensor<16x128xbf16> -> tensor<16x128xf32>
  %n2 = tile.rms_norm %a {eps = 0.0 : f32} : tensor<16x128xbf16> -> tensor<16x128xf32>
  // CHECK: %[[QV:.*]], %[[QS:.*]] = tile.quant_int8 %[[N]] {amax_eps = 9.99999974E-5 : f32, scale_max = 1.270000e+02 : f32} : tensor<16x128xf32> -> tensor<16x128xi8>, tensor<16x1xf32>
  %q:2 = tile.quant_int8 %n2 {scale_max = 127.0 : f32, amax_eps = 1.0e-4 : f32} : tensor<16x128xf32> -> tensor<16x128xi8>, tensor<16x1xf32>
  // CHECK: tile.rope %[[N]], %{{.*}}, %{{.*}} {offset = 64 : i64} : tensor<16x128xf32>, tensor<16x32xf32>, tensor<16x32xf32> -> tensor<16x128xf32>
  %r = tile.rope %n2, %cos, %sin {offset = 64 : i64} : tensor<16x128xf32>, tensor<16x32xf32>, tensor<16x32xf32> -> tensor<16x128xf32>
  // CHECK: tile.sigmoid %[[X]] : tensor<16x128xbf16> -> tensor<16x128xf32>
  %s = tile.sigmoid %a : tensor<16x128xbf16> -> tensor<16x128xf32>
  // CHECK: tile.silu %[[X]] : tensor<16x128xbf16> -> tensor<16x128xf32>
  %si = tile.silu %a : tensor<16x128xbf16> -> tensor<16x128xf32>
  // CHECK: tile.gelu %[[N]] : tensor<16x128xf32> -> tensor<16x128xf32>
  %ge = tile.gelu %n2 : tensor<16x128xf32> -> tensor<16x128xf32>
  // CHECK: tile.pow %[[X]] {exponent = -3.000000e+00 : f64} : tensor<16x128xbf16> -> tensor<16x128xf32>
  %p = tile.pow %a {exponent = -3.0 : f64} : tensor<16x128xbf16> -> tensor<16x128xf32>
  tile.return
}

// Scopes pin their ops to a core group; kernels hold scf loops.
// CHECK-LABEL: tile.kernel @scopes
tile.kernel @scopes(%x: !tile.gm<64x64xf32>, %y: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  // CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  scf.for %i = %c0 to %c64 step %c16 {
    // CHECK-NEXT: tile.scope "norm" core = <vector> {
    tile.scope "norm" core = #tile.core<vector> {
      // CHECK-NEXT: %[[T:.*]] = tile.load %{{.*}}[%[[I]], %{{.*}}] : !tile.gm<64x64xf32> -> tensor<16x64xf32>
      %t = tile.load %x[%i, %c0] : !tile.gm<64x64xf32> -> tensor<16x64xf32>
      // CHECK-NEXT: tile.store %[[T]], %{{.*}}[%[[I]], %{{.*}}]
      tile.store %t, %y[%i, %c0] : tensor<16x64xf32>, !tile.gm<64x64xf32>
    }
    // CHECK-NEXT: }
    // CHECK-NEXT: tile.scope "mm" core = <cube> declared {
    // CHECK-NEXT: }
    tile.scope "mm" core = #tile.core<cube> declared {
      tile.yield
    }
  }
  tile.return
}

// A scope exports values through its results.
// CHECK-LABEL: tile.kernel @scope_results
tile.kernel @scope_results(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // CHECK: %[[S:.*]] = tile.scope "square" core = <vector> -> tensor<16x64xf32> {
  %s = tile.scope "square" core = #tile.core<vector> -> tensor<16x64xf32> {
    // CHECK-NEXT: %[[M:.*]] = tile.mul
    %m = tile.mul %t, %t : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
    // CHECK-NEXT: tile.yield %[[M]] : tensor<16x64xf32>
    tile.yield %m : tensor<16x64xf32>
  }
  // CHECK: tile.store %[[S]]
  tile.store %s, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// Comparisons give i1 masks; select broadcasts its mask and values; iota counts.
// CHECK-LABEL: tile.kernel @compare_select
tile.kernel @compare_select(%x: !tile.gm<16x64xf32>, %n: i32, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %m = tile.row_max %a : tensor<16x64xf32> -> tensor<16x1xf32>
  // CHECK: tile.cmp <lt> %{{.*}}, %{{.*}} : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xi1>
  %lt = tile.cmp <lt> %a, %m : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xi1>
  // CHECK: %[[I:.*]] = tile.iota : tensor<64xi32>
  %i = tile.iota : tensor<64xi32>
  // CHECK: tile.cmp <ge> %[[I]], %{{.*}} : tensor<64xi32>, i32 -> tensor<64xi1>
  %valid = tile.cmp <ge> %i, %n : tensor<64xi32>, i32 -> tensor<64xi1>
  %ninf = arith.constant -1.0e30 : f32
  // CHECK: tile.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<64xi1>, tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  %s = tile.select %valid, %a, %ninf : tensor<64xi1>, tensor<16x64xf32>, f32 -> tensor<16x64xf32>
  %t = tile.select %lt, %s, %a : tensor<16x64xi1>, tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  // The values may have fewer rows than the mask: a row of column indices picked per row.
  // CHECK: tile.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<16x64xi1>, tensor<1x64xi32>, i32 -> tensor<16x64xi32>
  %row = tile.iota : tensor<1x64xi32>
  %cols = tile.select %lt, %row, %n : tensor<16x64xi1>, tensor<1x64xi32>, i32 -> tensor<16x64xi32>
  // CHECK: tile.topk %{{.*}} {k = 4 : i64} : tensor<16x64xf32> -> tensor<16x4xf32>, tensor<16x4xi32>
  %v, %w = tile.topk %t {k = 4 : i64} : tensor<16x64xf32> -> tensor<16x4xf32>, tensor<16x4xi32>
  // CHECK: tile.row_argmax %{{.*}} : tensor<16x64xf32> -> tensor<16x1xi32>
  %arg = tile.row_argmax %t : tensor<16x64xf32> -> tensor<16x1xi32>
  tile.store %t, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

