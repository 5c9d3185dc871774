// The calling convention between a generated file's launch trampolines and
// host program and whatever runs them, with no dependency on the model: the
// CPU model (runtime/launch) implements it, and so does the pto-isa
// conformance harness (test/Conformance), which compiles the same file
// against pto-isa's headers. See docs/runtime-isa.md, "Launch ABI".
//
// A task's trampoline is
//
//   extern "C" void tilec_task_<name>(tilec::isa::CoreContext *core,
//                                     void *const *gm,        // GM tensors
//                                     const int64_t *scalars, // scalar args
//                                     int32_t block_idx, int32_t block_dim);
//
// It binds `core` to the calling thread (tilec::isa::BindCore, defined by
// the implementation) and calls the task's AI Core kernel.
//
// Scalar ABI (kernel `scalars` and task `scalars` alike): every scalar is one
// int64_t slot. index and i32 values are stored sign-extended; an f32 value is
// stored as its IEEE bit pattern in the low 32 bits with the high 32 bits
// zero (floatToScalar / scalarToFloat below).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace tilec::isa {

/// Which on-chip memories a core has: an AIC has L1/L0A/L0B/L0C, an AIV has
/// UB; Mixed (unit tests, a5 experiments) has all of them.
enum class CoreKind : uint8_t { Cube, Vector, Mixed };

/// "aic", "aiv" or "aic+aiv" (a mixed launch), as reports spell them.
inline const char *coreKindName(CoreKind kind) {
  switch (kind) {
  case CoreKind::Cube:
    return "aic";
  case CoreKind::Vector:
    return "aiv";
  case CoreKind::Mixed:
    return "aic+aiv";
  }
  return "?";
}

/// The core a block runs on; each implementation defines it.
class CoreContext;

using TaskEntry = void (*)(CoreContext *core, void *const *gm,
                           const int64_t *scalars, int32_t blockIdx,
                           int32_t blockDim);

/// Symbol of the task named `name` is kTaskSymbolPrefix + name.
inline constexpr const char kTaskSymbolPrefix[] = "tilec_task_";

} // namespace tilec::isa

namespace tilec::runtime {

/// What a generated kernel's host program (`tilec_kernel_<name>`) may ask of
/// the host it runs on: GM scratch buffers and task launches. Launches run
/// in the order they are issued, each after the previous one finished.
class HostApi {
public:
  virtual ~HostApi() = default;
  virtual void *allocScratch(size_t bytes, const char *name) = 0;
  virtual void launch(const char *task, tilec::isa::TaskEntry entry,
                      tilec::isa::CoreKind core, int32_t blocks,
                      void *const *gm, int32_t numGm, const int64_t *scalars,
                      int32_t numScalars) = 0;
  /// A mixed launch (`ascend.launch_mixed`): each block runs `cubeEntry` on
  /// a cluster's AIC and `vectorEntry` on its AIVs at once, meeting through
  /// GM and cross-core flags. A host that cannot run one says so.
  virtual void launchMixed(const char *task, tilec::isa::TaskEntry cubeEntry,
                           tilec::isa::TaskEntry vectorEntry, int32_t blocks, void *const *gm,
                           int32_t numGm, const int64_t *scalars, int32_t numScalars) {
    throw std::runtime_error(std::string("mixed launch '") + task +
                             "': this host runs no mixed launches (no cross-core flags)");
  }
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
