// What one launch cost on the modelled chip, from the cores that ran it:
// modelled time, busy time per pipe, bytes per path and a roofline, and the
// Chrome trace (one process per core, one thread per pipe).
#pragma once

#include "base/TargetDescription.h"
#include "runtime/isa/CoreContext.h"

#include <array>
#include <cstdint>
#include <iosfwd>
#include <vector>

namespace tilec::isa {

/// The time if only one resource limited the work, per resource.
struct Roofline {
  double cubeMicros = 0;
  double vectorMicros = 0;
  double memoryMicros = 0;
  double boundMicros() const;
  const char *boundBy() const; ///< "cube", "vector" or "memory"
};

struct ModelReport {
  int cores = 0;
  double micros = 0; ///< the slowest core's last pipe
  std::array<double, target::kNumPipes> busyMicros{}; ///< summed over cores
  std::array<uint64_t, target::kNumPaths> bytes{};
  uint64_t macs = 0;
  uint64_t gmBytes = 0;
  // Roofline: the time if only one resource limited the launch.
  double cubeBoundMicros = 0;   ///< M busy spread over every cube core
  double vectorBoundMicros = 0; ///< V busy spread over every vector core
  double memoryBoundMicros = 0; ///< GM bytes at the chip's HBM bandwidth
  Roofline roofline() const { return {cubeBoundMicros, vectorBoundMicros, memoryBoundMicros}; }
  double boundMicros() const { return roofline().boundMicros(); }
  const char *boundBy() const { return roofline().boundBy(); }
  /// boundMicros / micros: 1.0 means the launch runs at its roofline.
  double rooflineRatio() const;
};

/// The bound of the work rather than of this lowering's traffic: every kernel
/// parameter read or written once at the chip's HBM bandwidth, or the cube or
/// vector work the model ran (`total`'s compute terms), whichever is larger.
Roofline workRoofline(const target::TargetDescription &target, const ModelReport &total,
                      uint64_t parameterBytes);

ModelReport summarize(const target::TargetDescription &target,
                      const std::vector<const CoreContext *> &cores);

/// Chrome trace-event JSON (opens in Perfetto); times in microseconds.
void writeChromeTrace(std::ostream &os,
                      const std::vector<const CoreContext *> &cores);

} // namespace tilec::isa
