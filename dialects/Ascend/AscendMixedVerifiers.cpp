//===- AscendMixedVerifiers.cpp - rings, mixed launches, push and pop -----===//
//
// What a cube <-> vector hand-off through a ring of slots must satisfy:
// the ring's shape, which core pushes and which pops, and the shapes of what
// they push and view.
//
//===----------------------------------------------------------------------===//
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Ascend/AscendTarget.h"

using namespace mlir;
using namespace tilec::ascend;

LogicalResult RingType::verify(function_ref<InFlightDiagnostic()> emitError, int64_t slots,
                               int64_t rows, int64_t cols, Type element, MemorySpace memory,
                               RingDirection direction) {
  if (slots < 1 || rows < 1 || cols < 1)
    return emitError() << "a ring has at least one slot of at least one row and column, found "
                       << slots << " slots of " << rows << " x " << cols;
  if (!element.isIntOrFloat())
    return emitError() << "a ring holds integers or floats, found " << element;
  if (memory != MemorySpace::gm && memory != MemorySpace::ub)
    return emitError() << "a ring lives in gm or in the AIVs' ub, found "
                       << stringifyMemorySpace(memory);
  // The fixpipe's L0C -> UB move splits a block between the AIVs by rows
  // only for 32-bit elements and an even number of rows (pto-isa's TPUSH).
  if (memory == MemorySpace::ub &&
      (rows % 2 != 0 || element.getIntOrFloatBitWidth() != 32 || (cols * 4) % 32 != 0))
    return emitError() << "a ring in ub holds 32-bit elements in slots of an even number of "
                          "rows and whole 32-byte rows, found "
                       << rows << " x " << cols << " " << element;
  // Each AIV fills its row half of a slot; the AIC reads the slot from GM.
  if (direction == RingDirection::v2c && (memory != MemorySpace::gm || rows % 2 != 0))
    return emitError() << "a v2c ring lives in gm with slots of an even number of rows (a half "
                          "per AIV), found "
                       << rows << " rows in " << stringifyMemorySpace(memory);
  return success();
}

int64_t tilec::ascend::getUbRingBase(BlockArgument ring) {
  int64_t base = 0;
  for (BlockArgument before : ring.getOwner()->getArguments().take_front(ring.getArgNumber()))
    if (auto type = dyn_cast<RingType>(before.getType()); type && type.inUb())
      base += type.getUbBytes();
  return base;
}

int64_t tilec::ascend::getUbRingsBytes(Block &taskBody) {
  auto task = dyn_cast_or_null<TaskOp>(taskBody.getParentOp());
  if (!task || task.getCore() != CoreType::aiv)
    return 0;
  int64_t bytes = 0;
  for (BlockArgument argument : taskBody.getArguments())
    if (auto type = dyn_cast<RingType>(argument.getType()); type && type.inUb())
      bytes += type.getUbBytes();
  return bytes;
}

int64_t RingType::getSlotBytes() const {
  return getRows() * getCols() * ((getElement().getIntOrFloatBitWidth() + 7) / 8);
}

LogicalResult C2vRingAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t rows,
                                  int64_t cols, int64_t slots, MemorySpace memory) {
  if (rows < 2 || rows % 2 != 0 || cols < 1 || slots < 1)
    return emitError() << "a ring's slots have an even number of rows (a half per AIV), at "
                          "least one column, and there is at least one slot, found rows = "
                       << rows << ", cols = " << cols << ", slots = " << slots;
  if (memory != MemorySpace::gm && memory != MemorySpace::ub)
    return emitError() << "a ring lives in gm or in the AIVs' ub, found "
                       << stringifyMemorySpace(memory);
  return success();
}

LogicalResult V2cRingAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t rows,
                                  int64_t cols, int64_t slots) {
  if (rows < 2 || rows % 2 != 0 || cols < 1 || slots < 1)
    return emitError() << "a v2c ring's slots have an even number of rows (a half per AIV), at "
                          "least one column, and there is at least one slot, found rows = "
                       << rows << ", cols = " << cols << ", slots = " << slots;
  return success();
}

