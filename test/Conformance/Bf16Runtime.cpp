// The float and double -> bfloat16 conversions clang calls for `(__bf16)x` on
// x86 when the CPU has no bf16 instructions. libgcc provides them from GCC 13
// on; Debian 12's libgcc 12 does not, so the harness links these into every
// kernel it builds. Round to nearest, ties to even, as every bf16 result in the
// PTO ISA (and tilec's numerics) is rounded; NaNs stay NaN (quietened).
#include <cmath>
#include <cstdint>
#include <cstring>

extern "C" __bf16 __truncsfbf2(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  uint16_t result;
  if ((bits & 0x7fffffffu) > 0x7f800000u)
    result = uint16_t((bits >> 16) | 0x0040u);
  else
    result = uint16_t((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
  return __builtin_bit_cast(__bf16, result);
}

// Through float rounded to odd (truncated, its last bit set when inexact): with
// 16 bits more than bf16, the second rounding then cannot land on a false tie.
// pto-isa's saturating TCVT converts its clamped source back from double.
extern "C" __bf16 __truncdfbf2(double value) {
  float narrowed = float(value);
  if (double(narrowed) != value && !std::isnan(value)) {
    if (std::fabs(double(narrowed)) > std::fabs(value))
      narrowed = std::nextafter(narrowed, 0.0f);
    uint32_t bits;
    std::memcpy(&bits, &narrowed, sizeof bits);
    bits |= 1u;
    std::memcpy(&narrowed, &bits, sizeof bits);
  }
  return __truncsfbf2(narrowed);
}
