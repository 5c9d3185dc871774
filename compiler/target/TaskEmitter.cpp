//===- TaskEmitter.cpp - one ascend.task as an AI Core kernel --------------===//
//
// An emitted task is an AI Core kernel, `__global__ __aicore__ void
// <name>(__gm__ T *tensor, …, scalar, …)`: its GM tensor arguments, then its
// scalars, each in argument order;
// its body reads its block from get_block_idx() / get_block_num(), declares
// one `using` per distinct tile and GM view type, then runs the task in
// program order: each alloc becomes a tile variable placed with TASSIGN, each
// tload/tstore a GlobalTensor view at the element offset of its window, each
// instruction its PTO call. A tload/tstore of some rows (`rows %n`, a partial
// chunk of run-time token rows) goes through a second tile variable at the
// buffer's address whose valid rows are %n (DYNAMIC, as pto-isa's Tile allows)
// and a GlobalTensor view of %n rows. Nothing in it is specific to the CPU model.
//
// Its launch trampoline is printed separately (TaskParameters.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/target/DynamicRows.h"
#include "compiler/target/Emitters.h"
#include "compiler/target/FunctionEmitter.h"
#include "compiler/target/TaskParameters.h"
#include "compiler/target/TypeSpelling.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::target;

namespace {

class TaskEmitter : public FunctionEmitter {
public:
  TaskEmitter(ascend::TaskOp task, const SourceNames &sourceNames, raw_indented_ostream &os)
      : FunctionEmitter(os), task(task), sourceNames(sourceNames) {}

  LogicalResult emit();

private:
  LogicalResult emitOp(Operation *op) override;
  /// Declares the aliases of every tile and GM view type the task uses.
  LogicalResult collectTypeAliases();
  /// The kernel's signature: `__gm__ T *name` per GM tensor, then `T name`
  /// per scalar.
  LogicalResult emitSignature();
  /// `block_idx` / `block_dim` locals when the body asks for them.
  void emitBlockQueries();
  LogicalResult emitAlloc(ascend::AllocOp alloc);
  /// The alias `tile` is declared with (its partial one if its rows vary).
  std::string declaredTileType(mlir::Value tile);
  /// TLOAD(tile, view) or TSTORE(view, tile) through a fresh GlobalTensor view.
  LogicalResult emitTransfer(Operation *op, Value global, ValueRange offsets, Value tile,
                             std::optional<ArrayRef<int64_t>> window, bool load,
                             bool transposed, Value validRows);
  /// TLOAD/TSTORE of `tile` (its first `validRows` rows, when given) through
  /// a `view` starting at `pointer`.
  LogicalResult emitViewTransfer(Operation *op, const GmView &view, const std::string &pointer,
                                 const std::string &base, Value tile, bool load,
                                 Value validRows = {});
  /// The declared variable `tile`'s first `validRows` rows, placed at its
  /// buffer's address.
  FailureOr<std::string> emitPartialTile(Operation *op, Value tile, Value validRows);
  LogicalResult emitInstruction(ascend::InstructionOpInterface instruction);
  /// Each ring argument's slots of this cluster and its slot counter.
  LogicalResult emitRingCursors();
  LogicalResult emitPush(ascend::TPushOp push);
  LogicalResult emitPushRows(ascend::TPushRowsOp push);
  /// A push into a GM ring: a full ring waits for free slots at `position`
  /// 0 (`firstPart`), `src` goes to `pointer`, and where `endsSlot` holds,
  /// "slot full" is set from `pipe` and the counter moves on.
  LogicalResult emitGmPush(mlir::Operation *push, mlir::Value src, mlir::Value ring,
                           llvm::StringRef firstPart, const std::string &position,
                           const std::string &pointer, const std::string &endsSlot,
                           llvm::StringRef pipe);
  LogicalResult emitPop(ascend::TPopOp pop);
  LogicalResult emitPopTile(ascend::TPopTileOp pop);
  void emitFree(ascend::TFreeOp free);
  /// The side that fills a GM ring (the AIC of a c2v ring, the AIVs of a
  /// v2c one): consumes the "slots free" counts its pushes did not wait for,
  /// so the cluster's next block starts with none.
  void emitRingDrains();
  /// `x + idx0 * 1024 + 512`: the pointer to element `offsets` of `global`.
  std::string elementPointer(Value global, ValueRange offsets);

