//===- StrategyFused.cpp - one fused task per scope, or its ops alone -----===//
//
// A vector scope whose ops all run row by row (tile-fuse-rows makes them)
// becomes one AIV task over chunks of its token rows (FusedTasks.cpp). The
// chunking (rows, double buffered or not) is the one whose buffers fit UB
// (trial builds of the task, checked with the memory planner itself) and
// whose busiest core finishes first by the target's transfer and vector
// figures; a scope's `tokens` pins the rows. A scope of other ops, or whose
// rows do not fit UB even one at a time, is inlined: each op is its own task
// (a scope the source declared is an error instead: its promise of one task).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/FusedScope.h"
#include "compiler/conversion/PlanMemory.h"
#include "compiler/conversion/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <map>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Modelled cycles of the chunk loop's body on each pipe, from the target's
/// figures: GM loads (MTE2), vector instructions (V), stores (MTE3, counted
/// as `storedBytes`). Fixed transfer costs favour fewer, larger chunks.
struct PipeCycles {
  double mte2 = 0, vector = 0, mte3 = 0;
};

/// How often one run of the chunk loop's body runs `op`: the trips of the
/// scope's loops around it (one for a loop with run-time bounds).
double repeats(Operation *op) {
  double times = 1;
  for (auto loop = op->getParentOfType<scf::ForOp>(); loop;
       loop = loop->getParentOfType<scf::ForOp>())
    if (loop->getParentOfType<scf::ForOp>()) // not the chunk loop
      if (std::optional<APInt> trips = loop.getStaticTripCount())
        times *= double(trips->getZExtValue());
  return times;
}

PipeCycles loopCycles(Block &body, uint64_t storedBytes, int64_t stores,
                      const target::TargetDescription &target) {
  PipeCycles cycles;
  body.walk([&](Operation *op) {
    if (!op->getParentOfType<scf::ForOp>())
      return;
    if (auto load = dyn_cast<ascend::TLoadOp>(op))
      cycles.mte2 += repeats(op) * target.transferCycles(target::Path::GmToUb,
                                                         load.getDst().getType().getNumBytes());
    else if (isa<ascend::InstructionOpInterface>(op))
      if (auto dst = dyn_cast<ascend::TileBufferType>(op->getOperand(0).getType()))
        cycles.vector += repeats(op) * target.vectorCycles(target::VecOp::Binary,
                                                           (dst.getNumBytes() + 255) / 256);
  });
  if (stores > 0)
    cycles.mte3 = double(stores) *
                  target.transferCycles(target::Path::UbToGm, storedBytes / uint64_t(stores));
  return cycles;
}

/// Launches of the scope's task that share the cores: the iterations of a
/// parallel loop around it, which ascend-fold-parallel-loops runs as one.
int64_t sharedLaunches(tile::ScopeOp scope) {
  auto loop = scope->getParentOfType<scf::ForOp>();
  if (!loop || !tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop))
    return 1;
  std::optional<int64_t> lower = rowfusion::constantIndex(loop.getLowerBound()),
                         upper = rowfusion::constantIndex(loop.getUpperBound()),
                         step = rowfusion::constantIndex(loop.getStep());
  if (lower && upper && step && *step > 0 && *upper > *lower)
    return (*upper - *lower + *step - 1) / *step;
  return 1;
}

} // namespace

FailureOr<ScopeStrategy>
tilec::conversion::chooseScopeStrategy(tile::ScopeOp scope, ModuleOp module,
                                       const target::TargetDescription &target,
                                       const ChunkingNeeds &needs) {
  MLIRContext *context = scope.getContext();
  std::optional<int64_t> fusedRows = rowfusion::fusedScopeRows(scope);
  if (!fusedRows)
    return ScopeStrategy{ascend::InlineAttr::get(context)};
  int64_t rows = *fusedRows;
  // Trial builds read the tensors from outside the scope at stand-ins of
  // their shape (the chunking does not depend on where they live), made in a
  // module of their own that goes away with them.
  OwningOpRef<ModuleOp> standIns = ModuleOp::create(scope.getLoc());
  OpBuilder host = OpBuilder::atBlockEnd(standIns->getBody());
  std::map<void *, GmLocation> places; // references stay valid
  auto locationOf = [&](Value value) -> const GmLocation & {
    auto [it, inserted] = places.try_emplace(value.getAsOpaquePointer());
    GmLocation &place = it->second;
    if (inserted) {
      auto type = cast<ShapedType>(value.getType()); // a tensor, or a global one a loop reads
      place.shape = MatrixShape::of(type.getShape());
      place.buffer = ascend::AllocGmOp::create(
          host, scope.getLoc(),
          ascend::GlobalTensorType::get(context, {place.shape.rows, place.shape.cols},
                                      type.getElementType()));
      place.offsets.assign(2, arith::ConstantIndexOp::create(host, scope.getLoc(), 0));
      place.rowDim = place.shape.rows > 1 ? 0 : -1;
    }
    return place;
  };
  TaskContext trialContext{module, host, host, target, "trial", mlir::Value()};
  FusedScope fused(scope, rows, locationOf, trialContext);
  fused.arrivesInUb = needs.popped;
  int64_t cores = target.vectorCores;
  int64_t copies = sharedLaunches(scope);
  // The chunking whose busiest core finishes first among those that fit UB:
  // rounds of work items × one item (the sum of the pipes' work, or with
  // double buffering their maximum plus one chunk to fill the pipeline).
  // `copies` launches of the task may share the cores. Ties go to the larger
  // chunk. A scope's `tokens` pins the rows.
  std::optional<ascend::ChunkingAttr> best;
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
      if ((doubleBuffered && chunks % 2 != 0) ||
          (needs.itemRowsDivide && needs.itemRowsDivide % (chunkRows * (doubleBuffered ? 2 : 1))) ||
          (needs.itemIsHalfSlot && (doubleBuffered || chunkRows != needs.itemRowsDivide)))
        continue;
      auto chunking = ascend::ChunkingAttr::get(context, chunkRows, 0, doubleBuffered);
      TaskBuilder trial(context, scope.getLoc(), ascend::CoreType::aiv);
      if (failed(fused.build(trial, chunking, {})))
        return failure();
      // (With a ring in UB the trial gives the popped half a tile of its own,
      // not loaded: the fit is checked with one half slot to spare.)
      if (!fitsOnChip(trial.body(), target, needs.reservedUb))
        continue;
      PipeCycles pipes =
          loopCycles(trial.body(), fused.storedBytes, fused.storesPerItem(chunking), target);
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
  // planner then reports what does not fit, at the scope. (Not for a caller's
  // needs, which it may not meet.)
  if (!best && pinned && !needs.itemRowsDivide)
    return ScopeStrategy{ascend::ChunkingAttr::get(context, *pinned, 0, false)};
  if (!best && scope.getDeclared())
    return scope.emitOpError("'")
           << scope.getName() << "' cannot run as one vector task: its tiles do not fit the "
           << target.capacityOf(target::MemSpace::UB)
           << "-byte UB even one token row at a time; move ops out of the scope (an op "
              "outside a scope runs alone, in column tiles)";
  if (!best)
    return ScopeStrategy{ascend::InlineAttr::get(context)};
  return ScopeStrategy{*best, bestCycles};
}
