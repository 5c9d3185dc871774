//===- AscendVerifiers.cpp - what each instruction accepts ----------------===//
//
// Memory spaces, shapes and a2a3 element types the hardware instructions
// accept (ISA-NOTES.md). Conversion pairs, which differ between targets, are
// checked against the target description by the conversion passes.
//
//===----------------------------------------------------------------------===//
#include "base/RowReduceTmp.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/ElementTypes.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace tilec::ascend;

namespace {

std::string shapeText(TileBufferType type) {
  return "[" + std::to_string(type.getRows()) + ", " + std::to_string(type.getCols()) + "]";
}

LogicalResult expectSpace(Operation *op, StringRef role, TileBufferType type,
                          ArrayRef<MemorySpace> allowed) {
  if (llvm::is_contained(allowed, type.getSpace()))
    return success();
  std::string names;
  for (auto [index, space] : llvm::enumerate(allowed))
    names += (index ? " or " : "") + stringifyMemorySpace(space).str();
  return op->emitOpError(role) << " must be in " << names << ", found "
                               << stringifyMemorySpace(type.getSpace());
}

LogicalResult expectSameShape(Operation *op, StringRef role, TileBufferType type,
                              TileBufferType reference, StringRef referenceRole = "destination") {
  if (type.getShape() == reference.getShape())
    return success();
  return op->emitOpError(role) << " shape " << shapeText(type) << " differs from the "
                               << referenceRole << "'s " << shapeText(reference);
}

LogicalResult expectSameElement(Operation *op, StringRef role, Type element, Type reference,
                                StringRef referenceRole = "destination") {
  if (element == reference)
    return success();
  return op->emitOpError(role) << " element type " << element << " differs from the "
                               << referenceRole << "'s " << reference;
}

/// A scalar operand has the element type of the tile it is combined with.
LogicalResult expectScalarOf(Operation *op, Type scalar, TileBufferType dst) {
  if (scalar == dst.getElementType())
    return success();
  return op->emitOpError("scalar type ") << scalar << " differs from the destination's element type "
                                         << dst.getElementType();
}

/// a2a3 vector arithmetic: no bf16 and no i8. TCVT widens bf16 to f32 but
/// i8 only to f16, so the hint names the conversion that exists.
LogicalResult expectVectorArithmetic(Operation *op, Type element, bool floatOnly) {
  bool ok = element.isF16() || element.isF32() ||
            (!floatOnly && (element.isInteger(16) || element.isInteger(32)));
  if (ok)
    return success();
  return op->emitOpError("has no ") << element << " form on a2a3 (supported: "
                                    << (floatOnly ? "f16, f32" : "i16, i32, f16, f32")
                                    << "); convert to " << (element.isInteger(8) ? "f16" : "f32")
                                    << " first";
}

/// TLOAD/TSTORE: a 2-D tile is a window over the trailing dimensions of a
/// global tensor, one offset per global dimension.
LogicalResult verifyGlobalAccess(Operation *op, GlobalTensorType global,
                                 ValueRange offsets, TileBufferType tile,
                                 std::optional<ArrayRef<int64_t>> window) {
  if (offsets.size() != global.getShape().size())
    return op->emitOpError("expects one offset per global dimension (")
           << global.getShape().size() << "), found " << offsets.size();
  if (global.getElementType() != tile.getElementType() &&
      !(tile.getSpace() == MemorySpace::l0c))
    return op->emitOpError("global element type ") << global.getElementType()
                                                   << " differs from the tile's "
                                                   << tile.getElementType();
  ArrayRef<int64_t> shape = global.getShape();
  if (tile.getCols() > shape.back())
    return op->emitOpError("tile ") << shapeText(tile) << " is wider than the global tensor";
  if (window) {
    if (window->size() + 1 != shape.size())
      return op->emitOpError("window needs one extent per leading global dimension (")
             << shape.size() - 1 << "), found " << window->size();
    int64_t rows = 1;
    for (auto [extent, dim] : llvm::zip(*window, shape.drop_back())) {
      if (extent < 1 || extent > dim)
        return op->emitOpError("window extent ") << extent << " does not fit dimension " << dim;
      rows *= extent;
    }
    if (rows != tile.getRows())
      return op->emitOpError("window holds ") << rows << " rows, the tile has " << tile.getRows();
  } else if (tile.getRows() > 1 && (shape.size() < 2 || tile.getRows() > shape[shape.size() - 2])) {
    return op->emitOpError("tile ") << shapeText(tile) << " has more rows than the global tensor";
  }
  return success();
}

/// A partial transfer (`rows %n`) moves the tile's first rows: its window's
/// rows run along one global dimension, so those rows are a prefix of it.
LogicalResult verifyPartialRows(Operation *op, Value validRows,
                                std::optional<ArrayRef<int64_t>> window) {
  if (!validRows || !window)
    return success();
  if (llvm::count_if(*window, [](int64_t extent) { return extent > 1; }) > 1)
    return op->emitOpError("moves some rows only when its window's rows run along one dimension");
  return success();
}

} // namespace

