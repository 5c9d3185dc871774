//===- CanonicalizeShapes.cpp - rank-2 math and folded reshapes -----------===//
//
// The lowering computes on [rows, columns] tiles. The frontend reshapes
// kernel tensors of other ranks right after their load and before their
// store, so most math is rank-2 already; these patterns bring the rest there
// (rank-3+ elementwise ops, rank-1 broadcast operands) and fold the reshape
// chains that result.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tilec {
#define GEN_PASS_DEF_TILECANONICALIZESHAPES
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

Value reshapeTo(PatternRewriter &rewriter, Location loc, Value source, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(source.getType());
  return ReshapeOp::create(rewriter, loc, type.clone(shape), source);
}

/// The [1, C] row of a rank-1 [C] (or rank-0) operand. A mask is not
/// reshaped (it lives only beside its select): its compare is recomputed on
/// rows of its operands.
Value rowOf(PatternRewriter &rewriter, Location loc, Value operand) {
  auto type = cast<RankedTensorType>(operand.getType());
  int64_t cols = type.getRank() == 1 ? type.getDimSize(0) : 1;
  auto cmp = operand.getDefiningOp<CmpOp>();
  if (!cmp)
    return reshapeTo(rewriter, loc, operand, {1, cols});
  IRMapping mapping;
  for (Value input : cmp->getOperands())
    if (isa<RankedTensorType>(input.getType()))
      mapping.map(input, rowOf(rewriter, loc, input));
  Operation *row = rewriter.clone(*cmp.getOperation(), mapping);
  row->getResult(0).setType(type.clone({1, cols}));
  return row->getResult(0);
}

/// reshape(reshape(x)) → reshape(x), or x when the shapes match.
struct FoldReshapeChain : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op, PatternRewriter &rewriter) const override {
    auto inner = op.getSource().getDefiningOp<ReshapeOp>();
    if (!inner)
      return failure();
    Value original = inner.getSource();
    if (original.getType() == op.getType())
      rewriter.replaceOp(op, original);
    else
      rewriter.modifyOpInPlace(op, [&] { op.getSourceMutable().assign(original); });
    return success();
  }
};

/// A rank-1 [C] operand of a binary op, compare or select with a [R, C]
/// result becomes a [1, C] row, so the lowering only sees row and column
/// expansion.
struct RowVectorOperand : RewritePattern {
  RowVectorOperand(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op, PatternRewriter &rewriter) const override {
    if (!(op->hasTrait<kind::BinaryMath>() || isa<CmpOp, SelectOp>(op)) ||
        cast<RankedTensorType>(op->getResult(0).getType()).getRank() != 2)
      return failure();
    bool changed = false;
    for (OpOperand &operand : op->getOpOperands()) {
      auto type = dyn_cast<RankedTensorType>(operand.get().getType());
      if (!type || type.getRank() != 1)
        continue;
      Value row = rowOf(rewriter, op->getLoc(), operand.get());
      rewriter.modifyOpInPlace(op, [&] { operand.set(row); });
      changed = true;
    }
    return success(changed);
  }
};

/// An elementwise op on rank-3+ tensors of one shape runs on
/// [product of the leading dims, last dim] between reshapes.
struct FlattenElementwise : RewritePattern {
  FlattenElementwise(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op, PatternRewriter &rewriter) const override {
    if (!op->hasTrait<kind::Elementwise>())
      return failure();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    if (resultType.getRank() < 3)
      return failure();
    // Broadcasting between tensors would not survive the flattening.
    for (Value operand : op->getOperands())
      if (auto type = dyn_cast<RankedTensorType>(operand.getType());
          type && type.getShape() != resultType.getShape())
        return failure();
    ArrayRef<int64_t> shape = resultType.getShape();
    int64_t rows = 1;
    for (int64_t dim : shape.drop_back())
      rows *= dim;
    SmallVector<int64_t> flat = {rows, shape.back()};

    IRMapping mapping;
    for (Value operand : op->getOperands())
      if (isa<RankedTensorType>(operand.getType()))
        mapping.map(operand, reshapeTo(rewriter, op->getLoc(), operand, flat));
    Operation *flatOp = rewriter.clone(*op, mapping);
    flatOp->getResult(0).setType(resultType.clone(flat));
    rewriter.replaceOp(op, reshapeTo(rewriter, op->getLoc(), flatOp->getResult(0), shape));
    return success();
  }
};

/// A rank-1 [C] select or iota computes a [1, C] row, reshaped back for its
/// readers, so the lowering sees rows × columns (a rank-1 compare is raised
/// with its select, by rowOf).
template <typename Op> struct RaiseRankOne : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;

  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op.getType());
    if (resultType.getRank() != 1)
      return failure();
    int64_t cols = resultType.getDimSize(0);
    IRMapping mapping;
    for (Value operand : op->getOperands())
      if (isa<RankedTensorType>(operand.getType()))
        mapping.map(operand, rowOf(rewriter, op.getLoc(), operand));
    Operation *row = rewriter.clone(*op.getOperation(), mapping);
    row->getResult(0).setType(resultType.clone({1, cols}));
    rewriter.replaceOp(op, reshapeTo(rewriter, op.getLoc(), row->getResult(0), {cols}));
    return success();
  }
};

struct TileCanonicalizeShapes
    : tilec::impl::TileCanonicalizeShapesBase<TileCanonicalizeShapes> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<FoldReshapeChain, FlattenElementwise, RowVectorOperand,
                 RaiseRankOne<SelectOp>, RaiseRankOne<IotaOp>>(context);
    // Folding drops the reshapes that do not change the type (ReshapeOp::fold).
    GreedyRewriteConfig config;
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};

} // namespace
