//===- KernelConversion.cpp - state shared by the conversion patterns -----===//
//
// What more than one family of patterns (KernelConversion.h) needs: the
// places inserts and loops update, the task of an op with one result, the
// vector task of an op, and the placeholders of lowered ops.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

FailureOr<GmLocation> KernelConversion::updatedPlace(Operation *op, unsigned index, Value value,
                                                     ascend::ChunkingAttr chunking) {
  FailureOr<ascend::GmPlace> place = placementOf(op, index);
  if (failed(place))
    return failure();
  GmLocation dest = places.of(value);
  if (*place == ascend::GmPlace::in_place) {
    if (GmPlaces::isOnlyUse(value, op) && places.isScratch(dest))
      return dest;
    return op->emitOpError("cannot update tensor #")
           << index << " in place (`ascend.placement`): the old value is read elsewhere or "
           << "lives in a kernel tensor, so it is copied";
  }
  auto type = cast<RankedTensorType>(value.getType());
  GmLocation fresh =
      places.scratch(op->getLoc(), MatrixShape::of(type.getShape()), type.getElementType());
  places.host.setInsertionPoint(op);
  if (failed(places.copy(op->getLoc(), value, dest, fresh, chunking)))
    return failure();
  return fresh;
}

void tilec::conversion::replaceByPlaceholders(Operation *op,
                                              ConversionPatternRewriter &rewriter) {
  SmallVector<Value> placeholders;
  for (Type type : op->getResultTypes())
    placeholders.push_back(
        UnrealizedConversionCastOp::create(rewriter, op->getLoc(), TypeRange{type}, ValueRange{})
            .getResult(0));
  rewriter.replaceOp(op, placeholders);
}

LogicalResult tilec::conversion::lowerTileOp(Operation *op, KernelConversion &state,
                                             ConversionPatternRewriter &rewriter,
                                             function_ref<LogicalResult(GmPlaces &)> lower) {
  if (state.errorReported)
    return rewriter.notifyMatchFailure(op, "an earlier op of the kernel failed to lower");
  state.places.track(rewriter);
  if (failed(lower(state.places))) {
    state.errorReported = true;
    return rewriter.notifyMatchFailure(op, "its lowering failed (a located error says why)");
  }
  replaceByPlaceholders(op, rewriter);
  return success();
}

LogicalResult tilec::conversion::checkTask(Operation *op, ascend::CoreType core) {
  ascend::CoreTypeAttr formed = ascend::AscendDialect::TaskAttrHelper(op->getContext()).getAttr(op);
  if (!formed)
    return op->emitOpError("is not formed into a task (no `ascend.task`): run tile-form-tasks "
                           "first");
  if (formed.getValue() != core)
    return op->emitOpError("runs on the ")
           << (core == ascend::CoreType::aiv ? "vector" : "cube") << " cores ("
           << ascend::stringifyCoreType(core) << "), but its `ascend.task` says "
           << ascend::stringifyCoreType(formed.getValue());
  return success();
}

LogicalResult tilec::conversion::lowerToTask(
    Operation *op, ascend::CoreType core, GmPlaces &places,
    function_ref<LogicalResult(const GmLocation &, TaskContext &)> build) {
  if (failed(checkTask(op, core)))
    return failure();
  Value result = op->getResult(0);
  FailureOr<GmLocation> destination = places.placeResult(result, op);
  if (failed(destination))
    return failure();
  places.host.setInsertionPoint(op);
  TaskContext context = places.contextFor(op);
  places.set(result, *destination);
  return build(*destination, context);
}

LogicalResult tilec::conversion::lowerToVectorTask(Operation *op, GmPlaces &places) {
  return lowerToTask(op, ascend::CoreType::aiv, places,
                     [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
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
