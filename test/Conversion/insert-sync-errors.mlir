// RUN: tile-opt %s --ascend-insert-sync -verify-diagnostics

// All eight MTE2 → V event ids are held by the task's own flags when the
// texp needs one more.
ascend.task @out_of_event_ids(%x: !ascend.gm<16x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc {offset = 0 : i64} : !ascend.tile<16x256xf32, ub>
  %b = ascend.alloc {offset = 16384 : i64} : !ascend.tile<16x256xf32, ub>
  ascend.set_flag <mte2> -> <v>, 0
  ascend.set_flag <mte2> -> <v>, 1
  ascend.set_flag <mte2> -> <v>, 2
  ascend.set_flag <mte2> -> <v>, 3
  ascend.set_flag <mte2> -> <v>, 4
  ascend.set_flag <mte2> -> <v>, 5
  ascend.set_flag <mte2> -> <v>, 6
  ascend.set_flag <mte2> -> <v>, 7
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<16x256xf32, ub>, !ascend.gm<16x256xf32>
  // expected-error @+1 {{needs a flag from pipe mte2 to pipe v, but all 8 event ids of that pair are held by flags not yet waited for}}
  ascend.texp %b, %a : !ascend.tile<16x256xf32, ub>, !ascend.tile<16x256xf32, ub>
  ascend.return
}
