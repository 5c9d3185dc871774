// RUN: tile-opt %s -split-input-file -verify-diagnostics --tile-select-strategy --tile-form-tasks --tile-place-gm --convert-tile-to-ascend

tile.kernel @composite(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'tile.rms_norm' op is a composite: run --tile-expand-composites first}}
  %n = tile.rms_norm %t {eps = 1.0e-6 : f32} : tensor<8x64xf32> -> tensor<8x64xf32>
  tile.store %n, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// A row reduction needs whole rows in UB.
tile.kernel @long_rows(%x: !tile.gm<2x65536xf32>, %y: !tile.gm<2x1xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<2x65536xf32> -> tensor<2x65536xf32>
  // expected-error @+1 {{'tile.row_sum' op needs whole rows of 65536 elements in UB (1572864 bytes per row for 6 tiles), but UB holds 196608 bytes; split the columns (e.g. reshape into more, shorter rows)}}
  %s = tile.row_sum %t : tensor<2x65536xf32> -> tensor<2x1xf32>
  tile.store %s, %y[%c0, %c0] : tensor<2x1xf32>, !tile.gm<2x1xf32>
  tile.return
}

// -----

// A matmul on the vector cores.
tile.kernel @scoped(%a: !tile.gm<16x32xbf16>, %b: !tile.gm<32x16xbf16>, %y: !tile.gm<16x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  // expected-note @+1 {{the scope is pinned to the vector cores here}}
  tile.scope "epilogue" core = #tile.core<vector> {
    %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xbf16> -> tensor<16x32xbf16>
    %tb = tile.load %b[%c0, %c0] : !tile.gm<32x16xbf16> -> tensor<32x16xbf16>
    // expected-error @+1 {{'tile.matmul' op cannot run in scope 'epilogue' on the vector cores}}
    %r = tile.matmul %ta, %tb : tensor<16x32xbf16>, tensor<32x16xbf16> -> tensor<16x16xf32>
    tile.store %r, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  }
  tile.return
}