LogicalResult AllocOp::verify() {
  if (std::optional<uint64_t> offset = getOffset(); offset && *offset % 32 != 0)
    return emitOpError("offset ") << *offset << " is not 32-byte aligned";
  return success();
}

LogicalResult SetValidRowsOp::verify() {
  TileBufferType tile = getTile().getType();
  if (tile.getSpace() != MemorySpace::ub)
    return emitOpError("sets the valid rows of a vector (UB) tile, found one in ")
           << stringifyMemorySpace(tile.getSpace());
  if (!getTile().getDefiningOp<AllocOp>())
    return emitOpError("sets the valid rows of an ascend.alloc");
  std::optional<int64_t> rows = getConstantIntValue(getRows());
  if (rows && (*rows < 1 || *rows > tile.getRows()))
    return emitOpError("valid rows ") << *rows << " outside [1, " << tile.getRows() << "]";
  return success();
}

LogicalResult TLoadOp::verify() {
  if (failed(expectSpace(*this, "destination", getDst().getType(),
                         {MemorySpace::ub, MemorySpace::l1})))
    return failure();
  // TLOAD makes NZ fractals of an ND window and ZN fractals of a DN one.
  TileBufferType dst = getDst().getType();
  bool zn = dst.getLayout() == FractalLayout::zn;
  if (!getTranspose()) {
    if (zn)
      return emitOpError("fills a ZN tile only when it loads transposed");
    if (failed(verifyPartialRows(*this, getValidRows(), getWindow())))
      return failure();
    return verifyGlobalAccess(*this, getSrc().getType(), getOffsets(), dst, getWindow());
  }
  if (getValidRows())
    return emitOpError("loads some rows only when it does not transpose");
  // A transposed load reads the [C, R] window of an [R, C] tile.
  if (!zn || getWindow())
    return emitOpError("loads transposed only into an L1 tile in ZN order, without a window");
  auto window = TileBufferType::get(getContext(), {dst.getCols(), dst.getRows()},
                                    dst.getElementType(), dst.getSpace());
  return verifyGlobalAccess(*this, getSrc().getType(), getOffsets(), window, std::nullopt);
}

LogicalResult TStoreOp::verify() {
  if (failed(expectSpace(*this, "source", getSrc().getType(), {MemorySpace::ub, MemorySpace::l0c})) ||
      failed(verifyPartialRows(*this, getValidRows(), getWindow())))
    return failure();
  return verifyGlobalAccess(*this, getDst().getType(), getOffsets(), getSrc().getType(),
                            getWindow());
}

