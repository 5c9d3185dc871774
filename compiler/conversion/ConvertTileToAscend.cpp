//===- ConvertTileToAscend.cpp - kernels into tasks and launches ----------===//
//
// Every tensor value that crosses a task boundary lives in global memory
// where its `ascend.placement` says (tile-place-gm; built by GmPlaces.h): a
// window of a parameter (loads, slices, and results written straight into
// the window a store or in-place insert names), or a scratch tensor. Every
// tiling decision is the `ascend.strategy` of an op or scope
// (tile-select-strategy, Strategy.h). A fused scope becomes one task
// that keeps its intermediates in UB (ScopeLowering.cpp); every other compute
// op becomes a task of its own that reads its operands' windows and writes
// its result's. Tasks are launched from the kernel body at the op's position,
// so host loops and scalar arithmetic stay as they were. Afterwards the
// kernel body is the host program: scratch allocations, index arithmetic,
// loops and launches. Scopes that are not one task are inlined before
// (tile-form-tasks), so lowering a scope never lowers ops.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/GmPlaces.h"
#include "compiler/conversion/HostProgram.h"
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/ScopeLowering.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/TaskTarget.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

namespace tilec {
#define GEN_PASS_DEF_CONVERTTILETOASCEND
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// The lowering of one kernel, op by op in program order.
class KernelLowering {
public:
  KernelLowering(tile::KernelOp kernel, ModuleOp module, const target::TargetDescription &target)
      : kernel(kernel), places(kernel, module, target) {}

  LogicalResult run();

private:
  LogicalResult lowerBlock(Block &block);
  LogicalResult lowerOp(Operation *op);
  LogicalResult lowerFor(scf::ForOp loop);
  LogicalResult lowerCompute(Operation *op);
  LogicalResult lowerInsert(tile::InsertOp insert);
  LogicalResult lowerReshape(tile::ReshapeOp reshape);
  LogicalResult lowerInterleave(tile::InterleaveOp interleave);
  /// Whether `op` (an insert, or a loop for its carried tensor `index`)
  /// updates the place `dest` of `value` in place, as its placement says; an
  /// error when that would overwrite a value still read or a kernel tensor.
  FailureOr<bool> updatesInPlace(Operation *op, unsigned index, Value value,
                                 const GmLocation &dest);
  /// Whether the window a load or slice reads is gathered into a place of its
  /// own, as its placement says: exactly when its rows are `scattered`.
  FailureOr<bool> gathers(Operation *op, bool scattered);

  tile::KernelOp kernel;
  GmPlaces places;
  SmallVector<Operation *> lowered; ///< side-effecting tile ops now redundant
};

} // namespace

FailureOr<bool> KernelLowering::updatesInPlace(Operation *op, unsigned index, Value value,
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

FailureOr<bool> KernelLowering::gathers(Operation *op, bool scattered) {
  FailureOr<ascend::GmPlace> place = placementOf(op, 0);
  if (failed(place))
    return failure();
  if (scattered == (*place != ascend::GmPlace::view))
    return scattered;
  if (scattered)
    return op->emitOpError("cannot be a view (`ascend.placement`): its rows are not "
                           "consecutive in its source, so they are gathered");
  return op->emitOpError("is a view of its source (`ascend.placement`): its rows are "
                         "consecutive there");
}

LogicalResult KernelLowering::lowerInterleave(tile::InterleaveOp interleave) {
  FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(interleave);
  if (failed(chunking))
    return failure();
  places.host.setInsertionPoint(interleave);
  for (unsigned half = 0; half < 2; ++half) {
    FailureOr<ascend::ChunkingAttr> halfChunking = copyStrategyOf(interleave, half);
    if (failed(halfChunking) ||
        failed(places.copy(interleave.getLoc(), places.of(interleave->getOperand(half)),
                           places.stackedHalf(interleave, half), *halfChunking)))
      return failure();
  }
  FailureOr<GmLocation> destination = places.placeResult(interleave.getResult(), interleave);
  if (failed(destination))
    return failure();
  places.host.setInsertionPoint(interleave);
  TaskContext context = places.contextFor(interleave);
  places.set(interleave.getResult(), *destination);
  return conversion::lowerInterleave(interleave.getLoc(),
                                     places.whole(places.stackedOperands(interleave)), *destination,
                                     *chunking, context);
}

LogicalResult KernelLowering::lowerCompute(Operation *op) {
  Value result = op->getResult(0);
  FailureOr<GmLocation> placed = places.placeResult(result, op);
  if (failed(placed))
    return failure();
  GmLocation destination = *placed;
  places.host.setInsertionPoint(op);

  SmallVector<TaskOperand> operands;
  for (Value operand : op->getOperands()) {
    TaskOperand taskOperand;
    if (isa<RankedTensorType>(operand.getType()))
      taskOperand.global = places.of(operand);
    else
      taskOperand.scalar = operand;
    operands.push_back(taskOperand);
  }
  TaskContext context = places.contextFor(op);
  LogicalResult status = success();
  if (auto matmul = dyn_cast<tile::MatmulOp>(op)) {
    if (matmul.getAcc())
      return op->emitOpError("with an accumulator is not lowered yet; add the accumulator "
                             "with a separate `+`");
    FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(op);
    status = failed(blocking) ? failure()
                              : lowerMatmul(op->getLoc(), *operands[0].global, *operands[1].global,
                                            destination, *blocking, context);
  } else {
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(op);
    status =
        failed(chunking) ? failure() : lowerVectorOp(op, operands, destination, *chunking, context);
  }
  places.set(result, destination);
  return status;
}

LogicalResult KernelLowering::lowerInsert(tile::InsertOp insert) {
  FailureOr<ascend::ChunkingAttr> destChunking = copyStrategyOf(insert, 0),
                                  sourceChunking = copyStrategyOf(insert, 1);
  if (failed(destChunking) || failed(sourceChunking))
    return failure();
  places.host.setInsertionPoint(insert);
  GmLocation dest = places.of(insert.getDest());
  FailureOr<bool> inPlace = updatesInPlace(insert, 0, insert.getDest(), dest);
  if (failed(inPlace))
    return failure();
  if (!*inPlace) {
    // The old value stays visible: give the updated one a place of its own.
    auto type = insert.getType();
    GmLocation fresh =
        places.scratch(insert.getLoc(), MatrixShape::of(type.getShape()), type.getElementType());
    places.host.setInsertionPoint(insert);
    if (failed(places.copy(insert.getLoc(), dest, fresh, *destChunking)))
      return failure();
    dest = fresh;
  }
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
  if (failed(places.copy(insert.getLoc(), places.of(insert.getSource()), *target, *sourceChunking,
                         nullptr, rows ? &*rows : nullptr)))
    return failure();
  places.set(insert.getResult(), dest);
  return success();
}

LogicalResult KernelLowering::lowerReshape(tile::ReshapeOp reshape) {
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
    GmLocation fresh = places.scratch(reshape.getLoc(), source.shape, sourceType.getElementType());
    places.host.setInsertionPoint(reshape);
    if (failed(places.copy(reshape.getLoc(), source, fresh, *chunking)))
      return failure();
    source = fresh;
  }
  auto flatType = ascend::GlobalTensorType::get(reshape.getContext(), {shape.rows, shape.cols},
                                                sourceType.getElementType());
  Value flat = ascend::GmReshapeOp::create(places.host, reshape.getLoc(), flatType, source.buffer);
  places.set(reshape.getResult(), places.whole(flat));
  return success();
}

