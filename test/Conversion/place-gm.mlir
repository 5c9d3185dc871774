// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm | FileCheck %s
// RUN: tile-opt %s -split-input-file --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend -o /dev/null

// A result whose only use is a store is written into the store's window; one
// read by two ops gets a scratch tensor; a load of consecutive rows is a view.
// CHECK-LABEL: tile.kernel @consumers
// CHECK: tile.load {{.*}}ascend.placement = [#ascend.place<view>]
// CHECK: tile.abs {{.*}}ascend.placement = [#ascend.place<scratch>]
// CHECK: tile.neg {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: tile.exp {{.*}}ascend.placement = [#ascend.place<consumer>]
tile.kernel @consumers(%x: !tile.gm<64x64xf32>, %y: !tile.gm<64x64xf32> {tile.out}, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  %a = tile.abs %v : tensor<64x64xf32>
  %n = tile.neg %a : tensor<64x64xf32>
  tile.store %n, %y[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  %e = tile.exp %a : tensor<64x64xf32>
  tile.store %e, %z[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// An insert into a scratch tensor nothing else reads updates it in place, and
// its source is computed straight into the window it is inserted at; an
// insert into a loaded kernel tensor copies it first (the parameter keeps its
// value), and its source, which then has no window yet, gets scratch.
// CHECK-LABEL: tile.kernel @inserts
// CHECK: tile.full {{.*}}ascend.placement = [#ascend.place<scratch>]
// CHECK: tile.abs {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: tile.insert {{.*}}ascend.placement = [#ascend.place<in_place>]
// CHECK: tile.neg {{.*}}ascend.placement = [#ascend.place<scratch>]
// CHECK: tile.insert {{.*}}ascend.placement = [#ascend.place<copy>]
tile.kernel @inserts(%x: !tile.gm<16x64xf32>, %y: !tile.gm<32x64xf32> {tile.out}, %w: !tile.gm<32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %z = tile.full 0.0 : f32 : tensor<32x64xf32>
  %a = tile.abs %v : tensor<16x64xf32>
  %r = tile.insert %a into %z[%c16, %c0] : tensor<16x64xf32> into tensor<32x64xf32>
  tile.store %r, %y[%c0, %c0] : tensor<32x64xf32>, !tile.gm<32x64xf32>
  %old = tile.load %w[%c0, %c0] : !tile.gm<32x64xf32> -> tensor<32x64xf32>
  %n = tile.neg %v : tensor<16x64xf32>
  %u = tile.insert %n into %old[%c0, %c0] : tensor<16x64xf32> into tensor<32x64xf32>
  tile.store %u, %w[%c0, %c0] : tensor<32x64xf32>, !tile.gm<32x64xf32>
  tile.return
}

// -----

// Aliasing: an in-place update of a scratch tensor that is still read after
// the insert would change what that later read sees, so it is copied.
// CHECK-LABEL: tile.kernel @aliased
// CHECK: tile.insert {{.*}}ascend.placement = [#ascend.place<copy>]
// CHECK: tile.add {{.*}}ascend.placement = [#ascend.place<consumer>]
tile.kernel @aliased(%x: !tile.gm<16x64xf32>, %y: !tile.gm<32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %z = tile.full 1.0 : f32 : tensor<32x64xf32>
  %r = tile.insert %v into %z[%c0, %c0] : tensor<16x64xf32> into tensor<32x64xf32>
  %s = tile.add %r, %z : tensor<32x64xf32>, tensor<32x64xf32> -> tensor<32x64xf32>
  tile.store %s, %y[%c0, %c0] : tensor<32x64xf32>, !tile.gm<32x64xf32>
  tile.return
}

// -----

// A loop carries a scratch tensor in place and the value it yields is computed
// into it; a carried kernel tensor is copied into a place of its own first.
// CHECK-LABEL: tile.kernel @loops
// CHECK: tile.add {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: ascend.placement = [#ascend.place<in_place>]
// CHECK: tile.add {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: ascend.placement = [#ascend.place<copy>]
tile.kernel @loops(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}, %w: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %z = tile.full 0.0 : f32 : tensor<16x64xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %z) -> (tensor<16x64xf32>) {
    %s = tile.add %acc, %v : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
    scf.yield %s : tensor<16x64xf32>
  }
  tile.store %r, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  %q = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %v) -> (tensor<16x64xf32>) {
    %s = tile.add %acc, %acc : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
    scf.yield %s : tensor<16x64xf32>
  }
  tile.store %q, %w[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// Reshapes: keeping the rows × cols matrix, or of a whole tensor, a view; of
// a window with an offset, a copy. Rows that are not consecutive in the
// source are gathered, here straight into the store's window.
// CHECK-LABEL: tile.kernel @views
// CHECK: tile.reshape {{.*}}ascend.placement = [#ascend.place<view>]{{.*}} -> tensor<1x16x64xf32>
// CHECK: tile.reshape {{.*}}ascend.placement = [#ascend.place<view>]{{.*}} -> tensor<1024xf32>
// CHECK: tile.slice {{.*}}ascend.placement = [#ascend.place<view>]
// CHECK: tile.reshape {{.*}}ascend.placement = [#ascend.place<copy>]{{.*}} -> tensor<512xf32>
// CHECK: tile.load {{.*}}ascend.placement = [#ascend.place<consumer>]{{.*}} -> tensor<4x2x64xf32>
tile.kernel @views(%x: !tile.gm<16x64xf32>, %g: !tile.gm<4x8x64xf32>, %y: !tile.gm<1x16x64xf32> {tile.out}, %f: !tile.gm<1024xf32> {tile.out}, %h: !tile.gm<512xf32> {tile.out}, %o: !tile.gm<4x2x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %e = tile.exp %v : tensor<16x64xf32>
  %r = tile.reshape %e : tensor<16x64xf32> -> tensor<1x16x64xf32>
  tile.store %r, %y[%c0, %c0, %c0] : tensor<1x16x64xf32>, !tile.gm<1x16x64xf32>
  %flat = tile.reshape %v : tensor<16x64xf32> -> tensor<1024xf32>
  tile.store %flat, %f[%c0] : tensor<1024xf32>, !tile.gm<1024xf32>
  %half = tile.slice %v[%c8, %c0] : tensor<16x64xf32> -> tensor<8x64xf32>
  %hf = tile.reshape %half : tensor<8x64xf32> -> tensor<512xf32>
  tile.store %hf, %h[%c0] : tensor<512xf32>, !tile.gm<512xf32>
  %rows = tile.load %g[%c0, %c0, %c0] : !tile.gm<4x8x64xf32> -> tensor<4x2x64xf32>
  tile.store %rows, %o[%c0, %c0, %c0] : tensor<4x2x64xf32>, !tile.gm<4x2x64xf32>
  tile.return
}

// -----

// The operands of an interleave are computed into the stacked scratch tensor
// its re-interleave reads.
// CHECK-LABEL: tile.kernel @pairs
// CHECK: tile.exp {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: tile.neg {{.*}}ascend.placement = [#ascend.place<consumer>]
// CHECK: tile.interleave {{.*}}ascend.placement = [#ascend.place<consumer>]
tile.kernel @pairs(%x: !tile.gm<64x32xf32>, %y: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %e = tile.exp %v : tensor<64x32xf32>
  %o = tile.neg %v : tensor<64x32xf32>
  %i = tile.interleave %e, %o : tensor<64x32xf32> -> tensor<64x64xf32>
  tile.store %i, %y[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}
