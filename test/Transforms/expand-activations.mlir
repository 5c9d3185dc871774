// RUN: tile-opt %s --tile-expand-composites | FileCheck %s
// The expanded kernel computes what the interpreter computes for the composites themselves,
// on random inputs, bit for bit.
// RUN: rm -rf %t && mkdir -p %t
// RUN: tile-opt %s --tile-expand-composites -o %t/expanded.mlir
// RUN: tile-run %s --random 4 --save-inputs %t/in --outputs %t/composite --interpret
// RUN: tile-run %t/expanded.mlir --inputs %t/in --outputs %t/expanded --interpret --compare %t/composite | FileCheck %s --check-prefix=SAME
// SAME-NOT: FAIL
// SAME-COUNT-8: 0 / 32 PASS

// CHECK-LABEL: tile.kernel @activations
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[C2:.*]] = arith.constant -0.0713548213 : f32
// CHECK-DAG: %[[C1:.*]] = arith.constant -1.59576917 : f32
// sigmoid: recip(exp(-x) + 1), after the exact widening of bf16.
// CHECK: %[[X:.*]] = tile.cast %{{.*}} : tensor<4x8xbf16> -> tensor<4x8xf32>
// CHECK: %[[N:.*]] = tile.neg %[[X]]
// CHECK: %[[E:.*]] = tile.exp %[[N]]
// CHECK: %[[D:.*]] = tile.add %[[E]], %[[ONE]]
// CHECK: tile.recip %[[D]]
// silu: x / (exp(-x) + 1).
// CHECK: %[[N2:.*]] = tile.neg %[[X2:.*]] : tensor<4x8xf32>
// CHECK: %[[E2:.*]] = tile.exp %[[N2]]
// CHECK: %[[D2:.*]] = tile.add %[[E2]], %[[ONE]]
// CHECK: tile.div %[[X2]], %[[D2]]
// gelu: x / (exp(x · (-c1 - c2·x²)) + 1).
// CHECK: %[[SQ:.*]] = tile.mul %[[G:.*]], %[[G]]
// CHECK: %[[A:.*]] = tile.mul %[[SQ]], %[[C2]]
// CHECK: %[[S:.*]] = tile.add %[[A]], %[[C1]]
// CHECK: %[[T:.*]] = tile.mul %[[G]], %[[S]]
// CHECK: %[[GE:.*]] = tile.exp %[[T]]
// CHECK: %[[GD:.*]] = tile.add %[[GE]], %[[ONE]]
// CHECK: tile.div %[[G]], %[[GD]]
// pow 5 = x · (x²)²: bits 101 multiply x and x⁴.
// CHECK: %[[P2:.*]] = tile.mul %[[P:.*]], %[[P]]
// CHECK: %[[P4:.*]] = tile.mul %[[P2]], %[[P2]]
// CHECK: %[[P5:.*]] = tile.mul %[[P]], %[[P4]]
// CHECK: tile.store %[[P5]]
// pow -3 = recip(x · x²).
// CHECK: %[[Q2:.*]] = tile.mul %[[Q:.*]], %[[Q]]
// CHECK: %[[Q3:.*]] = tile.mul %[[Q]], %[[Q2]]
// CHECK: tile.recip %[[Q3]]
// pow 0 is a fill of ones; ±0.5 are sqrt and rsqrt.
// CHECK: tile.full 1.000000e+00 : f32 : tensor<4x8xf32>
// CHECK: tile.sqrt
// CHECK: tile.rsqrt
// CHECK-NOT: tile.pow
// CHECK-NOT: tile.sigmoid
tile.kernel @activations(%x: !tile.gm<4x8xbf16> {tile.name = "x"}, %f: !tile.gm<4x8xf32> {tile.name = "f"},
                         %o0: !tile.gm<4x8xf32> {tile.out, tile.name = "sigmoid"},
                         %o1: !tile.gm<4x8xf32> {tile.out, tile.name = "silu"},
                         %o2: !tile.gm<4x8xf32> {tile.out, tile.name = "gelu"},
                         %o3: !tile.gm<4x8xf32> {tile.out, tile.name = "pow5"},
                         %o4: !tile.gm<4x8xf32> {tile.out, tile.name = "pow_m3"},
                         %o5: !tile.gm<4x8xf32> {tile.out, tile.name = "pow0"},
                         %o6: !tile.gm<4x8xf32> {tile.out, tile.name = "sqrt"},
                         %o7: !tile.gm<4x8xf32> {tile.out, tile.name = "rsqrt"}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<4x8xbf16> -> tensor<4x8xbf16>
  %w = tile.load %f[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
  %a = tile.abs %w : tensor<4x8xf32>
  %0 = tile.sigmoid %v : tensor<4x8xbf16> -> tensor<4x8xf32>
  tile.store %0, %o0[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %1 = tile.silu %w : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %1, %o1[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %2 = tile.gelu %w : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %2, %o2[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %3 = tile.pow %w {exponent = 5.0 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %3, %o3[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %4 = tile.pow %w {exponent = -3.0 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %4, %o4[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %5 = tile.pow %w {exponent = 0.0 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %5, %o5[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %6 = tile.pow %a {exponent = 0.5 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %6, %o6[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  %7 = tile.pow %a {exponent = -0.5 : f64} : tensor<4x8xf32> -> tensor<4x8xf32>
  tile.store %7, %o7[%c0, %c0] : tensor<4x8xf32>, !tile.gm<4x8xf32>
  tile.return
}
