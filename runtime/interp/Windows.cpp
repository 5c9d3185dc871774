//===- Windows.cpp - rectangular windows of tensors -----------------------===//
#include "runtime/interp/Windows.h"

#include <algorithm>

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

/// Calls fn(windowStart, wholeStart, count) for every row of the window (its
/// last dimension, contiguous in both tensors) with the linear positions of
/// the row's first element in the window and in `whole`.
template <typename Fn>
static void forEachRow(const Shape &whole, const Shape &window, llvm::ArrayRef<int64_t> offsets,
                       Fn fn) {
  if (window.empty()) {
    fn(0, 0, 1);
    return;
  }
  int64_t width = window.back();
  Shape rows(window.begin(), window.end() - 1);
  int64_t next = 0;
  forEachIndex(rows, [&](const Shape &index) {
    int64_t linear = 0;
    for (size_t dim = 0; dim < rows.size(); ++dim)
      linear = linear * whole[dim] + index[dim] + offsets[dim];
    fn(next, linear * whole.back() + offsets.back(), width);
    next += width;
  });
}

Tensor readWindow(const Tensor &whole, const Shape &window, llvm::ArrayRef<int64_t> offsets) {
  Tensor result(whole.dtype, window);
  forEachRow(whole.shape, window, offsets, [&](int64_t at, int64_t from, int64_t count) {
    std::copy_n(whole.elements.begin() + from, count, result.elements.begin() + at);
  });
  return result;
}

void writeWindow(Tensor &whole, const Tensor &window, llvm::ArrayRef<int64_t> offsets) {
  forEachRow(whole.shape, window.shape, offsets, [&](int64_t from, int64_t at, int64_t count) {
    std::copy_n(window.elements.begin() + from, count, whole.elements.begin() + at);
  });
}

} // namespace tilec::interp
