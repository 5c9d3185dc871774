//===- VectorEmitter.cpp - tile ops as instructions on UB chunks ----------===//
#include "compiler/conversion/VectorEmitter.h"
#include "base/RowReduceTmp.h"
#include "compiler/conversion/VectorInstructions.h"
#include "compiler/transforms/CastChain.h"
#include "dialects/Tile/ElementTypes.h"
#include "runtime/numerics/ConversionRules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

ascend::TileBufferType tileType(Value tile) {
  return cast<ascend::TileBufferType>(tile.getType());
}

// The tile dialect's cast and gather modes as the ascend instructions' own:
// the boundary where the ascend stage stops depending on the tile dialect.
ascend::RoundMode roundModeOf(tile::RoundMode mode) {
  switch (mode) {
  case tile::RoundMode::none: return ascend::RoundMode::none;
  case tile::RoundMode::rint: return ascend::RoundMode::rint;
  case tile::RoundMode::round: return ascend::RoundMode::round;
  case tile::RoundMode::floor: return ascend::RoundMode::floor;
  case tile::RoundMode::ceil: return ascend::RoundMode::ceil;
  case tile::RoundMode::trunc: return ascend::RoundMode::trunc;
  case tile::RoundMode::odd: return ascend::RoundMode::odd;
  }
  llvm_unreachable("a round mode of the tile dialect");
}

ascend::SaturationAttr saturationOf(MLIRContext *context, std::optional<tile::Saturation> sat) {
  if (!sat)
    return nullptr;
  return ascend::SaturationAttr::get(
      context, *sat == tile::Saturation::on ? ascend::Saturation::on : ascend::Saturation::off);
}

ascend::GatherPattern gatherPatternOf(tile::GatherPattern pattern) {
  return pattern == tile::GatherPattern::even ? ascend::GatherPattern::even
                                              : ascend::GatherPattern::odd;
}

} // namespace

Role tilec::conversion::roleOfTile(Value operand, int64_t rows, int64_t cols) {
  auto type = dyn_cast<ascend::TileBufferType>(operand.getType());
  if (!type)
    return Role::Scalar;
  if (type.getRows() == rows && type.getCols() == cols)
    return Role::Full;
  if (type.getRows() == rows && type.getCols() == 1)
    return Role::RowVector;
  if (type.getCols() == cols)
    return Role::ColVector;
  return Role::Element;
}

Type ChunkEmitter::computeTypeOf(Type element) {
  if (isa<FloatType>(element))
    return Float32Type::get(element.getContext());
  return element;
}

Value ChunkEmitter::widen(Value tile) {
  auto type = tileType(tile);
  Type compute = computeTypeOf(type.getElementType());
  if (compute == type.getElementType())
    return tile;
  Value wide = alloc(type.getRows(), type.getCols(), compute);
  ascend::TCvtOp::create(b, loc, wide, tile, ascend::RoundMode::none, nullptr);
  return wide;
}

FailureOr<Value> ChunkEmitter::convert(Value tile, Type element, ascend::RoundMode round,
                                       ascend::SaturationAttr sat) {
  auto type = tileType(tile);
  if (type.getElementType() == element)
    return tile;
  std::optional<DType> from = dtypeOf(type.getElementType()), to = dtypeOf(element);
  std::optional<bool> saturate;
  if (sat)
    saturate = sat.getValue() == ascend::Saturation::on;
  std::optional<CastChain> chain;
  if (from && to)
    chain = findCastChain(*from, *to, target, castWraps(*from, *to, saturate));
  if (!chain)
    return emitError(loc) << "no conversion from " << type.getElementType() << " to " << element
                          << " on " << target.name;
  Value current = tile;
  DType at = *from;
  for (DType step : chain->steps) {
    Value next = alloc(type.getRows(), type.getCols(), mlirTypeOf(element.getContext(), step));
    // A step into an integer type clamps or wraps as the whole cast does, not
    // as its own pair's default: i32 → i8 saturates, its f16 → i8 step would wrap.
    ascend::SaturationAttr stepSat = sat;
    bool clamps = saturate.value_or(saturatesByDefault(*from, *to));
    if (!sat && isInteger(*to) && isInteger(step) && saturatesByDefault(at, step) != clamps)
      stepSat = ascend::SaturationAttr::get(
          b.getContext(), clamps ? ascend::Saturation::on : ascend::Saturation::off);
    ascend::TCvtOp::create(b, loc, next, current, round, stepSat);
    current = next;
    at = step;
  }
  return current;
}