/// Elementwise binaries, and the row/column expansions whose right operand
/// holds one value per row (a 32-byte block per row, [R, 32 / element
/// bytes], the row-major form PTO-ISA accepts) or per column ([1, C]).
static LogicalResult verifyVecBinary(Operation *op, TileBufferType dst, TileBufferType lhs,
                                     TileBufferType rhs, StringRef isaName) {
  for (auto [role, type] : {std::pair<StringRef, TileBufferType>{"destination", dst},
                            {"left operand", lhs}, {"right operand", rhs}})
    if (failed(expectSpace(op, role, type, {MemorySpace::ub})))
      return failure();
  if (failed(expectSameShape(op, "left operand", lhs, dst)) ||
      failed(expectSameElement(op, "left operand", lhs.getElementType(), dst.getElementType())) ||
      failed(expectSameElement(op, "right operand", rhs.getElementType(), dst.getElementType())) ||
      failed(expectVectorArithmetic(op, dst.getElementType(), /*floatOnly=*/false)))
    return failure();
  SmallVector<int64_t> expected(dst.getShape());
  if (isaName.starts_with("TROWEXPAND"))
    expected[1] = dst.getBlockElements();
  else if (isaName.starts_with("TCOLEXPAND"))
    expected[0] = 1;
  if (rhs.getShape() != ArrayRef<int64_t>(expected))
    return op->emitOpError("right operand must be [") << expected[0] << ", " << expected[1]
                                                      << "], found " << shapeText(rhs);
  return success();
}

#define ASCEND_VEC_BINARY_VERIFIER(Op)                                                  \
  LogicalResult Op::verify() {                                                          \
    return verifyVecBinary(*this, getDst().getType(), getLhs().getType(),               \
                           getRhs().getType(), getIsaName());                           \
  }
ASCEND_VEC_BINARY_VERIFIER(TAddOp)
ASCEND_VEC_BINARY_VERIFIER(TSubOp)
ASCEND_VEC_BINARY_VERIFIER(TMulOp)
ASCEND_VEC_BINARY_VERIFIER(TDivOp)
ASCEND_VEC_BINARY_VERIFIER(TMaxOp)
ASCEND_VEC_BINARY_VERIFIER(TMinOp)
ASCEND_VEC_BINARY_VERIFIER(TRowExpandAddOp)
ASCEND_VEC_BINARY_VERIFIER(TRowExpandSubOp)
ASCEND_VEC_BINARY_VERIFIER(TRowExpandMulOp)
ASCEND_VEC_BINARY_VERIFIER(TRowExpandDivOp)
ASCEND_VEC_BINARY_VERIFIER(TColExpandAddOp)
ASCEND_VEC_BINARY_VERIFIER(TColExpandSubOp)
ASCEND_VEC_BINARY_VERIFIER(TColExpandMulOp)
ASCEND_VEC_BINARY_VERIFIER(TColExpandDivOp)
#undef ASCEND_VEC_BINARY_VERIFIER

