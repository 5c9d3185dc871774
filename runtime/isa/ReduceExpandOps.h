// Row and column reductions (TROWSUM/MAX/MIN, TCOLSUM/MAX/MIN) and row and
// column broadcasts (TROWEXPAND, TROWEXPAND{ADD,...}, TCOLEXPAND{ADD,...}) on
// UB tiles (pipe V), each in the order docs/runtime-isa.md states.
#pragma once

#include "base/RowReduceTmp.h"
#include "runtime/isa/VectorOps.h"

namespace tilec::isa {

/// Folds the lanes of one 256-byte register (vcadd/vcmax/vcmin) pairwise,
/// lane l with lane l + width for halving widths: the order inside the
/// instruction is not documented (pto-isa docs: "a tree-reduction strategy
/// implemented by the hardware"), this is the model's assumption.
template <typename C, typename F> C foldLanes(C *lane, int lanes, F f) {
  for (int width = lanes / 2; width >= 1; width /= 2)
    for (int l = 0; l < width; ++l)
      lane[l] = f(lane[l], lane[l + width]);
  return lane[0];
}

/// Reduces one row of `cols` elements in a2a3's order for a float TROWSUM
/// (pto-isa's npu/a2a3 TRowSum.hpp on the general path of
/// TRowReduceOps.hpp; docs/isa/TROWSUM.md: a binary tree of vadd over
/// 256-byte repeats, then vcadd). With n whole repeats r_i and a tail:
/// a row of at most one repeat is folded directly; otherwise tmp_i =
/// r_2i + r_2i+1 (tmp_0 = r_0 when n = 1), an odd last repeat and then the
/// tail are added into tmp_0, the tmp repeats are summed pairwise (an odd
/// one out joins the last pair of the next level), and tmp_0 is folded.
/// Every vadd result is stored in T (the tmp tile). Max and min use the same
/// order; it cannot change their result.
template <typename T, typename C, typename F>
C reduceRow(const T *x, int cols, C init, F f) {
  constexpr int lanes = 256 / int(sizeof(T));
  auto rounded = [](C v) { return C(load(store<T>(v))); };
  C lane[lanes];
  std::fill(lane, lane + lanes, init);
  if (cols <= lanes) {
    for (int l = 0; l < cols; ++l)
      lane[l] = load(x[l]);
    return foldLanes(lane, lanes, f);
  }
  const int repeats = cols / lanes, tail = cols % lanes;
  const int pairs = repeats / 2;
  auto rep = [&](int i, int l) { return C(load(x[i * lanes + l])); };
  static thread_local std::vector<C> tmp; // the tmp tile's repeats, reused
  tmp.resize(size_t(std::max(pairs, 1)) * lanes);
  if (repeats == 1)
    for (int l = 0; l < lanes; ++l)
      tmp[l] = rep(0, l);
  for (int i = 0; i < pairs; ++i)
    for (int l = 0; l < lanes; ++l)
      tmp[size_t(i) * lanes + l] = rounded(f(rep(2 * i, l), rep(2 * i + 1, l)));
  if (repeats > 1 && repeats % 2 == 1)
    for (int l = 0; l < lanes; ++l)
      tmp[l] = rounded(f(tmp[l], rep(repeats - 1, l)));
  for (int l = 0; l < tail; ++l)
    tmp[l] = rounded(f(tmp[l], C(load(x[repeats * lanes + l]))));
  auto add = [&](int to, int a, int b) {
    for (int l = 0; l < lanes; ++l)
      tmp[size_t(to) * lanes + l] =
          rounded(f(tmp[size_t(a) * lanes + l], tmp[size_t(b) * lanes + l]));
  };
  for (int level = pairs; level > 1;) {
    for (int i = 0; i < level / 2; ++i)
      add(i, 2 * i, 2 * i + 1);
    const bool odd = level % 2 == 1;
    level /= 2;
    if (odd)
      add(level - 1, level - 1, 2 * level);
  }
  std::copy(tmp.begin(), tmp.begin() + lanes, lane);
  return foldLanes(lane, lanes, f);
}

template <typename Dst, typename Src, typename Tmp, typename F>
void rowReduce(const char *name, Dst &dst, Src &src, Tmp &tmp,
               ComputeT<typename Src::DType> init, F f) {
  using T = typename Src::DType;
  static_assert(std::is_same_v<T, typename Dst::DType>,
                "row reduction keeps the element type");
  static_assert(isPlainVec<Src>, "the source must be a row-major Vec tile");
  static_assert(Dst::Loc == pto::TileType::Vec &&
                    Dst::SFractal == pto::SLayout::NoneBox &&
                    (Dst::isRowMajor || Dst::Cols == 1),
                "dst must be an ND Vec tile or a DN tile with one column");
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, pto::half> ||
                    std::is_same_v<T, int32_t> || std::is_same_v<T, int16_t>,
                "row reductions support f32, f16, i32, i16");
  static_assert(Tmp::Loc == pto::TileType::Vec && std::is_same_v<T, typename Tmp::DType>,
                "the row reduction's tmp must be a Vec tile of the source's element type");
  Instruction ins(name, Pipe::V);
  ins.read(src, "src");
  ins.write(tmp, "tmp");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  if (rows == 0 || cols == 0 || dst.GetValidRow() != rows)
    ins.fail("row reduction of a " + std::to_string(rows) + "x" +
             std::to_string(cols) + " source into " +
             std::to_string(dst.GetValidRow()) + " rows");
  // The a2a3 instruction writes this much of tmp (base/RowReduceTmp.h).
  const int64_t tmpCols = std::min<int64_t>(cols, rowReduceTmpCols(dtypeOf<T>, cols));
  if (Tmp::Rows < rows || Tmp::Cols < tmpCols)
    ins.fail("the tmp tile is " + std::to_string(Tmp::Rows) + "x" + std::to_string(Tmp::Cols) +
             ", but a2a3 writes " + std::to_string(rows) + "x" + std::to_string(tmpCols) +
             " of it for a row reduction of " + std::to_string(cols) + " columns");
  for (int r = 0; r < rows; ++r)
    dst.at(r, 0) = store<T>(reduceRow(src.data() + size_t(r) * Src::Cols, cols,
                                      init, f));
  ins.vector(VecOp::Reduce, rows, cols, sizeof(T));
}

