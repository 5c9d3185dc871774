//===- HostMemory.cpp - does a run's data fit in this machine's memory? ---===//
#include "HostMemory.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace tilec::run {
namespace {
uint64_t elementCount(const interp::KernelParameter &parameter) {
  uint64_t count = 1;
  for (int64_t dim : parameter.shape)
    count *= uint64_t(dim);
  return count;
}

std::string formatBytes(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
  return text;
}
} // namespace

uint64_t bytesNeeded(const std::vector<interp::KernelParameter> &parameters, bool interpreter) {
  uint64_t bytes = 0;
  for (const interp::KernelParameter &parameter : parameters)
    bytes += elementCount(parameter) * (sizeOf(parameter.dtype) + (interpreter ? 8 : 0));
  return bytes;
}

std::optional<uint64_t> availableBytes() {
  // /proc/meminfo's MemAvailable counts reclaimable caches, which free pages
  // alone would not.
  if (auto meminfo = llvm::MemoryBuffer::getFileAsStream("/proc/meminfo")) {
    llvm::StringRef text = (*meminfo)->getBuffer();
    size_t at = text.find("MemAvailable:");
    uint64_t kib = 0;
    if (at != llvm::StringRef::npos &&
        !text.substr(at + 13).ltrim().take_while(llvm::isDigit).getAsInteger(10, kib))
      return kib * 1024;
  }
  long pages = ::sysconf(_SC_AVPHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && pageSize > 0)
    return uint64_t(pages) * uint64_t(pageSize);
  return std::nullopt;
}

std::optional<std::string>
memoryShortfall(const std::vector<interp::KernelParameter> &parameters, uint64_t needed,
                uint64_t available) {
  if (needed <= available)
    return std::nullopt;
  std::vector<const interp::KernelParameter *> largest;
  for (const interp::KernelParameter &parameter : parameters)
    largest.push_back(&parameter);
  std::stable_sort(largest.begin(), largest.end(), [](auto *a, auto *b) {
    return elementCount(*a) * sizeOf(a->dtype) > elementCount(*b) * sizeOf(b->dtype);
  });
  std::string names;
  for (size_t i = 0; i < std::min<size_t>(largest.size(), 3); ++i)
    names += (i ? ", " : "") + largest[i]->name + " " +
             formatBytes(elementCount(*largest[i]) * sizeOf(largest[i]->dtype));
  return "the run needs at least " + formatBytes(needed) + " of host memory (largest: " + names +
         ") but " + formatBytes(available) +
         " is available; shrink the shapes (e.g. -D on the kernel's consts)";
}

std::optional<std::string>
hostMemoryShortfall(const std::vector<interp::KernelParameter> &parameters, bool interpreter) {
  std::optional<uint64_t> available = availableBytes();
  if (!available)
    return std::nullopt;
  return memoryShortfall(parameters, bytesNeeded(parameters, interpreter), *available);
}

void reportOutOfMemoryCleanly() {
  llvm::install_bad_alloc_error_handler([](void *, const char *, bool) {
    static const char message[] =
        "tile-run: error: out of host memory while running the kernel; shrink the shapes\n";
    (void)!::write(2, message, sizeof message - 1);
    ::_exit(1);
  });
}

} // namespace tilec::run
