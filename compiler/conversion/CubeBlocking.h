//===- CubeBlocking.h - how a matmul's output blocks are cut and spread -*- C++ -*-===//
//
// The blocking of a matmul task (#ascend.blocking as plain numbers) and how
// its output blocks spread over the cube cores. tile-select-strategy chooses
// it (StrategyCube.cpp); CubeTasks.cpp builds the task it describes.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_CUBEBLOCKING_H
#define TILEC_COMPILER_CONVERSION_CUBEBLOCKING_H

#include "dialects/Ascend/AscendOps.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

namespace tilec::conversion {

/// The most L1 chunk buffers a cube task goes round.
constexpr int64_t kMaxCubeBuffers = 4;

struct Blocking {
  int64_t m, n, k; ///< output block and L0 K step
  int64_t chunk;   ///< K depth of an L1 chunk of B (and of A unless `panel`)
  bool panel;      ///< A's [m, K] row panel stays in L1 for a whole work item
  int64_t accumulators; ///< 2: consecutive blocks alternate L0C buffers
  int64_t length = 1;   ///< N blocks per work item (the last of a row may be shorter)
  int64_t buffers = 2;  ///< L1 chunk buffers (stages); above 1, L0 steps alternate two
  bool streamWeights = false; ///< work items go column by column (Distribution)

  static Blocking of(ascend::BlockingAttr attr) {
    return {attr.getM(),      attr.getN(),            attr.getK(),      attr.getChunk(),
            attr.getPanel(),  attr.getAccumulators(), attr.getLength(), attr.getBuffers(),
            attr.getStreamWeights()};
  }
  /// The attribute, with `accumulate` the add's chunking of an accumulating
  /// matmul.
  ascend::BlockingAttr toAttr(mlir::MLIRContext *context,
                              ascend::ChunkingAttr accumulate = {}) const {
    return ascend::BlockingAttr::get(context, m, n, k, chunk, panel, accumulators, length,
                                     buffers, streamWeights, accumulate);
  }
};

/// How the output blocks spread over the cube cores: work items of
/// `block.length` consecutive N blocks of one row block, block-cyclically.
/// Item i is row block i / perRow's segment i % perRow, or, when the
/// blocking streams the weights, row block i % rowBlocks's segment
/// i / rowBlocks (the cores then share B's columns and read A's rows).
/// Matmuls joined in one launch (the same A by several B, `ascend.joined`)
/// are parts of N: a row block's items go over the first part's columns,
/// then the next part's, and no item straddles two parts.
struct Distribution {
  int64_t rowBlocks, colBlocks; ///< colBlocks: of all parts
  int64_t perRow;               ///< work items per row block, of all parts
  llvm::SmallVector<int64_t, 2> partItems; ///< work items per row block of each part
  int64_t items() const { return rowBlocks * perRow; }

  Distribution(int64_t m, llvm::ArrayRef<int64_t> partCols, const Blocking &block)
      : rowBlocks(m / block.m), colBlocks(0), perRow(0) {
    for (int64_t cols : partCols) {
      colBlocks += cols / block.n;
      partItems.push_back(llvm::divideCeil(cols / block.n, block.length));
      perRow += partItems.back();
    }
  }
};

} // namespace tilec::conversion

#endif
