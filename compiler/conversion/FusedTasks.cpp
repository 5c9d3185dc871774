//===- FusedTasks.cpp - a fused vector scope as one task over row chunks --===//
//
// The ops of a fused scope (tile-fuse-rows) run in one AIV task. The token
// rows R are walked in chunks of r rows spread over the vector cores; per
// chunk the task loads the row windows of the tensors it reads (of a broadcast
// operand, the rows its broadcast maps the chunk to), runs every op
// on UB tiles (VectorEmitter.h, as the one-task-per-op lowering does), and
// stores the chunk of each result. Ops that do not depend on the token rows
// (a gamma cast to f32, a constant tile, an index table) run once, before
// the chunk loop. Double buffered, a work item is two chunks whose buffers
// are in different stages (they never share bytes), so MTE2 loads one while V
// computes the other. The chunking (rows, double buffered or not) is the
// scope's strategy (tile-select-strategy, StrategyFused.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/FusedScope.h"
#include "compiler/conversion/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

Value FusedScope::operandOf(Value value, TaskBuilder &task, ChunkEmitter &emit,
                            int64_t chunkRows, Value row) {
  if (Value tile = held.lookup(value))
    return tile;
  Value loaded;
  std::optional<int64_t> constant = rowfusion::constantIndex(value);
  if (constant && value.getType().isIndex()) {
    loaded = task.constantIndex(*constant);
  } else if (!isa<RankedTensorType>(value.getType())) {
    loaded = task.addScalar(value);
  } else if (ringRead && value == ringRead->value &&
             isa<ascend::TileBufferType>(popped.getType())) {
    // The half slot this AIV popped into its UB is the chunk.
    loaded = popped;
  } else if (value == arrivesInUb) {
    loaded = emit.alloc(chunkRows, colsOf(value),
                        cast<ShapedType>(value.getType()).getElementType());
  } else if (ringRead && value == ringRead->value) {
    // The chunk's rows of the half slot this AIV popped.
    auto view = cast<ascend::GlobalTensorType>(popped.getType());
    Value tile = emit.alloc(chunkRows, colsOf(value), view.getElementType());
    Value zero = task.constantIndex(0);
    TaskGlobal half{popped, {zero, zero}, 0, MatrixShape::of(view.getShape())};
    task.load(tile, half, poppedRow, zero, /*tokenRow=*/row);
    loaded = tile;
  } else {
    const GmLocation &location = locationOf(value);
    Value tile = emit.alloc(tileRows(value, chunkRows), colsOf(value),
                            location.getBufferType().getElementType());
    Value zero = task.constantIndex(0);
    // Row windows are loaded per chunk, tensors without the token rows once.
    OpBuilder::InsertionGuard guard(task.builder());
    if (chunkLoop && !isPerChunk(value))
      task.builder().setInsertionPoint(chunkLoop);
    bool tokenChunk = isPerChunk(value) && rowfusion::rowsOf(value) == rows;
    task.load(tile, task.addGlobal(location), isPerChunk(value) ? row : zero, zero,
              tokenChunk ? row : Value());
    loaded = tile;
  }
  held[value] = loaded;
  return loaded;
}

Value FusedScope::broadcastOperand(Value value, Operation &user, TaskBuilder &task,
                                   ChunkEmitter &emit, int64_t chunkRows, Value row) {
  RowMap map = mapOf(value, user);
  auto &windows = broadcastWindows[value];
  for (auto &[known, tile] : windows)
    if (known == map)
      return tile;
  const GmLocation &location = locationOf(value);
  Value tile = emit.alloc(map.broadcastsRows() ? 1 : chunkRows, colsOf(value),
                          location.getBufferType().getElementType());
  task.load(tile, task.addGlobal(location), map.operandRow(task, row), task.constantIndex(0));
  windows.push_back({map, tile});
  return tile;
}

