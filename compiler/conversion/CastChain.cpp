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

namespace {
/// Intermediate types in the order ties are broken: wide types first, so that
/// f32 → i8 takes the documented f32 → i32 → f16 → i8 route.
constexpr DType kStepPreference[] = {DType::F32, DType::I32, DType::F16, DType::BF16,
                                     DType::I16, DType::I8,  DType::I64};

/// What is known about the values while they travel along a chain.
struct ChainState {
  DType type;
  bool integral; ///< already rounded to whole numbers
  bool rounded;  ///< the chain has spent its one rounding step
};

bool isFloatType(DType type) { return type == DType::F32 || type == DType::F16 || type == DType::BF16; }

int mantissaBits(DType type) {
  switch (type) {
  case DType::F32: return 24;
  case DType::F16: return 11;
  case DType::BF16: return 8;
  default: return 0;
  }
}

/// The state after converting to `next`, or nothing if that step would round
/// a second time. Integer values are assumed to fit the float types they pass
/// through (the hardware's f32 → i32 → f16 → i8 quantisation chain relies on
/// the same); a step that loses fraction bits or precision is a rounding.
std::optional<ChainState> step(ChainState state, DType next) {
  bool fromFloat = isFloatType(state.type), toFloat = isFloatType(next);
  bool rounds = false;
  if (fromFloat && !toFloat)
    rounds = !state.integral;
  else if (fromFloat && toFloat)
    rounds = !state.integral && (mantissaBits(next) < mantissaBits(state.type) ||
                                 (state.type == DType::F16) != (next == DType::F16));
  if (rounds && state.rounded)
    return std::nullopt;
  return ChainState{next, state.integral || !toFloat, state.rounded || rounds};
}
} // namespace

FailureOr<SmallVector<Type>> tilec::conversion::findCastChain(
    Type from, Type to, const target::TargetDescription &target) {
  std::optional<DType> source = dtypeOf(from), destination = dtypeOf(to);
  if (!source || !destination)
    return failure();
  // Breadth-first over (type, integral, rounded) states in a fixed order: the
  // shortest chain that rounds at most once, found the same way
  // every time.
  auto index = [](const ChainState &state) {
    return int(state.type) * 4 + int(state.integral) * 2 + int(state.rounded);
  };
  std::array<std::optional<int>, 32> previous;
  std::array<bool, 32> seen{};
  std::array<ChainState, 32> states{};
  ChainState start{*source, !isFloatType(*source), false};
  std::deque<ChainState> queue{start};
  seen[index(start)] = true;
  states[index(start)] = start;
  std::optional<ChainState> found;
  while (!queue.empty() && !found) {
    ChainState current = queue.front();
    queue.pop_front();
    if (current.type == *destination) {
      found = current;
      break;
    }
    for (DType next : kStepPreference) {
      if ( next == current.type || !target.isLegalCvt(current.type, next))
        continue;
      std::optional<ChainState> after = step(current, next);
      if (!after || seen[index(*after)])
        continue;
      seen[index(*after)] = true;
      states[index(*after)] = *after;
      previous[index(*after)] = index(current);
      queue.push_back(*after);
    }
  }
  if (!found)
    return failure();
  SmallVector<Type> steps;
  for (int at = index(*found); at != index(start); at = *previous[at])
    steps.push_back(typeOf(from.getContext(), states[at].type));
  std::reverse(steps.begin(), steps.end());
  return steps;
}
