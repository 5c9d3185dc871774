// RUN: tile-opt %s | tile-opt | FileCheck %s
// RUN: tile-opt %s --mlir-print-op-generic | tile-opt | FileCheck %s

// Round trip of the mixed-launch ops (AscendMixedOps.td): the host allocates
// a ring and launches a cube task and a vector task together; the AIC
// pushes accumulator blocks into the ring, each AIV pops its half of a slot,
// reads it and frees it.

!ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>

// CHECK-LABEL: ascend.task @producer
// CHECK-SAME: %[[R:[a-z0-9_]+]]: !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
ascend.task @producer(%x: !ascend.gm<32x64xi32>, %ring: !ring, %y: !ascend.gm<32x64xf32>)
    attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %acc = ascend.alloc : !ascend.tile<32x32xi32, l0c>
  // CHECK: ascend.tpush %{{.*}}, %[[R]][%{{.*}}] : !ascend.tile<32x32xi32, l0c>, !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
  ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x32xi32, l0c>, !ring
  ascend.tpush %acc, %ring[%c32] : !ascend.tile<32x32xi32, l0c>, !ring
  ascend.return
}

// CHECK-LABEL: ascend.task @consumer
ascend.task @consumer(%x: !ascend.gm<32x64xi32>, %ring: !ring, %y: !ascend.gm<32x64xf32>)
    attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %t = ascend.alloc : !ascend.tile<16x64xi32, ub>
  // CHECK: ascend.subblock_idx
  %sub = ascend.subblock_idx
  // CHECK: %[[S:.*]] = ascend.tpop %[[R:.*]] <up_down> : !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32> -> !ascend.gm<16x64xi32>
  // CHECK: ascend.tload %{{.*}}, %[[S]]
  // CHECK: ascend.tfree %[[R]] : !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
  %s = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<16x64xi32>
  ascend.tload %t, %s[%c0, %c0] : !ascend.tile<16x64xi32, ub>, !ascend.gm<16x64xi32>
  ascend.tfree %ring : !ring
  // CHECK: ascend.tpop %[[R]] <none> : {{.*}} -> !ascend.gm<32x64xi32>
  %whole = ascend.tpop %ring <none> : !ring -> !ascend.gm<32x64xi32>
  ascend.tfree %ring : !ring
  ascend.return
}

// CHECK-LABEL: ascend.kernel @mixed
// CHECK: %[[RING:.*]] = ascend.alloc_ring : !ascend.ring<slots = 2, rows = 32, cols = 64, element = i32>
// CHECK: ascend.launch_mixed @producer, @consumer(%{{.*}}, %[[RING]], %{{.*}}) blocks = 1
ascend.kernel @mixed(%x: !ascend.gm<32x64xi32>, %y: !ascend.gm<32x64xf32> {ascend.out}) {
  %ring = ascend.alloc_ring : !ring
  ascend.launch_mixed @producer, @consumer(%x, %ring, %y) blocks = 1 : (!ascend.gm<32x64xi32>, !ring, !ascend.gm<32x64xf32>) -> ()
  ascend.return
}

// A ring in the AIVs' UB (a5's L0C -> UB hand-off, which a2a3 lacks): the
// AIC pushes whole slots, each AIV pops its half as a UB tile and frees it
// after reading it.
!ub_ring = !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>

module attributes {ascend.target = #ascend.target<a5>} {
// CHECK-LABEL: ascend.task @ub_producer
// CHECK-SAME: !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
  ascend.task @ub_producer(%ring: !ub_ring) attributes {core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %acc = ascend.alloc : !ascend.tile<32x64xf32, l0c>
    // CHECK: ascend.tpush %{{.*}}, %{{.*}}[%{{.*}}] : !ascend.tile<32x64xf32, l0c>, !ascend.ring<{{.*}}memory = ub>
    ascend.tpush %acc, %ring[%c0] : !ascend.tile<32x64xf32, l0c>, !ub_ring
    ascend.return
  }

// CHECK-LABEL: ascend.task @ub_consumer
// CHECK-SAME: %[[R:[a-z0-9_]+]]: !ascend.ring<slots = 2, rows = 32, cols = 64, element = f32, memory = ub>
  ascend.task @ub_consumer(%ring: !ub_ring) attributes {core = #ascend.core<aiv>} {
    %t = ascend.alloc : !ascend.tile<16x64xf32, ub>
    // CHECK: %[[S:.*]] = ascend.tpop_tile %[[R]] : !ascend.ring<{{.*}}memory = ub> -> !ascend.tile<16x64xf32, ub>
    // CHECK: ascend.tmuls %{{.*}}, %[[S]]
    // CHECK: ascend.tfree_tile %[[S]], %[[R]] : !ascend.tile<16x64xf32, ub>, !ascend.ring<{{.*}}memory = ub>
    %s = ascend.tpop_tile %ring : !ub_ring -> !ascend.tile<16x64xf32, ub>
    %two = arith.constant 2.0 : f32
    ascend.tmuls %t, %s, %two : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, f32
    ascend.tfree_tile %s, %ring : !ascend.tile<16x64xf32, ub>, !ub_ring
    ascend.return
  }
}

// A v2c ring runs the other way: each AIV pushes rows of its half of a slot,
// the AIC pops the whole slot, loads it and frees it.
!v2c = !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>

// CHECK-LABEL: ascend.task @vector_producer
// CHECK-SAME: %[[V:[a-z0-9_]+]]: !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
ascend.task @vector_producer(%ring: !v2c) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %t = ascend.alloc : !ascend.tile<8x64xbf16, ub>
  // CHECK: ascend.tpush_rows %{{.*}}, %[[V]][%{{.*}}] : !ascend.tile<8x64xbf16, ub>, !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c>
  ascend.tpush_rows %t, %ring[%c0] : !ascend.tile<8x64xbf16, ub>, !v2c
  ascend.tpush_rows %t, %ring[%c8] : !ascend.tile<8x64xbf16, ub>, !v2c
  ascend.return
}

// CHECK-LABEL: ascend.task @cube_consumer
ascend.task @cube_consumer(%ring: !v2c) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %a = ascend.alloc : !ascend.tile<32x64xbf16, l1>
  // CHECK: %[[S:.*]] = ascend.tpop %[[R2:.*]] <none> : !ascend.ring<slots = 2, rows = 32, cols = 64, element = bf16, direction = v2c> -> !ascend.gm<32x64xbf16>
  %s = ascend.tpop %ring <none> : !v2c -> !ascend.gm<32x64xbf16>
  // CHECK-NEXT: ascend.tload %{{.*}}, %[[S]]
  ascend.tload %a, %s[%c0, %c0] : !ascend.tile<32x64xbf16, l1>, !ascend.gm<32x64xbf16>
  // CHECK-NEXT: ascend.tfree %[[R2]]
  ascend.tfree %ring : !v2c
  ascend.return
}
