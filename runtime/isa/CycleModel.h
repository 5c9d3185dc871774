// Cycle accounting of one core: a clock per pipe, each instruction charged to
// its pipe with the target's figures, flags turning into cross-pipe waits,
// busy time per pipe, bytes per data path, and (optionally) a trace of every
// charged instruction. The numerics of the instructions live elsewhere.
#pragma once

#include "base/TargetDescription.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace tilec::isa {

using target::Path;
using target::Pipe;

struct TraceEvent {
  Pipe pipe;
  const char *name;
  double startCycle;
  double cycles;
};

class CycleModel {
public:
  /// Runs `cycles` on `p` after everything already on `p`; returns the start.
  double charge(Pipe p, double cycles, const char *name) {
    double start = clock_[int(p)];
    clock_[int(p)] = start + cycles;
    busy_[int(p)] += cycles;
    if (traceEnabled)
      trace_.push_back({p, name, start, cycles});
    return start;
  }

  void addBytes(Path path, uint64_t bytes) { bytes_[int(path)] += bytes; }
  void addMacs(uint64_t macs) { macs_ += macs; }

  double now(Pipe p) const { return clock_[int(p)]; }
  /// wait_flag: the waiting pipe cannot start before the setter's time.
  void waitUntil(Pipe p, double cycle) {
    clock_[int(p)] = std::max(clock_[int(p)], cycle);
  }
  /// A core-wide wait (wait_flag_dev): nothing issued after it starts before
  /// `cycle`; work already issued runs on. Traced on S as `name`, not busy.
  void stallUntil(double cycle, const char *name) {
    double from = clock_[int(Pipe::S)];
    if (traceEnabled && cycle > from)
      trace_.push_back({Pipe::S, name, from, cycle - from});
    for (double &clock : clock_)
      clock = std::max(clock, cycle);
  }
  void barrierAll() {
    double t = elapsedCycles();
    clock_.fill(t);
  }

  double elapsedCycles() const {
    return *std::max_element(clock_.begin(), clock_.end());
  }
  double busyCycles(Pipe p) const { return busy_[int(p)]; }
  uint64_t bytes(Path path) const { return bytes_[int(path)]; }
  uint64_t macs() const { return macs_; }
  const std::vector<TraceEvent> &trace() const { return trace_; }

  bool traceEnabled = false;

private:
  std::array<double, target::kNumPipes> clock_{};
  std::array<double, target::kNumPipes> busy_{};
  std::array<uint64_t, target::kNumPaths> bytes_{};
  uint64_t macs_ = 0;
  std::vector<TraceEvent> trace_;
};

} // namespace tilec::isa