/// Tile-to-tile instructions on UB: same shape, same element type.
static LogicalResult verifyVecUnary(Operation *op, TileBufferType dst, TileBufferType src,
                                    bool floatOnly) {
  if (failed(expectSpace(op, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(op, "source", src, {MemorySpace::ub})) ||
      failed(expectSameShape(op, "source", src, dst)) ||
      failed(expectSameElement(op, "source", src.getElementType(), dst.getElementType())))
    return failure();
  return expectVectorArithmetic(op, dst.getElementType(), floatOnly);
}

#define ASCEND_VEC_SCALAR_VERIFIER(Op)                                                  \
  LogicalResult Op::verify() {                                                          \
    if (failed(expectScalarOf(*this, getScalar().getType(), getDst().getType())))       \
      return failure();                                                                 \
    return verifyVecUnary(*this, getDst().getType(), getSrc().getType(), false);        \
  }
ASCEND_VEC_SCALAR_VERIFIER(TAddSOp)
ASCEND_VEC_SCALAR_VERIFIER(TSubSOp)
ASCEND_VEC_SCALAR_VERIFIER(TMulSOp)
ASCEND_VEC_SCALAR_VERIFIER(TDivSOp)
ASCEND_VEC_SCALAR_VERIFIER(TMaxSOp)
ASCEND_VEC_SCALAR_VERIFIER(TMinSOp)
#undef ASCEND_VEC_SCALAR_VERIFIER

#define ASCEND_VEC_UNARY_VERIFIER(Op)                                                   \
  LogicalResult Op::verify() {                                                          \
    return verifyVecUnary(*this, getDst().getType(), getSrc().getType(), true);         \
  }
ASCEND_VEC_UNARY_VERIFIER(TExpOp)
ASCEND_VEC_UNARY_VERIFIER(TLogOp)
ASCEND_VEC_UNARY_VERIFIER(TSqrtOp)
ASCEND_VEC_UNARY_VERIFIER(TRsqrtOp)
ASCEND_VEC_UNARY_VERIFIER(TRecipOp)
ASCEND_VEC_UNARY_VERIFIER(TAbsOp)
#undef ASCEND_VEC_UNARY_VERIFIER

/// TNEG has i16 and i32 forms on both targets (TABS has them only on a5).
LogicalResult TNegOp::verify() {
  return verifyVecUnary(*this, getDst().getType(), getSrc().getType(), /*floatOnly=*/false);
}

LogicalResult TMovOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (failed(expectSameShape(*this, "source", src, dst)))
    return failure();
  switch (src.getSpace()) {
  case MemorySpace::ub:
    if (failed(expectSpace(*this, "destination", dst, {MemorySpace::ub})))
      return failure();
    break;
  case MemorySpace::l1:
    if (failed(expectSpace(*this, "destination", dst, {MemorySpace::l0a, MemorySpace::l0b})))
      return failure();
    break;
  case MemorySpace::l0c:
    if (failed(expectSpace(*this, "destination", dst, {MemorySpace::ub, MemorySpace::l1})))
      return failure();
    return success(); // the fixpipe may convert on the way
  default:
    return emitOpError("cannot move out of ") << stringifyMemorySpace(src.getSpace());
  }
  return expectSameElement(*this, "source", src.getElementType(), dst.getElementType());
}

