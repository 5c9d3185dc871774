//===- AscendMixedVerifiers.cpp - rings, mixed launches, push and pop -----===//
//
// What a cube -> vector hand-off through a ring of GM slots must satisfy:
// the ring's shape, which core pushes and which pops, and the shapes of what
// they push and view.
//
//===----------------------------------------------------------------------===//
#include "dialects/Ascend/AscendOps.h"

using namespace mlir;
using namespace tilec::ascend;

LogicalResult RingType::verify(function_ref<InFlightDiagnostic()> emitError, int64_t slots,
                               int64_t rows, int64_t cols, Type element) {
  if (slots < 1 || rows < 1 || cols < 1)
    return emitError() << "a ring has at least one slot of at least one row and column, found "
                       << slots << " slots of " << rows << " x " << cols;
  if (!element.isIntOrFloat())
    return emitError() << "a ring holds integers or floats, found " << element;
  return success();
}

int64_t RingType::getSlotBytes() const {
  return getRows() * getCols() * ((getElement().getIntOrFloatBitWidth() + 7) / 8);
}

LogicalResult C2vRingAttr::verify(function_ref<InFlightDiagnostic()> emitError, int64_t rows,
                                  int64_t cols, int64_t slots) {
  if (rows < 2 || rows % 2 != 0 || cols < 1 || slots < 1)
    return emitError() << "a ring's slots have an even number of rows (a half per AIV), at "
                          "least one column, and there is at least one slot, found rows = "
                       << rows << ", cols = " << cols << ", slots = " << slots;
  return success();
}

namespace {

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

LogicalResult TPushOp::verify() {
  auto src = cast<TileBufferType>(getSrc().getType());
  RingType ring = getRing().getType();
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
  return expectTaskCore(*this, CoreType::aic);
}

LogicalResult TPopOp::verify() {
  RingType ring = getRing().getType();
  bool halves = getSplit() == SlotSplit::up_down;
  if (halves && ring.getRows() % 2 != 0)
    return emitOpError("splits a slot of ") << ring.getRows() << " rows into halves";
  int64_t rows = halves ? ring.getRows() / 2 : ring.getRows();
  GlobalTensorType slot = getSlot().getType();
  if (slot.getShape() != ArrayRef<int64_t>{rows, ring.getCols()} ||
      slot.getElementType() != ring.getElement())
    return emitOpError("views ") << rows << " x " << ring.getCols() << " " << ring.getElement()
                                 << " of each slot, not " << slot;
  bool freed = false;
  for (Operation *next = (*this)->getNextNode(); next && !freed; next = next->getNextNode())
    if (auto free = dyn_cast<TFreeOp>(next))
      freed = free.getRing() == getRing();
  if (!freed)
    return emitOpError("needs an ascend.tfree of its ring later in the same block");
  return expectTaskCore(*this, CoreType::aiv);
}

LogicalResult TFreeOp::verify() { return expectTaskCore(*this, CoreType::aiv); }