namespace {

/// Whether the target of `op`'s module has `path`.
bool moduleTargetHas(Operation *op, tilec::target::Path path) {
  return tilec::lookupModuleTarget(op->getParentOfType<ModuleOp>()).paths[int(path)].available;
}

/// A ring op runs only in a task of `core`.
LogicalResult expectTaskCore(Operation *op, CoreType core) {
  auto task = op->getParentOfType<TaskOp>();
  if (task && task.getCore() == core)
    return success();
  return op->emitOpError("belongs in an ") << stringifyCoreType(core) << " task of a mixed launch";
}

} // namespace

LogicalResult LaunchMixedOp::verify() {
  if (!llvm::any_of(getArgs().getTypes(), llvm::IsaPred<RingType>))
    return emitOpError("passes no !ascend.ring: its tasks would have nothing to hand over");
  return success();
}

LogicalResult LaunchMixedOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  for (auto [symbol, core] :
       {std::pair(getCubeAttr(), CoreType::aic), std::pair(getVectorAttr(), CoreType::aiv)}) {
    auto task = symbolTable.lookupNearestSymbolFrom<TaskOp>(*this, symbol);
    if (!task)
      return emitOpError("launches '") << symbol.getValue() << "', which is not an ascend.task";
    if (task.getCore() != core)
      return emitOpError("needs an ") << stringifyCoreType(core) << " task as its "
                                      << (core == CoreType::aic ? "cube" : "vector") << " side, '"
                                      << symbol.getValue() << "' runs on "
                                      << stringifyCoreType(task.getCore());
    if (TypeRange(getArgs().getTypes()) != TypeRange(task.getFunctionType().getInputs()))
      return emitOpError("argument types do not match task '") << symbol.getValue() << "'";
  }
  return success();
}

/// The core that pops `ring`: the AIVs of a c2v ring, the AIC of a v2c one.
static CoreType poppingCore(RingType ring) {
  return ring.isV2c() ? CoreType::aic : CoreType::aiv;
}

LogicalResult TPushOp::verify() {
  auto src = cast<TileBufferType>(getSrc().getType());
  RingType ring = getRing().getType();
  if (ring.isV2c())
    return emitOpError("pushes into a c2v ring; the AIVs fill a v2c ring with ascend.tpush_rows");
  if (src.getSpace() != MemorySpace::l0c)
    return emitOpError("pushes an accumulator: source must be in l0c, found ")
           << stringifyMemorySpace(src.getSpace());
  if (src.getElementType() != ring.getElement())
    return emitOpError("source element type ")
           << src.getElementType() << " differs from the ring's " << ring.getElement();
  if (src.getRows() != ring.getRows() || ring.getCols() % src.getCols() != 0)
    return emitOpError("source [") << src.getRows() << ", " << src.getCols()
                                   << "] must have the slot's " << ring.getRows()
                                   << " rows and columns dividing its " << ring.getCols();
  if (ring.inUb() && src.getCols() != ring.getCols())
    return emitOpError("pushes whole slots into a ring in ub: source [")
           << src.getRows() << ", " << src.getCols() << "] must have the slot's "
           << ring.getCols() << " columns";
  if (ring.inUb() && !moduleTargetHas(*this, tilec::target::Path::L0cToUb))
    return emitOpError("pushes into a ring in ub, but the module's target has no L0C -> UB "
                       "path (its rings are in gm)");
  return expectTaskCore(*this, CoreType::aic);
}

LogicalResult TPushRowsOp::verify() {
  auto src = cast<TileBufferType>(getSrc().getType());
  RingType ring = getRing().getType();
  if (!ring.isV2c())
    return emitOpError("pushes into a v2c ring; the AIC fills a c2v ring with ascend.tpush");
  if (src.getSpace() != MemorySpace::ub)
    return emitOpError("pushes a tile in ub, found ") << stringifyMemorySpace(src.getSpace());
  if (src.getElementType() != ring.getElement())
    return emitOpError("source element type ")
           << src.getElementType() << " differs from the ring's " << ring.getElement();
  int64_t half = ring.getRows() / 2;
  if (src.getCols() != ring.getCols() || half % src.getRows() != 0)
    return emitOpError("source [") << src.getRows() << ", " << src.getCols()
                                   << "] must have the slot's " << ring.getCols()
                                   << " columns and rows dividing its half's " << half;
  return expectTaskCore(*this, CoreType::aiv);
}

