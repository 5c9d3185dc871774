//===- CubePatterns.cpp - matmuls as cube tasks ---------------------------===//
//
// A matmul becomes one task on the cube cores (CubeTasks.cpp) in the blocks
// its strategy says, reading its operands' places and writing its result's;
// with run-time rows and `ascend.few_rows`, two tasks, and the host launches
// the one for the rows present. The matmuls joined to its launch
// (`ascend.joined`, the same A by other B) are parts of its task.
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
    // The verifier keeps a matmul before it, whose task computed this one.
    if (ascend::AscendDialect::JoinedAttrHelper(matmul.getContext()).isAttrPresent(matmul)) {
      assert(places.isPlaced(matmul.getResult()) && "joined to a launch that did not place it");
      return success();
    }
    // The mixed launch of the scope computing its A computed it
    // (ScopePatterns.cpp).
    if (ascend::AscendDialect::LhsPairingAttrHelper(matmul.getContext()).getAttr(matmul)) {
      if (!places.isPlaced(matmul.getResult()))
        return matmul.emitOpError("is paired with the scope computing its A "
                                  "(ascend.lhs_pairing), but its A is no result of a fused "
                                  "scope lowered before it");
      return success();
    }
    return lowerToTask(
        matmul, ascend::CoreType::aic, places,
        [&](const GmLocation &result, TaskContext &context) -> LogicalResult {
      FailureOr<SmallVector<MatmulPart>> parts = joinedParts(matmul, result, places, context);
      if (failed(parts))
        return failure();
      FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(matmul);
      if (failed(blocking))
        return failure();
      auto lowerIn = [&](ascend::BlockingAttr chosen, TaskContext &in) {
        return lowerMatmul(matmul.getLoc(), places.of(matmul.getLhs()), *parts, chosen,
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

  /// The parts of the task of `matmul` (its product at `result`): its own,
  /// then those of the matmuls joined to its launch (`ascend.joined`, each
  /// right after the one before), whose products get their places here and
  /// whose source lines the task's name adds (`…_matmul_l38_l53`).
  static FailureOr<SmallVector<MatmulPart>> joinedParts(tile::MatmulOp matmul,
                                                        const GmLocation &result,
                                                        GmPlaces &places,
                                                        TaskContext &context) {
    if (matmul.getAcc())
      return matmul.emitOpError("with an accumulator is not lowered yet; add the "
                                "accumulator with a separate `+`");
    SmallVector<tile::MatmulOp> joined;
    ascend::AscendDialect::JoinedAttrHelper isJoined(matmul.getContext());
    for (auto next = dyn_cast_or_null<tile::MatmulOp>(matmul->getNextNode());
         next && isJoined.isAttrPresent(next);
         next = dyn_cast_or_null<tile::MatmulOp>(next->getNextNode())) {
      // The verifier keeps a joined matmul from accumulating.
      if (failed(checkTask(next, ascend::CoreType::aic)))
        return failure();
      FailureOr<GmLocation> place = places.placeResult(next.getResult(), next);
      if (failed(place))
        return failure();
      places.set(next.getResult(), *place);
      joined.push_back(next);
      if (auto line = dyn_cast<FileLineColLoc>(next.getLoc()))
        context.name += "_l" + std::to_string(line.getLine());
    }
    SmallVector<MatmulPart> parts{{places.of(matmul.getRhs()), result}};
    for (tile::MatmulOp next : joined)
      parts.push_back({places.of(next.getRhs()), places.of(next.getResult())});
    return parts;
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
                                      pairing.getCols(), matmul.getType().getElementType(),
                                      pairing.getMemory());
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