/// even (e0, e1, …) and odd (o0, o1, …) columns [t, P] as e0, o0, e1, o1, …:
/// both go side by side into one tile, and an index gather picks the order.
Value FusedScope::interleave(Value even, Value odd, TaskBuilder &task, ChunkEmitter &emit) {
  auto type = cast<ascend::TileBufferType>(even.getType());
  int64_t tileRows = type.getRows(), pairs = type.getCols();
  Type element = type.getElementType();
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  Value zero = task.constantIndex(0);
  Value sideBySide = emit.alloc(tileRows, 2 * pairs, element);
  ascend::TInsertOp::create(b, loc, sideBySide, even, zero, zero);
  ascend::TInsertOp::create(b, loc, sideBySide, odd, zero, task.constantIndex(pairs));
  auto sideType = cast<ascend::TileBufferType>(sideBySide.getType());
  int64_t stride = sideType.getPaddedCols();
  Value &table = indexTables[{tileRows, pairs, stride}];
  if (!table) {
    SmallVector<int32_t> positions;
    for (int64_t i = 0; i < tileRows; ++i)
      for (int64_t j = 0; j < pairs; ++j) {
        positions.push_back(int32_t(i * stride + j));
        positions.push_back(int32_t(i * stride + pairs + j));
      }
    GmLocation tableLocation = indexTable(loc, tileRows, 2 * pairs, positions, context);
    table = emit.alloc(tileRows, 2 * pairs, b.getI32Type());
    // The table is the same for every chunk: loaded before the chunk loop.
    OpBuilder::InsertionGuard guard(b);
    if (chunkLoop)
      b.setInsertionPoint(chunkLoop);
    task.load(table, task.addGlobal(tableLocation), zero, zero);
  }
  Value result = emit.alloc(tileRows, 2 * pairs, element);
  Value scratch = emit.alloc(tileRows, 2 * pairs, b.getI32Type());
  ascend::TGatherIndexOp::create(b, loc, result, sideBySide, table, scratch);
  return result;
}

bool FusedScope::insertsInPlace(tile::InsertOp insert) {
  Value dest = insert.getDest();
  Operation *producer = dest.getDefiningOp();
  // A chunk's value of its own tile (a reshape shares its source's; a value
  // computed once serves every chunk), read by nothing after the insert.
  if (!producer || !isInside(dest) || !isPerChunk(dest) || isa<tile::ReshapeOp>(producer) ||
      producer->getBlock() != insert->getBlock())
    return false;
  return llvm::all_of(dest.getUsers(), [&](Operation *user) {
    return user == insert ||
           (user->getBlock() == insert->getBlock() && user->isBeforeInBlock(insert) &&
            !isa<tile::ReshapeOp>(user));
  });
}

LogicalResult FusedScope::emitOp(Operation &op, TaskBuilder &task, ChunkEmitter &emit,
                                 int64_t chunkRows, Value row) {
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  auto tensorOperand = [&](Value value) { return operandOf(value, task, emit, chunkRows, row); };
  auto column = [&](ValueRange offsets) {
    return task.constantIndex(*rowfusion::constantIndex(offsets.back()));
  };
  Value zero = task.constantIndex(0);
  if (auto loop = dyn_cast<scf::ForOp>(op))
    return emitLoop(loop, task, emit, chunkRows, row);
  if (isa<tile::LoadOp, tile::StoreOp>(op))
    return emitAccess(op, task, emit, chunkRows, row);
  if (!isa<tile::TileDialect>(op.getDialect())) {
    // Index arithmetic (a column offset from the loop variable) on the scalar unit.
    IRMapping mapping;
    for (Value operand : op.getOperands())
      mapping.map(operand, tensorOperand(operand));
    Operation *copy = b.clone(op, mapping);
    for (auto [result, value] : llvm::zip(op.getResults(), copy->getResults()))
      held[result] = value;
    return success();
  }
  Value result = op.getResult(0);
  int64_t resultRows = tileRows(result, chunkRows), resultCols = colsOf(result);
  Value tile;
  if (auto reshape = dyn_cast<tile::ReshapeOp>(op)) {
    tile = tensorOperand(reshape.getSource());
  } else if (auto slice = dyn_cast<tile::SliceOp>(op)) {
    Value source = tensorOperand(slice.getSource());
    tile = emit.alloc(resultRows, resultCols, slice.getType().getElementType());
    ascend::TExtractOp::create(b, loc, tile, source, zero, column(slice.getOffsets()));
  } else if (auto insert = dyn_cast<tile::InsertOp>(op)) {
    Value dest = tensorOperand(insert.getDest());
    Value source = tensorOperand(insert.getSource());
    tile = dest;
    if (!insertsInPlace(insert)) {
      tile = emit.alloc(resultRows, resultCols, insert.getType().getElementType());
      ascend::TMovOp::create(b, loc, tile, dest);
    }
    ascend::TInsertOp::create(b, loc, tile, source, zero, column(insert.getOffsets()));
  } else if (auto pair = dyn_cast<tile::InterleaveOp>(op)) {
    auto type = cast<ascend::TileBufferType>(tensorOperand(pair.getEven()).getType());
    int64_t bytes = type.getElementType().getIntOrFloatBitWidth() / 8;
    if (bytes != 2 && bytes != 4)
      return op.emitOpError("interleaving ")
             << type.getElementType() << " is not supported: the gather moves 2- or 4-byte elements";
    tile = interleave(tensorOperand(pair.getEven()), tensorOperand(pair.getOdd()), task, emit);
  } else if (isa<tile::CmpOp>(op)) {
    return success(); // its select computes the mask (operandsRead)
  } else {
    SmallVector<Value> operands;
    for (Value operand : operandsRead(&op))
      operands.push_back(chunkOperand(operand, op, task, emit, chunkRows, row));
    FailureOr<Value> value = emit.emitOp(&op, operands, resultRows, resultCols);
    if (failed(value))
      return failure();
    tile = *value;
  }
  held[result] = tile;
  return success();
}

