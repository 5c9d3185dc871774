//===- SelectionOps.cpp - cmp, select and iota ----------------------------===//
//
// A mask (tensor of i1) is held as a U8 tensor of 0s and 1s; only cmp makes
// masks and only select reads them.
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Broadcast.h"
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace tilec::interp {
namespace {

Shape shapeOf(Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  return Shape(type.getShape().begin(), type.getShape().end());
}

/// IEEE comparisons: NaN compares false except under ne.
bool compare(tile::CmpPredicate predicate, double a, double b) {
  switch (predicate) {
  case tile::CmpPredicate::lt: return a < b;
  case tile::CmpPredicate::le: return a <= b;
  case tile::CmpPredicate::gt: return a > b;
  case tile::CmpPredicate::ge: return a >= b;
  case tile::CmpPredicate::eq: return a == b;
  case tile::CmpPredicate::ne: return a != b;
  }
  return false;
}

LogicalResult executeCmp(tile::CmpOp cmp, Frame &frame) {
  Value tensorOperand = isa<RankedTensorType>(cmp.getLhs().getType()) ? cmp.getLhs() : cmp.getRhs();
  DType operandType = elementDType(tensorOperand.getType());
  Shape shape = shapeOf(cmp.getResult());
  Tensor lhs = broadcastTo(*frame.tensorOrScalar(cmp.getLhs(), operandType), shape);
  Tensor rhs = broadcastTo(*frame.tensorOrScalar(cmp.getRhs(), operandType), shape);
  Tensor mask(DType::U8, shape);
  for (size_t i = 0; i < mask.elements.size(); ++i)
    mask.elements[i] = compare(cmp.getPredicate(), lhs.elements[i], rhs.elements[i]) ? 1 : 0;
  bindTensor(frame, cmp.getResult(), std::move(mask));
  return success();
}

LogicalResult executeSelect(tile::SelectOp select, Frame &frame) {
  DType dtype = elementDType(select.getType());
  Shape shape = shapeOf(select.getResult());
  Tensor mask = broadcastTo(*frame.tensor(select.getMask()), shape);
  Tensor onTrue = broadcastTo(*frame.tensorOrScalar(select.getTrueValue(), dtype), shape);
  Tensor onFalse = broadcastTo(*frame.tensorOrScalar(select.getFalseValue(), dtype), shape);
  Tensor result(dtype, shape);
  for (size_t i = 0; i < result.elements.size(); ++i)
    result.elements[i] = mask.elements[i] != 0 ? onTrue.elements[i] : onFalse.elements[i];
  bindTensor(frame, select.getResult(), std::move(result));
  return success();
}

LogicalResult executeIota(tile::IotaOp iota, Frame &frame) {
  Tensor sequence(DType::I32, shapeOf(iota.getResult()));
  for (size_t i = 0; i < sequence.elements.size(); ++i)
    sequence.elements[i] = double(i);
  bindTensor(frame, iota.getResult(), std::move(sequence));
  return success();
}

} // namespace

std::optional<LogicalResult> executeSelectionOp(Operation *op, Frame &frame) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::CmpOp cmp) { return executeCmp(cmp, frame); })
      .Case([&](tile::SelectOp select) { return executeSelect(select, frame); })
      .Case([&](tile::IotaOp iota) { return executeIota(iota, frame); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
