//===- StrategyPairing.cpp - a matmul paired with its vector consumer -----===//
//
// A matmul whose product only one fused vector scope reads, in whole rows,
// can run with that scope as one mixed launch: each cluster's AIC pushes its
// output blocks into a ring of slots (in GM, or on a5 in the AIVs' UB) and
// its AIVs run the scope's chain on each slot as soon as it is full, so the
// product never makes the round trip through HBM. This file decides which
// matmuls pair (where the paired launch is estimated faster than the two
// apart), the ring's place, slot shape and depth, and the blocking and
// chunking for paired work items (docs/design.md, "Cube → vector pairing").
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/RingRules.h"
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/conversion/Strategy.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// The share of an AIV's UB a ring in UB may take; the rest is the chain's.
constexpr uint64_t kUbShareDivisor = 2;

/// Where the consumer reads the product: the fused scope and the columns
/// of one of its runs.
struct ProductReader {
  tile::ScopeOp scope;
  int64_t cols;
  Value read; ///< what the scope reads: the product or its slice
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
    return ProductReader{scope, type.getDimSize(1), product};
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
  return ProductReader{scope, cols, slice.getResult()};
}

/// One way to cut the product into slots: the ring, the consumer's chunking
/// for half slots and the matmul's blocking for slot items, with the paired
/// launch's estimated cycles.
struct SlotCut {
  ascend::C2vRingAttr ring;
  ascend::ChunkingAttr chunking;
  ascend::BlockingAttr blocking;
  double cycles;
};

/// The paired launch's estimated cycles: the busier of the AIC and the
/// AIVs, which start once the first slot is full (`slotsPerCore` slots per
/// AIC).
double pairedCycles(const CubeBlockings &paired, double consumerCycles, int64_t slotsPerCore) {
  double firstSlot = paired.coreCycles / double(slotsPerCore);
  return std::max(paired.coreCycles, firstSlot + consumerCycles);
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
  if (!isa_and_nonnull<ascend::ChunkingAttr>(strategy.getAttr(reader->scope)))
    return std::nullopt;
  auto type = cast<RankedTensorType>(matmul.getType());
  int64_t productRows = type.getDimSize(0);
  uint64_t slotsPerRowBlock = uint64_t(type.getDimSize(1) / reader->cols);
  uint64_t elementBytes = uint64_t((type.getElementType().getIntOrFloatBitWidth() + 7) / 8);
  // A slot is one cube work item: fewer slots than the unpaired matmul's
  // busy cube cores would leave cores idle (a whole-row slot of a short
  // product runs on one AIC). Run-time token rows may be as few as one row
  // block at launch, so the rule holds there too.
  // (Unpaired, a launch with few rows present may take another blocking.)
  auto idlesCores = [&](int64_t rows, uint64_t slots, ascend::BlockingAttr unpaired) {
    Distribution items(rows, type.getDimSize(1), Blocking::of(unpaired));
    return slots < uint64_t(std::min<int64_t>(items.items(), target.cubeCores));
  };
  auto fewRows = ascend::AscendDialect::FewRowsAttrHelper(matmul.getContext()).getAttr(matmul);
  // Every even row count up to the tallest block that divides the product
  // may be the slots': each AIV of the cluster runs the chain on its half of
  // a slot in whole work items of the scope's (two chunks when double
  // buffered), so the consumer's chunking is chosen for items dividing the
  // half; a cube work item is a whole slot, its row block's N blocks of the
  // columns the consumer reads, so the blocking is chosen for such items (A's
  // panel may stay in L1 across them), not taken from the unpaired launch.
  // The cut estimated fastest paired wins; a tie goes to the taller slots.
  //
  // Where the target moves L0C -> UB (a5), a cut may also put the ring in
  // the AIVs' UB: the product then never leaves the cluster. The fixpipe
  // splits 32-bit accumulators only, and a slot is then one accumulator
  // block and each AIV's half one chunk of the chain (static token rows:
  // the popped half is the chunk's tile as it is). Its cuts are tried after
  // the GM ring's of the same rows, so a tie goes to UB.
  const bool ubRings = target.paths[int(target::Path::L0cToUb)].available &&
                       elementBytes == 4 && !runtimeRows.tokenRowsOf(matmul.getResult());
  auto module = matmul->getParentOfType<ModuleOp>();
  std::optional<SlotCut> best;
  for (int64_t rows = 2; rows <= std::min(productRows, target.cubeBlockMaxRows); rows += 2) {
    if (productRows % rows != 0)
      continue;
    for (bool inUb : {false, true}) {
      if (inUb && !ubRings)
        continue;
      // The consumer's trial builds last: the other rules are arithmetic.
      FailureOr<CubeBlockings> blockings =
          matmulStrategy(matmul, target, BlockingNeeds{rows, {}, reader->cols, inUb});
      if (failed(blockings) || blockings->atBound.getM() != rows)
        continue;
      uint64_t slots = uint64_t(productRows / rows) * slotsPerRowBlock;
      if (!pairAlways &&
          (idlesCores(productRows, slots, unpairedBlocking) ||
           (runtimeRows.tokenRowsOf(matmul.getResult()) &&
            idlesCores(rows, slotsPerRowBlock,
                       fewRows ? fewRows.getBlocking() : unpairedBlocking))))
        continue;
      // A cluster without a slot to fill has no ring; two slots at least, so
      // the AIC fills one while the AIVs read the other. The rings of all
      // clusters share the L2; one in UB shares each AIV's UB with the chain.
      uint64_t rings = std::min<uint64_t>(uint64_t(target.clusters), slots);
      uint64_t slotBytes = uint64_t(rows) * uint64_t(reader->cols) * elementBytes;
      int64_t depth = inUb ? kMaxRingSlots : gmRingDepth(rings, slotBytes, target);
      while (inUb && depth >= 2 &&
             uint64_t(depth) * slotBytes / 2 >
                 target.capacityOf(target::MemSpace::UB) / kUbShareDivisor)
        --depth;
      if (depth < 2)
        continue;
      ChunkingNeeds needs{rows / 2};
      if (inUb)
        needs = ChunkingNeeds{rows / 2, /*itemIsHalfSlot=*/true, int64_t(depth * slotBytes / 2),
                              reader->read};
      FailureOr<ScopeStrategy> consumer =
          chooseScopeStrategy(reader->scope, module, target, needs);
      auto chunking =
          succeeded(consumer) ? dyn_cast<ascend::ChunkingAttr>(consumer->attr) : nullptr;
      if (!chunking)
        continue;
      SlotCut cut{ascend::C2vRingAttr::get(matmul.getContext(), rows, reader->cols, depth,
                                           inUb ? ascend::MemorySpace::ub
                                                : ascend::MemorySpace::gm),
                  chunking, blockings->atBound,
                  pairedCycles(*blockings, consumer->cycles,
                               int64_t(llvm::divideCeil(slots, rings)))};
      if (!best || cut.cycles <= best->cycles)
        best = cut;
    }
  }
  // Slots span all the columns the consumer reads, so each reads all of B
  // for its rows: short slots of a short product cost more than the
  // consumer they overlap.
  if (!best || (!pairAlways && !pairingPays(matmul, reader->scope, best->cycles, estimates)))
    return std::nullopt;
  return Pairing{best->ring, best->blocking, reader->scope, best->chunking};
}
