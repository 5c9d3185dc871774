//===- ReductionOps.cpp - row and column sums, maxima and minima ----------===//
//
// The hardware's summation order is unspecified, so the reference gives the
// (nearly) exact sum: float sums accumulate in double and round once into the
// element type; integer sums are exact and wrap. max/min propagate NaN.
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"

#include <cmath>

using namespace mlir;

namespace tilec::interp {
namespace {

/// The reduction of `values` (non-empty) in element type `dtype`.
double reduce(tile::Combiner kind, DType dtype, const std::vector<double> &values) {
  if (kind == tile::Combiner::sum) {
    if (isFloat(dtype)) {
      double sum = 0;
      for (double v : values)
        sum += v;
      return roundToDType(dtype, sum);
    }
    int64_t sum = 0;
    for (double v : values)
      sum += int64_t(v);
    return wrapToDType(dtype, sum);
  }
  double best = values.front();
  for (double v : values) {
    if (std::isnan(v) || std::isnan(best)) {
      best = std::nan("");
      continue;
    }
    best = kind == tile::Combiner::max ? std::max(best, v) : std::min(best, v);
  }
  return best;
}

LogicalResult executeReduction(tile::ReductionOpInterface op, Frame &frame) {
  tile::Combiner kind = op.getCombiner();
  unsigned reducedDim = op.getReducedDim();
  const Tensor &source = *frame.tensor(op->getOperand(0));
  int64_t rows = source.shape[0], cols = source.shape[1];
  Shape shape = {reducedDim == 1 ? rows : 1, reducedDim == 1 ? 1 : cols};
  Tensor result(source.dtype, shape);
  int64_t outer = reducedDim == 1 ? rows : cols, inner = reducedDim == 1 ? cols : rows;
  std::vector<double> values(static_cast<size_t>(inner));
  for (int64_t i = 0; i < outer && inner > 0; ++i) {
    for (int64_t j = 0; j < inner; ++j)
      values[size_t(j)] = reducedDim == 1 ? source.elements[size_t(i * cols + j)]
                                          : source.elements[size_t(j * cols + i)];
    result.elements[size_t(i)] = reduce(kind, source.dtype, values);
  }
  bindTensor(frame, op->getResult(0), std::move(result));
  return success();
}

} // namespace

std::optional<LogicalResult> executeReductionOp(Operation *op, Frame &frame) {
  if (auto reduction = dyn_cast<tile::ReductionOpInterface>(op))
    return executeReduction(reduction, frame);
  return std::nullopt;
}

} // namespace tilec::interp
