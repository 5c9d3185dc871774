//===- CubePatterns.cpp - matmuls as cube tasks ---------------------------===//
//
// A matmul becomes one task on the cube cores (CubeTasks.cpp) in the blocks
// its strategy says, reading its operands' places and writing its result's;
// with run-time rows and `ascend.few_rows`, two tasks, and the host launches
// the one for the rows present.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

struct LowerMatmul : TileLowering<tile::MatmulOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::MatmulOp matmul, GmPlaces &places) const override {
    if (auto ring = ascend::AscendDialect::PairingAttrHelper(matmul.getContext()).getAttr(matmul))
      return lowerPaired(matmul, ring, places);
    return lowerToTask(
        matmul, ascend::CoreType::aic, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      if (matmul.getAcc())
        return matmul.emitOpError("with an accumulator is not lowered yet; add the "
                                  "accumulator with a separate `+`");
      FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(matmul);
      if (failed(blocking))
        return failure();
      auto lowerIn = [&](ascend::BlockingAttr chosen, TaskContext &in) {
        return lowerMatmul(matmul.getLoc(), places.of(matmul.getLhs()),
                           places.of(matmul.getRhs()), result, chosen,
                           matmul.getTransposeB(), in);
      };
      auto fewRows =
          ascend::AscendDialect::FewRowsAttrHelper(matmul.getContext()).getAttr(matmul);
      if (!fewRows || !context.tokenRows)
        return lowerIn(*blocking, context);
      TaskContext fewContext = context;
      fewContext.name += "_few_rows";
      return lowerByRowsPresent(
          matmul.getLoc(), fewRows, context,
          [&] { return lowerIn(fewRows.getBlocking(), fewContext); },
          [&] { return lowerIn(*blocking, context); });
    });
  }

  /// `if (rows present <= fewRows.rows)` the task of `fewRows`' blocking, else
  /// that of the strategy's: both tasks are built, the host launches one.
  static LogicalResult lowerByRowsPresent(Location loc, ascend::FewRowsAttr fewRows,
                                          TaskContext &context,
                                          function_ref<LogicalResult()> onFewRows,
                                          function_ref<LogicalResult()> otherwise) {
    OpBuilder &host = context.host;
    Value limit = arith::ConstantIndexOp::create(context.entry, loc, fewRows.getRows());
    Value few = arith::CmpIOp::create(host, loc, arith::CmpIPredicate::sle, context.tokenRows,
                                      limit);
    auto branch = scf::IfOp::create(host, loc, few, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(host);
    host.setInsertionPoint(branch.thenBlock()->getTerminator());
    if (failed(onFewRows()))
      return failure();
    host.setInsertionPoint(branch.elseBlock()->getTerminator());
    return otherwise();
  }

  /// A matmul paired with its consumer (`ascend.pairing`): its ring, and
  /// what its consumer's scope needs to build the cube side; its product
  /// gets no place in GM.
  LogicalResult lowerPaired(tile::MatmulOp matmul, ascend::C2vRingAttr pairing,
                            GmPlaces &places) const {
    if (failed(checkTask(matmul, ascend::CoreType::aic)))
      return failure();
    FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(matmul);
    if (failed(blocking))
      return failure();
    if (matmul.getAcc())
      return matmul.emitOpError("with an accumulator is not lowered yet; add the "
                                "accumulator with a separate `+`");
    places.host.setInsertionPoint(matmul);
    TaskContext context = places.contextFor(matmul);
    auto ring = ascend::RingType::get(matmul.getContext(), pairing.getSlots(), pairing.getRows(),
                                      pairing.getCols(), matmul.getType().getElementType());
    PairedMatmul &paired = state.pairedMatmuls[matmul.getResult()];
    paired.lhs = places.of(matmul.getLhs());
    paired.rhs = places.of(matmul.getRhs());
    paired.blocking = *blocking;
    paired.transposeB = matmul.getTransposeB();
    paired.ring = ascend::AllocRingOp::create(places.host, matmul.getLoc(), ring);
    paired.name = context.name;
    paired.loc = matmul.getLoc();
    paired.tokenRows = context.tokenRows;
    state.pairedReads[matmul.getResult()] = {matmul.getResult(), places.entryIndex(0)};
    return success();
  }
};

} // namespace

void tilec::conversion::populateCubePatterns(RewritePatternSet &patterns,
                                             KernelConversion &state) {
  patterns.add<LowerMatmul>(state, patterns.getContext());
}