  ascend::TaskOp task;
  const SourceNames &sourceNames;
  /// The allocs declared with DYNAMIC valid rows (dynamicRowTiles).
  llvm::DenseSet<Operation *> dynamicRows = dynamicRowTiles(task);
  llvm::DenseMap<Type, std::string> tileAliases, partialTileAliases;
  SmallVector<std::pair<GmView, std::string>> viewAliases;
  SmallVector<std::string> aliasDeclarations;
  /// Per GM ring argument: its flag pair's first flag and the C++ names of
  /// its cluster's slots and its slot counter; per UB ring: the names of its
  /// TPipe and the pipe's type.
  struct RingCursor {
    int fullFlag;
    std::string slots, next;
    std::string pipe, pipeType;
  };
  llvm::DenseMap<Value, RingCursor> rings;
};

} // namespace

/// PTO-ISA's CmpMode spelling: CmpMode::LT.
static std::string cmpModeName(ascend::CmpMode mode) {
  return "CmpMode::" + llvm::StringRef(ascend::stringifyCmpMode(mode)).upper();
}

static std::string pipeName(ascend::Pipe pipe) {
  return "PIPE_" + llvm::StringRef(ascend::stringifyPipe(pipe)).upper();
}

LogicalResult TaskEmitter::collectTypeAliases() {
  auto addTile = [&](ascend::TileBufferType type, Location loc, bool partial) -> LogicalResult {
    auto &aliases = partial ? partialTileAliases : tileAliases;
    if (aliases.count(type))
      return success();
    FailureOr<std::string> spelling = tileTypeSpelling(type, loc, partial);
    if (failed(spelling))
      return failure();
    std::string alias = names.unique(tileAliasName(type, partial));
    aliases[type] = alias;
    aliasDeclarations.push_back("using " + alias + " = " + *spelling + ";");
    return success();
  };
  auto addView = [&](Operation *op, ascend::GlobalTensorType global, Value tile,
                     std::optional<ArrayRef<int64_t>> window, bool transposed,
                     Value validRows) -> LogicalResult {
    auto tileType = cast<ascend::TileBufferType>(tile.getType());
    FailureOr<GmView> view =
        gmViewOf(global, tileType, window, transposed, op->getLoc(), bool(validRows));
    if (failed(view) || (validRows && failed(addTile(tileType, op->getLoc(), true))))
      return failure();
    if (llvm::any_of(viewAliases, [&](auto &entry) { return entry.first == *view; }))
      return success();
    std::string alias = names.unique(gmViewAliasName(*view));
    viewAliases.push_back({*view, alias});
    aliasDeclarations.push_back("using " + alias + " = " + gmViewSpelling(*view) + ";");
    return success();
  };
  WalkResult walk = task.walk([&](Operation *op) -> WalkResult {
    if (auto alloc = dyn_cast<ascend::AllocOp>(op)) {
      if (failed(addTile(alloc.getType(), alloc.getLoc(), dynamicRows.contains(alloc))))
        return WalkResult::interrupt();
    } else if (auto load = dyn_cast<ascend::TLoadOp>(op)) {
      if (failed(addView(op, load.getSrc().getType(), load.getDst(), load.getWindow(),
                         load.getTranspose(), load.getValidRows())))
        return WalkResult::interrupt();
    } else if (auto store = dyn_cast<ascend::TStoreOp>(op)) {
      if (failed(addView(op, store.getDst().getType(), store.getSrc(), store.getWindow(),
                         /*transposed=*/false, store.getValidRows())))
        return WalkResult::interrupt();
    } else if (auto push = dyn_cast<ascend::TPushOp>(op)) {
      LogicalResult added = push.getRing().getType().inUb()
                                ? addTile(push.getSrc().getType(), op->getLoc(), false)
                                : addView(op, ringSlotsTensor(push.getRing().getType()),
                                          push.getSrc(), std::nullopt, /*transposed=*/false,
                                          /*validRows=*/Value());
      if (failed(added))
        return WalkResult::interrupt();
    } else if (auto push = dyn_cast<ascend::TPushRowsOp>(op)) {
      if (failed(addView(op, ringSlotsTensor(push.getRing().getType()), push.getSrc(),
                         std::nullopt, /*transposed=*/false, /*validRows=*/Value())))
        return WalkResult::interrupt();
    } else if (auto pop = dyn_cast<ascend::TPopTileOp>(op)) {
      if (failed(addTile(cast<ascend::TileBufferType>(pop.getSlot().getType()), op->getLoc(),
                         false)))
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

LogicalResult TaskEmitter::emitSignature() {
  bool cube = task.getCore() == ascend::CoreType::aic;
  os << "// " << task.getSymName() << ": " << (cube ? "cube (AIC)" : "vector (AIV)") << " task";
  if (auto peak = ascend::AscendDialect::MemoryPeakAttrHelper(task.getContext()).getAttr(task)) {
    SmallVector<std::string> spaces;
    for (NamedAttribute entry : peak)
      if (auto bytes = dyn_cast<IntegerAttr>(entry.getValue()))
        spaces.push_back(entry.getName().getValue().upper() + " " +
                         std::to_string(bytes.getInt()));
    if (!spaces.empty())
      os << "; peak bytes " << llvm::join(spaces, ", ");
  }
  os << "\n";
  SmallVector<std::string> parameters;
  for (BlockArgument argument : kernelParameters(task)) {
    std::string name = names.unique(sourceNames.taskArgument(task, argument.getArgNumber()));
    names.bind(argument, name);
    FailureOr<std::string> type = kernelParameterType(task, argument.getType());
    if (failed(type))
      return failure();
    parameters.push_back(*type + (type->back() == '*' ? "" : " ") + name);
  }
  printList(os, ("__global__ __aicore__ void " + task.getSymName() + "(").str(), parameters,
            ") {\n");
  return success();
}

void TaskEmitter::emitBlockQueries() {
  bool blockIdx = false, blockDim = false;
  task.walk([&](Operation *op) {
    blockIdx |= isa<ascend::BlockIdxOp>(op);
    blockDim |= isa<ascend::BlockDimOp>(op);
  });
  if (blockIdx)
    os << "const int64_t block_idx = get_block_idx();\n";
  if (blockDim)
    os << "const int64_t block_dim = get_block_num();\n";
}

LogicalResult TaskEmitter::emit() {
  if (failed(collectTypeAliases()) || failed(emitSignature()))
    return failure();
  os.indent();
  emitBlockQueries();
  if (failed(emitRingCursors()))
    return failure();
  for (const std::string &declaration : aliasDeclarations)
    os << declaration << "\n";
  os << "\n";
  if (failed(emitBlock(task.getBody().front())))
    return failure();
  emitRingDrains();
  os.unindent();
  os << "}\n";
  return success();
}

std::string TaskEmitter::declaredTileType(Value tile) {
  auto alloc = tile.getDefiningOp<ascend::AllocOp>();
  auto type = cast<ascend::TileBufferType>(tile.getType());
  return alloc && dynamicRows.contains(alloc) ? partialTileAliases.lookup(type)
                                        : tileAliases.lookup(type);
}

LogicalResult TaskEmitter::emitAlloc(ascend::AllocOp alloc) {
  std::optional<uint64_t> offset = alloc.getOffset();
  if (!offset)
    return alloc.emitError("buffer has no offset: run --ascend-plan-memory before C++ emission");
  ascend::TileBufferType type = alloc.getType();
  std::string name = names.numbered(ascend::stringifyMemorySpace(type.getSpace()));
  names.bind(alloc.getResult(), name);
  // A tile whose valid rows are set (ascend.set_valid_rows) starts with all of them.
  if (dynamicRows.contains(alloc))
    os << partialTileAliases.lookup(type) << " " << name << "(" << type.getRows() << ");\n";
  else
    os << tileAliases.lookup(type) << " " << name << ";\n";
  os << "TASSIGN(" << name << ", 0x" << llvm::utohexstr(*offset, /*LowerCase=*/true) << ");\n";
  return success();
}

std::string TaskEmitter::elementPointer(Value global, ValueRange offsets) {
  auto type = cast<ascend::GlobalTensorType>(global.getType());
  SmallVector<int64_t> strides = rowMajorStrides(type);
  SmallVector<std::string> terms;
  int64_t constant = 0;
  for (auto [offset, stride] : llvm::zip(offsets, strides)) {
    if (auto value = getConstantIntValue(offset)) {
      constant += *value * stride;
      continue;
    }
    terms.push_back(expr(offset) + (stride == 1 ? "" : " * " + std::to_string(stride)));
  }
  if (constant != 0)
    terms.push_back(std::to_string(constant));
  std::string pointer = expr(global);
  for (const std::string &term : terms)
    pointer += " + " + term;
  return pointer;
}

FailureOr<std::string> TaskEmitter::emitPartialTile(Operation *op, Value tile, Value validRows) {
  auto alloc = tile.getDefiningOp<ascend::AllocOp>();
  if (!alloc || !alloc.getOffset())
    return op->emitError("moves some rows of a tile that is not a placed ascend.alloc");
  std::string name = names.unique(expr(tile) + "Rows");
  os << partialTileAliases.lookup(alloc.getType()) << " " << name << "(" << expr(validRows)
     << ");\n";
  os << "TASSIGN(" << name << ", 0x" << llvm::utohexstr(*alloc.getOffset(), /*LowerCase=*/true)
     << ");\n";
  return name;
}

LogicalResult TaskEmitter::emitTransfer(Operation *op, Value global, ValueRange offsets,
                                        Value tile, std::optional<ArrayRef<int64_t>> window,
                                        bool load, bool transposed, Value validRows) {
  auto globalType = cast<ascend::GlobalTensorType>(global.getType());
  FailureOr<GmView> view = gmViewOf(globalType, cast<ascend::TileBufferType>(tile.getType()),
                                    window, transposed, op->getLoc(), bool(validRows));
  if (failed(view))
    return failure();
  return emitViewTransfer(op, *view, elementPointer(global, offsets), expr(global), tile, load,
                          validRows);
}

LogicalResult TaskEmitter::emitViewTransfer(Operation *op, const GmView &view,
                                            const std::string &pointer, const std::string &base,
                                            Value tile, bool load, Value validRows) {
  std::string tileName = expr(tile), shape;
  if (validRows) {
    FailureOr<std::string> partial = emitPartialTile(op, tile, validRows);
    if (failed(partial))
      return failure();
    tileName = *partial;
  }
  auto alias = llvm::find_if(viewAliases, [&](auto &entry) { return entry.first == view; });
  if (validRows)
    shape = ", " + alias->second + "::Shape(" + expr(validRows) + ")";
  std::string viewName = names.unique(base + "View");
  os << alias->second << " " << viewName << "(" << pointer << shape << ");\n";
  if (load)
    os << "TLOAD(" << tileName << ", " << viewName << ");";
  else
    os << "TSTORE(" << viewName << ", " << tileName << ");";
  endStatement(op);
  return success();
}

LogicalResult TaskEmitter::emitInstruction(ascend::InstructionOpInterface instruction) {
  Operation *op = instruction.getOperation();
  SmallVector<std::string> arguments;
  for (Value operand : op->getOperands())
    arguments.push_back(expr(operand));
  std::string callee = instruction.getIsaName().str();
  if (auto cvt = dyn_cast<ascend::TCvtOp>(op)) {
    arguments.push_back("RoundMode::CAST_" +
                        llvm::StringRef(ascend::stringifyRoundMode(cvt.getRound())).upper());
    if (std::optional<ascend::Saturation> sat = cvt.getSat())
      arguments.push_back(*sat == ascend::Saturation::on ? "SaturationMode::ON"
                                                         : "SaturationMode::OFF");
  } else if (auto cmp = dyn_cast<ascend::TCmpOp>(op)) {
    arguments.push_back(cmpModeName(cmp.getMode()));
  } else if (auto cmps = dyn_cast<ascend::TCmpSOp>(op)) {
    arguments.push_back(cmpModeName(cmps.getMode()));
  } else if (auto ci = dyn_cast<ascend::TCiOp>(op)) {
    // Counting up: pto-isa's `descending` template argument is 0.
    callee += "<" + declaredTileType(ci.getDst()) + ", int32_t, 0>";
  } else if (auto gather = dyn_cast<ascend::TGatherOp>(op)) {
    callee += "<" + declaredTileType(gather.getDst()) + ", " +
              declaredTileType(gather.getSrc()) + ", MaskPattern::" +
              (gather.getPattern() == ascend::GatherPattern::even ? "P0101" : "P1010") + ">";
  }
  os << callee << "(" << llvm::join(arguments, ", ") << ");";
  endStatement(op);
  return success();
}

// GM rings: each cluster's slots follow the previous cluster's; flags 2i and
// 2i + 1 of the i-th ring argument say "slot full" and "slots free". The
// counters and the sync period are pto-isa's TPipe's (runtime/isa/TPipe.h):
// the AIC waits for free slots every period once the ring has been filled,
// the AIVs free them every period of pops.

/// Pops per "slots free" notification and pushes per wait for one.
static int64_t ringSyncPeriod(ascend::RingType ring) {
  return ring.getSlots() <= 2 ? ring.getSlots() : ring.getSlots() / 2;
}

LogicalResult TaskEmitter::emitRingCursors() {
  int flag = 0;
  for (BlockArgument argument : task.getArguments()) {
    auto ring = dyn_cast<ascend::RingType>(argument.getType());
    if (!ring)
      continue;
    if (flag + 1 >= 16)
      return task.emitError("C++ emission has cross-core flags for 8 rings per task");
    std::optional<std::string> element = elementTypeName(ring.getElement());
    if (!element)
      return task.emitError("cannot spell ring element type ") << ring.getElement();
    RingCursor cursor;
    cursor.fullFlag = flag;
    flag += 2;
    if (argument.use_empty())
      continue;
    if (ring.inUb()) {
      // pto-isa's TPipe moves L0C -> UB and keeps its flags itself; each
      // AIV's half of a slot is a slot of SlotSize bytes at the ring's place
      // in its UB.
      cursor.pipe = names.unique(expr(argument) + "_pipe");
      cursor.pipeType = names.unique(expr(argument) + "_pipe_t");
      os << "using " << cursor.pipeType << " = TPipe<" << cursor.fullFlag << ", DIR_C2V, "
         << ring.getUbBytes() / ring.getSlots() << ", " << ring.getSlots() << ">;\n";
      os << cursor.pipeType << " " << cursor.pipe << "(nullptr, 0x"
         << llvm::utohexstr(ascend::getUbRingBase(argument), /*LowerCase=*/true)
         << ", 0x0); // slots in the AIVs' UB\n";
      rings[argument] = cursor;
      continue;
    }
    cursor.slots = names.unique(expr(argument) + "_slots");
    cursor.next = names.unique(expr(argument) + "_next");
    os << "__gm__ " << *element << " *" << cursor.slots << " = " << expr(argument)
       << " + get_block_idx() * " << ring.getSlots() * ring.getRows() * ring.getCols() << ";\n";
    os << "uint32_t " << cursor.next << " = 0;\n";
    rings[argument] = cursor;
  }
  return success();
}

/// `slots + (next % S) * R * C`: the first element of the current slot.
static std::string currentSlot(ascend::RingType ring, const std::string &slots,
                               const std::string &next) {
  return slots + " + (" + next + " % " + std::to_string(ring.getSlots()) + ") * " +
         std::to_string(ring.getRows() * ring.getCols());
}

LogicalResult TaskEmitter::emitPush(ascend::TPushOp push) {
  ascend::RingType ring = push.getRing().getType();
  const RingCursor &cursor = rings.at(push.getRing());
  auto src = cast<ascend::TileBufferType>(push.getSrc().getType());
  if (ring.inUb()) {
    os << "TPUSH<" << cursor.pipeType << ", " << tileAliases.lookup(src)
       << ", TileSplitAxis::TILE_UP_DOWN>(" << cursor.pipe << ", " << expr(push.getSrc())
       << ");";
    endStatement(push);
    return success();
  }
  std::string col = expr(push.getCol());
  return emitGmPush(push, push.getSrc(), push.getRing(), "a slot's first block", col,
                    currentSlot(ring, cursor.slots, cursor.next) + " + " + col,
                    col + " + " + std::to_string(src.getCols()) + " == " +
                        std::to_string(ring.getCols()),
                    "PIPE_FIX");
}

LogicalResult TaskEmitter::emitPushRows(ascend::TPushRowsOp push) {
  ascend::RingType ring = push.getRing().getType();
  const RingCursor &cursor = rings.at(push.getRing());
  auto src = cast<ascend::TileBufferType>(push.getSrc().getType());
  const std::string half = std::to_string(ring.getRows() / 2), row = expr(push.getRow());
  return emitGmPush(push, push.getSrc(), push.getRing(), "a half's first rows", row,
                    currentSlot(ring, cursor.slots, cursor.next) + " + (get_subblockid() * " +
                        half + " + " + row + ") * " + std::to_string(ring.getCols()),
                    row + " + " + std::to_string(src.getRows()) + " == " + half, "PIPE_MTE3");
}

LogicalResult TaskEmitter::emitGmPush(Operation *push, Value src, Value ringValue,
                                      StringRef firstPart, const std::string &position,
                                      const std::string &pointer, const std::string &endsSlot,
                                      StringRef pipe) {
  auto ring = cast<ascend::RingType>(ringValue.getType());
  const RingCursor &cursor = rings.at(ringValue);
  FailureOr<GmView> view =
      gmViewOf(ringSlotsTensor(ring), cast<ascend::TileBufferType>(src.getType()), std::nullopt,
               /*transposed=*/false, push->getLoc());
  if (failed(view))
    return failure();
  os << "// TPUSH: a full ring waits for free slots before " << firstPart << "\n";
  os << "if (" << position << " == 0 && " << cursor.next << " >= " << ring.getSlots() << " && "
     << cursor.next << " % " << ringSyncPeriod(ring) << " == 0)\n";
  os << "  wait_flag_dev(" << cursor.fullFlag + 1 << ");\n";
  if (failed(emitViewTransfer(push, *view, pointer, cursor.slots, src, /*load=*/false)))
    return failure();
  os << "if (" << endsSlot << ") {\n";
  os << "  ffts_cross_core_sync(" << pipe << ", getFFTSMsg(CV_CORES_SYNC, " << cursor.fullFlag
     << "));\n";
  os << "  ++" << cursor.next << ";\n";
  os << "}\n";
  return success();
}

LogicalResult TaskEmitter::emitPop(ascend::TPopOp pop) {
  ascend::RingType ring = pop.getRing().getType();
  const RingCursor &cursor = rings.at(pop.getRing());
  std::optional<std::string> element = elementTypeName(ring.getElement());
  std::string name = names.unique(cursor.slots + "_popped");
  names.bind(pop.getSlot(), name);
  os << "wait_flag_dev(" << cursor.fullFlag << "); // TPOP\n";
  os << "__gm__ " << *element << " *" << name << " = "
     << currentSlot(ring, cursor.slots, cursor.next);
  if (pop.getSplit() == ascend::SlotSplit::up_down)
    os << " + get_subblockid() * " << ring.getRows() / 2 * ring.getCols();
  os << ";";
  endStatement(pop);
  return success();
}

LogicalResult TaskEmitter::emitPopTile(ascend::TPopTileOp pop) {
  const RingCursor &cursor = rings.at(pop.getRing());
  std::string name = names.numbered("popped");
  names.bind(pop.getSlot(), name);
  std::string type = tileAliases.lookup(pop.getSlot().getType());
  os << type << " " << name << ";\n";
  os << "TPOP<" << cursor.pipeType << ", " << type << ", TileSplitAxis::TILE_UP_DOWN>("
     << cursor.pipe << ", " << name << ");";
  endStatement(pop);
  return success();
}

void TaskEmitter::emitFree(ascend::TFreeOp free) {
  ascend::RingType ring = free.getRing().getType();
  const RingCursor &cursor = rings.at(free.getRing());
  os << "if ((" << cursor.next << " + 1) % " << ringSyncPeriod(ring) << " == 0)\n";
  os << "  ffts_cross_core_sync(PIPE_MTE2, getFFTSMsg(CV_CORES_SYNC, "
     << cursor.fullFlag + 1 << "));\n";
  os << "++" << cursor.next << ";\n";
}

void TaskEmitter::emitRingDrains() {
  for (BlockArgument argument : task.getArguments()) {
    auto cursor = rings.find(argument);
    if (cursor == rings.end() || !cursor->second.pipe.empty())
      continue;
    auto ring = cast<ascend::RingType>(argument.getType());
    if (task.getCore() != (ring.isV2c() ? ascend::CoreType::aiv : ascend::CoreType::aic))
      continue;
    std::string next = cursor->second.next, period = std::to_string(ringSyncPeriod(ring)),
                slots = std::to_string(ring.getSlots());
    os << "// The " << (ring.isV2c() ? "AIC" : "AIVs") << " freed " << next << " / " << period << " times; the pushes waited for "
       << "those past the first " << slots << " slots.\n";
    os << "for (uint32_t drain = " << next << " / " << period << " - (" << next << " > " << slots
       << " ? (" << next << " - " << slots << " + " << period << " - 1) / " << period
       << " : 0); drain > 0; --drain)\n";
    os << "  wait_flag_dev(" << cursor->second.fullFlag + 1 << ");\n";
  }
}

LogicalResult TaskEmitter::emitOp(Operation *op) {
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](ascend::AllocOp alloc) { return emitAlloc(alloc); })
      .Case([&](ascend::BlockIdxOp blockIdx) {
        names.bind(blockIdx.getResult(), "block_idx");
        return success();
      })
      .Case([&](ascend::BlockDimOp blockDim) {
        names.bind(blockDim.getResult(), "block_dim");
        return success();
      })
      .Case([&](ascend::SetValidRowsOp set) {
        os << expr(set.getTile()) << ".SetValidRow(" << expr(set.getRows()) << ");\n";
        return success();
      })
      .Case([&](ascend::TLoadOp load) {
        return emitTransfer(op, load.getSrc(), load.getOffsets(), load.getDst(),
                            load.getWindow(), /*load=*/true, load.getTranspose(),
                            load.getValidRows());
      })
      .Case([&](ascend::TStoreOp store) {
        return emitTransfer(op, store.getDst(), store.getOffsets(), store.getSrc(),
                            store.getWindow(), /*load=*/false, /*transposed=*/false,
                            store.getValidRows());
      })
      .Case<ascend::SetFlagOp, ascend::WaitFlagOp>([&](auto flag) {
        os << (isa<ascend::SetFlagOp>(op) ? "set_flag(" : "wait_flag(")
           << pipeName(flag.getSrc()) << ", " << pipeName(flag.getDst()) << ", EVENT_ID"
           << flag.getEvent() << ");\n";
        return success();
      })
      .Case([&](ascend::PipeBarrierOp barrier) {
        os << "pipe_barrier(" << pipeName(barrier.getPipe()) << ");\n";
        return success();
      })
      .Case([&](ascend::ReturnOp) { return success(); })
      .Case([&](ascend::ScalarLoadOp load) {
        // The scalar unit reads global memory directly.
        std::string name = names.numbered("s");
        names.bind(load.getResult(), name);
        os << "const " << (load.getType().isF32() ? "float" : "int32_t") << " " << name
           << " = *(" << elementPointer(load.getSource(), load.getOffsets()) << ");";
        endStatement(op);
        return success();
      })
      .Case([&](ascend::SubblockIdxOp subblock) {
        names.bind(subblock.getResult(), "get_subblockid()");
        return success();
      })
      .Case([&](ascend::TPushOp push) { return emitPush(push); })
      .Case([&](ascend::TPushRowsOp push) { return emitPushRows(push); })
      .Case([&](ascend::TPopOp pop) { return emitPop(pop); })
      .Case([&](ascend::TFreeOp free) {
        emitFree(free);
        return success();
      })
      .Case([&](ascend::TPopTileOp pop) { return emitPopTile(pop); })
      .Case([&](ascend::TFreeTileOp free) {
        const RingCursor &cursor = rings.at(free.getRing());
        os << "TFREE<" << cursor.pipeType << ", TileSplitAxis::TILE_UP_DOWN>(" << cursor.pipe
           << ");";
        endStatement(free);
        return success();
      })
      .Case([&](ascend::InstructionOpInterface instruction) {
        return emitInstruction(instruction);
      })
      .Default([&](Operation *other) {
        return other->emitError("C++ emission does not support '")
               << other->getName() << "' in a task";
      });
}

LogicalResult tilec::target::emitTask(ascend::TaskOp task, const SourceNames &sourceNames,
                                      raw_indented_ostream &os) {
  return TaskEmitter(task, sourceNames, os).emit();
}
