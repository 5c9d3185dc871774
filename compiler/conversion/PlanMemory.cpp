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

struct Buffer {
  AllocOp alloc;
  int64_t bytes;      ///< padded size rounded up to the target alignment
  unsigned position;  ///< of the alloc, for the placement order
  unsigned liveFirst; ///< first and last program position it must survive
  unsigned liveLast;
  int64_t offset = -1;
  std::optional<uint64_t> stage;

  /// Live at the same time, or in different double-buffering stages.
  bool overlapsInTime(const Buffer &other) const {
    if (stage && other.stage && *stage != *other.stage)
      return true;
    return liveFirst <= other.liveLast && other.liveFirst <= liveLast;
  }
  MemorySpace space() { return alloc.getType().getSpace(); }
};

int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// Whether every iteration of `loop` starts using the buffer by overwriting
/// it: its first use in the loop, directly in the loop's body or in an
/// scf.if there that holds every use in the loop (an iteration that skips the
/// branch uses none), only writes it. Then nothing in it survives the back
/// edge.
bool overwrittenEachIteration(AllocOp alloc, Operation *loop, const ProgramOrder &order) {
  Operation *first = nullptr;
  for (Operation *user : alloc->getUsers())
    // Setting the valid rows touches no bytes.
    if (loop->isProperAncestor(user) && !isa<SetValidRowsOp>(user) &&
        (!first || order.first.lookup(user) < order.first.lookup(first)))
      first = user;
  if (!first)
    return false;
  Operation *branch = first;
  while (branch->getParentOp() != loop) {
    branch = branch->getParentOp();
    // A nested loop holding every use in `loop` overwrites it first in each
    // iteration of `loop` when it does in each of its own. Only taken for a
    // mixed launch's slot loop (its chunks of the popped slot): elsewhere it
    // would move the buffers, and change the C++, of kernels planned before.
    bool slotLoop = !loop->getRegion(0).getOps<TPopOp>().empty();
    if (slotLoop && isa<scf::ForOp>(branch))
      return llvm::all_of(alloc->getUsers(), [&](Operation *user) {
               return !loop->isProperAncestor(user) || branch->isAncestor(user);
             }) &&
             overwrittenEachIteration(alloc, branch, order);
    if (!isa<scf::IfOp>(branch))
      return false;
  }
  if (branch != first && llvm::any_of(alloc->getUsers(), [&](Operation *user) {
        return loop->isProperAncestor(user) && !branch->isAncestor(user) &&
               !isa<SetValidRowsOp>(user);
      }))
    return false;
  auto effects = dyn_cast<MemoryEffectOpInterface>(first);
  if (!effects)
    return false;
  SmallVector<MemoryEffects::EffectInstance> onBuffer;
  effects.getEffectsOnValue(alloc.getResult(), onBuffer);
  return !onBuffer.empty() && llvm::all_of(onBuffer, [](const auto &effect) {
    return isa<MemoryEffects::Write>(effect.getEffect());
  });
}

/// From the first to the last use. A use inside a loop that does not contain
/// the alloc covers the whole loop, since the value must survive the back
/// edge, unless each iteration overwrites the buffer before reading it.
Buffer makeBuffer(AllocOp alloc, const ProgramOrder &order, int64_t alignment) {
  Buffer buffer{alloc, alignUp(alloc.getType().getNumBytes(), alignment),
                order.first.lookup(alloc), 0, 0, -1, alloc.getStage()};
  buffer.liveFirst = buffer.liveLast = buffer.position;
  bool used = false;
  for (Operation *user : alloc->getUsers()) {
    if (isa<SetValidRowsOp>(user)) // touches no bytes
      continue;
    unsigned first = order.first.lookup(user), last = order.last.lookup(user);
    for (Operation *parent = user->getParentOp(); parent && !isa<TaskOp>(parent);
         parent = parent->getParentOp())
      if (isa<LoopLikeOpInterface>(parent) && !parent->isProperAncestor(alloc) &&
          !overwrittenEachIteration(alloc, parent, order)) {
        first = std::min(first, order.first.lookup(parent));
        last = std::max(last, order.last.lookup(parent));
      }
    buffer.liveFirst = used ? std::min(buffer.liveFirst, first) : first;
    buffer.liveLast = used ? std::max(buffer.liveLast, last) : last;
    used = true;
  }
  return buffer;
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
    int64_t live = 0;
    for (const Buffer *other : buffers)
      if (other->liveFirst <= at->liveFirst && at->liveFirst <= other->liveLast)
        live += other->bytes;
    peak = std::max(peak, live);
  }
  return peak;
}

/// First-fit placement of one memory space; false (after reporting the first
/// buffer that does not fit, if `report`) when it overflows.
bool placeSpace(MemorySpace space, SmallVectorImpl<Buffer *> &buffers, int64_t capacity,
                int64_t alignment, bool report) {
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
    int64_t offset = 0, largestGap = 0;
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
          << livePeak(buffers) << " bytes live at once); " << overflowAdvice(space);
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

std::optional<Placement> place(Block &body, const target::TargetDescription &desc, bool report) {
  ProgramOrder order(body);
  Placement placement;
  body.walk([&](AllocOp alloc) {
    placement.buffers.push_back(makeBuffer(alloc, order, desc.alignment));
  });
  std::map<MemorySpace, SmallVector<Buffer *>> bySpace;
  for (Buffer &buffer : placement.buffers)
    bySpace[buffer.space()].push_back(&buffer);
  bool fits = true;
  for (auto &[space, spaceBuffers] : bySpace) {
    int64_t capacity = desc.capacityOf(toTargetSpace(space));
    if (!placeSpace(space, spaceBuffers, capacity, desc.alignment, report)) {
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
    std::optional<Placement> placement = place(task.getBody().front(), desc, /*report=*/true);
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

bool tilec::fitsOnChip(Block &body, const target::TargetDescription &target) {
  return place(body, target, /*report=*/false).has_value();
}
