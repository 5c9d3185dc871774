// RUN: tile-opt %s -split-input-file --tile-assign-target --tile-select-strategy --tile-form-tasks \
// RUN:   --tile-place-gm --convert-tile-to-ascend -verify-diagnostics

// The errors of the paired lowering (PairedTasks.cpp) for an `ascend.pairing` that
// tile-select-strategy would not write (it declines these, select-strategy-pairing.mlir).

// Chunks of 128 rows do not divide the 64-row halves of 128-row slots.
tile.kernel @half_chunks(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
  %p = tile.matmul %ta, %tb {ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 256, slots = 4>} : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
  // expected-error @+1 {{strategy #ascend.chunking<rows = 128> does not tile the 64-row halves of its ring's slots in work items, or its 3072 token rows in slots}}
  %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
    %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
    tile.yield %sq : tensor<3072x256xf32>
  } {tokens = 128 : i64}
  tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
  tile.return
}

// -----

// A slot of 48 columns is not made of the blocking's 32-column blocks.
tile.kernel @slot_cols(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x192xbf16>, %y: !tile.gm<3072x4x48xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c48 = arith.constant 48 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<128x192xbf16> -> tensor<128x192xbf16>
  %p = tile.matmul %ta, %tb {ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 48, slots = 4>} : tensor<3072x128xbf16>, tensor<128x192xbf16> -> tensor<3072x192xf32>
  scf.for %h = %c0 to %c4 step %c1 {
    %col = arith.muli %h, %c48 : index
    %s = tile.slice %p[%c0, %col] : tensor<3072x192xf32> -> tensor<3072x48xf32>
    // expected-error @+1 {{reads 48 columns of a paired product in 32-column blocks: a slot holds whole blocks}}
    %r = tile.scope "chain" core = <vector> -> tensor<3072x1x48xf32> {
      %sq = tile.mul %s, %s : tensor<3072x48xf32>, tensor<3072x48xf32> -> tensor<3072x48xf32>
      %r3 = tile.reshape %sq : tensor<3072x48xf32> -> tensor<3072x1x48xf32>
      tile.yield %r3 : tensor<3072x1x48xf32>
    } {tokens = 32 : i64}
    tile.store %r, %y[%c0, %h, %c0] : tensor<3072x1x48xf32>, !tile.gm<3072x4x48xf32>
  } {tile.parallel}
  tile.return
}

// -----

// A ring in UB (a5): each AIV's 64-row half of a slot is the one chunk of the
// chain, but the scope pins 16-row chunks.
module attributes {ascend.target = #ascend.target<a5>} {
  tile.kernel @ub_half_chunks(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x256xbf16>, %y: !tile.gm<3072x256xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
    %tb = tile.load %b[%c0, %c0] : !tile.gm<128x256xbf16> -> tensor<128x256xbf16>
    %p = tile.matmul %ta, %tb {ascend.pairing = #ascend.c2v_ring<rows = 128, cols = 256, slots = 2, memory = ub>} : tensor<3072x128xbf16>, tensor<128x256xbf16> -> tensor<3072x256xf32>
    // expected-error-re @+1 {{strategy #ascend.chunking<rows = 16{{.*}}> does not make each AIV's half of a slot in UB (64 rows) one chunk of static token rows}}
    %r = tile.scope "chain" core = <vector> -> tensor<3072x256xf32> {
      %sq = tile.mul %p, %p : tensor<3072x256xf32>, tensor<3072x256xf32> -> tensor<3072x256xf32>
      tile.yield %sq : tensor<3072x256xf32>
    } {tokens = 16 : i64}
    tile.store %r, %y[%c0, %c0] : tensor<3072x256xf32>, !tile.gm<3072x256xf32>
    tile.return
  }
}

// -----

// A ring in UB whose 512-column slots the matmul's blocking (at most 256
// columns a block) cannot fill with one accumulator block.
module attributes {ascend.target = #ascend.target<a5>} {
  tile.kernel @ub_slot_blocks(%a: !tile.gm<3072x128xbf16>, %b: !tile.gm<128x512xbf16>, %y: !tile.gm<3072x512xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %ta = tile.load %a[%c0, %c0] : !tile.gm<3072x128xbf16> -> tensor<3072x128xbf16>
    %tb = tile.load %b[%c0, %c0] : !tile.gm<128x512xbf16> -> tensor<128x512xbf16>
    %p = tile.matmul %ta, %tb {ascend.pairing = #ascend.c2v_ring<rows = 32, cols = 512, slots = 2, memory = ub>} : tensor<3072x128xbf16>, tensor<128x512xbf16> -> tensor<3072x512xf32>
    // expected-error-re @+1 {{reads 512 columns of a product paired through UB in {{[0-9]+}}-column blocks: a slot in UB is one whole block}}
    %r = tile.scope "chain" core = <vector> -> tensor<3072x512xf32> {
      %sq = tile.mul %p, %p : tensor<3072x512xf32>, tensor<3072x512xf32> -> tensor<3072x512xf32>
      tile.yield %sq : tensor<3072x512xf32>
    } {tokens = 8 : i64}
    tile.store %r, %y[%c0, %c0] : tensor<3072x512xf32>, !tile.gm<3072x512xf32>
    tile.return
  }
}
