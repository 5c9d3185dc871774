//===- CastChain.cpp - conversions as legal TCVT steps --------------------===//
#include "compiler/conversion/CastChain.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

#include <deque>

using namespace mlir;
using namespace tilec;

std::optional<DType> tilec::conversion::dtypeOf(Type type) {
  if (type.isBF16())
    return DType::BF16;
  if (type.isF16())
    return DType::F16;
  if (type.isF32())
    return DType::F32;
  if (type.isSignlessInteger(8))
    return DType::I8;
  if (type.isSignlessInteger(16))
    return DType::I16;
  if (type.isSignlessInteger(32))
    return DType::I32;
  if (type.isSignlessInteger(64))
    return DType::I64;
  return std::nullopt;
}

static Type typeOf(MLIRContext *context, DType dtype) {
  Builder builder(context);
  switch (dtype) {
  case DType::BF16: return builder.getBF16Type();
  case DType::F16: return builder.getF16Type();
  case DType::F32: return builder.getF32Type();
  case DType::I8: return builder.getI8Type();
  case DType::U8: return builder.getIntegerType(8, /*isSigned=*/false);
  case DType::I16: return builder.getI16Type();
  case DType::I32: return builder.getI32Type();
  case DType::I64: return builder.getI64Type();
  }
  return {};
}

FailureOr<SmallVector<Type>> tilec::conversion::findCastChain(
    Type from, Type to, const target::TargetDescription &target) {
  std::optional<DType> source = dtypeOf(from), destination = dtypeOf(to);
  if (!source || !destination)
    return failure();
  // Breadth-first over the legal pairs, in the fixed DType order, so the
  // shortest chain is found and ties break the same way every time.
  std::array<std::optional<DType>, 8> previous;
  std::array<bool, 8> seen{};
  std::deque<DType> queue{*source};
  seen[int(*source)] = true;
  while (!queue.empty() && !seen[int(*destination)]) {
    DType current = queue.front();
    queue.pop_front();
    for (DType next : kAllDTypes) {
      if (seen[int(next)] || next == DType::U8 || !target.isLegalCvt(current, next))
        continue;
      seen[int(next)] = true;
      previous[int(next)] = current;
      queue.push_back(next);
    }
  }
  if (!seen[int(*destination)])
    return failure();
  SmallVector<Type> steps;
  for (DType at = *destination; at != *source; at = *previous[int(at)])
    steps.push_back(typeOf(from.getContext(), at));
  std::reverse(steps.begin(), steps.end());
  return steps;
}