/// Row reductions: [R, C] → [R, 1] with a scratch tile of R rows and the
/// columns the a2a3 instruction writes (base/RowReduceTmp.h).
static LogicalResult verifyRowReduce(Operation *op, TileBufferType dst, TileBufferType src,
                                     TileBufferType tmp) {
  if (failed(expectSpace(op, "scratch", tmp, {MemorySpace::ub})) ||
      failed(expectSameElement(op, "scratch", tmp.getElementType(), src.getElementType(),
                               "source")))
    return failure();
  if (std::optional<tilec::DType> element = tilec::dtypeOf(src.getElementType())) {
    int64_t needed = std::min(src.getCols(), tilec::rowReduceTmpCols(*element, src.getCols()));
    if (tmp.getRows() != src.getRows() || tmp.getCols() < needed)
      return op->emitOpError("scratch must be [")
             << src.getRows() << ", at least " << needed << "] for a source of " << shapeText(src)
             << " (the columns the a2a3 instruction writes), found " << shapeText(tmp);
  }
  if (dst.getRows() != src.getRows() || dst.getCols() != 1)
    return op->emitOpError("destination must be [") << src.getRows() << ", 1], found "
                                                    << shapeText(dst);
  if (failed(expectSpace(op, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(op, "source", src, {MemorySpace::ub})) ||
      failed(expectSameElement(op, "source", src.getElementType(), dst.getElementType())))
    return failure();
  return expectVectorArithmetic(op, dst.getElementType(), false);
}

#define ASCEND_ROW_REDUCE_VERIFIER(Op)                                                  \
  LogicalResult Op::verify() {                                                          \
    return verifyRowReduce(*this, getDst().getType(), getSrc().getType(),               \
                           getTmp().getType());                                         \
  }
ASCEND_ROW_REDUCE_VERIFIER(TRowSumOp)
ASCEND_ROW_REDUCE_VERIFIER(TRowMaxOp)
ASCEND_ROW_REDUCE_VERIFIER(TRowMinOp)
#undef ASCEND_ROW_REDUCE_VERIFIER

static LogicalResult verifyColReduce(Operation *op, TileBufferType dst, TileBufferType src) {
  if (dst.getCols() != src.getCols() || dst.getRows() != 1)
    return op->emitOpError("destination must be [1, ") << src.getCols() << "], found "
                                                       << shapeText(dst);
  if (failed(expectSpace(op, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(op, "source", src, {MemorySpace::ub})) ||
      failed(expectSameElement(op, "source", src.getElementType(), dst.getElementType())))
    return failure();
  return expectVectorArithmetic(op, dst.getElementType(), false);
}

#define ASCEND_COL_REDUCE_VERIFIER(Op)                                                  \
  LogicalResult Op::verify() {                                                          \
    return verifyColReduce(*this, getDst().getType(), getSrc().getType());              \
  }
ASCEND_COL_REDUCE_VERIFIER(TColSumOp)
ASCEND_COL_REDUCE_VERIFIER(TColMaxOp)
ASCEND_COL_REDUCE_VERIFIER(TColMinOp)
#undef ASCEND_COL_REDUCE_VERIFIER

LogicalResult TRowExpandOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (src.getRows() != dst.getRows() || src.getCols() != 1)
    return emitOpError("source must be [") << dst.getRows() << ", 1], found " << shapeText(src);
  if (failed(expectSpace(*this, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(*this, "source", src, {MemorySpace::ub})))
    return failure();
  return expectSameElement(*this, "source", src.getElementType(), dst.getElementType());
}

LogicalResult TExpandSOp::verify() {
  if (failed(expectSpace(*this, "destination", getDst().getType(), {MemorySpace::ub})))
    return failure();
  return expectScalarOf(*this, getScalar().getType(), getDst().getType());
}

LogicalResult TCvtOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (failed(expectSpace(*this, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(*this, "source", src, {MemorySpace::ub})))
    return failure();
  return expectSameShape(*this, "source", src, dst);
}

/// PTO-ISA's gathers write their destination continuously: its rows must
/// be whole 32-byte blocks, without padding.
static LogicalResult expectContinuous(Operation *op, TileBufferType dst) {
  if (dst.getCols() == dst.getPaddedCols())
    return success();
  return op->emitOpError("destination rows must fill whole 32-byte blocks (the gather writes "
                         "them continuously), found ")
         << shapeText(dst) << " of " << dst.getElementType();
}

LogicalResult TGatherOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (failed(expectSpace(*this, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSpace(*this, "source", src, {MemorySpace::ub})) ||
      failed(expectSameElement(*this, "source", src.getElementType(), dst.getElementType())))
    return failure();
  if (src.getElementBytes() != 2 && src.getElementBytes() != 4)
    return emitOpError("gathers 2- or 4-byte elements, found ") << src.getElementType();
  if (src.getCols() % 2 != 0)
    return emitOpError("source must have an even number of columns, found ") << src.getCols();
  if (dst.getRows() != src.getRows() || dst.getCols() != src.getCols() / 2)
    return emitOpError("destination must be [") << src.getRows() << ", " << src.getCols() / 2
                                                << "], found " << shapeText(dst);
  return expectContinuous(*this, dst);
}

/// Cube: f32 ← bf16/f16/f32 and i32 ← i8; m, k, n each within [1, 4095].
static LogicalResult verifyMatmul(Operation *op, TileBufferType dst, TileBufferType lhs,
                                  TileBufferType rhs) {
  if (failed(expectSpace(op, "destination", dst, {MemorySpace::l0c})) ||
      failed(expectSpace(op, "left operand", lhs, {MemorySpace::l0a})) ||
      failed(expectSpace(op, "right operand", rhs, {MemorySpace::l0b})))
    return failure();
  if (lhs.getElementType() != rhs.getElementType())
    return op->emitOpError("operand element types differ: ")
           << lhs.getElementType() << " and " << rhs.getElementType();
  Type input = lhs.getElementType(), acc = dst.getElementType();
  bool legal = (input.isInteger(8) && acc.isInteger(32)) ||
               ((input.isBF16() || input.isF16() || input.isF32()) && acc.isF32());
  if (!legal)
    return op->emitOpError("the cube has no ") << acc << " ← " << input << " × " << input
                                               << " form";
  int64_t m = lhs.getRows(), k = lhs.getCols(), n = rhs.getCols();
  if (rhs.getRows() != k || dst.getRows() != m || dst.getCols() != n)
    return op->emitOpError("shapes do not multiply: ") << shapeText(lhs) << " × "
                                                       << shapeText(rhs) << " → "
                                                       << shapeText(dst);
  for (int64_t size : {m, k, n})
    if (size > 4095)
      return op->emitOpError("m, k and n must be at most 4095, found ") << size;
  return success();
}

LogicalResult TMatmulOp::verify() {
  return verifyMatmul(*this, getDst().getType(), getLhs().getType(), getRhs().getType());
}
LogicalResult TMatmulAccOp::verify() {
  TileBufferType dst = getDst().getType(), acc = getAcc().getType();
  if (failed(expectSpace(*this, "accumulator input", acc, {MemorySpace::l0c})) ||
      failed(expectSameShape(*this, "accumulator input", acc, dst)) ||
      failed(expectSameElement(*this, "accumulator input", acc.getElementType(),
                               dst.getElementType())))
    return failure();
  return verifyMatmul(*this, dst, getLhs().getType(), getRhs().getType());
}

/// A [rows, cols] window at (row, col) of a `whole` tile: no larger than the
/// tile, and inside it where the offsets are constants.
static LogicalResult verifyWindow(Operation *op, TileBufferType window, TileBufferType whole,
                                  StringRef wholeRole, Value row, Value col) {
  if (window.getRows() > whole.getRows() || window.getCols() > whole.getCols())
    return op->emitOpError("window ") << shapeText(window) << " is larger than the " << wholeRole
                                      << " " << shapeText(whole);
  for (auto [name, offset, extent, size] :
       {std::tuple<StringRef, Value, int64_t, int64_t>{"row", row, window.getRows(), whole.getRows()},
        {"column", col, window.getCols(), whole.getCols()}}) {
    APInt value;
    if (matchPattern(offset, m_ConstantInt(&value)) &&
        (value.isNegative() || value.getSExtValue() + extent > size))
      return op->emitOpError("window ") << shapeText(window) << " at " << name << " "
                                        << value.getSExtValue() << " exceeds the " << wholeRole
                                        << " " << shapeText(whole);
  }
  return success();
}

LogicalResult TExtractOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (failed(expectSpace(*this, "source", src, {MemorySpace::l1, MemorySpace::ub})))
    return failure();
  SmallVector<MemorySpace> destinations = {MemorySpace::l0a, MemorySpace::l0b};
  if (src.getSpace() == MemorySpace::ub)
    destinations = {MemorySpace::ub};
  if (failed(expectSpace(*this, "destination", dst, destinations)) ||
      failed(expectSameElement(*this, "source", src.getElementType(), dst.getElementType())))
    return failure();
  return verifyWindow(*this, dst, src, "source", getRow(), getCol());
}

LogicalResult TInsertOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType();
  if (failed(expectSpace(*this, "source", src, {MemorySpace::ub})) ||
      failed(expectSpace(*this, "destination", dst, {MemorySpace::ub})) ||
      failed(expectSameElement(*this, "source", src.getElementType(), dst.getElementType())))
    return failure();
  return verifyWindow(*this, src, dst, "destination", getRow(), getCol());
}

