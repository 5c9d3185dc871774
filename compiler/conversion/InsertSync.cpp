//===- InsertSync.cpp - set_flag/wait_flag between dependent pipes --------===//
//
// Walks a task in program order with a SyncState. Before each instruction,
// every earlier access it conflicts with and that is not yet ordered before
// its pipe P gets a flag from the pipe Q that issued it (or, inside the vector
// pipe, a pipe_barrier). Loop bodies are walked to a fixed point first so
// that the state at the top of the body includes the previous iteration.
//
// A wait_flag makes P wait for all of Q's work before the matching set_flag,
// so the set goes as early as the conflicts allow: right after the last
// conflicting access, in the innermost block that holds it and the
// instruction, with the wait just before the instruction (or the op of that
// block holding it). When every such access comes later in a loop body, so
// from the previous iteration, the flag is loop-carried: set after the access,
// waited for before the instruction in the next iteration, set once before
// the loop for the first iteration and waited for once after it; likewise in
// a branch of an scf.if in a loop body, when every such access is in it. A
// pipe then runs ahead into the other buffers of a double-buffered loop
// instead of waiting for everything the other pipe issued before it. Where no such
// placement or no event id for it exists, the pair goes right before the
// instruction (and, for a loop-carried flag, a second pair where its drain
// would have gone). The walks that compute a loop's state count each carried
// flag's drain as materialising inserts it.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/EventIds.h"
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
using namespace tilec::conversion;

