// TCVT: element type conversion with an explicit RoundMode and saturation,
// restricted to the pairs the target converts. Every result equals the
// numerics library's (runtime/numerics/Convert.h); common round-to-nearest
// pairs take cheap paths that give the same bits.
#pragma once

#include "runtime/isa/Elements.h"
#include "runtime/isa/Instruction.h"
#include "runtime/numerics/Convert.h"

#include <cmath>
#include <limits>
#include <type_traits>

namespace tilec::isa {

/// Exact conversion through the numerics library's decode/encode core.
template <typename To, typename From>
To convertExact(From v, tilec::RoundMode mode, bool saturate) {
  tilec::RoundMode m = effectiveRoundMode(mode, dtypeOf<From>, dtypeOf<To>);
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_integral_v<To>) {
    return tilec::detail::toInt<To>(v, m, saturate);
  } else {
    constexpr tilec::detail::FloatFormat fmt =
        std::is_same_v<To, float>       ? tilec::detail::kF32Format
        : std::is_same_v<To, pto::half> ? tilec::detail::kF16Format
                                        : tilec::detail::kBf16Format;
    uint32_t bits = tilec::detail::encodeFloat(tilec::detail::exactOf(v), fmt, m);
    if constexpr (std::is_same_v<To, float>)
      return tilec::detail::bitsToFloat(bits);
    else
      return To::fromBits(uint16_t(bits));
  }
}

/// One element, with fast paths for the conversions kernels use most.
template <typename To, typename From>
To convertElement(From v, tilec::RoundMode mode, bool saturate) {
  const bool nearest =
      mode == tilec::RoundMode::Rint || mode == tilec::RoundMode::None;
  if constexpr (std::is_same_v<From, pto::bfloat16_t> ||
                std::is_same_v<From, pto::half>) {
    if constexpr (std::is_same_v<To, float>)
      return load(v); // exact
  }
  if constexpr (std::is_same_v<From, float>) {
    if constexpr (std::is_same_v<To, pto::bfloat16_t>) {
      if (nearest)
        return floatToBf16(v);
    } else if constexpr (std::is_same_v<To, pto::half>) {
      if (nearest)
        return floatToHalf(v);
    } else if constexpr (std::is_same_v<To, int32_t>) {
      if (nearest && v >= -2147483648.0f && v < 2147483648.0f)
        return int32_t(std::nearbyint(v)); // default FE mode: ties to even
    }
  }
  if constexpr (std::is_same_v<From, int32_t>) {
    constexpr int32_t exactInF32 = 1 << 24;
    if (v > -exactInF32 && v < exactInF32) {
      if constexpr (std::is_same_v<To, float>)
        return float(v);
      else if constexpr (std::is_same_v<To, pto::half>)
        return floatToHalf(float(v)); // the deq path always rounds to even
    }
  }
  if constexpr (std::is_same_v<From, pto::half> && std::is_integral_v<To> &&
                sizeof(To) == 1) {
    float f = halfToFloat(v);
    float r = mode == tilec::RoundMode::Trunc ? std::trunc(f)
              : nearest                       ? std::nearbyint(f)
                                              : NAN;
    if (r >= float(std::numeric_limits<To>::min()) &&
        r <= float(std::numeric_limits<To>::max()))
      return To(r);
  }
  if constexpr (std::is_same_v<From, int8_t> && std::is_same_v<To, pto::half>)
    return floatToHalf(float(v)); // exact
  return convertExact<To>(v, mode, saturate);
}

template <typename Dst, typename Src>
void convertTile(Dst &dst, Src &src, pto::RoundMode mode, tilec::Saturation sat) {
  using To = typename Dst::DType;
  using From = typename Src::DType;
  static_assert(Dst::Loc == pto::TileType::Vec && Src::Loc == pto::TileType::Vec &&
                    Dst::isRowMajor && Src::isRowMajor &&
                    Dst::SFractal == pto::SLayout::NoneBox &&
                    Src::SFractal == pto::SLayout::NoneBox,
                "TCVT converts row-major Vec tiles");
  Instruction ins("TCVT", Pipe::V);
  constexpr DType from = dtypeOf<From>, to = dtypeOf<To>;
  if (!ins.target().isLegalCvt(from, to))
    ins.fail("TCVT " + std::string(tilec::name(from)) + " -> " +
             std::string(tilec::name(to)) + " is not supported on " +
             std::string(ins.target().name));
  ins.read(src, "src");
  ins.write(dst, "dst");
  checkSameValid(ins, dst, "dst", src, "src");
  const tilec::RoundMode m = toRoundMode(mode);
  const bool saturate = resolveSaturation(sat, from, to);
  for (int r = 0; r < dst.GetValidRow(); ++r) {
    To *d = dst.data() + size_t(r) * Dst::Cols;
    const From *x = src.data() + size_t(r) * Src::Cols;
    for (int c = 0; c < dst.GetValidCol(); ++c)
      d[c] = convertElement<To>(x[c], m, saturate);
  }
  constexpr int wider = sizeof(To) > sizeof(From) ? sizeof(To) : sizeof(From);
  ins.vector(VecOp::Convert, dst.GetValidRow(), dst.GetValidCol(), wider);
}

} // namespace tilec::isa

namespace pto {

template <typename D, typename S>
RecordEvent TCVT(D &dst, S &src, RoundMode mode) {
  tilec::isa::convertTile(dst, src, mode, tilec::Saturation::Default);
  return {};
}

template <typename D, typename S>
RecordEvent TCVT(D &dst, S &src, RoundMode mode, SaturationMode sat) {
  tilec::isa::convertTile(dst, src, mode,
                          sat == SaturationMode::ON ? tilec::Saturation::On
                                                    : tilec::Saturation::Off);
  return {};
}

/// The tmp forms: tmp is scratch on the NPU; the model needs none.
template <typename D, typename S, typename Tmp,
          std::enable_if_t<is_tile<Tmp>::value, int> = 0>
RecordEvent TCVT(D &dst, S &src, Tmp &, RoundMode mode) {
  return TCVT(dst, src, mode);
}

template <typename D, typename S, typename Tmp,
          std::enable_if_t<is_tile<Tmp>::value, int> = 0>
RecordEvent TCVT(D &dst, S &src, Tmp &, RoundMode mode, SaturationMode sat) {
  return TCVT(dst, src, mode, sat);
}

} // namespace pto
