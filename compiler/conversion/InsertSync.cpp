//===- InsertSync.cpp - set_flag/wait_flag between dependent pipes --------===//
//
// Walks a task in program order with a SyncState. Before each instruction,
// every earlier access it conflicts with and that is not yet ordered before
// its pipe gets a set_flag/wait_flag pair (or, inside the vector pipe, a
// pipe_barrier). Loop bodies are walked to a fixed point first so that the
// state at the top of the body includes the previous iteration.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/SyncState.h"
#include "compiler/conversion/TaskTarget.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace tilec {
#define GEN_PASS_DEF_ASCENDINSERTSYNC
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// Event ids per (src, dst) pipe pair; an id is free again after its wait.
class EventIds {
public:
  explicit EventIds(int perPair) : perPair(perPair) {}

  std::optional<int32_t> lowestFree(Pipe src, Pipe dst) const {
    uint32_t held = inFlight.lookup({unsigned(src), unsigned(dst)});
    for (int32_t id = 0; id < perPair; ++id)
      if (!(held & (1u << id)))
        return id;
    return std::nullopt;
  }
  void hold(Pipe src, Pipe dst, int32_t id) {
    inFlight[{unsigned(src), unsigned(dst)}] |= 1u << id;
  }
  void release(Pipe src, Pipe dst, int32_t id) {
    inFlight[{unsigned(src), unsigned(dst)}] &= ~(1u << id);
  }
  int size() const { return perPair; }

private:
  int perPair;
  llvm::DenseMap<std::pair<unsigned, unsigned>, uint32_t> inFlight;
};

class SyncInserter {
public:
  SyncInserter(TaskOp task, int eventIdsPerPair) : task(task), events(eventIdsPerPair) {
    task.walk([&](InstructionOpInterface instr) {
      SmallVector<unsigned> &ids = accessesOf[instr];
      for (Value buffer : instr.getReadBuffers()) {
        ids.push_back(table.size());
        table.push_back({instr.getPipe(), /*write=*/false, regionOf(buffer)});
      }
      for (Value buffer : instr.getWrittenBuffers()) {
        ids.push_back(table.size());
        table.push_back({instr.getPipe(), /*write=*/true, regionOf(buffer)});
      }
    });
  }

  LogicalResult run() {
    SyncState state(table);
    walkBlock(task.getBody().front(), state, /*materialise=*/true);
    return failure(outOfEvents);
  }

private:
  void walkBlock(Block &block, SyncState &state, bool materialise) {
    for (Operation &op : block)
      walkOp(&op, state, materialise);
  }

  void walkOp(Operation *op, SyncState &state, bool materialise) {
    if (auto instr = dyn_cast<InstructionOpInterface>(op))
      return syncInstruction(instr, state, materialise);
    if (auto set = dyn_cast<SetFlagOp>(op)) {
      if (materialise)
        events.hold(set.getSrc(), set.getDst(), set.getEvent());
      return state.setFlag(set.getSrc(), set.getDst(), set.getEvent());
    }
    if (auto wait = dyn_cast<WaitFlagOp>(op)) {
      if (materialise)
        events.release(wait.getSrc(), wait.getDst(), wait.getEvent());
      return state.waitFlag(wait.getSrc(), wait.getDst(), wait.getEvent());
    }
    if (auto barrier = dyn_cast<PipeBarrierOp>(op))
      return state.barrier(barrier.getPipe());
    if (auto branch = dyn_cast<scf::IfOp>(op))
      return walkIf(branch, state, materialise);
    if (op->getNumRegions() != 0)
      return walkLoop(op, state, materialise);
  }

  void walkIf(scf::IfOp branch, SyncState &state, bool materialise) {
    SyncState elseState = state;
    walkBlock(branch.getThenRegion().front(), state, materialise);
    if (!branch.getElseRegion().empty())
      walkBlock(branch.getElseRegion().front(), elseState, materialise);
    state.join(elseState);
  }

  /// Loops, and conservatively any other op with regions: the body runs any
  /// number of times, so its entry state is the fixed point of joining the
  /// state before it with the state at the end of the body.
  void walkLoop(Operation *loop, SyncState &state, bool materialise) {
    auto walkBody = [&](SyncState &bodyState, bool insert) {
      for (Region &region : loop->getRegions())
        for (Block &block : region)
          walkBlock(block, bodyState, insert);
    };
    while (true) {
      SyncState end = state;
      walkBody(end, /*insert=*/false);
      SyncState entry = state;
      entry.join(end);
      if (entry == state)
        break;
      state = entry;
    }
    if (materialise) {
      SyncState end = state;
      walkBody(end, /*insert=*/true);
    }
  }

  void syncInstruction(InstructionOpInterface instr, SyncState &state, bool materialise) {
    Pipe pipe = instr.getPipe();
    ArrayRef<unsigned> ids = accessesOf[instr];
    while (true) {
      std::set<unsigned> conflicts;
      for (unsigned id : ids)
        state.collectConflicts(pipe, table[id], conflicts);
      if (conflicts.empty())
        break;
      std::optional<Pipe> source = bestSource(pipe, conflicts, state);
      if (!source) {
        if (materialise)
          insertBarrier(instr, pipe);
        state.barrier(pipe);
        continue;
      }
      if (materialise)
        insertFlags(instr, *source, pipe);
      state.orderAfter(*source, pipe);
    }
    for (unsigned id : ids)
      state.issue(id);
  }

  /// The other pipe whose wait orders the most conflicting accesses (the
  /// lowest-numbered on a tie); none when only same-pipe conflicts remain.
  std::optional<Pipe> bestSource(Pipe pipe, const std::set<unsigned> &conflicts,
                                 const SyncState &state) const {
    std::optional<Pipe> best;
    unsigned bestCovered = 0;
    for (unsigned candidate = 0; candidate < unsigned(Pipe::all); ++candidate) {
      auto source = Pipe(candidate);
      if (source == pipe)
        continue;
      unsigned covered = 0;
      for (unsigned id : conflicts)
        if (table[id].pipe == source || (state.orderedBefore(id) & pipeBit(source)))
          ++covered;
      if (covered > bestCovered) {
        best = source;
        bestCovered = covered;
      }
    }
    return best;
  }

  void insertFlags(InstructionOpInterface instr, Pipe src, Pipe dst) {
    std::optional<int32_t> event = events.lowestFree(src, dst);
    if (!event) {
      instr.emitError("needs a flag from pipe ")
          << stringifyPipe(src) << " to pipe " << stringifyPipe(dst) << ", but all "
          << events.size() << " event ids of that pair are held by flags not yet waited for";
      outOfEvents = true;
      return;
    }
    OpBuilder builder(instr);
    SetFlagOp::create(builder, instr.getLoc(), src, dst, *event);
    WaitFlagOp::create(builder, instr.getLoc(), src, dst, *event);
  }

  void insertBarrier(InstructionOpInterface instr, Pipe pipe) {
    OpBuilder builder(instr);
    PipeBarrierOp::create(builder, instr.getLoc(), pipe);
  }

  TaskOp task;
  std::vector<Access> table;
  llvm::DenseMap<Operation *, SmallVector<unsigned>> accessesOf;
  EventIds events;
  bool outOfEvents = false;
};

struct AscendInsertSync : tilec::impl::AscendInsertSyncBase<AscendInsertSync> {
  void runOnOperation() override {
    const target::TargetDescription *desc = lookupTaskTarget(getOperation());
    if (!desc || failed(SyncInserter(getOperation(), desc->eventIdsPerPipePair).run()))
      signalPassFailure();
  }
};

} // namespace
