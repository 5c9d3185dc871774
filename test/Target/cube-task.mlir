// RUN: tile-translate --ascend-to-cpp %s | FileCheck %s
// A cube task: L1 tiles in NZ, L0A/L0B/L0C as TileLeft/TileRight/TileAcc,
// TEXTRACT windows along K, TMATMUL then TMATMUL_ACC in the K loop, and the
// L0C → GM store through the fixpipe.

module {
  ascend.task @mm(%a: !ascend.gm<128x256xbf16>, %b: !ascend.gm<256x128xbf16>, %c: !ascend.gm<128x128xf32>)
      attributes {ascend.memory_peak = {l0a = 16384 : i64, l0b = 16384 : i64, l0c = 65536 : i64, l1 = 131072 : i64}, core = #ascend.core<aic>} {
    %c0 = arith.constant 0 : index
    %c64 = arith.constant 64 : index
    %c256 = arith.constant 256 : index
    %0 = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x256xbf16, l1>
    %1 = ascend.alloc {offset = 65536 : i64} : !ascend.tile<256x128xbf16, l1>
    %2 = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x64xbf16, l0a>
    %3 = ascend.alloc {offset = 0 : i64} : !ascend.tile<64x128xbf16, l0b>
    %4 = ascend.alloc {offset = 0 : i64} : !ascend.tile<128x128xf32, l0c>
    ascend.tload %0, %a[%c0, %c0] : !ascend.tile<128x256xbf16, l1>, !ascend.gm<128x256xbf16>
    ascend.tload %1, %b[%c0, %c0] : !ascend.tile<256x128xbf16, l1>, !ascend.gm<256x128xbf16>
    ascend.set_flag <mte2> -> <mte1>, 0
    ascend.wait_flag <mte2> -> <mte1>, 0
    ascend.textract %2, %0[%c0, %c0] : !ascend.tile<128x64xbf16, l0a>, !ascend.tile<128x256xbf16, l1>
    ascend.textract %3, %1[%c0, %c0] : !ascend.tile<64x128xbf16, l0b>, !ascend.tile<256x128xbf16, l1>
    ascend.set_flag <mte1> -> <m>, 0
    ascend.wait_flag <mte1> -> <m>, 0
    ascend.tmatmul %4, %2, %3 : !ascend.tile<128x128xf32, l0c>, !ascend.tile<128x64xbf16, l0a>, !ascend.tile<64x128xbf16, l0b> loc("matmul.tile":9:13)
    scf.for %k = %c64 to %c256 step %c64 {
      ascend.set_flag <m> -> <mte1>, 0
      ascend.wait_flag <m> -> <mte1>, 0
      ascend.textract %2, %0[%c0, %k] : !ascend.tile<128x64xbf16, l0a>, !ascend.tile<128x256xbf16, l1>
      ascend.textract %3, %1[%k, %c0] : !ascend.tile<64x128xbf16, l0b>, !ascend.tile<256x128xbf16, l1>
      ascend.set_flag <mte1> -> <m>, 0
      ascend.wait_flag <mte1> -> <m>, 0
      ascend.tmatmul_acc %4, %4, %2, %3 : !ascend.tile<128x128xf32, l0c>, !ascend.tile<128x128xf32, l0c>, !ascend.tile<128x64xbf16, l0a>, !ascend.tile<64x128xbf16, l0b> loc("matmul.tile":9:13)
    }
    ascend.set_flag <m> -> <fix>, 0
    ascend.wait_flag <m> -> <fix>, 0
    ascend.tstore %c[%c0, %c0], %4 : !ascend.gm<128x128xf32>, !ascend.tile<128x128xf32, l0c>
    ascend.return
  }
}

// CHECK:      // mm: cube (AIC) task; peak bytes L0A 16384, L0B 16384, L0C 65536, L1 131072
// CHECK-NEXT: __global__ __aicore__ void mm(__gm__ bfloat16_t *gm0, __gm__ bfloat16_t *gm1,
// CHECK:        using L1_128x256xbf16 = Tile<TileType::Mat, bfloat16_t, 128, 256, BLayout::ColMajor, 128, 256, SLayout::RowMajor>;
// CHECK-NEXT:   using L1_256x128xbf16 = Tile<TileType::Mat, bfloat16_t, 256, 128, BLayout::ColMajor, 256, 128, SLayout::RowMajor>;
// CHECK-NEXT:   using L0A_128x64xbf16 = TileLeft<bfloat16_t, 128, 64>;
// CHECK-NEXT:   using L0B_64x128xbf16 = TileRight<bfloat16_t, 64, 128>;
// CHECK-NEXT:   using L0C_128x128xf32 = TileAcc<float, 128, 128>;
// CHECK-NEXT:   using Gm_128x256xbf16 = GlobalTensor<bfloat16_t, Shape<1, 1, 1, 128, 256>, Stride<1, 1, 1, 256, 1>>;
// CHECK-NEXT:   using Gm_256x128xbf16 = GlobalTensor<bfloat16_t, Shape<1, 1, 1, 256, 128>, Stride<1, 1, 1, 128, 1>>;
// CHECK-NEXT:   using Gm_128x128xf32 = GlobalTensor<float, Shape<1, 1, 1, 128, 128>, Stride<1, 1, 1, 128, 1>>;
// CHECK:        L1_128x256xbf16 l1_0;
// CHECK-NEXT:   TASSIGN(l1_0, 0x0);
// CHECK-NEXT:   L1_256x128xbf16 l1_1;
// CHECK-NEXT:   TASSIGN(l1_1, 0x10000);
// CHECK-NEXT:   L0A_128x64xbf16 l0a0;
// CHECK-NEXT:   TASSIGN(l0a0, 0x0);
// CHECK-NEXT:   L0B_64x128xbf16 l0b0;
// CHECK-NEXT:   TASSIGN(l0b0, 0x0);
// CHECK-NEXT:   L0C_128x128xf32 l0c0;
// CHECK-NEXT:   TASSIGN(l0c0, 0x0);
// CHECK-NEXT:   Gm_128x256xbf16 gm0View(gm0);
// CHECK-NEXT:   TLOAD(l1_0, gm0View);
// CHECK-NEXT:   Gm_256x128xbf16 gm1View(gm1);
// CHECK-NEXT:   TLOAD(l1_1, gm1View);
// CHECK-NEXT:   set_flag(PIPE_MTE2, PIPE_MTE1, EVENT_ID0);
// CHECK-NEXT:   wait_flag(PIPE_MTE2, PIPE_MTE1, EVENT_ID0);
// CHECK-NEXT:   TEXTRACT(l0a0, l1_0, 0, 0);
// CHECK-NEXT:   TEXTRACT(l0b0, l1_1, 0, 0);
// CHECK:        TMATMUL(l0c0, l0a0, l0b0);  // matmul.tile:9
// CHECK-NEXT:   for (int64_t i = 64; i < 256; i += 64) {
// CHECK:          TEXTRACT(l0a0, l1_0, 0, i);
// CHECK-NEXT:     TEXTRACT(l0b0, l1_1, i, 0);
// CHECK:          TMATMUL_ACC(l0c0, l0c0, l0a0, l0b0);  // matmul.tile:9
// CHECK-NEXT:   }
// CHECK-NEXT:   set_flag(PIPE_M, PIPE_FIX, EVENT_ID0);
// CHECK-NEXT:   wait_flag(PIPE_M, PIPE_FIX, EVENT_ID0);
// CHECK-NEXT:   Gm_128x128xf32 gm2View(gm2);
// CHECK-NEXT:   TSTORE(gm2View, l0c0);
// CHECK-NEXT: }
