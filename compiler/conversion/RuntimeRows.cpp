//===- RuntimeRows.cpp - which tensors have a run-time dim's rows --------===//
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/conversion/GmLocation.h"

#include "compiler/transforms/RowFusion.h"
#include "dialects/Tile/RuntimeDims.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

/// The shape of a tensor or global tensor; empty for scalars.
static ArrayRef<int64_t> getShapeOf(Value value) {
  if (auto tensor = dyn_cast<RankedTensorType>(value.getType()))
    return tensor.getShape();
  if (auto global = dyn_cast<tile::GlobalTensorType>(value.getType()))
    return global.getShape();
  return {};
}

/// The first dimension of a tensor or global tensor; nullopt for scalars.
static std::optional<int64_t> firstDim(Value value) {
  ArrayRef<int64_t> shape = getShapeOf(value);
  if (shape.empty())
    return std::nullopt;
  return shape.front();
}

/// Whether a window at `offsets` of `whole` covers all its rows in `part`.
static bool keepsRows(Value whole, ValueRange offsets, Value part) {
  return !offsets.empty() && rowfusion::constantIndex(offsets.front()) == 0 &&
         firstDim(whole) == firstDim(part);
}

void RuntimeRows::join(Value a, Value b) {
  if (firstDim(a) && firstDim(a) == firstDim(b))
    classes.unionSets(a, b);
}

void RuntimeRows::joinReshape(Value source, Value result) {
  // Row-major, a reshape keeps each token's elements consecutive; its first
  // dimensions then count the same tokens when one divides the other (rank-3
  // tensors become matrices of T * middle rows: tile-canonicalize-shapes).
  std::optional<int64_t> from = firstDim(source), to = firstDim(result);
  if (from && to && *from > 0 && *to > 0 && (*from % *to == 0 || *to % *from == 0))
    classes.unionSets(source, result);
}

RuntimeRows::RuntimeRows(tile::KernelOp kernel) {
  kernel.walk([&](Operation *op) {
    if (auto matmul = dyn_cast<tile::MatmulOp>(op)) {
      join(matmul.getLhs(), matmul.getResult());
    } else if (auto reshape = dyn_cast<tile::ReshapeOp>(op)) {
      joinReshape(reshape.getSource(), reshape.getResult());
    } else if (auto slice = dyn_cast<tile::SliceOp>(op)) {
      if (keepsRows(slice.getSource(), slice.getOffsets(), slice.getResult()))
        join(slice.getSource(), slice.getResult());
    } else if (auto insert = dyn_cast<tile::InsertOp>(op)) {
      join(insert.getDest(), insert.getResult());
      if (keepsRows(insert.getDest(), insert.getOffsets(), insert.getSource()))
        join(insert.getDest(), insert.getSource());
    } else if (auto load = dyn_cast<tile::LoadOp>(op)) {
      if (keepsRows(load.getSource(), load.getOffsets(), load.getResult()))
        join(load.getSource(), load.getResult());
    } else if (auto gather = dyn_cast<tile::LoadRowsOp>(op)) {
      join(gather.getRows(), gather.getResult()); // a row per index
    } else if (auto store = dyn_cast<tile::StoreOp>(op)) {
      if (keepsRows(store.getDest(), store.getOffsets(), store.getValue()))
        join(store.getDest(), store.getValue());
    } else if (auto scope = dyn_cast<tile::ScopeOp>(op)) {
      auto yield = cast<tile::YieldOp>(scope.getBody().front().getTerminator());
      for (auto [result, value] : llvm::zip(scope.getResults(), yield.getValues()))
        join(result, value);
    } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
      for (auto [init, argument, result, next] :
           llvm::zip(loop.getInitArgs(), loop.getRegionIterArgs(), loop.getResults(),
                     loop.getYieldedValues())) {
        join(init, argument);
        join(init, result);
        join(init, next);
      }
    } else if (op->hasTrait<tile::kind::Elementwise>() || op->hasTrait<tile::kind::RowWise>()) {
      // Row r of each result from row r of the operands of its rank (a lower
      // rank broadcasts along the rows; row reductions keep the rows).
      for (Value result : op->getResults())
        for (Value operand : op->getOperands())
          if (auto type = dyn_cast<RankedTensorType>(operand.getType());
              type && type.getRank() == cast<ShapedType>(result.getType()).getRank())
            join(operand, result);
    }
  });
  for (BlockArgument argument : kernel.getArguments())
    if (std::optional<unsigned> dim = tile::rowsDim(kernel, argument.getArgNumber()))
      dims[classes.getOrInsertLeaderValue(argument)] = {*dim, *tile::dimBound(kernel, *dim)};
}

std::optional<RuntimeRows::TokenRows> RuntimeRows::tokenRowsOf(Value value) const {
  if (!classes.contains(value))
    return std::nullopt;
  auto it = dims.find(classes.getLeaderValue(value));
  if (it == dims.end())
    return std::nullopt;
  auto [dim, bound] = it->second;
  // A first dimension that is not a whole number of rows per token (a reshape
  // that splits tokens), or a vector's (one matrix row), keeps its static rows.
  ArrayRef<int64_t> shape = getShapeOf(value);
  if (shape.size() < 2 || shape.front() % bound != 0)
    return std::nullopt;
  return TokenRows{dim, MatrixShape::of(shape).rows / bound};
}
