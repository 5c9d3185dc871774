//===- TypeSpelling.h - tiles, GM views and scalars as C++ types -*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_TYPESPELLING_H
#define TILEC_COMPILER_TARGET_TYPESPELLING_H

#include "dialects/Ascend/AscendOps.h"

#include <array>
#include <optional>
#include <string>

namespace tilec::target {

/// `float`, `bfloat16_t`, `half`, `int8_t`, `int32_t`, … (PTO element types).
std::optional<std::string> elementTypeName(mlir::Type type);

/// The C++ type of a scalar SSA value: index → int64_t, i1 → bool, else as
/// elementTypeName.
std::optional<std::string> scalarTypeName(mlir::Type type);

/// `Ub_2x1024xf32`, `L0C_128x128xi32`: the alias the emitter declares for a
/// buffer type; `Ub_2x1024xf32_part` with `partialRows`.
std::string tileAliasName(ascend::TileBufferType type, bool partialRows = false);

/// The pto::Tile instantiation of a buffer. UB tiles keep the planner's
/// 32-byte row padding as their Cols; cube tiles are padded to whole
/// fractals, which fails (with an error at `loc`) when that needs more bytes
/// than memory planning gave the buffer. With `partialRows` the valid rows
/// are DYNAMIC (set when the tile is declared): the view of a buffer through
/// which a tload/tstore with `rows %n` moves its first rows.
mlir::FailureOr<std::string> tileTypeSpelling(ascend::TileBufferType type, mlir::Location loc,
                                              bool partialRows = false);

/// The 5-D GM view a tload/tstore moves a tile through: the tile's rows run
/// over the leading dimensions (`window`, default all along the
/// second-to-last one) and its columns along the last; in a DN view (a
/// transposed load) the tile's rows run along the last dimension instead.
struct GmView {
  mlir::Type element;
  std::array<int64_t, 5> shape;
  std::array<int64_t, 5> stride;
  bool dn;
  /// The dimension whose extent is the tile's rows, DYNAMIC in a view of
  /// some rows (a tload/tstore with `rows %n`); -1 otherwise.
  int dynamicDim = -1;

  bool operator==(const GmView &other) const;
};

/// The view of `global` that tile `tile` occupies; fails with an error at
/// `loc` for tensors of more than five dimensions.
mlir::FailureOr<GmView> gmViewOf(ascend::GlobalTensorType global, ascend::TileBufferType tile,
                                 std::optional<llvm::ArrayRef<int64_t>> window, bool transposed,
                                 mlir::Location loc, bool partialRows = false);

/// `Gm_2x1024xf32`: the alias base name of a view (shape extents above one).
std::string gmViewAliasName(const GmView &view);
/// `GlobalTensor<float, Shape<…>, Stride<…>>`.
std::string gmViewSpelling(const GmView &view);

/// Row-major element strides of a global tensor.
llvm::SmallVector<int64_t> rowMajorStrides(ascend::GlobalTensorType global);

/// The C++ expression reading a scalar of `type` from the int64_t ABI slot
/// `slot` (see runtime/isa/HostApi.h), or nothing for an unsupported type.
std::optional<std::string> scalarFromSlot(mlir::Type type, llvm::StringRef slot);
/// The int64_t ABI slot value of the scalar expression `value` of `type`.
std::optional<std::string> slotFromScalar(mlir::Type type, llvm::StringRef value);

} // namespace tilec::target

#endif
