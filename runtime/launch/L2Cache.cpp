#include "runtime/launch/L2Cache.h"

#include <algorithm>
#include <stdexcept>

namespace tilec::launch {

L2Cache::L2Cache(uint64_t capacityBytes, uint32_t lineBytes)
    : lineBytes_(lineBytes), capacityLines_(uint32_t(capacityBytes / lineBytes)) {
  if (lineBytes == 0 || capacityLines_ == 0)
    throw std::invalid_argument("an L2 needs a line size and room for one line");
}

void L2Cache::unlink(uint32_t slot) {
  (prev_[slot] == kNone ? head_ : next_[prev_[slot]]) = next_[slot];
  (next_[slot] == kNone ? tail_ : prev_[next_[slot]]) = prev_[slot];
}

void L2Cache::pushFront(uint32_t slot) {
  prev_[slot] = kNone;
  next_[slot] = head_;
  (head_ == kNone ? tail_ : prev_[head_]) = slot;
  head_ = slot;
}

uint32_t L2Cache::touch(uint64_t line, bool &hit, L2Traffic &traffic) {
  if (line >= slotOf_.size())
    slotOf_.resize(std::max<uint64_t>(line + 1, 2 * slotOf_.size()), kNone);
  uint32_t slot = slotOf_[line];
  hit = slot != kNone;
  if (hit) {
    if (slot == head_)
      return slot;
    unlink(slot);
  } else if (lineOf_.size() < capacityLines_) {
    slot = uint32_t(lineOf_.size());
    lineOf_.push_back(line);
    prev_.push_back(kNone);
    next_.push_back(kNone);
    dirty_.push_back(false);
    slotOf_[line] = slot;
  } else {
    slot = tail_;
    unlink(slot);
    if (dirty_[slot]) {
      traffic.hbmWriteBytes += lineBytes_;
      --dirtyLines_;
    }
    slotOf_[lineOf_[slot]] = kNone;
    lineOf_[slot] = line;
    dirty_[slot] = false;
    slotOf_[line] = slot;
  }
  pushFront(slot);
  return slot;
}

void L2Cache::read(uint64_t begin, uint64_t end, L2Traffic &traffic) {
  traffic.readBytes += end - begin;
  for (uint64_t line = begin / lineBytes_; line * lineBytes_ < end; ++line) {
    uint64_t overlap = std::min(end, (line + 1) * lineBytes_) -
                       std::max(begin, line * lineBytes_);
    bool hit;
    touch(line, hit, traffic);
    if (hit)
      traffic.hitBytes += overlap;
    else
      traffic.hbmReadBytes += lineBytes_;
  }
}

void L2Cache::write(uint64_t begin, uint64_t end, L2Traffic &traffic) {
  traffic.writeBytes += end - begin;
  for (uint64_t line = begin / lineBytes_; line * lineBytes_ < end; ++line) {
    bool hit;
    uint32_t slot = touch(line, hit, traffic);
    if (!dirty_[slot]) {
      dirty_[slot] = true;
      ++dirtyLines_;
    }
  }
}

void L2Cache::access(const isa::GmAccess &a, uint64_t modelBase, L2Traffic &traffic) {
  // Each row of the view is one contiguous run, or `cols` single elements
  // when its columns are not adjacent.
  auto span = [&](int64_t offset, int64_t bytes) {
    uint64_t begin = modelBase + uint64_t(offset);
    if (a.write)
      write(begin, begin + uint64_t(bytes), traffic);
    else
      read(begin, begin + uint64_t(bytes), traffic);
  };
  const bool contiguous = a.colStride == a.elemBytes;
  for (int64_t i0 = 0; i0 < a.shape[0]; ++i0)
    for (int64_t i1 = 0; i1 < a.shape[1]; ++i1)
      for (int64_t i2 = 0; i2 < a.shape[2]; ++i2)
        for (int64_t i3 = 0; i3 < a.shape[3]; ++i3) {
          int64_t row = i0 * a.stride[0] + i1 * a.stride[1] + i2 * a.stride[2] +
                        i3 * a.stride[3];
          if (contiguous)
            span(row, a.cols * a.elemBytes);
          else
            for (int64_t c = 0; c < a.cols; ++c)
              span(row + c * a.colStride, a.elemBytes);
        }
}

L2Traffic L2Cache::replay(const isa::GmRegistry &gm,
                          const std::vector<std::vector<isa::GmAccess>> &blockLogs) {
  struct Ref {
    double cycle;
    uint32_t block, index;
  };
  std::vector<Ref> order;
  for (uint32_t b = 0; b < blockLogs.size(); ++b)
    for (uint32_t i = 0; i < blockLogs[b].size(); ++i)
      order.push_back({blockLogs[b][i].cycle, b, i});
  std::stable_sort(order.begin(), order.end(),
                   [](const Ref &x, const Ref &y) { return x.cycle < y.cycle; });
  L2Traffic traffic;
  for (const Ref &ref : order) {
    const isa::GmAccess &a = blockLogs[ref.block][ref.index];
    // The instruction checked that its view lies inside one tensor.
    const isa::GmRegistry::Tensor *t = gm.find(reinterpret_cast<const void *>(a.base));
    if (!t)
      continue;
    access(a, t->modelBegin + (a.base - t->begin), traffic);
  }
  return traffic;
}

} // namespace tilec::launch
