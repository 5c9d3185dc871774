// RUN: tile-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// The discardable attributes TileDialect.td declares: `tile.parallel`, a unit
// attribute on an scf.for, verifies; a wrong type, a wrong op or an undeclared
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
  // expected-error @+1 {{unknown attribute 'tile.pipeline_stages': the tile dialect declares its attributes in TileDialect.td}}
  scf.for %i = %c0 to %c4 step %c1 {
  } {tile.pipeline_stages = 2 : i64}
  return
}
