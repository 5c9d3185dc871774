//===- ElementwiseOps.cpp - binary and unary elementwise math -------------===//
//
// Float ops compute in f32 on the operands' exact values and round the result
// once into the element type (for bf16/f16 this equals the correctly rounded
// op in that type, since f32 has more than twice their precision). Integer
// ops compute exactly and wrap to the element type's width.
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Broadcast.h"
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;

namespace tilec::interp {
namespace {

enum class Binary { Add, Sub, Mul, Div, Max, Min };
enum class Unary { Neg, Abs, Exp, Log, Sqrt, Rsqrt, Recip };

/// max/min that propagate NaN and order -0 below +0.
float floatMax(float a, float b) {
  if (std::isnan(a) || std::isnan(b))
    return std::nanf("");
  if (a == b)
    return std::signbit(a) ? b : a;
  return a > b ? a : b;
}
float floatMin(float a, float b) {
  if (std::isnan(a) || std::isnan(b))
    return std::nanf("");
  if (a == b)
    return std::signbit(a) ? a : b;
  return a < b ? a : b;
}

float applyFloat(Binary kind, float a, float b) {
  switch (kind) {
  case Binary::Add: return a + b;
  case Binary::Sub: return a - b;
  case Binary::Mul: return a * b;
  case Binary::Div: return a / b;
  case Binary::Max: return floatMax(a, b);
  case Binary::Min: return floatMin(a, b);
  }
  return 0;
}

/// Exact integer result before wrapping; nullopt for a division by zero.
std::optional<int64_t> applyInteger(Binary kind, int64_t a, int64_t b) {
  switch (kind) {
  case Binary::Add: return a + b;
  case Binary::Sub: return a - b;
  case Binary::Mul: return a * b; // operands are at most 32 bits wide
  case Binary::Div:
    if (b == 0)
      return std::nullopt;
    return a / b; // toward zero
  case Binary::Max: return std::max(a, b);
  case Binary::Min: return std::min(a, b);
  }
  return 0;
}

float applyUnary(Unary kind, float a) {
  switch (kind) {
  case Unary::Neg:   return -a;
  case Unary::Abs:   return std::fabs(a);
  case Unary::Exp:   return std::exp(a);
  case Unary::Log:   return std::log(a);
  case Unary::Sqrt:  return std::sqrt(a);
  case Unary::Rsqrt: return float(1.0 / std::sqrt(double(a))); // rounded once to f32
  case Unary::Recip: return 1.0f / a;
  }
  return 0;
}

LogicalResult executeBinary(Operation *op, Binary kind, Frame &frame) {
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  DType dtype = elementDType(resultType);
  Shape shape(resultType.getShape().begin(), resultType.getShape().end());
  // An operand of the result's shape is read where it is; others are expanded.
  auto expanded = [&](Value operand) {
    TensorPtr value = frame.tensorOrScalar(operand, dtype);
    return value->shape == shape ? value : std::make_shared<const Tensor>(broadcastTo(*value, shape));
  };
  TensorPtr lhsValue = expanded(op->getOperand(0)), rhsValue = expanded(op->getOperand(1));
  const std::vector<double> &lhs = lhsValue->elements, &rhs = rhsValue->elements;
  Tensor result(dtype, shape);
  for (size_t i = 0; i < result.elements.size(); ++i) {
    if (isFloat(dtype)) {
      result.elements[i] = roundToDType(dtype, applyFloat(kind, float(lhs[i]), float(rhs[i])));
      continue;
    }
    std::optional<int64_t> value = applyInteger(kind, int64_t(lhs[i]), int64_t(rhs[i]));
    if (!value)
      return op->emitError("integer division by zero");
    result.elements[i] = wrapToDType(dtype, *value);
  }
  bindTensor(frame, op->getResult(0), std::move(result));
  return success();
}

LogicalResult executeUnary(Operation *op, Unary kind, Frame &frame) {
  const Tensor &source = *frame.tensor(op->getOperand(0));
  Tensor result(source.dtype, source.shape);
  for (size_t i = 0; i < result.elements.size(); ++i) {
    double a = source.elements[i];
    if (isFloat(source.dtype))
      result.elements[i] = roundToDType(source.dtype, applyUnary(kind, float(a)));
    else // neg and abs, the only integer unary ops
      result.elements[i] = wrapToDType(source.dtype, int64_t(kind == Unary::Neg ? -a : std::fabs(a)));
  }
  bindTensor(frame, op->getResult(0), std::move(result));
  return success();
}

} // namespace

std::optional<LogicalResult> executeElementwiseOp(Operation *op, Frame &frame) {
  auto binary = [&](Binary kind) { return executeBinary(op, kind, frame); };
  auto unary = [&](Unary kind) { return executeUnary(op, kind, frame); };
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::AddOp) { return binary(Binary::Add); })
      .Case([&](tile::SubOp) { return binary(Binary::Sub); })
      .Case([&](tile::MulOp) { return binary(Binary::Mul); })
      .Case([&](tile::DivOp) { return binary(Binary::Div); })
      .Case([&](tile::MaxOp) { return binary(Binary::Max); })
      .Case([&](tile::MinOp) { return binary(Binary::Min); })
      .Case([&](tile::NegOp) { return unary(Unary::Neg); })
      .Case([&](tile::AbsOp) { return unary(Unary::Abs); })
      .Case([&](tile::ExpOp) { return unary(Unary::Exp); })
      .Case([&](tile::LogOp) { return unary(Unary::Log); })
      .Case([&](tile::SqrtOp) { return unary(Unary::Sqrt); })
      .Case([&](tile::RsqrtOp) { return unary(Unary::Rsqrt); })
      .Case([&](tile::RecipOp) { return unary(Unary::Recip); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
