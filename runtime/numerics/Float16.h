// The two 16-bit float storage types: bf16 (1-8-7, the fp32 exponent range)
// and f16 (IEEE binary16, 1-5-10). Both are plain bit containers; arithmetic
// is done in float, which holds every value of either type exactly.
#pragma once

#include "runtime/numerics/ExactValue.h"

#include <cstdint>

namespace tilec {

struct bf16 {
  uint16_t bits = 0;

  bf16() = default;
  /// Rounds to nearest, ties to even.
  explicit bf16(float v) : bf16(fromFloat(v)) {}
  static constexpr bf16 fromBits(uint16_t b) {
    bf16 r;
    r.bits = b;
    return r;
  }
  static bf16 fromFloat(float v, RoundMode mode = RoundMode::Rint) {
    return fromBits(uint16_t(detail::encodeFloat(
        detail::decodeFloat(detail::floatToBits(v), detail::kF32Format),
        detail::kBf16Format, mode)));
  }
  /// Exact: bf16 is the upper half of an f32.
  explicit operator float() const {
    return detail::bitsToFloat(uint32_t(bits) << 16);
  }
};

struct f16 {
  uint16_t bits = 0;

  f16() = default;
  /// Rounds to nearest, ties to even.
  explicit f16(float v) : f16(fromFloat(v)) {}
  static constexpr f16 fromBits(uint16_t b) {
    f16 r;
    r.bits = b;
    return r;
  }
  static f16 fromFloat(float v, RoundMode mode = RoundMode::Rint) {
    return fromBits(uint16_t(detail::encodeFloat(
        detail::decodeFloat(detail::floatToBits(v), detail::kF32Format),
        detail::kF16Format, mode)));
  }
  /// Exact: every f16 is an f32.
  explicit operator float() const {
    return detail::bitsToFloat(detail::encodeFloat(
        detail::decodeFloat(bits, detail::kF16Format), detail::kF32Format,
        RoundMode::Rint));
  }
};

static_assert(sizeof(bf16) == 2 && sizeof(f16) == 2,
              "bf16/f16 arrays must match the 2-byte storage layout");

} // namespace tilec
