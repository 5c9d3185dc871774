// Ops outside the interpreter's repertoire are located errors, never crashes.
// RUN: rm -rf %t
// RUN: not tile-run %s --kernel bitcast --random 1 --outputs %t/out --interpret 2>&1 | FileCheck %s --check-prefix=OP
// RUN: not tile-run %s --kernel dense --random 1 --outputs %t/out --interpret 2>&1 | FileCheck %s --check-prefix=DENSE
// RUN: not tile-run %s --kernel divide --random 1 --set n=0 --outputs %t/out --interpret 2>&1 | FileCheck %s --check-prefix=DIV
// RUN: not tile-run %s --kernel vector --random 1 --outputs %t/out --interpret 2>&1 | FileCheck %s --check-prefix=VECTOR
// RUN: not ls %t/out

tile.kernel @bitcast(%x: f32, %y: !tile.gm<1xi32> {tile.out}) {
  // OP: unsupported.mlir:[[@LINE+1]]:8: error: the reference interpreter does not support 'arith.bitcast'
  %0 = arith.bitcast %x : f32 to i32
  tile.return
}

tile.kernel @dense(%y: !tile.gm<2xf32> {tile.out}) {
  // DENSE: unsupported.mlir:[[@LINE+1]]:8: error: the reference interpreter supports scalar constants only, found 'tensor<2xf32>'
  %0 = arith.constant dense<1.0> : tensor<2xf32>
  tile.return
}

tile.kernel @divide(%n: i32, %y: !tile.gm<2xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %ones = tile.full 1 : i32 : tensor<2xi32>
  // DIV: unsupported.mlir:[[@LINE+1]]:8: error: integer division by zero
  %0 = tile.div %ones, %n : tensor<2xi32>, i32 -> tensor<2xi32>
  tile.store %0, %y[%c0] : tensor<2xi32>, !tile.gm<2xi32>
  tile.return
}

tile.kernel @vector(%x: !tile.gm<2xi32>, %y: !tile.gm<2xi32> {tile.out}) {
  %c0 = arith.constant 0 : index
  %0 = tile.load %x[%c0] : !tile.gm<2xi32> -> tensor<2xi32>
  // VECTOR: unsupported.mlir:[[@LINE+1]]:8: error: the reference interpreter runs arith ops on scalars only; use the tile ops for tensors
  %1 = arith.addi %0, %0 : tensor<2xi32>
  tile.store %1, %y[%c0] : tensor<2xi32>, !tile.gm<2xi32>
  tile.return
}
