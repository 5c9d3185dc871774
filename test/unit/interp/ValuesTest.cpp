// The interpreter's element rounding, integer wrapping, broadcasting and host conversion.
#include "runtime/interp/Broadcast.h"
#include "runtime/interp/Values.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tilec;
using namespace tilec::interp;

TEST(InterpValues, WrapSignedIsTwosComplement) {
  EXPECT_EQ(wrapSigned(127, 8), 127);
  EXPECT_EQ(wrapSigned(128, 8), -128);
  EXPECT_EQ(wrapSigned(-129, 8), 127);
  EXPECT_EQ(wrapSigned(int64_t(1) << 31, 32), INT32_MIN);
  EXPECT_EQ(wrapSigned(int64_t(3) * INT32_MAX, 32), 2147483645);
  EXPECT_EQ(wrapSigned(INT64_MIN, 64), INT64_MIN);
}

TEST(InterpValues, WrapToDTypeKeepsLargeProductsExact) {
  // 2^40 + 5 is not representable after a trip through a 32-bit float.
  EXPECT_EQ(wrapToDType(DType::I32, (int64_t(1) << 40) + 5), 5.0);
  EXPECT_EQ(wrapToDType(DType::I8, -1), -1.0);
  EXPECT_EQ(wrapToDType(DType::U8, -1), 255.0);
}

TEST(InterpValues, RoundToDTypeRoundsToNearestEven) {
  EXPECT_EQ(roundToDType(DType::BF16, 1.00390625), 1.0);       // tie -> even
  EXPECT_EQ(roundToDType(DType::BF16, 1.01171875), 1.015625);  // tie -> even
  EXPECT_EQ(roundToDType(DType::F16, 65520.0), INFINITY);      // overflow under rint
  EXPECT_EQ(roundToDType(DType::F32, 0.1), double(0.1f));
  EXPECT_TRUE(std::isnan(roundToDType(DType::BF16, NAN)));
}

TEST(InterpValues, HostRoundTripIsExact) {
  HostTensor host = HostTensor::fromValues<bf16>({3}, {bf16::fromBits(0x3F81), bf16::fromBits(0x8001),
                                                       bf16::fromBits(0x7F80)});
  Tensor tensor = fromHost(host);
  EXPECT_EQ(tensor.elements[0], 1.0078125);
  EXPECT_EQ(toHost(tensor), host);
  HostTensor ints = HostTensor::fromValues<int32_t>({2}, {INT32_MIN, INT32_MAX});
  EXPECT_EQ(toHost(fromHost(ints)), ints);
}

TEST(InterpBroadcast, FollowsNumpyRules) {
  Tensor column(DType::F32, {2, 1});
  column.elements = {1, 2};
  Tensor expanded = broadcastTo(column, {3, 2, 2});
  EXPECT_EQ(expanded.shape, (Shape{3, 2, 2}));
  EXPECT_EQ(expanded.elements, (std::vector<double>{1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2}));
  Tensor scalar(DType::I32, {});
  scalar.elements = {7};
  EXPECT_EQ(broadcastTo(scalar, {2}).elements, (std::vector<double>{7, 7}));
}
