//===- Strategy.h - the tiling decisions of the tile → ascend lowering -*- C++ -*-===//
//
// tile-select-strategy (SelectStrategy.cpp) decides how every tile op and
// scope is tiled and writes it as `ascend.strategy`: a #ascend.chunking for
// vector work (StrategyVector.cpp), #ascend.chunking or #ascend.inline for a
// scope (StrategyFused.cpp), a #ascend.blocking for a matmul
// (StrategyCube.cpp), and `ascend.copies` for the copy tasks an op needs
// (StrategyCopies.cpp). Every cost model and capacity check lives there, with
// figures only from the target description; convert-tile-to-ascend reads the
// attributes (strategyOf, copyStrategyOf) and builds what they say.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_STRATEGY_H
#define TILEC_COMPILER_CONVERSION_STRATEGY_H

#include "compiler/conversion/GmLocation.h"
#include "dialects/Ascend/AscendOps.h"
#include "base/TargetDescription.h"
#include "dialects/Tile/TileOps.h"

#include "llvm/ADT/DenseMap.h"

namespace tilec::conversion {

class RuntimeRows;

/// The strategy (`ascend.strategy`) of `op`, or a located error when it has
/// none of that kind.
template <typename AttrT>
mlir::FailureOr<AttrT> strategyOf(mlir::Operation *op) {
  ascend::AscendDialect::StrategyAttrHelper strategy(op->getContext());
  if (auto chosen = llvm::dyn_cast_or_null<AttrT>(strategy.getAttr(op)))
    return chosen;
  return op->emitOpError("has no ") << AttrT::getMnemonic() << " strategy (`"
                                    << strategy.getNameStr()
                                    << "`): run tile-select-strategy first";
}

/// Chunks a vector op's result walks in (its source's, for a reduction):
/// they fit UB and give every vector core work; an error at `op` when not
/// even one row (or, for a column reduction, one column) fits.
mlir::FailureOr<ascend::ChunkingAttr> chooseVectorChunking(mlir::Operation *op,
                                                           const target::TargetDescription &target);

/// The UB bytes one row of a column reduction's chunk takes when the chunk is
/// one column wide (chooseVectorChunking's live set): UB holds the rows of
/// its capacity / this; tile-split-col-reductions splits taller reductions.
uint64_t columnReductionRowBytes(const target::TargetDescription &target);

/// The chunking of copy number `index` of `op` (its `ascend.copies`, in the
/// order StrategyCopies.cpp says), or a located error.
inline mlir::FailureOr<ascend::ChunkingAttr> copyStrategyOf(mlir::Operation *op, unsigned index) {
  ascend::AscendDialect::CopiesAttrHelper copies(op->getContext());
  mlir::ArrayAttr chosen = copies.getAttr(op);
  if (chosen && index < chosen.size())
    if (auto chunking = llvm::dyn_cast<ascend::ChunkingAttr>(chosen[index]))
      return chunking;
  return op->emitOpError("has no chunking for its copy #")
         << index << " (`" << copies.getNameStr() << "`): run tile-select-strategy first";
}

/// The chunkings of the copies `op` may need, in the order copyStrategyOf
/// numbers them; none for an op that never copies.
llvm::SmallVector<ascend::ChunkingAttr> chooseCopies(mlir::Operation *op,
                                                     const target::TargetDescription &target);

/// Output rows per chunk of the re-interleave of two [rows, pairs] values.
ascend::ChunkingAttr chooseInterleaveChunking(mlir::MLIRContext *context, int64_t rows,
                                              int64_t pairs, mlir::Type element,
                                              const target::TargetDescription &target);

/// Source blocks of the transpose of a [rows, cols] value: the block, its
/// transpose and TTRANS's scratch fit half of UB.
ascend::ChunkingAttr chooseTransposeChunking(mlir::MLIRContext *context, int64_t rows,
                                             int64_t cols, mlir::Type element,
                                             const target::TargetDescription &target);

/// What a fused scope's chunking must allow beyond fitting UB.
struct ChunkingNeeds {
  /// Rows of a work item (two chunks when double buffered) divide this (a
  /// paired ring's half slot); 0: any.
  int64_t itemRowsDivide = 0;
  /// A ring in UB: a work item is one chunk of all of itemRowsDivide (the
  /// half slot the AIV pops), the ring's `reservedUb` bytes come first in
  /// UB, and `popped` (what the scope reads of the product) arrives in UB
  /// without a load.
  bool itemIsHalfSlot = false;
  int64_t reservedUb = 0;
  mlir::Value popped = {};
};

/// A scope's strategy: #ascend.chunking when it becomes one fused task,
/// with the estimated cycles of its busiest vector core, or #ascend.inline
/// when each of its ops is lowered alone (no estimate).
struct ScopeStrategy {
  mlir::Attribute attr;
  double cycles = 0;
};
mlir::FailureOr<ScopeStrategy> chooseScopeStrategy(tile::ScopeOp scope, mlir::ModuleOp module,
                                                   const target::TargetDescription &target,
                                                   const ChunkingNeeds &needs = {});

/// A matmul's blocking and, with run-time rows, the one for launches with
/// few rows present (null: the same), with the estimated cycles of their
/// busiest cube core at the bound and (with run-time rows) on one row block.
struct CubeBlockings {
  ascend::BlockingAttr atBound;
  ascend::FewRowsAttr fewRows;
  double coreCycles = 0, fewRowsCoreCycles = 0;
};

/// What a matmul's caller asks of its blocking beyond fitting the target.
struct BlockingNeeds {
  /// Row blocks are a multiple of this: when none can be, failure without a
  /// diagnostic.
  int64_t rowMultiple = 1;
  /// N of each matmul joined in one task (summing to N): no block straddles
  /// two; when none fits, failure without a diagnostic.
  llvm::ArrayRef<int64_t> parts = {};
  /// Columns of every work item (a paired ring's slot): N blocks divide it
  /// and an item is all of them; 0 leaves the item length to the estimate.
  int64_t itemCols = 0;
  /// With itemCols, an item is one N block of all of them (a slot in UB is
  /// one accumulator), wider than the target's usual widest block if L0
  /// holds it.
  bool itemIsOneBlock = false;
  /// A's panel stays in L1 for the whole item (an A popped from a ring).
  bool panel = false;
};

/// The blocking of `lhs × rhs` (matrices, as the cube sees them) into `acc`
/// with at most `buffers` L1 chunk buffers (1: one of every buffer); with `runtimeRows`,
/// `lhs.rows` is a run-time dim's bound, and a few of them may take another.
mlir::FailureOr<CubeBlockings> chooseBlocking(mlir::Location loc, MatrixShape lhs,
                                              MatrixShape rhs, mlir::Type operand,
                                              mlir::Type acc, int64_t buffers, bool runtimeRows,
                                              const target::TargetDescription &target,
                                              const BlockingNeeds &needs = {});

/// The blockings of `matmul` (tile-select-strategy's `ascend.strategy` and,
/// with run-time rows and no accumulator, `ascend.few_rows`) with `needs`
/// (as chooseBlocking).
mlir::FailureOr<CubeBlockings> matmulStrategy(tile::MatmulOp matmul,
                                              const target::TargetDescription &target,
                                              const BlockingNeeds &needs = {});

/// The estimated cycles of the busiest core of each matmul (at the bound)
/// and fused scope whose strategy tile-select-strategy chose, kept for the
/// decisions that weigh them afterwards.
using CoreEstimates = llvm::DenseMap<mlir::Operation *, double>;

/// The ring through which `matmul` (its `ascend.strategy` chosen) runs
/// paired with the one fused vector scope that reads its product in whole
/// rows (StrategyPairing.cpp); nothing when it does not pair: when its
/// slots would idle cube cores (with rows of a run-time dim, `runtimeRows`,
/// at one row block as well) or the paired launch is estimated slower than
/// the two apart (their `estimates`). With `pairAlways` it need not pay (a
/// test of the paired lowering).
struct Pairing {
  ascend::C2vRingAttr ring;
  ascend::BlockingAttr blocking; ///< the matmul's, its rows a whole slot's
  tile::ScopeOp consumer;        ///< the fused scope that reads the product
  ascend::ChunkingAttr chunking; ///< the consumer's, whole work items per half slot
};
std::optional<Pairing> choosePairing(tile::MatmulOp matmul,
                                     const target::TargetDescription &target,
                                     const RuntimeRows &runtimeRows,
                                     const CoreEstimates &estimates, bool pairAlways = false);

/// A matmul paired with the fused scope that computes its A: the AIVs push
/// A's row blocks into a ring of GM slots (StrategyLhsPairing.cpp).
struct LhsPairing {
  ascend::V2cRingAttr ring;
  ascend::BlockingAttr blocking; ///< the matmul's: a slot's row block per item, A's panel
  tile::ScopeOp producer;        ///< the fused scope that computes A
  ascend::ChunkingAttr chunking; ///< the producer's, whole work items per half slot
};
std::optional<LhsPairing> chooseLhsPairing(tile::MatmulOp matmul,
                                           const target::TargetDescription &target,
                                           const RuntimeRows &runtimeRows,
                                           const CoreEstimates &estimates,
                                           bool pairAlways = false);

/// Joins matmuls of the same A into the launch of the first where that is
/// estimated faster (StrategyJoin.cpp): their strategies chosen, the
/// joined ones move right after it and get `ascend.joined`.
void joinMatmuls(tile::KernelOp kernel, const target::TargetDescription &target);

} // namespace tilec::conversion

#endif
