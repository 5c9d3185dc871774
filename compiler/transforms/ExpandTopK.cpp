//===- ExpandTopK.cpp - row arg-max and top-k as compares and selects -----===//
//
// Repeated max and mask, all row-wise vector work (a fused chain keeps every
// round in UB). Each round takes the row maximum m, the lowest column still
// available that holds it (row_min over the columns where the row equals m,
// others counting as C), writes both into slot t of the results, and retires
// that column: its value becomes the lowest of the type and its column C, so
// a later round can neither pick it again nor prefer it among equals (exact
// for rows holding -inf or INT32_MIN too). Ranking runs in f32 for floats
// (exact for f16) and in i32 for integers.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/ExpandTopK.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include <limits>

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

/// Creates the ranking's tile ops at the composite's location.
class Ranking {
public:
  Ranking(PatternRewriter &rewriter, Location loc, Value source)
      : rewriter(rewriter), loc(loc), i32(rewriter.getI32Type()) {
    auto type = cast<RankedTensorType>(source.getType());
    rows = type.getDimSize(0);
    cols = type.getDimSize(1);
    Type element = type.getElementType();
    work = source;
    if (isa<FloatType>(element)) {
      Type f32 = rewriter.getF32Type();
      work = element == f32 ? source
                            : CastOp::create(rewriter, loc, type.clone(f32), source,
                                             RoundMode::none, SaturationAttr()).getResult();
      lowest = arith::ConstantOp::create(
          rewriter, loc, rewriter.getFloatAttr(f32, -std::numeric_limits<float>::infinity()));
    } else {
      lowest = constant(std::numeric_limits<int32_t>::min());
    }
    columns = iota(cols);
    beyond = constant(int32_t(cols));
  }

  Type workElement() { return cast<RankedTensorType>(work.getType()).getElementType(); }

  Value constant(int32_t value) {
    return arith::ConstantOp::create(rewriter, loc, rewriter.getI32IntegerAttr(value));
  }

  Value iota(int64_t n) {
    return IotaOp::create(rewriter, loc, RankedTensorType::get({1, n}, i32));
  }

  /// `lhs == rhs` broadcast to `shape`.
  Value equal(Value lhs, Value rhs, ArrayRef<int64_t> shape) {
    return CmpOp::create(rewriter, loc, RankedTensorType::get(shape, rewriter.getI1Type()), lhs,
                         rhs, CmpPredicate::eq);
  }

  Value select(Value mask, Value onTrue, Value onFalse, ArrayRef<int64_t> shape, Type element) {
    return SelectOp::create(rewriter, loc, RankedTensorType::get(shape, element), mask, onTrue,
                            onFalse);
  }

  /// The row maximum [R, 1] of `work` and the lowest available column holding it.
  std::pair<Value, Value> round() {
    Value max = RowMaxOp::create(rewriter, loc, RankedTensorType::get({rows, 1}, workElement()),
                                 work);
    Value holding = equal(work, max, {rows, cols});
    Value candidates = select(holding, columns, beyond, {rows, cols}, i32);
    Value column = RowMinOp::create(rewriter, loc, RankedTensorType::get({rows, 1}, i32),
                                    candidates);
    return {max, column};
  }

  /// Retires `column` [R, 1] from later rounds.
  void retire(Value column) {
    Value taken = equal(columns, column, {rows, cols});
    work = select(taken, lowest, work, {rows, cols}, workElement());
    columns = select(taken, beyond, columns, {rows, cols}, i32);
  }

  PatternRewriter &rewriter;
  Location loc;
  Type i32;
  int64_t rows, cols;
  Value work, lowest, columns, beyond;
};

struct ExpandRowArgmax : OpRewritePattern<RowArgmaxOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(RowArgmaxOp op, PatternRewriter &rewriter) const override {
    Ranking ranking(rewriter, op.getLoc(), op.getSource());
    rewriter.replaceOp(op, ranking.round().second);
    return success();
  }
};

struct ExpandTopK : OpRewritePattern<TopKOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TopKOp op, PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Ranking ranking(rewriter, loc, op.getSource());
    int64_t k = op.getK();
    SmallVector<int64_t> shape = {ranking.rows, k};
    Type element = ranking.workElement(), i32 = ranking.i32;
    auto zeros = [&](Type type) {
      TypedAttr zero = isa<FloatType>(type) ? TypedAttr(rewriter.getFloatAttr(type, 0.0))
                                            : TypedAttr(rewriter.getIntegerAttr(type, 0));
      return FullOp::create(rewriter, loc, RankedTensorType::get(shape, type), zero).getResult();
    };
    Value values = zeros(element), indices = zeros(i32), slots = ranking.iota(k);
    for (int64_t t = 0; t < k; ++t) {
      auto [max, column] = ranking.round();
      Value slot = ranking.equal(slots, ranking.constant(int32_t(t)), {1, k});
      values = ranking.select(slot, max, values, shape, element);
      indices = ranking.select(slot, column, indices, shape, i32);
      if (t + 1 < k)
        ranking.retire(column);
    }
    Type resultElement = op.getValues().getType().getElementType();
    if (resultElement != element) // f16: each value is an f16 element, so rint is exact
      values = CastOp::create(rewriter, loc, op.getValues().getType(), values, RoundMode::rint,
                              SaturationAttr());
    rewriter.replaceOp(op, {values, indices});
    return success();
  }
};

} // namespace

void tilec::populateTopKExpansions(RewritePatternSet &patterns) {
  patterns.add<ExpandRowArgmax, ExpandTopK>(patterns.getContext());
}
