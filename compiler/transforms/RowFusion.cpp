//===- RowFusion.cpp - which tile ops can run row chunk by row chunk ------===//
#include "compiler/transforms/RowFusion.h"

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

std::optional<int64_t> fusedScopeRows(tile::ScopeOp scope) {
  if (scope.getCore() != tile::CoreKind::vector || scope.getBody().empty())
    return std::nullopt;
  int64_t rows = 1;
  for (Operation &op : scope.getBody().front().without_terminator()) {
    std::optional<int64_t> opRows = rowWiseRows(&op);
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
