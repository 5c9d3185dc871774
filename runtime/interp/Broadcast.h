//===- Broadcast.h - numpy broadcasting of interpreter tensors --*- C++ -*-===//
#ifndef TILEC_RUNTIME_INTERP_BROADCAST_H
#define TILEC_RUNTIME_INTERP_BROADCAST_H

#include "runtime/interp/Values.h"

namespace tilec::interp {

/// `source` expanded to `shape` by numpy rules: dimensions align from the
/// right, missing leading dimensions and size-1 dimensions repeat. The caller
/// has checked that the shapes broadcast (the op verifiers do).
Tensor broadcastTo(const Tensor &source, const Shape &shape);

} // namespace tilec::interp

#endif
