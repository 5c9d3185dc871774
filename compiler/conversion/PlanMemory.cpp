//===- PlanMemory.cpp - static offsets for on-chip buffers ----------------===//
//
// Every ascend.alloc gets a byte offset in its memory space. Buffers that are
// never live at the same time share bytes; placement is greedy first-fit,
// largest buffer first, so the result depends only on the IR.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/PlanMemory.h"
#include "compiler/conversion/TaskTarget.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/STLExtras.h"

#include <map>

namespace tilec {
#define GEN_PASS_DEF_ASCENDPLANMEMORY
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;

namespace {

/// Positions of ops in a pre-order walk; `last` of an op with regions is the
/// position of the last op nested in it.
struct ProgramOrder {
  llvm::DenseMap<Operation *, unsigned> first, last;

  explicit ProgramOrder(Block &body) {
    unsigned next = 0;
    body.walk<WalkOrder::PreOrder>([&](Operation *op) { first[op] = next++; });
    body.walk<WalkOrder::PostOrder>([&](Operation *op) {
      unsigned end = first[op];
      for (Region &region : op->getRegions())
        for (Operation &nested : region.getOps())
          end = std::max(end, last[&nested]);
      last[op] = end;
    });
  }
};

/// Program positions a buffer must survive: [first, last] pairs in order.
using Intervals = SmallVector<std::pair<unsigned, unsigned>, 2>;

struct Buffer {
  AllocOp alloc;
  int64_t bytes;     ///< padded size rounded up to the target alignment
  unsigned position; ///< of the alloc, for the placement order
  Intervals live;
  int64_t offset = -1;
  std::optional<uint64_t> stage;
  /// The loop (or other op with regions) of the task body that holds every
  /// use, if one does.
  Operation *holder = nullptr;

  bool liveAt(unsigned at) const {
    return llvm::any_of(live, [&](auto interval) {
      return interval.first <= at && at <= interval.second;
    });
  }
  /// Live at the same time, or in different double-buffering stages, unless
  /// two loops of the task body hold them (the pipes overlap a loop's
  /// iterations; two loops, two launches' work items merged into one task,
  /// take turns).
  bool overlapsInTime(const Buffer &other) const {
    bool apart = holder && other.holder && holder != other.holder;
    if (stage && other.stage && *stage != *other.stage && !apart)
      return true;
    return llvm::any_of(live, [&](auto mine) {
      return llvm::any_of(other.live, [&](auto theirs) {
        return mine.first <= theirs.second && theirs.first <= mine.second;
      });
    });
  }
  MemorySpace space() { return alloc.getType().getSpace(); }
};

int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// Whether the inserts from `first` on, before any other use of the buffer in
/// their block, fill every column of its full rows: a tile assembled from
/// pieces (RoPE's rotated halves) then keeps nothing of an earlier iteration.
bool insertsFillBuffer(TInsertOp first, AllocOp alloc) {
  ArrayRef<int64_t> shape = alloc.getType().getShape();
  SmallVector<std::pair<int64_t, int64_t>> columns;
  for (Operation *op = first; op; op = op->getNextNode()) {
    if (isa<SetValidRowsOp>(op))
      continue;
    bool usesBuffer = op->walk([&](Operation *nested) {
                          return llvm::is_contained(nested->getOperands(), alloc.getResult())
                                     ? WalkResult::interrupt()
                                     : WalkResult::advance();
                        }).wasInterrupted();
    if (!usesBuffer)
      continue;
    auto insert = dyn_cast<TInsertOp>(op);
    if (!insert || insert.getDst() != alloc.getResult())
      break;
    std::optional<int64_t> row = getConstantIntValue(insert.getRow());
    std::optional<int64_t> col = getConstantIntValue(insert.getCol());
    ArrayRef<int64_t> piece = insert.getSrc().getType().getShape();
    if (!row || !col || *row != 0 || piece[0] != shape[0])
      break;
    columns.push_back({*col, *col + piece[1]});
  }
  llvm::sort(columns);
  int64_t filled = 0;
  for (auto [begin, end] : columns)
    if (begin <= filled)
      filled = std::max(filled, end);
  return filled >= shape[1];
}

/// Whether `first`, the first use of the buffer in a loop, overwrites all of
/// it: it only writes the buffer, or it starts inserts that fill it.
bool writesWholeBuffer(Operation *first, AllocOp alloc) {
  if (auto insert = dyn_cast<TInsertOp>(first); insert && insert.getDst() == alloc.getResult())
    return insertsFillBuffer(insert, alloc);
  auto effects = dyn_cast<MemoryEffectOpInterface>(first);
  if (!effects)
    return false;
  SmallVector<MemoryEffects::EffectInstance> onBuffer;
  effects.getEffectsOnValue(alloc.getResult(), onBuffer);
  return !onBuffer.empty() && llvm::all_of(onBuffer, [](const auto &effect) {
    return isa<MemoryEffects::Write>(effect.getEffect());
  });
}

/// When a buffer must keep its bytes. Its uses are grouped by the op that
/// holds them in each block; a holder is self-contained when no read in it
/// can see a value written before it (a loop: none of an earlier iteration).
/// A block whose holders are all self-contained needs the buffer only during
/// each of them, so the gaps between them are free: the two copies of a
/// work item's chunk loop (ascend-double-buffer-setup), or two loops each
/// starting by overwriting it. Otherwise the buffer lives from the block's
/// first use to its last, and through the whole of a loop whose iterations
/// pass it on.
class Liveness {
public:
  Liveness(AllocOp alloc, const ProgramOrder &order) : alloc(alloc), order(order) {
    for (Operation *user : alloc->getUsers()) {
      if (isa<SetValidRowsOp>(user)) // touches no bytes
        continue;
      uses.insert(user);
      for (Operation *op = user; op && op != alloc->getParentOp(); op = op->getParentOp())
        holders.insert(op);
    }
  }

