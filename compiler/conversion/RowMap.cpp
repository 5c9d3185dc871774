//===- RowMap.cpp - which rows of a tensor a value's rows read ------------===//
#include "compiler/conversion/RowMap.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec::conversion;

void RowMap::addOuter(int64_t extent, int64_t resultStride, int64_t operandStride) {
  // Coalesces with the inner group when one index runs through both.
  if (!groups.empty()) {
    Group &inner = groups.back();
    bool broadcast = operandStride == 0;
    bool continues = broadcast ? inner.operandStride == 0
                               : inner.operandStride * inner.steps == operandStride;
    if (continues && inner.resultStride * inner.steps == resultStride) {
      inner.steps *= extent;
      return;
    }
  }
  groups.push_back({extent, resultStride, operandStride});
}

RowMap::RowMap(ArrayRef<int64_t> operand, ArrayRef<int64_t> result) {
  int64_t rank = result.size(), lead = rank - int64_t(operand.size());
  // The operand's size in result dimension `dim` (1 where it has none).
  auto operandDim = [&](int64_t dim) { return dim < lead ? 1 : operand[dim - lead]; };
  if (rank == 0)
    return;
  colsBroadcast = result.back() != 1 && operandDim(rank - 1) == 1;
  // Innermost leading dimension first; dimensions of size 1 in the result
  // take no part.
  int64_t resultStride = 1, operandStride = 1;
  for (int64_t dim = rank - 2; dim >= 0; --dim) {
    int64_t extent = result[dim];
    if (extent == 1)
      continue;
    addOuter(extent, resultStride, operandDim(dim) == 1 ? 0 : operandStride);
    resultStride *= extent;
    operandStride *= operandDim(dim);
  }
  std::reverse(groups.begin(), groups.end());
}

RowMap RowMap::window(ArrayRef<int64_t> shape, ArrayRef<int64_t> of) {
  RowMap map;
  int64_t resultStride = 1, operandStride = 1;
  for (int64_t dim = int64_t(shape.size()) - 2; dim >= 0; --dim) {
    if (shape[dim] != 1)
      map.addOuter(shape[dim], resultStride, operandStride);
    resultStride *= shape[dim];
    operandStride *= of[dim];
  }
  std::reverse(map.groups.begin(), map.groups.end());
  return map;
}

int64_t RowMap::rowBlock() const {
  if (groups.empty())
    return 1;
  const Group &inner = groups.back();
  // Consecutive or repeated rows within the innermost group; otherwise
  // every row stands alone.
  if (inner.operandStride > 1)
    return inner.resultStride;
  return inner.steps * inner.resultStride;
}

Value RowMap::operandRow(TaskBuilder &task, Value row) const {
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  Value total;
  for (auto [index, group] : llvm::enumerate(groups)) {
    if (group.operandStride == 0)
      continue;
    Value step = row;
    if (group.resultStride != 1)
      step = b.createOrFold<arith::DivUIOp>(loc, step, task.constantIndex(group.resultStride));
    if (index != 0) // the outermost group's index is below its steps already
      step = b.createOrFold<arith::RemUIOp>(loc, step, task.constantIndex(group.steps));
    if (group.operandStride != 1)
      step = b.createOrFold<arith::MulIOp>(loc, step, task.constantIndex(group.operandStride));
    total = total ? b.createOrFold<arith::AddIOp>(loc, total, step) : step;
  }
  return total ? total : task.constantIndex(0);
}

bool RowMap::operator==(const RowMap &other) const {
  auto fields = [](const Group &group) {
    return std::make_tuple(group.steps, group.resultStride, group.operandStride);
  };
  return colsBroadcast == other.colsBroadcast && groups.size() == other.groups.size() &&
         llvm::all_of(llvm::zip(groups, other.groups), [&](auto pair) {
           return fields(std::get<0>(pair)) == fields(std::get<1>(pair));
         });
}
