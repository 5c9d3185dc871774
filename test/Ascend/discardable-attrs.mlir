// RUN: tile-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// The discardable attributes AscendDialect.td declares: right types on the
// right ops verify; every wrong one is an error (AscendDiscardableAttrs.cpp).

// CHECK: module attributes {ascend.target = #ascend.target<a5>}
// CHECK: ascend.task @planned() attributes {ascend.fused_ops = ["mul@3", "row_sum@4"], ascend.memory_peak = {l0c = 0 : i64, ub = 4096 : i64}, core = #ascend.core<aiv>}
module attributes {ascend.target = #ascend.target<a5>} {
  ascend.task @planned() attributes {core = #ascend.core<aiv>, ascend.fused_ops = ["mul@3", "row_sum@4"], ascend.memory_peak = {ub = 4096 : i64, l0c = 0 : i64}} {
    ascend.return
  }
}

// -----

// expected-error @+1 {{'ascend.target' must be an #ascend.target attribute, found 5 : i64}}
module attributes {ascend.target = 5} {
}

// -----

// The target is typed: the name alone is not one.
// expected-error @+1 {{'ascend.target' must be an #ascend.target attribute, found "a2a3"}}
module attributes {ascend.target = "a2a3"} {
}

// -----

module {
  // expected-error @+1 {{'ascend.target' belongs on the module, not ascend.task}}
  ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.target = #ascend.target<a2a3>} {
    ascend.return
  }
}

// -----

// expected-error @+1 {{'ascend.fused_ops' must be an array of strings, found [1]}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.fused_ops = [1]} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.fused_ops' belongs on an ascend.task, not builtin.module}}
module attributes {ascend.fused_ops = ["mul@3"]} {
}

// -----

// expected-error @+1 {{'ascend.memory_peak' must be a dictionary of bytes per memory space, found 4096 : i64}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.memory_peak = 4096} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.memory_peak' names no memory space: "l2"}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.memory_peak = {l2 = 64 : i64}} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.memory_peak' must be i64 bytes per memory space, found 64 : i32}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.memory_peak = {ub = 64 : i32}} {
  ascend.return
}

// -----

// expected-error @+2 {{expected ::tilec::ascend::Target to be one of: a2a3, a5}}
// expected-error @+1 {{failed to parse Ascend_TargetAttr parameter 'value'}}
module attributes {ascend.target = #ascend.target<a9>} {
}

// -----

// The tiling decisions of tile-select-strategy are typed: a strategy is one
// of the strategy attributes, the copies an array of chunkings.
// CHECK-LABEL: ascend.task @strategies
// CHECK-SAME: ascend.copies = [#ascend.chunking<rows = 8>, #ascend.chunking<rows = 4>]
// CHECK-SAME: ascend.strategy = #ascend.chunking<rows = 4, double_buffered = true>
ascend.task @strategies() attributes {core = #ascend.core<aiv>, ascend.strategy = #ascend.chunking<rows = 4, double_buffered = true>, ascend.copies = [#ascend.chunking<rows = 8>, #ascend.chunking<rows = 4>]} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.strategy' must be an #ascend.chunking, #ascend.inline or #ascend.blocking, found "inline"}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.strategy = "inline"} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.copies' must be an array of #ascend.chunking, found [#ascend.inline]}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.copies = [#ascend.inline]} {
  ascend.return
}

// -----

// expected-error @+1 {{'ascend.copies' must be an array of #ascend.chunking, found #ascend.chunking<rows = 8>}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.copies = #ascend.chunking<rows = 8>} {
  ascend.return
}

// -----

