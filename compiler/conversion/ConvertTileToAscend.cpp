//===- ConvertTileToAscend.cpp - kernels into tasks and launches ----------===//
//
// Every tensor value that crosses a task boundary gets a place in global
// memory: a window of a parameter (loads, slices, and results written straight
// into the window a store or in-place insert names), or a scratch tensor.
// Every tiling decision is the `ascend.strategy` of an op or scope
// (tile-select-strategy, Strategy.h). A fused scope becomes one task that
// keeps its intermediates in UB (FusedTasks.cpp); every other compute op
// becomes a task of its own that reads its operands' windows and writes its
// result's. Tasks
// are launched from the kernel body at the op's position, so host loops and
// scalar arithmetic stay as they were. Afterwards the kernel
// body is the host program: scratch allocations, index arithmetic, loops and
// launches. Places in global memory (windows, scratch tensors, copies) are in
// WindowLowering.cpp; scopes (checks, inlining, fused scopes) in
// ScopeLowering.cpp: scopes that are not one task are inlined before the
// lowering, so lowering a scope never lowers ops.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/HostProgram.h"
#include "compiler/conversion/KernelLowering.h"
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/TaskTarget.h"
#include "compiler/transforms/RowFusion.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

namespace tilec {
#define GEN_PASS_DEF_CONVERTTILETOASCEND
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

bool KernelLowering::isOnlyUse(Value value, Operation *user) {
  return value.hasOneUse() && *value.getUsers().begin() == user;
}

/// `value` usable at `producer`: itself when it dominates, else a clone of
/// the pure index arithmetic that computes it; null if neither works.
Value KernelLowering::availableAt(Value value, Operation *producer) {
  if (dominance.properlyDominates(value, producer))
    return value;
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumRegions() != 0 || def->getNumResults() != 1 || !isPure(def))
    return nullptr;
  IRMapping mapping;
  for (Value operand : def->getOperands()) {
    Value available = availableAt(operand, producer);
    if (!available)
      return nullptr;
    mapping.map(operand, available);
  }
  OpBuilder::InsertionGuard guard(host);
  host.setInsertionPoint(producer);
  return host.clone(*def, mapping)->getResult(0);
}

/// The store that puts `result` into an output parameter nothing else writes,
/// if there is one: the value can live there for its other users too.
static tile::StoreOp soleStoreOf(Value result) {
  tile::StoreOp found;
  for (Operation *user : result.getUsers()) {
    auto store = dyn_cast<tile::StoreOp>(user);
    if (!store || store.getValue() != result)
      continue;
    if (found)
      return nullptr;
    found = store;
  }
  if (!found || !isa<BlockArgument>(found.getDest()))
    return nullptr;
  unsigned writers = llvm::count_if(found.getDest().getUsers(), llvm::IsaPred<tile::StoreOp>);
  return writers == 1 ? found : nullptr;
}

