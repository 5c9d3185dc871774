//===- TileVerifiers.cpp - what the tile ops accept -----------------------===//
//
// Verifiers reject shapes and element types no lowering can implement, with
// messages that name what was expected and what was found.
//
//===----------------------------------------------------------------------===//
#include "dialects/Tile/ElementTypes.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace tilec::tile;

namespace {

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  for (auto [index, dim] : llvm::enumerate(shape))
    text += (index ? ", " : "") + std::to_string(dim);
  return text + "]";
}

/// Checks a static-size window at `offsets` into a shape: one offset per
/// dimension, window no larger than the shape, constant offsets in bounds.
LogicalResult verifyWindow(Operation *op, ArrayRef<int64_t> whole, ArrayRef<int64_t> window,
                           ValueRange offsets) {
  if (whole.size() != window.size())
    return op->emitOpError("slice rank ") << window.size() << " differs from tensor rank "
                                          << whole.size();
  if (offsets.size() != whole.size())
    return op->emitOpError("expects one offset per dimension (") << whole.size() << "), found "
                                                                 << offsets.size();
  for (unsigned dim = 0; dim < whole.size(); ++dim) {
    if (window[dim] > whole[dim])
      return op->emitOpError("slice ") << formatShape(window) << " does not fit in tensor "
                                       << formatShape(whole);
    APInt offset;
    if (matchPattern(offsets[dim], m_ConstantInt(&offset)) &&
        (offset.isNegative() || offset.getSExtValue() + window[dim] > whole[dim]))
      return op->emitOpError("slice ") << formatShape(window) << " at offset "
                                       << offset.getSExtValue() << " in dimension " << dim
                                       << " exceeds tensor " << formatShape(whole);
  }
  return success();
}

Type elementTypeOf(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.getElementType();
  return type;
}

} // namespace

LogicalResult LoadOp::verify() {
  auto source = getSource().getType();
  if (source.getElementType() != getType().getElementType())
    return emitOpError("loads ") << source.getElementType() << " elements as "
                                 << getType().getElementType();
  return verifyWindow(*this, source.getShape(), getType().getShape(), getOffsets());
}

LogicalResult LoadRowsOp::verify() {
  auto source = getSource().getType();
  auto rows = getRows().getType();
  if (source.getRank() != 2 || getType().getRank() != 2 || rows.getRank() != 1)
    return emitOpError("expects a 2-D source, 1-D row indices and a 2-D result");
  if (source.getElementType() != getType().getElementType())
    return emitOpError("loads ") << source.getElementType() << " elements as "
                                 << getType().getElementType();
  if (getType().getDimSize(0) != rows.getDimSize(0))
    return emitOpError("result has ") << getType().getDimSize(0) << " rows for "
                                      << rows.getDimSize(0) << " row indices";
  if (getType().getDimSize(1) > source.getDimSize(1))
    return emitOpError("result has ") << getType().getDimSize(1)
                                      << " columns, more than the source's "
                                      << source.getDimSize(1);
  return success();
}

LogicalResult StoreOp::verify() {
  auto dest = getDest().getType();
  auto value = getValue().getType();
  if (dest.getElementType() != value.getElementType())
    return emitOpError("stores ") << value.getElementType() << " into a tensor of "
                                  << dest.getElementType();
  return verifyWindow(*this, dest.getShape(), value.getShape(), getOffsets());
}

LogicalResult SliceOp::verify() {
  if (getSource().getType().getElementType() != getType().getElementType())
    return emitOpError("result element type differs from the source's");
  return verifyWindow(*this, getSource().getType().getShape(), getType().getShape(),
                      getOffsets());
}

LogicalResult InsertOp::verify() {
  if (getSource().getType().getElementType() != getType().getElementType())
    return emitOpError("inserts ") << getSource().getType().getElementType()
                                   << " elements into a tensor of " << getType().getElementType();
  return verifyWindow(*this, getType().getShape(), getSource().getType().getShape(),
                      getOffsets());
}

LogicalResult ReshapeOp::verify() {
  auto source = getSource().getType();
  if (source.getElementType() != getType().getElementType())
    return emitOpError("cannot change the element type");
  if (source.getNumElements() != getType().getNumElements())
    return emitOpError("cannot reshape ") << formatShape(source.getShape()) << " ("
                                          << source.getNumElements() << " elements) to "
                                          << formatShape(getType().getShape()) << " ("
                                          << getType().getNumElements() << " elements)";
  return success();
}

LogicalResult FullOp::verify() {
  Type valueType = getValue().getType();
  if (!isa<FloatType, IntegerType>(valueType))
    return emitOpError("fill value must be a float or integer constant");
  if (isa<FloatType>(valueType) != isa<FloatType>(getType().getElementType()))
    return emitOpError("fill value of type ") << valueType << " does not suit a tensor of "
                                              << getType().getElementType();
  return success();
}

