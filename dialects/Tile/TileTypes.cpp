//===- TileTypes.cpp - !tile.gm ------------------------------------------===//
#include "dialects/Tile/TileDialect.h"
#include "dialects/Tile/TileTypes.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec::tile;

#define GET_TYPEDEF_CLASSES
#include "dialects/Tile/TileTypes.cpp.inc"

void TileDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Tile/TileTypes.cpp.inc"
      >();
}

/// The element types a kernel tensor may hold: the a2a3 data types the
/// instructions and the runtime support.
static bool isKernelElementType(Type type) {
  return type.isBF16() || type.isF16() || type.isF32() || type.isInteger(8) ||
         type.isInteger(32);
}

LogicalResult GlobalTensorType::verify(function_ref<InFlightDiagnostic()> emitError,
                                       ArrayRef<int64_t> shape, Type elementType) {
  if (shape.empty())
    return emitError() << "a global tensor needs at least one dimension";
  for (int64_t dim : shape)
    if (dim <= 0)
      return emitError() << "global tensor dimensions must be positive, found " << dim;
  if (!isKernelElementType(elementType))
    return emitError() << "global tensor element type must be bf16, f16, f32, i8 or i32, found "
                       << elementType;
  return success();
}

// `!tile.gm<128x4096xbf16>`: the builtin tensor spelling, static dims only.
Type GlobalTensorType::parse(AsmParser &parser) {
  SmallVector<int64_t> shape;
  Type elementType;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false, /*withTrailingX=*/true) ||
      parser.parseType(elementType) || parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(), shape,
                    elementType);
}

void GlobalTensorType::print(AsmPrinter &printer) const {
  printer << '<';
  for (int64_t dim : getShape())
    printer << dim << 'x';
  printer << getElementType() << '>';
}

ShapedType GlobalTensorType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                       Type elementType) const {
  return GlobalTensorType::get(getContext(), shape ? *shape : getShape(), elementType);
}

RankedTensorType GlobalTensorType::getTensorType() const {
  return RankedTensorType::get(getShape(), getElementType());
}

int64_t GlobalTensorType::getNumBytes() const {
  int64_t elements = 1;
  for (int64_t dim : getShape())
    elements *= dim;
  return elements * ((getElementType().getIntOrFloatBitWidth() + 7) / 8);
}