/// Where `result` can be written directly: the window of its only user when
/// that user is a store, an in-place insert or a loop yield, looking through
/// reshapes that keep the matrix shape; or, with several users, the window
/// of the store that is the only writer of an output parameter.
std::optional<GmLocation> KernelLowering::resultHint(Value result, Operation *producer) {
  MatrixShape shape = MatrixShape::of(cast<RankedTensorType>(result.getType()).getShape());
  while (result.hasOneUse()) {
    auto reshape = dyn_cast<tile::ReshapeOp>(*result.getUsers().begin());
    if (!reshape || !(MatrixShape::of(reshape.getType().getShape()) == shape))
      break;
    result = reshape.getResult();
  }
  tile::StoreOp sharedStore;
  if (!result.hasOneUse()) {
    sharedStore = soleStoreOf(result);
    if (!sharedStore)
      return std::nullopt;
  }
  OpOperand &use = sharedStore ? sharedStore.getValueMutable() : *result.getUses().begin();
  Operation *user = use.getOwner();
  auto valueShape = cast<RankedTensorType>(result.getType()).getShape();
  // The user's offsets, recomputed before the producer where needed.
  auto offsetsAt = [&](ValueRange offsets) -> std::optional<SmallVector<Value>> {
    SmallVector<Value> available;
    for (Value offset : offsets) {
      available.push_back(availableAt(offset, producer));
      if (!available.back())
        return std::nullopt;
    }
    return available;
  };
  OpBuilder::InsertionGuard guard(host);
  host.setInsertionPoint(producer);
  if (auto store = dyn_cast<tile::StoreOp>(user)) {
    std::optional<SmallVector<Value>> offsets = offsetsAt(store.getOffsets());
    if (!offsets || !availableAt(store.getDest(), producer) ||
        scatteredWindow(store.getDest().getType().getShape(), valueShape))
      return std::nullopt;
    FailureOr<GmLocation> target = window(store.getLoc(), store.getDest(), *offsets, valueShape);
    return succeeded(target) ? std::optional<GmLocation>(*target) : std::nullopt;
  }
  if (auto insert = dyn_cast<tile::InsertOp>(user)) {
    auto dest = locations.find(insert.getDest());
    if (use.getOperandNumber() != 0 || dest == locations.end() ||
        !isOnlyUse(insert.getDest(), insert) || !isScratch(dest->second))
      return std::nullopt;
    std::optional<SmallVector<Value>> offsets = offsetsAt(insert.getOffsets());
    if (!offsets || !rowsAreConsecutive(insert.getDest().getType().getShape(), valueShape))
      return std::nullopt;
    FailureOr<GmLocation> target = subWindow(
        insert.getLoc(), dest->second, insert.getDest().getType().getShape(), *offsets, valueShape);
    return succeeded(target) ? std::optional<GmLocation>(*target) : std::nullopt;
  }
  if (auto interleave = dyn_cast<tile::InterleaveOp>(user))
    return stackedHalf(interleave, use.getOperandNumber());
  if (isa<scf::YieldOp>(user)) {
    auto it = carriedByOperand.find({user, use.getOperandNumber()});
    if (it != carriedByOperand.end())
      return it->second;
  }
  return std::nullopt;
}

GmLocation KernelLowering::stackedHalf(tile::InterleaveOp interleave, unsigned half) {
  Value &buffer = stackedOperands[interleave];
  auto type = interleave.getEven().getType();
  int64_t rows = type.getDimSize(0), pairs = type.getDimSize(1);
  if (!buffer) {
    buffer = ascend::AllocGmOp::create(
        entry, interleave.getLoc(),
        ascend::GlobalTensorType::get(kernel.getContext(), {rows, 2, pairs},
                                      type.getElementType()));
  }
  GmLocation location;
  location.buffer = buffer;
  location.offsets = {entryIndex(0), entryIndex(half), entryIndex(0)};
  location.rowDim = rows > 1 ? 0 : -1;
  location.shape = {rows, pairs};
  return location;
}

LogicalResult KernelLowering::lowerInterleave(tile::InterleaveOp interleave) {
  FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(interleave);
  if (failed(chunking))
    return failure();
  host.setInsertionPoint(interleave);
  for (unsigned half = 0; half < 2; ++half) {
    FailureOr<ascend::ChunkingAttr> halfChunking = copyStrategyOf(interleave, half);
    if (failed(halfChunking) ||
        failed(copy(interleave.getLoc(), locations.at(interleave->getOperand(half)),
                    stackedHalf(interleave, half), *halfChunking)))
      return failure();
  }
  GmLocation destination;
  if (std::optional<GmLocation> hint = resultHint(interleave.getResult(), interleave))
    destination = *hint;
  else
    destination = scratch(interleave.getLoc(), MatrixShape::of(interleave.getType().getShape()),
                          interleave.getType().getElementType());
  host.setInsertionPoint(interleave);
  TaskContext context = contextFor(interleave);
  locations[interleave.getResult()] = destination;
  return conversion::lowerInterleave(interleave.getLoc(), whole(stackedOperands[interleave]),
                                     destination, *chunking, context);
}

TaskContext KernelLowering::contextFor(Operation *op) {
  std::string name = (kernel.getSymName() + "_" + op->getName().stripDialect()).str();
  if (auto fileLoc = dyn_cast<FileLineColLoc>(op->getLoc()))
    name += "_l" + std::to_string(fileLoc.getLine());
  else
    name += "_" + std::to_string(taskCount);
  ++taskCount;
  return TaskContext{module, host, entry, target, name};
}

