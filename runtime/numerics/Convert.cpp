// Array conversion: one decode -> encode loop instantiated per DType pair so
// the per-element work has no type dispatch.
#include "runtime/numerics/Convert.h"

#include <cstring>
#include <type_traits>

namespace tilec {
namespace {

using detail::ExactValue;

template <DType T> using Tag = std::integral_constant<DType, T>;

/// The integer type an element is stored as (floats as their raw bits).
template <DType T> struct Storage;
template <> struct Storage<DType::BF16> { using type = uint16_t; };
template <> struct Storage<DType::F16> { using type = uint16_t; };
template <> struct Storage<DType::F32> { using type = uint32_t; };
template <> struct Storage<DType::I8> { using type = int8_t; };
template <> struct Storage<DType::U8> { using type = uint8_t; };
template <> struct Storage<DType::I16> { using type = int16_t; };
template <> struct Storage<DType::I32> { using type = int32_t; };
template <> struct Storage<DType::I64> { using type = int64_t; };

constexpr detail::FloatFormat floatFormat(DType t) {
  return t == DType::F32   ? detail::kF32Format
         : t == DType::F16 ? detail::kF16Format
                           : detail::kBf16Format;
}

template <DType From> ExactValue decode(typename Storage<From>::type raw) {
  if constexpr (isFloat(From))
    return detail::decodeFloat(raw, floatFormat(From));
  else
    return detail::decodeInt(raw);
}

template <DType To>
typename Storage<To>::type encode(const ExactValue &v, RoundMode mode,
                                  bool saturate) {
  using Raw = typename Storage<To>::type;
  if constexpr (isFloat(To)) {
    return Raw(detail::encodeFloat(v, floatFormat(To), mode));
  } else {
    constexpr detail::IntFormat fmt{int(sizeOf(To) * 8), isSignedInteger(To)};
    uint64_t bits = detail::encodeInt(v, fmt, mode, saturate);
    if constexpr (fmt.isSigned)
      return detail::signedFromBits<Raw>(bits);
    else
      return Raw(bits);
  }
}

template <DType From, DType To>
void convertLoop(const unsigned char *src, unsigned char *dst, std::size_t n,
                 RoundMode mode, bool saturate) {
  using SrcRaw = typename Storage<From>::type;
  using DstRaw = typename Storage<To>::type;
  for (std::size_t i = 0; i < n; ++i) {
    SrcRaw in;
    std::memcpy(&in, src + i * sizeof(SrcRaw), sizeof(SrcRaw));
    DstRaw out = encode<To>(decode<From>(in), mode, saturate);
    std::memcpy(dst + i * sizeof(DstRaw), &out, sizeof(DstRaw));
  }
}

/// Calls fn(Tag<t>{}) for the runtime value t.
template <typename Fn> void withDType(DType t, Fn &&fn) {
  switch (t) {
  case DType::BF16: return fn(Tag<DType::BF16>{});
  case DType::F16:  return fn(Tag<DType::F16>{});
  case DType::F32:  return fn(Tag<DType::F32>{});
  case DType::I8:   return fn(Tag<DType::I8>{});
  case DType::U8:   return fn(Tag<DType::U8>{});
  case DType::I16:  return fn(Tag<DType::I16>{});
  case DType::I32:  return fn(Tag<DType::I32>{});
  case DType::I64:  return fn(Tag<DType::I64>{});
  }
}

} // namespace

void convert(DType from, const void *src, DType to, void *dst, std::size_t n,
             RoundMode mode, Saturation sat) {
  RoundMode effective = effectiveRoundMode(mode, from, to);
  bool saturate = resolveSaturation(sat, from, to);
  auto *in = static_cast<const unsigned char *>(src);
  auto *out = static_cast<unsigned char *>(dst);
  withDType(from, [&](auto fromTag) {
    withDType(to, [&](auto toTag) {
      convertLoop<decltype(fromTag)::value, decltype(toTag)::value>(
          in, out, n, effective, saturate);
    });
  });
}

} // namespace tilec
