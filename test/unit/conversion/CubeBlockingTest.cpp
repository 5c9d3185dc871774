//===- CubeBlockingTest.cpp - what a matmul's caller asks of its blocking -===//
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskTarget.h"
#include "dialects/Ascend/AscendDialect.h"

#include "mlir/IR/Builders.h"

#include <gtest/gtest.h>

namespace tilec::conversion {
namespace {

class CubeBlockingTest : public ::testing::Test {
protected:
  CubeBlockingTest() { context.loadDialect<ascend::AscendDialect>(); }

  /// The blocking of the flagship's q up-projection at T = 2048 (i8, one
  /// 1024-deep K) with `needs`.
  ascend::BlockingAttr blockingWith(const BlockingNeeds &needs) {
    mlir::Builder b(&context);
    mlir::FailureOr<CubeBlockings> chosen = chooseBlocking(
        b.getUnknownLoc(), MatrixShape{2048, 1024}, MatrixShape{1024, 32768}, b.getI8Type(),
        b.getI32Type(), /*buffers=*/2, /*runtimeRows=*/false,
        describeTarget(ascend::Target::a2a3), needs);
    EXPECT_TRUE(mlir::succeeded(chosen));
    return mlir::succeeded(chosen) ? chosen->atBound : ascend::BlockingAttr();
  }

  mlir::MLIRContext context;
};

// A paired matmul's work item is a whole ring slot: the N blocks divide the
// slot's 512 columns and an item is all of them, in row blocks of the
// multiple asked for. Its estimate then weighs keeping A's panel in L1
// across those blocks, which the unpaired blocking, chosen for one-block
// items at this shape, does not.
TEST_F(CubeBlockingTest, PairedItemsAreWholeSlots) {
  ascend::BlockingAttr unpaired = blockingWith({});
  ascend::BlockingAttr paired = blockingWith({/*rowMultiple=*/64, {}, /*itemCols=*/512});
  ASSERT_TRUE(unpaired && paired);
  EXPECT_EQ(paired.getM() % 64, 0);
  EXPECT_EQ(512 % paired.getN(), 0);
  EXPECT_EQ(paired.getLength() * paired.getN(), 512);
  EXPECT_TRUE(paired.getPanel());
  EXPECT_NE(unpaired.getLength() * unpaired.getN(), 512);
}

// No blocking has row blocks of a multiple above the cube's largest (128
// rows): failure without a diagnostic, for the caller to take another way.
TEST_F(CubeBlockingTest, NoBlockingOfTheRowMultipleFails) {
  mlir::Builder b(&context);
  bool diagnosed = false;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &) {
    diagnosed = true;
    return mlir::success();
  });
  mlir::FailureOr<CubeBlockings> chosen = chooseBlocking(
      b.getUnknownLoc(), MatrixShape{2048, 1024}, MatrixShape{1024, 32768}, b.getI8Type(),
      b.getI32Type(), /*buffers=*/2, /*runtimeRows=*/false, describeTarget(ascend::Target::a2a3),
      BlockingNeeds{/*rowMultiple=*/256, {}, /*itemCols=*/512});
  EXPECT_TRUE(mlir::failed(chosen));
  EXPECT_FALSE(diagnosed);
}

} // namespace
} // namespace tilec::conversion
