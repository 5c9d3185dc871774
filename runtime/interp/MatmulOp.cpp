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
#include "runtime/interp/ProductSums.h"

#include "dialects/Tile/TileOps.h"

#include <vector>

using namespace mlir;

namespace tilec::interp {

std::optional<LogicalResult> executeMatmulOp(Operation *op, Frame &frame) {
  auto matmul = dyn_cast<tile::MatmulOp>(op);
  if (!matmul)
    return std::nullopt;
  const Tensor &lhs = *frame.tensor(matmul.getLhs());
  const Tensor &rhs = *frame.tensor(matmul.getRhs());
  int64_t rows = lhs.shape[0], inner = lhs.shape[1];
  int64_t cols = matmul.getTransposeB() ? rhs.shape[0] : rhs.shape[1];
  DType dtype = elementDType(matmul.getType());
  Tensor result(dtype, {rows, cols});
  if (matmul.getAcc())
    result.elements = frame.tensor(matmul.getAcc())->elements;

  // A transposed B ([N, K]) is read as the [K, N] matrix it stands for.
  std::vector<double> transposed;
  const double *b = rhs.elements.data();
  if (matmul.getTransposeB()) {
    transposed.resize(size_t(inner * cols));
    for (int64_t n = 0; n < cols; ++n)
      for (int64_t k = 0; k < inner; ++k)
        transposed[size_t(k * cols + n)] = b[n * inner + k];
    b = transposed.data();
  }
  // The sums start as the accumulator, or zeros.
  addProductsInOrder(lhs.elements.data(), b, result.elements.data(), rows, inner, cols);
  for (double &value : result.elements)
    value = isFloat(dtype) ? roundToDType(dtype, value) : wrapToDType(dtype, int64_t(value));
  bindTensor(frame, matmul.getResult(), std::move(result));
  return success();
}

} // namespace tilec::interp
