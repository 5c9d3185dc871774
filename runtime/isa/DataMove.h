// Data movement: TLOAD (GM -> UB/L1, repacking ND -> NZ for Mat tiles),
// TSTORE (UB -> GM, L0C -> GM with the fixpipe cast), TMOV and TEXTRACT
// between on-chip memories (L1 -> L0A/L0B, L0C -> L1, UB -> UB, and the a5
// L0C -> UB / UB -> L1 paths), TINSERT of a UB tile into a UB window. Copies move contiguous runs with memcpy where
// both layouts allow it and fall back to per-element layout mapping.
#pragma once

#include "runtime/isa/Cast.h"
#include "runtime/isa/Instruction.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace tilec::isa {

/// Copies a rows x cols window from src at (sr, sc) to dst at (dr, dc),
/// converting each element with `cvt` when the types differ.
template <typename Dst, typename Src, typename Cvt>
void copyWindow(Dst &dst, int dr, int dc, const Src &src, int sr, int sc,
                int rows, int cols, Cvt cvt) {
  using D = typename Dst::DType;
  using S = typename Src::DType;
  using DL = TileLayout<Dst>;
  using SL = TileLayout<Src>;
  D *d = dst.data();
  const S *s = src.data();
  if constexpr (std::is_same_v<D, S>) {
    if (DL::rowRun(dc) > 1 && SL::rowRun(sc) > 1) {
      for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols;) {
          int run = std::min({DL::rowRun(dc + c), SL::rowRun(sc + c), cols - c});
          std::memcpy(d + DL::offset(dr + r, dc + c),
                      s + SL::offset(sr + r, sc + c), run * sizeof(D));
          c += run;
        }
      return;
    }
    if (DL::colRun(dr) > 1 && SL::colRun(sr) > 1) {
      for (int c = 0; c < cols; ++c)
        for (int r = 0; r < rows;) {
          int run = std::min({DL::colRun(dr + r), SL::colRun(sr + r), rows - r});
          std::memcpy(d + DL::offset(dr + r, dc + c),
                      s + SL::offset(sr + r, sc + c), run * sizeof(D));
          r += run;
        }
      return;
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      d[DL::offset(dr + r, dc + c)] = cvt(s[SL::offset(sr + r, sc + c)]);
}

/// The fixpipe's cast on the way out of L0C: f32 -> f32/f16/bf16 rounds to
/// nearest even, i32 -> i32 is exact.
template <typename To, typename From> To fixpipeCast(From v) {
  static_assert((std::is_same_v<From, float> &&
                 (std::is_same_v<To, float> || std::is_same_v<To, pto::half> ||
                  std::is_same_v<To, pto::bfloat16_t>)) ||
                    (std::is_same_v<From, int32_t> && std::is_same_v<To, int32_t>),
                "L0C output casts: f32 -> f32/f16/bf16, i32 -> i32");
  return convertElement<To>(v, tilec::RoundMode::Rint, true);
}

template <typename T> struct SameType {
  T operator()(T v) const { return v; }
};

template <typename TileT, typename GT> void loadTile(TileT &dst, GT &src) {
  using T = typename TileT::DType;
  static_assert(TileT::Loc == pto::TileType::Vec || TileT::Loc == pto::TileType::Mat,
                "TLOAD fills Vec (UB) or Mat (L1) tiles");
  static_assert(sizeof(T) == sizeof(typename GT::DType),
                "TLOAD needs equal element sizes in GM and in the tile");
  // PTO-ISA's TLOAD layout pairs: a DN view (column-major GM, the view's
  // strides say where each element is) fills a DN tile (column-major, no
  // fractals) or, in L1, a ZN tile (column-major fractals in row-major
  // order: the cube's transposed B); ND fills ND, or NZ in L1.
  constexpr bool zn = TileT::Loc == pto::TileType::Mat && TileT::isRowMajor &&
                      TileT::SFractal == pto::SLayout::ColMajor;
  constexpr bool dn = !TileT::isRowMajor && TileT::SFractal == pto::SLayout::NoneBox;
  static_assert(GT::layout == pto::Layout::DN ? zn || dn : !zn,
                "TLOAD pairs a DN GlobalTensor with a DN or ZN tile, an ND one with ND or NZ");
  static_assert(GT::layout != pto::Layout::NZ, "TLOAD of an NZ GlobalTensor is not modelled");
  Instruction ins("TLOAD", Pipe::MTE2);
  ins.readGm(src, "src");
  ins.write(dst, "dst");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  if (src.rows() != rows || src.cols() != cols)
    ins.fail("GM view is " + std::to_string(src.rows()) + "x" +
             std::to_string(src.cols()) + " but the dst tile's valid region is " +
             std::to_string(rows) + "x" + std::to_string(cols));
  using L = TileLayout<TileT>;
  const int64_t colStride = src.GetStride(4);
  T *d = dst.data();
  for (int r = 0; r < rows; ++r) {
    const auto *g = reinterpret_cast<const T *>(src.data()) + src.rowOffset(r);
    if (colStride == 1 && L::rowRun(0) > 1) {
      for (int c = 0; c < cols;) {
        int run = std::min(L::rowRun(c), cols - c);
        std::memcpy(d + L::offset(r, c), g + c, run * sizeof(T));
        c += run;
      }
    } else {
      for (int c = 0; c < cols; ++c)
        d[L::offset(r, c)] = g[c * colStride];
    }
  }
  ins.transfer(TileT::Loc == pto::TileType::Vec ? Path::GmToUb : Path::GmToL1,
               uint64_t(rows) * cols * sizeof(T));
}

template <pto::AtomicType Atomic, typename TileT, typename GT>
void storeTile(GT &dst, TileT &src) {
  using T = typename TileT::DType;
  using G = typename GT::DType;
  constexpr bool fromAcc = TileT::Loc == pto::TileType::Acc;
  static_assert(TileT::Loc == pto::TileType::Vec || fromAcc,
                "TSTORE writes Vec (UB) or Acc (L0C) tiles to GM");
  static_assert(fromAcc || sizeof(T) == sizeof(G),
                "TSTORE of a Vec tile needs equal element sizes");
  Instruction ins("TSTORE", fromAcc ? Pipe::FIX : Pipe::MTE3);
  ins.read(src, "src");
  ins.writeGm(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  if (dst.rows() != rows || dst.cols() != cols)
    ins.fail("GM view is " + std::to_string(dst.rows()) + "x" +
             std::to_string(dst.cols()) + " but the src tile's valid region is " +
             std::to_string(rows) + "x" + std::to_string(cols));
  const int64_t colStride = dst.GetStride(4);
  for (int r = 0; r < rows; ++r) {
    G *g = dst.data() + dst.rowOffset(r);
    for (int c = 0; c < cols; ++c) {
      G v;
      if constexpr (fromAcc)
        v = fixpipeCast<G>(src.at(r, c));
      else
        std::memcpy(&v, &src.at(r, c), sizeof v);
      if constexpr (Atomic == pto::AtomicType::AtomicAdd)
        v = store<G>(load(g[c * colStride]) + load(v));
      g[c * colStride] = v;
    }
  }
  ins.transfer(fromAcc ? Path::L0cToGm : Path::UbToGm,
               uint64_t(rows) * cols * sizeof(G));
}

/// The pipe and path of an on-chip move, or a compile error for pairs the
/// hardware has no path for.
template <pto::TileType From, pto::TileType To> struct MovePath;
template <> struct MovePath<pto::TileType::Mat, pto::TileType::Left> {
  static constexpr Pipe pipe = Pipe::MTE1;
  static constexpr Path path = Path::L1ToL0a;
};
template <> struct MovePath<pto::TileType::Mat, pto::TileType::Right> {
  static constexpr Pipe pipe = Pipe::MTE1;
  static constexpr Path path = Path::L1ToL0b;
};
template <> struct MovePath<pto::TileType::Acc, pto::TileType::Mat> {
  static constexpr Pipe pipe = Pipe::FIX;
  static constexpr Path path = Path::L0cToL1;
};
template <> struct MovePath<pto::TileType::Acc, pto::TileType::Vec> {
  static constexpr Pipe pipe = Pipe::FIX;
  static constexpr Path path = Path::L0cToUb;
};
template <> struct MovePath<pto::TileType::Vec, pto::TileType::Mat> {
  static constexpr Pipe pipe = Pipe::MTE3;
  static constexpr Path path = Path::UbToL1;
};

template <pto::TileType From, pto::TileType To> constexpr Pipe movePipe() {
  if constexpr (From == pto::TileType::Vec && To == pto::TileType::Vec)
    return Pipe::V;
  else
    return MovePath<From, To>::pipe;
}

/// a2a3 copies a UB window with whole 32-byte blocks: the column offset of a
/// Vec -> Vec TEXTRACT/TINSERT must be block-aligned unless the window is a
/// single element (pto-isa's npu/a2a3 TExtract.hpp / TInsert.hpp).
template <typename Window, typename T>
void checkUbWindowColumn(const Instruction &ins, int col) {
  constexpr bool oneElement = Window::ValidRow == 1 && Window::ValidCol == 1;
  if (!oneElement && col * int(sizeof(T)) % 32 != 0)
    ins.fail("a UB window's column offset must be 32-byte aligned: column " +
             std::to_string(col) + " of " + std::to_string(sizeof(T)) + "-byte elements");
}

/// Copies the window of src at (row, col) the size of dst's valid region.
template <typename Dst, typename Src>
void moveTile(const char *name, Dst &dst, Src &src, int row, int col) {
  using D = typename Dst::DType;
  using S = typename Src::DType;
  constexpr bool vecCopy =
      Dst::Loc == pto::TileType::Vec && Src::Loc == pto::TileType::Vec;
  constexpr Pipe pipe = movePipe<Src::Loc, Dst::Loc>();
  static_assert(std::is_same_v<D, S> || Src::Loc == pto::TileType::Acc,
                "only moves out of L0C change the element type");
  Instruction ins(name, pipe);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  if (row < 0 || col < 0 || row + rows > Src::Rows || col + cols > Src::Cols)
    ins.fail("window " + std::to_string(rows) + "x" + std::to_string(cols) +
             " at (" + std::to_string(row) + ", " + std::to_string(col) +
             ") exceeds the " + std::to_string(Src::Rows) + "x" +
             std::to_string(Src::Cols) + " source tile");
  if constexpr (vecCopy)
    checkUbWindowColumn<Dst, D>(ins, col);
  if constexpr (Src::Loc == pto::TileType::Acc)
    copyWindow(dst, 0, 0, src, row, col, rows, cols,
               [](S v) { return fixpipeCast<D>(v); });
  else
    copyWindow(dst, 0, 0, src, row, col, rows, cols, SameType<D>{});
  if constexpr (vecCopy)
    ins.vector(VecOp::Unary, rows, cols, sizeof(D));
  else
    ins.transfer(MovePath<Src::Loc, Dst::Loc>::path,
                 uint64_t(rows) * cols * sizeof(D));
}

/// Copies all of UB tile src into the window of UB tile dst at (row, col);
/// the rest of dst keeps its contents.
template <typename Dst, typename Src> void insertTile(Dst &dst, Src &src, int row, int col) {
  static_assert(Dst::Loc == pto::TileType::Vec && Src::Loc == pto::TileType::Vec,
                "TINSERT copies between UB tiles");
  static_assert(std::is_same_v<typename Dst::DType, typename Src::DType>,
                "TINSERT keeps the element type");
  Instruction ins("TINSERT", Pipe::V);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  if (row < 0 || col < 0 || row + rows > Dst::Rows || col + cols > Dst::Cols)
    ins.fail("window " + std::to_string(rows) + "x" + std::to_string(cols) + " at (" +
             std::to_string(row) + ", " + std::to_string(col) + ") exceeds the " +
             std::to_string(Dst::Rows) + "x" + std::to_string(Dst::Cols) +
             " destination tile");
  checkUbWindowColumn<Src, typename Dst::DType>(ins, col);
  copyWindow(dst, row, col, src, 0, 0, rows, cols, SameType<typename Dst::DType>{});
  ins.vector(VecOp::Unary, rows, cols, sizeof(typename Dst::DType));
}

} // namespace tilec::isa

namespace pto {

template <typename TileT, typename GT,
          std::enable_if_t<is_tile<TileT>::value && is_global<GT>::value, int> = 0>
RecordEvent TLOAD(TileT &dst, GT &src) {
  tilec::isa::loadTile(dst, src);
  return {};
}

template <typename TileT, typename GT, AtomicType Atomic = AtomicType::AtomicNone,
          std::enable_if_t<is_tile<TileT>::value && is_global<GT>::value, int> = 0>
RecordEvent TSTORE(GT &dst, TileT &src) {
  tilec::isa::storeTile<Atomic>(dst, src);
  return {};
}

/// Same-shape move between memories (Mat -> Left/Right, Acc -> Mat/Vec,
/// Vec -> Vec, Vec -> Mat).
template <typename Dst, typename Src,
          std::enable_if_t<is_tile<Dst>::value && is_tile<Src>::value, int> = 0>
RecordEvent TMOV(Dst &dst, Src &src) {
  static_assert(Dst::Rows == Src::Rows && Dst::Cols == Src::Cols,
                "TMOV needs equal tile shapes; use TEXTRACT for a window");
  tilec::isa::moveTile("TMOV", dst, src, 0, 0);
  return {};
}

/// Moves the window of src starting at (indexRow, indexCol) into dst.
template <typename Dst, typename Src,
          std::enable_if_t<is_tile<Dst>::value && is_tile<Src>::value, int> = 0>
RecordEvent TEXTRACT(Dst &dst, Src &src, uint16_t indexRow = 0,
                     uint16_t indexCol = 0) {
  tilec::isa::moveTile("TEXTRACT", dst, src, indexRow, indexCol);
  return {};
}

/// Moves all of src into the window of dst starting at (indexRow, indexCol).
template <typename Dst, typename Src,
          std::enable_if_t<is_tile<Dst>::value && is_tile<Src>::value, int> = 0>
RecordEvent TINSERT(Dst &dst, Src &src, uint16_t indexRow, uint16_t indexCol) {
  tilec::isa::insertTile(dst, src, indexRow, indexCol);
  return {};
}

} // namespace pto
