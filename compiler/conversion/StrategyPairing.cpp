//===- StrategyPairing.cpp - a matmul paired with its vector consumer -----===//
//
// A matmul whose product only one fused vector scope reads, in whole rows,
// can run with that scope as one mixed launch: each cluster's AIC pushes its
// output blocks into a ring of GM slots and its AIVs run the scope's chain
// on each slot as soon as it is full, so the product never makes the round
// trip through HBM. This file decides which matmuls pair (where the paired
// launch is estimated faster than the two apart), the ring's slot shape and
// its depth, and the blocking and chunking for paired work items
// (docs/design.md, "Cube → vector pairing").
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// The deepest ring the strategy builds: pto-isa's TPipe frees slots in
/// pairs from four slots on (its sync period is half the ring), so four
/// let the AIC run a whole freed pair ahead; more only take L2.
constexpr int64_t kMaxSlots = 4;
/// The share of L2 the rings of all clusters may take; the rest stays for
/// what streams through beside them (the weights, the chain's other inputs
/// and its outputs).
constexpr uint64_t kL2ShareDivisor = 4;

/// Where the consumer reads the product: the fused scope and the columns
/// of one of its runs.
struct ProductReader {
  tile::ScopeOp scope;
  int64_t cols;
};

/// The one scope that `value`'s uses are all inside, or null.
tile::ScopeOp soleReadingScope(Value value) {
  tile::ScopeOp scope;
  for (Operation *user : value.getUsers()) {
    auto owner = user->getParentOfType<tile::ScopeOp>();
    if (!owner || (scope && owner != scope))
      return nullptr;
    scope = owner;
  }
  return scope;
}

/// Whether `offset` is `iv × width` for the induction variable of `loop`.
bool isLoopStride(Value offset, scf::ForOp loop, int64_t width) {
  Value iv = loop.getInductionVar();
  if (offset == iv)
    return width == 1;
  auto mul = offset.getDefiningOp<arith::MulIOp>();
  if (!mul)
    return false;
  return (mul.getLhs() == iv && rowfusion::constantIndex(mul.getRhs()) == width) ||
         (mul.getRhs() == iv && rowfusion::constantIndex(mul.getLhs()) == width);
}

/// The reader of `matmul`'s product when it is one fused scope reading all
/// of its rows: directly (the whole product), or through one slice of all
/// rows and `w` columns at `h × w` in a parallel loop over h whose
/// iterations cover the product's columns.
std::optional<ProductReader> productReader(tile::MatmulOp matmul) {
  Value product = matmul.getResult();
  auto type = cast<RankedTensorType>(product.getType());
  if (tile::ScopeOp scope = soleReadingScope(product))
    return ProductReader{scope, type.getDimSize(1)};
  if (!product.hasOneUse())
    return std::nullopt;
  auto slice = dyn_cast<tile::SliceOp>(*product.getUsers().begin());
  auto loop = slice ? slice->getParentOfType<scf::ForOp>() : nullptr;
  if (!loop || loop != slice->getParentOp() || loop->getParentOp() != matmul->getParentOp() ||
      !tile::TileDialect::ParallelAttrHelper(loop.getContext()).isAttrPresent(loop))
    return std::nullopt;
  auto window = cast<RankedTensorType>(slice.getType());
  int64_t cols = window.getDimSize(1);
  std::optional<int64_t> lower = rowfusion::constantIndex(loop.getLowerBound()),
                         upper = rowfusion::constantIndex(loop.getUpperBound()),
                         step = rowfusion::constantIndex(loop.getStep());
  bool allRows = window.getDimSize(0) == type.getDimSize(0) &&
                 rowfusion::constantIndex(slice.getOffsets()[0]) == 0;
  bool coversColumns = lower == 0 && step == 1 && upper && *upper * cols == type.getDimSize(1) &&
                       isLoopStride(slice.getOffsets()[1], loop, cols);
  if (!allRows || !coversColumns)
    return std::nullopt;
  tile::ScopeOp scope = soleReadingScope(slice.getResult());
  if (!scope)
    return std::nullopt;
  return ProductReader{scope, cols};
}

/// Whether the paired launch is estimated to finish before the matmul and
/// its consumer apart: paired, the busier of the AIC, and the AIVs, which
/// start once the first slot is full (`slotsPerCore` slots per AIC); apart,
/// the matmul's busiest cube core, then the consumer's busiest vector core
/// (their strategies' `estimates`). Slots of a whole row block each read
/// all of B for their rows: on a short product that costs more than the
/// consumer it overlaps.
bool pairingPays(tile::MatmulOp matmul, const CubeBlockings &paired, double pairedVectorCycles,
                 tile::ScopeOp consumer, int64_t slotsPerCore, const CoreEstimates &estimates) {
  auto matmulApart = estimates.find(matmul), consumerApart = estimates.find(consumer);
  if (matmulApart == estimates.end() || consumerApart == estimates.end())
    return false;
  double firstSlot = paired.coreCycles / double(slotsPerCore);
  return std::max(paired.coreCycles, firstSlot + pairedVectorCycles) <=
         matmulApart->second + consumerApart->second;
}

} // namespace

