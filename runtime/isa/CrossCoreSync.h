// Cross-core synchronisation inside a cluster (an AIC and its AIVs in a mixed
// launch) as CANN spells it: ffts_cross_core_sync(pipe, getFFTSMsg(mode,
// flag)) sets a flag for the partner cores once `pipe` has finished what was
// issued on it (the message as pto-isa spells it, FftsMessage.h),
// wait_flag_dev(flag) waits for one, get_subblockid() tells AIV 0 from AIV 1
// (of get_subblockdim()).
// The model runs only the CV_CORES_SYNC mode (AIC <-> AIVs), see
// CrossCoreFlags.h for how its counts match up.
#pragma once

#include "runtime/isa/FftsMessage.h"
#include "runtime/isa/Sync.h"

#include <cstdint>

namespace pto {

inline void ffts_cross_core_sync(pipe_t pipe, uint64_t message) {
  tilec::isa::currentCore().crossCoreSet(detail::toPipe(pipe, "ffts_cross_core_sync"),
                                         tilec::isa::fftsMessageMode(message),
                                         tilec::isa::fftsMessageFlag(message));
}

inline void wait_flag_dev(int64_t flag) { tilec::isa::currentCore().crossCoreWait(int(flag)); }

/// Which AIV of its cluster this core is (0 on an AIC or outside a mixed
/// launch).
inline int64_t get_subblockid() {
  const tilec::isa::CoreContext &core = tilec::isa::currentCore();
  return core.clusterPart > 0 ? core.clusterPart - 1 : 0;
}

/// The AIVs of the cluster in a mixed launch; 1 outside one.
inline int64_t get_subblockdim() {
  const tilec::isa::CoreContext &core = tilec::isa::currentCore();
  return core.crossCore ? core.crossCore->vectorParts() : 1;
}

} // namespace pto