LogicalResult KernelLowering::lowerCompute(Operation *op) {
  Value result = op->getResult(0);
  auto type = cast<RankedTensorType>(result.getType());
  host.setInsertionPoint(op);
  GmLocation destination;
  if (std::optional<GmLocation> hint = resultHint(result, op))
    destination = *hint;
  else
    destination = scratch(op->getLoc(), MatrixShape::of(type.getShape()), type.getElementType());
  host.setInsertionPoint(op);

  SmallVector<TaskOperand> operands;
  for (Value operand : op->getOperands()) {
    TaskOperand taskOperand;
    if (isa<RankedTensorType>(operand.getType()))
      taskOperand.global = locations.at(operand);
    else
      taskOperand.scalar = operand;
    operands.push_back(taskOperand);
  }
  TaskContext context = contextFor(op);
  LogicalResult status = success();
  if (auto matmul = dyn_cast<tile::MatmulOp>(op)) {
    if (matmul.getAcc())
      return op->emitOpError("with an accumulator is not lowered yet; add the accumulator "
                             "with a separate `+`");
    FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(op);
    status = failed(blocking) ? failure()
                              : lowerMatmul(op->getLoc(), *operands[0].global,
                                            *operands[1].global, destination, *blocking, context);
  } else {
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(op);
    status = failed(chunking) ? failure()
                              : lowerVectorOp(op, operands, destination, *chunking, context);
  }
  locations[result] = destination;
  return status;
}

LogicalResult KernelLowering::lowerInsert(tile::InsertOp insert) {
  FailureOr<ascend::ChunkingAttr> destChunking = copyStrategyOf(insert, 0),
                                  sourceChunking = copyStrategyOf(insert, 1);
  if (failed(destChunking) || failed(sourceChunking))
    return failure();
  host.setInsertionPoint(insert);
  GmLocation dest = locations.at(insert.getDest());
  if (!isOnlyUse(insert.getDest(), insert) || !isScratch(dest)) {
    // The old value stays visible: give the updated one a place of its own.
    auto type = insert.getType();
    GmLocation fresh = scratch(insert.getLoc(), MatrixShape::of(type.getShape()),
                               type.getElementType());
    host.setInsertionPoint(insert);
    if (failed(copy(insert.getLoc(), dest, fresh, *destChunking)))
      return failure();
    dest = fresh;
  }
  ArrayRef<int64_t> destShape = insert.getType().getShape(),
                    shape = insert.getSource().getType().getShape();
  FailureOr<GmLocation> target =
      subWindow(insert.getLoc(), dest, destShape, insert.getOffsets(), shape);
  if (failed(target))
    return failure();
  // Rows that are not consecutive in the destination are scattered to it.
  std::optional<RowMap> rows;
  if (!rowsAreConsecutive(destShape, shape))
    rows = RowMap::window(shape, destShape);
  if (failed(copy(insert.getLoc(), locations.at(insert.getSource()), *target, *sourceChunking,
                  nullptr, rows ? &*rows : nullptr)))
    return failure();
  locations[insert.getResult()] = dest;
  return success();
}

LogicalResult KernelLowering::lowerReshape(tile::ReshapeOp reshape) {
  GmLocation source = locations.at(reshape.getSource());
  MatrixShape shape = MatrixShape::of(reshape.getType().getShape());
  if (shape == source.shape) {
    locations[reshape.getResult()] = source;
    return success();
  }
  host.setInsertionPoint(reshape);
  auto sourceType = reshape.getSource().getType();
  auto bufferType = source.getBufferType();
  bool contiguousWhole = bufferType.getNumElements() == sourceType.getNumElements() &&
                         llvm::all_of(source.offsets, [](Value offset) {
                           APInt constant;
                           return matchPattern(offset, m_ConstantInt(&constant)) &&
                                  constant.isZero();
                         });
  if (!contiguousWhole) {
    FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(reshape, 0);
    if (failed(chunking))
      return failure();
    GmLocation fresh = scratch(reshape.getLoc(), source.shape, sourceType.getElementType());
    host.setInsertionPoint(reshape);
    if (failed(copy(reshape.getLoc(), source, fresh, *chunking)))
      return failure();
    source = fresh;
  }
  auto flatType = ascend::GlobalTensorType::get(reshape.getContext(), {shape.rows, shape.cols},
                                              sourceType.getElementType());
  Value view = ascend::GmReshapeOp::create(host, reshape.getLoc(), flatType, source.buffer);
  locations[reshape.getResult()] = whole(view);
  return success();
}

