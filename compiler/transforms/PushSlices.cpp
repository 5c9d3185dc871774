//===- PushSlices.cpp - slices of elementwise results onto their operands -===//
//
// slice(f(a, b)) computes f on the sliced operands instead, when every use
// of f's result is a slice: the math then runs where the slice is taken. In
// the DeepSeek-V4 kernel the q dequantisation `f32(qr @ wq_b) * scale *
// wq_b_scale` is only read per head, so it moves into the per-head loop and
// fuses there with the head's RMSNorm and RoPE, instead of a [T, H·D] f32
// round trip through global memory.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tilec {
#define GEN_PASS_DEF_TILEPUSHSLICES
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

/// The part of `operand` (broadcast numpy-style to a result of `resultShape`)
/// that a slice at `offsets` of `sliceShape` of the result reads.
Value sliceOperand(PatternRewriter &rewriter, Location loc, Value operand,
                   ArrayRef<int64_t> resultShape, ValueRange offsets,
                   ArrayRef<int64_t> sliceShape) {
  auto type = dyn_cast<RankedTensorType>(operand.getType());
  if (!type)
    return operand; // a scalar
  int64_t lead = int64_t(resultShape.size()) - type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<Value> operandOffsets;
  bool whole = true;
  Value zero;
  for (int64_t dim = 0; dim < type.getRank(); ++dim) {
    int64_t resultDim = dim + lead;
    if (type.getDimSize(dim) == 1 && resultShape[resultDim] != 1) {
      // A broadcast dimension: the slice reads its one element.
      if (!zero)
        zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
      shape.push_back(1);
      operandOffsets.push_back(zero);
      continue;
    }
    shape.push_back(sliceShape[resultDim]);
    operandOffsets.push_back(offsets[resultDim]);
    APInt offset;
    whole &= sliceShape[resultDim] == type.getDimSize(dim) &&
             matchPattern(offsets[resultDim], m_ConstantInt(&offset)) && offset.isZero();
  }
  if (whole)
    return operand;
  return SliceOp::create(rewriter, loc, type.clone(shape), operand, operandOffsets);
}

struct PushSliceThroughElementwise : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SliceOp slice, PatternRewriter &rewriter) const override {
    Operation *producer = slice.getSource().getDefiningOp();
    if (!producer || !producer->hasTrait<kind::Elementwise>() ||
        !llvm::all_of(producer->getUsers(), llvm::IsaPred<SliceOp>))
      return failure();
    ArrayRef<int64_t> resultShape = slice.getSource().getType().getShape();
    ArrayRef<int64_t> sliceShape = slice.getType().getShape();
    SmallVector<Value> operands;
    for (Value operand : producer->getOperands())
      operands.push_back(sliceOperand(rewriter, producer->getLoc(), operand, resultShape,
                                      slice.getOffsets(), sliceShape));
    OperationState state(producer->getLoc(), producer->getName(), operands,
                         TypeRange{slice.getType()}, producer->getAttrs());
    rewriter.replaceOp(slice, rewriter.create(state)->getResults());
    return success();
  }
};

struct TilePushSlices : tilec::impl::TilePushSlicesBase<TilePushSlices> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<PushSliceThroughElementwise>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
