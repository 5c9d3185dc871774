// RUN: tile-opt %s --pass-pipeline='builtin.module(tile.kernel(tile-fold-k-loops))' --split-input-file -verify-diagnostics | FileCheck %s

// The docs' K-loop from zeros: one matmul of the whole K range, no
// accumulator (the zeros go), the pipeline's stages on it.
// CHECK-LABEL: tile.kernel @from_zeros
// CHECK-NOT: scf.for
// CHECK-NOT: tile.full
// CHECK: %[[A:.*]] = tile.load %arg0[%c0{{[_0-9]*}}, %c0{{[_0-9]*}}] : !tile.gm<64x256xbf16> -> tensor<64x256xbf16>
// CHECK: %[[B:.*]] = tile.load %arg1[%c0{{[_0-9]*}}, %c0{{[_0-9]*}}] : !tile.gm<256x32xbf16> -> tensor<256x32xbf16>
// CHECK: %[[P:.*]] = tile.matmul %[[A]], %[[B]] {tile.pipeline_stages = 2 : i64} : tensor<64x256xbf16>, tensor<256x32xbf16> -> tensor<64x32xf32>
// CHECK: tile.store %[[P]], %arg2
tile.kernel @from_zeros(%a: !tile.gm<64x256xbf16>, %b: !tile.gm<256x32xbf16>, %y: !tile.gm<64x32xf32> {tile.out}) {
  %zero = tile.full 0.000000e+00 : f32 : tensor<64x32xf32>
  %c0 = arith.constant 0 : index
  %c256 = arith.constant 256 : index
  %c64 = arith.constant 64 : index
  %acc = scf.for %k = %c0 to %c256 step %c64 iter_args(%s = %zero) -> (tensor<64x32xf32>) {
    %z = arith.constant 0 : index
    %x = tile.load %a[%z, %k] : !tile.gm<64x256xbf16> -> tensor<64x64xbf16>
    %w = tile.load %b[%k, %z] : !tile.gm<256x32xbf16> -> tensor<64x32xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<64x64xbf16>, tensor<64x32xbf16>, tensor<64x32xf32> -> tensor<64x32xf32>
    scf.yield %p : tensor<64x32xf32>
  } {tile.pipeline_stages = 2 : i64}
  tile.store %acc, %y[%c0, %c0] : tensor<64x32xf32>, !tile.gm<64x32xf32>
  tile.return
}

// -----