LogicalResult KernelLowering::lowerFor(scf::ForOp loop) {
  places.host.setInsertionPoint(loop);
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  // The chunking of each carried tensor's copies, in and back.
  llvm::DenseMap<unsigned, ascend::ChunkingAttr> carriedChunking;
  for (auto [index, init] : llvm::enumerate(loop.getInitArgs())) {
    auto type = dyn_cast<RankedTensorType>(init.getType());
    if (!type)
      continue;
    FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(loop, carriedChunking.size());
    if (failed(chunking))
      return failure();
    carriedChunking[index] = *chunking;
    GmLocation place = places.of(init);
    FailureOr<bool> inPlace = updatesInPlace(loop, carriedChunking.size() - 1, init, place);
    if (failed(inPlace))
      return failure();
    if (!*inPlace) {
      GmLocation fresh =
          places.scratch(loop.getLoc(), MatrixShape::of(type.getShape()), type.getElementType());
      places.host.setInsertionPoint(loop);
      if (failed(places.copy(loop.getLoc(), place, fresh, carriedChunking[index])))
        return failure();
      place = fresh;
    }
    places.set(loop.getRegionIterArg(index), place);
    places.set(loop.getResult(index), place);
    places.setCarried(yield, index, place);
  }
  if (failed(lowerBlock(*loop.getBody())))
    return failure();
  places.host.setInsertionPoint(yield);
  for (auto [index, value] : llvm::enumerate(yield.getOperands())) {
    if (!isa<RankedTensorType>(value.getType()))
      continue;
    if (failed(places.copy(yield.getLoc(), places.of(value), places.of(loop.getResult(index)),
                           carriedChunking.at(index))))
      return failure();
    // The carried tensor now lives in memory: forward it unchanged.
    yield->setOperand(index, loop.getRegionIterArg(index));
  }
  // The loop stays in the host program without the tensors it placed.
  ascend::AscendDialect::PlacementAttrHelper(loop.getContext()).removeAttr(loop);
  return success();
}

