// RUN: tile-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// The discardable attributes TileDialect.td declares: `tile.parallel`, a unit
// attribute on an scf.for, and `tile.pipeline_stages`, a positive i64 on an
// scf.for or a tile.matmul, verify; a wrong type, a wrong op or an undeclared
// `tile.` name is an error (TileDiscardableAttrs.cpp).

// CHECK: } {tile.parallel}
func.func @parallel() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.parallel}
  return
}

// -----

func.func @parallel_with_value() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'tile.parallel' must be a unit attribute, found 2 : i64}}
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.parallel = 2}
  return
}

// -----

// expected-error @+1 {{'tile.parallel' marks an scf.for, not func.func}}
func.func @not_a_loop() attributes {tile.parallel} {
  return
}

// -----

func.func @undeclared() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{unknown attribute 'tile.unrolled': the tile dialect declares its attributes in TileDialect.td}}
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.unrolled = 2 : i64}
  return
}

// -----

// CHECK-LABEL: func.func @stages
// CHECK: } {tile.pipeline_stages = 2 : i64}
// CHECK: tile.matmul {{.*}} {tile.pipeline_stages = 3 : i64}
func.func @stages(%a: tensor<16x32xbf16>, %b: tensor<32x16xbf16>) -> tensor<16x16xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.pipeline_stages = 2 : i64}
  %c = tile.matmul %a, %b {tile.pipeline_stages = 3 : i64} : tensor<16x32xbf16>, tensor<32x16xbf16> -> tensor<16x16xf32>
  return %c : tensor<16x16xf32>
}

// -----

func.func @stages_zero() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'tile.pipeline_stages' must be a positive i64, found 0 : i64}}
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.pipeline_stages = 0 : i64}
  return
}

// -----

// expected-error @+1 {{'tile.pipeline_stages' marks an scf.for or a tile.matmul, not func.func}}
func.func @stages_not_a_loop() attributes {tile.pipeline_stages = 2 : i64} {
  return
}
