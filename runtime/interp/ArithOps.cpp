//===- ArithOps.cpp - arith scalar and index ops --------------------------===//
//
// Offsets, loop bounds and scalar parameters are computed with arith ops.
// Integers are held sign-extended to 64 bits and wrapped to their width after
// every op (index is 64 bits, i1 is 0 or 1); floats are computed in their own
// type (f32 math in float).
//
//===----------------------------------------------------------------------===//
#include "dialects/Tile/ElementTypes.h"
#include "runtime/interp/Frame.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;

namespace tilec::interp {
namespace {

unsigned widthOf(Type type) {
  return type.isIndex() ? 64 : type.getIntOrFloatBitWidth();
}

int64_t wrapTo(Type type, int64_t value) {
  unsigned width = widthOf(type);
  return width == 1 ? (value & 1) : wrapSigned(value, width);
}

/// The unsigned reading of an integer of `type`.
uint64_t asUnsigned(Type type, int64_t value) {
  unsigned width = widthOf(type);
  return width >= 64 ? uint64_t(value) : uint64_t(value) & ((uint64_t{1} << width) - 1);
}

/// A float result rounded into its type.
double roundFloat(Type type, double value) {
  if (type.isF64())
    return value;
  if (std::optional<DType> dtype = dtypeOf(type))
    return roundToDType(*dtype, value);
  return value;
}

bool compareIntegers(arith::CmpIPredicate predicate, Type type, int64_t lhs, int64_t rhs) {
  uint64_t ul = asUnsigned(type, lhs), ur = asUnsigned(type, rhs);
  switch (predicate) {
  case arith::CmpIPredicate::eq:  return lhs == rhs;
  case arith::CmpIPredicate::ne:  return lhs != rhs;
  case arith::CmpIPredicate::slt: return lhs < rhs;
  case arith::CmpIPredicate::sle: return lhs <= rhs;
  case arith::CmpIPredicate::sgt: return lhs > rhs;
  case arith::CmpIPredicate::sge: return lhs >= rhs;
  case arith::CmpIPredicate::ult: return ul < ur;
  case arith::CmpIPredicate::ule: return ul <= ur;
  case arith::CmpIPredicate::ugt: return ul > ur;
  case arith::CmpIPredicate::uge: return ul >= ur;
  }
  return false;
}

class ArithExecutor {
public:
  ArithExecutor(Operation *op, Frame &frame) : op_(op), frame_(frame) {}

  std::optional<LogicalResult> run() {
    return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op_)
        .Case([&](arith::ConstantOp constant) { return constantValue(constant); })
        .Case([&](arith::AddIOp) { return integer([](int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); }); })
        .Case([&](arith::SubIOp) { return integer([](int64_t a, int64_t b) { return int64_t(uint64_t(a) - uint64_t(b)); }); })
        .Case([&](arith::MulIOp) { return integer([](int64_t a, int64_t b) { return int64_t(uint64_t(a) * uint64_t(b)); }); })
        .Case([&](arith::MaxSIOp) { return integer([](int64_t a, int64_t b) { return std::max(a, b); }); })
        .Case([&](arith::MinSIOp) { return integer([](int64_t a, int64_t b) { return std::min(a, b); }); })
        .Case([&](arith::AndIOp) { return integer([](int64_t a, int64_t b) { return a & b; }); })
        .Case([&](arith::OrIOp) { return integer([](int64_t a, int64_t b) { return a | b; }); })
        .Case([&](arith::XOrIOp) { return integer([](int64_t a, int64_t b) { return a ^ b; }); })
        .Case([&](arith::DivSIOp) { return division([](int64_t a, int64_t b) { return a / b; }); })
        .Case([&](arith::RemSIOp) { return division([](int64_t a, int64_t b) { return a % b; }); })
        .Case([&](arith::CeilDivSIOp) {
          return division([](int64_t a, int64_t b) { return a / b + ((a % b != 0) && ((a < 0) == (b < 0))); });
        })
        .Case([&](arith::FloorDivSIOp) {
          return division([](int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); });
        })
        .Case([&](arith::DivUIOp) { return unsignedDivision(false); })
        .Case([&](arith::RemUIOp) { return unsignedDivision(true); })
        .Case([&](arith::CmpIOp cmp) {
          Type type = cmp.getLhs().getType();
          return bindInteger(compareIntegers(cmp.getPredicate(), type, frame_.integer(cmp.getLhs()),
                                             frame_.integer(cmp.getRhs())));
        })
        .Case([&](arith::SelectOp select) {
          frame_.bind(select.getResult(), frame_.lookup(frame_.integer(select.getCondition())
                                                            ? select.getTrueValue()
                                                            : select.getFalseValue()));
          return success();
        })
        .Case<arith::IndexCastOp, arith::ExtSIOp, arith::TruncIOp>(
            [&](Operation *) { return bindInteger(frame_.integer(op_->getOperand(0))); })
        .Case<arith::IndexCastUIOp, arith::ExtUIOp>([&](Operation *) {
          Value source = op_->getOperand(0);
          return bindInteger(int64_t(asUnsigned(source.getType(), frame_.integer(source))));
        })
        .Case([&](arith::AddFOp) { return real([](auto a, auto b) { return a + b; }); })
        .Case([&](arith::SubFOp) { return real([](auto a, auto b) { return a - b; }); })
        .Case([&](arith::MulFOp) { return real([](auto a, auto b) { return a * b; }); })
        .Case([&](arith::DivFOp) { return real([](auto a, auto b) { return a / b; }); })
        .Case([&](arith::NegFOp neg) { return bindReal(-frame_.real(neg.getOperand())); })
        .Case([&](arith::SIToFPOp cast) { return bindReal(double(frame_.integer(cast.getIn()))); })
        .Case([&](arith::ExtFOp ext) { return bindReal(frame_.real(ext.getIn())); })
        .Case([&](arith::TruncFOp trunc) { return bindReal(frame_.real(trunc.getIn())); })
        .Default([](Operation *) { return std::nullopt; });
  }

