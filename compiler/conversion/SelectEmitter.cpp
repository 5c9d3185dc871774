//===- SelectEmitter.cpp - compare and select on UB chunks, and iota ------===//
//
// A select's task computes its mask: the compare's operands (widened as for
// arithmetic, so bf16 and f16 compare exactly in f32) are expanded to the
// chunk, TCMP or TCMPS packs the predicate into a ui8 mask tile, and TSEL
// (two tiles) or TSELS (a tile and a scalar) picks the values. a2a3 compares
// i32 only for equality: there a <= b is max(a, b) == b and a >= b is
// max(a, b) == a, and <, > and != are the negations of >=, <= and ==, which
// the select applies by swapping its values (exact for every i32).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/VectorEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

ascend::CmpMode modeOf(tile::CmpPredicate predicate) {
  switch (predicate) {
  case tile::CmpPredicate::lt: return ascend::CmpMode::lt;
  case tile::CmpPredicate::le: return ascend::CmpMode::le;
  case tile::CmpPredicate::gt: return ascend::CmpMode::gt;
  case tile::CmpPredicate::ge: return ascend::CmpMode::ge;
  case tile::CmpPredicate::eq: return ascend::CmpMode::eq;
  case tile::CmpPredicate::ne: return ascend::CmpMode::ne;
  }
  llvm_unreachable("every predicate has a mode");
}

/// The predicate with its operands swapped: s < x is x > s.
tile::CmpPredicate swapped(tile::CmpPredicate predicate) {
  switch (predicate) {
  case tile::CmpPredicate::lt: return tile::CmpPredicate::gt;
  case tile::CmpPredicate::le: return tile::CmpPredicate::ge;
  case tile::CmpPredicate::gt: return tile::CmpPredicate::lt;
  case tile::CmpPredicate::ge: return tile::CmpPredicate::le;
  default: return predicate;
  }
}

bool isTile(Value value) { return isa<ascend::TileBufferType>(value.getType()); }

} // namespace

FailureOr<Value> ChunkEmitter::compare(tile::CmpOp op, Value lhs, Value rhs, int64_t rows,
                                       int64_t cols, bool &negated) {
  tile::CmpPredicate predicate = op.getPredicate();
  if (isTile(lhs))
    lhs = widen(lhs);
  if (isTile(rhs))
    rhs = widen(rhs);
  if (!isTile(lhs)) {
    std::swap(lhs, rhs);
    predicate = swapped(predicate);
  }
  if (Role role = roleOfTile(lhs, rows, cols); role != Role::Full)
    lhs = expand(lhs, role, rows, cols);
  Role rhsRole = roleOfTile(rhs, rows, cols);
  if (rhsRole != Role::Scalar && rhsRole != Role::Full)
    rhs = expand(rhs, rhsRole, rows, cols);
  auto type = cast<ascend::TileBufferType>(lhs.getType());
  Type maskElement = IntegerType::get(b.getContext(), 8, IntegerType::Unsigned);
  Value mask = alloc(rows, ascend::maskBytesPerRow(type), maskElement);
  auto compareTo = [&](Value x, Value y, ascend::CmpMode mode) {
    if (isTile(y))
      ascend::TCmpOp::create(b, loc, mask, x, y, mode);
    else
      ascend::TCmpSOp::create(b, loc, mask, x, y, mode);
  };
  negated = false;
  if (!type.getElementType().isInteger(32) || target.vectorI32Ordering) {
    compareTo(lhs, rhs, modeOf(predicate));
    return mask;
  }
  auto maxOf = [&] {
    Value max = alloc(rows, cols, type.getElementType());
    if (isTile(rhs))
      ascend::TMaxOp::create(b, loc, max, lhs, rhs);
    else
      ascend::TMaxSOp::create(b, loc, max, lhs, rhs);
    return max;
  };
  switch (predicate) {
  case tile::CmpPredicate::ne: negated = true; [[fallthrough]];
  case tile::CmpPredicate::eq: compareTo(lhs, rhs, ascend::CmpMode::eq); break;
  case tile::CmpPredicate::gt: negated = true; [[fallthrough]];
  case tile::CmpPredicate::le: compareTo(maxOf(), rhs, ascend::CmpMode::eq); break;
  case tile::CmpPredicate::lt: negated = true; [[fallthrough]];
  case tile::CmpPredicate::ge: compareTo(maxOf(), lhs, ascend::CmpMode::eq); break;
  }
  return mask;
}

FailureOr<Value> ChunkEmitter::select(tile::SelectOp op, ArrayRef<Value> operands, int64_t rows,
                                      int64_t cols) {
  auto cmp = op.getMask().getDefiningOp<tile::CmpOp>();
  if (!cmp || operands.size() != 4)
    return op.emitOpError("reads a mask that no compare beside it computes: run "
                          "--tile-sink-compares first");
  bool negated = false;
  FailureOr<Value> mask = compare(cmp, operands[0], operands[1], rows, cols, negated);
  if (failed(mask))
    return failure();
  Value onTrue = operands[2], onFalse = operands[3];
  if (negated)
    std::swap(onTrue, onFalse);
  Type element = computeTypeOf(op.getType().getElementType());
  auto full = [&](Value value) {
    if (!isTile(value))
      return fill(rows, cols, value);
    value = widen(value);
    Role role = roleOfTile(value, rows, cols);
    return role == Role::Full ? value : expand(value, role, rows, cols);
  };
  Value dst = alloc(rows, cols, element);
  if (!isTile(onFalse)) {
    Value tmp = alloc(1, cast<ascend::TileBufferType>(dst.getType()).getBlockElements(), element);
    ascend::TSelSOp::create(b, loc, dst, *mask, full(onTrue), tmp, onFalse);
    return dst;
  }
  Value tmp = alloc(1, 16, IntegerType::get(b.getContext(), 32, IntegerType::Unsigned));
  ascend::TSelOp::create(b, loc, dst, *mask, full(onTrue), full(onFalse), tmp);
  return dst;
}

Value ChunkEmitter::iota(int64_t cols) {
  Value start = firstColumn
                    ? Value(arith::IndexCastOp::create(b, loc, b.getI32Type(), firstColumn))
                    : Value(arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0)));
  Value dst = alloc(1, cols, b.getI32Type());
  ascend::TCiOp::create(b, loc, dst, start);
  return dst;
}
