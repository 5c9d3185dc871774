// RUN: tile-opt %s -split-input-file -verify-diagnostics --tile-form-tasks --tile-place-gm --convert-tile-to-ascend

// convert-tile-to-ascend only reads strategies: an op without one is an error.
tile.kernel @missing(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{'tile.mul' op has no chunking strategy (`ascend.strategy`): run tile-select-strategy first}}
  %sq = tile.mul %t, %t : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  tile.store %sq, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

tile.kernel @missing_blocking(%a: !tile.gm<64x64xbf16>, %b: !tile.gm<64x64xbf16>, %c: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  // expected-error @below {{'tile.matmul' op has no blocking strategy (`ascend.strategy`): run tile-select-strategy first}}
  %r = tile.matmul %ta, %tb {ascend.strategy = #ascend.chunking<rows = 8, cols = 64>} : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xf32>
  tile.store %r, %c[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

tile.kernel @missing_scope(%x: !tile.gm<64x64xf32>, %q: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  // expected-error @below {{'tile.scope' op has no chunking strategy (`ascend.strategy`): run tile-select-strategy first}}
  %r = tile.scope "fused" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v : tensor<64x64xf32>
    tile.yield %a : tensor<64x64xf32>
  }
  tile.store %r, %q[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

tile.kernel @missing_copy(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{'tile.store' op has no chunking for its copy #0 (`ascend.copies`): run tile-select-strategy first}}
  tile.store %t, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

// A strategy that does not tile the op's data is an error at the op.
tile.kernel @uneven_copy(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{the strategy #ascend.chunking<rows = 64, cols = 100> does not tile the copy of 64 × 256 elements in blocks of 64 consecutive rows}}
  tile.store %t, %y[%c0, %c0] {ascend.copies = [#ascend.chunking<rows = 64, cols = 100>]} : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

tile.kernel @uneven(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{'tile.mul' op strategy #ascend.chunking<rows = 3, cols = 256> does not tile its 64 × 256 data in blocks of 64 rows: chunks divide both and keep a reduced dimension whole}}
  %sq = tile.mul %t, %t {ascend.strategy = #ascend.chunking<rows = 3, cols = 256>} : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  tile.store %sq, %y[%c0, %c0] : tensor<64x256xf32>, !tile.gm<64x256xf32>
  tile.return
}

// -----

tile.kernel @split_reduction(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{'tile.row_sum' op strategy #ascend.chunking<rows = 8, cols = 128> does not tile its 64 × 256 data}}
  %s = tile.row_sum %t {ascend.strategy = #ascend.chunking<rows = 8, cols = 128>} : tensor<64x256xf32> -> tensor<64x1xf32>
  tile.store %s, %y[%c0, %c0] : tensor<64x1xf32>, !tile.gm<64x1xf32>
  tile.return
}

// -----

tile.kernel @uneven_blocking(%a: !tile.gm<64x64xbf16>, %b: !tile.gm<64x64xbf16>, %c: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  // expected-error @below {{the blocking #ascend.blocking<m = 48, n = 64, k = 16, chunk = 32, panel = false, accumulators = 1, length = 1> does not tile the 64 × 64 × 64 matmul: m and n must divide M and N, and chunk must divide K but for at most one step of k}}
  %r = tile.matmul %ta, %tb {ascend.strategy = #ascend.blocking<m = 48, n = 64, k = 16, chunk = 32, panel = false, accumulators = 1, length = 1>} : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xf32>
  tile.store %r, %c[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

tile.kernel @uneven_scope(%x: !tile.gm<64x64xf32>, %q: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  // expected-error @below {{'tile.scope' op strategy #ascend.chunking<rows = 64, double_buffered = true> does not tile its 64 token rows: chunks divide the 64 rows in which a broadcast operand's rows repeat, and a double-buffered work item is two of them}}
  %r = tile.scope "fused" core = #tile.core<vector> -> tensor<64x64xf32> {
    %a = tile.abs %v : tensor<64x64xf32>
    tile.yield %a : tensor<64x64xf32>
  } {ascend.strategy = #ascend.chunking<rows = 64, double_buffered = true>}
  tile.store %r, %q[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// Only a scope of row-wise ops over the same token rows can be one task.
tile.kernel @not_fusable(%x: !tile.gm<64x64xf32>, %q: !tile.gm<1x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %v = tile.load %x[%c0, %c0] : !tile.gm<64x64xf32> -> tensor<64x64xf32>
  // expected-error @below {{'tile.scope' op is not one task: its ops do not all run row by row over the same token rows, so its strategy must be #ascend.inline}}
  %r = tile.scope "sums" core = #tile.core<vector> -> tensor<1x64xf32> {
    %s = tile.col_sum %v : tensor<64x64xf32> -> tensor<1x64xf32>
    tile.yield %s : tensor<1x64xf32>
  } {ascend.strategy = #ascend.chunking<rows = 8>}
  tile.store %r, %q[%c0, %c0] : tensor<1x64xf32>, !tile.gm<1x64xf32>
  tile.return
}

// -----

tile.kernel @uneven_interleave(%x: !tile.gm<64x32xf32>, %y: !tile.gm<64x32xf32>, %z: !tile.gm<64x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %a = tile.load %x[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  %b = tile.load %y[%c0, %c0] : !tile.gm<64x32xf32> -> tensor<64x32xf32>
  // expected-error @below {{the strategy #ascend.chunking<rows = 5, cols = 64> does not tile the 64 × 64 interleave: chunks of whole rows dividing 64}}
  %i = tile.interleave %a, %b {ascend.copies = [#ascend.chunking<rows = 64, cols = 32>, #ascend.chunking<rows = 64, cols = 32>], ascend.strategy = #ascend.chunking<rows = 5, cols = 64>} : tensor<64x32xf32> -> tensor<64x64xf32>
  tile.store %i, %z[%c0, %c0] : tensor<64x64xf32>, !tile.gm<64x64xf32>
  tile.return
}

// -----

// The attributes check themselves.
tile.kernel @bad_chunking(%x: !tile.gm<64x256xf32>, %y: !tile.gm<64x256xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<64x256xf32> -> tensor<64x256xf32>
  // expected-error @below {{a chunk has at least one row and a column count of at least 0 (0: whole rows), found rows = 0, cols = 256}}
  %sq = tile.mul %t, %t {ascend.strategy = #ascend.chunking<rows = 0, cols = 256>} : tensor<64x256xf32>, tensor<64x256xf32> -> tensor<64x256xf32>
  tile.return
}

// -----

tile.kernel @bad_blocking(%a: !tile.gm<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  // expected-error @below {{an L1 chunk is a whole number of K steps, found chunk = 48, k = 32}}
  %r = tile.matmul %ta, %ta {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 32, chunk = 48, panel = false, accumulators = 1, length = 1>} : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xf32>
  tile.return
}

// -----

tile.kernel @bad_accumulators(%a: !tile.gm<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  // expected-error @below {{a blocking has 1 or 2 accumulators, found 3}}
  %r = tile.matmul %ta, %ta {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 32, chunk = 32, panel = false, accumulators = 3, length = 1>} : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xf32>
  tile.return
}

// -----

tile.kernel @bad_buffers(%a: !tile.gm<64x64xbf16>) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<64x64xbf16> -> tensor<64x64xbf16>
  // expected-error @below {{a blocking has 1 to 4 buffers, found 5}}
  %r = tile.matmul %ta, %ta {ascend.strategy = #ascend.blocking<m = 64, n = 64, k = 32, chunk = 32, panel = false, accumulators = 1, length = 1, buffers = 5>} : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xf32>
  tile.return
}
