//===- StrategyCopies.cpp - chunks of the copy tasks an op needs ----------===//
//
// convert-tile-to-ascend copies a tensor between places in global memory
// (GM → UB → GM, one tile per chunk) where an op needs it elsewhere. Which
// copies happen depends on the places it picks; their chunks depend only on
// the shapes, so every copy an op may need gets one here, in this order:
//   tile.store        the value into the window (scattered rows by its map)
//   tile.insert       the destination into a place of its own, the source
//                     into its window
//   tile.reshape      the source into a contiguous place (the matrix changes)
//   tile.load, slice  rows that are not consecutive gathered (only then); a
//                     load whose source is stored into while it is read,
//                     copied (GmHazards.h)
//   tile.interleave   each half into the stacked operands
//   scf.for           each tensor it carries, in and back (one per tensor)
// A chunk is whole rows of at most the target's copy columns; its rows fill
// half of UB and divide the blocks in which the rows are consecutive on both
// sides.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/GmHazards.h"
#include "compiler/conversion/GmPlaces.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"

#include "llvm/Support/MathExtras.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Chunks of a copy of a `shape` tensor of `element`s; with `map`, the rows
/// of one side are that map's (a window of rows that are not consecutive).
ascend::ChunkingAttr copyChunking(RankedTensorType type, const target::TargetDescription &target,
                                  std::optional<RowMap> map = std::nullopt) {
  MatrixShape shape = MatrixShape::of(type.getShape());
  int64_t rowBlock = map ? std::gcd(shape.rows, map->rowBlock()) : shape.rows;
  uint64_t capacity = target.capacityOf(target::MemSpace::UB);
  int64_t cols = largestDivisorAtMost(shape.cols, target.copyChunkMaxCols);
  int64_t rowBytes = int64_t(llvm::alignTo(
      uint64_t(cols) * (type.getElementType().getIntOrFloatBitWidth() / 8), target.alignment));
  // Half of UB: one tile, with room to spare for the next chunk's.
  int64_t rows = largestDivisorAtMost(rowBlock, std::max<int64_t>(1, capacity / 2 / rowBytes));
  return ascend::ChunkingAttr::get(type.getContext(), rows, cols, false);
}

RankedTensorType tensorType(Value value) { return cast<RankedTensorType>(value.getType()); }

} // namespace

SmallVector<ascend::ChunkingAttr>
tilec::conversion::chooseCopies(Operation *op, const target::TargetDescription &target) {
  SmallVector<ascend::ChunkingAttr> copies;
  if (auto store = dyn_cast<tile::StoreOp>(op)) {
    RankedTensorType type = tensorType(store.getValue());
    ArrayRef<int64_t> destShape = store.getDest().getType().getShape();
    std::optional<RowMap> rows;
    if (scatteredWindow(destShape, type.getShape()))
      rows = RowMap::window(type.getShape(), destShape);
    copies.push_back(copyChunking(type, target, rows));
  } else if (auto insert = dyn_cast<tile::InsertOp>(op)) {
    RankedTensorType type = tensorType(insert.getSource());
    ArrayRef<int64_t> destShape = insert.getType().getShape();
    std::optional<RowMap> rows;
    if (!rowsAreConsecutive(destShape, type.getShape()))
      rows = RowMap::window(type.getShape(), destShape);
    copies.push_back(copyChunking(insert.getType(), target));
    copies.push_back(copyChunking(type, target, rows));
  } else if (auto reshape = dyn_cast<tile::ReshapeOp>(op)) {
    RankedTensorType source = tensorType(reshape.getSource());
    if (!(MatrixShape::of(reshape.getType().getShape()) == MatrixShape::of(source.getShape())))
      copies.push_back(copyChunking(source, target));
  } else if (isa<tile::LoadOp, tile::SliceOp>(op)) {
    RankedTensorType type = tensorType(op->getResult(0));
    ArrayRef<int64_t> ofShape = cast<ShapedType>(op->getOperand(0).getType()).getShape();
    auto load = dyn_cast<tile::LoadOp>(op);
    bool gathered = load ? scatteredWindow(ofShape, type.getShape())
                         : !rowsAreConsecutive(ofShape, type.getShape());
    if (gathered)
      copies.push_back(copyChunking(type, target, RowMap::window(type.getShape(), ofShape)));
    else if (load && isOverwrittenWhileRead(load))
      copies.push_back(copyChunking(type, target));
  } else if (auto interleave = dyn_cast<tile::InterleaveOp>(op)) {
    for (Value half : interleave->getOperands())
      copies.push_back(copyChunking(tensorType(half), target));
  } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
    for (Value init : loop.getInitArgs())
      if (auto type = dyn_cast<RankedTensorType>(init.getType()))
        copies.push_back(copyChunking(type, target));
  }
  return copies;
}