LogicalResult FusedScope::emitLoop(scf::ForOp loop, TaskBuilder &task, ChunkEmitter &emit,
                                   int64_t chunkRows, Value row) {
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  auto operand = [&](Value value) { return operandOf(value, task, emit, chunkRows, row); };
  // Each carried tensor gets a tile of its own, which the iterations update:
  // its first value is copied in, so a tile read elsewhere stays as it was.
  SmallVector<Value> carried;
  for (auto [init, argument] : llvm::zip(loop.getInitArgs(), loop.getRegionIterArgs())) {
    Value first = operand(init);
    auto type = cast<ascend::TileBufferType>(first.getType());
    Value tile = emit.alloc(type.getRows(), type.getCols(), type.getElementType());
    ascend::TMovOp::create(b, loc, tile, first);
    held[argument] = tile;
    carried.push_back(tile);
  }
  auto inner = scf::ForOp::create(b, loc, operand(loop.getLowerBound()),
                                  operand(loop.getUpperBound()), operand(loop.getStep()));
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(inner.getBody()->getTerminator());
    held[loop.getInductionVar()] = inner.getInductionVar();
    for (Operation &op : loop.getBody()->without_terminator())
      if (failed(emitOp(op, task, emit, chunkRows, row)))
        return failure();
    for (auto [index, value] : llvm::enumerate(loop.getYieldedValues())) {
      Value next = operand(value);
      if (next == carried[index])
        continue;
      if (next.getType() != carried[index].getType())
        return loop.emitOpError("cannot carry tensor #")
               << index << " in UB: the iteration makes a " << next.getType()
               << " of what enters it as a " << carried[index].getType();
      ascend::TMovOp::create(b, loc, carried[index], next);
    }
  }
  for (auto [result, tile] : llvm::zip(loop.getResults(), carried))
    held[result] = tile;
  return success();
}

LogicalResult FusedScope::emitAccess(Operation &op, TaskBuilder &task, ChunkEmitter &emit,
                                     int64_t chunkRows, Value row) {
  auto load = dyn_cast<tile::LoadOp>(op);
  auto store = dyn_cast<tile::StoreOp>(op);
  Value global = load ? load.getSource() : store.getDest();
  Value window = load ? load.getResult() : store.getValue();
  ValueRange offsets = load ? load.getOffsets() : store.getOffsets();
  // Every row of the window (rowfusion::rowWiseLoopRows): the chunk's, or its one row.
  bool tokenChunk = rowfusion::rowsOf(window) == rows;
  Value first = tokenChunk ? row : task.constantIndex(0);
  Value column = operandOf(offsets.back(), task, emit, chunkRows, row);
  TaskGlobal place = task.addGlobal(locationOf(global));
  if (store) {
    task.store(place, first, column, operandOf(window, task, emit, chunkRows, row),
               tokenChunk ? row : Value());
    return success();
  }
  Value tile = emit.alloc(tileRows(window, chunkRows), colsOf(window),
                          load.getType().getElementType());
  task.load(tile, place, first, column, tokenChunk ? row : Value());
  held[window] = tile;
  return success();
}

