//===- CubePatterns.cpp - matmuls as cube tasks ---------------------------===//
//
// A matmul becomes one task on the cube cores (CubeTasks.cpp) in the blocks
// its strategy says, reading its operands' places and writing its result's.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct LowerMatmul : TileLowering<tile::MatmulOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::MatmulOp matmul, GmPlaces &places) const override {
    return lowerToTask(
        matmul, ascend::CoreType::aic, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      if (matmul.getAcc())
        return matmul.emitOpError("with an accumulator is not lowered yet; add the "
                                  "accumulator with a separate `+`");
      FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(matmul);
      if (failed(blocking))
        return failure();
      return lowerMatmul(matmul.getLoc(), places.of(matmul.getLhs()),
                         places.of(matmul.getRhs()), result, *blocking,
                         matmul.getTransposeB(), context);
    });
  }
};

} // namespace

void tilec::conversion::populateCubePatterns(RewritePatternSet &patterns,
                                             KernelConversion &state) {
  patterns.add<LowerMatmul>(state, patterns.getContext());
}
