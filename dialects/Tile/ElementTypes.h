//===- ElementTypes.h - DType <-> MLIR element types ------------*- C++ -*-===//
//
// The one mapping between the element types of base/DType.h and MLIR's
// builtin types, on the MLIR side of base/: the frontend builds IR with it,
// the passes and the tile → ascend lowering read cast and matmul types with it,
// and the reference interpreter types its tensors with it.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_ELEMENTTYPES_H
#define TILEC_DIALECTS_TILE_ELEMENTTYPES_H

#include "base/DType.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Types.h"

#include <optional>

namespace tilec {

/// The DType of an MLIR element type: bf16, f16 and f32; ui8 is U8, any other
/// integer of 8, 16, 32 or 64 bits the signed DType of its width (signless is
/// how the dialects spell them, and DType has no other unsigned type). nullopt
/// for every other type (index, i1, f64, ...).
std::optional<DType> dtypeOf(mlir::Type type);

/// The MLIR element type of `dtype`: signless integers, except U8 as ui8, so
/// that dtypeOf(mlirTypeOf(context, d)) == d for every DType.
mlir::Type mlirTypeOf(mlir::MLIRContext *context, DType dtype);

} // namespace tilec

#endif