Value ChunkEmitter::fill(int64_t rows, int64_t cols, Value scalar) {
  Value tile = alloc(rows, cols, scalar.getType());
  ascend::TExpandSOp::create(b, loc, tile, scalar);
  return tile;
}

/// A [1, cols] row holding the one element of a [1, 1] tile.
Value ChunkEmitter::elementToRow(Value element, int64_t cols) {
  return expand(element, Role::RowVector, 1, cols);
}

/// A [rows, cols] tile holding a row vector [rows, 1], column vector
/// [1, cols] or element [1, 1] repeated across the other dimension(s).
Value ChunkEmitter::expand(Value vector, Role role, int64_t rows, int64_t cols) {
  if (role == Role::Element)
    return expand(elementToRow(vector, cols), Role::ColVector, rows, cols);
  Value full = alloc(rows, cols, tileType(vector).getElementType());
  if (role == Role::RowVector) {
    ascend::TRowExpandOp::create(b, loc, full, vector);
    return full;
  }
  ascend::TExpandSOp::create(b, loc, full, zeroOf(tileType(vector).getElementType()));
  ascend::TColExpandAddOp::create(b, loc, full, full, vector);
  return full;
}

/// The [R, 32 / element bytes] block form of a per-row [R, 1] tile, each
/// row's value in every lane of its 32-byte block: the row-major operand
/// TROWEXPAND{ADD,SUB,MUL,DIV} accept (they read the whole block).
Value ChunkEmitter::rowBlock(Value vector) {
  auto type = tileType(vector);
  Value block = alloc(type.getRows(), type.getBlockElements(), type.getElementType());
  ascend::TRowExpandOp::create(b, loc, block, vector);
  return block;
}

Value ChunkEmitter::zeroOf(Type element) {
  if (isa<FloatType>(element))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(element, 0.0));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(element, 0));
}

