// RUN: tile-opt %s --tile-expand-composites --split-input-file | FileCheck %s
// RUN: tile-opt %s --tile-expand-composites --split-input-file --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOC
// The expansion only uses conversions both targets can chain.
// RUN: tile-opt %s --tile-expand-composites --tile-verify-target=target=a2a3 --split-input-file -o /dev/null
// RUN: tile-opt %s --tile-expand-composites --tile-verify-target=target=a5 --split-input-file -o /dev/null

// rms_norm: f32 math, the mean as a division by the column count, a rank-1
// gamma reshaped to a row. Every op keeps the composite's location.
// Constants end up at the top of the kernel (the rewrite driver hoists them).
// CHECK-LABEL: tile.kernel @rms_norm_gamma
// CHECK-DAG: %[[EPS:.*]] = arith.constant 9.99999997E-7 : f32
// CHECK-DAG: %[[C:.*]] = arith.constant 8.000000e+00 : f32
// CHECK-NOT: tile.rms_norm
// CHECK: %[[X:.*]] = tile.cast %{{.*}} : tensor<4x8xbf16> -> tensor<4x8xf32>
// CHECK: %[[SQ:.*]] = tile.mul %[[X]], %[[X]] : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: %[[SUM:.*]] = tile.row_sum %[[SQ]] : tensor<4x8xf32> -> tensor<4x1xf32>
// CHECK: %[[MEAN:.*]] = tile.div %[[SUM]], %[[C]] : tensor<4x1xf32>, f32 -> tensor<4x1xf32>
// CHECK: %[[SHIFTED:.*]] = tile.add %[[MEAN]], %[[EPS]] : tensor<4x1xf32>, f32 -> tensor<4x1xf32>
// CHECK: %[[INV:.*]] = tile.rsqrt %[[SHIFTED]] : tensor<4x1xf32>
// CHECK: %[[NORM:.*]] = tile.mul %[[X]], %[[INV]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK: %[[ROW:.*]] = tile.reshape %{{.*}} : tensor<8xbf16> -> tensor<1x8xbf16>
// CHECK: %[[GAMMA:.*]] = tile.cast %[[ROW]] : tensor<1x8xbf16> -> tensor<1x8xf32>
// CHECK: %[[Y:.*]] = tile.mul %[[NORM]], %[[GAMMA]] : tensor<4x8xf32>, tensor<1x8xf32> -> tensor<4x8xf32>
// CHECK: tile.cast %[[Y]] {round = #tile.round<rint>}
// LOC-LABEL: tile.kernel @rms_norm_gamma
// LOC-COUNT-12: loc("rmsnorm.tile":5:7)
// LOC-NEXT: tile.cast {{.*}} loc("rmsnorm.tile":6:3)
tile.kernel @rms_norm_gamma(%x: !tile.gm<4x8xbf16>, %g: !tile.gm<8xbf16>, %y: !tile.gm<4x8xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<4x8xbf16> -> tensor<4x8xbf16>
  %1 = tile.load %g[%c0] : !tile.gm<8xbf16> -> tensor<8xbf16>
  %2 = tile.rms_norm %0, %1 {eps = 1.0e-6 : f32} : tensor<4x8xbf16>, tensor<8xbf16> -> tensor<4x8xf32> loc("rmsnorm.tile":5:7)
  %3 = tile.cast %2 {round = #tile.round<rint>} : tensor<4x8xf32> -> tensor<4x8xbf16> loc("rmsnorm.tile":6:3)
  tile.store %3, %y[%c0, %c0] : tensor<4x8xbf16>, !tile.gm<4x8xbf16>
  tile.return
}

// -----

// An f32 source needs no cast, and without gamma the normalised rows are the result.
// CHECK-LABEL: tile.kernel @rms_norm_f32
// CHECK: arith.constant 1.600000e+01 : f32
// CHECK-NOT: tile.cast
// CHECK: tile.mul %[[X:.*]], %[[X]] : tensor<2x16xf32>, tensor<2x16xf32>
// CHECK: %[[NORM:.*]] = tile.mul %[[X]], %{{.*}} : tensor<2x16xf32>, tensor<2x1xf32> -> tensor<2x16xf32>
// CHECK-NEXT: tile.store %[[NORM]]
tile.kernel @rms_norm_f32(%x: !tile.gm<2x16xf32>, %y: !tile.gm<2x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<2x16xf32> -> tensor<2x16xf32>
  %1 = tile.rms_norm %0 {eps = 1.0e-6 : f32} : tensor<2x16xf32> -> tensor<2x16xf32>
  tile.store %1, %y[%c0, %c0] : tensor<2x16xf32>, !tile.gm<2x16xf32>
  tile.return
}

// -----

// quant_int8: amax per row, the scale as a scalar divided by a column, one
// rounding to i32, an exact narrowing to i8, and scale = 1 / s.
// CHECK-LABEL: tile.kernel @quant_int8
// CHECK-DAG: %[[SMAX:.*]] = arith.constant 1.270000e+02 : f32
// CHECK-DAG: %[[EPS:.*]] = arith.constant 9.99999974E-5 : f32
// CHECK-NOT: tile.quant_int8
// CHECK: %[[X:.*]] = tile.cast %{{.*}} : tensor<4x8xbf16> -> tensor<4x8xf32>
// CHECK: %[[ABS:.*]] = tile.abs %[[X]] : tensor<4x8xf32>
// CHECK: %[[RMAX:.*]] = tile.row_max %[[ABS]] : tensor<4x8xf32> -> tensor<4x1xf32>
// CHECK: %[[AMAX:.*]] = tile.max %[[RMAX]], %[[EPS]] : tensor<4x1xf32>, f32 -> tensor<4x1xf32>
// CHECK: %[[S:.*]] = tile.div %[[SMAX]], %[[AMAX]] : f32, tensor<4x1xf32> -> tensor<4x1xf32>
// CHECK: %[[SCALED:.*]] = tile.mul %[[X]], %[[S]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK: %[[I32:.*]] = tile.cast %[[SCALED]] {round = #tile.round<rint>} : tensor<4x8xf32> -> tensor<4x8xi32>
// CHECK: %[[Q:.*]] = tile.cast %[[I32]] : tensor<4x8xi32> -> tensor<4x8xi8>
// CHECK: %[[SCALE:.*]] = tile.recip %[[S]] : tensor<4x1xf32>
// CHECK: tile.store %[[Q]]
// CHECK: tile.store %[[SCALE]]
tile.kernel @quant_int8(%x: !tile.gm<4x8xbf16>, %q: !tile.gm<4x8xi8> {tile.out}, %s: !tile.gm<4x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<4x8xbf16> -> tensor<4x8xbf16>
  %1, %2 = tile.quant_int8 %0 {scale_max = 127.0 : f32, amax_eps = 1.0e-4 : f32} : tensor<4x8xbf16> -> tensor<4x8xi8>, tensor<4x1xf32>
  tile.store %1, %q[%c0, %c0] : tensor<4x8xi8>, !tile.gm<4x8xi8>
  tile.store %2, %s[%c0, %c0] : tensor<4x1xf32>, !tile.gm<4x1xf32>
  tile.return
}

// -----

// rope from column 4 of 12: the tables as pairs, C = (cos, cos) and
// S = (-sin, sin), built right after the later of their loads; the 8 rotated
// columns x and their pairs swapped, (o, e), give x·C + swap(x)·S, inserted
// over the f32 source.
// CHECK-LABEL: tile.kernel @rope_tail
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NOT: tile.rope
// CHECK: %[[SINH:.*]] = tile.load %arg2
// CHECK-NEXT: %[[COS:.*]] = tile.cast %{{.*}} : tensor<4x4xbf16> -> tensor<4x4xf32>
// CHECK-NEXT: %[[SIN:.*]] = tile.cast %[[SINH]] : tensor<4x4xbf16> -> tensor<4x4xf32>
// CHECK-NEXT: %[[CP:.*]] = tile.interleave %[[COS]], %[[COS]] : tensor<4x4xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[NEG:.*]] = tile.neg %[[SIN]]
// CHECK-NEXT: %[[SP:.*]] = tile.interleave %[[NEG]], %[[SIN]] : tensor<4x4xf32> -> tensor<4x8xf32>
// CHECK: %[[X:.*]] = tile.cast %{{.*}} : tensor<4x12xf16> -> tensor<4x12xf32>
// CHECK: %[[TAIL:.*]] = tile.slice %[[X]][%[[C0]], %[[C4]]] : tensor<4x12xf32> -> tensor<4x8xf32>
// CHECK: %[[E:.*]] = tile.gather %[[TAIL]] <even> : tensor<4x8xf32> -> tensor<4x4xf32>
// CHECK: %[[O:.*]] = tile.gather %[[TAIL]] <odd> : tensor<4x8xf32> -> tensor<4x4xf32>
// CHECK: %[[SWAP:.*]] = tile.interleave %[[O]], %[[E]] : tensor<4x4xf32> -> tensor<4x8xf32>
// CHECK: %[[XC:.*]] = tile.mul %[[TAIL]], %[[CP]]
// CHECK: %[[XS:.*]] = tile.mul %[[SWAP]], %[[SP]]
// CHECK: %[[PAIRS:.*]] = tile.add %[[XC]], %[[XS]]
// CHECK: %[[Y:.*]] = tile.insert %[[PAIRS]] into %[[X]][%[[C0]], %[[C4]]] : tensor<4x8xf32> into tensor<4x12xf32>
// CHECK: tile.store %[[Y]]
tile.kernel @rope_tail(%x: !tile.gm<4x12xf16>, %cos: !tile.gm<4x4xbf16>, %sin: !tile.gm<4x4xbf16>, %y: !tile.gm<4x12xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<4x12xf16> -> tensor<4x12xf16>
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<4x4xbf16> -> tensor<4x4xbf16>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<4x4xbf16> -> tensor<4x4xbf16>
  %3 = tile.rope %0, %1, %2 {offset = 4 : i64} : tensor<4x12xf16>, tensor<4x4xbf16>, tensor<4x4xbf16> -> tensor<4x12xf32>
  tile.store %3, %y[%c0, %c0] : tensor<4x12xf32>, !tile.gm<4x12xf32>
  tile.return
}

// -----

// rope from column 0 rotates every column: no slice, no insert.
// CHECK-LABEL: tile.kernel @rope_whole
// CHECK-NOT: tile.slice
// CHECK: %[[E:.*]] = tile.gather %[[X:.*]] <even> : tensor<2x8xf32> -> tensor<2x4xf32>
// CHECK: tile.gather %[[X]] <odd>
// CHECK: tile.interleave
// CHECK: %[[PAIRS:.*]] = tile.add
// CHECK-NOT: tile.insert
// CHECK: tile.store %[[PAIRS]]
tile.kernel @rope_whole(%x: !tile.gm<2x8xf32>, %cos: !tile.gm<2x4xf32>, %sin: !tile.gm<2x4xf32>, %y: !tile.gm<2x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<2x8xf32> -> tensor<2x8xf32>
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %3 = tile.rope %0, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x8xf32>
  tile.store %3, %y[%c0, %c0] : tensor<2x8xf32>, !tile.gm<2x8xf32>
  tile.return
}

// -----

// Two ropes on the same tables in a loop over heads: the tables are built
// once, before the loop, and both ropes use them.
// CHECK-LABEL: tile.kernel @rope_heads
// CHECK: %[[CP:.*]] = tile.interleave %[[COS:.*]], %[[COS]]
// CHECK: %[[SP:.*]] = tile.interleave %[[NEG:.*]], %[[SIN:.*]] :
// CHECK-NOT: tile.interleave %{{.*}}, %[[COS]]
// CHECK: scf.for
// CHECK-NOT: tile.neg
// CHECK: tile.mul %{{.*}}, %[[CP]]
// CHECK: tile.mul %{{.*}}, %[[SP]]
// CHECK: tile.mul %{{.*}}, %[[CP]]
// CHECK: tile.mul %{{.*}}, %[[SP]]
// CHECK: }
tile.kernel @rope_heads(%x: !tile.gm<2x16xf32>, %cos: !tile.gm<2x4xf32>, %sin: !tile.gm<2x4xf32>, %y: !tile.gm<2x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  scf.for %h = %c0 to %c2 step %c1 {
    %col = arith.muli %h, %c8 : index
    %0 = tile.load %x[%c0, %col] : !tile.gm<2x16xf32> -> tensor<2x8xf32>
    %3 = tile.rope %0, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x8xf32>
    %4 = tile.rope %3, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x8xf32>
    tile.store %4, %y[%c0, %col] : tensor<2x8xf32>, !tile.gm<2x16xf32>
  }
  tile.return
}

// -----

// A -sin the kernel computes after the rope is not one of its tables: the
// rope builds its own, before it (the tables go before the rope's uses).
// CHECK-LABEL: tile.kernel @later_neg
// CHECK: %[[SIN:.*]] = tile.load %arg2
// CHECK: %[[NEG:.*]] = tile.neg %[[SIN]]
// CHECK-NEXT: tile.interleave %[[NEG]], %[[SIN]]
// CHECK: tile.neg %[[SIN]]
// CHECK-NEXT: tile.store
tile.kernel @later_neg(%x: !tile.gm<2x8xf32>, %cos: !tile.gm<2x4xf32>, %sin: !tile.gm<2x4xf32>, %y: !tile.gm<2x8xf32> {tile.out}, %z: !tile.gm<2x4xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<2x4xf32> -> tensor<2x4xf32>
  %0 = tile.load %x[%c0, %c0] : !tile.gm<2x8xf32> -> tensor<2x8xf32>
  %3 = tile.rope %0, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x8xf32>
  tile.store %3, %y[%c0, %c0] : tensor<2x8xf32>, !tile.gm<2x8xf32>
  %4 = tile.neg %2 : tensor<2x4xf32>
  tile.store %4, %z[%c0, %c0] : tensor<2x4xf32>, !tile.gm<2x4xf32>
  tile.return
}

// -----

// Two ropes on bf16 tables: the first converts cos and sin to f32 and builds
// the tables from them; the second finds both and builds nothing.
// CHECK-LABEL: tile.kernel @rope_bf16_tables
// CHECK: %[[COS:.*]] = tile.cast %{{.*}} : tensor<2x4xbf16> -> tensor<2x4xf32>
// CHECK: %[[SIN:.*]] = tile.cast %{{.*}} : tensor<2x4xbf16> -> tensor<2x4xf32>
// CHECK: %[[CP:.*]] = tile.interleave %[[COS]], %[[COS]]
// CHECK: %[[SP:.*]] = tile.interleave %{{.*}}, %[[SIN]]
// CHECK-NOT: tile.cast %{{.*}} : tensor<2x4xbf16>
// CHECK-NOT: tile.interleave %{{.*}}, %[[COS]]
// CHECK: tile.mul %{{.*}}, %[[CP]]
// CHECK: tile.mul %{{.*}}, %[[SP]]
// CHECK: tile.mul %{{.*}}, %[[CP]]
// CHECK: tile.mul %{{.*}}, %[[SP]]
tile.kernel @rope_bf16_tables(%x: !tile.gm<2x8xf32>, %cos: !tile.gm<2x4xbf16>, %sin: !tile.gm<2x4xbf16>, %y: !tile.gm<2x8xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<2x4xbf16> -> tensor<2x4xbf16>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<2x4xbf16> -> tensor<2x4xbf16>
  %0 = tile.load %x[%c0, %c0] : !tile.gm<2x8xf32> -> tensor<2x8xf32>
  %3 = tile.rope %0, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xbf16>, tensor<2x4xbf16> -> tensor<2x8xf32>
  %4 = tile.rope %3, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xbf16>, tensor<2x4xbf16> -> tensor<2x8xf32>
  tile.store %4, %y[%c0, %c0] : tensor<2x8xf32>, !tile.gm<2x8xf32>
  tile.return
}

// -----

// The kernel's own conversion of cos to f32, after the tables' place (right
// after sin's load) but before the rope, serves the rope: the tables are built
// after it, where it is defined.
// CHECK-LABEL: tile.kernel @kernel_converts_cos
// CHECK: %[[SIN:.*]] = tile.load %arg2
// CHECK-NEXT: %[[COS:.*]] = tile.cast
// CHECK-NEXT: %[[SINF:.*]] = tile.cast %[[SIN]]
// CHECK-NEXT: tile.interleave %[[COS]], %[[COS]]
tile.kernel @kernel_converts_cos(%x: !tile.gm<2x8xf32>, %cos: !tile.gm<2x4xbf16>, %sin: !tile.gm<2x4xbf16>, %y: !tile.gm<2x8xf32> {tile.out}, %z: !tile.gm<2x4xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %1 = tile.load %cos[%c0, %c0] : !tile.gm<2x4xbf16> -> tensor<2x4xbf16>
  %2 = tile.load %sin[%c0, %c0] : !tile.gm<2x4xbf16> -> tensor<2x4xbf16>
  %5 = tile.cast %1 : tensor<2x4xbf16> -> tensor<2x4xf32>
  tile.store %5, %z[%c0, %c0] : tensor<2x4xf32>, !tile.gm<2x4xf32>
  %0 = tile.load %x[%c0, %c0] : !tile.gm<2x8xf32> -> tensor<2x8xf32>
  %3 = tile.rope %0, %1, %2 {offset = 0 : i64} : tensor<2x8xf32>, tensor<2x4xbf16>, tensor<2x4xbf16> -> tensor<2x8xf32>
  tile.store %3, %y[%c0, %c0] : tensor<2x8xf32>, !tile.gm<2x8xf32>
  tile.return
}

// -----

// row_argmax: the row max, then the lowest column holding it (columns that do
// not count as C = 16). topk of k = 2 on f16 ranks in f32: two rounds, each
// writing slot t of both results, the first retiring its column (value -inf,
// column C) before the second; the f16 values come back by an exact rint.
// CHECK-LABEL: tile.kernel @ranking
// CHECK-DAG: %[[C:.*]] = arith.constant 16 : i32
// CHECK-DAG: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[X:.*]] = tile.load
// CHECK: %[[IOTA:.*]] = tile.iota : tensor<1x16xi32>
// CHECK: %[[MAX:.*]] = tile.row_max %[[X]] : tensor<4x16xf32> -> tensor<4x1xf32>
// CHECK: %[[HOLD:.*]] = tile.cmp <eq> %[[X]], %[[MAX]]
// CHECK: %[[CAND:.*]] = tile.select %[[HOLD]], %[[IOTA]], %[[C]] : tensor<4x16xi1>, tensor<1x16xi32>, i32 -> tensor<4x16xi32>
// CHECK: %[[ARG:.*]] = tile.row_min %[[CAND]] : tensor<4x16xi32> -> tensor<4x1xi32>
// CHECK: %[[F:.*]] = tile.cast %{{.*}} : tensor<4x16xf16> -> tensor<4x16xf32>
// CHECK: %[[COLS:.*]] = tile.iota : tensor<1x16xi32>
// CHECK: %[[M0:.*]] = tile.row_max %[[F]]
// CHECK: %[[TAKEN:.*]] = tile.cmp <eq> %[[COLS]], %{{.*}} : tensor<1x16xi32>, tensor<4x1xi32> -> tensor<4x16xi1>
// CHECK-NEXT: %[[W1:.*]] = tile.select %[[TAKEN]], %[[NINF]], %[[F]] : tensor<4x16xi1>, f32, tensor<4x16xf32> -> tensor<4x16xf32>
// CHECK-NEXT: tile.select %[[TAKEN]], %[[C]], %[[COLS]] : tensor<4x16xi1>, i32, tensor<1x16xi32> -> tensor<4x16xi32>
// CHECK-NEXT: tile.row_max %[[W1]]
// CHECK-NOT: tile.row_max
// CHECK: %[[V:.*]] = tile.cast %{{.*}} {round = #tile.round<rint>} : tensor<4x2xf32> -> tensor<4x2xf16>
// CHECK: tile.store %[[ARG]]
// CHECK: tile.store %[[V]]
tile.kernel @ranking(%x: !tile.gm<4x16xf32>, %h: !tile.gm<4x16xf16>, %a: !tile.gm<4x1xi32> {tile.out},
                     %v: !tile.gm<4x2xf16> {tile.out}, %i: !tile.gm<4x2xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<4x16xf32> -> tensor<4x16xf32>
  %1 = tile.load %h[%c0, %c0] : !tile.gm<4x16xf16> -> tensor<4x16xf16>
  %2 = tile.row_argmax %0 : tensor<4x16xf32> -> tensor<4x1xi32>
  %3, %4 = tile.topk %1 {k = 2 : i64} : tensor<4x16xf16> -> tensor<4x2xf16>, tensor<4x2xi32>
  tile.store %2, %a[%c0, %c0] : tensor<4x1xi32>, !tile.gm<4x1xi32>
  tile.store %3, %v[%c0, %c0] : tensor<4x2xf16>, !tile.gm<4x2xf16>
  tile.store %4, %i[%c0, %c0] : tensor<4x2xi32>, !tile.gm<4x2xi32>
  tile.return
}
