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
  // (shape is not rank 0 here: a rank-0 result has the rank-0 source's shape.)
  // Row by row: the leading dimensions give the row's start, the last one
  // steps through it (stride 0 when it repeats one element).
  int64_t width = shape.back(), step = strides.back();
  Shape rows(shape.begin(), shape.end() - 1);
  double *out = result.elements.data();
  forEachIndex(rows, [&](const Shape &index) {
    int64_t start = 0;
    for (size_t dim = 0; dim < rows.size(); ++dim)
      start += index[dim] * strides[dim];
    for (int64_t j = 0; j < width; ++j)
      *out++ = source.elements[size_t(start + j * step)];
  });
  return result;
}

} // namespace tilec::interp
