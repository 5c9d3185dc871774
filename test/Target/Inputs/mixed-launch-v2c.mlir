// A hand-written vector -> cube mixed launch (compiled by
// test/Target/mixed-launch-v2c.test, run on the model by
// test/Runtime/model-mixed-launch-v2c.test and on pto-isa's simulator by the
// conformance case mixed-launch-v2c-a2a3): y = bf16(2 x) @ w. Block b's AIVs
// scale x's row blocks 3 b, 3 b + 1 and 3 b + 2 (64 rows each), each AIV its
// 32-row half in two 16-row pushes, into one 64 x 32 slot of a 2-slot v2c
// ring (the third block's pushes wait for the AIC to free a slot); the AIC
// pops every slot into L1, frees it, and multiplies it by w in two 32-column
// blocks, stored into y.
!ring = !ascend.ring<slots = 2, rows = 64, cols = 32, element = bf16, direction = v2c>
module attributes {ascend.target = #ascend.target<a2a3>} {
  ascend.task @mm_c(%x: !ascend.gm<384x32xf32>, %w: !ascend.gm<32x64xbf16>, %ring: !ring, %y: !ascend.gm<384x64xf32>)
      attributes {core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %b = ascend.block_idx
    %first = arith.muli %b, %c3 : index
    %a1 = ascend.alloc : !ascend.tile<64x32xbf16, l1>
    %w1 = ascend.alloc : !ascend.tile<32x64xbf16, l1>
    %a0 = ascend.alloc : !ascend.tile<64x32xbf16, l0a>
    %w0 = ascend.alloc : !ascend.tile<32x32xbf16, l0b>
    %acc = ascend.alloc : !ascend.tile<64x32xf32, l0c>
    ascend.tload %w1, %w[%c0, %c0] : !ascend.tile<32x64xbf16, l1>, !ascend.gm<32x64xbf16>
    scf.for %r = %c0 to %c3 step %c1 {
      %slot = ascend.tpop %ring <none> : !ring -> !ascend.gm<64x32xbf16>
      ascend.tload %a1, %slot[%c0, %c0] : !ascend.tile<64x32xbf16, l1>, !ascend.gm<64x32xbf16>
      ascend.tfree %ring : !ring
      %block = arith.addi %first, %r : index
      %row = arith.muli %block, %c64 : index
      scf.for %n = %c0 to %c64 step %c32 {
        ascend.textract %a0, %a1[%c0, %c0] : !ascend.tile<64x32xbf16, l0a>, !ascend.tile<64x32xbf16, l1>
        ascend.textract %w0, %w1[%c0, %n] : !ascend.tile<32x32xbf16, l0b>, !ascend.tile<32x64xbf16, l1>
        ascend.tmatmul %acc, %a0, %w0 : !ascend.tile<64x32xf32, l0c>, !ascend.tile<64x32xbf16, l0a>, !ascend.tile<32x32xbf16, l0b>
        ascend.tstore %y[%row, %n], %acc : !ascend.gm<384x64xf32>, !ascend.tile<64x32xf32, l0c>
      }
    }
    ascend.return
  }
  ascend.task @scale_v(%x: !ascend.gm<384x32xf32>, %w: !ascend.gm<32x64xbf16>, %ring: !ring, %y: !ascend.gm<384x64xf32>)
      attributes {core = #ascend.core<aiv>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c16 = arith.constant 16 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %two = arith.constant 2.0 : f32
    %b = ascend.block_idx
    %s = ascend.subblock_idx
    %first = arith.muli %b, %c3 : index
    %half = arith.muli %s, %c32 : index
    %t = ascend.alloc : !ascend.tile<16x32xf32, ub>
    %h = ascend.alloc : !ascend.tile<16x32xbf16, ub>
    scf.for %r = %c0 to %c3 step %c1 {
      %block = arith.addi %first, %r : index
      %base = arith.muli %block, %c64 : index
      %start = arith.addi %base, %half : index
      scf.for %part = %c0 to %c32 step %c16 {
        %row = arith.addi %start, %part : index
        ascend.tload %t, %x[%row, %c0] : !ascend.tile<16x32xf32, ub>, !ascend.gm<384x32xf32>
        ascend.tmuls %t, %t, %two : !ascend.tile<16x32xf32, ub>, !ascend.tile<16x32xf32, ub>, f32
        ascend.tcvt %h, %t {round = #ascend.round<rint>} : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x32xf32, ub>
        ascend.tpush_rows %h, %ring[%part] : !ascend.tile<16x32xbf16, ub>, !ring
      }
    }
    ascend.return
  }
  ascend.kernel @scale_mm(%x: !ascend.gm<384x32xf32>, %w: !ascend.gm<32x64xbf16>, %y: !ascend.gm<384x64xf32> {ascend.out}) {
    %ring = ascend.alloc_ring : !ring
    ascend.launch_mixed @mm_c, @scale_v(%x, %w, %ring, %y) blocks = 2 : (!ascend.gm<384x32xf32>, !ascend.gm<32x64xbf16>, !ring, !ascend.gm<384x64xf32>) -> ()
    ascend.return
  }
}
