// Vector-unit instructions on row-major UB tiles (pipe V): elementwise with a
// tile or a scalar, unary math, fills, row reductions, row/column
// broadcasts and mask-pattern gathers. Each loops over rows of the valid
// region with a contiguous inner loop the host compiler vectorises; f16 and
// bf16 compute in f32 and round back once per result.
#pragma once

#include "runtime/isa/Elements.h"
#include "runtime/isa/Instruction.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace tilec::isa {

template <typename TileT> constexpr bool isPlainVec =
    TileT::Loc == pto::TileType::Vec && TileT::isRowMajor &&
    TileT::SFractal == pto::SLayout::NoneBox;

/// The element types vector arithmetic accepts; bf16 only where the target
/// has bf16 arithmetic (a5).
template <typename T> void checkArithmeticType(const Instruction &ins) {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, pto::half> ||
                    std::is_same_v<T, pto::bfloat16_t> ||
                    std::is_same_v<T, int32_t> || std::is_same_v<T, int16_t>,
                "vector arithmetic supports f32, f16, bf16 (a5), i32, i16");
  if (std::is_same_v<T, pto::bfloat16_t> && !ins.target().vectorBf16Arithmetic)
    ins.fail("bf16 vector arithmetic is not supported on " +
             std::string(ins.target().name) + ": convert to f32 first");
}

/// The tile element type's value of a scalar operand (a literal of another
/// arithmetic type is first rounded to T, as the scalar register holds T).
template <typename T, typename S> ComputeT<T> scalarValue(S s) {
  if constexpr (std::is_same_v<S, T>)
    return load(s);
  else
    return load(store<T>(ComputeT<T>(s)));
}

template <typename C> C maxOf(C a, C b) {
  if constexpr (std::is_floating_point_v<C>)
    return a != a ? a : b != b ? b : a > b ? a : b; // NaN propagates
  else
    return a > b ? a : b;
}
template <typename C> C minOf(C a, C b) {
  if constexpr (std::is_floating_point_v<C>)
    return a != a ? a : b != b ? b : a < b ? a : b;
  else
    return a < b ? a : b;
}

template <typename C> C divide(const Instruction &ins, C a, C b) {
  if constexpr (std::is_integral_v<C>) {
    if (b == 0)
      ins.fail("integer division by zero");
  }
  return a / b;
}

/// dst = f(src) elementwise over dst's valid region.
template <typename Dst, typename Src, typename F>
void unaryRows(Dst &dst, const Src &src, F f) {
  using T = typename Dst::DType;
  using S = typename Src::DType;
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  for (int r = 0; r < rows; ++r) {
    T *d = dst.data() + size_t(r) * Dst::Cols;
    const S *s = src.data() + size_t(r) * Src::Cols;
    for (int c = 0; c < cols; ++c)
      d[c] = store<T>(f(load(s[c])));
  }
}

template <typename Dst, typename A, typename B, typename F>
void binaryRows(Dst &dst, const A &a, const B &b, F f) {
  using T = typename Dst::DType;
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  for (int r = 0; r < rows; ++r) {
    T *d = dst.data() + size_t(r) * Dst::Cols;
    const T *x = a.data() + size_t(r) * A::Cols;
    const T *y = b.data() + size_t(r) * B::Cols;
    for (int c = 0; c < cols; ++c)
      d[c] = store<T>(f(load(x[c]), load(y[c])));
  }
}

template <typename Dst, typename A, typename B, typename F>
void binaryOp(const char *name, VecOp cost, Dst &dst, A &a, B &b, F f) {
  using T = typename Dst::DType;
  static_assert(std::is_same_v<T, typename A::DType> &&
                    std::is_same_v<T, typename B::DType>,
                "operands must have the same element type");
  static_assert(isPlainVec<Dst> && isPlainVec<A> && isPlainVec<B>,
                "vector operands must be row-major Vec tiles");
  Instruction ins(name, Pipe::V);
  checkArithmeticType<T>(ins);
  ins.read(a, "src0");
  ins.read(b, "src1");
  ins.write(dst, "dst");
  checkSameValid(ins, dst, "dst", a, "src0");
  checkSameValid(ins, dst, "dst", b, "src1");
  binaryRows(dst, a, b, [&](auto x, auto y) { return f(ins, x, y); });
  ins.vector(cost, dst.GetValidRow(), dst.GetValidCol(), sizeof(T));
}

