// The enums and element types of the PTO tile ISA API, spelled as the public
// API spells them (namespace pto), plus the mapping of element types to
// tilec::DType. Generated kernels say `using namespace pto;`.
#pragma once

#include "base/DType.h"
#include "runtime/numerics/Float16.h"
#include "runtime/numerics/RoundMode.h"

#include <cstdint>

namespace pto {

using half = tilec::f16;
using bfloat16_t = tilec::bf16;

constexpr int DYNAMIC = -1;

enum class TileType { Vec, Mat, Left, Right, Acc, Bias, Scaling };
enum class BLayout { RowMajor = 0, ColMajor = 1 };
enum class SLayout { NoneBox = 0, RowMajor = 1, ColMajor = 2 };
enum class PadValue : uint64_t { Null = 0, Zero = 1, Max = 2, Min = 3 };
enum class Layout { ND, DN, NZ };
enum class AtomicType : uint8_t { AtomicNone = 0, AtomicAdd = 1 };

enum class RoundMode : uint8_t {
  CAST_NONE = 0,
  CAST_RINT = 1,  // nearest, ties to even
  CAST_ROUND = 2, // nearest, ties away from zero
  CAST_FLOOR = 3,
  CAST_CEIL = 4,
  CAST_TRUNC = 5,
  CAST_ODD = 6,
};

enum class SaturationMode : uint8_t { ON = 0, OFF = 1 };

/// TCMP/TCMPS predicates, numbered as pto-isa's.
enum class CmpMode : uint8_t { EQ = 0, NE = 1, LT = 2, LE = 3, GT = 4, GE = 5 };

/// Mask-pattern gather: which element of every 2 (or 4) is kept.
enum class MaskPattern : uint8_t {
  P0101 = 1, // even elements
  P1010 = 2, // odd elements
  P0001 = 3,
  P0010 = 4,
  P0100 = 5,
  P1000 = 6,
  P1111 = 7,
};

struct TileConfig {
  static constexpr int alignedSize = 32;
  static constexpr int fractalABSize = 512;
  static constexpr int fractalCSize = 1024;
};

/// What every instruction returns; the CPU model orders work through
/// set_flag/wait_flag, so the value carries nothing.
struct RecordEvent {};

} // namespace pto

namespace tilec::isa {

template <typename T> struct ElementTraits;
template <> struct ElementTraits<float> { static constexpr DType dtype = DType::F32; };
template <> struct ElementTraits<pto::half> { static constexpr DType dtype = DType::F16; };
template <> struct ElementTraits<pto::bfloat16_t> { static constexpr DType dtype = DType::BF16; };
template <> struct ElementTraits<int8_t> { static constexpr DType dtype = DType::I8; };
template <> struct ElementTraits<uint8_t> { static constexpr DType dtype = DType::U8; };
template <> struct ElementTraits<int16_t> { static constexpr DType dtype = DType::I16; };
template <> struct ElementTraits<int32_t> { static constexpr DType dtype = DType::I32; };
template <> struct ElementTraits<int64_t> { static constexpr DType dtype = DType::I64; };
/// uint32_t tiles are only TSEL's scratch (no arithmetic reads them): sized and
/// described as their 4-byte twin.
template <> struct ElementTraits<uint32_t> { static constexpr DType dtype = DType::I32; };

template <typename T> constexpr DType dtypeOf = ElementTraits<T>::dtype;

constexpr tilec::RoundMode toRoundMode(pto::RoundMode m) {
  switch (m) {
  case pto::RoundMode::CAST_NONE:  return tilec::RoundMode::None;
  case pto::RoundMode::CAST_RINT:  return tilec::RoundMode::Rint;
  case pto::RoundMode::CAST_ROUND: return tilec::RoundMode::Round;
  case pto::RoundMode::CAST_FLOOR: return tilec::RoundMode::Floor;
  case pto::RoundMode::CAST_CEIL:  return tilec::RoundMode::Ceil;
  case pto::RoundMode::CAST_TRUNC: return tilec::RoundMode::Trunc;
  case pto::RoundMode::CAST_ODD:   return tilec::RoundMode::Odd;
  }
  return tilec::RoundMode::Rint;
}

} // namespace tilec::isa
