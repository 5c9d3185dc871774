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
  EXPECT_TRUE(defaultTolerances("rmsnorm").empty());
}

TEST(Compare, FormatsTheTable) {
  std::vector<OutputComparison> rows = {compareTensors("y", floats({2, 600}), floats({2, 601}), {})};
  EXPECT_EQ(formatComparisonTable(rows),
            "output        max abs err  max rel err          failing / N  verdict\n"
            "y                       1     0.001664                1 / 2  FAIL (too many failing points)\n");
}
