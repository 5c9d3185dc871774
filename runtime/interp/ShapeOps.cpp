//===- ShapeOps.cpp - slice, insert, reshape, full, broadcast, gather, interleave ===//
#include "runtime/interp/Broadcast.h"
#include "runtime/interp/Frame.h"
#include "runtime/interp/Windows.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace tilec::interp {
namespace {

Shape shapeOf(RankedTensorType type) { return Shape(type.getShape().begin(), type.getShape().end()); }

LogicalResult executeSlice(tile::SliceOp slice, Frame &frame) {
  const Tensor &source = *frame.tensor(slice.getSource());
  SmallVector<int64_t> offsets = frame.integers(slice.getOffsets());
  Shape window = shapeOf(slice.getType());
  if (failed(checkWindow(slice, source.shape, window, offsets)))
    return failure();
  bindTensor(frame, slice.getResult(), readWindow(source, window, offsets));
  return success();
}

LogicalResult executeInsert(tile::InsertOp insert, Frame &frame) {
  Tensor result = *frame.tensor(insert.getDest());
  const Tensor &source = *frame.tensor(insert.getSource());
  SmallVector<int64_t> offsets = frame.integers(insert.getOffsets());
  if (failed(checkWindow(insert, result.shape, source.shape, offsets)))
    return failure();
  writeWindow(result, source, offsets);
  bindTensor(frame, insert.getResult(), std::move(result));
  return success();
}

LogicalResult executeReshape(tile::ReshapeOp reshape, Frame &frame) {
  Tensor result = *frame.tensor(reshape.getSource());
  result.shape = shapeOf(reshape.getType());
  bindTensor(frame, reshape.getResult(), std::move(result));
  return success();
}

LogicalResult executeFull(tile::FullOp full, Frame &frame) {
  double value = 0;
  if (auto floatAttr = dyn_cast<FloatAttr>(full.getValue()))
    value = floatAttr.getValueAsDouble();
  else if (auto integerAttr = dyn_cast<IntegerAttr>(full.getValue()))
    value = double(integerAttr.getValue().getSExtValue());
  else
    return full.emitError("fill value must be a float or integer constant");
  Tensor result(elementDType(full.getType()), shapeOf(full.getType()));
  std::fill(result.elements.begin(), result.elements.end(), roundToDType(result.dtype, value));
  bindTensor(frame, full.getResult(), std::move(result));
  return success();
}

/// Columns 0, 2, 4, … (even) or 1, 3, 5, … (odd) of a rank-2 tensor.
LogicalResult executeGather(tile::GatherOp gather, Frame &frame) {
  const Tensor &source = *frame.tensor(gather.getSource());
  Tensor result(source.dtype, shapeOf(gather.getType()));
  int64_t first = gather.getPattern() == tile::GatherPattern::odd ? 1 : 0;
  int64_t rows = result.shape[0], cols = result.shape[1];
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      result.elements[size_t(i * cols + j)] = source.elements[size_t(i * 2 * cols + 2 * j + first)];
  bindTensor(frame, gather.getResult(), std::move(result));
  return success();
}

/// Columns e0, o0, e1, o1, … of two rank-2 tensors.
LogicalResult executeInterleave(tile::InterleaveOp interleave, Frame &frame) {
  const Tensor &even = *frame.tensor(interleave.getEven());
  const Tensor &odd = *frame.tensor(interleave.getOdd());
  Tensor result(even.dtype, shapeOf(interleave.getType()));
  int64_t rows = even.shape[0], cols = even.shape[1];
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) {
      result.elements[size_t(i * 2 * cols + 2 * j)] = even.elements[size_t(i * cols + j)];
      result.elements[size_t(i * 2 * cols + 2 * j + 1)] = odd.elements[size_t(i * cols + j)];
    }
  bindTensor(frame, interleave.getResult(), std::move(result));
  return success();
}

/// Element (i, j) of the result is element (j, i) of the source.
LogicalResult executeTranspose(tile::TransposeOp transpose, Frame &frame) {
  const Tensor &source = *frame.tensor(transpose.getSource());
  Tensor result(source.dtype, shapeOf(transpose.getType()));
  int64_t rows = result.shape[0], cols = result.shape[1];
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      result.elements[size_t(i * cols + j)] = source.elements[size_t(j * rows + i)];
  bindTensor(frame, transpose.getResult(), std::move(result));
  return success();
}

} // namespace

std::optional<LogicalResult> executeShapeOp(Operation *op, Frame &frame) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::SliceOp slice) { return executeSlice(slice, frame); })
      .Case([&](tile::InsertOp insert) { return executeInsert(insert, frame); })
      .Case([&](tile::ReshapeOp reshape) { return executeReshape(reshape, frame); })
      .Case([&](tile::FullOp full) { return executeFull(full, frame); })
      .Case([&](tile::BroadcastOp broadcast) {
        bindTensor(frame, broadcast.getResult(),
                   broadcastTo(*frame.tensor(broadcast.getSource()), shapeOf(broadcast.getType())));
        return success();
      })
      .Case([&](tile::GatherOp gather) { return executeGather(gather, frame); })
      .Case([&](tile::InterleaveOp interleave) { return executeInterleave(interleave, frame); })
      .Case([&](tile::TransposeOp transpose) { return executeTranspose(transpose, frame); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
