//===- ProductSums.cpp - blocked, vectorised, threaded product sums -------===//
#include "runtime/interp/ProductSums.h"

#include "llvm/Support/Parallel.h"

#include <algorithm>
#include <cstring>

// One copy of the block loop per vector width, picked by the CPU when the
// library loads (GCC and Clang on x86-64). Every copy performs the same
// multiplications and additions in the same order (the library is compiled
// with -ffp-contract=off, so no copy fuses them): only the speed differs.
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define TILEC_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef TILEC_VECTOR_CLONES
#define TILEC_VECTOR_CLONES
#endif

namespace tilec::interp {
namespace {

// A register tile is kTileRows × kTileCols sums (two 8-double vectors per row
// at the widest); a task owns a block of kBlockRows × kBlockCols sums and runs
// over k in slices of kInnerBlock, so that its rhs slice stays in the L2 cache.
constexpr int64_t kTileRows = 4, kTileCols = 16;
constexpr int64_t kBlockRows = 128, kBlockCols = 128, kInnerBlock = 256;

/// Row-major matrices of one product: sums[rows, cols] += lhs[rows, inner] · rhs[inner, cols].
struct Operands {
  const double *lhs, *rhs;
  double *sums;
  int64_t rows, inner, cols;
};

/// Eight doubles (GCC/Clang vector extension): one AVX-512 register, two
/// AVX2 or four SSE2 ones; lanes are separate sums, nothing crosses lanes.
using Vec8 = double __attribute__((vector_size(64)));
constexpr int64_t kVecsPerRow = kTileCols / 8;

/// The kTileRows × kTileCols sums at (i, j), over k in [k0, k1), held in
/// registers between the loads and stores of `sums`. Inlined, so that each
/// clone of addBlock compiles it for its own vector width.
[[gnu::always_inline]] inline void addFullTile(const Operands &m, int64_t i, int64_t j, int64_t k0,
                                               int64_t k1) {
  Vec8 acc[kTileRows][kVecsPerRow];
  for (int64_t r = 0; r < kTileRows; ++r)
    for (int64_t v = 0; v < kVecsPerRow; ++v)
      std::memcpy(&acc[r][v], m.sums + (i + r) * m.cols + j + 8 * v, sizeof(Vec8));
  for (int64_t k = k0; k < k1; ++k) {
    Vec8 b[kVecsPerRow];
    for (int64_t v = 0; v < kVecsPerRow; ++v)
      std::memcpy(&b[v], m.rhs + k * m.cols + j + 8 * v, sizeof(Vec8));
    for (int64_t r = 0; r < kTileRows; ++r) {
      double a = m.lhs[(i + r) * m.inner + k];
      for (int64_t v = 0; v < kVecsPerRow; ++v)
        acc[r][v] += a * b[v];
    }
  }
  for (int64_t r = 0; r < kTileRows; ++r)
    for (int64_t v = 0; v < kVecsPerRow; ++v)
      std::memcpy(m.sums + (i + r) * m.cols + j + 8 * v, &acc[r][v], sizeof(Vec8));
}

/// The same for a partial tile at the bottom or right edge.
[[gnu::always_inline]] inline void addEdgeTile(const Operands &m, int64_t i, int64_t j, int64_t height, int64_t width,
                        int64_t k0, int64_t k1) {
  for (int64_t r = i; r < i + height; ++r)
    for (int64_t c = j; c < j + width; ++c) {
      double sum = m.sums[r * m.cols + c];
      for (int64_t k = k0; k < k1; ++k)
        sum += m.lhs[r * m.inner + k] * m.rhs[k * m.cols + c];
      m.sums[r * m.cols + c] = sum;
    }
}

/// The sums in rows [i0, i1) and columns [j0, j1), k slice by k slice in order.
TILEC_VECTOR_CLONES void addBlock(const Operands &m, int64_t i0, int64_t i1, int64_t j0,
                                  int64_t j1) {
  for (int64_t k0 = 0; k0 < m.inner; k0 += kInnerBlock) {
    int64_t k1 = std::min(m.inner, k0 + kInnerBlock);
    for (int64_t i = i0; i < i1; i += kTileRows) {
      int64_t height = std::min(kTileRows, i1 - i);
      for (int64_t j = j0; j < j1; j += kTileCols) {
        int64_t width = std::min(kTileCols, j1 - j);
        if (height == kTileRows && width == kTileCols)
          addFullTile(m, i, j, k0, k1);
        else
          addEdgeTile(m, i, j, height, width, k0, k1);
      }
    }
  }
}

} // namespace

void addProductsInOrder(const double *lhs, const double *rhs, double *sums, int64_t rows,
                        int64_t inner, int64_t cols) {
  Operands m{lhs, rhs, sums, rows, inner, cols};
  int64_t rowBlocks = (rows + kBlockRows - 1) / kBlockRows;
  int64_t colBlocks = (cols + kBlockCols - 1) / kBlockCols;
  llvm::parallelFor(0, size_t(rowBlocks * colBlocks), [&](size_t block) {
    int64_t i0 = int64_t(block) / colBlocks * kBlockRows;
    int64_t j0 = int64_t(block) % colBlocks * kBlockCols;
    addBlock(m, i0, std::min(rows, i0 + kBlockRows), j0, std::min(cols, j0 + kBlockCols));
  });
}

} // namespace tilec::interp