namespace {

/// Where an early flag pair goes: the set right after `setAfter`, the wait
/// right before `waitBefore`, both ops of `block`. Loop-carried when the set
/// comes after the wait (the body of an scf.for, or a branch of an scf.if in
/// one): then the first iteration's set goes after `primeAfter` in the loop's
/// block (if null, before the block's first instruction or op with regions).
struct EarlyFlag {
  Block *block;
  Operation *setAfter;
  Operation *waitBefore;
  Operation *primeAfter = nullptr;
  /// Loop-carried: the loop the flag is carried through, `loop()` or a loop
  /// around it; its first set goes before it and its last wait after it.
  Operation *carrier = nullptr;
  bool carried() const { return waitBefore->isBeforeInBlock(setAfter); }
  Operation *loop() const {
    Operation *parent = block->getParentOp();
    return isa<scf::IfOp>(parent) ? parent->getParentOp() : parent;
  }
  Operation *carrierLoop() const { return carrier ? carrier : loop(); }
  /// The first op after the set of the first iteration.
  Operation *primeBefore() const {
    if (primeAfter)
      return primeAfter->getNextNode();
    for (Operation &op : *carrierLoop()->getBlock())
      if (isa<InstructionOpInterface>(op) || op.getNumRegions() != 0)
        return &op;
    llvm_unreachable("the loop is an op with regions");
  }
};

/// The state after each instruction or region op of one walk of a block.
struct BlockWalk {
  Block *block;
  llvm::DenseMap<Operation *, SyncState> after;
};

class SyncInserter {
public:
  SyncInserter(TaskOp task, int eventIdsPerPair)
      : task(task), taskOp(task), events(eventIdsPerPair) {
    task.walk([&](InstructionOpInterface instr) {
      SmallVector<unsigned> &ids = accessesOf[instr];
      for (Value buffer : instr.getReadBuffers()) {
        ids.push_back(table.size());
        table.push_back({instr.getPipe(), /*write=*/false, regionOf(buffer)});
        opOf.push_back(instr);
      }
      for (Value buffer : instr.getWrittenBuffers()) {
        ids.push_back(table.size());
        table.push_back({instr.getPipe(), /*write=*/true, regionOf(buffer)});
        opOf.push_back(instr);
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
    BlockWalk walk;
    walk.block = &block;
    walks.push_back(&walk);
    for (Operation &op : block) {
      applyPendingDrains(&op, state, materialise);
      walkOp(&op, state, materialise);
      if (isa<InstructionOpInterface>(op) || op.getNumRegions() != 0)
        walk.after.insert_or_assign(&op, state);
    }
    walks.pop_back();
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
      state.waitFlag(wait.getSrc(), wait.getDst(), wait.getEvent());
      if (auto drained = drains.find(op); drained != drains.end())
        orderDrain(drained->second.first, drained->second.second, wait.getDst(), op, state);
      return;
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
    // A walk that computes states again decides this instruction's flags
    // again: only its latest carried flags have drains to count on.
    if (!materialise)
      for (auto &[point, due] : pendingDrains)
        llvm::erase_if(due, [&](const PendingDrain &drain) {
          return drain.computed && drain.instr == instr;
        });
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
      SmallVector<unsigned> direct;
      for (unsigned id : conflicts)
        if (table[id].pipe == *source)
          direct.push_back(id);
      std::optional<EarlyFlag> early = placeEarly(instr, direct);
      if (early && early->carried()) {
        early->carrier = outermostCarrier(early->loop(), *source, ids);
        early->primeAfter = lastConflictBefore(early->carrierLoop(), *source, ids);
      }
      std::optional<int32_t> event;
      if (early && materialise && !(event = earlyEvent(*early, *source, pipe))) {
        // The walks that computed the loops' states counted on this flag's
        // drain; a pair there orders all it would have.
        if (early->carried())
          pendingDrains[drainPoint(early->carrierLoop(), pipe, ids)].push_back(
              {*early, *source, pipe, /*computed=*/false, instr});
        early.reset();
      }
      if (!early) {
        if (materialise)
          insertFlags(instr, *source, pipe);
        state.orderAfter(*source, pipe);
        continue;
      }
      if (materialise)
        insertEarlyFlags(*early, *source, pipe, *event, ids);
      else if (early->carried())
        pendingDrains[drainPoint(early->carrierLoop(), pipe, ids)].push_back(
            {*early, *source, pipe, /*computed=*/true, instr});
      orderEarly(*early, *source, pipe, state);
    }
    for (unsigned id : ids)
      state.issue(id);
  }

  /// The other pipe whose wait orders the most conflicting accesses; on a
  /// tie the one that issued more of them itself (a pipe that only waited for
  /// them is no earlier), then the lowest-numbered. None when only same-pipe
  /// conflicts remain.
  std::optional<Pipe> bestSource(Pipe pipe, const std::set<unsigned> &conflicts,
                                 const SyncState &state) const {
    std::optional<Pipe> best;
    std::pair<unsigned, unsigned> bestScore{0, 0};
    for (unsigned candidate = 0; candidate < unsigned(Pipe::all); ++candidate) {
      auto source = Pipe(candidate);
      if (source == pipe)
        continue;
      std::pair<unsigned, unsigned> score{0, 0};
      for (unsigned id : conflicts) {
        if (table[id].pipe == source) {
          ++score.first;
          ++score.second;
        } else if (state.orderedBefore(id) & pipeBit(source)) {
          ++score.first;
        }
      }
      if (score.first > 0 && score > bestScore) {
        best = source;
        bestScore = score;
      }
    }
    return best;
  }

  /// The early placement of a flag ordering the `direct` conflicts (all
  /// issued by its source pipe) before `instr`, if there is one. The block is
  /// the innermost around `instr` that holds one of them; the others, outside
  /// it, ran before it was entered. The set follows the last of them before
  /// the instruction, or, when all come after it in a loop body, the last of
  /// them (loop-carried). Likewise in a branch of an scf.if directly in a loop
  /// body when no other op of the loop holds one: the wait then pairs with
  /// the set of the last iteration that took the branch, or the one before the
  /// loop (a guarded second chunk of run-time token rows thus still overlaps).
  std::optional<EarlyFlag> placeEarly(Operation *instr, ArrayRef<unsigned> direct) const {
    if (direct.empty())
      return std::nullopt;
    for (Block *block = instr->getBlock(); block->getParentOp() != taskOp;
         block = block->getParentOp()->getBlock()) {
      Operation *waitBefore = block->findAncestorOpInBlock(*instr);
      Operation *lastBefore = nullptr, *lastAfter = nullptr;
      bool inBlock = false, elsewhereInLoop = false;
      Operation *branchLoop = branchOfLoop(block);
      for (unsigned id : direct) {
        Operation *holder = block->findAncestorOpInBlock(*opOf[id]);
        if (!holder) {
          elsewhereInLoop |= branchLoop && branchLoop->isAncestor(opOf[id]);
          continue;
        }
        inBlock = true;
        if (holder == waitBefore)
          return std::nullopt;
        Operation *&last = holder->isBeforeInBlock(waitBefore) ? lastBefore : lastAfter;
        if (!last || last->isBeforeInBlock(holder))
          last = holder;
      }
      if (!inBlock)
        continue;
      if (lastBefore) {
        // Right before a branch holding the instruction, the pair would
        // make its pipe wait whether or not the branch runs; inside it (the
        // pair before the instruction) only when it does.
        if (isa<scf::IfOp>(waitBefore) && nothingIssuedBetween(lastBefore, waitBefore))
          return std::nullopt;
        return EarlyFlag{block, lastBefore, waitBefore};
      }
      if (isa<scf::ForOp>(block->getParentOp()) || (branchLoop && !elsewhereInLoop))
        return EarlyFlag{block, lastAfter, waitBefore};
      return std::nullopt;
    }
    // Every conflict is in the task body, which no loop repeats.
    Block &body = taskOp->getRegion(0).front();
    Operation *waitBefore = body.findAncestorOpInBlock(*instr);
    Operation *lastBefore = nullptr;
    for (unsigned id : direct) {
      Operation *holder = body.findAncestorOpInBlock(*opOf[id]);
      if (!holder->isBeforeInBlock(waitBefore))
        return std::nullopt;
      if (!lastBefore || lastBefore->isBeforeInBlock(holder))
        lastBefore = holder;
    }
    return EarlyFlag{&body, lastBefore, waitBefore};
  }

  /// Whether no instruction or op with regions lies between `first` and
  /// `second` (ops of one block).
  static bool nothingIssuedBetween(Operation *first, Operation *second) {
    for (Operation *op = first->getNextNode(); op != second; op = op->getNextNode())
      if (isa<InstructionOpInterface>(op) || op->getNumRegions() != 0)
        return false;
    return true;
  }

  /// The scf.for whose body directly holds the scf.if that `block` is a
  /// branch of, if it is one.
  static Operation *branchOfLoop(Block *block) {
    Operation *parent = block->getParentOp();
    if (!isa<scf::IfOp>(parent) || !isa<scf::ForOp>(parent->getParentOp()))
      return nullptr;
    return parent->getParentOp();
  }

  /// Whether access `id` of another instruction conflicts with one of
  /// `accesses`.
  bool conflictsWith(unsigned id, ArrayRef<unsigned> accesses) const {
    const Access &access = table[id];
    return llvm::any_of(accesses, [&](unsigned mine) {
      return (access.write || table[mine].write) && access.region.mayAlias(table[mine].region);
    });
  }

  /// The last op before `loop` in its block holding an access of `src` that
  /// conflicts with one of `accesses`, if any: the first iteration of a
  /// loop-carried flag waits for `src` only up to there.
  Operation *lastConflictBefore(Operation *loop, Pipe src, ArrayRef<unsigned> accesses) const {
    Block *outer = loop->getBlock();
    Operation *last = nullptr;
    for (auto [id, access] : llvm::enumerate(table)) {
      if (access.pipe != src)
        continue;
      Operation *holder = outer->findAncestorOpInBlock(*opOf[id]);
      if (!holder || !holder->isBeforeInBlock(loop) || (last && !last->isBeforeInBlock(holder)))
        continue;
      if (conflictsWith(id, accesses))
        last = holder;
    }
    return last;
  }

  /// The loop a flag carried by `loop` is carried through: `loop`, or the
  /// scf.for whose body directly holds it when nothing else in that body
  /// holds an access of `src` conflicting with `accesses`, and so on out.
  /// The last set of one run of `loop` then pairs with the first wait of the
  /// next (a chunk loop's per work item, say), so `src`'s pipe is not
  /// waited for at the end of every run: the next work item's first loads
  /// overlap this one's last vector work.
  Operation *outermostCarrier(Operation *loop, Pipe src, ArrayRef<unsigned> accesses) const {
    while (auto outer = dyn_cast<scf::ForOp>(loop->getParentOp())) {
      bool conflictElsewhere = llvm::any_of(llvm::seq<unsigned>(0, table.size()), [&](unsigned id) {
        return table[id].pipe == src && outer->isAncestor(opOf[id]) &&
               !loop->isAncestor(opOf[id]) && conflictsWith(id, accesses);
      });
      if (conflictElsewhere)
        break;
      loop = outer;
    }
    return loop;
  }

  /// An event id free wherever the early pair is in flight: between the set
  /// and the wait, or, loop-carried, from the first set to the loop and in it.
  /// A loop-carried pair stays held through the loop, so it never takes the
  /// pair's last free id: a pair right before an instruction always finds one.
  std::optional<int32_t> earlyEvent(const EarlyFlag &flag, Pipe src, Pipe dst) const {
    uint32_t used = 0;
    Operation *from = flag.setAfter->getNextNode(), *to = flag.waitBefore;
    if (flag.carried()) {
      if (events.heldCount(src, dst) + 2 > events.size())
        return std::nullopt;
      used = idsUsedIn(flag.carrierLoop(), src, dst);
      from = flag.primeBefore();
      to = flag.carrierLoop();
    }
    for (Operation *op = from; op != to; op = op->getNextNode())
      used |= idsUsedIn(op, src, dst);
    return events.lowestFree(src, dst, used);
  }

  void insertEarlyFlags(const EarlyFlag &flag, Pipe src, Pipe dst, int32_t event,
                        ArrayRef<unsigned> accesses) {
    Location loc = flag.waitBefore->getLoc();
    OpBuilder builder(flag.setAfter->getContext());
    builder.setInsertionPointAfter(flag.setAfter);
    SetFlagOp::create(builder, loc, src, dst, event);
    builder.setInsertionPoint(flag.waitBefore);
    WaitFlagOp::create(builder, loc, src, dst, event);
    if (!flag.carried())
      return;
    // The first iteration waits for a set before the loop; the last
    // iteration's set is waited for as late as it is needed, not right after
    // the loop: a wait there would hold its pipe until the other one is done
    // with the loop, and with it every later set from that pipe (the next
    // work item's first load, say). The id stays held until then; the next
    // loop gets it back.
    Operation *loop = flag.carrierLoop();
    builder.setInsertionPoint(flag.primeBefore());
    SetFlagOp::create(builder, loc, src, dst, event);
    builder.setInsertionPoint(drainPoint(loop, dst, accesses));
    auto drain = WaitFlagOp::create(builder, loc, src, dst, event);
    events.hold(src, dst, event);
    drains.try_emplace(drain, flag, src);
  }

  /// What the drain of a loop-carried flag orders, right before `before`:
  /// it pairs with the set of the loop's last iteration, or the one before
  /// the loop, so it orders what the loop's wait does, except what ran after
  /// the loop, before the drain. (The state after the loop knows neither set.)
  void orderDrain(const EarlyFlag &flag, Pipe src, Pipe dst, Operation *before,
                  SyncState &state) const {
    Operation *carrier = flag.carrierLoop();
    state.orderBefore(dst, [&](unsigned id) {
      Operation *holder = carrier->getBlock()->findAncestorOpInBlock(*opOf[id]);
      bool sinceLoop = holder && carrier->isBeforeInBlock(holder) && holder->isBeforeInBlock(before);
      return !sinceLoop && carriedCovers(flag, src, id);
    });
  }

  /// The drains due before `op`. A walk that only computes states orders
  /// what the drains materialising inserts will (else the state after an
  /// inner loop would count on a pair that the drain made unnecessary, and
  /// an outer loop's next iteration on what that pair, never inserted,
  /// ordered). Materialising, a carried flag that found no event id got a
  /// pair right before its instruction, which leaves the loop's last
  /// accesses after it unordered: a pair here orders all the drain would.
  void applyPendingDrains(Operation *op, SyncState &state, bool materialise) {
    auto found = pendingDrains.find(op);
    if (found == pendingDrains.end())
      return;
    SmallVector<PendingDrain, 1> due = std::move(found->second);
    pendingDrains.erase(found);
    for (const PendingDrain &drain : due) {
      // A computing walk's drains inside a materialising walk are inserted
      // as flags of their own.
      if (drain.computed != !materialise)
        continue;
      if (drain.computed) {
        orderDrain(drain.flag, drain.src, drain.dst, op, state);
        continue;
      }
      insertFlags(op, drain.src, drain.dst);
      state.orderAfter(drain.src, drain.dst);
    }
  }

  /// Where the wait for a loop's last loop-carried set goes: before the
  /// first instruction after the loop in its block where `dst` writes what
  /// the waiting `accesses` touch or touches what they write (not in a
  /// branch, which may not run: it gets a pair of its own; a K loop's last
  /// chunk, loaded into a buffer of
  /// the loop, which the wait then orders), else before the next loop of the
  /// block (whose flags need the id back), else at the block's end.
  Operation *drainPoint(Operation *loop, Pipe dst, ArrayRef<unsigned> accesses) const {
    for (Operation *op = loop->getNextNode(); !op->hasTrait<OpTrait::IsTerminator>();
         op = op->getNextNode()) {
      if (isa<scf::ForOp>(op))
        return op;
      auto instr = dyn_cast<InstructionOpInterface>(op);
      bool touches = instr && llvm::any_of(accessesOf.lookup(instr), [&](unsigned id) {
        return table[id].pipe == dst && conflictsWith(id, accesses);
      });
      if (touches)
        return op;
    }
    return loop->getBlock()->getTerminator();
  }

  /// What the wait of an early pair orders before `dst`. Adjacent to its set
  /// in the same walk of the block: what preceded `src` there, unless it ran
  /// again since (in an op between the set and the wait). Loop-carried:
  /// accesses of `src` itself in the ops of the body from the wait to the
  /// set, which ran before the previous iteration's set (or, in the first
  /// iteration, before the loop's block was entered), and outside the loop
  /// it is carried through except between its first set and that loop.
  void orderEarly(const EarlyFlag &flag, Pipe src, Pipe dst, SyncState &state) const {
    auto holderOf = [&](unsigned id) { return flag.block->findAncestorOpInBlock(*opOf[id]); };
    auto after = [](Operation *a, Operation *b) { return b->isBeforeInBlock(a); };
    if (flag.carried()) {
      state.orderBefore(dst, [&](unsigned id) { return carriedCovers(flag, src, id); });
      return;
    }
    const SyncState &atSet = snapshotAfter(flag);
    state.orderBefore(dst, [&](unsigned id) {
      if (!atSet.precedes(id, src))
        return false;
      Operation *holder = holderOf(id);
      return !holder || !after(holder, flag.setAfter) || after(holder, flag.waitBefore);
    });
  }

  /// Whether the wait of a loop-carried pair orders access `id`: an access of
  /// `src` in the body from the wait to the set, which ran before the
  /// previous iteration's set (or, in the first iteration, before the loop's
  /// block was entered), or outside the loop it is carried through except
  /// between its first set and that loop.
  bool carriedCovers(const EarlyFlag &flag, Pipe src, unsigned id) const {
    auto after = [](Operation *a, Operation *b) { return b->isBeforeInBlock(a); };
    if (table[id].pipe != src)
      return false;
    if (Operation *holder = flag.block->findAncestorOpInBlock(*opOf[id]))
      return after(holder, flag.waitBefore) && !after(holder, flag.setAfter);
    Operation *carrier = flag.carrierLoop();
    Operation *outside = carrier->getBlock()->findAncestorOpInBlock(*opOf[id]);
    return !outside || (flag.primeAfter && !after(outside, flag.primeAfter)) ||
           after(outside, carrier);
  }

  /// The state right after the set's op in the current walk of its block.
  const SyncState &snapshotAfter(const EarlyFlag &flag) const {
    for (const BlockWalk *walk : llvm::reverse(walks))
      if (walk->block == flag.block)
        return walk->after.find(flag.setAfter)->second;
    llvm_unreachable("the early flag's block is being walked");
  }

  void insertFlags(Operation *instr, Pipe src, Pipe dst) {
    std::optional<int32_t> event = events.lowestFree(src, dst);
    if (!event) {
      instr->emitError("needs a flag from pipe ")
          << stringifyPipe(src) << " to pipe " << stringifyPipe(dst) << ", but all "
          << events.size() << " event ids of that pair are held by flags not yet waited for";
      outOfEvents = true;
      return;
    }
    OpBuilder builder(instr);
    SetFlagOp::create(builder, instr->getLoc(), src, dst, *event);
    WaitFlagOp::create(builder, instr->getLoc(), src, dst, *event);
  }

  void insertBarrier(InstructionOpInterface instr, Pipe pipe) {
    OpBuilder builder(instr);
    PipeBarrierOp::create(builder, instr.getLoc(), pipe);
  }

  TaskOp task;
  Operation *taskOp;
  std::vector<Access> table;
  std::vector<Operation *> opOf; ///< access id → its instruction
  llvm::DenseMap<Operation *, SmallVector<unsigned>> accessesOf;
  SmallVector<BlockWalk *> walks; ///< the blocks being walked, innermost last
  EventIds events;
  bool outOfEvents = false;
  /// A loop's drain (the wait after it for its last loop-carried set) → the
  /// flag and its source pipe.
  llvm::DenseMap<Operation *, std::pair<EarlyFlag, Pipe>> drains;
  /// A drain the walk has yet to reach: computed (a walk that only computes
  /// states counts on a flag's drain), or materialised as a pair of its own.
  struct PendingDrain {
    EarlyFlag flag;
    Pipe src, dst;
    bool computed;
    Operation *instr; ///< whose flag it is
  };
  /// Drains not yet reached → the op they go before.
  llvm::DenseMap<Operation *, SmallVector<PendingDrain, 1>> pendingDrains;
};

struct AscendInsertSync : tilec::impl::AscendInsertSyncBase<AscendInsertSync> {
  void runOnOperation() override {
    const target::TargetDescription &desc = lookupTaskTarget(getOperation());
    if (failed(SyncInserter(getOperation(), desc.eventIdsPerPipePair).run()))
      signalPassFailure();
  }
};

} // namespace