private:
  Type resultType() const { return op_->getResult(0).getType(); }

  LogicalResult bindInteger(int64_t value) {
    frame_.bind(op_->getResult(0), wrapTo(resultType(), value));
    return success();
  }

  LogicalResult bindReal(double value) {
    frame_.bind(op_->getResult(0), roundFloat(resultType(), value));
    return success();
  }

  LogicalResult constantValue(arith::ConstantOp constant) {
    Attribute value = constant.getValue();
    if (auto integerAttr = dyn_cast<IntegerAttr>(value))
      return bindInteger(widthOf(resultType()) == 1 ? int64_t(integerAttr.getValue().getZExtValue())
                                                    : integerAttr.getValue().getSExtValue());
    if (auto floatAttr = dyn_cast<FloatAttr>(value))
      return bindReal(floatAttr.getValueAsDouble());
    return constant.emitError("the reference interpreter supports scalar constants only, found ")
           << constant.getType();
  }

  template <typename Fn> LogicalResult integer(Fn fn) {
    return bindInteger(fn(frame_.integer(op_->getOperand(0)), frame_.integer(op_->getOperand(1))));
  }

  template <typename Fn> LogicalResult division(Fn fn) {
    int64_t lhs = frame_.integer(op_->getOperand(0)), rhs = frame_.integer(op_->getOperand(1));
    if (rhs == 0)
      return op_->emitError("integer division by zero");
    if (rhs == -1) // avoid INT64_MIN / -1; the wrapped result is exact anyway
      return bindInteger(int64_t(0 - uint64_t(lhs)) * (isa<arith::RemSIOp>(op_) ? 0 : 1));
    return bindInteger(fn(lhs, rhs));
  }

  LogicalResult unsignedDivision(bool remainder) {
    Type type = resultType();
    uint64_t lhs = asUnsigned(type, frame_.integer(op_->getOperand(0)));
    uint64_t rhs = asUnsigned(type, frame_.integer(op_->getOperand(1)));
    if (rhs == 0)
      return op_->emitError("integer division by zero");
    return bindInteger(int64_t(remainder ? lhs % rhs : lhs / rhs));
  }

  /// f32 (and narrower) math in float, f64 in double.
  template <typename Fn> LogicalResult real(Fn fn) {
    double lhs = frame_.real(op_->getOperand(0)), rhs = frame_.real(op_->getOperand(1));
    if (resultType().isF64())
      return bindReal(fn(lhs, rhs));
    return bindReal(double(fn(float(lhs), float(rhs))));
  }

  Operation *op_;
  Frame &frame_;
};

} // namespace

std::optional<LogicalResult> executeArithOp(Operation *op, Frame &frame) {
  if (!isa<arith::ArithDialect>(op->getDialect()))
    return std::nullopt;
  auto isShaped = [](Type type) { return isa<ShapedType>(type); };
  bool shapedConstant = isa<arith::ConstantOp>(op);
  if (!shapedConstant && (llvm::any_of(op->getOperandTypes(), isShaped) ||
                          llvm::any_of(op->getResultTypes(), isShaped)))
    return op->emitError("the reference interpreter runs arith ops on scalars only; "
                         "use the tile ops for tensors");
  return ArithExecutor(op, frame).run();
}

} // namespace tilec::interp
