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
// computes the other. The chunking (rows, double buffered or not) is the one
// whose buffers fit UB (checked with the memory planner itself) and whose
// busiest core finishes first by the target's transfer and vector figures;
// a scope's `tokens` pins the rows.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/PlanMemory.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/conversion/VectorEmitter.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <numeric>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Token rows per chunk, and whether a work item is two chunks on separate
/// buffers.
struct Chunking {
  int64_t rows;
  bool doubleBuffered;
};

/// Builds the task of one scope for a given chunking.
class FusedScope {
public:
  FusedScope(tile::ScopeOp scope, int64_t rows,
             llvm::function_ref<const GmLocation &(Value)> locationOf, TaskContext &context)
      : scope(scope), rows(rows), locationOf(locationOf), context(context) {
    // An op runs per chunk when it reads, directly or not, a tensor with the
    // token rows (or broadcast to them) from outside the scope.
    rowBlock = rows;
    for (Operation &op : scope.getBody().front().without_terminator()) {
      if (llvm::any_of(op.getOperands(), [&](Value operand) { return isPerChunk(operand); }))
        for (Value result : op.getResults())
          chunked.insert(result);
      for (Value operand : op.getOperands())
        if (isBroadcastRows(operand))
          rowBlock = std::gcd(rowBlock, mapOf(operand, op).rowBlock());
    }
  }

  /// Chunks divide this many token rows, so that every broadcast operand
  /// reads one window per chunk (RowMap.h).
  int64_t rowBlock;

  /// Builds the task with the given chunking; with `results`, stores the
  /// scope's results there (without, a trial build to check the fit).
  LogicalResult build(TaskBuilder &task, const Chunking &chunking, ArrayRef<GmLocation> results);
  /// Bytes of result tiles one work item stores (set by build).
  uint64_t storedBytes = 0;
  int64_t storesPerItem(const Chunking &chunking) {
    return int64_t(scope.getNumResults()) * (chunking.doubleBuffered ? 2 : 1);
  }

private:
  bool isInside(Value value) {
    Operation *def = value.getDefiningOp();
    return def && scope->isProperAncestor(def);
  }
  /// Whether `value` differs from chunk to chunk: a tensor from outside with
  /// the token rows or broadcast to them, or the result of an op that reads one.
  bool isPerChunk(Value value) {
    if (!isa<RankedTensorType>(value.getType()))
      return false;
    return isInside(value) ? chunked.contains(value)
                           : rowfusion::rowsOf(value) == rows || isBroadcastRows(value);
  }
  /// A tensor from outside whose rows are neither the token rows nor one row:
  /// the operand of a broadcast (rowfusion::rowWiseRows allows no other).
  bool isBroadcastRows(Value value) {
    if (isInside(value) || !isa<RankedTensorType>(value.getType()))
      return false;
    int64_t valueRows = rowfusion::rowsOf(value);
    return valueRows != rows && valueRows != 1;
  }
  static RowMap mapOf(Value operand, Operation &user) {
    return RowMap(cast<RankedTensorType>(operand.getType()).getShape(),
                        cast<RankedTensorType>(user.getResult(0).getType()).getShape());
  }
  /// Rows of the UB tile holding `value` for a chunk.
  int64_t tileRows(Value value, int64_t chunkRows) {
    return rowfusion::rowsOf(value) == rows ? chunkRows : 1;
  }
  static int64_t colsOf(Value value) {
    auto type = cast<RankedTensorType>(value.getType());
    return type.getRank() == 0 ? 1 : type.getShape().back();
  }
  /// The tile or scalar holding `value`: an op result, or a tensor or scalar
  /// from outside, loaded (tensor) or passed as an argument (scalar) at first use.
  Value operandOf(Value value, TaskBuilder &task, ChunkEmitter &emit, int64_t chunkRows,
                  Value row);
  /// The chunk's window of broadcast operand `value` of `user`, loaded at
  /// first use (per distinct map).
  Value broadcastOperand(Value value, Operation &user, TaskBuilder &task, ChunkEmitter &emit,
                         int64_t chunkRows, Value row);
  Value chunkOperand(Value value, Operation &user, TaskBuilder &task, ChunkEmitter &emit,
                     int64_t chunkRows, Value row) {
    return isBroadcastRows(value) ? broadcastOperand(value, user, task, emit, chunkRows, row)
                                  : operandOf(value, task, emit, chunkRows, row);
  }
  LogicalResult emitOp(Operation &op, TaskBuilder &task, ChunkEmitter &emit, int64_t chunkRows,
                       Value row);
  Value interleave(Value even, Value odd, TaskBuilder &task, ChunkEmitter &emit);

  tile::ScopeOp scope;
  int64_t rows;
  llvm::function_ref<const GmLocation &(Value)> locationOf;
  TaskContext &context;
  llvm::DenseSet<Value> chunked;
  llvm::DenseMap<Value, Value> held; ///< tile-dialect value → UB tile or task scalar
  /// Broadcast operand → its chunk's windows, one per map.
  llvm::DenseMap<Value, SmallVector<std::pair<RowMap, Value>>> broadcastWindows;
  llvm::DenseMap<std::tuple<int64_t, int64_t, int64_t>, Value> indexTables;
  Operation *chunkLoop = nullptr; ///< while emitting the per-chunk ops
};

