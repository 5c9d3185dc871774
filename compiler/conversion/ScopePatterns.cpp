//===- ScopePatterns.cpp - a fused scope as one task ----------------------===//
//
// After tile-form-tasks every scope left in a kernel has a chunking strategy
// and becomes one fused task (FusedTasks.cpp) that keeps its intermediates
// in UB; the ops inside it go with it.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// A fused scope becomes one task over chunks of its token rows, as its
/// strategy says.
struct LowerScope : TileLowering<tile::ScopeOp> {
  using TileLowering::TileLowering;
  LogicalResult lower(tile::ScopeOp scope, GmPlaces &places) const override {
    if (isa_and_nonnull<ascend::InlineAttr>(
            ascend::AscendDialect::StrategyAttrHelper(scope.getContext()).getAttr(scope)))
      return scope.emitOpError("is not one task (#ascend.inline): run tile-form-tasks first");
    if (failed(checkTask(scope, ascend::CoreType::aiv)))
      return failure();
    FailureOr<ascend::ChunkingAttr> chunking = strategyOf<ascend::ChunkingAttr>(scope);
    if (failed(chunking))
      return failure();
    places.host.setInsertionPoint(scope);
    TaskContext context = places.contextNamed(
        scope.getName(), places.tokenRowsOf(scope, rowfusion::fusedScopeRows(scope)));
    // A result pushed to the matmul it is the A of gets no place in GM.
    FailureOr<std::optional<LhsPairedMatmul>> lhsPairedOrError = lhsPairedMatmulOf(scope, places);
    if (failed(lhsPairedOrError))
      return failure();
    std::optional<LhsPairedMatmul> &lhsPaired = *lhsPairedOrError;
    SmallVector<GmLocation> results;
    for (OpResult result : scope->getResults()) {
      if (lhsPaired && result.getResultNumber() == lhsPaired->result) {
        results.emplace_back();
        continue;
      }
      FailureOr<GmLocation> place = places.placeResult(result, scope);
      if (failed(place))
        return failure();
      results.push_back(*place);
    }
    // The global tensors its loops load and store are read whole by the task.
    scope.walk([&](Operation *op) {
      for (Value operand : op->getOperands())
        if (isa<tile::GlobalTensorType>(operand.getType()))
          places.set(operand, places.whole(operand));
    });
    places.host.setInsertionPoint(scope);
    auto locationOf = [&](Value value) -> const GmLocation & { return places.of(value); };
    if (std::optional<std::pair<Value, PairedRead>> paired = pairedReadOf(scope)) {
      if (failed(lowerPaired(scope, *chunking, locationOf, results, context, *paired, places)))
        return failure();
    } else if (lhsPaired) {
      if (failed(lowerLhsPairedScope(scope, *chunking, locationOf, results, context, *lhsPaired)))
        return failure();
    } else if (failed(lowerFusedScope(scope, *chunking, locationOf, results, context))) {
      return failure();
    }
    for (auto [result, place] : llvm::zip_equal(scope->getResults(), results))
      if (!lhsPaired || cast<OpResult>(result).getResultNumber() != lhsPaired->result)
        places.set(result, place);
    return success();
  }

  /// The matmul (`ascend.lhs_pairing`) whose A is a result of `scope`, if
  /// any: its ring allocated here, its product placed, as the scope's
  /// lowering builds its cube side (the matmul's own lowering then does
  /// nothing).
  FailureOr<std::optional<LhsPairedMatmul>> lhsPairedMatmulOf(tile::ScopeOp scope,
                                                               GmPlaces &places) const {
    ascend::AscendDialect::LhsPairingAttrHelper lhsPairing(scope.getContext());
    for (OpResult result : scope->getResults()) {
      auto matmul = result.hasOneUse() ? dyn_cast<tile::MatmulOp>(*result.getUsers().begin())
                                       : nullptr;
      ascend::V2cRingAttr pairing = matmul ? lhsPairing.getAttr(matmul) : nullptr;
      if (!pairing || matmul.getLhs() != result)
        continue;
      // tile-select-strategy moves B's load before the scope when it pairs.
      if (!places.isPlaced(matmul.getRhs()))
        return matmul.emitOpError("is paired with the scope computing its A (ascend.lhs_pairing), "
                                  "but its B is not there before that scope");
      FailureOr<ascend::BlockingAttr> blocking = strategyOf<ascend::BlockingAttr>(matmul);
      if (failed(blocking))
        return failure();
      FailureOr<GmLocation> product = places.placeResult(matmul.getResult(), matmul);
      if (failed(product))
        return failure();
      places.set(matmul.getResult(), *product);
      auto ring = ascend::RingType::get(
          scope.getContext(), pairing.getSlots(), pairing.getRows(), pairing.getCols(),
          cast<RankedTensorType>(result.getType()).getElementType(), ascend::MemorySpace::gm,
          ascend::RingDirection::v2c);
      LhsPairedMatmul paired{unsigned(result.getResultNumber()),
                             places.of(matmul.getRhs()),
                             *product,
                             *blocking,
                             matmul.getTransposeB(),
                             ascend::AllocRingOp::create(places.host, matmul.getLoc(), ring),
                             places.contextFor(matmul).name,
                             matmul.getLoc()};
      return std::optional<LhsPairedMatmul>(paired);
    }
    return std::optional<LhsPairedMatmul>();
  }

  /// The tensor from outside `scope` that holds a paired product, if any.
  std::optional<std::pair<Value, PairedRead>> pairedReadOf(tile::ScopeOp scope) const {
    std::optional<std::pair<Value, PairedRead>> found;
    scope.walk([&](Operation *op) {
      for (Value operand : op->getOperands())
        if (auto read = state.pairedReads.find(operand); read != state.pairedReads.end())
          found = *read;
    });
    return found;
  }

  /// The mixed launch of the scope with the matmul whose product it reads:
  /// the cube side multiplies by the window of B holding the columns read.
  LogicalResult lowerPaired(tile::ScopeOp scope, ascend::ChunkingAttr chunking,
                            function_ref<const GmLocation &(Value)> locationOf,
                            ArrayRef<GmLocation> results, TaskContext &context,
                            std::pair<Value, PairedRead> read, GmPlaces &places) const {
    const PairedMatmul &matmul = state.pairedMatmuls.at(read.second.product);
    auto ring = cast<ascend::RingType>(matmul.ring.getType());
    int64_t k = matmul.lhs.shape.cols;
    Value zero = places.entryIndex(0);
    SmallVector<Value> offsets = {zero, read.second.column};
    SmallVector<int64_t> window = {k, ring.getCols()};
    if (matmul.transposeB) {
      std::swap(offsets[0], offsets[1]);
      std::swap(window[0], window[1]);
    }
    FailureOr<GmLocation> rhs = places.subWindow(
        scope.getLoc(), matmul.rhs, {matmul.rhs.shape.rows, matmul.rhs.shape.cols}, offsets,
        window);
    if (failed(rhs))
      return failure();
    return lowerPairedScope(scope, chunking, locationOf, results, context, matmul,
                            read.first, *rhs);
  }
};

} // namespace

void tilec::conversion::populateScopePatterns(RewritePatternSet &patterns,
                                              KernelConversion &state) {
  patterns.add<LowerScope>(state, patterns.getContext());
}
