// Per-core on-chip memories (byte arrays of the target's real sizes) and the
// registry of GM tensors the launcher allocated, used for bounds checks.
#pragma once

#include "base/TargetDescription.h"
#include "runtime/isa/LaunchAbi.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace tilec::isa {

using target::MemSpace;

constexpr bool hasSpace(CoreKind kind, MemSpace m) {
  if (m == MemSpace::GM || kind == CoreKind::Mixed)
    return true;
  if (m == MemSpace::UB)
    return kind == CoreKind::Vector;
  return kind == CoreKind::Cube;
}

class CoreMemory {
public:
  CoreMemory(const target::TargetDescription &t, CoreKind kind) {
    for (int i = 1; i < target::kNumMemSpaces; ++i) {
      MemSpace m = MemSpace(i);
      if (!hasSpace(kind, m))
        continue;
      size_[i] = t.capacityOf(m);
      // 64-byte aligned so vector loops on tile rows start aligned.
      data_[i].reset(new (std::align_val_t(64)) std::byte[size_[i]]());
    }
  }

  std::byte *base(MemSpace m) const { return data_[int(m)].get(); }
  uint64_t size(MemSpace m) const { return size_[int(m)]; }

private:
  struct AlignedDelete {
    void operator()(std::byte *p) const {
      ::operator delete[](p, std::align_val_t(64));
    }
  };
  std::array<std::unique_ptr<std::byte[], AlignedDelete>, target::kNumMemSpaces>
      data_;
  std::array<uint64_t, target::kNumMemSpaces> size_{};
};

/// GM tensors by address range. Filled by the launcher before the run and
/// only read while cores run, so it is shared by every core without locks.
class GmRegistry {
public:
  struct Tensor {
    uintptr_t begin, end;
    std::string name;
    /// Where the tensor starts in a modelled GM address space: tensors in
    /// registration order, each 4 KiB aligned, so the L2 model's lines do not
    /// depend on where the host allocated them.
    uint64_t modelBegin;
  };

  void add(const void *base, uint64_t bytes, std::string name) {
    uintptr_t b = reinterpret_cast<uintptr_t>(base);
    tensors_.push_back({b, b + bytes, std::move(name), nextModelBegin_});
    nextModelBegin_ += (bytes + kModelAlign - 1) / kModelAlign * kModelAlign;
  }

  /// The tensor that contains `ptr`, or nullptr.
  const Tensor *find(const void *ptr) const {
    uintptr_t p = reinterpret_cast<uintptr_t>(ptr);
    for (const Tensor &t : tensors_)
      if (p >= t.begin && p < t.end)
        return &t;
    return nullptr;
  }

private:
  static constexpr uint64_t kModelAlign = 4096;
  std::vector<Tensor> tensors_;
  uint64_t nextModelBegin_ = 0;
};

} // namespace tilec::isa
