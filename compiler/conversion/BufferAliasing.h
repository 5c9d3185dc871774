//===- BufferAliasing.h - which memory an instruction operand touches -*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_BUFFERALIASING_H
#define TILEC_COMPILER_CONVERSION_BUFFERALIASING_H

#include "dialects/Ascend/AscendOps.h"

namespace tilec {

/// The memory behind a buffer value, as precisely as the IR tells: a planned
/// byte range of an on-chip space, one whole allocation or global tensor, or
/// (for a tile value of unknown origin) anything in its space.
struct MemoryRegion {
  enum class Kind { ByteRange, WholeValue, AnyInSpace };
  Kind kind;
  ascend::MemorySpace space;
  int64_t begin = 0, end = 0; ///< ByteRange: [begin, end)
  mlir::Value root;           ///< WholeValue: the alloc result or global tensor

  /// Whether the two may share a byte; conservative when unsure.
  bool mayAlias(const MemoryRegion &other) const;
};

/// The region `buffer` (a !ascend.tile or !ascend.gm value) occupies. A planned
/// alloc is its byte range, an unplanned one the whole allocation; a slot
/// popped from a UB ring, the ring's bytes; a global tensor is the tensor it
/// reshapes, taken whole.
MemoryRegion regionOf(mlir::Value buffer);

} // namespace tilec

#endif
