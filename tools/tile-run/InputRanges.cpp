//===- InputRanges.cpp - values an input may take, from the kernel's indexing ---===//
#include "InputRanges.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <algorithm>
#include <limits>
#include <optional>

using namespace mlir;

namespace tilec::run {
namespace {

/// An index value as `coef · s + r` for one scalar parameter s, with r known
/// to lie in [lo, hi].
struct Linear {
  int64_t coef = 0;
  int64_t lo = 0;
  int64_t hi = 0;
};

/// Floor and ceiling of a / b for b > 0.
int64_t floorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && a < 0); }
int64_t ceilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0 && a > 0); }

/// `value` in terms of `scalar`, or nullopt when it depends on something the
/// analysis does not follow (another run-time value, a division, ...).
std::optional<Linear> linearIn(Value value, BlockArgument scalar) {
  if (value == scalar)
    return Linear{1, 0, 0};
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return Linear{0, *constant, *constant};
  if (auto argument = dyn_cast<BlockArgument>(value)) {
    auto loop = dyn_cast<scf::ForOp>(argument.getOwner()->getParentOp());
    if (!loop || argument != loop.getInductionVar())
      return std::nullopt;
    std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
    std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
    if (!lower || !upper || *upper <= *lower)
      return std::nullopt;
    return Linear{0, *lower, *upper - 1};
  }
  Operation *op = value.getDefiningOp();
  if (isa_and_nonnull<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp>(op))
    return linearIn(op->getOperand(0), scalar);
  if (!isa_and_nonnull<arith::AddIOp, arith::SubIOp, arith::MulIOp>(op))
    return std::nullopt;
  std::optional<Linear> a = linearIn(op->getOperand(0), scalar);
  std::optional<Linear> b = linearIn(op->getOperand(1), scalar);
  if (!a || !b)
    return std::nullopt;
  if (isa<arith::AddIOp>(op))
    return Linear{a->coef + b->coef, a->lo + b->lo, a->hi + b->hi};
  if (isa<arith::SubIOp>(op))
    return Linear{a->coef - b->coef, a->lo - b->hi, a->hi - b->lo};
  // A product is linear when one side is a plain constant.
  if (b->coef != 0 || b->lo != b->hi)
    std::swap(a, b);
  if (b->coef != 0 || b->lo != b->hi)
    return std::nullopt;
  int64_t factor = b->lo;
  int64_t lo = a->lo * factor, hi = a->hi * factor;
  return Linear{a->coef * factor, std::min(lo, hi), std::max(lo, hi)};
}

/// Narrows `range` to the values of the scalar that keep `offset` within
/// [0, limit] for every value of the rest of the expression.
void constrain(InputRange &range, const Linear &offset, int64_t limit) {
  if (offset.coef > 0) {
    range.lo = std::max(range.lo, double(ceilDiv(-offset.lo, offset.coef)));
    range.hi = std::min(range.hi, double(floorDiv(limit - offset.hi, offset.coef)));
  } else if (offset.coef < 0) {
    int64_t k = -offset.coef;
    range.lo = std::max(range.lo, double(ceilDiv(offset.hi - limit, k)));
    range.hi = std::min(range.hi, double(floorDiv(offset.lo, k)));
  }
}

/// Each (offset, highest valid offset) pair of a windowed access.
void forEachWindowOffset(Operation *op, llvm::function_ref<void(Value, int64_t)> visit) {
  auto windows = [&](ArrayRef<int64_t> whole, ArrayRef<int64_t> window, OperandRange offsets) {
    for (auto [dim, offset] : llvm::enumerate(offsets))
      if (dim < whole.size() && dim < window.size())
        visit(offset, whole[dim] - window[dim]);
  };
  auto shape = [](Value value) { return cast<ShapedType>(value.getType()).getShape(); };
  if (auto load = dyn_cast<tile::LoadOp>(op))
    windows(shape(load.getSource()), shape(load.getResult()), load.getOffsets());
  else if (auto store = dyn_cast<tile::StoreOp>(op))
    windows(shape(store.getDest()), shape(store.getValue()), store.getOffsets());
  else if (auto slice = dyn_cast<tile::SliceOp>(op))
    windows(shape(slice.getSource()), shape(slice.getResult()), slice.getOffsets());
  else if (auto insert = dyn_cast<tile::InsertOp>(op))
    windows(shape(insert.getDest()), shape(insert.getSource()), insert.getOffsets());
}

} // namespace

std::map<std::string, InputRange> inferInputRanges(tile::KernelOp kernel,
                                                   const std::vector<std::string> &names) {
  std::map<std::string, InputRange> ranges;
  auto narrow = [&](unsigned argument, InputRange limits) {
    auto [it, inserted] = ranges.try_emplace(names[argument], limits);
    if (!inserted)
      it->second = {std::max(it->second.lo, limits.lo), std::min(it->second.hi, limits.hi)};
  };

  // Row indices of gathers, read straight from a parameter.
  kernel.walk([&](tile::LoadRowsOp gather) {
    auto load = gather.getRows().getDefiningOp<tile::LoadOp>();
    auto parameter = load ? dyn_cast<BlockArgument>(load.getSource()) : BlockArgument();
    if (!parameter || parameter.getOwner() != &kernel.getBody().front())
      return;
    int64_t rows = cast<ShapedType>(gather.getSource().getType()).getShape()[0];
    narrow(parameter.getArgNumber(), {0, double(rows - 1)});
  });

  // Integer scalars in window offsets.
  for (BlockArgument argument : kernel.getBody().front().getArguments()) {
    if (!argument.getType().isInteger(32))
      continue;
    InputRange range{double(std::numeric_limits<int32_t>::min()),
                     double(std::numeric_limits<int32_t>::max())};
    bool used = false;
    kernel.walk([&](Operation *op) {
      forEachWindowOffset(op, [&](Value offset, int64_t limit) {
        if (std::optional<Linear> linear = linearIn(offset, argument); linear && linear->coef) {
          constrain(range, *linear, limit);
          used = true;
        }
      });
    });
    if (used && range.lo <= range.hi)
      narrow(argument.getArgNumber(), range);
  }
  return ranges;
}

} // namespace tilec::run
