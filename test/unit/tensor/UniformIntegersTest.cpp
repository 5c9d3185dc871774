// The division-free remainder and rejection of UniformIntegers against the
// straightforward `draw % range` loop it replaces.
#include "runtime/tensor/UniformIntegers.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace tilec {
namespace {

constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();

TEST(UniformIntegers, RemainderEqualsTheModulo) {
  std::mt19937_64 engine(3);
  std::vector<uint64_t> draws = {0, 1, 2, 254, 255, 256, kMax - 1, kMax, uint64_t(1) << 63};
  for (int i = 0; i < 2000; ++i)
    draws.push_back(engine());
  std::vector<uint64_t> ranges = {1, 2, 3, 7, 16, 255, 256, 8065, uint64_t(1) << 32,
                                  (uint64_t(1) << 32) + 1, uint64_t(1) << 63, kMax - 1, kMax};
  for (int i = 0; i < 50; ++i)
    ranges.push_back(engine() >> (i % 64));
  for (uint64_t range : ranges) {
    if (range == 0)
      continue;
    // [0, range − 1] as signed bounds: range − 1 may exceed INT64_MAX.
    UniformIntegers integers(0, int64_t(range - 1));
    for (uint64_t draw : draws)
      ASSERT_EQ(integers.remainder(draw), draw % range) << draw << " % " << range;
  }
}

TEST(UniformIntegers, ValuesEqualTheRejectionLoop) {
  for (auto [lo, hi] : {std::pair<int64_t, int64_t>{-127, 127}, {0, 0}, {1, 16}, {-5, 8191},
                        {INT64_MIN / 2, INT64_MAX / 2}}) {
    std::mt19937_64 engine(11), reference(11);
    UniformIntegers integers(lo, hi);
    uint64_t range = uint64_t(hi) - uint64_t(lo) + 1;
    uint64_t limit = kMax - kMax % range;
    for (int i = 0; i < 1000; ++i) {
      uint64_t draw;
      do
        draw = reference();
      while (draw >= limit);
      ASSERT_EQ(integers(engine), int64_t(uint64_t(lo) + draw % range)) << lo << ".." << hi;
    }
  }
}

} // namespace
} // namespace tilec
