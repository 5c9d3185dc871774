// RUN: tile-opt %s -split-input-file --tile-assign-target --tile-select-strategy --tile-form-tasks \
// RUN:   --tile-place-gm --convert-tile-to-ascend -verify-diagnostics

// The errors of the vector -> cube paired lowering (ScopePatterns.cpp, PairedTasks.cpp,
// CubeTasks.cpp) for an `ascend.lhs_pairing` that tile-select-strategy would not write (it
// declines these, select-strategy-lhs-pairing.mlir).

// A is loaded, not computed by a fused scope: nothing builds the paired launch.
tile.kernel @a_loaded(%a: !tile.gm<6144x256xbf16>, %b: !tile.gm<256x512xbf16>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<6144x256xbf16> -> tensor<6144x256xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  // expected-error @+1 {{'tile.matmul' op is paired with the scope computing its A (ascend.lhs_pairing), but its A is no result of a fused scope lowered before it}}
  %p = tile.matmul %ta, %tb {ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>} : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %p, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// B's load comes after the scope, where the paired launch would run.
tile.kernel @b_after(%x: !tile.gm<6144x256xf32>, %b: !tile.gm<256x512xbf16>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %tx = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %a = tile.scope "scale" core = <vector> -> tensor<6144x256xbf16> {
    %c = tile.cast %tx {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %c : tensor<6144x256xbf16>
  }
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  // expected-error @+1 {{'tile.matmul' op is paired with the scope computing its A (ascend.lhs_pairing), but its B is not there before that scope}}
  %p = tile.matmul %a, %tb {ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>} : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %p, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// Chunks of 128 rows do not divide the 64-row halves of 128-row slots.
tile.kernel @half_chunks(%x: !tile.gm<6144x256xf32>, %b: !tile.gm<256x512xbf16>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %tx = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  // expected-error @+1 {{strategy #ascend.chunking<rows = 128> does not tile the 64-row halves of the slots it pushes in work items, or its 6144 token rows (static) in slots}}
  %a = tile.scope "scale" core = <vector> -> tensor<6144x256xbf16> {
    %c = tile.cast %tx {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %c : tensor<6144x256xbf16>
  } {tokens = 128 : i64}
  %p = tile.matmul %a, %tb {ascend.lhs_pairing = #ascend.v2c_ring<rows = 128, cols = 256, slots = 4>} : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %p, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}

// -----

// Slots of 64 rows, but the matmul's blocking has 128-row blocks.
tile.kernel @slot_rows(%x: !tile.gm<6144x256xf32>, %b: !tile.gm<256x512xbf16>, %y: !tile.gm<6144x512xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %tx = tile.load %x[%c0, %c0] : !tile.gm<6144x256xf32> -> tensor<6144x256xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<256x512xbf16> -> tensor<256x512xbf16>
  %a = tile.scope "scale" core = <vector> -> tensor<6144x256xbf16> {
    %c = tile.cast %tx {round = #tile.round<rint>} : tensor<6144x256xf32> -> tensor<6144x256xbf16>
    tile.yield %c : tensor<6144x256xbf16>
  } {tokens = 16 : i64}
  // expected-error @+1 {{does not take A from its 64 x 256 slots: a work item is a slot's row block, all of its columns, with A's panel in L1, of static rows}}
  %p = tile.matmul %a, %tb {ascend.lhs_pairing = #ascend.v2c_ring<rows = 64, cols = 256, slots = 4>} : tensor<6144x256xbf16>, tensor<256x512xbf16> -> tensor<6144x512xf32>
  tile.store %p, %y[%c0, %c0] : tensor<6144x512xf32>, !tile.gm<6144x512xf32>
  tile.return
}