/// Reduces each column of the valid region, row after row (the hardware adds
/// rows elementwise into dst, one repeat at a time: docs/isa/TCOLSUM.md's
/// sequential path), into row 0 of dst; each partial result is stored in T,
/// as dst holds it.
template <typename Dst, typename Src, typename F>
void colReduce(const char *name, Dst &dst, Src &src, F f) {
  using T = typename Src::DType;
  static_assert(std::is_same_v<T, typename Dst::DType>,
                "column reduction keeps the element type");
  static_assert(isPlainVec<Src> && isPlainVec<Dst>, "operands must be row-major Vec tiles");
  Instruction ins(name, Pipe::V);
  checkArithmeticType<T>(ins);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  if (rows == 0 || cols == 0 || dst.GetValidCol() != cols)
    ins.fail("column reduction of a " + std::to_string(rows) + "x" + std::to_string(cols) +
             " source into " + std::to_string(dst.GetValidCol()) + " columns");
  for (int c = 0; c < cols; ++c) {
    T acc = src.at(0, c);
    for (int r = 1; r < rows; ++r)
      acc = store<T>(f(load(acc), load(src.at(r, c))));
    dst.at(0, c) = acc;
  }
  ins.vector(VecOp::Binary, rows, cols, sizeof(T));
}

/// The per-row operand of a TROWEXPAND* as pto-isa accepts it: a row-major
/// tile with one 32-byte block per row (32 / sizeof(T) valid columns), or a
/// col-major (DN) tile with one valid column. Anything else fails, naming
/// the rule: a row-major [R, 1] operand would be read as a whole block on the
/// NPU, lanes 1 to 32 / sizeof(T) - 1 being padding.
/// The form with a tmp tile takes only the DN operand on a2a3.
template <typename T, typename Per>
void checkRowOperand(const Instruction &ins, const Per &per, const char *role, int rows,
                     bool withTmp) {
  static_assert(Per::Loc == pto::TileType::Vec && Per::SFractal == pto::SLayout::NoneBox,
                "the per-row operand must be an ND or DN Vec tile");
  if (withTmp && Per::isRowMajor)
    ins.fail(std::string("with a tmp tile the per-row operand ") + role +
             " must be col-major (DN) with 1 valid column");
  constexpr int block = 32 / int(sizeof(T));
  const int want = Per::isRowMajor ? block : 1;
  if (per.GetValidRow() != rows || per.GetValidCol() != want)
    ins.fail(std::string("the per-row operand ") + role + " must be row-major with " +
             std::to_string(block) + " valid columns (the row's value filling its 32-byte block) " +
             "or col-major (DN) with 1 valid column, for " + std::to_string(rows) +
             " rows; found " + (Per::isRowMajor ? "row-major " : "col-major ") +
             std::to_string(per.GetValidRow()) + "x" + std::to_string(per.GetValidCol()));
}

