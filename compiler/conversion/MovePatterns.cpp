//===- MovePatterns.cpp - data movement between places in GM --------------===//
//
// Loads, slices and reshapes give their result a window of their source
// (or a gathered copy, as its placement says); inserts and stores copy a
// value into a window; interleaves, transposes and row gathers are vector
// tasks that move data without computing (MoveTasks.cpp), and so are gathers of even
// or odd columns (one TGATHER per chunk, VectorTasks.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// The window `place` a load or slice reads, as the op's result: a view, or
/// as its placement says, its rows gathered (exactly when they are
/// `scattered` in a value of `ofShape`) or, for a load, copied because its
/// source is stored into while it is read (GmHazards.h).
LogicalResult placeWindow(Operation *op, FailureOr<GmLocation> place, bool scattered,
                          ArrayRef<int64_t> ofShape, GmPlaces &places) {
  FailureOr<ascend::GmPlace> placed = placementOf(op, 0);
  if (failed(placed))
    return failure();
  bool view = *placed == ascend::GmPlace::view;
  if (scattered && view)
    return op->emitOpError("cannot be a view (`ascend.placement`): its rows are not "
                           "consecutive in its source, so they are gathered");
  if (!scattered && !view && !isa<tile::LoadOp>(op))
    return op->emitOpError("is a view of its source (`ascend.placement`): its rows are "
                           "consecutive there");
  if (failed(place))
    return failure();
  if (scattered)
    place = places.gatherRows(op, *place, ofShape);
  else if (!view)
    place = places.copyResult(op, *place, nullptr);
  if (failed(place))
    return failure();
  places.set(op->getResult(0), *place);
  return success();
}

struct LowerLoad : TileLowering<tile::LoadOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::LoadOp load, GmPlaces &places) const override {
    places.host.setInsertionPoint(load);
    FailureOr<GmLocation> place = places.window(load.getLoc(), load.getSource(),
                                                load.getOffsets(), load.getType().getShape());
    ArrayRef<int64_t> ofShape = load.getSource().getType().getShape();
    return placeWindow(load, place, scatteredWindow(ofShape, load.getType().getShape()), ofShape,
                       places);
  }
};

struct LowerSlice : TileLowering<tile::SliceOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::SliceOp slice, GmPlaces &places) const override {
    places.host.setInsertionPoint(slice);
    // A paired product has no place: its consumer reads these columns of it
    // from the ring (all of its rows, StrategyPairing.cpp).
    if (auto paired = state.pairedReads.find(slice.getSource()); paired != state.pairedReads.end()) {
      Value column = slice.getOffsets().back();
      state.pairedReads[slice.getResult()] = {
          paired->second.product,
          arith::AddIOp::create(places.host, slice.getLoc(), paired->second.column, column)};
      return success();
    }
    ArrayRef<int64_t> ofShape = slice.getSource().getType().getShape();
    FailureOr<GmLocation> place =
        places.subWindow(slice.getLoc(), places.of(slice.getSource()), ofShape,
                         slice.getOffsets(), slice.getType().getShape());
    // Rows that are not consecutive in the source are gathered.
    return placeWindow(slice, place, !rowsAreConsecutive(ofShape, slice.getType().getShape()),
                       ofShape, places);
  }
};

struct LowerReshape : TileLowering<tile::ReshapeOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::ReshapeOp reshape, GmPlaces &places) const override {
    FailureOr<ascend::GmPlace> place = placementOf(reshape, 0);
    if (failed(place))
      return failure();
    bool view = *place == ascend::GmPlace::view;
    GmLocation source = places.of(reshape.getSource());
    MatrixShape shape = MatrixShape::of(reshape.getType().getShape());
    if (view && shape == source.shape) {
      places.set(reshape.getResult(), source);
      return success();
    }
    places.host.setInsertionPoint(reshape);
    auto sourceType = reshape.getSource().getType();
    auto bufferType = source.getBufferType();
    bool contiguousWhole =
        bufferType.getNumElements() == sourceType.getNumElements() &&
        llvm::all_of(source.offsets, [](Value offset) {
          APInt constant;
          return matchPattern(offset, m_ConstantInt(&constant)) && constant.isZero();
        });
    if (view && !contiguousWhole)
      return reshape.emitOpError("cannot be a view of its source (`ascend.placement`): the "
                                 "source is not one whole contiguous tensor, so it is copied");
    if (!view) {
      FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(reshape, 0);
      if (failed(chunking))
        return failure();
      GmLocation fresh =
          places.scratch(reshape.getLoc(), source.shape, sourceType.getElementType());
      places.host.setInsertionPoint(reshape);
      if (failed(places.copy(reshape.getLoc(), reshape.getSource(), source, fresh, *chunking)))
        return failure();
      source = fresh;
    }
    auto flatType = ascend::GlobalTensorType::get(reshape.getContext(), {shape.rows, shape.cols},
                                                  sourceType.getElementType());
    Value flat =
        ascend::GmReshapeOp::create(places.host, reshape.getLoc(), flatType, source.buffer);
    places.set(reshape.getResult(), places.whole(flat));
    return success();
  }
};

