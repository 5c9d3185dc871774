//===- GmPlaces.cpp - where tensor values live in global memory -----------===//
//
// The places of a kernel's tensor values (GmPlaces.h): whole kernel tensors
// (a [rows, cols] view of rank-3+ ones), windows and sub-windows of them,
// scratch tensors, the window a result's consumer gives it, and copies
// between places, which gather or scatter the rows of windows whose rows are
// not consecutive (RowMap.h).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/GmPlaces.h"
#include "compiler/conversion/HostProgram.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

Value GmPlaces::entryIndex(int64_t value) {
  Value &constant = entryConstants[value];
  if (!constant) {
    constant = arith::ConstantIndexOp::create(entry, kernel.getLoc(), value);
  }
  return constant;
}

GmLocation GmPlaces::whole(Value buffer) {
  buffer = hostGlobal(buffer, host.getListener());
  auto type = cast<ascend::GlobalTensorType>(buffer.getType());
  GmLocation location;
  location.buffer = buffer;
  Value zero = entryIndex(0);
  location.offsets.assign(type.getRank(), zero);
  location.shape = MatrixShape::of(type.getShape());
  location.rowDim = location.shape.rows > 1 ? int(type.getRank()) - 2 : -1;
  if (type.getRank() > 2) {
    // Several leading dimensions: see the contiguous tensor as rows × cols.
    // One view per buffer, so that locations of the same tensor compare equal
    // (a store of a value computed in place needs no copy).
    Value &view = flatViews[buffer];
    if (!view) {
      SmallVector<int64_t> flat = {location.shape.rows, location.shape.cols};
      auto flatType =
          ascend::GlobalTensorType::get(buffer.getContext(), flat, type.getElementType());
      OpBuilder after(buffer.getContext(), host.getListener());
      after.setInsertionPointAfterValue(buffer);
      view = ascend::GmReshapeOp::create(after, buffer.getLoc(), flatType, buffer);
    }
    location.buffer = view;
    location.offsets.assign(2, zero);
    location.rowDim = location.shape.rows > 1 ? 0 : -1;
  }
  return location;
}

bool tilec::conversion::rowsAreConsecutive(ArrayRef<int64_t> ofShape, ArrayRef<int64_t> shape) {
  bool several = false;
  for (size_t dim = 0; dim + 1 < ofShape.size(); ++dim) {
    if (several && shape[dim] != ofShape[dim])
      return false;
    several |= shape[dim] != 1;
  }
  return true;
}

bool tilec::conversion::scatteredWindow(ArrayRef<int64_t> ofShape, ArrayRef<int64_t> shape) {
  return llvm::count_if(shape.drop_back(), [](int64_t extent) { return extent != 1; }) > 1 &&
         !rowsAreConsecutive(ofShape, shape);
}

FailureOr<GmLocation> GmPlaces::window(Location loc, Value buffer, ValueRange offsets,
                                       ArrayRef<int64_t> shape) {
  buffer = hostGlobal(buffer, host.getListener());
  auto type = cast<ascend::GlobalTensorType>(buffer.getType());
  if (shape == type.getShape())
    return whole(buffer);
  GmLocation location;
  location.buffer = buffer;
  location.offsets.assign(offsets.begin(), offsets.end());
  location.shape = MatrixShape::of(shape);
  SmallVector<int> rowDims;
  for (auto [dim, extent] : llvm::enumerate(shape.drop_back()))
    if (extent != 1)
      rowDims.push_back(dim);
  // Several leading dimensions: a window of the tensor seen as rows × cols,
  // starting at its first row (scatteredWindow says whether the others follow).
  if (rowDims.size() > 1)
    return subWindow(loc, whole(buffer), type.getShape(), offsets, shape);
  location.rowDim = rowDims.empty() ? -1 : rowDims.front();
  return location;
}

