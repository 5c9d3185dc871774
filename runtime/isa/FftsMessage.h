// The message word of a cross-core flag set, `ffts_cross_core_sync(pipe,
// getFFTSMsg(CV_CORES_SYNC, flag))`, spelled as pto-isa's a2a3 headers spell
// it (getFFTSMsg in pto/npu/a2a3/TSync.hpp, TSyncCVMode in TPush.hpp), so the
// emitted C++ compiles against them as it is. Depends on nothing else: the
// CPU model (CrossCoreSync.h) and the pto-isa conformance harness's
// stand-ins for the calls pto-isa's CPU simulator lacks
// (test/Conformance/CrossCoreStandIns.h) both encode and decode it here.
#pragma once

#include <cstdint>

namespace pto {

/// Which cores a cross-core flag synchronises (the message's mode field).
enum TSyncCVMode : uint8_t {
  CUBE_ALL_CORE_SYNC = 0,
  VEC_ALL_CORE_SYNC = 0,
  VEC_SUBCORES_SYNC = 1,
  CV_CORES_SYNC = 2, ///< an AIC and the AIVs of its cluster
};

/// The message: the base count in bits 0-3, the mode in bits 4-5, the flag
/// id in bits 8-11.
inline uint16_t getFFTSMsg(uint16_t mode, uint16_t eventId, uint16_t baseConst = 0x1) {
  return uint16_t((baseConst & 0xf) | ((mode & 0x3) << 4) | ((eventId & 0xf) << 8));
}

} // namespace pto

namespace tilec::isa {

/// The mode field of a getFFTSMsg message.
inline int fftsMessageMode(uint64_t message) { return int((message >> 4) & 0x3); }

/// The flag id of a getFFTSMsg message.
inline int fftsMessageFlag(uint64_t message) { return int((message >> 8) & 0xf); }

} // namespace tilec::isa
