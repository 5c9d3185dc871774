// The host kernel behind TMATMUL: operands are unpacked once per instruction
// from their fractal layouts into f32 panels (exact for bf16, f16 and int8),
// then a register-blocked MR x NR kernel written with GCC vector extensions
// accumulates over k in ascending order. That order makes bf16/f16 results
// bit-identical to a naive f32 loop (their products are exact in f32), and
// int8 is exact because each f32 partial sum covers at most 1024 products
// (|sum| <= 2^24) before it is added into int32.
#pragma once

#include "runtime/isa/Elements.h"
#include "runtime/isa/Tile.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace tilec::isa::gemm {

constexpr int MR = 4;  ///< rows of C held in registers
constexpr int NR = 16; ///< columns of C held in registers (= one fractal N0)
constexpr int kExactIntChunk = 1024;

typedef float f32x8 __attribute__((vector_size(32)));

/// Per-thread scratch panels, reused across instructions.
struct Panels {
  std::vector<float> a, b, c;
};
inline Panels &scratch() {
  static thread_local Panels p;
  return p;
}

/// acc[MR][NR] += A[MR x K] (row stride lda) * B[K x NR] (row stride NR).
inline void microKernel(const float *a, int lda, const float *b, int k,
                        float *acc) {
  f32x8 c[MR][2];
  for (int i = 0; i < MR; ++i)
    for (int h = 0; h < 2; ++h)
      std::memcpy(&c[i][h], acc + i * NR + h * 8, sizeof(f32x8));
  for (int p = 0; p < k; ++p) {
    f32x8 b0, b1;
    std::memcpy(&b0, b + p * NR, sizeof b0);
    std::memcpy(&b1, b + p * NR + 8, sizeof b1);
    for (int i = 0; i < MR; ++i) {
      float s = a[i * lda + p];
      f32x8 av = {s, s, s, s, s, s, s, s};
      c[i][0] += av * b0;
      c[i][1] += av * b1;
    }
  }
  for (int i = 0; i < MR; ++i)
    for (int h = 0; h < 2; ++h)
      std::memcpy(acc + i * NR + h * 8, &c[i][h], sizeof(f32x8));
}

template <typename T> float toF32(T v) { return float(load(v)); }

/// A (m x k, any layout) -> row-major f32, rows padded to MR with zeros.
template <typename Left> void packA(const Left &a, int m, int k, std::vector<float> &out) {
  const int mp = (m + MR - 1) / MR * MR;
  out.assign(size_t(mp) * k, 0.0f);
  const auto *src = a.data();
  for (int i = 0; i < m; ++i)
    for (int p = 0; p < k; ++p)
      out[size_t(i) * k + p] = toF32(src[Layout<Left>::offset(i, p)]);
}

/// B (k x n, any layout) -> NR-wide column panels, each k x NR row-major.
template <typename Right> void packB(const Right &b, int k, int n, std::vector<float> &out) {
  const int panels = (n + NR - 1) / NR;
  out.assign(size_t(panels) * k * NR, 0.0f);
  const auto *src = b.data();
  for (int p = 0; p < k; ++p)
    for (int j = 0; j < n; ++j)
      out[(size_t(j / NR) * k + p) * NR + j % NR] =
          toF32(src[Layout<Right>::offset(p, j)]);
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
  using CL = Layout<Acc>;
  C *out = cOut.data();
  const C *in = cIn ? cIn->data() : nullptr;
  const int panels = (n + NR - 1) / NR;
  alignas(32) float acc[MR * NR];
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
        std::fill(acc, acc + MR * NR, 0.0f);
        if (in)
          for (int i = 0; i < rows; ++i)
            for (int j = 0; j < cols; ++j)
              acc[i * NR + j] = in[CL::offset(i0 + i, j0 + j)];
        microKernel(ap, k, bp, k, acc);
        for (int i = 0; i < rows; ++i)
          for (int j = 0; j < cols; ++j)
            out[CL::offset(i0 + i, j0 + j)] = acc[i * NR + j];
      }
    }
  }
}

} // namespace tilec::isa::gemm
