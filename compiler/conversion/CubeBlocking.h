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

#include "llvm/Support/MathExtras.h"

namespace tilec::conversion {

struct Blocking {
  int64_t m, n, k; ///< output block and L0 K step
  int64_t chunk;   ///< K depth of an L1 chunk of B (and of A unless `panel`)
  bool panel;      ///< A's [m, K] row panel stays in L1 for a whole work item
  int64_t accumulators; ///< 2: consecutive blocks alternate L0C buffers
  int64_t length = 1;   ///< N blocks per work item (the last of a row may be shorter)
  int64_t buffers = 2;  ///< 2: consecutive L1 chunks and L0 steps alternate buffers

  static Blocking of(ascend::BlockingAttr attr) {
    return {attr.getM(),      attr.getN(),            attr.getK(),      attr.getChunk(),
            attr.getPanel(),  attr.getAccumulators(), attr.getLength(), attr.getBuffers()};
  }
  ascend::BlockingAttr toAttr(mlir::MLIRContext *context) const {
    return ascend::BlockingAttr::get(context, m, n, k, chunk, panel, accumulators, length,
                                     buffers, ascend::ChunkingAttr());
  }
};

/// How the output blocks spread over the cube cores: work items of
/// `block.length` consecutive N blocks of one row block, block-cyclically.
struct Distribution {
  int64_t rowBlocks, colBlocks;
  int64_t perRow; ///< work items per row block
  int64_t items() const { return rowBlocks * perRow; }

  Distribution(int64_t m, int64_t n, const Blocking &block)
      : rowBlocks(m / block.m), colBlocks(n / block.n),
        perRow(llvm::divideCeil(colBlocks, block.length)) {}
};

} // namespace tilec::conversion

#endif
