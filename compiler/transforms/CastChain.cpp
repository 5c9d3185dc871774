//===- CastChain.cpp - element conversions as legal TCVT steps ------------===//
#include "compiler/transforms/CastChain.h"

#include "runtime/numerics/ConversionRules.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <functional>

using namespace tilec;

namespace {

/// The smallest and largest value of an integer type.
std::pair<int64_t, int64_t> integerRange(DType t) {
  switch (t) {
  case DType::I8: return {INT8_MIN, INT8_MAX};
  case DType::U8: return {0, UINT8_MAX};
  case DType::I16: return {INT16_MIN, INT16_MAX};
  case DType::I32: return {INT32_MIN, INT32_MAX};
  default: return {INT64_MIN, INT64_MAX};
  }
}

/// Whether a chain rounds at most once, and at which step. The values after
/// the rounding step must already lie on the destination's grid, and every
/// later type must hold every destination value: conversions are monotone, so
/// values beyond the destination's range stay beyond it and saturate alike.
/// A wrapping chain must instead carry the rounded integer exactly to the last
/// step, since wrapping is not monotone.
std::optional<unsigned> singleRoundingStep(DType from, llvm::ArrayRef<DType> steps, bool wraps) {
  DType to = steps.back();
  unsigned rounding = 0;
  while (rounding + 1 < steps.size() && holdsEveryValueOf(steps[rounding], from))
    ++rounding; // widening steps before the one that may round are exact
  DType rounded = steps[rounding];
  bool onDestinationGrid =
      rounded == to || (isInteger(to) && (isInteger(rounded) || isInteger(from)));
  if (!onDestinationGrid)
    return std::nullopt;
  for (unsigned index = rounding; index + 1 < steps.size(); ++index)
    if (!holdsEveryValueOf(steps[index], to))
      return std::nullopt;
  if (wraps && rounding + 1 < steps.size()) {
    if (!isInteger(rounded))
      return std::nullopt;
    for (unsigned index = rounding + 1; index + 1 < steps.size(); ++index)
      if (!holdsEveryValueOf(steps[index], rounded))
        return std::nullopt;
  }
  return rounding;
}

/// Intermediate types in the order ties are broken: the vector unit's 4-byte
/// types first, so f32 → i8 takes the documented f32 → i32 → f16 → i8.
constexpr DType kStepPreference[] = {DType::F32, DType::I32, DType::F16, DType::BF16,
                                     DType::I16, DType::I8,  DType::U8,  DType::I64};

} // namespace

bool tilec::holdsEveryValueOf(DType wide, DType narrow) {
  if (wide == narrow)
    return true;
  if (isFloat(narrow)) {
    // Only f32 holds the other floats (more significand and exponent bits).
    return wide == DType::F32 && narrow != DType::F32;
  }
  auto [low, high] = integerRange(narrow);
  if (isFloat(wide)) {
    // Every integer of magnitude up to 2^(significand bits) is exact.
    int64_t exact = int64_t(1) << precisionBits(wide);
    return -exact <= low && high <= exact;
  }
  auto [wideLow, wideHigh] = integerRange(wide);
  return wideLow <= low && high <= wideHigh;
}

bool tilec::castWraps(DType from, DType to, std::optional<bool> saturate) {
  if (!isInteger(to))
    return false;
  return !saturate.value_or(saturatesByDefault(from, to));
}

std::optional<CastChain> tilec::findCastChain(DType from, DType to,
                                              const target::TargetDescription &target,
                                              bool wraps) {
  if (from == to)
    return CastChain{};
  // Depth-first over chains of each length in kStepPreference order: the
  // first chain found is the shortest, and the same one every time.
  llvm::SmallVector<DType, kMaxCastChainSteps> steps;
  std::optional<CastChain> found;
  std::function<void(DType, unsigned)> extend = [&](DType at, unsigned length) {
    for (DType next : kStepPreference) {
      if (found || next == at || !target.isLegalCvt(at, next))
        continue;
      steps.push_back(next);
      if (steps.size() == length) {
        if (next == to)
          if (std::optional<unsigned> rounding = singleRoundingStep(from, steps, wraps))
            found = CastChain{steps, *rounding};
      } else if (next != to) {
        extend(next, length);
      }
      steps.pop_back();
    }
  };
  for (unsigned length = 1; length <= kMaxCastChainSteps && !found; ++length)
    extend(from, length);
  return found;
}
