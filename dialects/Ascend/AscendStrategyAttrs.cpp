//===- AscendStrategyAttrs.cpp - the strategy attributes' verifiers ------===//
#include "dialects/Ascend/AscendOps.h"

using namespace mlir;
using namespace tilec::ascend;

LogicalResult ChunkingAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t rows,
                                   int64_t cols, bool doubleBuffered) {
  if (rows <= 0 || cols < 0)
    return emitError() << "a chunk has at least one row and a column count of at least 0 "
                          "(0: whole rows), found rows = "
                       << rows << ", cols = " << cols;
  return success();
}

LogicalResult BlockingAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t m,
                                   int64_t n, int64_t k, int64_t chunk, bool panel,
                                   int64_t accumulators, int64_t length, int64_t buffers,
                                   bool streamWeights, ChunkingAttr accumulate) {
  if (m <= 0 || n <= 0 || k <= 0 || length <= 0)
    return emitError() << "a blocking's m, n, k and length are positive";
  if (chunk <= 0 || chunk % k != 0)
    return emitError() << "an L1 chunk is a whole number of K steps, found chunk = " << chunk
                       << ", k = " << k;
  if (accumulators != 1 && accumulators != 2)
    return emitError() << "a blocking has 1 or 2 accumulators, found " << accumulators;
  if (buffers < 1 || buffers > 4)
    return emitError() << "a blocking has 1 to 4 buffers, found " << buffers;
  return success();
}

LogicalResult FewRowsAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t rows,
                                  BlockingAttr blocking) {
  if (rows <= 0)
    return emitError() << "few rows are at least one, found rows = " << rows;
  return success();
}
