// The cross-core flags of one cluster in a mixed launch: one AIC (part 0) and
// its AIVs (parts 1..), each running on its own host thread, signalling one
// another as a2a3's FFTS does in CV_CORES_SYNC mode (ffts_cross_core_sync /
// wait_flag_dev, runtime/isa/CrossCoreSync.h):
// - the AIC's set of flag f gives each AIV of the cluster one count of f;
// - the AIC sees one count of f once every AIV has set f once more (the
//   model's reading of mode 2: the cube waits for the pair);
// - a wait consumes one count, blocking the calling thread until there is
//   one, and returns the cycle the count became visible: the (latest) set's
//   cycle plus the target's crossCoreFlagCycles.
// Counts are matched in order, so the cycles (and so the timing) do not depend
// on how the host threads interleave. The cluster also carries the bytes a UB
// ring's TPUSH hands to each AIV (handOff, TPipe.h).
//
// A wait that can never be satisfied (every other part of the cluster has
// finished or is itself waiting on a flag nobody will set) fails instead of
// hanging, and a part that failed aborts its partners' waits.
#pragma once

#include "runtime/isa/ModelError.h"

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace tilec::isa {

class CrossCoreFlags {
public:
  /// FFTS flag ids per core (pto-isa's TPipe: "FlagID + 1 must be less than 16").
  static constexpr int kFlagIds = 16;

  CrossCoreFlags(int vectorParts, double latencyCycles)
      : parts_(1 + vectorParts), latency_(latencyCycles),
        toVector_(size_t(parts_) * kFlagIds), toCube_(size_t(parts_) * kFlagIds),
        waitingOn_(size_t(parts_), -1) {}

  int parts() const { return parts_; }
  int vectorParts() const { return parts_ - 1; }

  /// Part `part` sets flag `flag` at `cycle` (its pipe finished then).
  void set(int part, int flag, double cycle) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (part == 0)
      for (int v = 1; v < parts_; ++v)
        inbox(toVector_, v, flag).push_back(cycle);
    else
      inbox(toCube_, part, flag).push_back(cycle);
    changed_.notify_all();
  }

  /// Part `part` waits for flag `flag`: the cycle its count became visible,
  /// or the reason it never will (a deadlock, or a failed partner).
  struct WaitResult {
    double cycle = 0;
    std::optional<std::string> error;
    bool partnerFailed = false; ///< the error is a partner's failure
  };
  WaitResult wait(int part, int flag) {
    std::unique_lock<std::mutex> lock(mutex_);
    waitingOn_[size_t(part)] = flag;
    while (!available(part, flag) && !partnerFailed_ && !deadlocked_) {
      if (stuck()) {
        deadlocked_ = true;
        changed_.notify_all();
        break;
      }
      changed_.wait(lock);
    }
    waitingOn_[size_t(part)] = -1;
    if (available(part, flag))
      return {take(part, flag) + latency_, std::nullopt, false};
    // Every part caught in a deadlock reports it, even when a partner's
    // report already aborted the flags, so a launch names the same part
    // (its first) however the threads interleave.
    if (deadlocked_)
      return {0,
              "every core of the cluster waits on a cross-core flag nobody will set (or "
              "has finished): the NPU would hang here",
              false};
    return {0, "another core of the cluster failed", true};
  }

  /// Part `part` has finished (or failed): its partners' waits stop counting
  /// on it.
  void finish(int part) {
    std::lock_guard<std::mutex> lock(mutex_);
    waitingOn_[size_t(part)] = kFinished;
    changed_.notify_all();
  }

  /// The bytes AIV part `part` receives as its share of slot `slot` of the
  /// UB ring whose first flag is `flag` (TPipe.h): the AIC's fixpipe writes
  /// them before it sets "slot full", the AIV copies them into its UB after
  /// its wait; the flag's lock orders the two.
  std::vector<std::byte> &handOff(int flag, int part, uint32_t slot) {
    std::lock_guard<std::mutex> lock(mutex_);
    return handOffs_[{flag, part, slot}];
  }

  /// A part failed: every wait of its partners fails with PartnerFailure.
  void abort() {
    std::lock_guard<std::mutex> lock(mutex_);
    partnerFailed_ = true;
    changed_.notify_all();
  }

private:
  static constexpr int kFinished = -2;

  using Inbox = std::vector<std::deque<double>>;
  static std::deque<double> &inbox(Inbox &box, int part, int flag) {
    return box[size_t(part) * kFlagIds + size_t(flag)];
  }

  bool available(int part, int flag) {
    if (part != 0)
      return !inbox(toVector_, part, flag).empty();
    for (int v = 1; v < parts_; ++v)
      if (inbox(toCube_, v, flag).empty())
        return false;
    return true;
  }

  /// Consumes one count of `flag` for `part`; the cycle of its (last) set.
  double take(int part, int flag) {
    if (part != 0) {
      double cycle = inbox(toVector_, part, flag).front();
      inbox(toVector_, part, flag).pop_front();
      return cycle;
    }
    double cycle = 0;
    for (int v = 1; v < parts_; ++v) {
      cycle = std::max(cycle, inbox(toCube_, v, flag).front());
      inbox(toCube_, v, flag).pop_front();
    }
    return cycle;
  }

  /// No part can make progress: each has finished or waits on an empty flag.
  bool stuck() {
    for (int p = 0; p < parts_; ++p) {
      int flag = waitingOn_[size_t(p)];
      if (flag == kFinished)
        continue;
      if (flag < 0 || available(p, flag))
        return false;
    }
    return true;
  }

  const int parts_;
  const double latency_;
  std::mutex mutex_;
  std::condition_variable changed_;
  /// Per AIV and flag, the cycles of sets not consumed yet: the AIC's sets
  /// AIV v will see, and AIV v's sets the AIC will see once every AIV's are in.
  Inbox toVector_, toCube_;
  /// Per part: the flag it waits on, -1 while running, kFinished when done.
  std::vector<int> waitingOn_;
  bool partnerFailed_ = false;
  bool deadlocked_ = false;
  std::map<std::tuple<int, int, uint32_t>, std::vector<std::byte>> handOffs_;
};

/// A wait_flag_dev that failed only because a partner core of the cluster
/// failed: the launcher reports the partner's error instead.
class PartnerFailure : public ModelError {
public:
  using ModelError::ModelError;
};

} // namespace tilec::isa