LogicalResult KernelLowering::lowerFor(scf::ForOp loop) {
  host.setInsertionPoint(loop);
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
    GmLocation place = locations.at(init);
    if (!isOnlyUse(init, loop) || !isScratch(place)) {
      GmLocation fresh = scratch(loop.getLoc(), MatrixShape::of(type.getShape()),
                                 type.getElementType());
      host.setInsertionPoint(loop);
      if (failed(copy(loop.getLoc(), place, fresh, carriedChunking[index])))
        return failure();
      place = fresh;
    }
    locations[loop.getRegionIterArg(index)] = place;
    locations[loop.getResult(index)] = place;
    carriedByOperand[{yield, unsigned(index)}] = place;
  }
  if (failed(lowerBlock(*loop.getBody())))
    return failure();
  host.setInsertionPoint(yield);
  for (auto [index, value] : llvm::enumerate(yield.getOperands())) {
    if (!isa<RankedTensorType>(value.getType()))
      continue;
    if (failed(copy(yield.getLoc(), locations.at(value), locations.at(loop.getResult(index)),
                    carriedChunking.at(index))))
      return failure();
    // The carried tensor now lives in memory: forward it unchanged.
    yield->setOperand(index, loop.getRegionIterArg(index));
  }
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
        host.setInsertionPoint(load);
        FailureOr<GmLocation> place = window(load.getLoc(), load.getSource(), load.getOffsets(),
                                             load.getType().getShape());
        ArrayRef<int64_t> ofShape = load.getSource().getType().getShape();
        if (succeeded(place) && scatteredWindow(ofShape, load.getType().getShape()))
          place = gatherRows(load, *place, ofShape);
        if (failed(place))
          return failure();
        locations[load.getResult()] = *place;
        return success();
      })
      .Case([&](tile::SliceOp slice) {
        host.setInsertionPoint(slice);
        ArrayRef<int64_t> ofShape = slice.getSource().getType().getShape();
        FailureOr<GmLocation> place =
            subWindow(slice.getLoc(), locations.at(slice.getSource()), ofShape,
                      slice.getOffsets(), slice.getType().getShape());
        // Rows that are not consecutive in the source are gathered.
        if (succeeded(place) && !rowsAreConsecutive(ofShape, slice.getType().getShape()))
          place = gatherRows(slice, *place, ofShape);
        if (failed(place))
          return failure();
        locations[slice.getResult()] = *place;
        return success();
      })
      .Case([&](tile::ReshapeOp reshape) { return lowerReshape(reshape); })
      .Case([&](tile::InsertOp insert) { return lowerInsert(insert); })
      .Case([&](tile::StoreOp store) {
        host.setInsertionPoint(store);
        ArrayRef<int64_t> destShape = store.getDest().getType().getShape(),
                          shape = store.getValue().getType().getShape();
        FailureOr<GmLocation> target =
            window(store.getLoc(), store.getDest(), store.getOffsets(), shape);
        lowered.push_back(store);
        if (failed(target))
          return failure();
        std::optional<RowMap> rows;
        if (scatteredWindow(destShape, shape))
          rows = RowMap::window(shape, destShape);
        FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(store, 0);
        if (failed(chunking))
          return failure();
        return copy(store.getLoc(), locations.at(store.getValue()), *target, *chunking, nullptr,
                    rows ? &*rows : nullptr);
      })
      .Case([&](tile::InterleaveOp interleave) { return lowerInterleave(interleave); })
      .Case([&](tile::ScopeOp scope) { return lowerScope(scope); })
      .Case([&](tile::LoadRowsOp gather) {
        host.setInsertionPoint(gather);
        auto type = gather.getType();
        GmLocation destination;
        if (std::optional<GmLocation> hint = resultHint(gather.getResult(), gather))
          destination = *hint;
        else
          destination = scratch(gather.getLoc(), MatrixShape::of(type.getShape()),
                                type.getElementType());
        host.setInsertionPoint(gather);
        TaskContext context = contextFor(gather);
        locations[gather.getResult()] = destination;
        return lowerLoadRows(gather.getLoc(), whole(gather.getSource()),
                             locations.at(gather.getRows()), gather.getCol(), destination,
                             context);
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
  if (failed(prepare()))
    return failure();
  for (BlockArgument arg : kernel.getArguments())
    if (isa<tile::GlobalTensorType>(arg.getType()))
      locations[arg] = whole(arg);
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