/// dst = f(src0, src1) where one source (row-major) has dst's valid shape and
/// the other holds each row's value (checkRowOperand): pto-isa's
/// TROWEXPAND{ADD,SUB,MUL,DIV,MAX,MIN}. A row-major per-row operand is used
/// as the hardware does, lane c % (32 / sizeof(T)) of the row's block.
template <typename Dst, typename S0, typename S1, typename F>
void rowExpandOp(const char *name, VecOp cost, Dst &dst, S0 &src0, S1 &src1, F f,
                 bool withTmp) {
  using T = typename Dst::DType;
  static_assert(std::is_same_v<T, typename S0::DType> &&
                    std::is_same_v<T, typename S1::DType>,
                "operands must have the same element type");
  static_assert(isPlainVec<Dst>, "dst must be a row-major Vec tile");
  Instruction ins(name, Pipe::V);
  checkArithmeticType<T>(ins);
  ins.read(src0, "src0");
  ins.read(src1, "src1");
  ins.write(dst, "dst");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  auto dstShaped = [&](const auto &src) {
    return std::decay_t<decltype(src)>::isRowMajor && src.GetValidRow() == rows &&
           src.GetValidCol() == cols;
  };
  auto run = [&](const auto &full, const auto &per, bool perIsFirst) {
    using Full = std::decay_t<decltype(full)>;
    using Per = std::decay_t<decltype(per)>;
    if constexpr (!isPlainVec<Full>) {
      ins.fail("the dst-shaped operand must be a row-major Vec tile");
    } else {
      checkRowOperand<T>(ins, per, perIsFirst ? "src0" : "src1", rows, withTmp);
      constexpr int lanes = Per::isRowMajor ? 32 / int(sizeof(T)) : 1;
      for (int r = 0; r < rows; ++r) {
        T *d = dst.data() + size_t(r) * Dst::Cols;
        const T *x = full.data() + size_t(r) * Full::Cols;
        for (int c = 0; c < cols; ++c) {
          auto v = load(per.at(r, c % lanes));
          d[c] = store<T>(perIsFirst ? f(ins, v, load(x[c])) : f(ins, load(x[c]), v));
        }
      }
    }
  };
  if (dstShaped(src0))
    run(src0, src1, false);
  else if (dstShaped(src1))
    run(src1, src0, true);
  else
    ins.fail("neither source is a row-major tile of dst's valid shape " + std::to_string(rows) +
             "x" + std::to_string(cols));
  ins.vector(cost, rows, cols, sizeof(T));
}

/// dst[r][c] = f(src0[r][c], src1[0][c]).
template <typename Dst, typename S0, typename S1, typename F>
void colExpandOp(const char *name, VecOp cost, Dst &dst, S0 &src0, S1 &src1, F f) {
  using T = typename Dst::DType;
  static_assert(std::is_same_v<T, typename S0::DType> &&
                    std::is_same_v<T, typename S1::DType>,
                "operands must have the same element type");
  static_assert(isPlainVec<Dst> && isPlainVec<S0> && isPlainVec<S1>,
                "operands must be row-major Vec tiles");
  Instruction ins(name, Pipe::V);
  checkArithmeticType<T>(ins);
  ins.read(src0, "src0");
  ins.read(src1, "src1");
  ins.write(dst, "dst");
  checkSameValid(ins, dst, "dst", src0, "src0");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  if (src1.GetValidRow() < 1 || src1.GetValidCol() != cols)
    ins.fail("the per-column operand needs " + std::to_string(cols) +
             " valid columns");
  const T *y = src1.data();
  for (int r = 0; r < rows; ++r) {
    T *d = dst.data() + size_t(r) * Dst::Cols;
    const T *x = src0.data() + size_t(r) * S0::Cols;
    for (int c = 0; c < cols; ++c)
      d[c] = store<T>(f(ins, load(x[c]), load(y[c])));
  }
  ins.vector(cost, rows, cols, sizeof(T));
}

} // namespace tilec::isa

