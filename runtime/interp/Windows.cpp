//===- Windows.cpp - rectangular windows of tensors -----------------------===//
#include "runtime/interp/Windows.h"

namespace tilec::interp {

mlir::LogicalResult checkWindow(mlir::Operation *op, const Shape &whole, const Shape &window,
                                llvm::ArrayRef<int64_t> offsets) {
  for (size_t dim = 0; dim < whole.size(); ++dim)
    if (offsets[dim] < 0 || offsets[dim] + window[dim] > whole[dim])
      return op->emitError("window ") << formatShape(window) << " at offset " << offsets[dim]
                                      << " in dimension " << dim << " exceeds the tensor "
                                      << formatShape(whole);
  return mlir::success();
}

/// The linear position in `whole` of `index` (a window index) shifted by `offsets`.
static int64_t shiftedLinear(const Shape &whole, const Shape &index,
                             llvm::ArrayRef<int64_t> offsets) {
  int64_t linear = 0;
  for (size_t dim = 0; dim < whole.size(); ++dim)
    linear = linear * whole[dim] + index[dim] + offsets[dim];
  return linear;
}

Tensor readWindow(const Tensor &whole, const Shape &window, llvm::ArrayRef<int64_t> offsets) {
  Tensor result(whole.dtype, window);
  int64_t next = 0;
  forEachIndex(window, [&](const Shape &index) {
    result.elements[size_t(next++)] = whole.elements[size_t(shiftedLinear(whole.shape, index, offsets))];
  });
  return result;
}

void writeWindow(Tensor &whole, const Tensor &window, llvm::ArrayRef<int64_t> offsets) {
  int64_t next = 0;
  forEachIndex(window.shape, [&](const Shape &index) {
    whole.elements[size_t(shiftedLinear(whole.shape, index, offsets))] = window.elements[size_t(next++)];
  });
}

} // namespace tilec::interp
