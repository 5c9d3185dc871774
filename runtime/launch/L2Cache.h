// The chip's L2 cache in front of HBM, as the model charges it: a fully
// associative LRU set of resident lines of the modelled GM address space
// (GmRegistry::Tensor::modelBegin), write-back and write-allocate.
// - A read of a resident line is an L2 hit; a miss fills the whole line from
//   HBM.
// - A write makes its line resident and dirty without reading HBM (the model
//   does not track which bytes of a line were written).
// - Evicting a dirty line writes it back to HBM; lines still dirty when the
//   kernel ends are written back after it (dirtyBytes()).
// A hand-off written and read while resident therefore costs L2 bandwidth
// only; one whose working set spills past the capacity costs HBM again.
#pragma once

#include "base/TargetDescription.h"
#include "runtime/isa/GmAccessLog.h"
#include "runtime/isa/Memory.h"

#include <cstdint>
#include <vector>

namespace tilec::launch {

/// GM bytes of some accesses, split by where the L2 sent them.
struct L2Traffic {
  uint64_t readBytes = 0;      ///< bytes the cores read from GM
  uint64_t writeBytes = 0;     ///< bytes the cores wrote to GM
  uint64_t hitBytes = 0;       ///< read bytes that found their line resident
  uint64_t hbmReadBytes = 0;   ///< lines filled from HBM on read misses
  uint64_t hbmWriteBytes = 0;  ///< dirty lines written back on eviction
  uint64_t hbmBytes() const { return hbmReadBytes + hbmWriteBytes; }
};

class L2Cache {
public:
  L2Cache(uint64_t capacityBytes, uint32_t lineBytes);
  explicit L2Cache(const target::TargetDescription &target)
      : L2Cache(target.l2Bytes, target.l2LineBytes) {}

  /// Reads or writes the modelled GM bytes [begin, end).
  void read(uint64_t begin, uint64_t end, L2Traffic &traffic);
  void write(uint64_t begin, uint64_t end, L2Traffic &traffic);

  /// Plays the GM accesses of one launch, in the order the hardware would
  /// issue them: by start cycle, ties by block (`blockLogs` is in block order)
  /// and then by instruction order. Host addresses are mapped through `gm`.
  L2Traffic replay(const isa::GmRegistry &gm,
                   const std::vector<std::vector<isa::GmAccess>> &blockLogs);

  uint64_t residentBytes() const { return uint64_t(lineOf_.size()) * lineBytes_; }
  uint64_t dirtyBytes() const { return dirtyLines_ * lineBytes_; }
  uint32_t lineBytes() const { return lineBytes_; }

private:
  /// The line's slot, made most recently used; inserts it (evicting the least
  /// recently used line) if absent. `hit` tells which.
  uint32_t touch(uint64_t line, bool &hit, L2Traffic &traffic);
  void unlink(uint32_t slot);
  void pushFront(uint32_t slot);
  void access(const isa::GmAccess &a, uint64_t modelBase, L2Traffic &traffic);

  static constexpr uint32_t kNone = ~0u;
  uint32_t lineBytes_;
  uint32_t capacityLines_;
  /// The slot of each line of the modelled GM, kNone if not resident: the
  /// modelled addresses are dense (tensors back to back), so a vector.
  std::vector<uint32_t> slotOf_;
  std::vector<uint64_t> lineOf_;
  std::vector<uint32_t> prev_, next_;
  std::vector<bool> dirty_;
  uint32_t head_ = kNone, tail_ = kNone; ///< most / least recently used
  uint64_t dirtyLines_ = 0;
};

} // namespace tilec::launch