  Intervals intervals() {
    Intervals live = ofBlock(*alloc->getBlock()).intervals;
    llvm::sort(live);
    Intervals merged;
    for (auto interval : live)
      if (!merged.empty() && interval.first <= merged.back().second + 1)
        merged.back().second = std::max(merged.back().second, interval.second);
      else
        merged.push_back(interval);
    return merged;
  }

private:
  struct Part {
    Intervals intervals;
    bool selfContained = true;
  };

  Part ofBlock(Block &block) {
    SmallVector<Operation *> held;
    SmallVector<Part> parts;
    for (Operation &op : block)
      if (holders.contains(&op)) {
        held.push_back(&op);
        parts.push_back(ofHolder(op));
      }
    Part whole;
    for (Part &part : parts)
      whole.intervals.append(part.intervals);
    if (llvm::all_of(parts, [](const Part &part) { return part.selfContained; }))
      return whole;
    unsigned first = whole.intervals.front().first, last = whole.intervals.front().second;
    for (auto interval : whole.intervals) {
      first = std::min(first, interval.first);
      last = std::max(last, interval.second);
    }
    // Later holders may read what the first wrote: self-contained only if
    // the first, run whenever the block is, overwrites the whole buffer.
    return {{{first, last}}, uses.contains(held.front()) && writesWholeBuffer(held.front(), alloc)};
  }

  Part ofHolder(Operation &op) {
    if (uses.contains(&op))
      return {{{order.first.lookup(&op), order.last.lookup(&op)}}, writesWholeBuffer(&op, alloc)};
    Part all;
    for (Region &region : op.getRegions())
      for (Block &block : region) {
        Part part = ofBlock(block);
        all.intervals.append(part.intervals);
        all.selfContained &= part.selfContained;
      }
    if (isa<LoopLikeOpInterface>(op) && !all.selfContained)
      return {{{order.first.lookup(&op), order.last.lookup(&op)}}, false};
    return all;
  }

