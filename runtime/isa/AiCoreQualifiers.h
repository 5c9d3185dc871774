// The AI Core function and address-space qualifiers a kernel is written with
// (`__global__ __aicore__ void k(__gm__ float *x)`). The NPU compiler gives
// them meaning; on the host the CPU model runs kernels as plain functions on
// plain pointers, so they expand to nothing (as in pto-isa's CPU simulator).
// get_block_idx() / get_block_num() are in runtime/isa/Sync.h.
#pragma once

#ifndef __global__
#define __global__
#endif
#ifndef __aicore__
#define __aicore__
#endif
#ifndef __gm__
#define __gm__
#endif
