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

  // The sums start as the accumulator, or zeros.
  addProductsInOrder(lhs.elements.data(), rhs.elements.data(), result.elements.data(), rows,
                     inner, cols);
  for (double &value : result.elements)
    value = isFloat(dtype) ? roundToDType(dtype, value) : wrapToDType(dtype, int64_t(value));
  bindTensor(frame, matmul.getResult(), std::move(result));
  return success();
}

} // namespace tilec::interp