LogicalResult TPopOp::verify() {
  RingType ring = getRing().getType();
  if (ring.inUb())
    return emitOpError("views slots in gm; a ring in ub is popped by ascend.tpop_tile");
  bool halves = getSplit() == SlotSplit::up_down;
  if (ring.isV2c() && halves)
    return emitOpError("views whole slots of a v2c ring (the AIC pops them), not halves");
  if (halves && ring.getRows() % 2 != 0)
    return emitOpError("splits a slot of ") << ring.getRows() << " rows into halves";
  int64_t rows = halves ? ring.getRows() / 2 : ring.getRows();
  GlobalTensorType slot = getSlot().getType();
  if (slot.getShape() != ArrayRef<int64_t>{rows, ring.getCols()} ||
      slot.getElementType() != ring.getElement())
    return emitOpError("views ") << rows << " x " << ring.getCols() << " " << ring.getElement()
                                 << " of each slot, not " << slot;
  if (failed(expectTaskCore(*this, poppingCore(ring))))
    return failure();
  bool freed = false;
  for (Operation *next = (*this)->getNextNode(); next && !freed; next = next->getNextNode())
    if (auto free = dyn_cast<TFreeOp>(next))
      freed = free.getRing() == getRing();
  if (!freed)
    return emitOpError("needs an ascend.tfree of its ring later in the same block");
  return success();
}

LogicalResult TFreeOp::verify() {
  if (getRing().getType().inUb())
    return emitOpError("frees slots in gm; a ring in ub is freed by ascend.tfree_tile");
  return expectTaskCore(*this, poppingCore(getRing().getType()));
}

/// A UB ring's ring argument: a block argument of the task (its slots' place
/// in UB, getUbRingBase, follows from the task's arguments).
static LogicalResult expectUbRingArgument(Operation *op, Value ring) {
  if (!cast<RingType>(ring.getType()).inUb())
    return op->emitOpError("needs a ring in ub (memory = ub)");
  if (!isa<BlockArgument>(ring) || !isa<TaskOp>(ring.getParentBlock()->getParentOp()))
    return op->emitOpError("needs its ring as an argument of its task");
  return expectTaskCore(op, CoreType::aiv);
}

LogicalResult TPopTileOp::verify() {
  if (failed(expectUbRingArgument(*this, getRing())))
    return failure();
  RingType ring = getRing().getType();
  auto slot = cast<TileBufferType>(getSlot().getType());
  if (slot.getSpace() != MemorySpace::ub || slot.getRows() != ring.getRows() / 2 ||
      slot.getCols() != ring.getCols() || slot.getElementType() != ring.getElement())
    return emitOpError("pops this AIV's ")
           << ring.getRows() / 2 << " x " << ring.getCols() << " " << ring.getElement()
           << " half of each slot into ub, not " << slot;
  // pto-isa's TFREE frees the slot popped last: this one, before the next pop.
  for (Operation *next = (*this)->getNextNode(); next; next = next->getNextNode()) {
    if (auto free = dyn_cast<TFreeTileOp>(next); free && free.getSlot() == getSlot())
      return success();
    bool popsAgain = false;
    next->walk([&](TPopTileOp pop) { popsAgain |= pop.getRing() == getRing(); });
    if (popsAgain)
      return emitOpError("pops its ring again before the ascend.tfree_tile of this slot (a "
                         "free releases the slot popped last)");
  }
  return emitOpError("needs an ascend.tfree_tile of its slot later in the same block");
}

LogicalResult TFreeTileOp::verify() {
  if (failed(expectUbRingArgument(*this, getRing())))
    return failure();
  auto pop = getSlot().getDefiningOp<TPopTileOp>();
  if (!pop || pop.getRing() != getRing())
    return emitOpError("frees a slot its ring's ascend.tpop_tile popped");
  return success();
}
