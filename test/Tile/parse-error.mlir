// RUN: not tile-opt %s 2>&1 | FileCheck %s

// A malformed op is reported at its file, line and column, and tile-opt
// exits with status 1 (`not` fails on any other status, including a crash).

tile.kernel @k(%x: !tile.gm<16x64xf32>) {
  %c0 = arith.constant 0 : index
  // The `->` and result type are missing.
  // CHECK: parse-error.mlir:[[# @LINE + 1]]:52: error: expected '->'
  %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32>
  tile.return
}
// CHECK-NOT: error:
