//===- KernelConversion.h - the tile → ascend conversion patterns -*- C++ -*-===//
//
// convert-tile-to-ascend is a dialect conversion of one kernel at a time:
// the tile ops that compute or move tensors are illegal, and one family of
// patterns per file lowers them (MovePatterns, ElementwisePatterns,
// ReductionPatterns, CastPatterns, CubePatterns, ScopePatterns,
// LoopPatterns). The vector families match by the op kinds declared in ODS
// (TileOpKinds.td); an op no family matches stays illegal, and the driver
// reports it at the op. The driver visits ops in program order, so
// every op finds its operands' places (GmPlaces) already set and the host
// program is built in the order of the kernel.
//
// A tensor has no single value in the ascend program but a window of a
// buffer, kept in GmPlaces under the tile value. A lowered op's results are
// replaced by placeholders (result-less casts of the tensor type) that the
// cleanup after the conversion erases with the loops' tensor arguments.
//
// Errors are the lowering's own located messages: the first one marks the
// conversion failed, after which every op is legal and no pattern runs, so
// the driver adds no "failed to legalize" error of its own.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_KERNELCONVERSION_H
#define TILEC_COMPILER_CONVERSION_KERNELCONVERSION_H

#include "compiler/conversion/GmPlaces.h"
#include "compiler/conversion/PairedTasks.h"

#include "llvm/ADT/DenseSet.h"
#include "mlir/Transforms/DialectConversion.h"

namespace tilec::conversion {

/// The state the patterns of one kernel's conversion share.
struct KernelConversion {
  KernelConversion(tile::KernelOp kernel, mlir::ModuleOp module,
                   const target::TargetDescription &target)
      : places(kernel, module, target) {}

  GmPlaces places;
  /// Set by the first lowering that fails (after its located error).
  bool errorReported = false;
  /// Loops whose carried tensors have places.
  llvm::DenseSet<mlir::Operation *> placedLoops;
  /// Yields whose carried tensors are still to be copied back.
  llvm::DenseSet<mlir::Operation *> pendingYields;
  /// The paired matmuls lowered so far, by product: their consumer's scope
  /// launches them (PairedTasks.h).
  llvm::DenseMap<mlir::Value, PairedMatmul> pairedMatmuls;
  /// The values that hold a paired product, which has no place in GM: the
  /// product and the slices of it its consumer reads.
  llvm::DenseMap<mlir::Value, PairedRead> pairedReads;

  /// Where `op` (an insert, or a loop for its carried tensor `index`)
  /// updates `value`: its place itself when its placement says in place,
  /// else a scratch copy made in the chunks `chunking` gives (the old value
  /// stays visible); an error when in place would overwrite a value still
  /// read or a kernel tensor.
  mlir::FailureOr<GmLocation> updatedPlace(mlir::Operation *op, unsigned index,
                                           mlir::Value value, ascend::ChunkingAttr chunking);
};

/// Replaces the results of lowered `op` by placeholders of their types
/// (erases `op` when it has none).
void replaceByPlaceholders(mlir::Operation *op, mlir::ConversionPatternRewriter &rewriter);

/// A pattern of the conversion of one kernel, sharing its state.
template <typename OpT>
class KernelPattern : public mlir::OpConversionPattern<OpT> {
public:
  KernelPattern(KernelConversion &state, mlir::MLIRContext *context,
                mlir::PatternBenefit benefit = 1)
      : mlir::OpConversionPattern<OpT>(context, benefit), state(state) {}

protected:
  KernelConversion &state;
};

/// Lowers tile op `op`, which computes or moves tensors: `lower` builds its
/// tasks before it and sets its results' places; the op is then replaced by
/// placeholders (erased when it has no results). After an earlier error, or
/// after `lower`'s own located error, it marks the conversion failed.
mlir::LogicalResult lowerTileOp(mlir::Operation *op, KernelConversion &state,
                                mlir::ConversionPatternRewriter &rewriter,
                                llvm::function_ref<mlir::LogicalResult(GmPlaces &)> lower);

/// A pattern lowering one tile op of class `OpT` with `lower` (lowerTileOp).
template <typename OpT>
class TileLowering : public KernelPattern<OpT> {
public:
  using KernelPattern<OpT>::KernelPattern;

  mlir::LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  mlir::ConversionPatternRewriter &rewriter) const final {
    return lowerTileOp(op, this->state, rewriter,
                       [&](GmPlaces &places) { return lower(op, places); });
  }

protected:
  virtual mlir::LogicalResult lower(OpT op, GmPlaces &places) const = 0;
};

/// A pattern of the conversion of one kernel that matches ops by kind:
/// `Base` is an mlir::OpTraitConversionPattern or
/// mlir::OpInterfaceConversionPattern of a kind from TileOpKinds.td.
template <typename Base>
class KindPattern : public Base {
public:
  KindPattern(KernelConversion &state, mlir::MLIRContext *context)
      : Base(context), state(state) {}

protected:
  KernelConversion &state;
};

/// The vector task computing the one result of `op` (VectorTasks.cpp) in the
/// chunks its `ascend.strategy` gives: the tensors it reads (operandsRead)
/// at their places, scalars passed to the task.
mlir::LogicalResult lowerToVectorTask(mlir::Operation *op, GmPlaces &places);

/// A pattern lowering each tile op of class `OpT` as one vector task.
template <typename OpT>
class VectorTaskLowering : public TileLowering<OpT> {
public:
  using TileLowering<OpT>::TileLowering;

protected:
  mlir::LogicalResult lower(OpT op, GmPlaces &places) const override {
    return lowerToVectorTask(op, places);
  }
};

/// Whether tile-form-tasks made `op` one task (`ascend.task`) on the cores
/// `core` its lowering builds a task for; a located error if not.
mlir::LogicalResult checkTask(mlir::Operation *op, ascend::CoreType core);

/// The task on `core` computing the one result of `op`: checks that `op` is
/// one (checkTask), places the result (as its placement says), names the
/// task after `op` and lets `build` make it there.
mlir::LogicalResult
lowerToTask(mlir::Operation *op, ascend::CoreType core, GmPlaces &places,
            llvm::function_ref<mlir::LogicalResult(const GmLocation &, TaskContext &)> build);

void populateMovePatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateElementwisePatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateReductionPatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateCastPatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateSelectionPatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateCubePatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateScopePatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);
void populateLoopPatterns(mlir::RewritePatternSet &patterns, KernelConversion &state);

} // namespace tilec::conversion

#endif
