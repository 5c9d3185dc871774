// RUN: tile-opt %s --tile-verify-target --split-input-file -verify-diagnostics | FileCheck %s
// RUN: not tile-opt %s --tile-verify-target=target=a5 --split-input-file 2>&1 | FileCheck %s --check-prefix=A5
// RUN: not tile-opt %s --tile-verify-target=target=a9 --split-input-file 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// UNKNOWN: error: unknown target 'a9' (known: a2a3, a5)

// The same kernels on a5: bf16 → f16 is legal there too; i32 → bf16 is not.
// A5-NOT: @legal
// A5: error: cannot convert 'i32' to 'bf16' on a5
// A5: error: cannot convert 'i32' to 'i8' without saturation on a5

// Casts with a chain that rounds once pass: f32 → i8 is f32 → i32 → f16 → i8,
// bf16 → f16 is bf16 → f32 → f16 on a2a3 (direct on a5), i8 → f32 goes
// through f16. Large matmuls pass: the lowering tiles them.
// CHECK-LABEL: tile.kernel @legal
tile.kernel @legal(%x: !tile.gm<4096x4096xbf16>, %w: !tile.gm<4096x8192xbf16>, %y: !tile.gm<4096x8192xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<4096x4096xbf16> -> tensor<4096x4096xbf16>
  %1 = tile.load %w[%c0, %c0] : !tile.gm<4096x8192xbf16> -> tensor<4096x8192xbf16>
  %2 = tile.matmul %0, %1 : tensor<4096x4096xbf16>, tensor<4096x8192xbf16> -> tensor<4096x8192xf32>
  %3 = tile.cast %2 {round = #tile.round<rint>} : tensor<4096x8192xf32> -> tensor<4096x8192xi8>
  %4 = tile.cast %3 : tensor<4096x8192xi8> -> tensor<4096x8192xf32>
  %5 = tile.cast %0 {round = #tile.round<rint>} : tensor<4096x4096xbf16> -> tensor<4096x4096xf16>
  %6 = tile.add %4, %2 : tensor<4096x8192xf32>, tensor<4096x8192xf32> -> tensor<4096x8192xf32>
  tile.store %6, %y[%c0, %c0] : tensor<4096x8192xf32>, !tile.gm<4096x8192xf32>
  tile.return
}

// -----

// i32 → bf16 would round twice (to f32's 24 bits, then to bf16's 8): the
// kernel must spell the intermediate cast.
tile.kernel @double_rounding(%x: !tile.gm<8x16xi32>, %y: !tile.gm<8x16xbf16> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<8x16xi32> -> tensor<8x16xi32>
  // expected-error @+1 {{cannot convert 'i32' to 'bf16' on a2a3: no chain of at most 3 legal conversions rounds only once; cast to f32 first}}
  %1 = tile.cast %0 {round = #tile.round<rint>} : tensor<8x16xi32> -> tensor<8x16xbf16>
  tile.store %1, %y[%c0, %c0] : tensor<8x16xbf16>, !tile.gm<8x16xbf16>
  tile.return
}

// -----

// Wrapping (sat = off) is not monotone: i32 → i8 runs through f16, which rounds
// integers beyond 2048 before the f16 → i8 step would wrap them, so no chain
// gives the kernel's result; f16 → i8 wraps in one step. Without `sat` both
// saturate (the i32 → i8 default), which the chain does.
tile.kernel @wrap_through_half(%x: !tile.gm<8x16xi32>, %h: !tile.gm<8x16xf16>, %y: !tile.gm<8x16xi8> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<8x16xi32> -> tensor<8x16xi32>
  // expected-error @+1 {{cannot convert 'i32' to 'i8' without saturation on a2a3: every chain of legal conversions rounds through a type that does not hold the integer it then wraps; saturate (sat=true), or cast to f16 first and wrap the rounded value}}
  %1 = tile.cast %0 {sat = #tile.sat<off>} : tensor<8x16xi32> -> tensor<8x16xi8>
  %2 = tile.cast %0 : tensor<8x16xi32> -> tensor<8x16xi8>
  %3 = tile.load %h[%c0, %c0] : !tile.gm<8x16xf16> -> tensor<8x16xf16>
  %4 = tile.cast %3 {round = #tile.round<rint>, sat = #tile.sat<off>} : tensor<8x16xf16> -> tensor<8x16xi8>
  tile.store %1, %y[%c0, %c0] : tensor<8x16xi8>, !tile.gm<8x16xi8>
  tile.store %2, %y[%c0, %c0] : tensor<8x16xi8>, !tile.gm<8x16xi8>
  tile.store %4, %y[%c0, %c0] : tensor<8x16xi8>, !tile.gm<8x16xi8>
  tile.return
}

// -----

// Every bad op is reported, each at its own location.
tile.kernel @integer_arithmetic(%x: !tile.gm<8x32xi8>, %z: !tile.gm<8x32xi32>, %y: !tile.gm<8x32xi8> {tile.out}, %w: !tile.gm<8x32xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0, %c0] : !tile.gm<8x32xi8> -> tensor<8x32xi8>
  // expected-error @+1 {{the vector unit has no i8 arithmetic: cast to f16 or f32 first}}
  %1 = tile.add %0, %0 : tensor<8x32xi8>, tensor<8x32xi8> -> tensor<8x32xi8>
  %2 = tile.load %z[%c0, %c0] : !tile.gm<8x32xi32> -> tensor<8x32xi32>
  // i32 abs and neg are vector arithmetic on both targets.
  %3 = tile.abs %2 : tensor<8x32xi32>
  %4 = tile.max %3, %2 : tensor<8x32xi32>, tensor<8x32xi32> -> tensor<8x32xi32>
  // expected-error @+1 {{the vector unit has no i8 arithmetic: cast to f16 or f32 first}}
  %5 = tile.neg %0 : tensor<8x32xi8>
  tile.store %5, %y[%c0, %c0] : tensor<8x32xi8>, !tile.gm<8x32xi8>
  tile.store %1, %y[%c0, %c0] : tensor<8x32xi8>, !tile.gm<8x32xi8>
  tile.store %4, %w[%c0, %c0] : tensor<8x32xi32>, !tile.gm<8x32xi32>
  tile.return
}

// -----

// TCMP and TSEL take 2- and 4-byte elements: i8 is cast first.
tile.kernel @i8_compare(%x: !tile.gm<8x64xi8>, %y: !tile.gm<8x64xi8> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<8x64xi8> -> tensor<8x64xi8>
  // expected-error @+1 {{'tile.cmp' has no i8 form on a2a3 (TCMP and TSEL take 2- and 4-byte elements): cast to i32 or f16 first}}
  %m = tile.cmp <lt> %v, %v : tensor<8x64xi8>, tensor<8x64xi8> -> tensor<8x64xi1>
  // expected-error @+1 {{'tile.select' has no i8 form on a2a3 (TCMP and TSEL take 2- and 4-byte elements): cast to i32 or f16 first}}
  %s = tile.select %m, %v, %v : tensor<8x64xi1>, tensor<8x64xi8>, tensor<8x64xi8> -> tensor<8x64xi8>
  tile.store %s, %y[%c0, %c0] : tensor<8x64xi8>, !tile.gm<8x64xi8>
  tile.return
}
