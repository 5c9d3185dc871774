// Missing-synchronisation detection. Each pipe counts the instructions it has
// issued (its epoch) and knows, per other pipe, up to which epoch that pipe's
// work is complete from its point of view (a vector clock). set_flag(Q, P, e)
// snapshots Q's knowledge plus Q's own epoch; wait_flag(Q, P, e) merges the
// snapshot into P's. An access by pipe P to a byte range that pipe Q read or
// wrote (at least one of them writing) at an epoch P does not know yet is a
// hazard: on the NPU the two could run at the same time.
#pragma once

#include "base/TargetDescription.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace tilec::isa {

using target::MemSpace;
using target::Pipe;

/// A byte range in one memory: on-chip offsets, or host addresses for GM.
struct ByteRange {
  MemSpace space;
  uint64_t begin, end;
  bool overlaps(const ByteRange &o) const {
    return space == o.space && begin < o.end && o.begin < end;
  }
};

class HazardTracker {
public:
  using VectorClock = std::array<uint64_t, target::kNumPipes>;

  /// One earlier access still relevant to some other pipe.
  struct Record {
    ByteRange range;
    Pipe pipe;
    bool write;
    uint64_t epoch;
    uint64_t instrIndex;
    const char *instrName;
  };

  /// Starts an instruction on `p`; returns its epoch.
  uint64_t issue(Pipe p) { return ++epoch_[int(p)]; }

  /// The earlier access that makes this one a hazard, or nullptr.
  const Record *conflict(Pipe p, const ByteRange &r, bool write) const {
    for (const Record &rec : records_)
      if (rec.pipe != p && (rec.write || write) && rec.range.overlaps(r) &&
          known_[int(p)][int(rec.pipe)] < rec.epoch)
        return &rec;
    return nullptr;
  }

  void record(Pipe p, const ByteRange &r, bool write, uint64_t epoch,
              uint64_t instrIndex, const char *instrName) {
    for (Record &rec : records_)
      if (rec.pipe == p && rec.write == write && rec.range.space == r.space &&
          rec.range.begin == r.begin && rec.range.end == r.end) {
        rec.epoch = epoch;
        rec.instrIndex = instrIndex;
        rec.instrName = instrName;
        return;
      }
    records_.push_back({r, p, write, epoch, instrIndex, instrName});
    if (records_.size() > 512)
      prune();
  }

  /// What a set_flag on `src` publishes: everything src has issued so far.
  VectorClock snapshot(Pipe src) const {
    VectorClock v = known_[int(src)];
    v[int(src)] = epoch_[int(src)];
    return v;
  }

  void merge(Pipe dst, const VectorClock &v) {
    for (int q = 0; q < target::kNumPipes; ++q)
      known_[int(dst)][q] = std::max(known_[int(dst)][q], v[q]);
  }

  /// pipe_barrier(PIPE_ALL): every pipe has finished everything issued.
  void barrierAll() {
    for (auto &k : known_)
      k = epoch_;
  }

private:
  /// Drops records every other pipe already knows to be complete.
  void prune() {
    records_.erase(
        std::remove_if(records_.begin(), records_.end(),
                       [&](const Record &rec) {
                         for (int q = 0; q < target::kNumPipes; ++q)
                           if (q != int(rec.pipe) &&
                               known_[q][int(rec.pipe)] < rec.epoch)
                             return false;
                         return true;
                       }),
        records_.end());
  }

  VectorClock epoch_{};
  std::array<VectorClock, target::kNumPipes> known_{};
  std::vector<Record> records_;
};

} // namespace tilec::isa