LogicalResult BroadcastOp::verify() {
  auto source = getSource().getType();
  if (source.getElementType() != getType().getElementType())
    return emitOpError("cannot change the element type");
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(source.getShape(), getType().getShape(), shape) ||
      ArrayRef<int64_t>(shape) != getType().getShape())
    return emitOpError("cannot broadcast ") << formatShape(source.getShape()) << " to "
                                            << formatShape(getType().getShape());
  return success();
}

/// Shared by every Tile_BinaryOp and tile.cmp: numpy broadcasting, operands
/// of one element type (`element`: the result's, but for a comparison).
static LogicalResult verifyBinary(Operation *op, Type lhs, Type rhs, RankedTensorType result,
                                  Type element, StringRef whose = "the result's") {
  if (elementTypeOf(lhs) != element || elementTypeOf(rhs) != element)
    return op->emitOpError("operands must have ") << whose << " element type "
           << element << ", found " << elementTypeOf(lhs) << " and " << elementTypeOf(rhs);
  auto shapeOf = [](Type type) -> ArrayRef<int64_t> {
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      return tensor.getShape();
    return {};
  };
  if (!isa<RankedTensorType>(lhs) && !isa<RankedTensorType>(rhs))
    return op->emitOpError("needs at least one tensor operand");
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(shapeOf(lhs), shapeOf(rhs), shape))
    return op->emitOpError("operand shapes ") << formatShape(shapeOf(lhs)) << " and "
                                              << formatShape(shapeOf(rhs))
                                              << " do not broadcast";
  if (ArrayRef<int64_t>(shape) != result.getShape())
    return op->emitOpError("result shape ") << formatShape(result.getShape())
                                            << " differs from the broadcast shape "
                                            << formatShape(shape);
  return success();
}

#define TILE_BINARY_VERIFIER(Op)                                                        \
  LogicalResult Op::verify() {                                                          \
    return verifyBinary(*this, getLhs().getType(), getRhs().getType(), getType(),       \
                        getType().getElementType());                                    \
  }
TILE_BINARY_VERIFIER(AddOp)
TILE_BINARY_VERIFIER(SubOp)
TILE_BINARY_VERIFIER(MulOp)
TILE_BINARY_VERIFIER(DivOp)
TILE_BINARY_VERIFIER(MaxOp)
TILE_BINARY_VERIFIER(MinOp)
#undef TILE_BINARY_VERIFIER

bool CastOp::isNarrowing() {
  std::optional<DType> from = dtypeOf(getSource().getType().getElementType()),
                       to = dtypeOf(getType().getElementType());
  return from && to && tilec::isNarrowing(*from, *to);
}

LogicalResult CastOp::verify() {
  if (isNarrowing() && getRound() == RoundMode::none)
    return emitOpError("conversion from ")
           << getSource().getType().getElementType() << " to " << getType().getElementType()
           << " loses precision and needs an explicit rounding (round = #tile.round<rint> …)";
  return success();
}

LogicalResult tilec::tile::verifyReduction(Operation *op) {
  auto source = cast<RankedTensorType>(op->getOperand(0).getType());
  auto result = cast<RankedTensorType>(op->getResult(0).getType());
  unsigned reducedDim = cast<ReductionOpInterface>(op).getReducedDim();
  if (source.getRank() != 2)
    return op->emitOpError("reduces a rank-2 tensor, found rank ") << source.getRank();
  if (source.getElementType() != result.getElementType())
    return op->emitOpError("cannot change the element type");
  SmallVector<int64_t> expected(source.getShape());
  expected[reducedDim] = 1;
  if (result.getShape() != ArrayRef<int64_t>(expected))
    return op->emitOpError("result shape must be ") << formatShape(expected) << ", found "
                                                    << formatShape(result.getShape());
  return success();
}

LogicalResult MatmulOp::verify() {
  auto lhs = getLhs().getType(), rhs = getRhs().getType();
  if (lhs.getRank() != 2 || rhs.getRank() != 2 || getType().getRank() != 2)
    return emitOpError("multiplies rank-2 tensors");
  if (lhs.getElementType() != rhs.getElementType())
    return emitOpError("operand element types differ: ") << lhs.getElementType() << " and "
                                                         << rhs.getElementType();
  Type expected = lhs.getElementType().isInteger(8)
                      ? Type(IntegerType::get(getContext(), 32))
                      : Type(Float32Type::get(getContext()));
  if (getType().getElementType() != expected)
    return emitOpError("accumulates ") << lhs.getElementType() << " operands in " << expected
                                       << ", found " << getType().getElementType();
  // B's K dimension: its rows, or its columns when it is given transposed.
  int64_t kDim = getTransposeB() ? 1 : 0;
  if (lhs.getDimSize(1) != rhs.getDimSize(kDim))
    return emitOpError("inner dimensions differ: [")
           << lhs.getDimSize(0) << ", " << lhs.getDimSize(1) << "] × "
           << (getTransposeB() ? "transposed " : "") << "[" << rhs.getDimSize(0) << ", "
           << rhs.getDimSize(1) << "]";
  SmallVector<int64_t> shape = {lhs.getDimSize(0), rhs.getDimSize(1 - kDim)};
  if (getType().getShape() != ArrayRef<int64_t>(shape))
    return emitOpError("result shape must be ") << formatShape(shape);
  if (getAcc() && getAcc().getType() != getType())
    return emitOpError("accumulator type must equal the result type");
  return success();
}

