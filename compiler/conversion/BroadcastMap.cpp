//===- BroadcastMap.cpp - a broadcast operand's rows and columns ----------===//
#include "compiler/conversion/BroadcastMap.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec::conversion;

BroadcastMap::BroadcastMap(ArrayRef<int64_t> operand, ArrayRef<int64_t> result) {
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
    bool broadcast = operandDim(dim) == 1;
    if (!groups.empty() && (groups.back().operandStride == 0) == broadcast)
      groups.back().steps *= extent;
    else
      groups.push_back({extent, resultStride, broadcast ? 0 : operandStride});
    resultStride *= extent;
    operandStride *= operandDim(dim);
  }
  std::reverse(groups.begin(), groups.end());
}

Value BroadcastMap::operandRow(TaskBuilder &task, Value row) const {
  OpBuilder &b = task.builder();
  Location loc = task.getLoc();
  Value total;
  for (auto [index, group] : llvm::enumerate(groups)) {
    if (group.operandStride == 0)
      continue;
    Value step = row;
    if (group.resultStride != 1)
      step = arith::DivUIOp::create(b, loc, step, task.constantIndex(group.resultStride));
    if (index != 0) // the outermost group's index is below its steps already
      step = arith::RemUIOp::create(b, loc, step, task.constantIndex(group.steps));
    if (group.operandStride != 1)
      step = arith::MulIOp::create(b, loc, step, task.constantIndex(group.operandStride));
    total = total ? arith::AddIOp::create(b, loc, total, step).getResult() : step;
  }
  return total ? total : task.constantIndex(0);
}

bool BroadcastMap::operator==(const BroadcastMap &other) const {
  auto fields = [](const Group &group) {
    return std::make_tuple(group.steps, group.resultStride, group.operandStride);
  };
  return colsBroadcast == other.colsBroadcast && groups.size() == other.groups.size() &&
         llvm::all_of(llvm::zip(groups, other.groups), [&](auto pair) {
           return fields(std::get<0>(pair)) == fields(std::get<1>(pair));
         });
}
