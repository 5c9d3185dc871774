// Vector-unit instructions on row-major UB tiles (pipe V): elementwise with a
// tile or a scalar, unary math, fills and gathers (row/column reductions and
// broadcasts are in ReduceExpandOps.h). Each loops over rows of the valid
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

struct AddFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a + b; } };
struct SubFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a - b; } };
struct MulFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return a * b; } };
struct DivFn { template <typename C> C operator()(const Instruction &i, C a, C b) const { return divide(i, a, b); } };
struct MaxFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return maxOf(a, b); } };
struct MinFn { template <typename C> C operator()(const Instruction &, C a, C b) const { return minOf(a, b); } };

} // namespace tilec::isa

namespace pto {

// --- tile (op) tile ----------------------------------------------------------
// Three tile operands, no tmp: the elementwise binaries.
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
#undef TILEC_TILE_TILE

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
#undef TILEC_FLOAT_UNARY

/// TNEG also takes i32 and i16 tiles (both targets); integers wrap like the
/// hardware's, so −INT32_MIN is INT32_MIN (store<T> keeps the low bits).
template <typename D, typename S, typename... Rest>
RecordEvent TNEG(D &dst, S &src, Rest &...) {
  tilec::isa::unaryOp("TNEG", tilec::isa::VecOp::Transcendental, dst, src,
                      [](const tilec::isa::Instruction &, auto x) { return decltype(x)(-x); });
  return {};
}

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

/// TTRANS(dst, src, tmp): dst[c, r] = src[r, c] for the valid [R, C] of src
/// into the valid [C, R] of dst (1-, 2- or 4-byte elements; pto-isa's a2a3
/// implementation stages blocks through `tmp`, which has dst's shape here).
/// Costed as a gather of every element.
template <typename D, typename S, typename Tmp>
RecordEvent TTRANS(D &dst, S &src, Tmp &tmp) {
  using T = typename D::DType;
  static_assert(std::is_same_v<T, typename S::DType> && std::is_same_v<T, typename Tmp::DType>,
                "TTRANS keeps the element type");
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4,
                "TTRANS moves 1-, 2- or 4-byte elements");
  static_assert(tilec::isa::isPlainVec<D> && tilec::isa::isPlainVec<S> &&
                    tilec::isa::isPlainVec<Tmp>,
                "TTRANS works on row-major Vec tiles");
  tilec::isa::Instruction ins("TTRANS", tilec::target::Pipe::V);
  ins.read(src, "src");
  ins.write(tmp, "tmp");
  ins.write(dst, "dst");
  const int rows = src.GetValidRow(), cols = src.GetValidCol();
  if (dst.GetValidRow() != cols || dst.GetValidCol() != rows)
    ins.fail("the transpose of a " + std::to_string(rows) + "x" + std::to_string(cols) +
             " source is " + std::to_string(cols) + "x" + std::to_string(rows) +
             ", but dst's valid region is " + std::to_string(dst.GetValidRow()) + "x" +
             std::to_string(dst.GetValidCol()));
  if (tmp.GetValidRow() != cols || tmp.GetValidCol() != rows)
    ins.fail("tmp must have dst's valid shape");
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      std::memcpy(&dst.at(c, r), &src.at(r, c), sizeof(T));
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