LogicalResult FusedScope::build(TaskBuilder &task, ascend::ChunkingAttr chunking,
                                ArrayRef<GmLocation> results, const RingRead *ring,
                                const RingWrite *ringWrite) {
  ringRead = ring;
  ChunkEmitter emit(task, context.target);
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  held.clear();
  broadcastWindows.clear();
  indexTables.clear();
  chunkLoop = nullptr;
  storedBytes = 0;
  Block &body = scope.getBody().front();
  int64_t chunkRows = chunking.getRows();
  // Once: the ops that do not depend on the token rows.
  for (Operation &op : body.without_terminator())
    if (runsOnce(op) && failed(emitOp(op, task, emit, chunkRows, Value())))
      return failure();
  // Per chunk: row windows in, every other op, result windows out. Double
  // buffered, a work item is two chunks on separate buffers, so the loads of
  // the second overlap the vector work of the first.
  LogicalResult status = success();
  auto yield = cast<tile::YieldOp>(body.getTerminator());
  int64_t perItem = chunking.getDoubleBuffered() ? 2 : 1;
  // Work item `item` from token row `first` on (null: 0); with `maybeShort`,
  // it may be the last of run-time token rows, its second chunk empty.
  auto emitItem = [&](Value item, Value first, bool maybeShort) {
    // What an earlier item loaded once serves this one; its chunks' tiles do not.
    llvm::DenseMap<Value, Value> once;
    for (auto [value, tile] : held)
      if (!isPerChunk(value))
        once[value] = tile;
    for (int64_t copy = 0; copy < perItem && succeeded(status); ++copy) {
      held = once;
      broadcastWindows.clear();
      if (perItem > 1)
        task.setStage(copy);
      Value chunk = item;
      if (perItem > 1)
        chunk = arith::AddIOp::create(
            b, loc, arith::MulIOp::create(b, loc, item, task.constantIndex(perItem)),
            task.constantIndex(copy));
      Value row = arith::MulIOp::create(b, loc, chunk, task.constantIndex(chunkRows));
      poppedRow = row;
      if (first)
        row = arith::AddIOp::create(b, loc, first, row);
      // With run-time token rows, the last item's second chunk may hold none.
      OpBuilder::InsertionGuard guard(b);
      if (copy > 0 && maybeShort) {
        Value present =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, row, task.tokenRows());
        auto branch = scf::IfOp::create(b, loc, present, /*withElseRegion=*/false);
        b.setInsertionPoint(branch.thenBlock()->getTerminator());
      }
      // The chunk's row windows first: a load placed mid-chain could take the
      // bytes of a temporary the vector pipe is still reading, and wait for it.
      body.walk([&](Operation *op) {
        for (Value operand : op->getOperands())
          if (!isInside(operand) && isPerChunk(operand))
            chunkOperand(operand, *op, task, emit, chunkRows, row);
      });
      for (Operation &op : body.without_terminator())
        if (!runsOnce(op) && failed(emitOp(op, task, emit, chunkRows, row))) {
          status = failure();
          return;
        }
      // What was loaded once stays for the next chunk.
      task.setStage(std::nullopt);
      for (auto [value, tile] : held)
        if (!isPerChunk(value))
          once[value] = tile;
      Value zero = task.constantIndex(0);
      for (auto [index, value] : llvm::enumerate(yield.getValues())) {
        Value tile = held.lookup(value);
        storedBytes += cast<ascend::TileBufferType>(tile.getType()).getNumBytes();
        if (ringWrite && index == ringWrite->result)
          ascend::TPushRowsOp::create(b, loc, tile, ringWrite->ring, poppedRow);
        else if (!results.empty())
          task.store(task.addGlobal(results[index]), row, zero, tile, /*tokenRow=*/row);
      }
    }
  };
  if (!ring && !ringWrite) {
    task.forEachRowItem(rows, chunkRows * perItem, 1, context.entry, [&](Value item) {
      chunkLoop = b.getInsertionBlock()->getParentOp();
      emitItem(item, Value(), /*maybeShort=*/task.tokenRows() != nullptr);
    });
  } else {
    // Per slot: pop this AIV's row half (or, pushing, nothing: each chunk's
    // push waits for a free slot and fills its rows), its chunks' work
    // items, free it.
    auto ringType = cast<ascend::RingType>((ring ? ring->ring : ringWrite->ring).getType());
    int64_t slotRows = ring ? ring->slotRows : ringWrite->slotRows;
    int64_t half = slotRows / 2;
    int64_t itemRows = chunkRows * perItem;
    auto eachSlot = [&](Value slot) {
      chunkLoop = b.getInsertionBlock()->getParentOp();
      // A slot in UB is the one chunk of its half; one in GM a view to load from.
      if (ring && ringType.inUb())
        popped = ascend::TPopTileOp::create(
            b, loc,
            ascend::TileBufferType::get(b.getContext(), {half, ringType.getCols()},
                                        ringType.getElement(), ascend::MemorySpace::ub),
            ring->ring);
      else if (ring)
        popped = ascend::TPopOp::create(
            b, loc,
            ascend::GlobalTensorType::get(b.getContext(), {half, ringType.getCols()},
                                          ringType.getElement()),
            ring->ring, ascend::SlotSplitAttr::get(b.getContext(), ascend::SlotSplit::up_down));
      Value subblock = ascend::SubblockIdxOp::create(b, loc, b.getIndexType());
      Value first = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, slot, task.constantIndex(slotRows)),
          arith::MulIOp::create(b, loc, subblock, task.constantIndex(half)));
      // The half's work items of the rows present: all but in a partial last
      // slot, whose second half may have none. One loop over them all, each
      // item's second chunk guarded (only the last may be short), so its
      // flags carry across the slots (ascend-insert-sync) and the next slot's
      // first loads overlap this one's last vector work.
      Value end = task.constantIndex(half / itemRows);
      if (Value tokenRows = task.tokenRows()) {
        Value present = arith::MaxSIOp::create(
            b, loc, arith::SubIOp::create(b, loc, tokenRows, first), task.constantIndex(0));
        Value started = arith::DivSIOp::create(
            b, loc, arith::AddIOp::create(b, loc, present, task.constantIndex(itemRows - 1)),
            task.constantIndex(itemRows));
        end = arith::MinSIOp::create(b, loc, started, end);
      }
      auto items = scf::ForOp::create(b, loc, task.constantIndex(0), end, task.constantIndex(1));
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPoint(items.getBody()->getTerminator());
        emitItem(items.getInductionVar(), first, /*maybeShort=*/task.tokenRows() != nullptr);
      }
      if (ring && ringType.inUb())
        ascend::TFreeTileOp::create(b, loc, popped, ring->ring);
      else if (ring)
        ascend::TFreeOp::create(b, loc, ring->ring);
    };
    if (ring && ring->hostSlots)
      task.forEachItemUpTo(task.addScalar(ring->hostSlots), eachSlot);
    else
      task.forEachWorkItem(ring ? ring->slots : ringWrite->slots, eachSlot);
  }
  chunkLoop = nullptr;
  ringRead = nullptr;
  return status;
}

