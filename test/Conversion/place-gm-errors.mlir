// RUN: tile-opt %s -split-input-file -verify-diagnostics --tile-select-strategy --tile-form-tasks --convert-tile-to-ascend

// Without tile-place-gm.
tile.kernel @unplaced(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @below {{'tile.abs' op has no place in global memory for its tensor #0 (`ascend.placement`): run tile-place-gm first}}
  %a = tile.abs %v : tensor<16x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// A value read by two ops has no consumer to be written into.
tile.kernel @no_consumer(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @below {{'tile.abs' op cannot place its result #0 as consumer: a consumer's place is that of a store, an in-place insert into a scratch tensor, an interleave or a loop yield, whose window is known here}}
  %a = tile.abs %v {ascend.placement = [#ascend.place<consumer>]} : tensor<16x64xf32>
  %s = tile.add %a, %a {ascend.placement = [#ascend.place<consumer>]} : tensor<16x64xf32>, tensor<16x64xf32> -> tensor<16x64xf32>
  tile.store %s, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// Updating a loaded kernel tensor in place would change the kernel's input.
tile.kernel @clobber(%x: !tile.gm<16x64xf32>, %w: !tile.gm<32x64xf32>, %y: !tile.gm<32x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %old = tile.load %w[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<32x64xf32> -> tensor<32x64xf32>
  // expected-error @below {{'tile.insert' op cannot update tensor #0 in place (`ascend.placement`): the old value is read elsewhere or lives in a kernel tensor, so it is copied}}
  %u = tile.insert %v into %old[%c0, %c0] {ascend.placement = [#ascend.place<in_place>]} : tensor<16x64xf32> into tensor<32x64xf32>
  tile.store %u, %y[%c0, %c0] : tensor<32x64xf32>, !tile.gm<32x64xf32>
  tile.return
}

// -----

// Rows that are not consecutive in the source cannot be a view of it.
tile.kernel @scattered(%g: !tile.gm<4x8x64xf32>, %o: !tile.gm<4x2x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'tile.load' op cannot be a view (`ascend.placement`): its rows are not consecutive in its source, so they are gathered}}
  %rows = tile.load %g[%c0, %c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<4x8x64xf32> -> tensor<4x2x64xf32>
  tile.store %rows, %o[%c0, %c0, %c0] : tensor<4x2x64xf32>, !tile.gm<4x2x64xf32>
  tile.return
}

// -----

// A load of consecutive rows is copied only when its source is stored into while it is read,
// and only then does tile-select-strategy give it the copy's chunking.
tile.kernel @consecutive(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'tile.load' op has no chunking for its copy #0 (`ascend.copies`): run tile-select-strategy first}}
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<scratch>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.store %v, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
  tile.return
}

// -----

// A reshape of a window at an offset changes its rows × cols only in a copy.
tile.kernel @reshape_window(%x: !tile.gm<16x64xf32>, %h: !tile.gm<512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  %half = tile.slice %v[%c8, %c0] {ascend.placement = [#ascend.place<view>]} : tensor<16x64xf32> -> tensor<8x64xf32>
  // expected-error @below {{'tile.reshape' op cannot be a view of its source (`ascend.placement`): the source is not one whole contiguous tensor, so it is copied}}
  %hf = tile.reshape %half {ascend.placement = [#ascend.place<view>]} : tensor<8x64xf32> -> tensor<512xf32>
  tile.store %hf, %h[%c0] : tensor<512xf32>, !tile.gm<512xf32>
  tile.return
}

// -----

// The attribute is verified where it is written.
tile.kernel @misplaced(%x: !tile.gm<16x64xf32>) {
  // expected-error @below {{'ascend.placement' belongs on a tile op with tensor results or an scf.for carrying tensors, not arith.constant}}
  %c0 = arith.constant {ascend.placement = [#ascend.place<view>]} 0 : index
  tile.return
}

// -----

tile.kernel @count(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'ascend.placement' has 2 places for 1 tensors}}
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>, #ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @kind(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @below {{'ascend.placement' cannot place a tensor of tile.abs as #ascend.place<in_place>}}
  %a = tile.abs %v {ascend.placement = [#ascend.place<in_place>]} : tensor<16x64xf32>
  tile.return
}

// -----

tile.kernel @type(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'ascend.placement' must be an array of #ascend.place, found "view"}}
  %v = tile.load %x[%c0, %c0] {ascend.placement = "view"} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  tile.return
}

// -----

// A slice of consecutive rows is a view: only a load is ever copied to a place of its own.
tile.kernel @slice_consecutive(%x: !tile.gm<16x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] {ascend.placement = [#ascend.place<view>]} : !tile.gm<16x64xf32> -> tensor<16x64xf32>
  // expected-error @below {{'tile.slice' op is a view of its source (`ascend.placement`): its rows are consecutive there}}
  %s = tile.slice %v[%c0, %c0] {ascend.placement = [#ascend.place<scratch>]} : tensor<16x64xf32> -> tensor<8x64xf32>
  tile.store %s, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}
