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

  std::vector<double> sums(static_cast<size_t>(cols));
  for (int64_t i = 0; i < rows; ++i) {
    double *out = result.elements.data() + i * cols;
    std::copy(out, out + cols, sums.begin()); // the accumulator, or zeros
    for (int64_t k = 0; k < inner; ++k) {
      double a = lhs.elements[size_t(i * inner + k)];
      const double *b = rhs.elements.data() + k * cols;
      for (int64_t j = 0; j < cols; ++j)
        sums[size_t(j)] += a * b[j];
    }
    for (int64_t j = 0; j < cols; ++j)
      out[j] = isFloat(dtype) ? roundToDType(dtype, sums[size_t(j)])
                              : wrapToDType(dtype, int64_t(sums[size_t(j)]));
  }
  bindTensor(frame, matmul.getResult(), std::move(result));
  return success();
}

} // namespace tilec::interp
