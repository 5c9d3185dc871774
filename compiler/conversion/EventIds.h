//===- EventIds.h - the event ids of set_flag/wait_flag pairs -*- C++ -*-===//
//
// The ids a task's flags hold per (src, dst) pipe pair while ascend-insert-sync
// places them, and the ids the flags already in an op use.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_EVENTIDS_H
#define TILEC_COMPILER_CONVERSION_EVENTIDS_H

#include "dialects/Ascend/AscendOps.h"

#include "llvm/ADT/DenseMap.h"

#include <optional>

namespace tilec::conversion {

/// Event ids per (src, dst) pipe pair; an id is free again after its wait.
class EventIds {
public:
  explicit EventIds(int perPair) : perPair(perPair) {}

  /// The lowest id of the pair neither held nor in `excluded`.
  std::optional<int32_t> lowestFree(ascend::Pipe src, ascend::Pipe dst,
                                    uint32_t excluded = 0) const;
  void hold(ascend::Pipe src, ascend::Pipe dst, int32_t id);
  void release(ascend::Pipe src, ascend::Pipe dst, int32_t id);
  int size() const { return perPair; }
  int heldCount(ascend::Pipe src, ascend::Pipe dst) const;

private:
  int perPair;
  llvm::DenseMap<std::pair<unsigned, unsigned>, uint32_t> inFlight;
};

/// Ids the flags of pipe pair (src, dst) in `op` (nested ops included) use.
uint32_t idsUsedIn(mlir::Operation *op, ascend::Pipe src, ascend::Pipe dst);

} // namespace tilec::conversion

#endif