  AllocOp alloc;
  const ProgramOrder &order;
  llvm::SmallPtrSet<Operation *, 16> uses, holders;
};

Buffer makeBuffer(AllocOp alloc, const ProgramOrder &order, int64_t alignment) {
  unsigned position = order.first.lookup(alloc);
  Intervals live = Liveness(alloc, order).intervals();
  if (live.empty())
    live.push_back({position, position});
  Operation *holder = nullptr;
  bool oneHolder = true;
  for (Operation *user : alloc->getUsers()) {
    Operation *ancestor = alloc->getBlock()->findAncestorOpInBlock(*user);
    oneHolder &= !holder || holder == ancestor;
    holder = ancestor;
  }
  if (!oneHolder || (holder && holder->getNumRegions() == 0))
    holder = nullptr;
  return Buffer{alloc, alignUp(alloc.getType().getNumBytes(), alignment), position, live, -1,
                alloc.getStage(), holder};
}

/// What a kernel author can change when a space overflows.
StringRef overflowAdvice(MemorySpace space) {
  switch (space) {
  case MemorySpace::ub:
    return "use a smaller token chunk so vector tiles have fewer rows, or split the fused "
           "chain so fewer tiles are live at once";
  case MemorySpace::l1:
    return "use a smaller token chunk or K chunk for the matmul operands staged in L1";
  case MemorySpace::l0a:
  case MemorySpace::l0b:
    return "use a smaller M, N or K chunk for the matmul operand tiles";
  case MemorySpace::l0c:
    return "use a smaller M or N chunk for the matmul accumulator";
  case MemorySpace::gm:
    break;
  }
  return "";
}

/// The most bytes live at any one program position.
int64_t livePeak(ArrayRef<Buffer *> buffers) {
  int64_t peak = 0;
  for (const Buffer *at : buffers) {
    for (auto interval : at->live) {
      int64_t live = 0;
      for (const Buffer *other : buffers)
        if (other->liveAt(interval.first))
          live += other->bytes;
      peak = std::max(peak, live);
    }
  }
  return peak;
}

/// First-fit placement of one memory space; false (after reporting the first
/// buffer that does not fit, if `report`) when it overflows.
bool placeSpace(MemorySpace space, SmallVectorImpl<Buffer *> &buffers, int64_t reserved,
                int64_t capacity, int64_t alignment, bool report) {
  llvm::stable_sort(buffers, [](const Buffer *a, const Buffer *b) {
    return a->bytes != b->bytes ? a->bytes > b->bytes : a->position < b->position;
  });
  SmallVector<Buffer *> placed;
  for (Buffer *buffer : buffers) {
    SmallVector<Buffer *> conflicts;
    for (Buffer *other : placed)
      if (other->overlapsInTime(*buffer))
        conflicts.push_back(other);
    llvm::stable_sort(conflicts,
                      [](const Buffer *a, const Buffer *b) { return a->offset < b->offset; });
    int64_t offset = reserved, largestGap = 0;
    bool fits = false;
    for (Buffer *other : conflicts) {
      largestGap = std::max(largestGap, other->offset - offset);
      if (offset + buffer->bytes <= other->offset) {
        fits = true;
        break;
      }
      offset = std::max(offset, alignUp(other->offset + other->bytes, alignment));
    }
    largestGap = std::max(largestGap, capacity - offset);
    if (!fits && offset + buffer->bytes > capacity) {
      if (!report)
        return false;
      std::string spaceName = stringifyMemorySpace(space).upper();
      InFlightDiagnostic diag = buffer->alloc.emitError()
          << spaceName << " overflow: buffer " << buffer->alloc.getType() << " needs "
          << buffer->bytes << " bytes but at most " << std::max<int64_t>(largestGap, 0)
          << " contiguous bytes of the " << capacity << "-byte " << spaceName
          << " are free while it is live (the task's " << spaceName << " peak is "
          << livePeak(buffers) << " bytes live at once";
      if (reserved)
        diag << ", after the " << reserved << " bytes of its rings";
      diag << "); " << overflowAdvice(space);
      llvm::stable_sort(conflicts, [](const Buffer *a, const Buffer *b) {
        return a->position < b->position;
      });
      for (Buffer *other : conflicts)
        diag.attachNote(other->alloc.getLoc())
            << "live at the same time: " << other->alloc.getType() << " (" << other->bytes
            << " bytes)";
      return false;
    }
    buffer->offset = offset;
    placed.push_back(buffer);
  }
  return true;
}

/// The placement of every buffer of a task body, space by space, and the
/// high-water mark of each space; nothing if a space overflows.
struct Placement {
  SmallVector<Buffer> buffers;
  std::map<MemorySpace, int64_t> highWater;
};

std::optional<Placement> place(Block &body, const target::TargetDescription &desc, bool report,
                               int64_t reservedUb) {
  ProgramOrder order(body);
  Placement placement;
  body.walk([&](AllocOp alloc) {
    placement.buffers.push_back(makeBuffer(alloc, order, desc.alignment));
  });
  std::map<MemorySpace, SmallVector<Buffer *>> bySpace;
  for (Buffer &buffer : placement.buffers)
    bySpace[buffer.space()].push_back(&buffer);
  // The slots of the task's rings in UB come first (getUbRingBase).
  int64_t ubRings = getUbRingsBytes(body) + reservedUb;
  if (ubRings)
    placement.highWater[MemorySpace::ub] = ubRings;
  bool fits = true;
  for (auto &[space, spaceBuffers] : bySpace) {
    int64_t capacity = desc.capacityOf(toTargetSpace(space));
    int64_t reserved = space == MemorySpace::ub ? ubRings : 0;
    if (!placeSpace(space, spaceBuffers, reserved, capacity, desc.alignment, report)) {
      fits = false;
      continue;
    }
    int64_t &highWater = placement.highWater[space];
    for (Buffer *buffer : spaceBuffers)
      highWater = std::max(highWater, buffer->offset + buffer->bytes);
  }
  if (!fits)
    return std::nullopt;
  return placement;
}

struct AscendPlanMemory : tilec::impl::AscendPlanMemoryBase<AscendPlanMemory> {
  void runOnOperation() override {
    TaskOp task = getOperation();
    const target::TargetDescription &desc = lookupTaskTarget(task);
    std::optional<Placement> placement =
        place(task.getBody().front(), desc, /*report=*/true, /*reservedUb=*/0);
    if (!placement)
      return signalPassFailure();
    Builder builder(task);
    SmallVector<NamedAttribute> peaks;
    for (auto [space, highWater] : placement->highWater)
      peaks.push_back(builder.getNamedAttr(stringifyMemorySpace(space),
                                           builder.getI64IntegerAttr(highWater)));
    for (Buffer &buffer : placement->buffers)
      buffer.alloc.setOffset(buffer.offset);
    AscendDialect::MemoryPeakAttrHelper(builder.getContext())
        .setAttr(task, builder.getDictionaryAttr(peaks));
  }
};

} // namespace

bool tilec::fitsOnChip(Block &body, const target::TargetDescription &target,
                       int64_t reservedUb) {
  return place(body, target, /*report=*/false, reservedUb).has_value();
}
