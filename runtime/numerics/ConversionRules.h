// Which conversions the a2a3 vector unit (TCVT) performs, and its default
// saturation, per ISA-NOTES.md "Conversions (TCVT) on a2a3".
#pragma once

#include "base/DType.h"
#include "runtime/numerics/RoundMode.h"

namespace tilec {

/// True if TCVT on a2a3 converts `from` to `to` directly (identity included).
/// The compiler rejects any other cast; convert() itself accepts every pair.
constexpr bool isLegalOnA2A3(DType from, DType to) {
  if (from == to)
    return true;
  switch (from) {
  case DType::F32:
    return to == DType::F16 || to == DType::BF16 || to == DType::I16 ||
           to == DType::I32 || to == DType::I64;
  case DType::F16:
    return to == DType::F32 || to == DType::I32 || to == DType::I16 ||
           to == DType::I8 || to == DType::U8;
  case DType::BF16:
    return to == DType::F32 || to == DType::I32;
  case DType::I32:
    return to == DType::F32 || to == DType::I16 || to == DType::I64 ||
           to == DType::F16;
  case DType::I8:
    return to == DType::F16;
  default:
    return false;
  }
}

/// The hardware default: saturation is off for f16->i8, f16->u8, i64->i32
/// and i32->i16, on for every other pair.
constexpr bool saturatesByDefault(DType from, DType to) {
  bool wraps = (from == DType::F16 && (to == DType::I8 || to == DType::U8)) ||
               (from == DType::I64 && to == DType::I32) ||
               (from == DType::I32 && to == DType::I16);
  return !wraps;
}

/// Whether a from->to conversion with `s` clamps out-of-range integers.
constexpr bool resolveSaturation(Saturation s, DType from, DType to) {
  return s == Saturation::Default ? saturatesByDefault(from, to)
                                  : s == Saturation::On;
}

/// The mode actually applied: None rounds as Rint, and the i32->f16 "deq"
/// path always rounds as Rint whatever mode is asked for.
constexpr RoundMode effectiveRoundMode(RoundMode m, DType from, DType to) {
  if (m == RoundMode::None || (from == DType::I32 && to == DType::F16))
    return RoundMode::Rint;
  return m;
}

} // namespace tilec
