// RUN: not tile-opt %s 2>&1 | FileCheck %s

// An unknown memory space in a type is reported at the space's location,
// and tile-opt exits with status 1.

// CHECK: parse-error.mlir:[[# @LINE + 1]]:46: error: expected a memory space (ub, l1, l0a, l0b, l0c), found 'vec'
func.func private @f(!ascend.tile<16x64xf32, vec>)
// CHECK-NOT: error:
