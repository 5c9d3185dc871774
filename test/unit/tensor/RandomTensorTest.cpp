#include "runtime/tensor/RandomTensor.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tilec {
namespace {

std::pair<double, double> range(const HostTensor &t) {
  double lo = INFINITY, hi = -INFINITY;
  for (int64_t i = 0; i < t.numElements(); ++i) {
    lo = std::min(lo, t.elementAsDouble(i));
    hi = std::max(hi, t.elementAsDouble(i));
  }
  return {lo, hi};
}

TEST(RandomTensor, IsDeterministicPerSeedAndName) {
  TensorSpec x{"x", DType::BF16, {16, 16}};
  RandomOptions seed1{1, 0, 0, {}};
  EXPECT_EQ(randomTensor(x, seed1), randomTensor(x, seed1));
  EXPECT_NE(randomTensor(x, seed1), randomTensor(x, RandomOptions{2, 0, 0, {}}));
  EXPECT_NE(randomTensor(x, seed1), randomTensor({"y", DType::BF16, {16, 16}}, seed1));
}

TEST(RandomTensor, DrawsArePinned) {
  // The derivation is documented as portable: these numbers must never change.
  HostTensor t = randomTensor({"a", DType::I8, {6}}, RandomOptions{1, 0, 0, {}});
  std::vector<int8_t> values(t.data<int8_t>(), t.data<int8_t>() + 6);
  EXPECT_EQ(values, (std::vector<int8_t>{-26, 75, -60, -21, 84, 18}));
}

TEST(RandomTensor, FloatsAreUniformInMinusOneOne) {
  for (DType dtype : {DType::F32, DType::BF16, DType::F16}) {
    auto [lo, hi] = range(randomTensor({"w", dtype, {4096}}, {}));
    EXPECT_GE(lo, -1.0);
    EXPECT_LE(hi, 1.0);
    EXPECT_LT(lo, -0.99);
    EXPECT_GT(hi, 0.99);
  }
}

TEST(RandomTensor, ScalesArePositiveAndSmall) {
  auto [lo, hi] = range(randomTensor({"wq_b_scale", DType::F32, {256, 128}}, {}));
  EXPECT_GE(lo, 0.5e-2);
  EXPECT_LE(hi, 1.5e-2);
  EXPECT_LT(lo, 0.51e-2);
  EXPECT_GT(hi, 1.49e-2);
}

TEST(RandomTensor, IntegersCoverTheSymmetricInt8Range) {
  for (DType dtype : {DType::I8, DType::I16, DType::I32, DType::I64}) {
    auto [lo, hi] = range(randomTensor({"b", dtype, {8192}}, {}));
    EXPECT_EQ(lo, -127) << name(dtype);
    EXPECT_EQ(hi, 127) << name(dtype);
  }
  auto [lo, hi] = range(randomTensor({"u", DType::U8, {8192}}, {}));
  EXPECT_EQ(lo, 0);
  EXPECT_EQ(hi, 127);
}

TEST(RandomTensor, RangesComeFromTheOptions) {
  RandomOptions options;
  options.ranges["start_pos"] = {128, 128};
  options.ranges["idx"] = {0, 3};
  options.ranges["x"] = {-0.25, 0.25};
  EXPECT_EQ(randomTensor({"start_pos", DType::I32, {}}, options),
            HostTensor::scalar<int32_t>(128));
  auto [lo, hi] = range(randomTensor({"idx", DType::I32, {4096}}, options));
  EXPECT_EQ(lo, 0);
  EXPECT_EQ(hi, 3);
  auto [flo, fhi] = range(randomTensor({"x", DType::F32, {4096}}, options));
  EXPECT_GE(flo, -0.25);
  EXPECT_LE(fhi, 0.25);
  EXPECT_LT(flo, -0.2);
  EXPECT_GT(fhi, 0.2);
}

TEST(RandomTensor, ScalarsAreNeverZeroByDefault) {
  RandomOptions options;
  for (options.seed = 0; options.seed < 64; ++options.seed) {
    HostTensor i = randomTensor({"n", DType::I32, {}}, options);
    EXPECT_GE(i.at<int32_t>({}), 1);
    EXPECT_LE(i.at<int32_t>({}), 16);
    HostTensor f = randomTensor({"s", DType::F32, {}}, options);
    EXPECT_GE(f.at<float>({}), 0.5f);
    EXPECT_LE(f.at<float>({}), 2.0f);
  }
}

TEST(RandomTensor, PositionsAreConsecutiveWithinTheTable) {
  RandomOptions options;
  options.maxPositions = 8;
  HostTensor p = randomTensor({"positions", DType::I32, {64, 3}}, options);
  for (int64_t b = 0; b < 64; ++b) {
    int32_t start = p.at<int32_t>({b, 0});
    EXPECT_GE(start, 0);
    EXPECT_LE(start, 8 - 3);
    EXPECT_EQ(p.at<int32_t>({b, 1}), start + 1);
    EXPECT_EQ(p.at<int32_t>({b, 2}), start + 2);
  }
  EXPECT_EQ(range(p), (std::pair<double, double>{0, 7}));
}

TEST(RandomTensor, FreqsTablesAreCosSinOfPositionTimesTheta) {
  TensorSpec cosSpec{"freqs_cos", DType::BF16, {16, 32}};
  TensorSpec sinSpec{"freqs_sin", DType::BF16, {16, 32}};
  HostTensor cos = randomTensor(cosSpec, {});
  HostTensor sin = randomTensor(sinSpec, {});
  auto bf16Of = [](double v) { return double(float(bf16(float(v)))); };
  for (int64_t col = 0; col < 32; ++col) {
    EXPECT_EQ(cos.elementAsDouble(cos.linearIndex({0, col})), 1.0);
    EXPECT_EQ(sin.elementAsDouble(sin.linearIndex({0, col})), 0.0);
  }
  double theta3 = std::pow(10000.0, -6.0 / 64.0); // ROPE = 2 · 32 columns
  EXPECT_EQ(cos.elementAsDouble(cos.linearIndex({5, 3})), bf16Of(std::cos(5 * theta3)));
  EXPECT_EQ(sin.elementAsDouble(sin.linearIndex({5, 3})), bf16Of(std::sin(5 * theta3)));

  // A [MAX_POS, ROPE] table for ROPE = 64 repeats its first 32 columns.
  RandomOptions options;
  options.ropeWidth = 64;
  HostTensor wide = randomTensor({"freqs_sin", DType::BF16, {16, 64}}, options);
  for (int64_t col = 0; col < 32; ++col)
    EXPECT_EQ(wide.elementAsDouble(wide.linearIndex({9, col + 32})),
              wide.elementAsDouble(wide.linearIndex({9, col})));
  EXPECT_EQ(wide.elementAsDouble(wide.linearIndex({5, 3})), bf16Of(std::sin(5 * theta3)));
}

} // namespace
} // namespace tilec
