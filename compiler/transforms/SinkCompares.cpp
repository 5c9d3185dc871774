//===- SinkCompares.cpp - every mask computed beside the select reading it -===//
//
// A mask (tile.cmp's i1 result) never lives in global memory: the lowering
// computes it inside the task of the select that reads it, as a packed-bit
// mask in UB (TCMP, then TSEL). This pass gives every select its own copy of
// the compare, placed right before it, so that row fusion keeps the two in
// one scope and the one-task-per-op lowering finds the compare at its select.
// A mask read by anything but a select's mask operand is an error there.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"

namespace tilec {
#define GEN_PASS_DEF_TILESINKCOMPARES
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

struct TileSinkCompares : tilec::impl::TileSinkComparesBase<TileSinkCompares> {
  void runOnOperation() override {
    SmallVector<CmpOp> compares;
    getOperation().walk([&](CmpOp cmp) { compares.push_back(cmp); });
    bool failedAny = false;
    for (CmpOp cmp : compares) {
      for (OpOperand &use : llvm::make_early_inc_range(cmp->getUses())) {
        auto select = dyn_cast<SelectOp>(use.getOwner());
        if (!select || use.getOperandNumber() != 0) {
          use.getOwner()->emitOpError("reads a mask; only select(mask, a, b) can: the "
                                      "lowering computes a mask in the select's task");
          failedAny = true;
          continue;
        }
        OpBuilder builder(select);
        Operation *copy = builder.clone(*cmp.getOperation());
        use.set(copy->getResult(0));
      }
      if (cmp->use_empty())
        cmp->erase();
    }
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