// A range loop from 32, the chunks shifted by 16, accumulating into a value:
// a[:, 48:240] and b[48:240, :] into that value (acc stays).
// CHECK-LABEL: tile.kernel @shifted_from_a_value
// CHECK-NOT: scf.for
// CHECK: %[[C:.*]] = tile.load %arg2
// CHECK: %[[A:.*]] = tile.load %arg0[%c0{{[_0-9]*}}, %c48{{[_0-9]*}}] : !tile.gm<16x256xf16> -> tensor<16x192xf16>
// CHECK: %[[B:.*]] = tile.load %arg1[%c48{{[_0-9]*}}, %c0{{[_0-9]*}}] : !tile.gm<256x16xf16> -> tensor<192x16xf16>
// CHECK: tile.matmul %[[A]], %[[B]] acc %[[C]] : tensor<16x192xf16>, tensor<192x16xf16>, tensor<16x16xf32> -> tensor<16x16xf32>
// CHECK-NOT: tile.pipeline_stages
tile.kernel @shifted_from_a_value(%a: !tile.gm<16x256xf16>, %b: !tile.gm<256x16xf16>, %c: !tile.gm<16x16xf32>, %y: !tile.gm<16x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c224 = arith.constant 224 : index
  %c64 = arith.constant 64 : index
  %init = tile.load %c[%c0, %c0] : !tile.gm<16x16xf32> -> tensor<16x16xf32>
  %acc = scf.for %k = %c32 to %c224 step %c64 iter_args(%s = %init) -> (tensor<16x16xf32>) {
    %c16 = arith.constant 16 : index
    %z = arith.constant 0 : index
    %off = arith.addi %k, %c16 : index
    %x = tile.load %a[%z, %off] : !tile.gm<16x256xf16> -> tensor<16x64xf16>
    %w = tile.load %b[%off, %z] : !tile.gm<256x16xf16> -> tensor<64x16xf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x64xf16>, tensor<64x16xf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  tile.store %acc, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  tile.return
}

// -----

// transpose_b: b's K chunks are its columns; i8 × i8 → i32 from integer zeros;
// chunks of values (tile.slice) as well as of parameters.
// CHECK-LABEL: tile.kernel @transposed_i8
// CHECK-NOT: scf.for
// CHECK: %[[X:.*]] = tile.load %arg0
// CHECK: %[[A:.*]] = tile.slice %[[X]][%c0{{[_0-9]*}}, %c0{{[_0-9]*}}] : tensor<32x128xi8> -> tensor<32x128xi8>
// CHECK: %[[B:.*]] = tile.load %arg1[%c0{{[_0-9]*}}, %c0{{[_0-9]*}}] : !tile.gm<64x128xi8> -> tensor<64x128xi8>
// CHECK: tile.matmul %[[A]], %[[B]] {transpose_b} : tensor<32x128xi8>, tensor<64x128xi8> -> tensor<32x64xi32>
tile.kernel @transposed_i8(%a: !tile.gm<32x128xi8>, %b: !tile.gm<64x128xi8>, %y: !tile.gm<32x64xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  %c32 = arith.constant 32 : index
  %whole = tile.load %a[%c0, %c0] : !tile.gm<32x128xi8> -> tensor<32x128xi8>
  %zero = tile.full 0 : i32 : tensor<32x64xi32>
  %acc = scf.for %k = %c0 to %c128 step %c32 iter_args(%s = %zero) -> (tensor<32x64xi32>) {
    %x = tile.slice %whole[%c0, %k] : tensor<32x128xi8> -> tensor<32x32xi8>
    %w = tile.load %b[%c0, %k] : !tile.gm<64x128xi8> -> tensor<64x32xi8>
    %p = tile.matmul %x, %w acc %s {transpose_b} : tensor<32x32xi8>, tensor<64x32xi8>, tensor<32x64xi32> -> tensor<32x64xi32>
    scf.yield %p : tensor<32x64xi32>
  }
  tile.store %acc, %y[%c0, %c0] : tensor<32x64xi32>, !tile.gm<32x64xi32>
  tile.return
}

// -----

// A K-loop inside a loop over row blocks: the inner loop folds, its row
// offset (the outer variable) stays.
// CHECK-LABEL: tile.kernel @inner
// CHECK: scf.for %[[R:.*]] =
// CHECK-NOT: scf.for
// CHECK: tile.load %arg0[%[[R]], %{{.*}}] : !tile.gm<64x128xbf16> -> tensor<16x128xbf16>
// CHECK: tile.matmul
// CHECK-NOT: acc
tile.kernel @inner(%a: !tile.gm<64x128xbf16>, %b: !tile.gm<128x16xbf16>, %y: !tile.gm<64x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  scf.for %r = %c0 to %c64 step %c16 {
    %zero = tile.full 0.000000e+00 : f32 : tensor<16x16xf32>
    %acc = scf.for %k = %c0 to %c128 step %c64 iter_args(%s = %zero) -> (tensor<16x16xf32>) {
      %x = tile.load %a[%r, %k] : !tile.gm<64x128xbf16> -> tensor<16x64xbf16>
      %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<64x16xbf16>
      %p = tile.matmul %x, %w acc %s : tensor<16x64xbf16>, tensor<64x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
      scf.yield %p : tensor<16x16xf32>
    }
    tile.store %acc, %y[%r, %c0] : tensor<16x16xf32>, !tile.gm<64x16xf32>
  }
  tile.return
}

// -----

// Loops that are not K-loops of accumulating matmuls stay: run-time bounds,
// a step that does not divide the range, chunks narrower than the step, a
// body that computes more, a row offset that moves with the loop, and an
// accumulator read by something else.
// CHECK-LABEL: tile.kernel @not_k_loops
// CHECK-COUNT-6: scf.for
tile.kernel @not_k_loops(%a: !tile.gm<16x128xbf16>, %b: !tile.gm<128x16xbf16>, %n32: i32, %y: !tile.gm<16x16xf32> {tile.out}) {
  %n = arith.index_cast %n32 : i32 to index
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c48 = arith.constant 48 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %zero = tile.full 0.000000e+00 : f32 : tensor<16x16xf32>
  %r1 = scf.for %k = %c0 to %n step %c64 iter_args(%s = %zero) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%c0, %k] : !tile.gm<16x128xbf16> -> tensor<16x64xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<64x16xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x64xbf16>, tensor<64x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  %r2 = scf.for %k = %c0 to %c128 step %c48 iter_args(%s = %r1) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%c0, %c0] : !tile.gm<16x128xbf16> -> tensor<16x48xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<48x16xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x48xbf16>, tensor<48x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  %r3 = scf.for %k = %c0 to %c128 step %c64 iter_args(%s = %r2) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%c0, %k] : !tile.gm<16x128xbf16> -> tensor<16x32xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<32x16xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x32xbf16>, tensor<32x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  %r4 = scf.for %k = %c0 to %c128 step %c64 iter_args(%s = %r3) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%c0, %k] : !tile.gm<16x128xbf16> -> tensor<16x64xbf16>
    %e = tile.exp %x : tensor<16x64xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<64x16xbf16>
    %p = tile.matmul %e, %w acc %s : tensor<16x64xbf16>, tensor<64x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  %r5 = scf.for %k = %c0 to %c128 step %c64 iter_args(%s = %r4) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%k, %k] : !tile.gm<16x128xbf16> -> tensor<16x64xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<64x16xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x64xbf16>, tensor<64x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %p : tensor<16x16xf32>
  }
  %r6 = scf.for %k = %c0 to %c128 step %c64 iter_args(%s = %r5) -> (tensor<16x16xf32>) {
    %x = tile.load %a[%c0, %k] : !tile.gm<16x128xbf16> -> tensor<16x64xbf16>
    %w = tile.load %b[%k, %c0] : !tile.gm<128x16xbf16> -> tensor<64x16xbf16>
    %p = tile.matmul %x, %w acc %s : tensor<16x64xbf16>, tensor<64x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
    %h = tile.mul %s, %p : tensor<16x16xf32>, tensor<16x16xf32> -> tensor<16x16xf32>
    scf.yield %h : tensor<16x16xf32>
  }
  tile.store %r6, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  tile.return
}