std::optional<Pairing>
tilec::conversion::choosePairing(tile::MatmulOp matmul, const target::TargetDescription &target,
                                 const RuntimeRows &runtimeRows,
                                 const CoreEstimates &estimates, bool pairAlways) {
  ascend::AscendDialect::StrategyAttrHelper strategy(matmul.getContext());
  auto unpairedBlocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy.getAttr(matmul));
  // Run-time token rows pair too: the slots are counted at their bound, and
  // the last one filled at launch may be partial (PairedTasks.cpp).
  if (!unpairedBlocking || matmul.getAcc() || !isa<tile::KernelOp>(matmul->getParentOp()))
    return std::nullopt;
  std::optional<ProductReader> reader = productReader(matmul);
  // The scope's token rows are the product's (not a broadcast of it).
  if (!reader || reader->scope.getCore() != tile::CoreKind::vector ||
      rowfusion::fusedScopeRows(reader->scope) != matmul.getType().getDimSize(0))
    return std::nullopt;
  // Each AIV of the cluster runs the chain on its half of a slot's rows in
  // whole work items of the scope's (two chunks when double buffered), so
  // items of at most half the tallest row block. A cube work item is one
  // slot, its row block's N blocks of the columns the consumer reads: the
  // blocking is chosen for such items (A's panel may stay in L1 across
  // them), not taken from the unpaired launch, with row blocks of a
  // multiple of two work items. When the product's rows have none (96 rows,
  // items of 32), the consumer's items are chosen again, shorter.
  if (!isa_and_nonnull<ascend::ChunkingAttr>(strategy.getAttr(reader->scope)))
    return std::nullopt;
  auto module = matmul->getParentOfType<ModuleOp>();
  ScopeStrategy forSlots;
  FailureOr<CubeBlockings> paired = failure();
  for (int64_t maxItemRows = target.cubeBlockMaxRows / 2; maxItemRows >= 1 && failed(paired);) {
    FailureOr<ScopeStrategy> consumer =
        chooseScopeStrategy(reader->scope, module, target, ChunkingNeeds{maxItemRows});
    auto chunking =
        succeeded(consumer) ? dyn_cast<ascend::ChunkingAttr>(consumer->attr) : nullptr;
    if (!chunking)
      return std::nullopt;
    forSlots = *consumer;
    int64_t itemRows = chunking.getRows() * (chunking.getDoubleBuffered() ? 2 : 1);
    paired = matmulStrategy(matmul, target,
                            BlockingNeeds{/*rowMultiple=*/2 * itemRows, {}, reader->cols});
    maxItemRows = itemRows / 2;
  }
  if (failed(paired))
    return std::nullopt;
  auto chunking = cast<ascend::ChunkingAttr>(forSlots.attr);
  ascend::BlockingAttr blocking = paired->atBound;
  int64_t rows = blocking.getM();
  auto type = cast<RankedTensorType>(matmul.getType());
  uint64_t slotBytes = uint64_t(rows) * uint64_t(reader->cols) *
                       uint64_t((type.getElementType().getIntOrFloatBitWidth() + 7) / 8);
  // A cluster without a slot to fill has no ring.
  uint64_t slotsPerRowBlock = uint64_t(type.getDimSize(1) / reader->cols);
  uint64_t slotsInProduct = uint64_t(type.getDimSize(0) / rows) * slotsPerRowBlock;
  // A slot is one cube work item: fewer slots than the unpaired matmul's
  // busy cube cores would leave cores idle (a whole-row slot of a short
  // product runs on one AIC). Run-time token rows may be as few as one row
  // block at launch, so the rule holds there too.
  // (Unpaired, a launch with few rows present may take another blocking.)
  auto idlesCores = [&](int64_t productRows, uint64_t slots, ascend::BlockingAttr unpaired) {
    Distribution items(productRows, type.getDimSize(1), Blocking::of(unpaired));
    return slots < uint64_t(std::min<int64_t>(items.items(), target.cubeCores));
  };
  auto fewRows = ascend::AscendDialect::FewRowsAttrHelper(matmul.getContext()).getAttr(matmul);
  if (!pairAlways &&
      (idlesCores(type.getDimSize(0), slotsInProduct, unpairedBlocking) ||
       (runtimeRows.tokenRowsOf(matmul.getResult()) &&
        idlesCores(rows, slotsPerRowBlock, fewRows ? fewRows.getBlocking() : unpairedBlocking))))
    return std::nullopt;
  uint64_t rings = std::min<uint64_t>(uint64_t(target.clusters), slotsInProduct);
  if (!pairAlways && !pairingPays(matmul, *paired, forSlots.cycles, reader->scope,
                                  int64_t(llvm::divideCeil(slotsInProduct, rings)), estimates))
    return std::nullopt;
  // Two slots at least, so the AIC fills one while the AIVs read the other.
  for (int64_t slots = kMaxSlots; slots >= 2; --slots)
    if (rings * uint64_t(slots) * slotBytes <= target.l2Bytes / kL2ShareDivisor)
      return Pairing{ascend::C2vRingAttr::get(matmul.getContext(), rows, reader->cols, slots),
                     blocking, reader->scope, chunking};
  return std::nullopt;
}
