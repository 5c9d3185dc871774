// The scratch tile of pto-isa's a2a3 row reductions (TROWSUM, TROWMAX,
// TROWMIN): how much of it the instruction writes. The ascend verifier and the
// model check the tile against it, and tilec allocates just that much.
#pragma once

#include "base/DType.h"

#include <cstdint>

namespace tilec {

/// Columns of a row reduction's tmp tile that the a2a3 instruction writes for
/// a row of `cols` elements (npu/a2a3/TRowSum.hpp, TRowMax.hpp, TRowMin.hpp
/// and TRowReduceOps.hpp). An integer row is accumulated in one 32-byte block.
/// A float row of at most one 256-byte repeat is folded without it; a longer
/// one keeps the pairwise sums of its repeats, half as many repeats (one when
/// it has one repeat and a tail), and its tree then works inside them. At
/// least one block, so that the tile is a valid one. a5 does not use the tile.
constexpr int64_t rowReduceTmpCols(DType element, int64_t cols) {
  const int64_t block = int64_t(32 / sizeOf(element));
  const int64_t lanes = int64_t(256 / sizeOf(element));
  if (!isFloat(element) || cols <= lanes)
    return block;
  const int64_t pairs = cols / lanes / 2;
  return lanes * (pairs > 1 ? pairs : 1);
}

} // namespace tilec
