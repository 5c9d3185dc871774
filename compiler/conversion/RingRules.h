//===- RingRules.h - what both directions of pairing decide alike -*- C++ -*-===//
//
// The rules a ring of GM slots follows whichever core fills it: its depth in
// the L2's share, and whether a paired launch is estimated to pay
// (StrategyPairing.cpp, cube -> vector; StrategyLhsPairing.cpp, vector ->
// cube).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_RINGRULES_H
#define TILEC_COMPILER_CONVERSION_RINGRULES_H

#include "compiler/conversion/Strategy.h"

namespace tilec::conversion {

/// The deepest ring the strategy builds: pto-isa's TPipe frees slots in
/// pairs from four slots on (its sync period is half the ring), so four
/// let the producer run a whole freed pair ahead; more only take L2.
constexpr int64_t kMaxRingSlots = 4;
/// The share of L2 the rings of all clusters may take; the rest stays for
/// what streams through beside them (the weights, the chain's other inputs
/// and its outputs).
constexpr uint64_t kL2ShareDivisor = 4;

/// The deepest GM ring of `slotBytes` slots, `rings` of them (one per
/// cluster with slots to fill), that fits the L2's share: two slots at
/// least, so one side fills one while the other reads the other; 0 when
/// two do not fit.
inline int64_t gmRingDepth(uint64_t rings, uint64_t slotBytes,
                           const target::TargetDescription &target) {
  for (int64_t depth = kMaxRingSlots; depth >= 2; --depth)
    if (rings * uint64_t(depth) * slotBytes <= target.l2Bytes / kL2ShareDivisor)
      return depth;
  return 0;
}

/// Whether a paired launch (`pairedEstimate`) is estimated to finish before
/// its two sides apart: each side's busiest core, as their strategies
/// estimated them (`estimates`).
inline bool pairingPays(mlir::Operation *first, mlir::Operation *second, double pairedEstimate,
                        const CoreEstimates &estimates) {
  auto firstApart = estimates.find(first), secondApart = estimates.find(second);
  return firstApart != estimates.end() && secondApart != estimates.end() &&
         pairedEstimate <= firstApart->second + secondApart->second;
}

} // namespace tilec::conversion

#endif
