// Exact, deterministic conversions between tilec element types for every
// RoundMode and Saturation (rules in docs/numerics.md).
//
// Scalar helpers are inline so the runtime can call them per element; the
// array entry point convert() handles any DType pair.
#pragma once

#include "base/DType.h"
#include "runtime/numerics/ConversionRules.h"
#include "runtime/numerics/ExactValue.h"
#include "runtime/numerics/Float16.h"
#include "runtime/numerics/RoundMode.h"

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace tilec {

/// Converts n elements of type `from` at src into type `to` at dst, with the
/// same results as the scalar helpers below. Any DType pair is accepted (use
/// isLegalOnA2A3 to restrict to the hardware's). The buffers need no
/// alignment and must not overlap.
void convert(DType from, const void *src, DType to, void *dst, std::size_t n,
             RoundMode mode, Saturation sat);

namespace detail {
inline ExactValue exactOf(float v) {
  return decodeFloat(floatToBits(v), kF32Format);
}
inline ExactValue exactOf(f16 v) { return decodeFloat(v.bits, kF16Format); }
inline ExactValue exactOf(bf16 v) { return decodeFloat(v.bits, kBf16Format); }
template <typename Int, std::enable_if_t<std::is_integral_v<Int>, int> = 0>
ExactValue exactOf(Int v) {
  return decodeInt(int64_t(v));
}

/// Two's complement bits of `width` -> signed value, without relying on
/// implementation-defined narrowing.
template <typename Int> Int signedFromBits(uint64_t bits) {
  constexpr int width = sizeof(Int) * 8;
  constexpr uint64_t signBit = uint64_t{1} << (width - 1);
  constexpr uint64_t mask = signBit | (signBit - 1);
  if (!(bits & signBit))
    return Int(bits);
  // Negative: -(2^width - bits), computed within the signed range.
  uint64_t magMinusOne = ~bits & mask;
  return Int(-Int(magMinusOne) - 1);
}

template <typename Int, typename Src>
Int toInt(Src v, RoundMode mode, bool saturate) {
  constexpr IntFormat fmt{int(sizeof(Int) * 8), Int(-1) < Int(0)};
  uint64_t bits = encodeInt(exactOf(v), fmt, mode, saturate);
  if constexpr (fmt.isSigned)
    return signedFromBits<Int>(bits);
  else
    return Int(bits);
}
} // namespace detail

// --- float -> float -------------------------------------------------------
inline float bf16ToF32(bf16 v) { return float(v); }
inline float f16ToF32(f16 v) { return float(v); }
inline bf16 f32ToBf16(float v, RoundMode mode = RoundMode::Rint) {
  return bf16::fromFloat(v, mode);
}
inline f16 f32ToF16(float v, RoundMode mode = RoundMode::Rint) {
  return f16::fromFloat(v, mode);
}

// --- float -> int (saturate: clamp, else wrap modulo 2^width) --------------
inline int64_t f32ToI64(float v, RoundMode mode, bool saturate) {
  return detail::toInt<int64_t>(v, mode, saturate);
}
inline int32_t f32ToI32(float v, RoundMode mode, bool saturate) {
  return detail::toInt<int32_t>(v, mode, saturate);
}
inline int16_t f32ToI16(float v, RoundMode mode, bool saturate) {
  return detail::toInt<int16_t>(v, mode, saturate);
}
inline int32_t f16ToI32(f16 v, RoundMode mode, bool saturate) {
  return detail::toInt<int32_t>(v, mode, saturate);
}
inline int16_t f16ToI16(f16 v, RoundMode mode, bool saturate) {
  return detail::toInt<int16_t>(v, mode, saturate);
}
inline int8_t f16ToI8(f16 v, RoundMode mode, bool saturate) {
  return detail::toInt<int8_t>(v, mode, saturate);
}
inline uint8_t f16ToU8(f16 v, RoundMode mode, bool saturate) {
  return detail::toInt<uint8_t>(v, mode, saturate);
}
inline int32_t bf16ToI32(bf16 v, RoundMode mode, bool saturate) {
  return detail::toInt<int32_t>(v, mode, saturate);
}

// --- int -> float ---------------------------------------------------------
inline float i32ToF32(int32_t v, RoundMode mode = RoundMode::Rint) {
  return detail::bitsToFloat(detail::encodeFloat(
      detail::decodeInt(v), detail::kF32Format,
      effectiveRoundMode(mode, DType::I32, DType::F32)));
}
/// The "deq" path: always rounds to nearest even, overflows to +-Inf.
inline f16 i32ToF16(int32_t v) {
  return f16::fromBits(uint16_t(detail::encodeFloat(
      detail::decodeInt(v), detail::kF16Format, RoundMode::Rint)));
}
/// Exact: every int8 is an f16.
inline f16 i8ToF16(int8_t v) { return i32ToF16(v); }

// --- int -> int -----------------------------------------------------------
inline int64_t i32ToI64(int32_t v) { return v; }
inline int32_t i64ToI32(int64_t v, bool saturate) {
  return detail::toInt<int32_t>(v, RoundMode::Rint, saturate);
}
inline int16_t i32ToI16(int32_t v, bool saturate) {
  return detail::toInt<int16_t>(v, RoundMode::Rint, saturate);
}

} // namespace tilec
