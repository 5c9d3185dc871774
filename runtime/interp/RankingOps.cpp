//===- RankingOps.cpp - row_argmax and topk -------------------------------===//
//
// The reference ranks each row by a stable sort: larger values first, equal
// values in column order (torch.topk's and torch.argmax's choice), written
// without the compiler's repeated-max formulation (ExpandTopK.cpp).
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <numeric>

using namespace mlir;

namespace tilec::interp {
namespace {

/// The columns of row `row` of `source` [R, C], best first.
std::vector<int64_t> rankRow(const Tensor &source, int64_t row) {
  int64_t cols = source.shape[1];
  const double *values = source.elements.data() + row * cols;
  std::vector<int64_t> order(static_cast<size_t>(cols));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int64_t a, int64_t b) { return values[a] > values[b]; });
  return order;
}

LogicalResult executeTopK(tile::TopKOp op, Frame &frame) {
  const Tensor &source = *frame.tensor(op.getSource());
  int64_t rows = source.shape[0], cols = source.shape[1], k = op.getK();
  Tensor values(source.dtype, {rows, k}), indices(DType::I32, {rows, k});
  for (int64_t r = 0; r < rows; ++r) {
    std::vector<int64_t> order = rankRow(source, r);
    for (int64_t t = 0; t < k; ++t) {
      values.elements[r * k + t] = source.elements[r * cols + order[t]];
      indices.elements[r * k + t] = double(order[t]);
    }
  }
  bindTensor(frame, op.getValues(), std::move(values));
  bindTensor(frame, op.getIndices(), std::move(indices));
  return success();
}

LogicalResult executeRowArgmax(tile::RowArgmaxOp op, Frame &frame) {
  const Tensor &source = *frame.tensor(op.getSource());
  int64_t rows = source.shape[0];
  Tensor result(DType::I32, {rows, 1});
  for (int64_t r = 0; r < rows; ++r)
    result.elements[r] = double(rankRow(source, r).front());
  bindTensor(frame, op.getResult(), std::move(result));
  return success();
}

} // namespace

std::optional<LogicalResult> executeRankingOp(Operation *op, Frame &frame) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::TopKOp topk) { return executeTopK(topk, frame); })
      .Case([&](tile::RowArgmaxOp argmax) { return executeRowArgmax(argmax, frame); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
