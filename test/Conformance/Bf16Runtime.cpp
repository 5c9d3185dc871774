// The float -> bfloat16 conversion clang calls for `(__bf16)f` on x86 when the
// CPU has no bf16 instructions. libgcc provides it from GCC 13 on; Debian 12's
// libgcc 12 does not, so the harness links this one into every kernel it
// builds. Round to nearest, ties to even, as every bf16 result in the PTO ISA
// (and tilec's numerics) is rounded; NaNs stay NaN (quietened).
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