// A task of a tile op (tile-form-tasks): the cores it runs on.
// CHECK-LABEL: tile.kernel @task
// CHECK: tile.abs %{{.*}} {ascend.task = #ascend.core<aiv>} : tensor<8x64xf32>
tile.kernel @task(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  %a = tile.abs %t {ascend.task = #ascend.core<aiv>} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// expected-error @+1 {{'ascend.task' belongs on a tile op or scope, not ascend.task}}
ascend.task @t() attributes {core = #ascend.core<aiv>, ascend.task = #ascend.core<aiv>} {
  ascend.return
}

// -----

tile.kernel @task_type(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'ascend.task' must be an #ascend.core attribute, found "aiv"}}
  %a = tile.abs %t {ascend.task = "aiv"} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

// CHECK-LABEL: tile.kernel @pairing
// CHECK: tile.matmul {{.*}}ascend.pairing = #ascend.c2v_ring<rows = 16, cols = 32, slots = 2>
tile.kernel @pairing(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb {ascend.pairing = #ascend.c2v_ring<rows = 16, cols = 32, slots = 2>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @pairing_not_matmul(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'ascend.pairing' belongs on a tile.matmul, not tile.abs}}
  %a = tile.abs %t {ascend.pairing = #ascend.c2v_ring<rows = 8, cols = 64, slots = 2>} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

tile.kernel @pairing_type(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  // expected-error @+1 {{'ascend.pairing' must be an #ascend.c2v_ring attribute, found 4 : i64}}
  %p = tile.matmul %ta, %tb {ascend.pairing = 4} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

// CHECK-LABEL: tile.kernel @lhs_pairing
// CHECK: tile.matmul {{.*}}ascend.lhs_pairing = #ascend.v2c_ring<rows = 16, cols = 32, slots = 2>
tile.kernel @lhs_pairing(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb {ascend.lhs_pairing = #ascend.v2c_ring<rows = 16, cols = 32, slots = 2>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @lhs_pairing_type(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  // expected-error @+1 {{'ascend.lhs_pairing' must be an #ascend.v2c_ring attribute, found #ascend.c2v_ring<rows = 16, cols = 32, slots = 2>}}
  %p = tile.matmul %ta, %tb {ascend.lhs_pairing = #ascend.c2v_ring<rows = 16, cols = 32, slots = 2>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @lhs_pairing_not_matmul(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'ascend.lhs_pairing' belongs on a tile.matmul, not tile.abs}}
  %a = tile.abs %t {ascend.lhs_pairing = #ascend.v2c_ring<rows = 8, cols = 64, slots = 2>} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

tile.kernel @lhs_pairing_acc(%a: !tile.gm<16x32xbf16>, %b: !tile.gm<32x16xbf16>, %c: !tile.gm<16x16xf32>, %y: !tile.gm<16x16xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xbf16> -> tensor<16x32xbf16>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x16xbf16> -> tensor<32x16xbf16>
  %tc = tile.load %c[%c0, %c0] : !tile.gm<16x16xf32> -> tensor<16x16xf32>
  // expected-error @+1 {{'ascend.lhs_pairing' pairs no accumulating matmul}}
  %r = tile.matmul %ta, %tb acc %tc {ascend.lhs_pairing = #ascend.v2c_ring<rows = 16, cols = 32, slots = 2>} : tensor<16x32xbf16>, tensor<32x16xbf16>, tensor<16x16xf32> -> tensor<16x16xf32>
  tile.store %r, %y[%c0, %c0] : tensor<16x16xf32>, !tile.gm<16x16xf32>
  tile.return
}

// -----

// expected-error @+1 {{a v2c ring's slots have an even number of rows (a half per AIV), at least one column, and there is at least one slot, found rows = 7, cols = 64, slots = 2}}
func.func private @v2c_odd_rows() attributes {ring = #ascend.v2c_ring<rows = 7, cols = 64, slots = 2>}

// -----

// CHECK-LABEL: tile.kernel @few_rows
// CHECK: tile.matmul {{.*}}ascend.few_rows = #ascend.few_rows<rows = 64, blocking = <m = 16, n = 16, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>>
tile.kernel @few_rows(%t: i32 {tile.dim = 128 : i64}, %a: !tile.gm<128x32xf32> {tile.rows = 0 : i64}, %b: !tile.gm<32x32xf32>, %y: !tile.gm<128x32xf32> {tile.out, tile.rows = 0 : i64}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<128x32xf32> -> tensor<128x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb {ascend.few_rows = #ascend.few_rows<rows = 64, blocking = <m = 16, n = 16, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>>} : tensor<128x32xf32>, tensor<32x32xf32> -> tensor<128x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<128x32xf32>, !tile.gm<128x32xf32>
  tile.return
}

// -----

tile.kernel @few_rows_not_matmul(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'ascend.few_rows' belongs on a tile.matmul, not tile.abs}}
  %a = tile.abs %t {ascend.few_rows = #ascend.few_rows<rows = 8, blocking = <m = 16, n = 16, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>>} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

tile.kernel @few_rows_type(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  // expected-error @+1 {{'ascend.few_rows' must be an #ascend.few_rows attribute, found 4 : i64}}
  %p = tile.matmul %ta, %tb {ascend.few_rows = 4} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @few_rows_none(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  // expected-error @+1 {{few rows are at least one, found rows = 0}}
  %p = tile.matmul %ta, %tb {ascend.few_rows = #ascend.few_rows<rows = 0, blocking = <m = 16, n = 16, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

// CHECK-LABEL: tile.kernel @joined
// CHECK: tile.matmul {{.*}}ascend.joined
tile.kernel @joined(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  %q = tile.matmul %ta, %tb {ascend.joined} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %q, %z[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @joined_not_matmul(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  // expected-error @+1 {{'ascend.joined' belongs on a tile.matmul, not tile.abs}}
  %a = tile.abs %t {ascend.joined} : tensor<8x64xf32>
  tile.store %a, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

tile.kernel @joined_type(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  // expected-error @+1 {{'ascend.joined' must be a unit attribute, found 1 : i64}}
  %q = tile.matmul %ta, %tb {ascend.joined = 1} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %q, %z[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

// The matmul before it has another A.
tile.kernel @joined_other_a(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  %ta2 = tile.abs %ta : tensor<16x32xf32>
  // expected-error @+1 {{'ascend.joined' needs a tile.matmul of the same A, B the same way round, right before it}}
  %q = tile.matmul %ta2, %tb {ascend.joined} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %q, %z[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @joined_blocking(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb {ascend.strategy = #ascend.blocking<m = 16, n = 16, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  // expected-error @+1 {{'ascend.joined' needs the blockings of the tile.matmul before it}}
  %q = tile.matmul %ta, %tb {ascend.joined, ascend.strategy = #ascend.blocking<m = 16, n = 32, k = 16, chunk = 16, panel = false, accumulators = 1, length = 1>} : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %q, %z[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}

// -----

tile.kernel @joined_accumulating(%a: !tile.gm<16x32xf32>, %b: !tile.gm<32x32xf32>, %y: !tile.gm<16x32xf32> {tile.out}, %z: !tile.gm<16x32xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ta = tile.load %a[%c0, %c0] : !tile.gm<16x32xf32> -> tensor<16x32xf32>
  %tb = tile.load %b[%c0, %c0] : !tile.gm<32x32xf32> -> tensor<32x32xf32>
  %p = tile.matmul %ta, %tb : tensor<16x32xf32>, tensor<32x32xf32> -> tensor<16x32xf32>
  // expected-error @+1 {{'ascend.joined' joins no accumulating or paired matmul}}
  %q = tile.matmul %ta, %tb acc %p {ascend.joined} : tensor<16x32xf32>, tensor<32x32xf32>, tensor<16x32xf32> -> tensor<16x32xf32>
  tile.store %p, %y[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.store %q, %z[%c0, %c0] : tensor<16x32xf32>, !tile.gm<16x32xf32>
  tile.return
}
