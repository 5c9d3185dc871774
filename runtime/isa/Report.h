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
  // Where the L2 model (runtime/launch/L2Cache.h) sent the GM bytes; set by
  // the launcher for a launch, zero for a single core's summary.
  uint64_t l2HitBytes = 0;    ///< GM reads served by the L2
  uint64_t hbmReadBytes = 0;  ///< lines filled from HBM
  uint64_t hbmWriteBytes = 0; ///< dirty lines written back to HBM
  uint64_t hbmBytes() const { return hbmReadBytes + hbmWriteBytes; }
  // Roofline: the time if only one resource limited the launch.
  double cubeBoundMicros = 0;   ///< M busy spread over every cube core
  double vectorBoundMicros = 0; ///< V busy spread over every vector core
  /// The launcher's: the longest of HBM bytes at the chip's HBM bandwidth and
  /// GM reads / writes at the chip's L2 rates. A single core's summary: its
  /// GM bytes at the HBM bandwidth.
  double memoryBoundMicros = 0;
  Roofline roofline() const { return {cubeBoundMicros, vectorBoundMicros, memoryBoundMicros}; }
  double boundMicros() const { return roofline().boundMicros(); }
  const char *boundBy() const { return roofline().boundBy(); }
  /// boundMicros / micros: 1.0 means the launch runs at its roofline.
  double rooflineRatio() const;
};

/// The bound of the work rather than of this lowering's traffic: every kernel
/// parameter read or written once at the chip's HBM bandwidth, the kernel's
/// multiply-accumulates at the cube's peak (`cubeWorkMicros`, see
/// dialects/Tile/KernelWork.h), or the vector work the model ran, whichever is
/// larger.
Roofline workRoofline(const target::TargetDescription &target, const ModelReport &total,
                      uint64_t parameterBytes, double cubeWorkMicros);

ModelReport summarize(const target::TargetDescription &target,
                      const std::vector<const CoreContext *> &cores);

/// The memory term of a launch that read `gmReadBytes` and wrote
/// `gmWriteBytes` through the L2 and moved `hbmBytes` between L2 and HBM.
double memoryMicros(const target::TargetDescription &target, uint64_t gmReadBytes,
                    uint64_t gmWriteBytes, uint64_t hbmBytes);

/// Chrome trace-event JSON (opens in Perfetto); times in microseconds.
void writeChromeTrace(std::ostream &os,
                      const std::vector<const CoreContext *> &cores);

} // namespace tilec::isa
