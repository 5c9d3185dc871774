//===- HostMemory.h - does a run's data fit in this machine's memory? -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_HOSTMEMORY_H
#define TILEC_TOOLS_TILE_RUN_HOSTMEMORY_H

#include "runtime/interp/KernelSignature.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tilec::run {

/// Bytes the run holds at least: every parameter as a host tensor and, when
/// the interpreter runs too, every parameter again as its 8-byte values.
uint64_t bytesNeeded(const std::vector<interp::KernelParameter> &parameters, bool interpreter);

/// Memory the kernel can still take (MemAvailable), nullopt when unknown.
std::optional<uint64_t> availableBytes();

/// An error message when `needed` bytes do not fit in `available`, naming both
/// and the largest parameters; nullopt when they fit.
std::optional<std::string>
memoryShortfall(const std::vector<interp::KernelParameter> &parameters, uint64_t needed,
                uint64_t available);

/// The error message when the run's tensors do not fit in the memory available
/// now (bytesNeeded, with the interpreter's copies when `interpreter`);
/// nullopt when they fit or the available memory is unknown. tile-run and the
/// Python package check this before drawing or allocating anything.
std::optional<std::string> hostMemoryShortfall(const std::vector<interp::KernelParameter> &parameters,
                                               bool interpreter);

/// Makes an allocation failure (an intermediate larger than the estimate) end
/// the process with a one-line error and exit code 1 instead of a crash report.
void reportOutOfMemoryCleanly();

} // namespace tilec::run

#endif
