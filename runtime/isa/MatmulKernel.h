// The host kernel behind TMATMUL: operands are unpacked once per instruction
// from their fractal layouts into f32 panels (exact for bf16, f16 and int8),
// then a register-blocked MR x NR kernel written with GCC vector extensions
// sums over k in ascending order. Like the cube, which adds one K0 = 16 deep
// fractal step at a time into the L0C accumulator, bf16/f16 products are
// summed in f32 per 16-deep step from zero and each step's sum is then added
// to the accumulator (so results equal a naive loop with that grouping; their
// products are exact in f32). int8 is exact because each f32 partial sum
// covers at most 1024 products (|sum| <= 2^24) before it is added into int32.
#pragma once

#include "runtime/isa/Elements.h"
#include "runtime/isa/Tile.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace tilec::isa::gemm {

// The widest float vector the host compiler may use, and a register block
// that keeps MR x NR accumulators in registers for it.
// NR is a multiple of the 16-column accumulator fractal.
#if defined(__AVX512F__)
constexpr int VW = 16, MR = 8, NR = 16;
#elif defined(__AVX__)
constexpr int VW = 8, MR = 6, NR = 16;
#else
constexpr int VW = 4, MR = 3, NR = 16;
#endif
constexpr int NV = NR / VW;
constexpr int kExactIntChunk = 1024;
constexpr int kFractalDepth = 16; ///< K0 of a bf16/f16 cube step

typedef float f32v __attribute__((vector_size(VW * sizeof(float))));

/// Per-thread scratch panels, reused across instructions.
struct Panels {
  std::vector<float> a, b, c;
};
inline Panels &scratch() {
  static thread_local Panels p;
  return p;
}

/// acc[MR][NR] += A[MR x K] (row stride lda) * B[K x NR] (row stride NR).
/// Fully unrolled over the block so the accumulators live in registers.
inline void microKernel(const float *a, int lda, const float *b, int k,
                        float *acc) {
  f32v c[MR][NV];
#pragma GCC unroll 16
  for (int i = 0; i < MR; ++i)
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v)
      std::memcpy(&c[i][v], acc + i * NR + v * VW, sizeof(f32v));
  for (int p = 0; p < k; ++p) {
    f32v bv[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v)
      std::memcpy(&bv[v], b + p * NR + v * VW, sizeof(f32v));
#pragma GCC unroll 16
    for (int i = 0; i < MR; ++i) {
      f32v av = a[i * lda + p] - f32v{}; // broadcast (x - +0 == x exactly)
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v)
        c[i][v] += av * bv[v];
    }
  }
#pragma GCC unroll 16
  for (int i = 0; i < MR; ++i)
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v)
      std::memcpy(acc + i * NR + v * VW, &c[i][v], sizeof(f32v));
}

template <typename T> float toF32(T v) { return float(load(v)); }

/// A (m x k, any layout) -> row-major f32, rows padded to MR with zeros.
/// Walks the layout's contiguous runs so the conversion loop vectorises.
template <typename Left> void packA(const Left &a, int m, int k, std::vector<float> &out) {
  using L = TileLayout<Left>;
  const int mp = (m + MR - 1) / MR * MR;
  out.resize(size_t(mp) * k);
  std::fill(out.begin() + size_t(m) * k, out.end(), 0.0f);
  const auto *src = a.data();
  for (int i = 0; i < m; ++i) {
    float *row = out.data() + size_t(i) * k;
    for (int p = 0; p < k;) {
      const int run = std::min(L::rowRun(p), k - p);
      const auto *s = src + L::offset(i, p);
      for (int e = 0; e < run; ++e)
        row[p + e] = toF32(s[e]);
      p += run;
    }
  }
}

/// B (k x n, any layout) -> NR-wide column panels, each k x NR row-major,
/// columns past n zero.
template <typename Right> void packB(const Right &b, int k, int n, std::vector<float> &out) {
  using L = TileLayout<Right>;
  const int panels = (n + NR - 1) / NR;
  out.resize(size_t(panels) * k * NR);
  if (n % NR)
    std::fill(out.begin() + size_t(panels - 1) * k * NR, out.end(), 0.0f);
  const auto *src = b.data();
  for (int j = 0; j < n; ++j) {
    float *col = out.data() + size_t(j / NR) * k * NR + j % NR;
    for (int p = 0; p < k;) {
      const int run = std::min(L::colRun(p), k - p);
      const auto *s = src + L::offset(p, j);
      for (int e = 0; e < run; ++e)
        col[size_t(p + e) * NR] = toF32(s[e]);
      p += run;
    }
  }
}

/// C (m x n of cOut) = (accumulate ? cIn : 0) + A * B.
template <typename Acc, typename Left, typename Right>
void matmul(Acc &cOut, const Acc *cIn, const Left &a, const Right &b, int m,
            int k, int n) {
  using C = typename Acc::DType;
  constexpr bool intAcc = std::is_same_v<C, int32_t>;
  Panels &s = scratch();
  packA(a, m, k, s.a);
  packB(b, k, n, s.b);
  using CL = TileLayout<Acc>;
  C *out = cOut.data();
  const C *in = cIn ? cIn->data() : nullptr;
  const int panels = (n + NR - 1) / NR;
  alignas(64) float acc[MR * NR];
  for (int jp = 0; jp < panels; ++jp) {
    const float *bp = s.b.data() + size_t(jp) * k * NR;
    const int j0 = jp * NR, cols = std::min(NR, n - j0);
    for (int i0 = 0; i0 < m; i0 += MR) {
      const int rows = std::min(MR, m - i0);
      const float *ap = s.a.data() + size_t(i0) * k;
      if constexpr (intAcc) {
        int32_t total[MR * NR] = {};
        if (in)
          for (int i = 0; i < rows; ++i)
            for (int j = 0; j < cols; ++j)
              total[i * NR + j] = in[CL::offset(i0 + i, j0 + j)];
        for (int p0 = 0; p0 < k; p0 += kExactIntChunk) {
          std::fill(acc, acc + MR * NR, 0.0f);
          microKernel(ap + p0, k, bp + size_t(p0) * NR,
                      std::min(kExactIntChunk, k - p0), acc);
          for (int e = 0; e < MR * NR; ++e) // wraps like the int32 L0C
            total[e] = int32_t(uint32_t(total[e]) + uint32_t(int32_t(acc[e])));
        }
        for (int i = 0; i < rows; ++i)
          for (int j = 0; j < cols; ++j)
            out[CL::offset(i0 + i, j0 + j)] = total[i * NR + j];
      } else {
        alignas(64) float total[MR * NR] = {};
        if (in)
          for (int i = 0; i < rows; ++i)
            for (int j = 0; j < cols; ++j)
              total[i * NR + j] = in[CL::offset(i0 + i, j0 + j)];
        for (int p0 = 0; p0 < k; p0 += kFractalDepth) {
          std::fill(acc, acc + MR * NR, 0.0f);
          microKernel(ap + p0, k, bp + size_t(p0) * NR,
                      std::min(kFractalDepth, k - p0), acc);
          for (int e = 0; e < MR * NR; ++e)
            total[e] += acc[e];
        }
        for (int i = 0; i < rows; ++i)
          for (int j = 0; j < cols; ++j)
            out[CL::offset(i0 + i, j0 + j)] = total[i * NR + j];
      }
    }
  }
}

} // namespace tilec::isa::gemm
