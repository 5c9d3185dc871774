// Compare, select and index sequences (pipe V): TCMP/TCMPS write a packed
// predicate mask, TSEL/TSELS read one, TCI counts.
//
// A mask is a uint8_t Vec tile: row r holds the predicates of source row r,
// element c in bit c % 8 of byte c / 8 (pto-isa's CPU simulator packs so;
// a5's TCMP page names a uint32_t mask, whose bytes in memory are the same,
// but the simulator's TSEL reads bytes, so tilec uses bytes on both targets).
#pragma once

#include "runtime/isa/VectorOps.h"

namespace tilec::isa {

template <typename M> void checkMaskTile() {
  static_assert(std::is_same_v<typename M::DType, uint8_t>, "a mask tile holds uint8_t bytes");
  static_assert(isPlainVec<M>, "a mask tile is a row-major Vec tile");
}

/// Fails unless `mask` holds a bit for every element of a rows × cols region.
template <typename M>
void checkMaskCovers(const Instruction &ins, const M &mask, int rows, int cols) {
  if (mask.GetValidRow() < rows || mask.GetValidCol() * 8 < cols)
    ins.fail("mask valid region " + std::to_string(mask.GetValidRow()) + "x" +
             std::to_string(mask.GetValidCol()) + " bytes does not cover " +
             std::to_string(rows) + "x" + std::to_string(cols) + " elements");
}

/// The element types TCMP/TCMPS compare: f32, f16 and i32 on both targets
/// (a2a3 compares i32 only for equality), bf16 and i16 on a5.
template <typename T> void checkCompareType(const Instruction &ins, pto::CmpMode mode) {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, pto::half> ||
                    std::is_same_v<T, pto::bfloat16_t> || std::is_same_v<T, int32_t> ||
                    std::is_same_v<T, int16_t>,
                "TCMP compares f32, f16, i32 (and bf16, i16 on a5)");
  const bool a5Only = std::is_same_v<T, pto::bfloat16_t> || std::is_same_v<T, int16_t>;
  if (a5Only && !ins.target().vectorBf16Arithmetic)
    ins.fail("this element type is not compared on " + std::string(ins.target().name));
  if (std::is_same_v<T, int32_t> && mode != pto::CmpMode::EQ && !ins.target().vectorI32Ordering)
    ins.fail(std::string(ins.target().name) + " compares int32_t only for equality (EQ)");
}

template <typename C> bool compare(pto::CmpMode mode, C a, C b) {
  switch (mode) {
  case pto::CmpMode::EQ: return a == b;
  case pto::CmpMode::NE: return a != b; // true when either is NaN
  case pto::CmpMode::LT: return a < b;
  case pto::CmpMode::LE: return a <= b;
  case pto::CmpMode::GT: return a > b;
  case pto::CmpMode::GE: return a >= b;
  }
  return false;
}

/// Packs predicate(r, c) over rows × cols into `mask`, clearing its other bits.
template <typename M, typename P> void packMask(M &mask, int rows, int cols, P predicate) {
  for (int r = 0; r < rows; ++r) {
    uint8_t *bytes = mask.data() + size_t(r) * M::Cols;
    std::fill(bytes, bytes + mask.GetValidCol(), uint8_t(0));
    for (int c = 0; c < cols; ++c)
      if (predicate(r, c))
        bytes[c / 8] |= uint8_t(1u << (c % 8));
  }
}

template <typename M> bool maskBit(const M &mask, int r, int c) {
  return (mask.data()[size_t(r) * M::Cols + c / 8] >> (c % 8)) & 1;
}

/// dst[r, c] = mask bit ? onTrue(r, c) : onFalse(r, c) over dst's valid region.
template <typename D, typename M, typename T, typename F>
void selectRows(Instruction &ins, VecOp cost, D &dst, const M &mask, T onTrue, F onFalse) {
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  checkMaskCovers(ins, mask, rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      dst.at(r, c) = maskBit(mask, r, c) ? onTrue(r, c) : onFalse(r, c);
  ins.vector(cost, rows, cols, sizeof(typename D::DType));
}

} // namespace tilec::isa

