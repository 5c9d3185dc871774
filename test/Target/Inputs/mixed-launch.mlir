// A hand-written mixed launch (compiled by test/Target/mixed-launch.test
// and run on the model by test/Runtime/model-mixed-launch.test):
// y = 2 · (x @ w). Block b's AIC multiplies x's row blocks 3 b, 3 b + 1 and
// 3 b + 2 (64 rows each) by w, in two 32-column blocks each, and pushes each
// row block into one 64 x 64 slot of a 2-slot ring (the third push waits for
// the AIVs to free a slot); each of its AIVs pops its 32-row half of every
// slot, doubles it and stores it into y.
!ring = !ascend.ring<slots = 2, rows = 64, cols = 64, element = f32>
module attributes {ascend.target = #ascend.target<a2a3>} {
  ascend.task @mm_c(%x: !ascend.gm<384x32xbf16>, %w: !ascend.gm<32x64xbf16>, %ring: !ring, %y: !ascend.gm<384x64xf32>)
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
      %block = arith.addi %first, %r : index
      %row = arith.muli %block, %c64 : index
      ascend.tload %a1, %x[%row, %c0] : !ascend.tile<64x32xbf16, l1>, !ascend.gm<384x32xbf16>
      scf.for %n = %c0 to %c64 step %c32 {
        ascend.textract %a0, %a1[%c0, %c0] : !ascend.tile<64x32xbf16, l0a>, !ascend.tile<64x32xbf16, l1>
        ascend.textract %w0, %w1[%c0, %n] : !ascend.tile<32x32xbf16, l0b>, !ascend.tile<32x64xbf16, l1>
        ascend.tmatmul %acc, %a0, %w0 : !ascend.tile<64x32xf32, l0c>, !ascend.tile<64x32xbf16, l0a>, !ascend.tile<32x32xbf16, l0b>
        ascend.tpush %acc, %ring[%n] : !ascend.tile<64x32xf32, l0c>, !ring
      }
    }
    ascend.return
  }
  ascend.task @double_v(%x: !ascend.gm<384x32xbf16>, %w: !ascend.gm<32x64xbf16>, %ring: !ring, %y: !ascend.gm<384x64xf32>)
      attributes {core = #ascend.core<aiv>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %two = arith.constant 2.0 : f32
    %b = ascend.block_idx
    %s = ascend.subblock_idx
    %first = arith.muli %b, %c3 : index
    %half = arith.muli %s, %c32 : index
    %t = ascend.alloc : !ascend.tile<32x64xf32, ub>
    scf.for %r = %c0 to %c3 step %c1 {
      %slot = ascend.tpop %ring <up_down> : !ring -> !ascend.gm<32x64xf32>
      ascend.tload %t, %slot[%c0, %c0] : !ascend.tile<32x64xf32, ub>, !ascend.gm<32x64xf32>
      ascend.tfree %ring : !ring
      ascend.tmuls %t, %t, %two : !ascend.tile<32x64xf32, ub>, !ascend.tile<32x64xf32, ub>, f32
      %block = arith.addi %first, %r : index
      %base = arith.muli %block, %c64 : index
      %row = arith.addi %base, %half : index
      ascend.tstore %y[%row, %c0], %t : !ascend.gm<384x64xf32>, !ascend.tile<32x64xf32, ub>
    }
    ascend.return
  }
  ascend.kernel @double_mm(%x: !ascend.gm<384x32xbf16>, %w: !ascend.gm<32x64xbf16>, %y: !ascend.gm<384x64xf32> {ascend.out}) {
    %ring = ascend.alloc_ring : !ring
    ascend.launch_mixed @mm_c, @double_v(%x, %w, %ring, %y) blocks = 2 : (!ascend.gm<384x32xbf16>, !ascend.gm<32x64xbf16>, !ring, !ascend.gm<384x64xf32>) -> ()
    ascend.return
  }
}
