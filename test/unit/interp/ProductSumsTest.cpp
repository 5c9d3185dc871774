// The blocked, vectorised, threaded product sums against the straightforward
// triple loop: bit-identical for every shape, including partial register tiles
// and several k slices, and for sums whose rounding depends on the order.
#include "runtime/interp/ProductSums.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace tilec::interp;

namespace {

/// The rule as written: each sum from its start value, k in order.
std::vector<double> straightforward(const std::vector<double> &lhs, const std::vector<double> &rhs,
                                    std::vector<double> sums, int64_t rows, int64_t inner,
                                    int64_t cols) {
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t k = 0; k < inner; ++k)
        sums[size_t(i * cols + j)] += lhs[size_t(i * inner + k)] * rhs[size_t(k * cols + j)];
  return sums;
}

/// Values of widely different magnitudes, so that most sums round and any
/// change of order changes their last bits.
std::vector<double> values(size_t n, std::mt19937_64 &engine) {
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::vector<double> result(n);
  for (double &v : result)
    v = std::ldexp(double(float(mantissa(engine))), exponent(engine));
  return result;
}

bool bitIdentical(const std::vector<double> &a, const std::vector<double> &b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

struct Shape3 {
  int64_t rows, inner, cols;
};

TEST(ProductSums, BitIdenticalToTheTripleLoop) {
  std::mt19937_64 engine(7);
  // Full and partial 4×16 register tiles, several 64-row and 128-column task
  // blocks, and more than one 256-deep k slice.
  for (Shape3 s : {Shape3{1, 1, 1}, Shape3{4, 3, 16}, Shape3{5, 17, 33}, Shape3{3, 600, 7},
                   Shape3{70, 300, 150}, Shape3{128, 513, 260}}) {
    std::vector<double> lhs = values(size_t(s.rows * s.inner), engine);
    std::vector<double> rhs = values(size_t(s.inner * s.cols), engine);
    std::vector<double> start = values(size_t(s.rows * s.cols), engine);
    std::vector<double> expected = straightforward(lhs, rhs, start, s.rows, s.inner, s.cols);
    std::vector<double> actual = start;
    addProductsInOrder(lhs.data(), rhs.data(), actual.data(), s.rows, s.inner, s.cols);
    EXPECT_TRUE(bitIdentical(actual, expected))
        << "rows " << s.rows << ", inner " << s.inner << ", cols " << s.cols;
  }
}

TEST(ProductSums, OrderIsObservable) {
  // 2^53 + 1 − 2^53 is 0 in k order (2^53 + 1 rounds to 2^53) but 1 if the
  // last two terms were added first: a kernel that reassociated fails this,
  // in a full register tile as at the edge.
  for (int64_t cols : {16, 3}) {
    std::vector<double> lhs;
    for (int row = 0; row < 4; ++row)
      lhs.insert(lhs.end(), {std::ldexp(1.0, 53), 1.0, -std::ldexp(1.0, 53)});
    std::vector<double> rhs(size_t(3 * cols), 1.0);
    std::vector<double> sums(size_t(4 * cols), 0.0);
    addProductsInOrder(lhs.data(), rhs.data(), sums.data(), 4, 3, cols);
    EXPECT_EQ(sums, std::vector<double>(size_t(4 * cols), 0.0)) << cols << " columns";
  }
}

TEST(ProductSums, EmptyInnerDimensionKeepsTheStart) {
  std::vector<double> sums = {1.5, -2.0};
  addProductsInOrder(nullptr, nullptr, sums.data(), 1, 0, 2);
  EXPECT_EQ(sums, (std::vector<double>{1.5, -2.0}));
}

} // namespace