Value FusedScope::operandOf(Value value, TaskBuilder &task, ChunkEmitter &emit,
                            int64_t chunkRows, Value row) {
  if (Value tile = held.lookup(value))
    return tile;
  Value loaded;
  if (!isa<RankedTensorType>(value.getType())) {
    loaded = task.addScalar(value);
  } else {
    const GmLocation &location = locationOf(value);
    Value tile = emit.alloc(tileRows(value, chunkRows), colsOf(value),
                            location.getBufferType().getElementType());
    Value zero = task.constantIndex(0);
    // Row windows are loaded per chunk, tensors without the token rows once.
    OpBuilder::InsertionGuard guard(task.builder());
    if (chunkLoop && !isPerChunk(value))
      task.builder().setInsertionPoint(chunkLoop);
    task.load(tile, task.addGlobal(location), isPerChunk(value) ? row : zero, zero);
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

LogicalResult FusedScope::emitOp(Operation &op, TaskBuilder &task, ChunkEmitter &emit,
                                 int64_t chunkRows, Value row) {
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  Value result = op.getResult(0);
  int64_t resultRows = tileRows(result, chunkRows), resultCols = colsOf(result);
  auto tensorOperand = [&](Value value) { return operandOf(value, task, emit, chunkRows, row); };
  auto column = [&](ValueRange offsets) {
    return task.constantIndex(*rowfusion::constantIndex(offsets.back()));
  };
  Value zero = task.constantIndex(0);
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
    tile = emit.alloc(resultRows, resultCols, insert.getType().getElementType());
    ascend::TMovOp::create(b, loc, tile, dest);
    ascend::TInsertOp::create(b, loc, tile, source, zero, column(insert.getOffsets()));
  } else if (auto pair = dyn_cast<tile::InterleaveOp>(op)) {
    auto type = cast<ascend::TileBufferType>(tensorOperand(pair.getEven()).getType());
    int64_t bytes = type.getElementType().getIntOrFloatBitWidth() / 8;
    if (bytes != 2 && bytes != 4)
      return op.emitOpError("interleaving ")
             << type.getElementType() << " is not supported: the gather moves 2- or 4-byte elements";
    tile = interleave(tensorOperand(pair.getEven()), tensorOperand(pair.getOdd()), task, emit);
  } else {
    SmallVector<Value> operands;
    for (Value operand : op.getOperands())
      operands.push_back(chunkOperand(operand, op, task, emit, chunkRows, row));
    FailureOr<Value> value = emit.emitOp(&op, operands, resultRows, resultCols);
    if (failed(value))
      return failure();
    tile = *value;
  }
  held[result] = tile;
  return success();
}

LogicalResult FusedScope::build(TaskBuilder &task, const Chunking &chunking,
                                ArrayRef<GmLocation> results) {
  ChunkEmitter emit(task, context.target);
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  held.clear();
  broadcastWindows.clear();
  indexTables.clear();
  chunkLoop = nullptr;
  storedBytes = 0;
  Block &body = scope.getBody().front();
  int64_t chunkRows = chunking.rows;
  // Once: the ops that do not depend on the token rows.
  for (Operation &op : body.without_terminator())
    if (!isPerChunk(op.getResult(0)) && failed(emitOp(op, task, emit, chunkRows, Value())))
      return failure();
  // Per chunk: row windows in, every other op, result windows out. Double
  // buffered, a work item is two chunks on separate buffers, so the loads of
  // the second overlap the vector work of the first.
  LogicalResult status = success();
  auto yield = cast<tile::YieldOp>(body.getTerminator());
  int64_t perItem = chunking.doubleBuffered ? 2 : 1;
  task.forEachWorkItem(rows / chunkRows / perItem, [&](Value item) {
    chunkLoop = b.getInsertionBlock()->getParentOp();
    llvm::DenseMap<Value, Value> once = held;
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
      // The chunk's row windows first: a load placed mid-chain could take the
      // bytes of a temporary the vector pipe is still reading, and wait for it.
      for (Operation &op : body.without_terminator())
        for (Value operand : op.getOperands())
          if (!isInside(operand) && isPerChunk(operand))
            chunkOperand(operand, op, task, emit, chunkRows, row);
      for (Operation &op : body.without_terminator())
        if (isPerChunk(op.getResult(0)) && failed(emitOp(op, task, emit, chunkRows, row))) {
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
        if (!results.empty())
          task.store(task.addGlobal(results[index]), row, zero, tile);
      }
    }
  });
  chunkLoop = nullptr;
  return status;
}

/// Modelled cycles of the chunk loop's body on each pipe, from the target's
/// figures: GM loads (MTE2), vector instructions (V), stores (MTE3, counted
/// as `storedBytes`). Fixed transfer costs favour fewer, larger chunks.
struct PipeCycles {
  double mte2 = 0, vector = 0, mte3 = 0;
};

