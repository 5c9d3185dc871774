//===- PlaceGm.cpp - where every tensor value of a kernel lives in GM ----===//
//
// Decides, op by op in the order convert-tile-to-ascend lowers them, where
// each tensor value lives in global memory, and writes the decision as
// `ascend.placement` (one #ascend.place per tensor). The conversion builds the
// places the decisions name (GmPlaces.h) and only checks that it can.
//
// A computed value is written straight into the window its consumer gives it
// when there is one (placingUse): a store's window whose offsets can be
// computed before the producer and whose rows are one window; an insert into
// a scratch tensor that is updated in place and read by nothing else; an
// interleave's stacked operand; a loop's carried tensor. Otherwise it gets a
// scratch tensor. An insert (a loop, for each tensor it carries) updates its
// destination in place when nothing else reads the destination and it lives
// in a scratch tensor, never a kernel's own; otherwise the destination is
// copied first. Loads, slices and reshapes are views of their source, except
// rows that are not consecutive there (gathered into a place of their own),
// a load whose source is stored into while it is still read (copied), and a
// reshape of a window that is not a whole contiguous tensor (copied). A value
// is not computed into a store's window when its tensor is loaded between the
// producer and the store (GmHazards.h).
//
// Whether a place is a scratch tensor, or a whole contiguous one, depends on
// how the places before it were built; PlaceFacts keeps what of that the
// decisions read.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/GmHazards.h"
#include "compiler/conversion/GmPlaces.h"
#include "compiler/conversion/Passes.h"

#include "mlir/IR/Matchers.h"

namespace tilec {
#define GEN_PASS_DEF_TILEPLACEGM
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::GmPlace;

namespace {

/// What the decisions read of the place GmPlaces builds for a value.
struct PlaceFacts {
  bool allocated = false; ///< its buffer is a tile.alloc_gm (a scratch tensor)
  int views = 0;          ///< ascend.gm_reshape views between the buffer and that
  int64_t elements = 0;   ///< elements of the buffer
  bool zeroOffsets = true;
  /// GmPlaces::isScratch: an allocation, seen through at most one view.
  bool isScratch() const { return allocated && views <= 1; }
};

bool isZero(Value offset) {
  APInt constant;
  return matchPattern(offset, m_ConstantInt(&constant)) && constant.isZero();
}

PlaceFacts scratchFacts(RankedTensorType type) { return {true, 0, type.getNumElements(), true}; }

/// GmPlaces::whole: a rank-3+ tensor is seen through a [rows, cols] view.
PlaceFacts wholeFacts(Value buffer) {
  auto type = cast<tile::GlobalTensorType>(buffer.getType());
  return {buffer.getDefiningOp<tile::AllocGmOp>() != nullptr, type.getRank() > 2 ? 1 : 0,
          type.getNumElements(), true};
}

/// GmPlaces::subWindow: offsets are added to the place's (a leading
/// dimension's scaled by the rows after it, which is never a constant).
PlaceFacts subWindowFacts(PlaceFacts of, ArrayRef<int64_t> ofShape, ValueRange offsets) {
  unsigned rank = ofShape.size();
  of.zeroOffsets &= isZero(offsets[rank - 1]);
  int64_t rowsPerStep = 1;
  for (int dim = int(rank) - 2; dim >= 0; --dim) {
    if (ofShape[dim] == 1)
      continue;
    of.zeroOffsets &= rowsPerStep == 1 && isZero(offsets[dim]);
    rowsPerStep *= ofShape[dim];
  }
  return of;
}

/// GmPlaces::window.
PlaceFacts windowFacts(Value buffer, ValueRange offsets, ArrayRef<int64_t> shape) {
  auto type = cast<tile::GlobalTensorType>(buffer.getType());
  if (shape == type.getShape())
    return wholeFacts(buffer);
  if (llvm::count_if(shape.drop_back(), [](int64_t extent) { return extent != 1; }) > 1)
    return subWindowFacts(wholeFacts(buffer), type.getShape(), offsets);
  return {buffer.getDefiningOp<tile::AllocGmOp>() != nullptr, 0, type.getNumElements(),
          llvm::all_of(offsets, isZero)};
}

class KernelPlacement {
public:
  explicit KernelPlacement(tile::KernelOp kernel) : dominance(kernel) {}