template <typename Dst, typename Src, typename F>
void unaryOp(const char *name, VecOp cost, Dst &dst, Src &src, F f) {
  using T = typename Dst::DType;
  static_assert(std::is_same_v<T, typename Src::DType>,
                "operands must have the same element type");
  static_assert(isPlainVec<Dst> && isPlainVec<Src>,
                "vector operands must be row-major Vec tiles");
  Instruction ins(name, Pipe::V);
  checkArithmeticType<T>(ins);
  ins.read(src, "src");
  ins.write(dst, "dst");
  checkSameValid(ins, dst, "dst", src, "src");
  unaryRows(dst, src, [&](auto x) { return f(ins, x); });
  ins.vector(cost, dst.GetValidRow(), dst.GetValidCol(), sizeof(T));
}

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

struct AddFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a + b; } };
struct SubFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a - b; } };
struct MulFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a * b; } };
struct DivFn { template <typename C> C operator()(const Instruction &i, C a, C b) const { return divide(i, a, b); } };
struct MaxFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return maxOf(a, b); } };
struct MinFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return minOf(a, b); } };

} // namespace tilec::isa

namespace pto {

// --- tile (op) tile ----------------------------------------------------------
// Three tile operands, no tmp: the elementwise binaries and (below) the
// column broadcasts, which pto-isa declares without a tmp form.
#define TILEC_TILE_TILE(NAME, KIND, FN, COST)                                   \
  template <typename D, typename S0, typename S1>                               \
  RecordEvent NAME(D &dst, S0 &src0, S1 &src1) {                                \
    tilec::isa::KIND(#NAME, tilec::isa::VecOp::COST, dst, src0, src1,           \
                     tilec::isa::FN{});                                         \
    return {};                                                                  \
  }
TILEC_TILE_TILE(TADD, binaryOp, AddFn, Binary)
TILEC_TILE_TILE(TSUB, binaryOp, SubFn, Binary)
TILEC_TILE_TILE(TMUL, binaryOp, MulFn, Binary)
TILEC_TILE_TILE(TDIV, binaryOp, DivFn, Divide)
TILEC_TILE_TILE(TMAX, binaryOp, MaxFn, Binary)
TILEC_TILE_TILE(TMIN, binaryOp, MinFn, Binary)

// --- tile (op) scalar --------------------------------------------------------
#define TILEC_SCALAR(NAME, FN, COST)                                            \
  template <typename D, typename S, typename Scalar,                            \
            std::enable_if_t<!is_tile<Scalar>::value, int> = 0>                 \
  RecordEvent NAME(D &dst, S &src, Scalar scalar) {                             \
    using T = typename D::DType;                                                \
    auto s = tilec::isa::scalarValue<T>(scalar);                                \
    tilec::isa::unaryOp(#NAME, tilec::isa::VecOp::COST, dst, src,               \
                        [s](const tilec::isa::Instruction &i, auto x) {         \
                          return tilec::isa::FN{}(i, x, decltype(x)(s));        \
                        });                                                     \
    return {};                                                                  \
  }
TILEC_SCALAR(TADDS, AddFn, Unary)
TILEC_SCALAR(TSUBS, SubFn, Unary)
TILEC_SCALAR(TMULS, MulFn, Unary)
TILEC_SCALAR(TDIVS, DivFn, Divide)
TILEC_SCALAR(TMAXS, MaxFn, Unary)
TILEC_SCALAR(TMINS, MinFn, Unary)
#undef TILEC_SCALAR

/// TDIVS(dst, scalar, src): scalar / src.
template <typename D, typename S, typename Scalar,
          std::enable_if_t<!is_tile<Scalar>::value, int> = 0>
RecordEvent TDIVS(D &dst, Scalar scalar, S &src) {
  auto s = tilec::isa::scalarValue<typename D::DType>(scalar);
  tilec::isa::unaryOp("TDIVS", tilec::isa::VecOp::Divide, dst, src,
                      [s](const tilec::isa::Instruction &i, auto x) {
                        return tilec::isa::divide(i, decltype(x)(s), x);
                      });
  return {};
}

// --- unary ------------------------------------------------------------------
#define TILEC_FLOAT_UNARY(NAME, EXPR)                                           \
  template <typename D, typename S, typename... Rest>                           \
  RecordEvent NAME(D &dst, S &src, Rest &...) {                                 \
    tilec::isa::unaryOp(#NAME, tilec::isa::VecOp::Transcendental, dst, src,     \
                        [](const tilec::isa::Instruction &i, auto x) {          \
                          static_assert(std::is_floating_point_v<decltype(x)>,  \
                                        #NAME " needs a float tile");           \
                          (void)i;                                              \
                          return decltype(x)(EXPR);                             \
                        });                                                     \
    return {};                                                                  \
  }
TILEC_FLOAT_UNARY(TEXP, std::exp(x))
TILEC_FLOAT_UNARY(TLOG, std::log(x))
TILEC_FLOAT_UNARY(TSQRT, std::sqrt(x))
TILEC_FLOAT_UNARY(TRSQRT, 1.0f / std::sqrt(x))
TILEC_FLOAT_UNARY(TRECIP, 1.0f / x)
TILEC_FLOAT_UNARY(TABS, std::fabs(x))
TILEC_FLOAT_UNARY(TNEG, -x)
#undef TILEC_FLOAT_UNARY

/// Fills dst's valid region with `scalar`.
template <typename D, typename Scalar> RecordEvent TEXPANDS(D &dst, Scalar scalar) {
  using T = typename D::DType;
  static_assert(D::Loc == TileType::Vec, "TEXPANDS fills Vec tiles");
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, half> ||
                    std::is_same_v<T, bfloat16_t> || std::is_same_v<T, int32_t> ||
                    std::is_same_v<T, uint32_t> || std::is_same_v<T, int16_t> ||
                    std::is_same_v<T, uint16_t> || std::is_same_v<T, int8_t> ||
                    std::is_same_v<T, uint8_t>,
                "TEXPANDS fills 1-, 2- or 4-byte integer or float tiles");
  tilec::isa::Instruction ins("TEXPANDS", tilec::target::Pipe::V);
  ins.write(dst, "dst");
  T v = tilec::isa::store<T>(tilec::isa::scalarValue<T>(scalar));
  for (int r = 0; r < dst.GetValidRow(); ++r)
    for (int c = 0; c < dst.GetValidCol(); ++c)
      dst.at(r, c) = v;
  ins.vector(tilec::isa::VecOp::Unary, dst.GetValidRow(), dst.GetValidCol(),
             sizeof(T));
  return {};
}

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

TILEC_TILE_TILE(TCOLEXPANDADD, colExpandOp, AddFn, Binary)
TILEC_TILE_TILE(TCOLEXPANDSUB, colExpandOp, SubFn, Binary)
TILEC_TILE_TILE(TCOLEXPANDMUL, colExpandOp, MulFn, Binary)
TILEC_TILE_TILE(TCOLEXPANDDIV, colExpandOp, DivFn, Divide)
TILEC_TILE_TILE(TCOLEXPANDMAX, colExpandOp, MaxFn, Binary)
TILEC_TILE_TILE(TCOLEXPANDMIN, colExpandOp, MinFn, Binary)
#undef TILEC_TILE_TILE

// --- mask-pattern gather ------------------------------------------------------
/// Keeps one element of every 2 or 4 of each row, packed densely:
/// TGATHER<DstT, SrcT, MaskPattern::P0101>(dst, src) keeps the even columns.
template <typename D, typename S, MaskPattern Pattern>
RecordEvent TGATHER(D &dst, S &src) {
  using T = typename D::DType;
  static_assert(sizeof(T) == sizeof(typename S::DType) &&
                    (sizeof(T) == 2 || sizeof(T) == 4),
                "mask gather moves 2- or 4-byte elements of equal size");
  static_assert(tilec::isa::isPlainVec<D> && tilec::isa::isPlainVec<S>,
                "mask gather works on row-major Vec tiles");
  constexpr int first[] = {0, 0, 1, 0, 1, 2, 3, 0};
  constexpr int step[] = {1, 2, 2, 4, 4, 4, 4, 1};
  constexpr int f = first[int(Pattern)], s = step[int(Pattern)];
  tilec::isa::Instruction ins("TGATHER", tilec::target::Pipe::V);
  ins.read(src, "src");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), srcCols = src.GetValidCol();
  const int kept = srcCols > f ? (srcCols - f + s - 1) / s : 0;
  if (dst.GetValidCol() != D::Cols)
    ins.fail("dst must be continuous: " + std::to_string(dst.GetValidCol()) +
             " valid columns of " + std::to_string(D::Cols));
  if (dst.GetValidRow() != rows || dst.GetValidCol() != kept)
    ins.fail("mask gather of " + std::to_string(rows) + "x" +
             std::to_string(srcCols) + " keeps " + std::to_string(rows) + "x" +
             std::to_string(kept) + " but dst's valid region is " +
             std::to_string(dst.GetValidRow()) + "x" +
             std::to_string(dst.GetValidCol()));
  for (int r = 0; r < rows; ++r) {
    T *d = dst.data() + size_t(r) * D::Cols;
    const auto *x = src.data() + size_t(r) * S::Cols;
    for (int j = 0; j < kept; ++j)
      std::memcpy(&d[j], &x[f + j * s], sizeof(T));
  }
  ins.vector(tilec::isa::VecOp::Gather, rows, srcCols, sizeof(T));
  return {};
}

