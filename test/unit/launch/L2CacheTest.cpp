// The L2 model: hits and line fills, LRU eviction, write-allocate and
// write-back, hand-offs that stay resident or spill, and the replay order of
// a launch's blocks.
#include "runtime/launch/L2Cache.h"

#include <gtest/gtest.h>

#include <vector>

namespace tilec::launch {
namespace {

constexpr uint32_t kLine = 512;

TEST(L2CacheTest, AMissFillsWholeLinesAndTheNextReadHits) {
  L2Cache l2(64 * kLine, kLine);
  L2Traffic first, second;
  l2.read(100, 1100, first); // lines 0, 1 and 2
  EXPECT_EQ(first.readBytes, 1000u);
  EXPECT_EQ(first.hitBytes, 0u);
  EXPECT_EQ(first.hbmReadBytes, 3u * kLine);
  l2.read(0, 1536, second);
  EXPECT_EQ(second.hitBytes, 1536u);
  EXPECT_EQ(second.hbmBytes(), 0u);
  EXPECT_EQ(l2.residentBytes(), 3u * kLine);
}

TEST(L2CacheTest, TheLeastRecentlyUsedLineIsEvicted) {
  L2Cache l2(2 * kLine, kLine);
  L2Traffic t;
  l2.read(0, kLine, t);             // line 0
  l2.read(kLine, 2 * kLine, t);     // line 1
  l2.read(0, kLine, t);             // line 0 again: line 1 is now the oldest
  l2.read(2 * kLine, 3 * kLine, t); // line 2 evicts line 1
  EXPECT_EQ(t.hbmReadBytes, 3u * kLine);
  L2Traffic again;
  l2.read(0, kLine, again); // still resident
  EXPECT_EQ(again.hitBytes, uint64_t(kLine));
  l2.read(kLine, 2 * kLine, again); // evicted: filled again
  EXPECT_EQ(again.hbmReadBytes, uint64_t(kLine));
}

TEST(L2CacheTest, WritesAllocateDirtyLinesWrittenBackOnEviction) {
  L2Cache l2(2 * kLine, kLine);
  L2Traffic t;
  l2.write(0, 2 * kLine, t);
  EXPECT_EQ(t.writeBytes, 2u * kLine);
  EXPECT_EQ(t.hbmBytes(), 0u);
  EXPECT_EQ(l2.dirtyBytes(), 2u * kLine);
  l2.read(0, kLine, t); // the written line is read from the L2
  EXPECT_EQ(t.hitBytes, uint64_t(kLine));
  l2.read(4 * kLine, 5 * kLine, t); // evicts dirty line 1
  EXPECT_EQ(t.hbmWriteBytes, uint64_t(kLine));
  EXPECT_EQ(l2.dirtyBytes(), uint64_t(kLine));
  l2.read(6 * kLine, 7 * kLine, t); // evicts dirty line 0
  EXPECT_EQ(t.hbmWriteBytes, 2u * kLine);
  EXPECT_EQ(l2.dirtyBytes(), 0u);
  l2.read(8 * kLine, 9 * kLine, t); // evicts a clean line: no write-back
  EXPECT_EQ(t.hbmWriteBytes, 2u * kLine);
}

/// A producer writes `bytes`, then a consumer reads them back.
L2Traffic handOff(uint64_t capacity, uint64_t bytes) {
  L2Cache l2(capacity, kLine);
  L2Traffic t;
  for (uint64_t at = 0; at < bytes; at += 4 * kLine)
    l2.write(at, at + 4 * kLine, t);
  for (uint64_t at = 0; at < bytes; at += 4 * kLine)
    l2.read(at, at + 4 * kLine, t);
  return t;
}

TEST(L2CacheTest, AResidentHandOffCostsNoHbmAndASpillingOneDoes) {
  const uint64_t bytes = 256 * kLine;
  L2Traffic resident = handOff(2 * bytes, bytes);
  EXPECT_EQ(resident.hitBytes, bytes);
  EXPECT_EQ(resident.hbmBytes(), 0u);

  // Half the capacity: by the time the consumer starts, the first half was
  // written back, and LRU then evicts each line just before it is read.
  L2Traffic spilled = handOff(bytes / 2, bytes);
  EXPECT_EQ(spilled.hitBytes, 0u);
  EXPECT_EQ(spilled.hbmReadBytes, bytes);
  EXPECT_EQ(spilled.hbmWriteBytes, bytes);
}

isa::GmAccess rowAccess(uintptr_t base, int64_t bytes, double cycle, bool write) {
  isa::GmAccess a;
  a.cycle = cycle;
  a.base = base;
  a.cols = bytes;
  a.colStride = 1;
  a.elemBytes = 1;
  a.write = write;
  return a;
}

TEST(L2CacheTest, AReplayOrdersTheBlocksByCycle) {
  std::vector<char> tensor(4 * kLine);
  isa::GmRegistry gm;
  gm.add(tensor.data(), tensor.size(), "t");
  const uintptr_t base = reinterpret_cast<uintptr_t>(tensor.data());
  // Block 1 writes the tensor, block 0 reads it: whichever starts first
  // decides whether the read hits.
  auto replay = [&](double readCycle, double writeCycle) {
    L2Cache l2(64 * kLine, kLine);
    return l2.replay(gm, {{rowAccess(base, 4 * kLine, readCycle, false)},
                          {rowAccess(base, 4 * kLine, writeCycle, true)}});
  };
  L2Traffic readLate = replay(10, 0);
  EXPECT_EQ(readLate.hitBytes, 4u * kLine);
  EXPECT_EQ(readLate.hbmBytes(), 0u);
  L2Traffic readFirst = replay(0, 10);
  EXPECT_EQ(readFirst.hitBytes, 0u);
  EXPECT_EQ(readFirst.hbmReadBytes, 4u * kLine);
  // Equal cycles: the lower block goes first.
  EXPECT_EQ(replay(5, 5).hitBytes, 0u);
}

TEST(L2CacheTest, AReplayWalksStridedRowsAndUsesModelAddresses) {
  // Two tensors, each at a different host address in the two runs: the lines
  // are those of the modelled GM (tensors 4 KiB aligned in registration
  // order), so the traffic is the same.
  auto run = [](size_t hostOffset) {
    std::vector<char> memory(64 * kLine + hostOffset);
    char *first = memory.data() + hostOffset, *second = first + 8 * kLine + 100;
    isa::GmRegistry gm;
    gm.add(first, 8 * kLine, "a");
    gm.add(second, 8 * kLine, "b");
    // 4 rows of 64 bytes, 1024 bytes apart, in each tensor: one line per row.
    isa::GmAccess a = rowAccess(reinterpret_cast<uintptr_t>(first), 64, 0, false);
    a.shape[3] = 4;
    a.stride[3] = 1024;
    isa::GmAccess b = a;
    b.base = reinterpret_cast<uintptr_t>(second);
    L2Cache l2(64 * kLine, kLine);
    return l2.replay(gm, {{a, b}});
  };
  for (size_t offset : {0, 7, 300}) {
    L2Traffic t = run(offset);
    EXPECT_EQ(t.readBytes, 8u * 64);
    EXPECT_EQ(t.hbmReadBytes, 8u * kLine) << "host offset " << offset;
  }
}

} // namespace
} // namespace tilec::launch
