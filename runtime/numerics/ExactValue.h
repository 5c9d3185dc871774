// The exact-value core behind every conversion: a source element is decoded
// into sign * mag * 2^exp2 (or Inf/NaN) without loss, then encoded into the
// destination format with one rounding step. Only integer arithmetic is used,
// so results never depend on the host FPU rounding mode or on the compiler.
// Callers normally use Convert.h; this header is its implementation.
#pragma once

#include "runtime/numerics/RoundMode.h"

#include <cstdint>
#include <cstring>

namespace tilec::detail {

inline uint32_t floatToBits(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

inline float bitsToFloat(uint32_t b) {
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

/// An IEEE-style binary format: 1 sign bit, expBits, mantBits stored bits.
struct FloatFormat {
  int expBits;
  int mantBits;
  constexpr int bias() const { return (1 << (expBits - 1)) - 1; }
  constexpr uint32_t expMask() const { return (1u << expBits) - 1; }
  constexpr uint32_t signBit() const { return 1u << (expBits + mantBits); }
  constexpr uint32_t infBits() const { return expMask() << mantBits; }
  constexpr uint32_t maxFiniteBits() const { return infBits() - 1; }
};
inline constexpr FloatFormat kF32Format{8, 23};
inline constexpr FloatFormat kF16Format{5, 10};
inline constexpr FloatFormat kBf16Format{8, 7};

enum class ValueClass : uint8_t { Finite, Inf, NaN };

/// Finite: (-1)^neg * mag * 2^exp2 exactly. NaN: mag holds the payload
/// left-aligned to the 23 fraction bits of f32.
struct ExactValue {
  ValueClass cls;
  bool neg;
  uint64_t mag;
  int exp2;
};

inline ExactValue decodeFloat(uint32_t bits, FloatFormat f) {
  bool neg = (bits & f.signBit()) != 0;
  uint32_t exp = (bits >> f.mantBits) & f.expMask();
  uint64_t frac = bits & ((1u << f.mantBits) - 1);
  if (exp == f.expMask()) {
    if (frac == 0)
      return {ValueClass::Inf, neg, 0, 0};
    return {ValueClass::NaN, neg, frac << (23 - f.mantBits), 0};
  }
  if (exp == 0) // zero or subnormal: no implicit bit, minimum exponent
    return {ValueClass::Finite, neg, frac, 1 - f.bias() - f.mantBits};
  return {ValueClass::Finite, neg, frac | (uint64_t{1} << f.mantBits),
          int(exp) - f.bias() - f.mantBits};
}

inline ExactValue decodeInt(int64_t v) {
  // 0 - unsigned is well defined and gives |INT64_MIN| = 2^63 correctly.
  uint64_t mag = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  return {ValueClass::Finite, v < 0, mag, 0};
}

inline int highestSetBit(uint64_t x) { return 63 - __builtin_clzll(x); }

/// mag / 2^shift (shift > 0) rounded to an integer with `mode`; `neg` is the
/// sign of the value mag stands for (it matters for Floor and Ceil).
inline uint64_t roundShiftRight(uint64_t mag, int shift, bool neg,
                                RoundMode mode) {
  uint64_t kept, rem, half;
  if (shift >= 64) {
    kept = 0;
    // Below one half unless shift == 64 and the top bit is set.
    rem = shift == 64 ? mag : (mag != 0);
    half = shift == 64 ? uint64_t{1} << 63 : 2;
  } else {
    kept = mag >> shift;
    rem = mag & ((uint64_t{1} << shift) - 1);
    half = uint64_t{1} << (shift - 1);
  }
  if (rem == 0)
    return kept;
  bool up = false;
  switch (mode) {
  case RoundMode::None:
  case RoundMode::Rint:
    up = rem > half || (rem == half && (kept & 1));
    break;
  case RoundMode::Round:
    up = rem >= half;
    break;
  case RoundMode::Floor:
    up = neg;
    break;
  case RoundMode::Ceil:
    up = !neg;
    break;
  case RoundMode::Trunc:
    break;
  case RoundMode::Odd:
    return kept | 1;
  }
  return kept + up;
}

/// The result of a finite value too large for the format, per rounding mode:
/// nearest modes go to Inf, directed modes stop at the largest finite value
/// unless they round away from zero (Floor of a negative, Ceil of a positive).
inline uint32_t overflowBits(bool neg, FloatFormat f, RoundMode mode) {
  bool toInf = mode == RoundMode::None || mode == RoundMode::Rint ||
               mode == RoundMode::Round ||
               (mode == RoundMode::Floor && neg) ||
               (mode == RoundMode::Ceil && !neg);
  return (neg ? f.signBit() : 0) | (toInf ? f.infBits() : f.maxFiniteBits());
}

/// Rounds `v` into format `f`. NaN becomes a quiet NaN keeping the sign and
/// the top payload bits; Inf and signed zero are preserved.
inline uint32_t encodeFloat(const ExactValue &v, FloatFormat f,
                            RoundMode mode) {
  uint32_t sign = v.neg ? f.signBit() : 0;
  if (v.cls == ValueClass::NaN)
    return sign | f.infBits() | (1u << (f.mantBits - 1)) |
           uint32_t(v.mag >> (23 - f.mantBits));
  if (v.cls == ValueClass::Inf)
    return sign | f.infBits();
  if (v.mag == 0)
    return sign;
  const int m = f.mantBits;
  const int emin = 1 - f.bias();
  int e = highestSetBit(v.mag) + v.exp2; // value is in [2^e, 2^(e+1))
  if (e > f.bias())
    return overflowBits(v.neg, f, mode);
  // Exponent of the destination's unit in the last place at this magnitude.
  int q = (e < emin ? emin : e) - m;
  int shift = q - v.exp2;
  uint64_t sig = shift <= 0 ? v.mag << -shift
                            : roundShiftRight(v.mag, shift, v.neg, mode);
  // sig includes the implicit bit for normals, so adding it to the exponent
  // field minus one encodes normals, subnormals, and a carry out of the
  // mantissa (which bumps the exponent) with the same formula.
  uint32_t bits = (uint32_t(q + m + f.bias() - 1) << m) + uint32_t(sig);
  if (bits >= f.infBits())
    return overflowBits(v.neg, f, mode);
  return sign | bits;
}

/// An integer destination: width in bits and signedness.
struct IntFormat {
  int width;
  bool isSigned;
  constexpr uint64_t mask() const {
    return width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  }
  constexpr uint64_t maxBits() const {
    return isSigned ? mask() >> 1 : mask();
  }
  constexpr uint64_t minBits() const {
    return isSigned ? (mask() >> 1) + 1 : 0; // two's complement minimum
  }
};

/// Rounds `v` to an integer with `mode`, then clamps to the range
/// (saturate) or keeps the exact integer modulo 2^width (wrap). Returns the
/// two's complement bits in the low `width` bits. NaN gives 0 and +-Inf the
/// max/min whether or not saturating: they have no residue to wrap.
inline uint64_t encodeInt(const ExactValue &v, IntFormat f, RoundMode mode,
                          bool saturate) {
  if (v.cls == ValueClass::NaN)
    return 0;
  if (v.cls == ValueClass::Inf)
    return v.neg ? f.minBits() : f.maxBits();
  uint64_t low;           // the rounded magnitude modulo 2^64
  bool beyond64 = false;  // whether the rounded magnitude is >= 2^64
  if (v.exp2 >= 0) {
    beyond64 = v.mag != 0 &&
               (v.exp2 >= 64 || (v.exp2 > 0 && (v.mag >> (64 - v.exp2)) != 0));
    low = v.exp2 >= 64 ? 0 : v.mag << v.exp2;
  } else {
    low = roundShiftRight(v.mag, -v.exp2, v.neg, mode);
  }
  if (saturate) {
    if (!v.neg) {
      if (beyond64 || low > f.maxBits())
        return f.maxBits();
    } else {
      uint64_t limit = f.isSigned ? f.minBits() : 0; // largest |negative|
      if (beyond64 || low > limit)
        return f.minBits();
    }
  }
  return (v.neg ? 0 - low : low) & f.mask();
}

} // namespace tilec::detail