/// TGATHER(dst, src, indices, tmp): dst[i, j] = the element of src at
/// storage position indices[i, j] (row-major over src's physical rows of
/// S::Cols elements, padding included). `tmp` is pto-isa's scratch of the
/// index form (a2a3 scales the indices to byte offsets in it): the index
/// type, the index tile's valid shape. An index outside the tile is an error.
template <typename D, typename S, typename I, typename Tmp>
RecordEvent TGATHER(D &dst, S &src, I &indices, Tmp &tmp) {
  using T = typename D::DType;
  static_assert(std::is_same_v<T, typename S::DType> && (sizeof(T) == 2 || sizeof(T) == 4),
                "index gather moves 2- or 4-byte elements of one type");
  static_assert(std::is_same_v<typename I::DType, int32_t> ||
                    std::is_same_v<typename I::DType, uint32_t>,
                "index gather takes int32_t or uint32_t indices");
  static_assert(std::is_same_v<typename Tmp::DType, typename I::DType>,
                "index gather's tmp has the index element type");
  static_assert(tilec::isa::isPlainVec<D> && tilec::isa::isPlainVec<S> &&
                    tilec::isa::isPlainVec<I> && tilec::isa::isPlainVec<Tmp>,
                "index gather works on row-major Vec tiles");
  tilec::isa::Instruction ins("TGATHER", tilec::target::Pipe::V);
  ins.read(src, "src");
  ins.read(indices, "indices");
  ins.write(tmp, "tmp");
  ins.write(dst, "dst");
  const int rows = dst.GetValidRow(), cols = dst.GetValidCol();
  if (cols != D::Cols)
    ins.fail("dst must be continuous: " + std::to_string(cols) + " valid columns of " +
             std::to_string(D::Cols));
  if (indices.GetValidRow() != rows || indices.GetValidCol() != cols)
    ins.fail("index gather needs one index per destination element");
  if (tmp.GetValidRow() != indices.GetValidRow() || tmp.GetValidCol() != indices.GetValidCol())
    ins.fail("tmp must have the index tile's valid shape " +
             std::to_string(indices.GetValidRow()) + "x" + std::to_string(indices.GetValidCol()));
  const int64_t limit = int64_t(S::Rows) * S::Cols;
  for (int r = 0; r < rows; ++r) {
    T *d = dst.data() + size_t(r) * D::Cols;
    const auto *index = indices.data() + size_t(r) * I::Cols;
    for (int j = 0; j < cols; ++j) {
      int64_t at = int64_t(index[j]);
      if (at < 0 || at >= limit)
        ins.fail("gather index " + std::to_string(at) + " is outside the source tile (" +
                 std::to_string(limit) + " elements)");
      std::memcpy(&d[j], src.data() + at, sizeof(T));
    }
  }
  ins.vector(tilec::isa::VecOp::Gather, rows, cols, sizeof(T));
  return {};
}

/// TGATHER(dst, src, indices) is not a PTO-ISA form: pto-isa binds three
/// operands to the mask-pattern gather, which cannot deduce its pattern.
template <typename D, typename S, typename I>
RecordEvent TGATHER(D &, S &, I &) {
  static_assert(sizeof(D) == 0,
                "TGATHER(dst, src, indices) is not a PTO-ISA form: the index gather is "
                "TGATHER(dst, src, indices, tmp)");
  return {};
}

} // namespace pto