struct LowerInsert : TileLowering<tile::InsertOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::InsertOp insert, GmPlaces &places) const override {
    FailureOr<ascend::ChunkingAttr> destChunking = copyStrategyOf(insert, 0),
                                    sourceChunking = copyStrategyOf(insert, 1);
    if (failed(destChunking) || failed(sourceChunking))
      return failure();
    places.host.setInsertionPoint(insert);
    FailureOr<GmLocation> updated = state.updatedPlace(insert, 0, insert.getDest(), *destChunking);
    if (failed(updated))
      return failure();
    GmLocation dest = *updated;
    ArrayRef<int64_t> destShape = insert.getType().getShape(),
                      shape = insert.getSource().getType().getShape();
    FailureOr<GmLocation> target =
        places.subWindow(insert.getLoc(), dest, destShape, insert.getOffsets(), shape);
    if (failed(target))
      return failure();
    // Rows that are not consecutive in the destination are scattered to it.
    std::optional<RowMap> rows;
    if (!rowsAreConsecutive(destShape, shape))
      rows = RowMap::window(shape, destShape);
    if (failed(places.copy(insert.getLoc(), insert.getSource(), places.of(insert.getSource()), *target,
                           *sourceChunking, nullptr, rows ? &*rows : nullptr)))
      return failure();
    places.set(insert.getResult(), dest);
    return success();
  }
};

struct LowerStore : TileLowering<tile::StoreOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::StoreOp store, GmPlaces &places) const override {
    places.host.setInsertionPoint(store);
    ArrayRef<int64_t> destShape = store.getDest().getType().getShape(),
                      shape = store.getValue().getType().getShape();
    FailureOr<GmLocation> target =
        places.window(store.getLoc(), store.getDest(), store.getOffsets(), shape);
    if (failed(target))
      return failure();
    std::optional<RowMap> rows;
    if (scatteredWindow(destShape, shape))
      rows = RowMap::window(shape, destShape);
    FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(store, 0);
    if (failed(chunking))
      return failure();
    return places.copy(store.getLoc(), store.getValue(), places.of(store.getValue()), *target, *chunking, nullptr,
                       rows ? &*rows : nullptr);
  }
};

struct LowerInterleave : TileLowering<tile::InterleaveOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::InterleaveOp interleave, GmPlaces &places) const override {
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(interleave);
    if (failed(chunking))
      return failure();
    places.host.setInsertionPoint(interleave);
    for (unsigned half = 0; half < 2; ++half) {
      FailureOr<ascend::ChunkingAttr> halfChunking = copyStrategyOf(interleave, half);
      if (failed(halfChunking) ||
          failed(places.copy(interleave.getLoc(), interleave->getOperand(half),
                             places.of(interleave->getOperand(half)),
                             places.stackedHalf(interleave, half), *halfChunking)))
        return failure();
    }
    return lowerToTask(
        interleave, ascend::CoreType::aiv, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      return lowerInterleave(interleave.getLoc(),
                             places.whole(places.stackedOperands(interleave)), result, *chunking,
                             context);
    });
  }
};

struct LowerTranspose : TileLowering<tile::TransposeOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::TransposeOp transpose, GmPlaces &places) const override {
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(transpose);
    if (failed(chunking))
      return failure();
    return lowerToTask(
        transpose, ascend::CoreType::aiv, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      return lowerTranspose(transpose.getLoc(), places.of(transpose.getSource()), result,
                            *chunking, context);
    });
  }
};

struct LowerLoadRows : TileLowering<tile::LoadRowsOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::LoadRowsOp gather, GmPlaces &places) const override {
    return lowerToTask(
        gather, ascend::CoreType::aiv, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      return lowerLoadRows(gather.getLoc(), places.whole(gather.getSource()),
                           places.of(gather.getRows()), gather.getCol(), result, context);
    });
  }
};

} // namespace

void tilec::conversion::populateMovePatterns(RewritePatternSet &patterns,
                                             KernelConversion &state) {
  patterns.add<LowerLoad, LowerSlice, LowerReshape, LowerInsert, LowerStore, LowerInterleave,
               LowerTranspose, LowerLoadRows, VectorTaskLowering<tile::GatherOp>>(
      state, patterns.getContext());
}
