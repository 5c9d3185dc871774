// The conformance harness's CPU stand-ins for the CANN cross-core calls that
// pto-isa's CPU simulator does not implement (it has them only in its NPU
// headers, pto/npu/a2a3): a mixed launch's C++ (`tilec --pair-cube-vector`)
// calls ffts_cross_core_sync(pipe, getFFTSMsg(CV_CORES_SYNC, flag)) and
// wait_flag_dev(flag). conformance.py force-includes this header (`-include`)
// when it compiles a kernel's C++, so the kernel's C++ itself stays
// unmodified. The calls run on the flags of the cluster the calling thread's
// core belongs to (SimCore.h; SimHost::launchMixed owns them). get_subblockid()
// is the simulator's own, answered from the execution context BindCore sets.
#pragma once

#include "runtime/isa/FftsMessage.h" // pto::getFFTSMsg, pto::TSyncCVMode
#include "test/Conformance/SimCore.h"

#include <pto/pto-inst.hpp>

inline void ffts_cross_core_sync(pipe_t, uint64_t message) {
  tilec::isa::crossCoreSet(message);
}

inline void wait_flag_dev(int64_t flag) { tilec::isa::crossCoreWait(flag); }
