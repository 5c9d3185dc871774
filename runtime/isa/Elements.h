// Per-element load/store between storage types and the type vector
// arithmetic is done in: f16/bf16 compute in f32 (exact for both) and round
// back to nearest-even, as the hardware does; integers compute in int64 and
// wrap back to their width. The f16 and bf16 paths are bit-exact with
// runtime/numerics (checked in the unit tests) but cheap enough to vectorise.
#pragma once

#include "runtime/isa/PtoTypes.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace tilec::isa {

inline float halfToFloat(pto::half h) {
  _Float16 v;
  std::memcpy(&v, &h.bits, sizeof v);
  return float(v);
}

inline pto::half floatToHalf(float f) {
  if (f != f) // NaN payload rules come from the numerics library
    return pto::half::fromFloat(f);
  _Float16 v = _Float16(f);
  pto::half h;
  std::memcpy(&h.bits, &v, sizeof v);
  return h;
}

inline float bf16ToFloat(pto::bfloat16_t b) {
  uint32_t bits = uint32_t(b.bits) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// Round to nearest even by adding 0x7fff plus the kept lsb; a carry into the
/// exponent gives the right result up to and including overflow to Inf.
inline pto::bfloat16_t floatToBf16(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  if ((bits & 0x7fffffffu) > 0x7f800000u)
    return pto::bfloat16_t::fromFloat(f);
  bits += 0x7fffu + ((bits >> 16) & 1u);
  return pto::bfloat16_t::fromBits(uint16_t(bits >> 16));
}

/// The type vector arithmetic on T runs in.
template <typename T> struct ComputeOf {
  using type = std::conditional_t<std::is_integral_v<T>, int64_t, T>;
};
template <> struct ComputeOf<pto::half> { using type = float; };
template <> struct ComputeOf<pto::bfloat16_t> { using type = float; };
template <typename T> using ComputeT = typename ComputeOf<T>::type;

template <typename T> inline ComputeT<T> load(T v) {
  if constexpr (std::is_same_v<T, pto::half>)
    return halfToFloat(v);
  else if constexpr (std::is_same_v<T, pto::bfloat16_t>)
    return bf16ToFloat(v);
  else
    return ComputeT<T>(v);
}

template <typename T> inline T store(ComputeT<T> v) {
  if constexpr (std::is_same_v<T, pto::half>)
    return floatToHalf(v);
  else if constexpr (std::is_same_v<T, pto::bfloat16_t>)
    return floatToBf16(v);
  else if constexpr (std::is_integral_v<T>)
    return T(std::make_unsigned_t<T>(uint64_t(v))); // wrap to the width
  else
    return v;
}

} // namespace tilec::isa
