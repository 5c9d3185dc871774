// What a generated kernel's host program (`tilec_kernel_<name>`) may ask of
// the host it runs on: GM scratch buffers and task launches. The launcher
// (runtime/launch) implements it on the CPU model; launches run in the order
// they are issued, each after the previous one finished.
//
// Scalar ABI (kernel `scalars` and task `scalars` alike): every scalar is one
// int64_t slot. index and i32 values are stored sign-extended; an f32 value is
// stored as its IEEE bit pattern in the low 32 bits with the high 32 bits
// zero (floatToScalar / scalarToFloat below).
#pragma once

#include "runtime/isa/Launch.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace tilec::runtime {

class HostApi {
public:
  virtual ~HostApi() = default;
  virtual void *allocScratch(size_t bytes, const char *name) = 0;
  virtual void launch(const char *task, tilec::isa::TaskEntry entry,
                      tilec::isa::CoreKind core, int32_t blocks,
                      void *const *gm, int32_t numGm, const int64_t *scalars,
                      int32_t numScalars) = 0;
};

/// The scalar slot holding f32 `value`.
inline int64_t floatToScalar(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return int64_t(bits);
}

/// The f32 held in a scalar slot.
inline float scalarToFloat(int64_t slot) {
  const uint32_t bits = uint32_t(uint64_t(slot));
  float value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

} // namespace tilec::runtime
