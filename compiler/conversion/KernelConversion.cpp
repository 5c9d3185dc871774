//===- KernelConversion.cpp - state shared by the conversion patterns -----===//
//
// What more than one family of patterns (KernelConversion.h) needs: the
// in-place check of inserts and loops, and the placeholders of lowered ops.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

FailureOr<bool> KernelConversion::updatesInPlace(Operation *op, unsigned index, Value value,
                                                 const GmLocation &dest) {
  FailureOr<ascend::GmPlace> place = placementOf(op, index);
  if (failed(place))
    return failure();
  if (*place != ascend::GmPlace::in_place)
    return false;
  if (GmPlaces::isOnlyUse(value, op) && places.isScratch(dest))
    return true;
  return op->emitOpError("cannot update tensor #")
         << index << " in place (`ascend.placement`): the old value is read elsewhere or "
         << "lives in a kernel tensor, so it is copied";
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

LogicalResult tilec::conversion::lowerToTask(
    Operation *op, GmPlaces &places,
    function_ref<LogicalResult(const GmLocation &, TaskContext &)> build) {
  Value result = op->getResult(0);
  FailureOr<GmLocation> destination = places.placeResult(result, op);
  if (failed(destination))
    return failure();
  places.host.setInsertionPoint(op);
  TaskContext context = places.contextFor(op);
  places.set(result, *destination);
  return build(*destination, context);
}
