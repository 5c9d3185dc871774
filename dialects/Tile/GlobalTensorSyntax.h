//===- GlobalTensorSyntax.h - assembly and checks of GM tensor types -*- C++ -*-===//
//
// !tile.gm (the tile stage's kernel tensors) and !ascend.gm (the host
// program's and tasks' after convert-tile-to-ascend) are the same kind of
// type in two dialects: a static shape and an element type. This keeps their
// spelling, verifier and size in one place.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_GLOBALTENSORSYNTAX_H
#define TILEC_DIALECTS_TILE_GLOBALTENSORSYNTAX_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectImplementation.h"

namespace tilec {

/// At least one positive dimension; bf16, f16, f32, i8 or i32 elements (the
/// a2a3 data types the instructions and the runtime support).
inline mlir::LogicalResult
verifyGlobalTensor(llvm::function_ref<mlir::InFlightDiagnostic()> emitError,
                   llvm::ArrayRef<int64_t> shape, mlir::Type elementType) {
  if (shape.empty())
    return emitError() << "a global tensor needs at least one dimension";
  for (int64_t dim : shape)
    if (dim <= 0)
      return emitError() << "global tensor dimensions must be positive, found " << dim;
  if (!elementType.isBF16() && !elementType.isF16() && !elementType.isF32() &&
      !elementType.isInteger(8) && !elementType.isInteger(32))
    return emitError() << "global tensor element type must be bf16, f16, f32, i8 or i32, found "
                       << elementType;
  return mlir::success();
}

/// `<128x4096xbf16>`: the builtin tensor spelling, static dims only.
template <typename TypeT> mlir::Type parseGlobalTensor(mlir::AsmParser &parser) {
  llvm::SmallVector<int64_t> shape;
  mlir::Type elementType;
  llvm::SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false, /*withTrailingX=*/true) ||
      parser.parseType(elementType) || parser.parseGreater())
    return {};
  return TypeT::getChecked([&] { return parser.emitError(loc); }, parser.getContext(), shape,
                           elementType);
}

inline void printGlobalTensor(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> shape,
                              mlir::Type elementType) {
  printer << '<';
  for (int64_t dim : shape)
    printer << dim << 'x';
  printer << elementType << '>';
}

inline int64_t globalTensorBytes(llvm::ArrayRef<int64_t> shape, mlir::Type elementType) {
  int64_t elements = 1;
  for (int64_t dim : shape)
    elements *= dim;
  return elements * ((elementType.getIntOrFloatBitWidth() + 7) / 8);
}

} // namespace tilec

#endif
