// A hand-written mixed launch through a ring in the AIVs' UB (a5's L0C -> UB
// hand-off; compiled by test/Target/mixed-launch-ub.test and run on the model
// by test/Runtime/model-mixed-launch-ub.test): y = 2 · (x @ w), the meaning of
// test/Runtime/Inputs/mixed-launch.tile. Block b's AIC multiplies x's row
// blocks 3 b, 3 b + 1 and 3 b + 2 (64 rows each) by w and pushes each 64 x 64
// accumulator, a whole slot, into a 2-slot ring (the third push waits for the
// AIVs to free a slot); each AIV pops its 32-row half of every slot straight
// into its UB, doubles it into a tile of its own, frees the slot and stores
// the tile into y.
!ring = !ascend.ring<slots = 2, rows = 64, cols = 64, element = f32, memory = ub>
module attributes {ascend.target = #ascend.target<a5>} {
  ascend.task @mm_c(%x: !ascend.gm<384x32xbf16>, %w: !ascend.gm<32x64xbf16>, %ring: !ring, %y: !ascend.gm<384x64xf32>)
      attributes {core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c64 = arith.constant 64 : index
    %b = ascend.block_idx
    %first = arith.muli %b, %c3 : index
    %a1 = ascend.alloc : !ascend.tile<64x32xbf16, l1>
    %w1 = ascend.alloc : !ascend.tile<32x64xbf16, l1>
    %a0 = ascend.alloc : !ascend.tile<64x32xbf16, l0a>
    %w0 = ascend.alloc : !ascend.tile<32x64xbf16, l0b>
    %acc = ascend.alloc : !ascend.tile<64x64xf32, l0c>
    ascend.tload %w1, %w[%c0, %c0] : !ascend.tile<32x64xbf16, l1>, !ascend.gm<32x64xbf16>
    ascend.tmov %w0, %w1 : !ascend.tile<32x64xbf16, l0b>, !ascend.tile<32x64xbf16, l1>
    scf.for %r = %c0 to %c3 step %c1 {
      %block = arith.addi %first, %r : index
      %row = arith.muli %block, %c64 : index
      ascend.tload %a1, %x[%row, %c0] : !ascend.tile<64x32xbf16, l1>, !ascend.gm<384x32xbf16>
      ascend.tmov %a0, %a1 : !ascend.tile<64x32xbf16, l0a>, !ascend.tile<64x32xbf16, l1>
      ascend.tmatmul %acc, %a0, %w0 : !ascend.tile<64x64xf32, l0c>, !ascend.tile<64x32xbf16, l0a>, !ascend.tile<32x64xbf16, l0b>
      ascend.tpush %acc, %ring[%c0] : !ascend.tile<64x64xf32, l0c>, !ring
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
      %slot = ascend.tpop_tile %ring : !ring -> !ascend.tile<32x64xf32, ub>
      ascend.tmuls %t, %slot, %two : !ascend.tile<32x64xf32, ub>, !ascend.tile<32x64xf32, ub>, f32
      ascend.tfree_tile %slot, %ring : !ascend.tile<32x64xf32, ub>, !ring
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
