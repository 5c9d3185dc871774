//===- StrategyLhsPairing.cpp - a matmul paired with the scope computing its A -===//
//
// A matmul whose A only comes from one fused vector scope (its RMSNorm, its
// quantization) can run with that scope as one mixed launch: each
// cluster's AIVs push their row halves of A's row blocks into a ring of GM
// slots, and its AIC multiplies each row block by all of B as soon as its
// slot is full, so A never makes the round trip through HBM and the cube
// starts on the first row block rather than after the last. A work item of
// the cube is then a whole row block (the slot as A's panel in L1, all of
// B's columns), so the rule needs enough row blocks to keep the cube cores
// busy: long token dimensions, not the flagship's column-split projections,
// whose every core needs every row of A (docs/design.md, "Vector → cube
// pairing"). This file decides which matmuls pair, the slots' rows and the
// ring's depth, and the blocking and chunking of the paired work items.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/RingRules.h"
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Whether `value` is defined before `op` in its block, or is an argument
/// of that block.
bool definedBefore(Value value, Operation *op) {
  Operation *def = value.getDefiningOp();
  return def ? def->getBlock() == op->getBlock() && def->isBeforeInBlock(op)
             : value.getParentBlock() == op->getBlock();
}

/// Whether `value` is there before `op`: defined before it, or a load in
/// its block of a window whose operands are (which the pairing then moves
/// before it).
bool availableBefore(Value value, Operation *op) {
  auto load = value.getDefiningOp<tile::LoadOp>();
  return definedBefore(value, op) ||
         (load && load->getBlock() == op->getBlock() &&
          llvm::all_of(load->getOperands(),
                       [&](Value operand) { return definedBefore(operand, op); }));
}

/// Whether `value` is a kernel output or a load of one.
bool isKernelOutput(Value value, tile::KernelOp kernel) {
  if (auto load = value.getDefiningOp<tile::LoadOp>())
    value = load.getSource();
  auto argument = dyn_cast<BlockArgument>(value);
  return argument && argument.getOwner() == &kernel.getBody().front() &&
         kernel.isOutput(argument.getArgNumber());
}

/// Whether `op`, between the scope computing `matmul`'s A and `matmul`,
/// may stay there while the paired launch runs where the scope stands: B's
/// load, a constant, or a store of another of the scope's results where no
/// store of the product goes (the product is written earlier than the
/// matmul stands).
bool mayComeBetween(Operation *op, tile::ScopeOp scope, tile::MatmulOp matmul) {
  if (op == matmul.getRhs().getDefiningOp() || isa<arith::ConstantOp>(op))
    return true;
  auto store = dyn_cast<tile::StoreOp>(op);
  if (!store || store.getValue().getDefiningOp() != scope.getOperation())
    return false;
  return llvm::none_of(matmul->getUsers(), [&](Operation *user) {
    auto productStore = dyn_cast<tile::StoreOp>(user);
    return productStore && productStore.getDest() == store.getDest();
  });
}

/// The fused vector scope whose one use of a result is `matmul`'s A, in
/// the kernel's body beside the matmul, reading no paired product. The
/// paired launch runs where the scope stands, so B must be there before it
/// and only what mayComeBetween may come between them (so a scope pairs
/// with one matmul at most: its lowering builds one mixed launch), and the
/// scope reads no kernel output (which the product may be written into
/// while the AIVs still read).
tile::ScopeOp lhsProducer(tile::MatmulOp matmul) {
  Value lhs = matmul.getLhs();
  auto scope = lhs.getDefiningOp<tile::ScopeOp>();
  auto kernel = dyn_cast<tile::KernelOp>(matmul->getParentOp());
  if (!kernel || !scope || !lhs.hasOneUse() || scope->getBlock() != matmul->getBlock() ||
      scope.getCore() != tile::CoreKind::vector || !availableBefore(matmul.getRhs(), scope))
    return nullptr;
  for (Operation *between = scope->getNextNode(); between != matmul.getOperation();
       between = between->getNextNode())
    if (!mayComeBetween(between, scope, matmul))
      return nullptr;
  ascend::AscendDialect::PairingAttrHelper pairing(matmul.getContext());
  bool readsPairedOrOutput = false;
  scope.walk([&](Operation *op) {
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (auto slice = dyn_cast_or_null<tile::SliceOp>(def))
        def = slice.getSource().getDefiningOp();
      auto product = dyn_cast_or_null<tile::MatmulOp>(def);
      readsPairedOrOutput |=
          (product && pairing.getAttr(product)) || isKernelOutput(operand, kernel);
    }
  });
  return readsPairedOrOutput ? nullptr : scope;
}

} // namespace