LogicalResult KernelLowering::lowerOp(Operation *op) {
  if (auto loop = dyn_cast<scf::ForOp>(op))
    return lowerFor(loop);
  if (!isa<tile::TileDialect>(op->getDialect()))
    return success(); // scalar and index arithmetic stay in the host program
  if (op->hasTrait<tile::kind::Composite>())
    return op->emitOpError("is a composite: run --tile-expand-composites first");
  return TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](tile::AllocGmOp) { return success(); })
      .Case([&](tile::ReturnOp) { return success(); })
      .Case([&](tile::LoadOp load) {
        places.host.setInsertionPoint(load);
        FailureOr<GmLocation> place = places.window(load.getLoc(), load.getSource(),
                                                    load.getOffsets(), load.getType().getShape());
        ArrayRef<int64_t> ofShape = load.getSource().getType().getShape();
        bool scattered = scatteredWindow(ofShape, load.getType().getShape());
        FailureOr<ascend::GmPlace> placed = placementOf(load, 0);
        if (failed(placed) || failed(place))
          return failure();
        if (scattered && *placed == ascend::GmPlace::view)
          return LogicalResult(load.emitOpError("cannot be a view (`ascend.placement`): its rows "
                                                "are not consecutive in its source, so they are "
                                                "gathered"));
        // Not a view: its rows gathered, or copied because the source is
        // stored into while the value is still read (GmHazards.h).
        if (scattered)
          place = places.gatherRows(load, *place, ofShape);
        else if (*placed != ascend::GmPlace::view)
          place = places.copyResult(load, *place, nullptr);
        if (failed(place))
          return failure();
        places.set(load.getResult(), *place);
        return success();
      })
      .Case([&](tile::SliceOp slice) {
        places.host.setInsertionPoint(slice);
        ArrayRef<int64_t> ofShape = slice.getSource().getType().getShape();
        FailureOr<GmLocation> place =
            places.subWindow(slice.getLoc(), places.of(slice.getSource()), ofShape,
                             slice.getOffsets(), slice.getType().getShape());
        // Rows that are not consecutive in the source are gathered.
        FailureOr<bool> gather =
            gathers(slice, !rowsAreConsecutive(ofShape, slice.getType().getShape()));
        if (failed(gather))
          return failure();
        if (succeeded(place) && *gather)
          place = places.gatherRows(slice, *place, ofShape);
        if (failed(place))
          return failure();
        places.set(slice.getResult(), *place);
        return success();
      })
      .Case([&](tile::ReshapeOp reshape) { return lowerReshape(reshape); })
      .Case([&](tile::InsertOp insert) { return lowerInsert(insert); })
      .Case([&](tile::StoreOp store) {
        places.host.setInsertionPoint(store);
        ArrayRef<int64_t> destShape = store.getDest().getType().getShape(),
                          shape = store.getValue().getType().getShape();
        FailureOr<GmLocation> target =
            places.window(store.getLoc(), store.getDest(), store.getOffsets(), shape);
        lowered.push_back(store);
        if (failed(target))
          return failure();
        std::optional<RowMap> rows;
        if (scatteredWindow(destShape, shape))
          rows = RowMap::window(shape, destShape);
        FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(store, 0);
        if (failed(chunking))
          return failure();
        return places.copy(store.getLoc(), places.of(store.getValue()), *target, *chunking, nullptr,
                           rows ? &*rows : nullptr);
      })
      .Case([&](tile::InterleaveOp interleave) { return lowerInterleave(interleave); })
      .Case([&](tile::ScopeOp scope) { return lowerScope(scope, places); })
      .Case([&](tile::LoadRowsOp gather) {
        FailureOr<GmLocation> destination = places.placeResult(gather.getResult(), gather);
        if (failed(destination))
          return failure();
        places.host.setInsertionPoint(gather);
        TaskContext context = places.contextFor(gather);
        places.set(gather.getResult(), *destination);
        return lowerLoadRows(gather.getLoc(), places.whole(gather.getSource()),
                             places.of(gather.getRows()), gather.getCol(), *destination, context);
      })
      .Default([&](Operation *op) { return lowerCompute(op); });
}

LogicalResult KernelLowering::lowerBlock(Block &block) {
  for (Operation &op : llvm::make_early_inc_range(block))
    if (failed(lowerOp(&op)))
      return failure();
  return success();
}

LogicalResult KernelLowering::run() {
  for (BlockArgument arg : kernel.getArguments())
    if (isa<tile::GlobalTensorType>(arg.getType()))
      places.set(arg, places.whole(arg));
  if (failed(lowerBlock(kernel.getBody().front())))
    return failure();
  for (Operation *op : llvm::reverse(lowered))
    op->erase();
  // Tensor values are now dead: loops drop their forwarded tensor arguments
  // and the pure tile ops disappear.
  RewritePatternSet patterns(kernel.getContext());
  scf::ForOp::getCanonicalizationPatterns(patterns, kernel.getContext());
  if (failed(applyPatternsGreedily(kernel, std::move(patterns))))
    return kernel.emitOpError("could not clean up the lowered host program");
  WalkResult leftover = kernel.walk([](Operation *op) {
    bool tensorValue = llvm::any_of(op->getResultTypes(), llvm::IsaPred<RankedTensorType>);
    if (tensorValue) {
      op->emitOpError("still has a tensor result after the lowering");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(leftover.wasInterrupted());
}

namespace {

struct ConvertTileToAscendPass
    : public tilec::impl::ConvertTileToAscendBase<ConvertTileToAscendPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    const target::TargetDescription &target = lookupModuleTarget(module);
    for (auto kernel : llvm::to_vector(module.getOps<tile::KernelOp>()))
      if (failed(KernelLowering(kernel, module, target).run()))
        return signalPassFailure();
    if (failed(closeHostPrograms(module)))
      return signalPassFailure();
  }
};

} // namespace
