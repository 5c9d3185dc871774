//===- SplitColReductions.cpp - column reductions over any number of rows -===//
//
// A column reduction's task keeps every row of a chunk in UB (its columns may
// be split, its rows not), so a tall one does not fit: col_sum of a
// [4096, 8] f32 tensor needs 4096 rows. This pass reduces such a tensor in
// two stages of the same combiner, each short enough. Seen as [R / q, q · C]
// (a view: q consecutive rows side by side), its column reduction gives the
// [1, q · C] partial results of q interleaved groups of rows; seen as [q, C],
// those reduce to the [1, C] result. The first stage's chunks are column
// slices of q · C columns spread over the vector cores; a second stage that
// is still too tall is split again.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskTarget.h"

namespace tilec {
#define GEN_PASS_DEF_TILESPLITCOLREDUCTIONS
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;

namespace {

/// The fewest groups q (a divisor of `rows` below it, so that the second
/// stage is shorter) that leave at most `maxRows` rows per group, if any.
std::optional<int64_t> groupsFor(int64_t rows, int64_t maxRows) {
  for (int64_t groups = 2; groups < rows; ++groups)
    if (rows % groups == 0 && rows / groups <= maxRows)
      return groups;
  return std::nullopt;
}

/// The same reduction as `reduction`, of `source`.
Value reduceLike(OpBuilder &b, Operation *reduction, Value source) {
  auto type = cast<RankedTensorType>(source.getType());
  auto resultType = RankedTensorType::get({1, type.getDimSize(1)}, type.getElementType());
  OperationState state(reduction->getLoc(), reduction->getName().getIdentifier(), {source},
                       {resultType});
  return b.create(state)->getResult(0);
}

/// UB's capacity and what one row of a column reduction's chunk takes.
struct Fit {
  uint64_t capacity, rowBytes;
  int64_t maxRows() const { return int64_t(capacity / rowBytes); }
};

LogicalResult split(tile::ReductionOpInterface reduction, const Fit &fit) {
  Operation *op = reduction.getOperation();
  Value source = op->getOperand(0);
  auto type = cast<RankedTensorType>(source.getType());
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1), maxRows = fit.maxRows();
  std::optional<int64_t> groups = groupsFor(rows, maxRows);
  if (!groups)
    return op->emitError() << "a column reduction keeps each column's rows together in UB: "
                           << fit.rowBytes << " bytes per row of a one-column chunk, so "
                           << maxRows << " rows fill the " << fit.capacity
                           << " bytes of UB; its " << rows
                           << " rows have no divisor that splits them into groups of at most "
                           << maxRows << ": reduce row slices of at most " << maxRows
                           << " rows and combine the results";
  OpBuilder b(op);
  Location loc = op->getLoc();
  Type element = type.getElementType();
  Value side = tile::ReshapeOp::create(
      b, loc, RankedTensorType::get({rows / *groups, *groups * cols}, element), source);
  Value partial = reduceLike(b, op, side);
  Value stacked = tile::ReshapeOp::create(
      b, loc, RankedTensorType::get({*groups, cols}, element), partial);
  Value result = reduceLike(b, op, stacked);
  op->getResult(0).replaceAllUsesWith(result);
  op->erase();
  // The second stage has `groups` rows, which may still be too many.
  if (*groups > maxRows)
    return split(cast<tile::ReductionOpInterface>(result.getDefiningOp()), fit);
  return success();
}

struct TileSplitColReductionsPass
    : public tilec::impl::TileSplitColReductionsBase<TileSplitColReductionsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    const target::TargetDescription &target = lookupModuleTarget(module);
    Fit fit{target.capacityOf(target::MemSpace::UB), conversion::columnReductionRowBytes(target)};
    SmallVector<tile::ReductionOpInterface> tall;
    module.walk([&](tile::ReductionOpInterface reduction) {
      auto type = cast<RankedTensorType>(reduction->getOperand(0).getType());
      if (reduction.getReductionAxis() == tile::ReductionAxis::col &&
          type.getDimSize(0) > fit.maxRows())
        tall.push_back(reduction);
    });
    for (tile::ReductionOpInterface reduction : tall)
      if (failed(split(reduction, fit)))
        return signalPassFailure();
  }
};

} // namespace
