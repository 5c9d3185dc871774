//===- RowFusion.cpp - which tile ops can run row chunk by row chunk ------===//
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;

namespace tilec::rowfusion {

int64_t rowsOf(Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t rows = 1;
  for (int64_t dim : type.getShape().drop_back())
    rows *= dim;
  return rows;
}

std::optional<int64_t> constantIndex(Value value) { return getConstantIntValue(value); }

static int64_t colsOf(Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  return type.getRank() == 0 ? 1 : type.getShape().back();
}

/// Leading offsets zero and every offset a constant: a window of columns.
static bool isColumnWindow(ValueRange offsets) {
  for (auto [index, offset] : llvm::enumerate(offsets)) {
    std::optional<int64_t> constant = constantIndex(offset);
    if (!constant || (index + 1 < offsets.size() && *constant != 0))
      return false;
  }
  return true;
}

std::optional<int64_t> misalignedWindowColumn(Operation *op) {
  auto [offsets, whole] = llvm::TypeSwitch<Operation *, std::pair<ValueRange, Value>>(op)
      .Case([](tile::SliceOp slice) { return std::pair(slice.getOffsets(), slice.getSource()); })
      .Case([](tile::InsertOp insert) { return std::pair(insert.getOffsets(), insert.getDest()); })
      .Default([](Operation *) { return std::pair(ValueRange(), Value()); });
  if (offsets.empty())
    return std::nullopt;
  std::optional<int64_t> column = constantIndex(offsets.back());
  Type element = cast<RankedTensorType>(whole.getType()).getElementType();
  if (!column || *column * (element.getIntOrFloatBitWidth() / 8) % 32 == 0)
    return std::nullopt;
  return column;
}

std::optional<int64_t> rowWiseRows(Operation *op) {
  // The views are row-wise for the windows that keep every row.
  bool structural = llvm::TypeSwitch<Operation *, bool>(op)
      .Case([](tile::SliceOp slice) {
        return rowsOf(slice.getSource()) == rowsOf(slice.getResult()) &&
               isColumnWindow(slice.getOffsets()) && !misalignedWindowColumn(slice);
      })
      .Case([](tile::InsertOp insert) {
        return rowsOf(insert.getSource()) == rowsOf(insert.getDest()) &&
               isColumnWindow(insert.getOffsets()) && !misalignedWindowColumn(insert);
      })
      .Case([](tile::ReshapeOp reshape) {
        return rowsOf(reshape.getSource()) == rowsOf(reshape.getResult()) &&
               colsOf(reshape.getSource()) == colsOf(reshape.getResult());
      })
      .Default([](Operation *op) { return op->hasTrait<tile::kind::RowWise>(); });
  if (!structural || op->getNumResults() != 1 ||
      !isa<RankedTensorType>(op->getResult(0).getType()))
    return std::nullopt;
  int64_t rows = rowsOf(op->getResult(0));
  // A broadcast operand may have other rows: each chunk of result rows reads
  // the operand rows its broadcast maps them to.
  bool broadcasts = op->hasTrait<tile::kind::BroadcastsOperands>();
  for (Value operand : op->getOperands())
    if (isa<RankedTensorType>(operand.getType()) && rowsOf(operand) != rows &&
        rowsOf(operand) != 1 && !broadcasts)
      return std::nullopt;
  return rows;
}

/// A window of `window` at `offsets` in a tensor of `whole` that takes every
/// row: the same rank, each leading dimension whole at offset 0.
static bool keepsEveryRow(ValueRange offsets, ArrayRef<int64_t> window,
                          ArrayRef<int64_t> whole) {
  if (window.size() != whole.size() || window.empty())
    return false;
  for (size_t dim = 0; dim + 1 < window.size(); ++dim)
    if (window[dim] != whole[dim] || constantIndex(offsets[dim]) != 0)
      return false;
  return true;
}

/// Arithmetic on integers and indices (loop offsets, bounds) and constants:
/// what a task computes on its scalar unit.
static bool isScalarArithmetic(Operation *op) {
  if (op->hasTrait<OpTrait::ConstantLike>())
    return op->getNumResults() == 1 && !isa<ShapedType>(op->getResult(0).getType());
  auto integer = [](Type type) { return type.isIntOrIndex(); };
  return isa<arith::ArithDialect>(op->getDialect()) && op->getNumRegions() == 0 &&
         llvm::all_of(op->getOperandTypes(), integer) &&
         llvm::all_of(op->getResultTypes(), integer);
}

bool isColumnUpdate(tile::InsertOp insert) {
  ValueRange offsets = insert.getOffsets();
  auto source = insert.getSource().getType();
  return source.getRank() >= 1 && source.getShape().back() == 1 &&
         !constantIndex(offsets.back()) &&
         keepsEveryRow(offsets, source.getShape(), insert.getDest().getType().getShape());
}

bool loadsWhatItStores(Operation *op) {
  llvm::SmallPtrSet<Value, 4> stored;
  op->walk([&](tile::StoreOp store) { stored.insert(store.getDest()); });
  return op->walk([&](tile::LoadOp load) {
             return stored.contains(load.getSource()) ? WalkResult::interrupt()
                                                      : WalkResult::advance();
           }).wasInterrupted();
}

std::optional<int64_t> rowWiseLoopRows(scf::ForOp loop) {
  bool carries = !loop.getInitArgs().empty();
  if (!llvm::all_of(loop.getInitArgs().getTypes(), llvm::IsaPred<RankedTensorType>) ||
      (!carries && tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop)))
    return std::nullopt;
  int64_t rows = 1;
  for (Operation &op : loop.getBody()->without_terminator()) {
    std::optional<int64_t> opRows;
    if (auto load = dyn_cast<tile::LoadOp>(op)) {
      if (loop.isDefinedOutsideOfLoop(load.getSource()) &&
          keepsEveryRow(load.getOffsets(), load.getType().getShape(),
                        load.getSource().getType().getShape()))
        opRows = rowsOf(load.getResult());
    } else if (auto store = dyn_cast<tile::StoreOp>(op)) {
      if (loop.isDefinedOutsideOfLoop(store.getDest()) &&
          keepsEveryRow(store.getOffsets(), store.getValue().getType().getShape(),
                        store.getDest().getType().getShape()))
        opRows = rowsOf(store.getValue());
    } else if (auto insert = dyn_cast<tile::InsertOp>(op); insert && isColumnUpdate(insert)) {
      opRows = rowsOf(insert.getResult());
    } else if (auto inner = dyn_cast<scf::ForOp>(op)) {
      opRows = rowWiseLoopRows(inner);
    } else if (isScalarArithmetic(&op)) {
      opRows = 1;
    } else {
      opRows = rowWiseRows(&op);
    }
    if (!opRows || (*opRows != 1 && rows != 1 && *opRows != rows))
      return std::nullopt;
    rows = std::max(rows, *opRows);
  }
  // A store then a load of the same tensor would need the chip to order GM.
  if (loadsWhatItStores(loop))
    return std::nullopt;
  // Each carried tensor is updated in its own UB tile at the iteration's end:
  // yielding another carried tensor in its place would read an updated one.
  for (auto [index, value] : llvm::enumerate(loop.getYieldedValues())) {
    while (auto reshape = value.getDefiningOp<tile::ReshapeOp>())
      value = reshape.getSource();
    auto arg = dyn_cast<BlockArgument>(value);
    if (arg && arg.getOwner() == loop.getBody() && arg != loop.getRegionIterArg(index))
      return std::nullopt;
  }
  return rows;
}

std::optional<int64_t> fusedScopeRows(tile::ScopeOp scope) {
  if (scope.getCore() != tile::CoreKind::vector || scope.getBody().empty())
    return std::nullopt;
  int64_t rows = 1;
  for (Operation &op : scope.getBody().front().without_terminator()) {
    auto loop = dyn_cast<scf::ForOp>(op);
    std::optional<int64_t> opRows = loop ? rowWiseLoopRows(loop) : rowWiseRows(&op);
    if (!opRows)
      return std::nullopt;
    if (*opRows == 1)
      continue;
    if (rows != 1 && rows != *opRows)
      return std::nullopt;
    rows = *opRows;
  }
  for (Value result : scope.getResults())
    if (!isa<RankedTensorType>(result.getType()) || rowsOf(result) != rows)
      return std::nullopt;
  return rows;
}

} // namespace tilec::rowfusion
