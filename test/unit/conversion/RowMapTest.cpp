// RowMap: for broadcast operands and windows of every shape tried, the row it
// maps each value row to is the one numpy's indexing gives, and its blocks
// hold consecutive rows (or one repeated row).
#include "compiler/conversion/RowMap.h"
#include "dialects/Ascend/AscendDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace tilec::conversion;

namespace {

using Shape = std::vector<int64_t>;

/// The index of value row `row` in each leading dimension of `shape`.
Shape leadingIndex(int64_t row, const Shape &shape) {
  Shape index(shape.size() - 1);
  for (int64_t dim = int64_t(index.size()) - 1; dim >= 0; --dim) {
    index[dim] = row % shape[dim];
    row /= shape[dim];
  }
  return index;
}

/// The row of a tensor of `shape` at leading index `index`.
int64_t rowAt(const Shape &index, const Shape &shape) {
  int64_t row = 0;
  for (size_t dim = 0; dim + 1 < shape.size(); ++dim)
    row = row * shape[dim] + index[dim];
  return row;
}

int64_t rowsOf(const Shape &shape) {
  int64_t rows = 1;
  for (size_t dim = 0; dim + 1 < shape.size(); ++dim)
    rows *= shape[dim];
  return rows;
}

/// Numpy: the operand row result row `row` reads (size-1 dims index 0).
int64_t broadcastRow(int64_t row, const Shape &operand, const Shape &result) {
  Shape index = leadingIndex(row, result);
  size_t lead = result.size() - operand.size();
  Shape operandIndex(operand.size() - 1);
  for (size_t dim = 0; dim + 1 < operand.size(); ++dim)
    operandIndex[dim] = operand[dim] == 1 ? 0 : index[dim + lead];
  return rowAt(operandIndex, operand);
}

/// The row of `of` that row `row` of a window of `shape` at offset 0 reads.
int64_t windowRow(int64_t row, const Shape &shape, const Shape &of) {
  return rowAt(leadingIndex(row, shape), of);
}

class RowMapTest : public ::testing::Test {
protected:
  RowMapTest() {
    context.loadDialect<arith::ArithDialect, tilec::ascend::AscendDialect>();
  }

  /// The map's row for constant `row`, folded to a constant.
  int64_t mapped(const RowMap &map, int64_t row) {
    TaskBuilder task(&context, UnknownLoc::get(&context), tilec::ascend::CoreType::aiv);
    std::optional<int64_t> value =
        getConstantIntValue(map.operandRow(task, task.constantIndex(row)));
    EXPECT_TRUE(value.has_value());
    return value.value_or(-1);
  }

  /// Every value row maps as `expected` says, and each aligned block reads
  /// consecutive rows, or one row when the map says it broadcasts them.
  template <typename Expected>
  void checkRows(const RowMap &map, int64_t rows, Expected expected) {
    ASSERT_EQ(rows % map.rowBlock(), 0);
    for (int64_t row = 0; row < rows; ++row) {
      int64_t got = mapped(map, row);
      ASSERT_EQ(got, expected(row)) << "value row " << row;
      int64_t first = row - row % map.rowBlock();
      int64_t step = map.broadcastsRows() ? 0 : row - first;
      ASSERT_EQ(got, expected(first) + step) << "value row " << row << " leaves its block";
    }
  }

  void checkBroadcast(const Shape &operand, const Shape &result) {
    SCOPED_TRACE(::testing::PrintToString(operand) + " -> " + ::testing::PrintToString(result));
    RowMap map(operand, result);
    checkRows(map, rowsOf(result),
              [&](int64_t row) { return broadcastRow(row, operand, result); });
    EXPECT_EQ(map.broadcastsCols(), result.back() != 1 && operand.back() == 1);
  }

  void checkWindow(const Shape &shape, const Shape &of) {
    SCOPED_TRACE(::testing::PrintToString(shape) + " in " + ::testing::PrintToString(of));
    RowMap map = RowMap::window(shape, of);
    EXPECT_FALSE(map.broadcastsRows());
    EXPECT_FALSE(map.broadcastsCols());
    checkRows(map, rowsOf(shape), [&](int64_t row) { return windowRow(row, shape, of); });
  }

  MLIRContext context;
};

TEST_F(RowMapTest, IssueBroadcasts) {
  RowMap middle({4, 1, 64}, {4, 32, 64});
  EXPECT_EQ(middle.rowBlock(), 32);
  EXPECT_TRUE(middle.broadcastsRows());
  EXPECT_EQ(mapped(middle, 64), 2);
  RowMap batch({1, 32, 64}, {4, 32, 64});
  EXPECT_EQ(batch.rowBlock(), 32);
  EXPECT_FALSE(batch.broadcastsRows());
  EXPECT_EQ(mapped(batch, 70), 6);
  RowMap element({4, 1, 1}, {4, 32, 64});
  EXPECT_TRUE(element.broadcastsRows());
  EXPECT_TRUE(element.broadcastsCols());
}

TEST_F(RowMapTest, EveryBroadcastOfRankFour) {
  // Each dimension of the operand full or 1, leading ones possibly missing.
  const Shape result = {2, 3, 4, 8};
  for (int missing = 0; missing < 4; ++missing)
    for (int mask = 0; mask < (1 << (4 - missing)); ++mask) {
      Shape operand;
      for (int dim = missing; dim < 4; ++dim)
        operand.push_back(mask & (1 << (dim - missing)) ? result[dim] : 1);
      checkBroadcast(operand, result);
    }
}

TEST_F(RowMapTest, ResultDimensionsOfSizeOne) {
  checkBroadcast({1, 1, 3, 1}, {2, 1, 3, 64});
  checkBroadcast({2, 1, 1, 64}, {2, 1, 3, 64});
  checkBroadcast({64}, {1, 1, 64});
}

TEST_F(RowMapTest, Windows) {
  checkWindow({4, 16, 64}, {4, 32, 64});
  checkWindow({4, 1, 64}, {4, 32, 64});
  checkWindow({2, 4, 64}, {4, 8, 64});
  checkWindow({2, 2, 2, 16}, {2, 3, 4, 16});
  checkWindow({2, 32, 64}, {4, 32, 64}); // consecutive: one block
  EXPECT_EQ(RowMap::window({2, 32, 64}, {4, 32, 64}).rowBlock(), 64);
  EXPECT_EQ(RowMap::window({4, 16, 64}, {4, 32, 64}).rowBlock(), 16);
  EXPECT_EQ(RowMap::window({4, 1, 64}, {4, 32, 64}).rowBlock(), 1);
}

TEST_F(RowMapTest, EqualMapsReadTheSameRows) {
  EXPECT_TRUE(RowMap({1, 32, 64}, {4, 32, 64}) == RowMap({32, 64}, {4, 32, 64}));
  EXPECT_FALSE(RowMap({1, 32, 64}, {4, 32, 64}) == RowMap({4, 1, 64}, {4, 32, 64}));
  EXPECT_FALSE(RowMap({4, 32, 1}, {4, 32, 64}) == RowMap({4, 32, 64}, {4, 32, 64}));
}

} // namespace
