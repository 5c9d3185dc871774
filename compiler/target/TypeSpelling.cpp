//===- TypeSpelling.cpp - tiles, GM views and scalars as C++ types --------===//
#include "compiler/target/TypeSpelling.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::target;

std::optional<std::string> tilec::target::elementTypeName(Type type) {
  if (type.isF32())
    return "float";
  if (type.isBF16())
    return "bfloat16_t";
  if (type.isF16())
    return "half";
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    if (width != 8 && width != 16 && width != 32 && width != 64)
      return std::nullopt;
    return (integer.isUnsigned() ? "uint" : "int") + std::to_string(width) + "_t";
  }
  return std::nullopt;
}

std::optional<std::string> tilec::target::scalarTypeName(Type type) {
  if (type.isIndex())
    return "int64_t";
  if (type.isInteger(1))
    return "bool";
  return elementTypeName(type);
}

/// "f32", "bf16", "i8": the MLIR spelling, which is already a valid suffix.
static std::string mlirTypeText(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

std::string tilec::target::tileAliasName(ascend::TileBufferType type, bool partialRows) {
  std::string space = llvm::StringRef(ascend::stringifyMemorySpace(type.getSpace())).upper();
  if (type.getSpace() == ascend::MemorySpace::ub)
    space = "Ub";
  std::string layout = type.getLayout() == ascend::FractalLayout::zn ? "_zn" : "";
  return space + "_" + std::to_string(type.getRows()) + "x" + std::to_string(type.getCols()) +
         "x" + mlirTypeText(type.getElementType()) + layout + (partialRows ? "_part" : "");
}

FailureOr<std::string> tilec::target::tileTypeSpelling(ascend::TileBufferType type,
                                                       Location loc, bool partialRows) {
  std::optional<std::string> element = elementTypeName(type.getElementType());
  if (!element)
    return emitError(loc, "cannot spell tile element type ") << type.getElementType() << " in C++";
  std::string rows = std::to_string(type.getRows()), cols = std::to_string(type.getCols());
  std::string validRows = partialRows ? "DYNAMIC" : rows;
  if (type.getSpace() == ascend::MemorySpace::ub) {
    std::string text = "Tile<TileType::Vec, " + *element + ", " + rows + ", " +
                       std::to_string(type.getPaddedCols());
    if (type.getPaddedCols() != type.getCols() || partialRows)
      text += ", BLayout::RowMajor, " + validRows + ", " + cols;
    return text + ">";
  }
  if (partialRows && type.getSpace() != ascend::MemorySpace::l1 &&
      type.getSpace() != ascend::MemorySpace::l0c)
    return emitError(loc, "moves some rows of a ")
           << ascend::stringifyMemorySpace(type.getSpace())
           << " tile: only UB, L1 and L0C tiles are loaded or stored";

  // Whole fractals, as getNumBytes (what memory planning reserved) counts them.
  int64_t paddedRows = llvm::alignTo(type.getRows(), type.getCubeRowGranule());
  int64_t paddedCols = llvm::alignTo(type.getCols(), type.getCubeColGranule());
  std::string shape = *element + ", " + std::to_string(paddedRows) + ", " +
                      std::to_string(paddedCols);
  bool padded = paddedRows != type.getRows() || paddedCols != type.getCols();
  std::string valid = padded || partialRows ? ", " + validRows + ", " + cols : "";
  switch (type.getSpace()) {
  case ascend::MemorySpace::l1:
    // ZN: row-major order of column-major C0 x 16 fractals (L0B's layout).
    if (type.getLayout() == ascend::FractalLayout::zn)
      return "Tile<TileType::Mat, " + shape + ", BLayout::RowMajor, " + validRows + ", " + cols +
             ", SLayout::ColMajor>";
    // NZ: column-major fractals of row-major 16 x C0.
    return "Tile<TileType::Mat, " + shape + ", BLayout::ColMajor, " + validRows + ", " + cols +
           ", SLayout::RowMajor>";
  case ascend::MemorySpace::l0a:
    return "TileLeft<" + shape + valid + ">";
  case ascend::MemorySpace::l0b:
    return "TileRight<" + shape + valid + ">";
  case ascend::MemorySpace::l0c:
    return "TileAcc<" + shape + valid + ">";
  default:
    return emitError(loc, "no C++ tile type for memory space ")
           << ascend::stringifyMemorySpace(type.getSpace());
  }
}

SmallVector<int64_t> tilec::target::rowMajorStrides(ascend::GlobalTensorType global) {
  ArrayRef<int64_t> shape = global.getShape();
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = int64_t(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

bool GmView::operator==(const GmView &other) const {
  return element == other.element && shape == other.shape && stride == other.stride &&
         dn == other.dn && dynamicDim == other.dynamicDim;
}

FailureOr<GmView> tilec::target::gmViewOf(ascend::GlobalTensorType global,
                                          ascend::TileBufferType tile,
                                          std::optional<ArrayRef<int64_t>> window,
                                          bool transposed, Location loc, bool partialRows) {
  size_t rank = global.getShape().size();
  if (rank > 5)
    return emitError(loc, "a ") << rank << "-D global tensor has no 5-D GlobalTensor view";
  if (transposed) {
    // DN: the tile's rows run along the window's contiguous last dimension,
    // its columns down the window's rows.
    SmallVector<int64_t> strides = rowMajorStrides(global);
    int64_t columnStride = rank >= 2 ? strides[rank - 2] : 1;
    return GmView{global.getElementType(),
                  {1, 1, 1, tile.getRows(), tile.getCols()},
                  {1, 1, 1, 1, columnStride},
                  /*dn=*/true};
  }
  // Extents of the leading dimensions the tile's rows run over.
  SmallVector<int64_t> leading(rank - 1, 1);
  if (window)
    leading.assign(window->begin(), window->end());
  else if (rank >= 2)
    leading.back() = tile.getRows();
  SmallVector<int64_t> strides = rowMajorStrides(global);

  GmView view{global.getElementType(), {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, /*dn=*/false};
  size_t first = 4 - leading.size();
  for (size_t d = 0; d < leading.size(); ++d) {
    view.shape[first + d] = leading[d];
    view.stride[first + d] = strides[d];
  }
  view.shape[4] = tile.getCols();
  if (partialRows) {
    // The one leading extent holding the rows (the tload/tstore verifier
    // allows no other window).
    view.dynamicDim = 3;
    for (int d = 0; d < 4; ++d)
      if (view.shape[d] > 1)
        view.dynamicDim = d;
  }
  return view;
}

std::string tilec::target::gmViewAliasName(const GmView &view) {
  std::string name = "Gm_";
  for (auto [d, extent] : llvm::enumerate(ArrayRef<int64_t>(view.shape).drop_back()))
    if (int(d) == view.dynamicDim)
      name += "nx";
    else if (extent != 1)
      name += std::to_string(extent) + "x";
  return name + std::to_string(view.shape[4]) + "x" + mlirTypeText(view.element) +
         (view.dn ? "_dn" : "");
}

std::string tilec::target::gmViewSpelling(const GmView &view) {
  auto list = [](ArrayRef<int64_t> values) {
    return llvm::join(llvm::map_range(values, [](int64_t v) { return std::to_string(v); }),
                      ", ");
  };
  std::string shape = list(view.shape);
  if (view.dynamicDim >= 0) {
    SmallVector<std::string> extents;
    for (auto [d, extent] : llvm::enumerate(view.shape))
      extents.push_back(int(d) == view.dynamicDim ? "DYNAMIC" : std::to_string(extent));
    shape = llvm::join(extents, ", ");
  }
  return "GlobalTensor<" + *elementTypeName(view.element) + ", Shape<" + shape +
         ">, Stride<" + list(view.stride) + ">" + (view.dn ? ", Layout::DN" : "") + ">";
}

std::optional<std::string> tilec::target::scalarFromSlot(Type type, llvm::StringRef slot) {
  if (type.isIndex() || type.isInteger(64))
    return slot.str();
  if (type.isInteger(32))
    return "int32_t(" + slot.str() + ")";
  if (type.isF32())
    return "tilec::runtime::scalarToFloat(" + slot.str() + ")";
  return std::nullopt;
}

std::optional<std::string> tilec::target::slotFromScalar(Type type, llvm::StringRef value) {
  if (type.isIndex() || type.isInteger(64) || type.isInteger(32))
    return value.str(); // widened by the int64_t array initializer
  if (type.isF32())
    return "tilec::runtime::floatToScalar(" + value.str() + ")";
  return std::nullopt;
}
