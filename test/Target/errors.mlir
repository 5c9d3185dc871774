// RUN: tile-translate --ascend-to-cpp --split-input-file --verify-diagnostics %s -o /dev/null
// What the emitter cannot spell is an error at the op, never broken C++.

ascend.task @unplanned(%x: !tile.gm<8x64xf32>) attributes {core = #ascend.core<aiv>} {
  // expected-error @+1 {{buffer has no offset: run --ascend-plan-memory before C++ emission}}
  %0 = ascend.alloc : !ascend.tile<8x64xf32, ub>
  ascend.return
}

// -----

ascend.task @narrow_acc(%x: !tile.gm<8x64xf32>) attributes {core = #ascend.core<aic>} {
  // expected-error @+1 {{the '!ascend.tile<8x64xf32, l0c>' buffer needs 16x64 elements as whole fractals, more than the 2048 bytes memory planning reserved; use rows and columns that are multiples of 16}}
  %0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<8x64xf32, l0c>
  ascend.return
}

// -----

tile.kernel @unlowered(%x: !tile.gm<8x64xf32>, %y: !tile.gm<8x64xf32> {tile.out}) {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{C++ emission does not support 'tile.load' in a host program}}
  %t = tile.load %x[%c0, %c0] : !tile.gm<8x64xf32> -> tensor<8x64xf32>
  tile.store %t, %y[%c0, %c0] : tensor<8x64xf32>, !tile.gm<8x64xf32>
  tile.return
}

// -----

ascend.task @carried(%n: index) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{C++ emission does not support loop-carried values}}
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %c0) -> (index) {
    %next = arith.addi %acc, %i : index
    scf.yield %next : index
  }
  ascend.return
}
