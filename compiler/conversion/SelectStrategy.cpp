//===- SelectStrategy.cpp - the tiling of every tile op and scope ---------===//
//
// Walks each kernel and writes the strategy (Strategy.h) of every scope and
// every op convert-tile-to-ascend tiles, and the chunks of the copies an op
// may need. The ops of a scope that becomes one
// fused task are not lowered alone and get none.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/Passes.h"
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/conversion/TaskTarget.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace tilec {
#define GEN_PASS_DEF_TILESELECTSTRATEGY
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Whether convert-tile-to-ascend lowers `op` as a vector task of its own:
/// every tile op with a tensor result but views, composites (expanded
/// before), reads of global memory and compares (computed in their select's
/// task). Scopes, matmuls and interleaves have
/// strategies of their own (chooseStrategy asks about them first).
bool isVectorCompute(Operation *op) {
  if (!isa<tile::TileDialect>(op->getDialect()) || op->getNumResults() != 1 ||
      !isa<RankedTensorType>(op->getResult(0).getType()))
    return false;
  return !op->hasTrait<tile::kind::View>() && !op->hasTrait<tile::kind::Composite>() &&
         !isa<tile::LoadOp, tile::LoadRowsOp, tile::CmpOp>(op);
}

} // namespace

/// With an accumulator, the blocking also holds the chunking of the add that
/// accumulates (chosen on a stand-in of that add).
FailureOr<CubeBlockings>
tilec::conversion::matmulStrategy(tile::MatmulOp matmul, const target::TargetDescription &target,
                                  const BlockingNeeds &needs) {
  auto shapeOf = [](Value value) {
    return MatrixShape::of(cast<RankedTensorType>(value.getType()).getShape());
  };
  // The cube sees B as [K, N] however it is stored.
  MatrixShape rhs = shapeOf(matmul.getRhs());
  if (matmul.getTransposeB())
    std::swap(rhs.rows, rhs.cols);
  // A folded pipeline K-loop's stages bound the L1 chunk buffers (one, or up
  // to the four the cube task implements); the estimate picks otherwise.
  int64_t buffers = kMaxCubeBuffers;
  if (IntegerAttr stages =
          tile::TileDialect::PipelineStagesAttrHelper(matmul.getContext()).getAttr(matmul))
    buffers = std::min<int64_t>(stages.getInt(), kMaxCubeBuffers);
  auto kernel = matmul->getParentOfType<tile::KernelOp>();
  bool runtimeRows = kernel && RuntimeRows(kernel).tokenRowsOf(matmul.getLhs()).has_value();
  FailureOr<CubeBlockings> blockings =
      chooseBlocking(matmul.getLoc(), shapeOf(matmul.getLhs()), rhs,
                     cast<RankedTensorType>(matmul.getLhs().getType()).getElementType(),
                     cast<RankedTensorType>(matmul.getType()).getElementType(), buffers,
                     runtimeRows, target, needs);
  if (failed(blockings) || !matmul.getAcc())
    return blockings;
  OpBuilder builder(matmul);
  auto add = tile::AddOp::create(builder, matmul.getLoc(), matmul.getType(), matmul.getResult(),
                                 matmul.getAcc());
  FailureOr<ascend::ChunkingAttr> accumulate = chooseVectorChunking(add, target);
  add.erase();
  if (failed(accumulate))
    return failure();
  // Accumulating, the task is a product and an add: one blocking.
  return CubeBlockings{Blocking::of(blockings->atBound).toAttr(matmul.getContext(), *accumulate),
                       {}, blockings->coreCycles};
}

