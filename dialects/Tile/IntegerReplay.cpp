//===- IntegerReplay.cpp - a region's integer values, replayed ------------===//
#include "dialects/Tile/IntegerReplay.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace tilec {

std::optional<int64_t> foldIntegerOp(Operation *op, ArrayRef<int64_t> in) {
  return llvm::TypeSwitch<Operation *, std::optional<int64_t>>(op)
      .Case([&](arith::AddIOp) { return in[0] + in[1]; })
      .Case([&](arith::SubIOp) { return in[0] - in[1]; })
      .Case([&](arith::MulIOp) { return in[0] * in[1]; })
      .Case<arith::DivUIOp, arith::DivSIOp>([&](Operation *) {
        return in[1] ? std::optional<int64_t>(in[0] / in[1]) : std::nullopt;
      })
      .Case([&](arith::FloorDivSIOp) {
        return in[1] ? std::optional<int64_t>(llvm::divideFloorSigned(in[0], in[1])) : std::nullopt;
      })
      .Case<arith::RemUIOp, arith::RemSIOp>([&](Operation *) {
        return in[1] ? std::optional<int64_t>(in[0] % in[1]) : std::nullopt;
      })
      .Case<arith::MinUIOp, arith::MinSIOp>([&](Operation *) { return std::min(in[0], in[1]); })
      .Case<arith::MaxUIOp, arith::MaxSIOp>([&](Operation *) { return std::max(in[0], in[1]); })
      .Case([&](arith::IndexCastOp) { return in[0]; })
      .Case([&](arith::CmpIOp cmp) {
        return std::optional<int64_t>(arith::applyCmpPredicate(
            cmp.getPredicate(), APInt(64, in[0], /*isSigned=*/true),
            APInt(64, in[1], /*isSigned=*/true)));
      })
      .Default([](Operation *) { return std::nullopt; });
}

std::optional<int64_t> IntegerReplay::valueOf(Value value) const {
  if (auto known = values.find(value); known != values.end())
    return known->second;
  return getConstantIntValue(value);
}

void IntegerReplay::evaluate(Operation *op) {
  if (op->getNumResults() != 1)
    return;
  SmallVector<int64_t, 2> in;
  for (Value operand : op->getOperands()) {
    std::optional<int64_t> known = valueOf(operand);
    if (!known)
      return;
    in.push_back(*known);
  }
  if (std::optional<int64_t> out = foldIntegerOp(op, in))
    values[op->getResult(0)] = *out;
}

bool IntegerReplay::forEachTrip(scf::ForOp loop, llvm::function_ref<bool()> body) {
  std::optional<int64_t> lower = valueOf(loop.getLowerBound());
  std::optional<int64_t> upper = valueOf(loop.getUpperBound());
  std::optional<int64_t> step = valueOf(loop.getStep());
  if (!lower || !upper || !step || *step <= 0)
    return false;
  for (int64_t iv = *lower; iv < *upper; iv += *step) {
    values[loop.getInductionVar()] = iv;
    if (!body())
      return false;
  }
  return true;
}

} // namespace tilec
