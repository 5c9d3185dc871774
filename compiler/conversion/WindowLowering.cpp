//===- WindowLowering.cpp - where tensor values live in global memory -----===//
//
// The places of a kernel's tensor values (KernelLowering.h): whole kernel
// tensors (a [rows, cols] view of rank-3+ ones), windows and sub-windows of
// them, scratch tensors, and copies between places, which gather or scatter
// the rows of windows whose rows are not consecutive (RowMap.h).
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/HostProgram.h"
#include "compiler/conversion/KernelLowering.h"
#include "compiler/conversion/RowMap.h"
#include "compiler/conversion/Strategy.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

Value KernelLowering::entryIndex(int64_t value) {
  Value &constant = entryConstants[value];
  if (!constant) {
    constant = arith::ConstantIndexOp::create(entry, kernel.getLoc(), value);
  }
  return constant;
}

GmLocation KernelLowering::whole(Value buffer) {
  buffer = hostGlobal(buffer);
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
      OpBuilder after(buffer.getContext());
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

FailureOr<GmLocation> KernelLowering::window(Location loc, Value buffer, ValueRange offsets,
                                             ArrayRef<int64_t> shape) {
  buffer = hostGlobal(buffer);
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

FailureOr<GmLocation> KernelLowering::subWindow(Location loc, const GmLocation &of,
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

GmLocation KernelLowering::scratch(Location loc, MatrixShape shape, Type element) {
  auto type = ascend::GlobalTensorType::get(kernel.getContext(), {shape.rows, shape.cols}, element);
  Value buffer = ascend::AllocGmOp::create(entry, loc, type);
  GmLocation location = whole(buffer);
  return location;
}

bool KernelLowering::isScratch(const GmLocation &location) {
  Value buffer = location.buffer;
  if (auto reshape = buffer.getDefiningOp<ascend::GmReshapeOp>())
    buffer = reshape.getSource();
  return isa_and_present<ascend::AllocGmOp, tile::AllocGmOp>(tileGlobalOf(buffer).getDefiningOp());
}

LogicalResult KernelLowering::copy(Location loc, const GmLocation &from, const GmLocation &to,
                                   ascend::ChunkingAttr chunking, const RowMap *fromRows,
                                   const RowMap *toRows) {
  if (!fromRows && !toRows && from == to)
    return success();
  TaskContext context{module, host, entry, target,
                      (kernel.getSymName() + "_copy_" + std::to_string(taskCount++)).str()};
  return lowerCopy(loc, from, to, chunking, context, fromRows, toRows);
}

FailureOr<GmLocation> KernelLowering::gatherRows(Operation *op, const GmLocation &first,
                                                 ArrayRef<int64_t> ofShape) {
  FailureOr<ascend::ChunkingAttr> chunking = copyStrategyOf(op, 0);
  if (failed(chunking))
    return failure();
  Value result = op->getResult(0);
  auto type = cast<RankedTensorType>(result.getType());
  Location loc = op->getLoc();
  std::optional<GmLocation> hint = resultHint(result, op);
  GmLocation gathered =
      hint ? *hint : scratch(loc, MatrixShape::of(type.getShape()), type.getElementType());
  host.setInsertionPoint(op);
  RowMap rows = RowMap::window(type.getShape(), ofShape);
  if (failed(copy(loc, first, gathered, *chunking, &rows, nullptr)))
    return failure();
  return gathered;
}