FailureOr<GmLocation> GmPlaces::subWindow(Location loc, const GmLocation &of,
                                          ArrayRef<int64_t> ofShape, ValueRange offsets,
                                          ArrayRef<int64_t> shape) {
  // The value's rows run along `of.rowDim`, its leading dimensions folded
  // into them: an offset in leading dimension d moves by the rows of the
  // leading dimensions after it.
  GmLocation location = of;
  location.shape = MatrixShape::of(shape);
  auto addTo = [&](unsigned dim, Value delta) {
    APInt constant;
    if (matchPattern(delta, m_ConstantInt(&constant)) && constant.isZero())
      return;
    location.offsets[dim] = arith::AddIOp::create(host, loc, location.offsets[dim], delta);
  };
  unsigned rank = ofShape.size();
  addTo(location.offsets.size() - 1, offsets[rank - 1]);
  int64_t rowsPerStep = 1;
  for (int dim = int(rank) - 2; dim >= 0; --dim) {
    if (ofShape[dim] == 1)
      continue;
    if (of.rowDim < 0)
      return emitError(loc) << "cannot lower this slice of a global window";
    Value delta = offsets[dim];
    if (rowsPerStep != 1)
      delta = arith::MulIOp::create(host, loc, delta, entryIndex(rowsPerStep));
    addTo(of.rowDim, delta);
    rowsPerStep *= ofShape[dim];
  }
  if (location.shape.rows == 1 && of.rowDim >= 0)
    location.rowDim = of.rowDim; // a single row still sits at a row offset
  return location;
}

bool GmPlaces::isOnlyUse(Value value, Operation *user) {
  return value.hasOneUse() && *value.getUsers().begin() == user;
}

bool tilec::conversion::isComputableAt(Value value, Operation *producer, DominanceInfo &dominance) {
  if (dominance.properlyDominates(value, producer))
    return true;
  Operation *def = value.getDefiningOp();
  return def && def->getNumRegions() == 0 && def->getNumResults() == 1 && isPure(def) &&
         llvm::all_of(def->getOperands(),
                      [&](Value operand) { return isComputableAt(operand, producer, dominance); });
}

/// `value` usable at `producer`: itself when it dominates, else a clone of
/// the pure index arithmetic that computes it; null if neither works.
Value GmPlaces::availableAt(Value value, Operation *producer) {
  if (dominance.properlyDominates(value, producer))
    return value;
  if (!isComputableAt(value, producer, dominance))
    return nullptr;
  Operation *def = value.getDefiningOp();
  IRMapping mapping;
  for (Value operand : def->getOperands())
    mapping.map(operand, availableAt(operand, producer));
  OpBuilder::InsertionGuard guard(host);
  host.setInsertionPoint(producer);
  return host.clone(*def, mapping)->getResult(0);
}

/// The store that puts `result` into an output parameter nothing else writes,
/// if there is one: the value can live there for its other users too.
static tile::StoreOp soleStoreOf(Value result) {
  tile::StoreOp found;
  for (Operation *user : result.getUsers()) {
    auto store = dyn_cast<tile::StoreOp>(user);
    if (!store || store.getValue() != result)
      continue;
    if (found)
      return nullptr;
    found = store;
  }
  if (!found || !isa<BlockArgument>(found.getDest()))
    return nullptr;
  unsigned writers = llvm::count_if(found.getDest().getUsers(), llvm::IsaPred<tile::StoreOp>);
  return writers == 1 ? found : nullptr;
}

OpOperand *tilec::conversion::placingUse(Value result) {
  MatrixShape shape = MatrixShape::of(cast<RankedTensorType>(result.getType()).getShape());
  while (result.hasOneUse()) {
    auto reshape = dyn_cast<tile::ReshapeOp>(*result.getUsers().begin());
    if (!reshape || !(MatrixShape::of(reshape.getType().getShape()) == shape))
      break;
    result = reshape.getResult();
  }
  if (result.hasOneUse())
    return &*result.getUses().begin();
  tile::StoreOp sharedStore = soleStoreOf(result);
  return sharedStore ? &sharedStore.getValueMutable() : nullptr;
}