LogicalResult TransposeOp::verify() {
  auto source = getSource().getType();
  if (source.getRank() != 2)
    return emitOpError("transposes a rank-2 tensor, found rank ") << source.getRank();
  SmallVector<int64_t> shape = {source.getDimSize(1), source.getDimSize(0)};
  if (getType().getShape() != ArrayRef<int64_t>(shape) ||
      getType().getElementType() != source.getElementType())
    return emitOpError("result must be ") << formatShape(shape) << " of "
                                          << source.getElementType();
  return success();
}

LogicalResult GatherOp::verify() {
  auto source = getSource().getType();
  if (source.getRank() != 2 || source.getDimSize(1) % 2 != 0)
    return emitOpError("gathers from a rank-2 tensor with an even column count");
  unsigned bytes = source.getElementTypeBitWidth() / 8;
  if (bytes != 2 && bytes != 4)
    return emitOpError("gathers 2- or 4-byte elements, found ") << source.getElementType();
  SmallVector<int64_t> shape = {source.getDimSize(0), source.getDimSize(1) / 2};
  if (getType().getShape() != ArrayRef<int64_t>(shape) ||
      getType().getElementType() != source.getElementType())
    return emitOpError("result must be ") << formatShape(shape) << " of "
                                          << source.getElementType();
  return success();
}

LogicalResult InterleaveOp::verify() {
  auto even = getEven().getType(); // AllTypesMatch: odd has the same type
  if (even.getRank() != 2)
    return emitOpError("interleaves rank-2 tensors");
  SmallVector<int64_t> shape = {even.getDimSize(0), even.getDimSize(1) * 2};
  if (getType().getShape() != ArrayRef<int64_t>(shape) ||
      getType().getElementType() != even.getElementType())
    return emitOpError("result must be ") << formatShape(shape) << " of "
                                          << even.getElementType();
  return success();
}

LogicalResult RmsNormOp::verify() {
  auto source = getSource().getType();
  if (source.getRank() != 2)
    return emitOpError("normalises the rows of a rank-2 tensor");
  if (getType().getShape() != source.getShape())
    return emitOpError("result shape must equal the source shape");
  if (getGamma()) {
    auto gamma = getGamma().getType();
    int64_t cols = source.getDimSize(1);
    bool matches = (gamma.getRank() == 1 && gamma.getDimSize(0) == cols) ||
                   (gamma.getRank() == 2 && gamma.getDimSize(0) == 1 && gamma.getDimSize(1) == cols);
    if (!matches)
      return emitOpError("gamma must have shape [") << cols << "] or [1, " << cols << "], found "
                                                    << formatShape(gamma.getShape());
  }
  if (getEps().convertToFloat() < 0)
    return emitOpError("eps must not be negative");
  return success();
}

LogicalResult QuantInt8Op::verify() {
  auto source = getSource().getType();
  if (source.getRank() != 2)
    return emitOpError("quantises the rows of a rank-2 tensor");
  if (getQuantized().getType().getShape() != source.getShape())
    return emitOpError("quantized shape must equal the source shape");
  SmallVector<int64_t> scaleShape = {source.getDimSize(0), 1};
  if (getScale().getType().getShape() != ArrayRef<int64_t>(scaleShape))
    return emitOpError("scale shape must be ") << formatShape(scaleShape);
  if (getScaleMax().convertToFloat() <= 0 || getAmaxEps().convertToFloat() <= 0)
    return emitOpError("scale_max and amax_eps must be positive");
  return success();
}

LogicalResult RopeOp::verify() {
  auto source = getSource().getType();
  if (source.getRank() != 2)
    return emitOpError("rotates the rows of a rank-2 tensor");
  int64_t rows = source.getDimSize(0), cols = source.getDimSize(1);
  int64_t offset = getOffset();
  if (offset < 0 || offset >= cols || (cols - offset) % 2 != 0)
    return emitOpError("offset ") << offset << " must leave an even, non-empty column range in "
                                  << cols << " columns";
  SmallVector<int64_t> tableShape = {rows, (cols - offset) / 2};
  for (Value table : {getCos(), getSin()})
    if (cast<RankedTensorType>(table.getType()).getShape() != ArrayRef<int64_t>(tableShape))
      return emitOpError("cos and sin must have shape ") << formatShape(tableShape) << ", found "
                                                         << formatShape(cast<RankedTensorType>(table.getType()).getShape());
  if (getType().getShape() != source.getShape())
    return emitOpError("result shape must equal the source shape");
  return success();
}

