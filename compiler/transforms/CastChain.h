//===- CastChain.h - element conversions as legal TCVT steps ----*- C++ -*-===//
//
// A target converts only some element-type pairs directly (TargetDescription::
// cvtPairs); other conversions are chains of legal steps. A chain is usable
// only when it rounds at most once, so that it equals the one conversion the
// kernel asked for. The verifier rejects casts without such a chain and the
// tile → ascend lowering emits the chain's TCVTs.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_TRANSFORMS_CASTCHAIN_H
#define TILEC_COMPILER_TRANSFORMS_CASTCHAIN_H

#include "base/TargetDescription.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace tilec {

/// Legal conversions that together turn one element type into another.
struct CastChain {
  /// The element type after each step; the last one is the destination.
  /// Empty when source and destination are equal.
  llvm::SmallVector<DType, 3> steps;
  /// The step that may round (and so takes the cast's rounding mode); every
  /// other step is exact for the values that reach it.
  unsigned roundingStep = 0;
};

/// The maximum number of TCVTs one cast may lower to.
inline constexpr unsigned kMaxCastChainSteps = 3;

/// The shortest chain of at most kMaxCastChainSteps legal conversions on
/// `target` that rounds once (ties broken by a fixed preference for wide
/// intermediates, so the answer is deterministic); nullopt when there is none. Examples on a2a3: f32 → i8 is
/// i32, f16, i8 (not f16, i8, which rounds twice); bf16 → f16 is f32, f16.
/// A cast that `wraps` (castWraps) also needs the exact integer until the last
/// step: a value an intermediate f16 rounded wraps to another result, so
/// f32 → i8 and i32 → i8 have no wrapping chain on a2a3.
std::optional<CastChain> findCastChain(DType from, DType to,
                                       const target::TargetDescription &target,
                                       bool wraps = false);

/// Whether a cast wraps out-of-range values into an integer destination instead
/// of clamping them: `saturate` false, or unset and the pair's hardware default
/// (saturatesByDefault in runtime/numerics) wraps. False for float destinations.
bool castWraps(DType from, DType to, std::optional<bool> saturate);

/// True when every value of `narrow` is exactly a value of `wide`.
bool holdsEveryValueOf(DType wide, DType narrow);

} // namespace tilec

#endif
