//===- MatmulOp.cpp - [M, K] × [K, N] with exact accumulation -------------===//
//
// Products of bf16, f16, f32 or i8 operands are exact in double, and so are
// the sums of i8 products (below 2^53). Float results are the sum rounded once
// to f32 (the reference for the hardware's f32 accumulation, whose order is
// unspecified); integer results are exact and wrap to i32. An accumulator
// operand joins the sum before that single rounding.
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>

using namespace mlir;

namespace tilec::interp {

std::optional<LogicalResult> executeMatmulOp(Operation *op, Frame &frame) {
  auto matmul = dyn_cast<tile::MatmulOp>(op);
  if (!matmul)
    return std::nullopt;
  const Tensor &lhs = *frame.tensor(matmul.getLhs());
  const Tensor &rhs = *frame.tensor(matmul.getRhs());
  int64_t rows = lhs.shape[0], inner = lhs.shape[1], cols = rhs.shape[1];
  DType dtype = elementDType(matmul.getType());
  Tensor result(dtype, {rows, cols});
  if (matmul.getAcc())
    result.elements = frame.tensor(matmul.getAcc())->elements;

  // Each sum runs over k in order; the blocking only keeps a block of rhs in
  // cache while several rows of lhs use it. Row blocks run on every host core:
  // each output element is summed by one thread in the same order, so the
  // result does not depend on the thread count.
  constexpr int64_t kRowBlock = 8, kColBlock = 1024;
  double *sums = result.elements.data(); // starts as the accumulator, or zeros
  llvm::parallelFor(0, size_t((rows + kRowBlock - 1) / kRowBlock), [&](size_t block) {
    int64_t i0 = int64_t(block) * kRowBlock, i1 = std::min(rows, i0 + kRowBlock);
    for (int64_t j0 = 0; j0 < cols; j0 += kColBlock) {
      int64_t j1 = std::min(cols, j0 + kColBlock);
      for (int64_t k = 0; k < inner; ++k) {
        const double *b = rhs.elements.data() + k * cols;
        for (int64_t i = i0; i < i1; ++i) {
          double a = lhs.elements[size_t(i * inner + k)];
          double *row = sums + i * cols;
          for (int64_t j = j0; j < j1; ++j)
            row[j] += a * b[j];
        }
      }
    }
  });
  for (double &value : result.elements)
    value = isFloat(dtype) ? roundToDType(dtype, value) : wrapToDType(dtype, int64_t(value));
  bindTensor(frame, matmul.getResult(), std::move(result));
  return success();
}

} // namespace tilec::interp
