#include "runtime/tensor/HostTensor.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tilec {
namespace {

TEST(HostTensor, ScalarHasOneElementAndRankZero) {
  HostTensor t = HostTensor::scalar<int32_t>(128);
  EXPECT_EQ(t.rank(), 0);
  EXPECT_EQ(t.numElements(), 1);
  EXPECT_EQ(t.byteSize(), 4u);
  EXPECT_EQ(t.at<int32_t>({}), 128);
  EXPECT_TRUE(t.strides().empty());
}

TEST(HostTensor, ZeroFilledWithRowMajorStrides) {
  HostTensor t(DType::I16, {2, 3, 4});
  EXPECT_EQ(t.numElements(), 24);
  EXPECT_EQ(t.byteSize(), 48u);
  EXPECT_EQ(t.strides(), (Shape{12, 4, 1}));
  EXPECT_EQ(t.linearIndex({1, 2, 3}), 23);
  for (int64_t i = 0; i < t.numElements(); ++i)
    EXPECT_EQ(t.data<int16_t>()[i], 0);
}

TEST(HostTensor, ByteSizeFollowsDType) {
  for (DType dtype : kAllDTypes)
    EXPECT_EQ(HostTensor(dtype, {3, 5}).byteSize(), 15 * sizeOf(dtype)) << name(dtype);
}

TEST(HostTensor, EmptyDimensionHoldsNothing) {
  HostTensor t(DType::F32, {4, 0});
  EXPECT_EQ(t.numElements(), 0);
  EXPECT_EQ(t.byteSize(), 0u);
}

TEST(HostTensor, AtWritesTheRowMajorElement) {
  HostTensor t(DType::F32, {2, 3});
  t.at<float>({1, 0}) = 7.5f;
  EXPECT_EQ(t.data<float>()[3], 7.5f);
  EXPECT_EQ(t.elementAsDouble(3), 7.5);
}

TEST(HostTensor, ElementAsDoubleDecodesEveryDType) {
  EXPECT_EQ(HostTensor::scalar(bf16::fromBits(0x3F80)).elementAsDouble(0), 1.0);
  EXPECT_EQ(HostTensor::scalar(bf16::fromBits(0xC040)).elementAsDouble(0), -3.0);
  EXPECT_EQ(HostTensor::scalar(f16::fromBits(0x3C00)).elementAsDouble(0), 1.0);
  EXPECT_EQ(HostTensor::scalar(0.25f).elementAsDouble(0), 0.25);
  EXPECT_EQ(HostTensor::scalar<int8_t>(-127).elementAsDouble(0), -127.0);
  EXPECT_EQ(HostTensor::scalar<uint8_t>(255).elementAsDouble(0), 255.0);
  EXPECT_EQ(HostTensor::scalar<int16_t>(-300).elementAsDouble(0), -300.0);
  EXPECT_EQ(HostTensor::scalar<int32_t>(1 << 30).elementAsDouble(0), double(1 << 30));
  EXPECT_EQ(HostTensor::scalar<int64_t>(-(int64_t(1) << 40)).elementAsDouble(0),
            -double(int64_t(1) << 40));
  EXPECT_TRUE(std::isnan(HostTensor::scalar(bf16::fromBits(0x7FC0)).elementAsDouble(0)));
}

TEST(HostTensor, ConvertToRoundsToNearestEven) {
  // 1 + 2^-8 is halfway between bf16 1.0 and 1 + 2^-7: ties go to the even 1.0.
  HostTensor f = HostTensor::fromValues<float>({3}, {1.0f + 0x1p-8f, 1.0f + 3 * 0x1p-8f, -2.0f});
  HostTensor b = f.convertTo(DType::BF16, RoundMode::Rint);
  EXPECT_EQ(b.shape(), (Shape{3}));
  EXPECT_EQ(b.data<bf16>()[0].bits, 0x3F80);
  EXPECT_EQ(b.data<bf16>()[1].bits, 0x3F82);
  EXPECT_EQ(b.data<bf16>()[2].bits, 0xC000);
}

TEST(HostTensor, EqualityComparesDTypeShapeAndBytes) {
  HostTensor a = HostTensor::fromValues<int32_t>({2}, {1, 2});
  EXPECT_EQ(a, HostTensor::fromValues<int32_t>({2}, {1, 2}));
  EXPECT_NE(a, HostTensor::fromValues<int32_t>({2}, {1, 3}));
  EXPECT_NE(a, HostTensor::fromValues<int32_t>({2, 1}, {1, 2}));
  EXPECT_NE(a, HostTensor::fromValues<float>({2}, {1, 2}));
}

TEST(Shape, Formats) {
  EXPECT_EQ(formatShape({}), "[]");
  EXPECT_EQ(formatShape({5}), "[5]");
  EXPECT_EQ(formatShape({128, 4096}), "[128, 4096]");
}

} // namespace
} // namespace tilec