namespace pto {

// --- row reductions -----------------------------------------------------------
template <typename D, typename S, typename Tmp>
RecordEvent TROWSUM(D &dst, S &src, Tmp &tmp) {
  tilec::isa::rowReduce("TROWSUM", dst, src, tmp, 0,
                        [](auto a, auto b) { return a + b; });
  return {};
}

template <typename D, typename S, typename Tmp>
RecordEvent TROWMAX(D &dst, S &src, Tmp &tmp) {
  using C = tilec::isa::ComputeT<typename S::DType>;
  C lowest;
  if constexpr (std::is_floating_point_v<C>)
    lowest = -std::numeric_limits<C>::infinity();
  else
    lowest = C(std::numeric_limits<typename S::DType>::min());
  tilec::isa::rowReduce("TROWMAX", dst, src, tmp, lowest,
                        [](auto a, auto b) { return tilec::isa::maxOf(a, b); });
  return {};
}

template <typename D, typename S, typename Tmp>
RecordEvent TROWMIN(D &dst, S &src, Tmp &tmp) {
  using C = tilec::isa::ComputeT<typename S::DType>;
  C highest;
  if constexpr (std::is_floating_point_v<C>)
    highest = std::numeric_limits<C>::infinity();
  else
    highest = C(std::numeric_limits<typename S::DType>::max());
  tilec::isa::rowReduce("TROWMIN", dst, src, tmp, highest,
                        [](auto a, auto b) { return tilec::isa::minOf(a, b); });
  return {};
}

// --- column reductions ----------------------------------------------------------
template <typename D, typename S> RecordEvent TCOLSUM(D &dst, S &src) {
  tilec::isa::colReduce("TCOLSUM", dst, src, [](auto a, auto b) { return a + b; });
  return {};
}
template <typename D, typename S> RecordEvent TCOLMAX(D &dst, S &src) {
  tilec::isa::colReduce("TCOLMAX", dst, src,
                        [](auto a, auto b) { return tilec::isa::maxOf(a, b); });
  return {};
}
template <typename D, typename S> RecordEvent TCOLMIN(D &dst, S &src) {
  tilec::isa::colReduce("TCOLMIN", dst, src,
                        [](auto a, auto b) { return tilec::isa::minOf(a, b); });
  return {};
}

// --- row / column broadcasts ------------------------------------------------
/// dst[r][c] = src[r][0]: each row's value across the row.
template <typename D, typename S> RecordEvent TROWEXPAND(D &dst, S &src) {
  using T = typename D::DType;
  static_assert(std::is_same_v<T, typename S::DType>, "TROWEXPAND keeps the element type");
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4,
                "TROWEXPAND moves 1-, 2- or 4-byte elements");
  static_assert(tilec::isa::isPlainVec<D>, "TROWEXPAND: dst must be a row-major (ND) Vec tile");
  static_assert(S::Loc == TileType::Vec && S::SFractal == SLayout::NoneBox,
                "TROWEXPAND: src must be an ND or DN Vec tile");
  tilec::isa::Instruction ins("TROWEXPAND", tilec::target::Pipe::V);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  if (src.GetValidRow() != rows || src.GetValidCol() < 1)
    ins.fail("the per-row source needs " + std::to_string(rows) +
             " valid rows and at least one valid column");
  for (int r = 0; r < rows; ++r) {
    T v = src.at(r, 0);
    for (int c = 0; c < cols; ++c)
      dst.at(r, c) = v;
  }
  ins.vector(tilec::isa::VecOp::Unary, rows, cols, sizeof(T));
  return {};
}

/// TROWEXPAND{ADD,...}(dst, src0, src1[, tmp]).
#define TILEC_ROW_EXPAND(NAME, FN, COST)                                        \
  template <typename D, typename S0, typename S1, typename... Tmp>              \
  RecordEvent NAME(D &dst, S0 &src0, S1 &src1, Tmp &...) {                      \
    static_assert(sizeof...(Tmp) <= 1, #NAME " takes at most one tmp tile");    \
    tilec::isa::rowExpandOp(#NAME, tilec::isa::VecOp::COST, dst, src0, src1,    \
                            tilec::isa::FN{}, sizeof...(Tmp) == 1);             \
    return {};                                                                  \
  }
TILEC_ROW_EXPAND(TROWEXPANDADD, AddFn, Binary)
TILEC_ROW_EXPAND(TROWEXPANDSUB, SubFn, Binary)
TILEC_ROW_EXPAND(TROWEXPANDMUL, MulFn, Binary)
TILEC_ROW_EXPAND(TROWEXPANDDIV, DivFn, Divide)
TILEC_ROW_EXPAND(TROWEXPANDMAX, MaxFn, Binary)
TILEC_ROW_EXPAND(TROWEXPANDMIN, MinFn, Binary)
#undef TILEC_ROW_EXPAND

/// TCOLEXPAND{ADD,...}(dst, src0, src1): pto-isa declares no tmp form.
#define TILEC_COL_EXPAND(NAME, FN, COST)                                        \
  template <typename D, typename S0, typename S1>                                \
  RecordEvent NAME(D &dst, S0 &src0, S1 &src1) {                                \
    tilec::isa::colExpandOp(#NAME, tilec::isa::VecOp::COST, dst, src0, src1,    \
                            tilec::isa::FN{});                                  \
    return {};                                                                  \
  }
TILEC_COL_EXPAND(TCOLEXPANDADD, AddFn, Binary)
TILEC_COL_EXPAND(TCOLEXPANDSUB, SubFn, Binary)
TILEC_COL_EXPAND(TCOLEXPANDMUL, MulFn, Binary)
TILEC_COL_EXPAND(TCOLEXPANDDIV, DivFn, Divide)
TILEC_COL_EXPAND(TCOLEXPANDMAX, MaxFn, Binary)
TILEC_COL_EXPAND(TCOLEXPANDMIN, MinFn, Binary)
#undef TILEC_COL_EXPAND

} // namespace pto