bool PowOp::isSupportedExponent(double exponent) {
  if (exponent == 0.5 || exponent == -0.5)
    return true;
  return std::fabs(exponent) <= 2147483648.0 && exponent == std::trunc(exponent);
}

LogicalResult PowOp::verify() {
  double exponent = getExponent().convertToDouble();
  if (!isSupportedExponent(exponent))
    return emitOpError("exponent ") << exponent << " must be an integer of at most 2^31 in magnitude, or ±0.5";
  return success();
}

LogicalResult CmpOp::verify() {
  Type lhs = getLhs().getType();
  Type element = elementTypeOf(isa<RankedTensorType>(lhs) ? lhs : getRhs().getType());
  return verifyBinary(*this, lhs, getRhs().getType(), getType(), element, "one");
}

LogicalResult SelectOp::verify() {
  Type trueType = getTrueValue().getType(), falseType = getFalseValue().getType();
  ArrayRef<int64_t> result = getType().getShape();
  // The values and the mask broadcast together to the result: the values
  // alone may have fewer rows (a [1, C] row of column indices picked per row
  // by an [R, C] mask), so they are checked against their own broadcast shape.
  auto shapeOf = [](Type type) -> ArrayRef<int64_t> {
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      return tensor.getShape();
    return {};
  };
  SmallVector<int64_t> values;
  if (!OpTrait::util::getBroadcastedShape(shapeOf(trueType), shapeOf(falseType), values))
    values.assign(result.begin(), result.end()); // verifyBinary reports it
  if (failed(verifyBinary(*this, trueType, falseType,
                          RankedTensorType::get(values, getType().getElementType()),
                          getType().getElementType())))
    return failure();
  SmallVector<int64_t> shape;
  ArrayRef<int64_t> mask = getMask().getType().getShape();
  if (!OpTrait::util::getBroadcastedShape(values, result, shape) ||
      ArrayRef<int64_t>(shape) != result)
    return emitOpError("result shape ") << formatShape(result)
                                        << " differs from the broadcast shape " << formatShape(values);
  if (!OpTrait::util::getBroadcastedShape(mask, result, shape) || ArrayRef<int64_t>(shape) != result)
    return emitOpError("mask shape ") << formatShape(mask) << " does not broadcast to the result shape "
                                      << formatShape(result);
  SmallVector<int64_t> both;
  if (!OpTrait::util::getBroadcastedShape(mask, values, both) || ArrayRef<int64_t>(both) != result)
    return emitOpError("mask shape ") << formatShape(mask) << " and value shape " << formatShape(values)
                                      << " do not broadcast to the result shape " << formatShape(result);
  return success();
}

LogicalResult IotaOp::verify() {
  // tile-canonicalize-shapes makes the rank-1 sequence a [1, N] row.
  ArrayRef<int64_t> shape = getType().getShape();
  if (shape.size() != 1 && !(shape.size() == 2 && shape[0] == 1))
    return emitOpError("gives a rank-1 sequence or one row [1, N], found ")
           << formatShape(shape);
  return success();
}

LogicalResult TopKOp::verify() {
  ArrayRef<int64_t> shape = getSource().getType().getShape();
  if (shape.size() != 2)
    return emitOpError("ranks the rows of a rank-2 tensor, found ") << formatShape(shape);
  int64_t k = getK();
  if (k < 1 || k > std::min<int64_t>(shape[1], kMaxK))
    return emitOpError("k must be in [1, ") << std::min<int64_t>(shape[1], kMaxK)
                                            << "] (at most 64 and the row length), found " << k;
  SmallVector<int64_t> expected = {shape[0], k};
  for (Value result : {getValues(), getIndices()})
    if (cast<RankedTensorType>(result.getType()).getShape() != ArrayRef<int64_t>(expected))
      return emitOpError("results must be ") << formatShape(expected) << ", found "
                                              << formatShape(cast<RankedTensorType>(result.getType()).getShape());
  if (getValues().getType().getElementType() != getSource().getType().getElementType())
    return emitOpError("values must have the source's element type");
  return success();
}

LogicalResult RowArgmaxOp::verify() {
  ArrayRef<int64_t> shape = getSource().getType().getShape();
  if (shape.size() != 2)
    return emitOpError("ranks the rows of a rank-2 tensor, found ") << formatShape(shape);
  SmallVector<int64_t> expected = {shape[0], 1};
  if (getType().getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result must be ") << formatShape(expected) << ", found "
                                           << formatShape(getType().getShape());
  return success();
}
