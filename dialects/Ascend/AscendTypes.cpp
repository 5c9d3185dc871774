//===- AscendTypes.cpp - !ascend.tile and !ascend.gm ---------------------===//
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/GlobalTensorSyntax.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec::ascend;

#define GET_TYPEDEF_CLASSES
#include "dialects/Ascend/AscendTypes.cpp.inc"

void AscendDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Ascend/AscendTypes.cpp.inc"
      >();
}

/// Every on-chip row starts on a 32-byte boundary: a tile's shape is its
/// valid region and each row is padded up to the next 32 bytes (a [64, 1] f32
/// row-sum result occupies 64 × 32 bytes, as on the hardware).
static constexpr int64_t kOnChipAlignment = 32;

LogicalResult TileBufferType::verify(function_ref<InFlightDiagnostic()> emitError,
                                     ArrayRef<int64_t> shape, Type elementType,
                                     MemorySpace space, FractalLayout layout) {
  if (shape.size() != 2)
    return emitError() << "a tile buffer is rows × cols, found rank " << shape.size();
  if (shape[0] <= 0 || shape[1] <= 0)
    return emitError() << "tile dimensions must be positive";
  if (!elementType.isBF16() && !elementType.isF16() && !elementType.isF32() &&
      !elementType.isInteger(8) && !elementType.isInteger(16) && !elementType.isInteger(32))
    return emitError() << "tile element type must be bf16, f16, f32, i8, i16 or i32, found "
                       << elementType;
  if (space == MemorySpace::gm)
    return emitError() << "a tile buffer lives on chip; use !ascend.gm for global memory";
  if (layout != FractalLayout::nz && space != MemorySpace::l1)
    return emitError() << "only an L1 tile has a choice of fractal layout";
  return success();
}

// `!ascend.tile<64x128xf32, ub>`, `!ascend.tile<64x128xbf16, l1, zn>`
Type TileBufferType::parse(AsmParser &parser) {
  SmallVector<int64_t> shape;
  Type elementType;
  StringRef spaceName;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false, /*withTrailingX=*/true) ||
      parser.parseType(elementType) || parser.parseComma())
    return {};
  SMLoc spaceLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&spaceName))
    return {};
  std::optional<MemorySpace> space = symbolizeMemorySpace(spaceName);
  if (!space) {
    parser.emitError(spaceLoc, "expected a memory space (ub, l1, l0a, l0b, l0c), found '")
        << spaceName << "'";
    return {};
  }
  FractalLayout layout = FractalLayout::nz;
  if (succeeded(parser.parseOptionalComma())) {
    StringRef layoutName;
    SMLoc layoutLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&layoutName))
      return {};
    std::optional<FractalLayout> parsed = symbolizeFractalLayout(layoutName);
    if (!parsed) {
      parser.emitError(layoutLoc, "expected a fractal layout (nz, zn), found '")
          << layoutName << "'";
      return {};
    }
    layout = *parsed;
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(), shape,
                    elementType, *space, layout);
}

void TileBufferType::print(AsmPrinter &printer) const {
  printer << '<';
  for (int64_t dim : getShape())
    printer << dim << 'x';
  printer << getElementType() << ", " << stringifyMemorySpace(getSpace());
  if (getLayout() != FractalLayout::nz)
    printer << ", " << stringifyFractalLayout(getLayout());
  printer << '>';
}

ShapedType TileBufferType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                     Type elementType) const {
  return TileBufferType::get(getContext(), shape ? *shape : getShape(), elementType, getSpace(),
                             getLayout());
}

int64_t TileBufferType::getElementBytes() const {
  return getElementType().getIntOrFloatBitWidth() / 8;
}

int64_t TileBufferType::getBlockElements() const {
  return kOnChipAlignment / getElementBytes();
}

int64_t TileBufferType::getPaddedCols() const {
  int64_t perBlock = getBlockElements();
  return (getCols() + perBlock - 1) / perBlock * perBlock;
}

/// Rows and columns of the smallest whole-fractal tile holding a cube
/// operand: 16 x C0 fractals for L1/L0A/L0B (C0 = 32 bytes of elements) and
/// 16 x 16 for L0C. Padding both dimensions to the larger side lets one L1
/// tile feed either L0A (16-row fractals) or L0B (C0-row fractals) by TMOV.
namespace {
/// The fractal side of 32 bytes of `elementBytes`-byte elements, at least 16.
int64_t wideSide(int64_t elementBytes) {
  return std::max<int64_t>(16, kOnChipAlignment / elementBytes);
}
} // namespace

int64_t TileBufferType::getCubeRowGranule() const {
  switch (getSpace()) {
  case MemorySpace::l0a: // Left [M, K]: 16 x C0 fractals
  case MemorySpace::l0c:
    return 16;
  case MemorySpace::l1:
  case MemorySpace::l0b:
    return wideSide(getElementBytes());
  default:
    return 1;
  }
}

int64_t TileBufferType::getCubeColGranule() const {
  switch (getSpace()) {
  case MemorySpace::l0c:
    return 16;
  case MemorySpace::l1:
  case MemorySpace::l0a:
  case MemorySpace::l0b: // as B's L1 tile, which TMOV copies whole
    return wideSide(getElementBytes());
  default:
    return 1;
  }
}

int64_t TileBufferType::getNumBytes() const {
  if (getCubeRowGranule() == 1)
    return getRows() * getPaddedCols() * getElementBytes();
  return llvm::alignTo(getRows(), getCubeRowGranule()) *
         llvm::alignTo(getCols(), getCubeColGranule()) * getElementBytes();
}

LogicalResult GlobalTensorType::verify(function_ref<InFlightDiagnostic()> emitError,
                                       ArrayRef<int64_t> shape, Type elementType) {
  return tilec::verifyGlobalTensor(emitError, shape, elementType);
}

Type GlobalTensorType::parse(AsmParser &parser) {
  return tilec::parseGlobalTensor<GlobalTensorType>(parser);
}

void GlobalTensorType::print(AsmPrinter &printer) const {
  tilec::printGlobalTensor(printer, getShape(), getElementType());
}

ShapedType GlobalTensorType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                       Type elementType) const {
  return GlobalTensorType::get(getContext(), shape ? *shape : getShape(), elementType);
}

int64_t GlobalTensorType::getNumBytes() const {
  return tilec::globalTensorBytes(getShape(), getElementType());
}
