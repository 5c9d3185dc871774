// Proves the harness's bfloat16_t is bfloat16: built with exactly the flags and
// include order the kernels get (conformance.py --bf16-check), it checks that
// pto-isa's bfloat16_t has bf16's 8-bit significand and 8-bit exponent and that
// float -> bf16 rounds to nearest even (Bf16Runtime.cpp), including through
// pto-isa's own TCVT, and that a saturating TCVT from bf16 sees bf16's limits
// (numeric_limits, from the harness's <stdfloat>). With IEEE half in its place
// the first checks fail.
#include <pto/pto-inst.hpp>

#include <cstdio>
#include <cstring>

using namespace pto;

namespace {

int failures = 0;

uint16_t bitsOf(bfloat16_t value) {
  uint16_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

void expectBits(const char *what, float input, uint16_t expected) {
  // volatile: the conversion must happen at run time, through __truncsfbf2.
  volatile float in = input;
  uint16_t actual = bitsOf(bfloat16_t(in));
  if (actual != expected) {
    std::printf("FAIL: %s: bf16(%a) = 0x%04x, expected 0x%04x\n", what, double(input), actual,
                expected);
    ++failures;
  }
}

} // namespace

int main() {
  static_assert(sizeof(bfloat16_t) == 2, "bfloat16_t is not 2 bytes");
  expectBits("1 + 2^-8 ties to even (down)", 1.00390625f, 0x3f80);
  expectBits("1 + 3 * 2^-8 ties to even (up)", 1.01171875f, 0x3f82);
  expectBits("just above a tie rounds up", 0x1.020002p0f, 0x3f81);
  expectBits("2^100 (beyond half's range)", 0x1p100f, 0x7180);
  expectBits("-2^-130 (a bf16 subnormal)", -0x1p-130f, 0x8008);
  expectBits("largest float overflows to inf", 3.4028235e38f, 0x7f80);
  expectBits("NaN stays a quiet NaN", __builtin_nanf("0x1"), 0x7fc0);

  // The same conversions through pto-isa's TCVT (f32 tile -> bf16 tile, CAST_RINT).
  using F32Tile = Tile<TileType::Vec, float, 1, 8>;
  using Bf16Tile = Tile<TileType::Vec, bfloat16_t, 1, 16, BLayout::RowMajor, 1, 8>;
  F32Tile src;
  Bf16Tile dst;
  TASSIGN(src, 0x0);
  TASSIGN(dst, 0x100);
  const float inputs[8] = {1.00390625f, 1.01171875f,   0x1.020002p0f, 0x1p100f,
                           -0x1p-130f,  3.4028235e38f, 1.0f,          -2.0f};
  const uint16_t expected[8] = {0x3f80, 0x3f82, 0x3f81, 0x7180, 0x8008, 0x7f80, 0x3f80, 0xc000};
  std::memcpy(src.data(), inputs, sizeof inputs);
  TCVT(dst, src, RoundMode::CAST_RINT);
  for (int i = 0; i < 8; ++i) {
    uint16_t actual = bitsOf(dst.data()[i]);
    if (actual != expected[i]) {
      std::printf("FAIL: TCVT f32 -> bf16 of %a = 0x%04x, expected 0x%04x\n", double(inputs[i]),
                  actual, expected[i]);
      ++failures;
    }
  }
  // A saturating TCVT clamps to numeric_limits<bfloat16_t>: bf16 -> i32, CAST_FLOOR.
  using I32Tile = Tile<TileType::Vec, int32_t, 1, 8>;
  Bf16Tile floors;
  I32Tile ints;
  TASSIGN(floors, 0x200);
  TASSIGN(ints, 0x300);
  const float values[8] = {-0.5f, -1.5f, 2.75f, 0.25f, -3.0f, 100.5f, -0.0f, 1.0f};
  const int32_t floored[8] = {-1, -2, 2, 0, -3, 100, 0, 1};
  for (int i = 0; i < 8; ++i)
    floors.data()[i] = bfloat16_t(values[i]);
  TCVT(ints, floors, RoundMode::CAST_FLOOR, SaturationMode::ON);
  for (int i = 0; i < 8; ++i)
    if (ints.data()[i] != floored[i]) {
      std::printf("FAIL: saturating TCVT bf16 -> i32 floor of %g = %d, expected %d\n",
                  double(values[i]), ints.data()[i], floored[i]);
      ++failures;
    }
  if (failures == 0)
    std::printf("bfloat16_t is bf16: 7 conversions and TCVT round to nearest even; a saturating "
                "TCVT to i32 floors within bf16's limits\n");
  return failures == 0 ? 0 : 1;
}