  LogicalResult placeBlock(Block &block) {
    for (Operation &op : block)
      if (failed(placeOp(&op)))
        return failure();
    return success();
  }

private:
  static void record(Operation *op, ArrayRef<GmPlace> places) {
    SmallVector<Attribute> entries;
    for (GmPlace place : places)
      entries.push_back(ascend::GmPlaceAttr::get(op->getContext(), place));
    ascend::AscendDialect::PlacementAttrHelper(op->getContext())
        .setAttr(op, ArrayAttr::get(op->getContext(), entries));
  }

  bool computable(ValueRange values, Operation *producer) {
    return llvm::all_of(values,
                        [&](Value value) { return isComputableAt(value, producer, dominance); });
  }

  /// GmPlaces::resultHint: the place `result`'s consumer gives it, if any.
  std::optional<PlaceFacts> consumerPlace(Value result, Operation *producer) {
    OpOperand *use = placingUse(result);
    if (!use)
      return std::nullopt;
    Operation *user = use->getOwner();
    auto shape = cast<RankedTensorType>(use->get().getType()).getShape();
    if (auto store = dyn_cast<tile::StoreOp>(user)) {
      if (!computable(store.getOffsets(), producer) || !computable(store.getDest(), producer) ||
          scatteredWindow(store.getDest().getType().getShape(), shape) ||
          isLoadedBeforeStore(producer, store))
        return std::nullopt;
      return windowFacts(store.getDest(), store.getOffsets(), shape);
    }
    if (auto insert = dyn_cast<tile::InsertOp>(user)) {
      auto dest = facts.find(insert.getDest());
      auto destShape = insert.getDest().getType().getShape();
      if (use->getOperandNumber() != 0 || dest == facts.end() ||
          !GmPlaces::isOnlyUse(insert.getDest(), insert) || !dest->second.isScratch() ||
          !computable(insert.getOffsets(), producer) || !rowsAreConsecutive(destShape, shape))
        return std::nullopt;
      return subWindowFacts(dest->second, destShape, insert.getOffsets());
    }
    if (auto interleave = dyn_cast<tile::InterleaveOp>(user)) {
      // The [R, 2, P] stacked operands, this one at row offset `half`.
      auto type = interleave.getEven().getType();
      return PlaceFacts{true, 0, 2 * type.getNumElements(), use->getOperandNumber() == 0};
    }
    if (isa<scf::YieldOp>(user)) {
      auto it = carried.find({user, use->getOperandNumber()});
      if (it != carried.end())
        return it->second;
    }
    return std::nullopt;
  }

  /// A computed value: at its consumer if it has one, else in scratch.
  GmPlace placeComputed(Value result, Operation *producer) {
    std::optional<PlaceFacts> atConsumer = consumerPlace(result, producer);
    facts[result] =
        atConsumer ? *atConsumer : scratchFacts(cast<RankedTensorType>(result.getType()));
    return atConsumer ? GmPlace::consumer : GmPlace::scratch;
  }

  /// An insert, or a loop carrying `value`, whose `results` are `value`
  /// updated.
  GmPlace placeUpdate(Value value, Operation *op, ValueRange results) {
    PlaceFacts dest = facts.at(value); // a copy: facts may grow below
    bool inPlace = GmPlaces::isOnlyUse(value, op) && dest.isScratch();
    PlaceFacts place = inPlace ? dest : scratchFacts(cast<RankedTensorType>(value.getType()));
    for (Value result : results)
      facts[result] = place;
    return inPlace ? GmPlace::in_place : GmPlace::copy;
  }

  /// A load or slice: a view of `window`, or its rows gathered.
  GmPlace placeWindow(Operation *op, const PlaceFacts &window, bool scattered) {
    if (scattered)
      return placeComputed(op->getResult(0), op);
    facts[op->getResult(0)] = window;
    return GmPlace::view;
  }