/// set_flag/wait_flag order two different pipes; `all` is only for barriers.
static LogicalResult verifyFlag(Operation *op, Pipe src, Pipe dst) {
  if (src == Pipe::all || dst == Pipe::all)
    return op->emitOpError("flags connect two specific pipes; use pipe_barrier for `all`");
  if (src == dst)
    return op->emitOpError("flags connect two different pipes; use pipe_barrier(")
           << stringifyPipe(src) << ") within one pipe";
  return success();
}

LogicalResult SetFlagOp::verify() { return verifyFlag(*this, getSrc(), getDst()); }
LogicalResult WaitFlagOp::verify() { return verifyFlag(*this, getSrc(), getDst()); }

LogicalResult GmReshapeOp::verify() {
  auto source = getSource().getType(), result = getType();
  if (source.getElementType() != result.getElementType() ||
      source.getNumElements() != result.getNumElements())
    return emitOpError("cannot reinterpret ") << source << " as " << result
                                              << ": the element type and the element count must match";
  return success();
}

LogicalResult TTransOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType(), tmp = getTmp().getType();
  for (auto [role, type] : {std::pair<StringRef, TileBufferType>{"destination", dst},
                            {"source", src}, {"scratch tile", tmp}})
    if (failed(expectSpace(*this, role, type, {MemorySpace::ub})))
      return failure();
  if (failed(expectSameElement(*this, "source", src.getElementType(), dst.getElementType())))
    return failure();
  if (dst.getRows() != src.getCols() || dst.getCols() != src.getRows())
    return emitOpError("destination must be [") << src.getCols() << ", " << src.getRows()
                                                << "], the transpose of the source "
                                                << shapeText(src) << ", found " << shapeText(dst);
  if (tmp != dst)
    return emitOpError("scratch tile must have the destination's type");
  return success();
}