/// The op's instructions, leaving the result in the compute element type.
FailureOr<Value> ChunkEmitter::compute(Operation *op, ArrayRef<Value> operands, int64_t rows,
                                       int64_t cols) {
  Type resultElement = cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
  auto widenTile = [&](Value operand) {
    return isa<ascend::TileBufferType>(operand.getType()) ? widen(operand) : operand;
  };
  if (op->hasTrait<tile::kind::BinaryMath>()) {
    std::optional<BinaryInstructions> forms = binaryInstructionsOf(op);
    if (!forms)
      return op->emitOpError("has no entry in the vector instruction table");
    Value lhs = widenTile(operands[0]), rhs = widenTile(operands[1]);
    Role lhsRole = roleOfTile(lhs, rows, cols), rhsRole = roleOfTile(rhs, rows, cols);
    if (lhsRole != Role::Full && rhsRole == Role::Full &&
        op->hasTrait<OpTrait::IsCommutative>()) {
      std::swap(lhs, rhs);
      std::swap(lhsRole, rhsRole);
    }
    // One element broadcast both ways is used as the row it repeats.
    if (rhsRole == Role::Element) {
      rhs = elementToRow(rhs, cols);
      rhsRole = Role::ColVector;
    }
    if (lhsRole == Role::Scalar) {
      // s - x == -(x - s) exactly; s / x needs the scalar as a tile.
      if (isa<tile::SubOp>(op)) {
        Value diff = alloc(rows, cols, tileType(rhs).getElementType());
        Value full = rhsRole == Role::Full ? rhs : expand(rhs, rhsRole, rows, cols);
        ascend::TSubSOp::create(b, loc, diff, full, lhs);
        ascend::TNegOp::create(b, loc, diff, diff);
        return diff;
      }
      lhs = fill(rows, cols, lhs);
    } else if (lhsRole != Role::Full) {
      lhs = expand(lhs, lhsRole, rows, cols);
    }
    Value dst = alloc(rows, cols, tileType(lhs).getElementType());
    bool hasExpandForm = forms->rowExpand && forms->colExpand;
    if ((rhsRole == Role::RowVector || rhsRole == Role::ColVector) && !hasExpandForm) {
      rhs = expand(rhs, rhsRole, rows, cols);
      rhsRole = Role::Full;
    }
    switch (rhsRole) {
    case Role::Full: forms->full(b, loc, dst, lhs, rhs); break;
    case Role::RowVector: forms->rowExpand(b, loc, dst, lhs, rowBlock(rhs)); break;
    case Role::ColVector: forms->colExpand(b, loc, dst, lhs, rhs); break;
    case Role::Scalar: forms->scalar(b, loc, dst, lhs, rhs); break;
    case Role::Element: llvm_unreachable("an element operand is used as a row");
    }
    return dst;
  }
  if (auto castOp = dyn_cast<tile::CastOp>(op))
    return convert(operands[0], resultElement, roundModeOf(castOp.getRound()),
                   saturationOf(b.getContext(), castOp.getSat()));
  if (auto reduction = dyn_cast<tile::ReductionOpInterface>(op)) {
    Value source = widen(operands[0]);
    auto type = tileType(source);
    ReductionInstructions forms = reductionInstructionsOf(reduction.getCombiner());
    if (reduction.getReductionAxis() == tile::ReductionAxis::col) {
      Value dst = alloc(1, type.getCols(), type.getElementType());
      forms.col(b, loc, dst, source);
      return dst;
    }
    Value dst = alloc(type.getRows(), 1, type.getElementType());
    // The scratch only as wide as the instruction writes: a wider one would
    // take UB the chain's chunks could use.
    Value tmp = alloc(type.getRows(),
                      std::min(type.getCols(), rowReduceTmpCols(*dtypeOf(type.getElementType()),
                                                                type.getCols())),
                      type.getElementType());
    forms.row(b, loc, dst, source, tmp);
    return dst;
  }
  if (isa<tile::BroadcastOp>(op)) {
    Value source = widen(operands[0]);
    Role role = roleOfTile(source, rows, cols);
    if (role == Role::Full)
      return source;
    // Repeating rows takes TEXPANDS, which has no 8-bit forms: 8-bit integers
    // are repeated as f16, which holds each of them exactly.
    if (tileType(source).getElementType().isInteger(8)) {
      FailureOr<Value> half =
          convert(source, b.getF16Type(), ascend::RoundMode::none, ascend::SaturationAttr());
      if (failed(half))
        return failure();
      source = *half;
    }
    return expand(source, role, rows, cols);
  }
  if (auto full = dyn_cast<tile::FullOp>(op)) {
    // TEXPANDS has no i8 form: an i8 fill is made at i32, and emitOp narrows it.
    Type compute = resultElement.isInteger(8) ? b.getI32Type() : computeTypeOf(resultElement);
    Attribute fillValue = full.getValue();
    if (auto floatValue = dyn_cast<FloatAttr>(fillValue))
      fillValue = b.getFloatAttr(compute, floatValue.getValueAsDouble());
    else
      fillValue = b.getIntegerAttr(compute, cast<IntegerAttr>(fillValue).getInt());
    return fill(rows, cols, arith::ConstantOp::create(b, loc, cast<TypedAttr>(fillValue)));
  }
  if (auto gather = dyn_cast<tile::GatherOp>(op)) {
    auto type = tileType(operands[0]);
    Value dst = alloc(type.getRows(), type.getCols() / 2, type.getElementType());
    ascend::TGatherOp::create(b, loc, dst, operands[0], gatherPatternOf(gather.getPattern()));
    return dst;
  }
  if (auto selectOp = dyn_cast<tile::SelectOp>(op))
    return select(selectOp, operands, rows, cols);
  if (isa<tile::IotaOp>(op))
    return iota(cols);
  if (op->hasTrait<tile::kind::UnaryMath>()) {
    UnaryInstruction unary = unaryInstructionOf(op);
    if (!unary)
      return op->emitOpError("has no entry in the vector instruction table");
    Value source = widen(operands[0]);
    Value dst = alloc(rows, cols, tileType(source).getElementType());
    unary(b, loc, dst, source);
    return dst;
  }
  return op->emitOpError("has no vector lowering");
}

FailureOr<Value> ChunkEmitter::emitOp(Operation *op, ArrayRef<Value> operands, int64_t rows,
                                      int64_t cols) {
  FailureOr<Value> value = compute(op, operands, rows, cols);
  if (failed(value))
    return failure();
  // Back to the stored element type: arithmetic results round to nearest even.
  Type resultElement = cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
  return convert(*value, resultElement, ascend::RoundMode::rint, nullptr);
}