  GmPlace placeReshape(tile::ReshapeOp reshape) {
    PlaceFacts source = facts.at(reshape.getSource()); // a copy: facts may grow below
    auto sourceType = reshape.getSource().getType();
    if (MatrixShape::of(reshape.getType().getShape()) == MatrixShape::of(sourceType.getShape())) {
      facts[reshape.getResult()] = source;
      return GmPlace::view;
    }
    // A [rows, cols] view of the source's buffer, or of a copy of it.
    bool view = source.elements == sourceType.getNumElements() && source.zeroOffsets;
    PlaceFacts flat = view ? source : scratchFacts(sourceType);
    flat.views += 1;
    flat.zeroOffsets = true;
    facts[reshape.getResult()] = flat;
    return view ? GmPlace::view : GmPlace::copy;
  }

  LogicalResult placeLoop(scf::ForOp loop) {
    auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
    SmallVector<GmPlace> places;
    for (auto [index, init] : llvm::enumerate(loop.getInitArgs())) {
      if (!isa<RankedTensorType>(init.getType()))
        continue;
      places.push_back(
          placeUpdate(init, loop, {loop.getRegionIterArg(index), loop.getResult(index)}));
      carried[{yield, unsigned(index)}] = facts.at(loop.getResult(index));
    }
    if (!places.empty())
      record(loop, places);
    return placeBlock(*loop.getBody());
  }

  LogicalResult placeOp(Operation *op) {
    // Every tensor an op reads was placed before, or it was not made by an
    // op the lowering places (the conversion could not lower it either).
    // A mask has none: it is computed in its select's task.
    if (isa<tile::CmpOp>(op))
      return success();
    for (Value operand : op->getOperands())
      if (isa<RankedTensorType>(operand.getType()) && !facts.count(operand) &&
          !cast<RankedTensorType>(operand.getType()).getElementType().isInteger(1))
        return op->emitOpError("reads a tensor that has no place in global memory");
    if (auto loop = dyn_cast<scf::ForOp>(op))
      return placeLoop(loop);
    if (!isa<tile::TileDialect>(op->getDialect()) ||
        !llvm::any_of(op->getResultTypes(), llvm::IsaPred<RankedTensorType>))
      return success();
    if (auto load = dyn_cast<tile::LoadOp>(op)) {
      auto sourceShape = load.getSource().getType().getShape();
      record(op,
             placeWindow(
                 op, windowFacts(load.getSource(), load.getOffsets(), load.getType().getShape()),
                 scatteredWindow(sourceShape, load.getType().getShape()) ||
                     isOverwrittenWhileRead(load)));
    } else if (auto slice = dyn_cast<tile::SliceOp>(op)) {
      auto sourceShape = slice.getSource().getType().getShape();
      record(op,
             placeWindow(
                 op, subWindowFacts(facts.at(slice.getSource()), sourceShape, slice.getOffsets()),
                 !rowsAreConsecutive(sourceShape, slice.getType().getShape())));
    } else if (auto reshape = dyn_cast<tile::ReshapeOp>(op)) {
      record(op, placeReshape(reshape));
    } else if (auto insert = dyn_cast<tile::InsertOp>(op)) {
      record(op, placeUpdate(insert.getDest(), insert, insert.getResult()));
    } else {
      SmallVector<GmPlace> places;
      for (Value result : op->getResults())
        places.push_back(placeComputed(result, op));
      record(op, places);
    }
    return success();
  }

  DominanceInfo dominance;
  llvm::DenseMap<Value, PlaceFacts> facts;
  /// The place of the tensor each loop yield operand carries.
  llvm::DenseMap<std::pair<Operation *, unsigned>, PlaceFacts> carried;
};

struct TilePlaceGmPass : public tilec::impl::TilePlaceGmBase<TilePlaceGmPass> {
  void runOnOperation() override {
    for (auto kernel : getOperation().getOps<tile::KernelOp>())
      if (failed(KernelPlacement(kernel).placeBlock(kernel.getBody().front())))
        return signalPassFailure();
  }
};

} // namespace