PipeCycles loopCycles(Block &body, uint64_t storedBytes, int64_t stores,
                      const target::TargetDescription &target) {
  PipeCycles cycles;
  body.walk([&](Operation *op) {
    if (!op->getParentOfType<scf::ForOp>())
      return;
    if (auto load = dyn_cast<ascend::TLoadOp>(op))
      cycles.mte2 += target.transferCycles(target::Path::GmToUb,
                                           load.getDst().getType().getNumBytes());
    else if (isa<ascend::InstructionOpInterface>(op))
      if (auto dst = dyn_cast<ascend::TileBufferType>(op->getOperand(0).getType()))
        cycles.vector += target.vectorCycles(target::VecOp::Binary,
                                             (dst.getNumBytes() + 255) / 256);
  });
  if (stores > 0)
    cycles.mte3 = double(stores) *
                  target.transferCycles(target::Path::UbToGm, storedBytes / uint64_t(stores));
  return cycles;
}

} // namespace

FailureOr<bool> tilec::conversion::lowerFusedScope(
    tile::ScopeOp scope, int64_t rows, int64_t copies,
    llvm::function_ref<const GmLocation &(Value)> locationOf,
    llvm::function_ref<SmallVector<GmLocation>()> placeResults, TaskContext &context) {
  FusedScope fused(scope, rows, locationOf, context);
  int64_t cores = context.target.vectorCores;
  // The chunking whose busiest core finishes first among those that fit UB:
  // rounds of work items × one item (the sum of the pipes' work, or with
  // double buffering their maximum plus one chunk to fill the pipeline).
  // `copies` launches of the task may share the cores. Ties go to the larger
  // chunk. A scope's `tokens` pins the rows.
  std::optional<Chunking> best;
  double bestCycles = 0;
  std::optional<int64_t> pinned;
  if (std::optional<uint64_t> tokens = scope.getTokens())
    pinned = int64_t(*tokens);
  if (pinned && fused.rowBlock % *pinned != 0)
    return scope.emitOpError("chunks of ")
           << *pinned << " token rows would split the blocks of " << fused.rowBlock
           << " rows in which a broadcast operand's rows repeat; pick a divisor of "
           << fused.rowBlock;
  for (int64_t chunkRows = rows; chunkRows >= 1; --chunkRows) {
    if (fused.rowBlock % chunkRows != 0 || (pinned && chunkRows != *pinned))
      continue;
    for (bool doubleBuffered : {true, false}) {
      int64_t chunks = rows / chunkRows;
      if (doubleBuffered && chunks % 2 != 0)
        continue;
      Chunking chunking{chunkRows, doubleBuffered};
      TaskBuilder trial(scope.getContext(), scope.getLoc(), ascend::CoreType::aiv);
      if (failed(fused.build(trial, chunking, {})))
        return failure();
      if (!fitsOnChip(trial.body(), context.target))
        continue;
      PipeCycles pipes = loopCycles(trial.body(), fused.storedBytes,
                                    fused.storesPerItem(chunking), context.target);
      int64_t items = chunks / (doubleBuffered ? 2 : 1) * copies;
      double rounds = double((items + cores - 1) / cores);
      double serial = pipes.mte2 + pipes.vector + pipes.mte3;
      double cycles = doubleBuffered
                          ? rounds * std::max({pipes.mte2, pipes.vector, pipes.mte3}) + serial / 2
                          : rounds * serial;
      if (!best || cycles < bestCycles) {
        best = chunking;
        bestCycles = cycles;
      }
    }
  }
  // A chunk the user pinned is built even when it overflows UB: the memory
  // planner then reports what does not fit, at the scope.
  if (!best && pinned)
    best = Chunking{*pinned, /*doubleBuffered=*/false};
  if (!best)
    return false;
  SmallVector<GmLocation> results = placeResults();
  TaskBuilder task(scope.getContext(), scope.getLoc(), ascend::CoreType::aiv);
  if (failed(fused.build(task, *best, results)))
    return failure();
  int64_t items = rows / best->rows / (best->doubleBuffered ? 2 : 1);
  ascend::TaskOp built =
      task.finish(context.module, context.name, context.host, std::min<int64_t>(items, cores));
  // What the report (tilec --report) and a reader of the IR want to know.
  Builder attrs(scope.getContext());
  SmallVector<Attribute> fusedOps;
  for (Operation &op : scope.getBody().front().without_terminator()) {
    std::string entry = op.getName().stripDialect().str();
    if (auto fileLoc = dyn_cast<FileLineColLoc>(op.getLoc()))
      entry += "@" + std::to_string(fileLoc.getLine());
    fusedOps.push_back(attrs.getStringAttr(entry));
  }
  ascend::AscendDialect::FusedOpsAttrHelper(attrs.getContext())
      .setAttr(built, attrs.getArrayAttr(fusedOps));
  built->setAttr("ascend.chunk_rows", attrs.getI64IntegerAttr(best->rows));
  if (best->doubleBuffered)
    built->setAttr("ascend.double_buffered", attrs.getUnitAttr());
  return true;
}