namespace {

/// The strategy of `op`; a null attribute for an op that is not tiled. The
/// estimate of a fused scope or a matmul goes into `estimates`.
FailureOr<Attribute> chooseStrategy(Operation *op, ModuleOp module,
                                    const target::TargetDescription &target,
                                    CoreEstimates &estimates) {
  if (auto scope = dyn_cast<tile::ScopeOp>(op)) {
    FailureOr<ScopeStrategy> strategy = chooseScopeStrategy(scope, module, target);
    if (failed(strategy))
      return failure();
    if (isa<ascend::ChunkingAttr>(strategy->attr))
      estimates[op] = strategy->cycles;
    return strategy->attr;
  }
  if (auto matmul = dyn_cast<tile::MatmulOp>(op)) {
    FailureOr<CubeBlockings> blockings = matmulStrategy(matmul, target);
    if (failed(blockings))
      return failure();
    estimates[op] = blockings->coreCycles;
    if (blockings->fewRows && isa<tile::KernelOp>(matmul->getParentOp()))
      ascend::AscendDialect::FewRowsAttrHelper(matmul.getContext())
          .setAttr(matmul, blockings->fewRows);
    return Attribute(blockings->atBound);
  }
  if (auto interleave = dyn_cast<tile::InterleaveOp>(op)) {
    auto type = cast<RankedTensorType>(interleave.getEven().getType());
    return Attribute(chooseInterleaveChunking(op->getContext(), type.getDimSize(0),
                                              type.getDimSize(1), type.getElementType(),
                                              target));
  }
  if (auto transpose = dyn_cast<tile::TransposeOp>(op)) {
    auto type = cast<RankedTensorType>(transpose.getSource().getType());
    return Attribute(chooseTransposeChunking(op->getContext(), type.getDimSize(0),
                                             type.getDimSize(1), type.getElementType(), target));
  }
  if (isVectorCompute(op))
    return FailureOr<Attribute>(chooseVectorChunking(op, target));
  return Attribute();
}

/// `blocking` with its work items column by column (`stream`, where it has
/// more than one row block of `rows`) or row by row.
ascend::BlockingAttr ordered(ascend::BlockingAttr blocking, int64_t rows, bool stream) {
  Blocking order = Blocking::of(blocking);
  order.streamWeights = stream && rows > blocking.getM();
  return order.toAttr(blocking.getContext(), blocking.getAccumulate());
}

/// stream-weights=always or never: every unpaired matmul's items go column
/// by column, or none's (a paired ring's go slot by slot).
void orderAllItems(tile::KernelOp kernel, bool stream) {
  MLIRContext *context = kernel.getContext();
  ascend::AscendDialect::StrategyAttrHelper strategy(context);
  ascend::AscendDialect::FewRowsAttrHelper fewRows(context);
  kernel.walk([&](tile::MatmulOp matmul) {
    auto blocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy.getAttr(matmul));
    if (!blocking || ascend::AscendDialect::PairingAttrHelper(context).getAttr(matmul) ||
        ascend::AscendDialect::LhsPairingAttrHelper(context).getAttr(matmul))
      return;
    int64_t rows = matmul.getType().getDimSize(0);
    strategy.setAttr(matmul, ordered(blocking, rows, stream));
    if (ascend::FewRowsAttr few = fewRows.getAttr(matmul))
      fewRows.setAttr(matmul,
                      ascend::FewRowsAttr::get(context, few.getRows(),
                                               ordered(few.getBlocking(),
                                                       std::min(rows, few.getRows()), stream)));
  });
}

/// A paired matmul's blocking (a slot is a row block of it, whatever the
/// rows present) and its scope's chunking.
void setPairedStrategies(tile::MatmulOp matmul, ascend::BlockingAttr blocking,
                         tile::ScopeOp scope, ascend::ChunkingAttr chunking) {
  ascend::AscendDialect::StrategyAttrHelper strategy(matmul.getContext());
  strategy.setAttr(matmul, blocking);
  strategy.setAttr(scope, chunking);
  ascend::AscendDialect::FewRowsAttrHelper(matmul.getContext()).removeAttr(matmul);
}

struct TileSelectStrategyPass : public tilec::impl::TileSelectStrategyBase<TileSelectStrategyPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    const target::TargetDescription &target = lookupModuleTarget(module);
    for (auto kernel : module.getOps<tile::KernelOp>()) {
      CoreEstimates estimates;
      WalkResult walked = kernel.walk<WalkOrder::PreOrder>([&](Operation *op) {
        SmallVector<ascend::ChunkingAttr> copies = chooseCopies(op, target);
        if (!copies.empty())
          ascend::AscendDialect::CopiesAttrHelper(op->getContext())
              .setAttr(op, ArrayAttr::get(op->getContext(),
                                          SmallVector<Attribute>(copies.begin(), copies.end())));
        FailureOr<Attribute> strategy = chooseStrategy(op, module, target, estimates);
        if (failed(strategy))
          return WalkResult::interrupt();
        if (!*strategy)
          return WalkResult::advance();
        ascend::AscendDialect::StrategyAttrHelper(op->getContext()).setAttr(op, *strategy);
        // The ops of a fused scope are not lowered alone.
        return isa<tile::ScopeOp>(op) && isa<ascend::ChunkingAttr>(*strategy)
                   ? WalkResult::skip()
                   : WalkResult::advance();
      });
      if (walked.wasInterrupted())
        return signalPassFailure();
      // Pairing reads the strategies of a matmul and of its consumer.
      if (pairCubeVector) {
        MLIRContext *context = kernel.getContext();
        RuntimeRows runtimeRows(kernel);
        kernel.walk([&](tile::MatmulOp matmul) {
          if (std::optional<Pairing> pairing =
                  choosePairing(matmul, target, runtimeRows, estimates, pairAlways)) {
            ascend::AscendDialect::PairingAttrHelper(context).setAttr(matmul, pairing->ring);
            setPairedStrategies(matmul, pairing->blocking, pairing->consumer, pairing->chunking);
          }
        });
        // Then the other way: a matmul with the scope that computes its A.
        kernel.walk([&](tile::MatmulOp matmul) {
          if (std::optional<LhsPairing> pairing =
                  chooseLhsPairing(matmul, target, runtimeRows, estimates, pairAlways)) {
            ascend::AscendDialect::LhsPairingAttrHelper(context).setAttr(matmul, pairing->ring);
            setPairedStrategies(matmul, pairing->blocking, pairing->producer, pairing->chunking);
            // The launch runs where the scope stands: B's load goes before it.
            Operation *rhs = matmul.getRhs().getDefiningOp();
            if (rhs && !rhs->isBeforeInBlock(pairing->producer))
              rhs->moveBefore(pairing->producer);
          }
        });
      }
      // Joining takes the matmuls left unpaired.
      if (joinMatmuls)
        tilec::conversion::joinMatmuls(kernel, target);
      if (streamWeights != StreamWeights::automatic)
        orderAllItems(kernel, streamWeights == StreamWeights::always);
    }
  }
};

} // namespace
