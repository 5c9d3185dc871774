//===- VectorPatterns.cpp - compute ops as vector tasks -------------------===//
//
// Every tile op without a pattern of its own computes on the vector cores:
// elementwise ops, casts, reductions, broadcasts, fills and gathers become
// one task each (VectorTasks.cpp) in the chunks its strategy says, reading
// its operands' places and writing its result's. The pattern matches any
// op at the lowest benefit, so that the op-specific families go first;
// composites must have been expanded before. A compare is no task: the task
// of the select reading its mask computes it (operandsRead).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct LowerVectorOp : ConversionPattern {
  LowerVectorOp(KernelConversion &state, MLIRContext *context)
      : ConversionPattern(MatchAnyOpTypeTag(), PatternBenefit(0), context), state(state) {}

  LogicalResult matchAndRewrite(Operation *op, ArrayRef<Value>,
                                ConversionPatternRewriter &rewriter) const override {
    if (state.errorReported)
      return rewriter.notifyMatchFailure(op, "an earlier op of the kernel failed to lower");
    if (!isa<tile::TileDialect>(op->getDialect()) || op->getNumResults() != 1)
      return rewriter.notifyMatchFailure(op, "not a tile op computing one tensor");
    if (isa<tile::CmpOp>(op))
      return rewriter.notifyMatchFailure(op, "a mask is computed in its select's task");
    state.places.track(rewriter);
    if (failed(lower(op, state.places))) {
      state.errorReported = true;
      return failure();
    }
    replaceByPlaceholders(op, rewriter);
    return success();
  }

private:
  static LogicalResult lower(Operation *op, GmPlaces &places) {
    if (op->hasTrait<tile::kind::Composite>())
      return op->emitOpError("is a composite: run --tile-expand-composites first");
    return lowerToTask(
        op, places, [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      SmallVector<TaskOperand> operands;
      for (Value operand : operandsRead(op)) {
        TaskOperand taskOperand;
        if (isa<RankedTensorType>(operand.getType()))
          taskOperand.global = places.of(operand);
        else
          taskOperand.scalar = operand;
        operands.push_back(taskOperand);
      }
      FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(op);
      if (failed(chunking))
        return failure();
      return lowerVectorOp(op, operands, result, *chunking, context);
    });
  }

  KernelConversion &state;
};

} // namespace

void tilec::conversion::populateVectorPatterns(RewritePatternSet &patterns,
                                               KernelConversion &state) {
  patterns.add<LowerVectorOp>(state, patterns.getContext());
}