/// Where `result` can be written directly: the window its placing use gives
/// it when that is a store, an in-place insert, an interleave or a loop
/// yield.
std::optional<GmLocation> GmPlaces::resultHint(Value result, Operation *producer) {
  OpOperand *placing = placingUse(result);
  if (!placing)
    return std::nullopt;
  OpOperand &use = *placing;
  Operation *user = use.getOwner();
  auto valueShape = cast<RankedTensorType>(use.get().getType()).getShape();
  // The user's offsets, recomputed before the producer where needed.
  auto offsetsAt = [&](ValueRange offsets) -> std::optional<SmallVector<Value>> {
    SmallVector<Value> available;
    for (Value offset : offsets) {
      available.push_back(availableAt(offset, producer));
      if (!available.back())
        return std::nullopt;
    }
    return available;
  };
  OpBuilder::InsertionGuard guard(host);
  host.setInsertionPoint(producer);
  if (auto store = dyn_cast<tile::StoreOp>(user)) {
    std::optional<SmallVector<Value>> offsets = offsetsAt(store.getOffsets());
    if (!offsets || !availableAt(store.getDest(), producer) ||
        scatteredWindow(store.getDest().getType().getShape(), valueShape))
      return std::nullopt;
    FailureOr<GmLocation> target = window(store.getLoc(), store.getDest(), *offsets, valueShape);
    return succeeded(target) ? std::optional<GmLocation>(*target) : std::nullopt;
  }
  if (auto insert = dyn_cast<tile::InsertOp>(user)) {
    auto dest = locations.find(insert.getDest());
    if (use.getOperandNumber() != 0 || dest == locations.end() ||
        !isOnlyUse(insert.getDest(), insert) || !isScratch(dest->second))
      return std::nullopt;
    std::optional<SmallVector<Value>> offsets = offsetsAt(insert.getOffsets());
    if (!offsets || !rowsAreConsecutive(insert.getDest().getType().getShape(), valueShape))
      return std::nullopt;
    FailureOr<GmLocation> target = subWindow(
        insert.getLoc(), dest->second, insert.getDest().getType().getShape(), *offsets, valueShape);
    return succeeded(target) ? std::optional<GmLocation>(*target) : std::nullopt;
  }
  if (auto interleave = dyn_cast<tile::InterleaveOp>(user))
    return stackedHalf(interleave, use.getOperandNumber());
  if (isa<scf::YieldOp>(user)) {
    auto it = carriedByOperand.find({user, use.getOperandNumber()});
    if (it != carriedByOperand.end())
      return it->second;
  }
  return std::nullopt;
}

GmLocation GmPlaces::stackedHalf(tile::InterleaveOp interleave, unsigned half) {
  Value &buffer = stacked[interleave];
  auto type = interleave.getEven().getType();
  int64_t rows = type.getDimSize(0), pairs = type.getDimSize(1);
  if (!buffer) {
    buffer = ascend::AllocGmOp::create(
        entry, interleave.getLoc(),
        ascend::GlobalTensorType::get(kernel.getContext(), {rows, 2, pairs},
                                      type.getElementType()));
  }
  GmLocation location;
  location.buffer = buffer;
  location.offsets = {entryIndex(0), entryIndex(half), entryIndex(0)};
  location.rowDim = rows > 1 ? 0 : -1;
  location.shape = {rows, pairs};
  return location;
}

TaskContext GmPlaces::contextFor(Operation *op) {
  std::string name = (kernel.getSymName() + "_" + op->getName().stripDialect()).str();
  if (auto fileLoc = dyn_cast<FileLineColLoc>(op->getLoc()))
    name += "_l" + std::to_string(fileLoc.getLine());
  else
    name += "_" + std::to_string(taskCount);
  ++taskCount;
  std::optional<int64_t> rows;
  if (op->getNumResults() && isa<RankedTensorType>(op->getResult(0).getType()))
    rows = rowfusion::rowsOf(op->getResult(0));
  return TaskContext{module, host, entry, target, name, tokenRowsOf(op, rows)};
}

TaskContext GmPlaces::contextNamed(StringRef suffix, Value tokenRows) {
  return TaskContext{module, host, entry, target, (kernel.getSymName() + "_" + suffix).str(),
                     tokenRows};
}

Value GmPlaces::tokenRowsOf(Operation *op, std::optional<int64_t> rows) {
  // The op's results, or for a scope whose results are not the dim's (it
  // only stores), the tensors inside it.
  std::optional<RuntimeRows::TokenRows> found;
  op->walk([&](Operation *inner) {
    for (Value value : inner->getResults())
      if (!found && isa<RankedTensorType>(value.getType()) &&
          (!rows || rowfusion::rowsOf(value) == *rows))
        found = runtimeRows.tokenRowsOf(value);
    return found ? WalkResult::interrupt() : WalkResult::advance();
  });
  return found ? hostTokenRows(*found) : Value();
}

