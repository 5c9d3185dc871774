//===- Windows.h - rectangular windows of tensors ---------------*- C++ -*-===//
//
// load/store move windows between global memory and values, slice/insert
// between values; all four share these helpers and their bounds check.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_RUNTIME_INTERP_WINDOWS_H
#define TILEC_RUNTIME_INTERP_WINDOWS_H

#include "runtime/interp/Values.h"

#include "mlir/IR/Operation.h"

namespace tilec::interp {

/// Calls fn(index) for every multi-index of `shape` in row-major order (once
/// with an empty index for a rank-0 shape).
template <typename Fn> void forEachIndex(const Shape &shape, Fn fn) {
  if (numElements(shape) == 0)
    return;
  Shape index(shape.size(), 0);
  while (true) {
    fn(static_cast<const Shape &>(index));
    size_t dim = shape.size();
    while (dim > 0 && ++index[dim - 1] == shape[dim - 1])
      index[--dim] = 0;
    if (dim == 0)
      return;
  }
}

/// Succeeds when `window` at `offsets` lies inside `whole`; otherwise emits an
/// error at `op` naming the dimension, offset and sizes.
mlir::LogicalResult checkWindow(mlir::Operation *op, const Shape &whole, const Shape &window,
                                llvm::ArrayRef<int64_t> offsets);

/// The window of `whole` of shape `window` at `offsets` (checked before).
Tensor readWindow(const Tensor &whole, const Shape &window, llvm::ArrayRef<int64_t> offsets);

/// Overwrites the window of `whole` at `offsets` with `window` (checked before).
void writeWindow(Tensor &whole, const Tensor &window, llvm::ArrayRef<int64_t> offsets);

} // namespace tilec::interp

#endif
