// Rounding and saturation modes of a conversion (the TCVT RoundMode and
// SaturationMode of the PTO tile ISA).
#pragma once

#include <optional>
#include <string_view>

namespace tilec {

/// How a value that is not representable in the destination is rounded.
/// None is the hardware's "no explicit mode": it behaves as Rint whenever the
/// conversion is inexact (see docs/numerics.md).
enum class RoundMode {
  None,  ///< as Rint
  Rint,  ///< nearest, ties to even
  Round, ///< nearest, ties away from zero
  Floor, ///< toward -inf
  Ceil,  ///< toward +inf
  Trunc, ///< toward zero
  Odd,   ///< toward zero, then set the lowest bit if anything was discarded
};

inline constexpr RoundMode kAllRoundModes[] = {
    RoundMode::None,  RoundMode::Rint,  RoundMode::Round, RoundMode::Floor,
    RoundMode::Ceil,  RoundMode::Trunc, RoundMode::Odd};

constexpr std::string_view name(RoundMode m) {
  switch (m) {
  case RoundMode::None:  return "none";
  case RoundMode::Rint:  return "rint";
  case RoundMode::Round: return "round";
  case RoundMode::Floor: return "floor";
  case RoundMode::Ceil:  return "ceil";
  case RoundMode::Trunc: return "trunc";
  case RoundMode::Odd:   return "odd";
  }
  return "";
}

constexpr std::optional<RoundMode> parseRoundMode(std::string_view s) {
  for (RoundMode m : kAllRoundModes)
    if (name(m) == s)
      return m;
  return std::nullopt;
}

/// Whether out-of-range integer results clamp (On) or wrap (Off). Default
/// picks the a2a3 hardware default for the type pair (see Convert.h).
enum class Saturation { Default, On, Off };

constexpr std::string_view name(Saturation s) {
  switch (s) {
  case Saturation::Default: return "default";
  case Saturation::On:      return "on";
  case Saturation::Off:     return "off";
  }
  return "";
}

constexpr std::optional<Saturation> parseSaturation(std::string_view s) {
  for (Saturation v : {Saturation::Default, Saturation::On, Saturation::Off})
    if (name(v) == s)
      return v;
  return std::nullopt;
}

} // namespace tilec
