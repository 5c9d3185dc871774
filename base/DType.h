// Element types of tilec tensors and tiles, with their names and sizes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tilec {

enum class DType { BF16, F16, F32, I8, U8, I16, I32, I64 };

inline constexpr DType kAllDTypes[] = {DType::BF16, DType::F16, DType::F32,
                                       DType::I8,   DType::U8,  DType::I16,
                                       DType::I32,  DType::I64};

/// Size of one element in bytes.
constexpr std::size_t sizeOf(DType t) {
  switch (t) {
  case DType::I8:
  case DType::U8:
    return 1;
  case DType::BF16:
  case DType::F16:
  case DType::I16:
    return 2;
  case DType::F32:
  case DType::I32:
    return 4;
  case DType::I64:
    return 8;
  }
  return 0;
}

/// Lower-case spelling used in .tile sources, IR and .npy descriptions.
constexpr std::string_view name(DType t) {
  switch (t) {
  case DType::BF16: return "bf16";
  case DType::F16:  return "f16";
  case DType::F32:  return "f32";
  case DType::I8:   return "i8";
  case DType::U8:   return "u8";
  case DType::I16:  return "i16";
  case DType::I32:  return "i32";
  case DType::I64:  return "i64";
  }
  return "";
}

/// Inverse of name(); exact, case-sensitive match.
constexpr std::optional<DType> parseDType(std::string_view s) {
  for (DType t : kAllDTypes)
    if (name(t) == s)
      return t;
  return std::nullopt;
}

constexpr bool isFloat(DType t) {
  return t == DType::BF16 || t == DType::F16 || t == DType::F32;
}

constexpr bool isInteger(DType t) { return !isFloat(t); }

constexpr bool isSignedInteger(DType t) {
  return isInteger(t) && t != DType::U8;
}

/// Bits of precision: a float's significand bits, the implicit one included;
/// an integer's value bits, the sign excluded.
constexpr unsigned precisionBits(DType t) {
  switch (t) {
  case DType::BF16: return 8;
  case DType::F16:  return 11;
  case DType::F32:  return 24;
  case DType::I8:   return 7;
  case DType::U8:   return 8;
  case DType::I16:  return 15;
  case DType::I32:  return 31;
  case DType::I64:  return 63;
  }
  return 0;
}

/// The largest binary exponent of a float's finite values; an integer's
/// value bits.
constexpr unsigned maxExponent(DType t) {
  switch (t) {
  case DType::BF16:
  case DType::F32: return 127;
  case DType::F16: return 15;
  default: return precisionBits(t);
  }
}

/// True when some values of `from` are not exactly representable in `to`: the
/// conversions that need a rounding mode. Integer to integer conversions
/// saturate or wrap rather than round, so they are not narrowing here. The
/// frontend's cast checks and tile.cast's verifier both ask this.
constexpr bool isNarrowing(DType from, DType to) {
  if (from == to || (isInteger(from) && isInteger(to)))
    return false;
  if (isFloat(from) && isInteger(to))
    return true;
  return precisionBits(to) < precisionBits(from) || maxExponent(to) < maxExponent(from);
}

} // namespace tilec
