//===- MemoryOps.cpp - global memory: alloc_gm, load, load_rows, store ----===//
#include "runtime/interp/Frame.h"
#include "runtime/interp/Windows.h"

#include "dialects/Tile/TileOps.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace tilec::interp {
namespace {

Shape shapeOf(Type type) {
  auto shaped = cast<ShapedType>(type);
  return Shape(shaped.getShape().begin(), shaped.getShape().end());
}

LogicalResult executeLoad(tile::LoadOp load, Frame &frame) {
  const GlobalBuffer &global = *frame.global(load.getSource());
  const Tensor &source = global.contents();
  SmallVector<int64_t> offsets = frame.integers(load.getOffsets());
  Shape window = shapeOf(load.getType());
  if (failed(checkWindow(load, source.shape, window, offsets)))
    return failure();
  if (window == source.shape) // the whole tensor (at offset 0): shared, not copied
    frame.bind(load.getResult(), global.share());
  else
    bindTensor(frame, load.getResult(), readWindow(source, window, offsets));
  return success();
}

LogicalResult executeLoadRows(tile::LoadRowsOp load, Frame &frame) {
  const Tensor &source = frame.global(load.getSource())->contents();
  const Tensor &rows = *frame.tensor(load.getRows());
  int64_t column = frame.integer(load.getCol());
  Tensor result(source.dtype, shapeOf(load.getType()));
  int64_t width = result.shape[1], sourceRows = source.shape[0], sourceWidth = source.shape[1];
  if (column < 0 || column + width > sourceWidth)
    return load.emitError("columns [") << column << ", " << column + width
                                       << ") exceed the source's " << sourceWidth << " columns";
  for (int64_t i = 0; i < result.shape[0]; ++i) {
    int64_t row = int64_t(rows.elements[size_t(i)]);
    if (row < 0 || row >= sourceRows)
      return load.emitError("row index ") << row << " (entry " << i << ") is outside the source's "
                                          << sourceRows << " rows";
    for (int64_t j = 0; j < width; ++j)
      result.elements[size_t(i * width + j)] =
          source.elements[size_t(row * sourceWidth + column + j)];
  }
  bindTensor(frame, load.getResult(), std::move(result));
  return success();
}

LogicalResult executeStore(tile::StoreOp store, Frame &frame) {
  GlobalBuffer &global = *frame.global(store.getDest());
  const Tensor &value = *frame.tensor(store.getValue());
  SmallVector<int64_t> offsets = frame.integers(store.getOffsets());
  if (failed(checkWindow(store, global.contents().shape, value.shape, offsets)))
    return failure();
  writeWindow(global.contentsToWrite(), value, offsets);
  return success();
}

} // namespace

std::optional<LogicalResult> executeMemoryOp(Operation *op, Frame &frame) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::AllocGmOp alloc) {
        auto type = alloc.getType();
        frame.bind(alloc.getResult(),
                   std::make_shared<GlobalBuffer>(Tensor(elementDType(type), shapeOf(type))));
        return success();
      })
      .Case([&](tile::LoadOp load) { return executeLoad(load, frame); })
      .Case([&](tile::LoadRowsOp load) { return executeLoadRows(load, frame); })
      .Case([&](tile::StoreOp store) { return executeStore(store, frame); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
