// RUN: tile-opt %s --tile-assign-target | FileCheck %s --check-prefix=DEFAULT
// RUN: tile-opt %s --tile-assign-target=target=a5 | FileCheck %s --check-prefix=A5
// RUN: not tile-opt %s --tile-assign-target=target=a9 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// The option, not the attribute the module already has, decides.
// DEFAULT: module attributes {ascend.target = #ascend.target<a2a3>}
// A5: module attributes {ascend.target = #ascend.target<a5>}
// UNKNOWN: assign-target.mlir:[[@LINE+1]]:1: error: unknown target 'a9' (known: a2a3, a5)
module attributes {ascend.target = #ascend.target<a5>} {
  tile.kernel @k(%x: !tile.gm<16x64xf32>, %y: !tile.gm<16x64xf32> {tile.out}) {
    %c0 = arith.constant 0 : index
    %t = tile.load %x[%c0, %c0] : !tile.gm<16x64xf32> -> tensor<16x64xf32>
    tile.store %t, %y[%c0, %c0] : tensor<16x64xf32>, !tile.gm<16x64xf32>
    tile.return
  }
}
