// The tolerance rule, its failure reasons, the --tol syntax and the report table.
#include "runtime/compare/Compare.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tilec;

namespace {
HostTensor floats(std::vector<float> values) {
  Shape shape = {int64_t(values.size())};
  return HostTensor::fromValues<float>(shape, values);
}
} // namespace

TEST(Compare, PointPassesWithinAtolPlusRtol) {
  HostTensor expected = floats({100, 1, 0});
  HostTensor actual = floats({101, 1.5f, 0.25f});
  OutputComparison row = compareTensors("y", actual, expected, {0.25, 0.01, 0});
  EXPECT_EQ(row.failing, 1); // only 1.5 vs 1: 0.5 > 0.25 + 0.01
  EXPECT_EQ(row.maxAbsError, 1.0);
  EXPECT_EQ(row.maxRelError, 0.5);
  EXPECT_EQ(row.problem, "too many failing points");
  EXPECT_TRUE(compareTensors("y", actual, expected, {0.25, 0.01, 0.34}).passed());
}

TEST(Compare, NanOrInfFailsWhateverTheTolerance) {
  OutputComparison row = compareTensors("y", floats({NAN, 1}), floats({1, 1}), {1e9, 1, 1});
  EXPECT_EQ(row.problem, "NaN/Inf in actual");
  EXPECT_EQ(row.maxAbsError, INFINITY);
  EXPECT_EQ(compareTensors("y", floats({1}), floats({INFINITY}), {1e9, 1, 0}).failing, 1);
}

TEST(Compare, TypeOrShapeMismatchFailsEveryPoint) {
  OutputComparison row = compareTensors("y", floats({1, 2}), HostTensor(DType::BF16, {2}), {});
  EXPECT_FALSE(row.compared);
  EXPECT_EQ(row.failing, 2);
  EXPECT_EQ(row.problem, "found [2] f32, expected [2] bf16");
}

TEST(Compare, ParsesToleranceSpecs) {
  auto parsed = parseToleranceSpec("q=1e-4,0.0078125,0.005");
  ASSERT_TRUE(bool(parsed));
  EXPECT_EQ(parsed->first, "q");
  EXPECT_EQ(parsed->second.atol, 1e-4);
  EXPECT_EQ(parsed->second.rtol, 0.0078125);
  EXPECT_EQ(parsed->second.ratio, 0.005);
  for (const char *bad : {"q", "=1,2,3", "q=1,2", "q=1,2,3,4", "q=a,0,0", "q=-1,0,0", "q=0,0,2"})
    EXPECT_FALSE(bool(parseToleranceSpec(bad))) << bad;
}

TEST(Compare, QkvRopeDefaultsFollowTheSpec) {
  auto tolerances = defaultTolerances("prefill_qkv_rope");
  EXPECT_EQ(tolerances.at("q").rtol, 1.0 / 128);
  EXPECT_EQ(tolerances.at("qr").atol, 1.0);
  EXPECT_EQ(tolerances.at("qr_scale").atol, 2.5e-5);
  EXPECT_EQ(defaultTolerances("decode_qkv_rope").size(), 4u);
  EXPECT_EQ(defaultTolerances("prefill_qkv_rope_f32qr").size(), 4u);
  EXPECT_TRUE(defaultTolerances("rmsnorm").empty());
}

TEST(Compare, DtypeDefaultsAreExactForIntegersAndStepsForFloats) {
  Tolerance integer = dtypeTolerance(HostTensor::fromValues<int32_t>({2}, {7, -300}));
  EXPECT_EQ(integer.atol, 0);
  EXPECT_EQ(integer.rtol, 0);
  EXPECT_EQ(integer.ratio, 0);

  // f32: 4 ulps of the value, 16 f32 ulps of the largest magnitude (here 2^10).
  Tolerance f32 = dtypeTolerance(floats({-1024, 3, 0.5f}));
  EXPECT_EQ(f32.rtol, std::ldexp(4.0, -23));
  EXPECT_EQ(f32.atol, std::ldexp(16.0 * 1024, -23));
  EXPECT_EQ(f32.ratio, 0);
  // One step of bf16 / f16 at the value.
  EXPECT_EQ(dtypeTolerance(HostTensor::fromValues<bf16>({1}, {bf16(1.0f)})).rtol, 1.0 / 128);
  EXPECT_EQ(dtypeTolerance(HostTensor::fromValues<f16>({1}, {f16(1.0f)})).rtol, 1.0 / 1024);
  // A non-finite expected value does not widen the tolerance of the others.
  EXPECT_EQ(dtypeTolerance(floats({INFINITY, 2})).atol, std::ldexp(32.0, -23));
}

TEST(Compare, DtypeDefaultCatchesAOneOffF32ButNotRoundingNoise) {
  HostTensor expected = floats({1000, -2, 0.001f});
  Tolerance tolerance = dtypeTolerance(expected);
  EXPECT_FALSE(compareTensors("y", floats({1000, -2, 0.01f}), expected, tolerance).passed());
  EXPECT_FALSE(compareTensors("y", floats({1000.25f, -2, 0.001f}), expected, tolerance).passed());
  float noisy = 0.001f + float(std::ldexp(1000.0, -23));
  EXPECT_TRUE(compareTensors("y", floats({std::nextafter(1000.0f, 2000.0f), -2, noisy}), expected,
                             tolerance)
                  .passed());
}

TEST(Compare, FormatsTheTable) {
  std::vector<OutputComparison> rows = {
      compareTensors("y", floats({2, 600}), floats({2, 601}), {0.5, 0, 0})};
  EXPECT_EQ(formatComparisonTable(rows),
            "output        max abs err  max rel err              atol,rtol,ratio          failing / N  verdict\n"
            "y                       1     0.001664                      0.5,0,0                1 / 2  FAIL (too many failing points)\n");
}
