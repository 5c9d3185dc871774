//===- Broadcast.cpp - numpy broadcasting of interpreter tensors ----------===//
#include "runtime/interp/Broadcast.h"

#include "runtime/interp/Windows.h"

namespace tilec::interp {

Tensor broadcastTo(const Tensor &source, const Shape &shape) {
  if (source.shape == shape)
    return source;
  // Stride 0 in the result's frame for every repeated dimension.
  Shape sourceStrides = source.strides();
  size_t lead = shape.size() - source.shape.size();
  Shape strides(shape.size(), 0);
  for (size_t dim = 0; dim < source.shape.size(); ++dim)
    if (source.shape[dim] != 1)
      strides[lead + dim] = sourceStrides[dim];
  Tensor result(source.dtype, shape);
  int64_t next = 0;
  forEachIndex(shape, [&](const Shape &index) {
    int64_t linear = 0;
    for (size_t dim = 0; dim < shape.size(); ++dim)
      linear += index[dim] * strides[dim];
    result.elements[size_t(next++)] = source.elements[size_t(linear)];
  });
  return result;
}

} // namespace tilec::interp