Value GmPlaces::tokenRowsOf(Value tensor) {
  std::optional<RuntimeRows::TokenRows> found = runtimeRows.tokenRowsOf(tensor);
  return found ? hostTokenRows(*found) : Value();
}

Value GmPlaces::hostTokenRows(RuntimeRows::TokenRows tokenRows) {
  Value &rows = tokenRowValues[{tokenRows.dim, tokenRows.perToken}];
  if (!rows) {
    Location loc = kernel.getLoc();
    rows = arith::IndexCastOp::create(entry, loc, entry.getIndexType(),
                                      kernel.getArgument(tokenRows.dim));
    if (tokenRows.perToken != 1)
      rows = arith::MulIOp::create(entry, loc, rows, entryIndex(tokenRows.perToken));
  }
  return rows;
}

FailureOr<ascend::GmPlace> tilec::conversion::placementOf(Operation *op, unsigned index) {
  auto placement = ascend::AscendDialect::PlacementAttrHelper(op->getContext()).getAttr(op);
  if (placement && index < placement.size())
    if (auto place = dyn_cast<ascend::GmPlaceAttr>(placement[index]))
      return place.getValue();
  return op->emitOpError("has no place in global memory for its tensor #")
         << index << " (`ascend.placement`): run tile-place-gm first";
}

FailureOr<GmLocation> GmPlaces::placeResult(Value result, Operation *producer) {
  unsigned index = cast<OpResult>(result).getResultNumber();
  FailureOr<ascend::GmPlace> place = placementOf(producer, index);
  if (failed(place))
    return failure();
  auto type = cast<RankedTensorType>(result.getType());
  if (*place == ascend::GmPlace::scratch)
    return scratch(producer->getLoc(), MatrixShape::of(type.getShape()), type.getElementType());
  if (*place == ascend::GmPlace::consumer)
    if (std::optional<GmLocation> hint = resultHint(result, producer))
      return *hint;
  return producer->emitOpError("cannot place its result #")
         << index << " as " << ascend::stringifyGmPlace(*place)
         << ": a consumer's place is that of a store, an in-place insert into a scratch "
            "tensor, an interleave or a loop yield, whose window is known here";
}

GmLocation GmPlaces::scratch(Location loc, MatrixShape shape, Type element) {
  auto type = ascend::GlobalTensorType::get(kernel.getContext(), {shape.rows, shape.cols}, element);
  Value buffer = ascend::AllocGmOp::create(entry, loc, type);
  GmLocation location = whole(buffer);
  return location;
}

bool GmPlaces::isScratch(const GmLocation &location) {
  Value buffer = location.buffer;
  if (auto reshape = buffer.getDefiningOp<ascend::GmReshapeOp>())
    buffer = reshape.getSource();
  return isa_and_present<ascend::AllocGmOp, tile::AllocGmOp>(tileGlobalOf(buffer).getDefiningOp());
}

LogicalResult GmPlaces::copy(Location loc, Value moved, const GmLocation &from,
                             const GmLocation &to, ascend::ChunkingAttr chunking,
                             const RowMap *fromRows, const RowMap *toRows) {
  if (!fromRows && !toRows && from == to)
    return success();
  // The rows present are the copy's when it moves the tensor's rows one for one.
  Value tokenRows = tokenRowsOf(moved);
  if (rowfusion::rowsOf(moved) != to.shape.rows)
    tokenRows = Value();
  TaskContext context = contextNamed("copy_" + std::to_string(taskCount++), tokenRows);
  return lowerCopy(loc, from, to, chunking, context, fromRows, toRows);
}

FailureOr<GmLocation> GmPlaces::copyResult(Operation *op, const GmLocation &from,
                                           const RowMap *rows) {
  FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(op, 0);
  if (failed(chunking))
    return failure();
  FailureOr<GmLocation> copied = placeResult(op->getResult(0), op);
  if (failed(copied))
    return failure();
  host.setInsertionPoint(op);
  if (failed(copy(op->getLoc(), op->getResult(0), from, *copied, *chunking, rows, nullptr)))
    return failure();
  return copied;
}

FailureOr<GmLocation> GmPlaces::gatherRows(Operation *op, const GmLocation &first,
                                           ArrayRef<int64_t> ofShape) {
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  RowMap rows = RowMap::window(type.getShape(), ofShape);
  return copyResult(op, first, &rows);
}