LogicalResult tilec::conversion::lowerFusedScope(
    tile::ScopeOp scope, ascend::ChunkingAttr chunking,
    llvm::function_ref<const GmLocation &(Value)> locationOf, ArrayRef<GmLocation> results,
    TaskContext &context) {
  int64_t rows = *rowfusion::fusedScopeRows(scope);
  FusedScope fused(scope, rows, locationOf, context);
  int64_t perItem = chunking.getDoubleBuffered() ? 2 : 1;
  if (fused.rowBlock % chunking.getRows() != 0 || rows / chunking.getRows() % perItem != 0)
    return scope.emitOpError("strategy ")
           << chunking << " does not tile its " << rows << " token rows: chunks divide the "
           << fused.rowBlock << " rows in which a broadcast operand's rows repeat, and a "
           << "double-buffered work item is two of them";
  int64_t cores = context.target.vectorCores;
  TaskBuilder task(scope.getContext(), scope.getLoc(), ascend::CoreType::aiv);
  task.setTokenRows(context.tokenRows);
  if (failed(fused.build(task, chunking, results)))
    return failure();
  int64_t items = rows / chunking.getRows() / perItem;
  ascend::TaskOp built =
      task.finish(context.module, context.name, context.host, std::min<int64_t>(items, cores));
  annotateFusedTask(scope, built, chunking);
  return success();
}

void tilec::conversion::annotateFusedTask(tile::ScopeOp scope, ascend::TaskOp built,
                                          ascend::ChunkingAttr chunking) {
  // What the report (tilec --report) and a reader of the IR want to know.
  Builder attrs(scope.getContext());
  SmallVector<Attribute> fusedOps;
  // Its ops and loops, nested ones too; not the index arithmetic or terminators.
  scope.getBody().walk<WalkOrder::PreOrder>([&](Operation *op) {
    bool listed = isa<scf::ForOp>(op) || (isa<tile::TileDialect>(op->getDialect()) &&
                                          !op->hasTrait<OpTrait::IsTerminator>());
    if (!listed)
      return;
    std::string entry = op->getName().stripDialect().str();
    if (auto fileLoc = dyn_cast<FileLineColLoc>(op->getLoc()))
      entry += "@" + std::to_string(fileLoc.getLine());
    fusedOps.push_back(attrs.getStringAttr(entry));
  });
  ascend::AscendDialect::FusedOpsAttrHelper(attrs.getContext())
      .setAttr(built, attrs.getArrayAttr(fusedOps));
  ascend::AscendDialect::StrategyAttrHelper(attrs.getContext()).setAttr(built, chunking);
}