std::optional<LhsPairing>
tilec::conversion::chooseLhsPairing(tile::MatmulOp matmul,
                                    const target::TargetDescription &target,
                                    const RuntimeRows &runtimeRows,
                                    const CoreEstimates &estimates, bool pairAlways) {
  MLIRContext *context = matmul.getContext();
  ascend::AscendDialect::StrategyAttrHelper strategy(context);
  auto unpairedBlocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy.getAttr(matmul));
  // Static token rows only: every slot is full.
  if (!unpairedBlocking || matmul.getAcc() || !isa<tile::KernelOp>(matmul->getParentOp()) ||
      ascend::AscendDialect::PairingAttrHelper(context).getAttr(matmul) ||
      runtimeRows.tokenRowsOf(matmul.getLhs()))
    return std::nullopt;
  tile::ScopeOp producer = lhsProducer(matmul);
  auto lhsType = cast<RankedTensorType>(matmul.getLhs().getType());
  const int64_t m = lhsType.getDimSize(0), k = lhsType.getDimSize(1),
                n = matmul.getType().getDimSize(1);
  if (!producer || rowfusion::fusedScopeRows(producer) != m ||
      !isa_and_nonnull<ascend::ChunkingAttr>(strategy.getAttr(producer)))
    return std::nullopt;
  uint64_t elementBytes = uint64_t((lhsType.getElementType().getIntOrFloatBitWidth() + 7) / 8);
  auto module = matmul->getParentOfType<ModuleOp>();
  std::optional<LhsPairing> best;
  double bestCycles = 0;
  // Every even row count up to the tallest block that divides M may be the
  // slots': a cube work item is one slot, all of B's columns with A's panel
  // in L1; each AIV computes its half of a slot in whole work items of the
  // scope's. The cut estimated fastest paired wins; a tie goes to the
  // taller slots.
  for (int64_t rows = 2; rows <= std::min(m, target.cubeBlockMaxRows); rows += 2) {
    if (m % rows != 0)
      continue;
    FailureOr<CubeBlockings> blockings = matmulStrategy(
        matmul, target, BlockingNeeds{rows, {}, n, /*itemIsOneBlock=*/false, /*panel=*/true});
    if (failed(blockings) || blockings->atBound.getM() != rows)
      continue;
    uint64_t slots = uint64_t(m / rows);
    // Fewer slots than the unpaired matmul's busy cube cores leave cores idle.
    Distribution unpaired(m, {n}, Blocking::of(unpairedBlocking));
    if (!pairAlways && slots < uint64_t(std::min<int64_t>(unpaired.items(), target.cubeCores)))
      continue;
    // One slot per cluster overlaps nothing: its AIC waits for the whole slot.
    uint64_t rings = std::min<uint64_t>(uint64_t(target.clusters), slots);
    if (!pairAlways && slots < 2 * rings)
      continue;
    int64_t depth = gmRingDepth(rings, uint64_t(rows) * uint64_t(k) * elementBytes, target);
    if (depth < 2)
      continue;
    FailureOr<ScopeStrategy> vector =
        chooseScopeStrategy(producer, module, target, ChunkingNeeds{rows / 2});
    auto chunking = succeeded(vector) ? dyn_cast<ascend::ChunkingAttr>(vector->attr) : nullptr;
    if (!chunking)
      continue;
    // The AIC starts once its first slot is full and ends a slot after the
    // AIVs' last: the longer side plus one slot of the other.
    double perCluster = double(llvm::divideCeil(slots, rings));
    double cycles = std::max(blockings->coreCycles + vector->cycles / perCluster,
                             vector->cycles + blockings->coreCycles / perCluster);
    if (!best || cycles <= bestCycles) {
      best = LhsPairing{ascend::V2cRingAttr::get(context, rows, k, depth), blockings->atBound,
                        producer, chunking};
      bestCycles = cycles;
    }
  }
  if (!best || (!pairAlways && !pairingPays(matmul, producer, bestCycles, estimates)))
    return std::nullopt;
  return best;
}