namespace pto {

/// TCMP(mask, src0, src1, mode): bit (r, c) = src0[r, c] mode src1[r, c].
template <typename M, typename S0, typename S1>
RecordEvent TCMP(M &dst, S0 &src0, S1 &src1, CmpMode mode) {
  using T = typename S0::DType;
  static_assert(std::is_same_v<T, typename S1::DType>, "TCMP: src0 and src1 must have one type");
  static_assert(tilec::isa::isPlainVec<S0> && tilec::isa::isPlainVec<S1>,
                "TCMP compares row-major Vec tiles");
  tilec::isa::checkMaskTile<M>();
  tilec::isa::Instruction ins("TCMP", tilec::target::Pipe::V);
  tilec::isa::checkCompareType<T>(ins, mode);
  ins.read(src0, "src0");
  ins.read(src1, "src1");
  ins.write(dst, "dst");
  tilec::isa::checkSameValid(ins, src0, "src0", src1, "src1");
  const int rows = src0.GetValidRow(), cols = src0.GetValidCol();
  tilec::isa::checkMaskCovers(ins, dst, rows, cols);
  tilec::isa::packMask(dst, rows, cols, [&](int r, int c) {
    return tilec::isa::compare(mode, tilec::isa::load(src0.at(r, c)),
                               tilec::isa::load(src1.at(r, c)));
  });
  ins.vector(tilec::isa::VecOp::Binary, rows, cols, sizeof(T));
  return {};
}

/// TCMPS(mask, src, scalar, mode): bit (r, c) = src[r, c] mode scalar.
template <typename M, typename S, typename Scalar,
          std::enable_if_t<!is_tile<Scalar>::value, int> = 0>
RecordEvent TCMPS(M &dst, S &src, Scalar scalar, CmpMode mode) {
  using T = typename S::DType;
  static_assert(tilec::isa::isPlainVec<S>, "TCMPS compares a row-major Vec tile");
  tilec::isa::checkMaskTile<M>();
  tilec::isa::Instruction ins("TCMPS", tilec::target::Pipe::V);
  tilec::isa::checkCompareType<T>(ins, mode);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  tilec::isa::checkMaskCovers(ins, dst, rows, cols);
  auto s = tilec::isa::scalarValue<T>(scalar);
  tilec::isa::packMask(dst, rows, cols, [&](int r, int c) {
    return tilec::isa::compare(mode, tilec::isa::load(src.at(r, c)), decltype(s)(s));
  });
  ins.vector(tilec::isa::VecOp::Unary, rows, cols, sizeof(T));
  return {};
}

/// TSEL(dst, mask, src0, src1, tmp): dst = mask ? src0 : src1. `tmp` is
/// a2a3's uint32_t scratch for the compare mask register (a5 ignores it).
template <typename D, typename M, typename Tmp>
RecordEvent TSEL(D &dst, M &mask, D &src0, D &src1, Tmp &tmp) {
  using T = typename D::DType;
  static_assert(sizeof(T) == 2 || sizeof(T) == 4, "TSEL selects 2- or 4-byte elements");
  static_assert(tilec::isa::isPlainVec<D>, "TSEL selects row-major Vec tiles");
  static_assert(std::is_same_v<typename Tmp::DType, uint32_t>, "TSEL's tmp holds uint32_t");
  tilec::isa::checkMaskTile<M>();
  tilec::isa::Instruction ins("TSEL", tilec::target::Pipe::V);
  ins.read(mask, "mask");
  ins.read(src0, "src0");
  ins.read(src1, "src1");
  ins.write(tmp, "tmp");
  ins.write(dst, "dst");
  tilec::isa::checkSameValid(ins, dst, "dst", src0, "src0");
  tilec::isa::checkSameValid(ins, dst, "dst", src1, "src1");
  tilec::isa::selectRows(
      ins, tilec::isa::VecOp::Binary, dst, mask, [&](int r, int c) { return src0.at(r, c); },
      [&](int r, int c) { return src1.at(r, c); });
  return {};
}

/// TSELS(dst, mask, src, tmp, scalar): dst = mask ? src : scalar. `tmp`
/// (the source's element type) holds the scalar on a2a3.
template <typename D, typename M, typename S, typename Tmp>
RecordEvent TSELS(D &dst, M &mask, S &src, Tmp &tmp, typename S::DType scalar) {
  using T = typename D::DType;
  static_assert(std::is_same_v<T, typename S::DType>, "TSELS: dst and src have one type");
  static_assert(sizeof(T) == 2 || sizeof(T) == 4, "TSELS selects 2- or 4-byte elements");
  static_assert(std::is_same_v<typename Tmp::DType, T>, "TSELS's tmp has the source's type");
  static_assert(tilec::isa::isPlainVec<D> && tilec::isa::isPlainVec<S>,
                "TSELS selects row-major Vec tiles");
  tilec::isa::checkMaskTile<M>();
  tilec::isa::Instruction ins("TSELS", tilec::target::Pipe::V);
  ins.read(mask, "mask");
  ins.read(src, "src");
  ins.write(tmp, "tmp");
  ins.write(dst, "dst");
  tilec::isa::checkSameValid(ins, dst, "dst", src, "src");
  tilec::isa::selectRows(
      ins, tilec::isa::VecOp::Unary, dst, mask, [&](int r, int c) { return src.at(r, c); },
      [&](int, int) { return scalar; });
  return {};
}

/// TCI<TileT, T, descending>(dst, start): dst[0, j] = start ± j over the
/// valid columns of a one-row tile (a5: integer types only).
template <typename D, typename T, int descending> RecordEvent TCI(D &dst, T start) {
  static_assert(std::is_same_v<typename D::DType, T>, "TCI's start has the tile's type");
  static_assert(D::Rows == 1, "TCI writes a one-row tile");
  static_assert(std::is_same_v<T, int32_t> || std::is_same_v<T, int16_t>,
                "tilec's TCI counts in int32_t or int16_t (a5 has no float form)");
  static_assert(tilec::isa::isPlainVec<D>, "TCI writes a row-major Vec tile");
  tilec::isa::Instruction ins("TCI", tilec::target::Pipe::V);
  ins.write(dst, "dst");
  for (int j = 0; j < dst.GetValidCol(); ++j)
    dst.at(0, j) = T(descending ? start - j : start + j);
  ins.vector(tilec::isa::VecOp::Unary, 1, dst.GetValidCol(), sizeof(T));
  return {};
}

} // namespace pto