LogicalResult TGatherIndexOp::verify() {
  TileBufferType dst = getDst().getType(), src = getSrc().getType(),
                 indices = getIndices().getType();
  for (auto [role, type] : {std::pair<StringRef, TileBufferType>{"destination", dst},
                            {"source", src}, {"index tile", indices}})
    if (failed(expectSpace(*this, role, type, {MemorySpace::ub})))
      return failure();
  if (failed(expectSameElement(*this, "source", src.getElementType(), dst.getElementType())))
    return failure();
  if (src.getElementBytes() != 2 && src.getElementBytes() != 4)
    return emitOpError("gathers 2- or 4-byte elements, found ") << src.getElementType();
  if (!indices.getElementType().isInteger(32))
    return emitOpError("index tile must hold i32, found ") << indices.getElementType();
  if (failed(expectSameShape(*this, "index tile", indices, dst)))
    return failure();
  TileBufferType tmp = getTmp().getType();
  if (failed(expectSpace(*this, "scratch tile", tmp, {MemorySpace::ub})) ||
      failed(expectSameElement(*this, "scratch tile", tmp.getElementType(),
                               indices.getElementType(), "index tile")))
    return failure();
  if (failed(expectSameShape(*this, "scratch tile", tmp, indices, "index tile")))
    return failure();
  return expectContinuous(*this, dst);
}

LogicalResult GmConstantOp::verify() {
  auto type = getType();
  auto valueType = cast<ShapedType>(getValue().getType());
  if (valueType.getShape() != type.getShape() ||
      valueType.getElementType() != type.getElementType())
    return emitOpError("value of type ") << valueType << " does not fill " << type;
  return success();
}

LogicalResult ScalarLoadOp::verify() {
  auto source = getSource().getType();
  if (getOffsets().size() != source.getShape().size())
    return emitOpError("expects one offset per dimension (") << source.getShape().size()
                                                             << "), found " << getOffsets().size();
  if (source.getElementType() != getType())
    return emitOpError("reads ") << source.getElementType() << " elements as " << getType();
  return success();
}
