// RUN: tile-opt %s --ascend-plan-memory --split-input-file -verify-diagnostics

// Three 64 KiB tiles live at once need 192 KiB of UB; with a fourth live
// alongside, the last one placed (largest first, then program order) overflows.
ascend.task @ub_overflow(%x: !ascend.gm<64x256xf32>, %y: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
  %c0 = arith.constant 0 : index
  // expected-note @+1 {{live at the same time: '!ascend.tile<64x256xf32, ub>' (65536 bytes)}}
  %a = ascend.alloc : !ascend.tile<64x256xf32, ub>
  // expected-note @+1 {{live at the same time: '!ascend.tile<64x256xf32, ub>' (65536 bytes)}}
  %b = ascend.alloc : !ascend.tile<64x256xf32, ub>
  // expected-note @+1 {{live at the same time: '!ascend.tile<64x256xf32, ub>' (65536 bytes)}}
  %c = ascend.alloc : !ascend.tile<64x256xf32, ub>
  // expected-error @+1 {{UB overflow: buffer '!ascend.tile<64x256xf32, ub>' needs 65536 bytes but at most 0 contiguous bytes of the 196608-byte UB are free while it is live (the task's UB peak is 262144 bytes live at once); use a smaller token chunk}}
  %d = ascend.alloc : !ascend.tile<64x256xf32, ub>
  ascend.tload %a, %x[%c0, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tload %b, %x[%c0, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<64x256xf32>
  ascend.tadd %c, %a, %b : !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>
  ascend.tmul %d, %a, %c : !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %d : !ascend.gm<64x256xf32>, !ascend.tile<64x256xf32, ub>
  ascend.tstore %y[%c0, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<64x256xf32, ub>
  ascend.return
}

// -----

// One accumulator larger than L0C on its own.
ascend.task @l0c_overflow(%a: !ascend.gm<256x256xbf16>, %c: !ascend.gm<256x256xf32>) attributes {core = #ascend.core<aic>} {
  %c0 = arith.constant 0 : index
  %a0 = ascend.alloc : !ascend.tile<256x128xbf16, l0a>
  %b0 = ascend.alloc : !ascend.tile<128x256xbf16, l0b>
  // expected-error @+1 {{L0C overflow: buffer '!ascend.tile<256x256xf32, l0c>' needs 262144 bytes but at most 131072 contiguous bytes of the 131072-byte L0C are free while it is live (the task's L0C peak is 262144 bytes live at once); use a smaller M or N chunk for the matmul accumulator}}
  %acc = ascend.alloc : !ascend.tile<256x256xf32, l0c>
  ascend.tmatmul %acc, %a0, %b0 : !ascend.tile<256x256xf32, l0c>, !ascend.tile<256x128xbf16, l0a>, !ascend.tile<128x256xbf16, l0b>
  ascend.tstore %c[%c0, %c0], %acc : !ascend.gm<256x256xf32>, !ascend.tile<256x256xf32, l0c>
  ascend.return
}

// -----

// The target comes from the module; a5 has 256 KiB of UB, so four 64 KiB
// tiles fit there.
module attributes {ascend.target = #ascend.target<a5>} {
  ascend.task @fits_on_a5(%x: !ascend.gm<64x256xf32>) attributes {core = #ascend.core<aiv>} {
    %c0 = arith.constant 0 : index
    %a = ascend.alloc : !ascend.tile<64x256xf32, ub>
    %b = ascend.alloc : !ascend.tile<64x256xf32, ub>
    %c = ascend.alloc : !ascend.tile<64x256xf32, ub>
    %d = ascend.alloc : !ascend.tile<64x256xf32, ub>
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tload %b, %x[%c0, %c0] : !ascend.tile<64x256xf32, ub>, !ascend.gm<64x256xf32>
    ascend.tadd %c, %a, %b : !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>
    ascend.tadd %d, %a, %c : !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>, !ascend.tile<64x256xf32, ub>
    ascend.tstore %x[%c0, %c0], %d : !ascend.gm<64x256xf32>, !ascend.tile<64x256xf32, ub>
    ascend.tstore %x[%c0, %c0], %b : !ascend.gm<64x256xf32>, !ascend.tile<64x256xf32, ub>
    ascend.return
  }
}


// -----

// The slots of a ring in UB (a5: 2 slots of 32 x 512 f32 halves, 128 KiB)
// come first in the AIV's UB; two 64 KiB tiles fill the rest, a third live
// with them overflows.
!ub_ring = !ascend.ring<slots = 2, rows = 64, cols = 512, element = f32, memory = ub>
module attributes {ascend.target = #ascend.target<a5>} {
  ascend.task @after_ub_ring(%ring: !ub_ring, %x: !ascend.gm<32x512xf32>) attributes {core = #ascend.core<aiv>} {
    %c0 = arith.constant 0 : index
    // expected-note @+1 {{live at the same time: '!ascend.tile<32x512xf32, ub>' (65536 bytes)}}
    %a = ascend.alloc : !ascend.tile<32x512xf32, ub>
    // expected-note @+1 {{live at the same time: '!ascend.tile<32x512xf32, ub>' (65536 bytes)}}
    %b = ascend.alloc : !ascend.tile<32x512xf32, ub>
    // expected-error @+1 {{UB overflow: buffer '!ascend.tile<32x512xf32, ub>' needs 65536 bytes but at most 0 contiguous bytes of the 262144-byte UB are free while it is live (the task's UB peak is 196608 bytes live at once, after the 131072 bytes of its rings)}}
    %c = ascend.alloc : !ascend.tile<32x512xf32, ub>
    ascend.tload %a, %x[%c0, %c0] : !ascend.tile<32x512xf32, ub>, !ascend.gm<32x512xf32>
    ascend.tload %b, %x[%c0, %c0] : !ascend.tile<32x512xf32, ub>, !ascend.gm<32x512xf32>
    ascend.tadd %c, %a, %b : !ascend.tile<32x512xf32, ub>, !ascend.tile<32x512xf32, ub>, !ascend.tile<32x512xf32, ub>
    ascend.tstore %x[%c0, %c0], %c : !ascend.gm<32x512xf32>, !ascend.tile<32x512xf32, ub>
    ascend.tstore %x[%c0, %c0], %a : !ascend.gm<32x512xf32>, !ascend.tile<32x512xf32, ub>
    ascend.return
  }
}
