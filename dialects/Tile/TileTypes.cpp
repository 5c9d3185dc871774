//===- TileTypes.cpp - !tile.gm ------------------------------------------===//
#include "dialects/Tile/GlobalTensorSyntax.h"
#include "dialects/Tile/TileDialect.h"
#include "dialects/Tile/TileTypes.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

#define GET_TYPEDEF_CLASSES
#include "dialects/Tile/TileTypes.cpp.inc"

void TileDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Tile/TileTypes.cpp.inc"
      >();
}

LogicalResult GlobalTensorType::verify(function_ref<InFlightDiagnostic()> emitError,
                                       ArrayRef<int64_t> shape, Type elementType) {
  return verifyGlobalTensor(emitError, shape, elementType);
}

Type GlobalTensorType::parse(AsmParser &parser) {
  return parseGlobalTensor<GlobalTensorType>(parser);
}

void GlobalTensorType::print(AsmPrinter &printer) const {
  printGlobalTensor(printer, getShape(), getElementType());
}

ShapedType GlobalTensorType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                       Type elementType) const {
  return GlobalTensorType::get(getContext(), shape ? *shape : getShape(), elementType);
}

RankedTensorType GlobalTensorType::getTensorType() const {
  return RankedTensorType::get(getShape(), getElementType());
}

int64_t GlobalTensorType::getNumBytes() const {
  return globalTensorBytes(getShape(), getElementType());
}
