// Independent golden conversions for the numerics tests, written from the
// definitions with double arithmetic (every value involved is exact in a
// double) and searches over the ordered bit patterns of the destination,
// instead of the bit-shifting used by the library.
#pragma once

#include "runtime/numerics/RoundMode.h"

#include <cmath>
#include <cstdint>

namespace tilec::test {

struct Format {
  int expBits;
  int mantBits;
  uint32_t infBits() const { return ((1u << expBits) - 1) << mantBits; }
  uint32_t signBit() const { return 1u << (expBits + mantBits); }
};
inline constexpr Format kF32{8, 23}, kF16{5, 10}, kBf16{8, 7};

/// Value of a non-negative pattern by the textbook formula. The Inf pattern
/// yields 2^(emax+1), the first value beyond the largest finite one, which is
/// exactly where an unbounded exponent range would put the next number.
inline double patternValue(uint32_t magBits, Format f) {
  int bias = (1 << (f.expBits - 1)) - 1;
  uint32_t e = magBits >> f.mantBits;
  double frac = double(magBits & ((1u << f.mantBits) - 1));
  if (e == 0)
    return std::ldexp(frac, 1 - bias - f.mantBits);
  return std::ldexp(frac + std::ldexp(1.0, f.mantBits),
                    int(e) - bias - f.mantBits);
}

/// Decodes a full pattern (with sign) of format f to double; NaN stays NaN.
inline double decodePattern(uint32_t bits, Format f) {
  uint32_t mag = bits & (f.signBit() - 1);
  double v = mag > f.infBits()    ? NAN
             : mag == f.infBits() ? INFINITY
                                  : patternValue(mag, f);
  return (bits & f.signBit()) ? -v : v;
}

/// Rounds a non-NaN double into format f by finding the two neighbouring
/// patterns and choosing between them as the mode defines.
inline uint32_t oracleFloat(double d, Format f, RoundMode mode) {
  uint32_t sign = std::signbit(d) ? f.signBit() : 0;
  double a = std::fabs(d);
  if (std::isinf(a))
    return sign | f.infBits();
  uint32_t lo = 0, top = f.infBits() - 1; // largest finite pattern <= a
  while (lo < top) {
    uint32_t mid = lo + (top - lo + 1) / 2;
    if (patternValue(mid, f) <= a)
      lo = mid;
    else
      top = mid - 1;
  }
  if (patternValue(lo, f) == a)
    return sign | lo;
  uint32_t hi = lo + 1; // may be the Inf pattern
  double midpoint = (patternValue(lo, f) + patternValue(hi, f)) / 2;
  bool neg = sign != 0;
  uint32_t pick = lo;
  switch (mode) {
  case RoundMode::None:
  case RoundMode::Rint:
    pick = a < midpoint ? lo : a > midpoint ? hi : (lo % 2 == 0 ? lo : hi);
    break;
  case RoundMode::Round:
    pick = a < midpoint ? lo : hi;
    break;
  case RoundMode::Floor:
    pick = neg ? hi : lo;
    break;
  case RoundMode::Ceil:
    pick = neg ? lo : hi;
    break;
  case RoundMode::Trunc:
    pick = lo;
    break;
  case RoundMode::Odd:
    pick = lo % 2 == 1 ? lo : hi;
    break;
  }
  return sign | pick;
}

/// Rounds a finite double to an integral double with the mode's definition.
inline double roundIntegral(double v, RoundMode mode) {
  double fl = std::floor(v), frac = v - fl;
  bool flEven = std::fmod(fl, 2.0) == 0;
  if (frac == 0)
    return v;
  switch (mode) {
  case RoundMode::None:
  case RoundMode::Rint:
    return frac < 0.5 ? fl : frac > 0.5 ? fl + 1 : (flEven ? fl : fl + 1);
  case RoundMode::Round:
    return frac < 0.5 ? fl : frac > 0.5 ? fl + 1 : (v > 0 ? fl + 1 : fl);
  case RoundMode::Floor:
    return fl;
  case RoundMode::Ceil:
    return fl + 1;
  case RoundMode::Trunc:
    return v > 0 ? fl : fl + 1;
  case RoundMode::Odd:
    return flEven ? fl + 1 : fl;
  }
  return v;
}

/// Integer conversion golden: returns the low `width` bits of the result.
/// Saturation clamps; wrapping keeps the exact integer modulo 2^width.
/// NaN -> 0 and +-Inf -> max/min in both cases.
inline uint64_t oracleInt(double d, int width, bool isSigned, RoundMode mode,
                          bool saturate) {
  uint64_t mask = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  double minV = isSigned ? -std::ldexp(1.0, width - 1) : 0.0;
  double maxPlusOne = std::ldexp(1.0, isSigned ? width - 1 : width);
  uint64_t maxBits = isSigned ? mask >> 1 : mask;
  uint64_t minBits = isSigned ? (mask >> 1) + 1 : 0;
  if (std::isnan(d))
    return 0;
  if (std::isinf(d))
    return d > 0 ? maxBits : minBits;
  double r = roundIntegral(d, mode);
  if (saturate) {
    if (r >= maxPlusOne)
      return maxBits;
    if (r < minV)
      return minBits;
  }
  double m = std::fmod(r, std::ldexp(1.0, width)); // exact, sign of r
  uint64_t bits = m >= 0 ? uint64_t(m) : 0 - uint64_t(-m);
  return bits & mask;
}

} // namespace tilec::test
