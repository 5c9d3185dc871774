//===- PairedTasks.cpp - a matmul and its vector consumer as one mixed launch -===//
//
// The cube side is the matmul of A by the window of B whose columns the
// consumer reads (one column group of slots), in row blocks: a work item is
// one slot, its N blocks pushed into the ring at their columns (CubeTasks.cpp
// with the blocking's segment made the slot's columns). The vector side is
// the fused scope's task (FusedTasks.cpp) with the same work items: each AIV
// pops its row half of the slot, runs its chunks reading the product from
// the popped view, and frees it. Both go round the clusters block-cyclically,
// so cluster b's AIC and AIVs meet on the same slots in the same order. Both
// tasks take the same arguments, as `ascend.launch_mixed` requires; in a
// parallel loop over the column groups (the flagship's heads) the launches
// fold into one (FoldParallelLoops.cpp). With run-time token rows both
// sides go over the slots of the rows present, a count the host computes
// once for both; the last slot may be partial: the AIC loads A's rows present
// and pushes the whole block, and each AIV runs the chunks of the rows present
// in its half (none, in the second half of a short slot) but pops and frees
// every slot, so the ring's flags stay in step.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/PairedTasks.h"
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/FusedScope.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

/// Finishes the two sides of a pair, each with the other's arguments too,
/// and launches them together where the scope stands, a cluster per slot
/// up to every cluster; returns the cube task.
static ascend::TaskOp launchPair(TaskBuilder &cube, StringRef cubeName, TaskBuilder &vector,
                                 tile::ScopeOp scope, ascend::ChunkingAttr chunking,
                                 TaskContext &context, int64_t slots) {
  cube.addArguments(vector.hostArgs());
  ascend::TaskOp cubeTask = cube.finishTask(context.module, cubeName, context.host);
  ascend::TaskOp vectorTask = vector.finishTask(context.module, context.name, context.host);
  annotateFusedTask(scope, vectorTask, chunking);
  ascend::LaunchMixedOp::create(context.host, scope.getLoc(), cubeTask.getSymName(),
                                vectorTask.getSymName(), cube.hostArgs(),
                                uint64_t(std::min<int64_t>(slots, context.target.clusters)));
  return cubeTask;
}

LogicalResult tilec::conversion::lowerPairedScope(
    tile::ScopeOp scope, ascend::ChunkingAttr chunking,
    function_ref<const GmLocation &(Value)> locationOf, ArrayRef<GmLocation> results,
    TaskContext &context, const PairedMatmul &matmul, Value read, const GmLocation &rhsWindow) {
  MLIRContext *ctx = scope.getContext();
  auto ring = cast<ascend::RingType>(matmul.ring.getType());
  int64_t rows = *rowfusion::fusedScopeRows(scope);
  FusedScope fused(scope, rows, locationOf, context);
  int64_t chunkRows = chunking.getRows() * (chunking.getDoubleBuffered() ? 2 : 1);
  // tile-select-strategy pairs only such scopes; a hand-written pairing may differ.
  if (ring.getRows() % 2 != 0 || (ring.getRows() / 2) % chunkRows != 0 ||
      fused.rowBlock % chunking.getRows() != 0 || rows % ring.getRows() != 0 ||
      rowfusion::rowsOf(read) != rows)
    return scope.emitOpError("strategy ")
           << chunking << " does not tile the " << ring.getRows() / 2
           << "-row halves of its ring's slots in work items, or its " << rows
           << " token rows in slots";
  // A slot in UB is one accumulator block, each AIV's half one chunk.
  if (ring.inUb() && (chunkRows != ring.getRows() / 2 || context.tokenRows))
    return scope.emitOpError("strategy ")
           << chunking << " does not make each AIV's half of a slot in UB ("
           << ring.getRows() / 2 << " rows) one chunk of static token rows";
  Blocking block = Blocking::of(matmul.blocking);
  if (ring.inUb() && block.n != ring.getCols())
    return scope.emitOpError("reads ")
           << ring.getCols() << " columns of a product paired through UB in " << block.n
           << "-column blocks: a slot in UB is one whole block";
  if (ring.getCols() % block.n != 0)
    return scope.emitOpError("reads ")
           << ring.getCols() << " columns of a paired product in " << block.n
           << "-column blocks: a slot holds whole blocks";
  // A work item of the cube task is one slot: its row block's N blocks.
  block.length = ring.getCols() / block.n;

  TaskBuilder cube(ctx, matmul.loc, ascend::CoreType::aic);
  TaskContext cubeContext{context.module, context.host, context.entry, context.target,
                          matmul.name, matmul.tokenRows};
  FailureOr<int64_t> slots =
      buildMatmul(cube, matmul.loc, matmul.lhs, MatmulPart{rhsWindow, /*result=*/std::nullopt},
                  cube.addScalar(matmul.ring), block.toAttr(ctx), matmul.transposeB, cubeContext);
  if (failed(slots))
    return failure();

  TaskBuilder vector(ctx, scope.getLoc(), ascend::CoreType::aiv);
  vector.addArguments(cube.hostArgs());
  vector.setTokenRows(context.tokenRows);
  FusedScope::RingRead ringRead{read, vector.addScalar(matmul.ring), ring.getRows(), *slots,
                                cube.hostRowItems()};
  if (failed(fused.build(vector, chunking, results, &ringRead)))
    return failure();
  launchPair(cube, matmul.name, vector, scope, chunking, context, *slots);
  return success();
}

// The other way (vector -> cube): the vector side is the fused scope's task,
// its work items the ring's slots, each AIV computing its row half of the
// slot's row block and pushing every chunk of A (FusedScope::RingWrite); the
// cube side pops each slot as the A panel of a work item that is the whole
// row block, all of B's columns (CubeTasks.cpp). Static token rows: every
// slot is full.
LogicalResult tilec::conversion::lowerLhsPairedScope(
    tile::ScopeOp scope, ascend::ChunkingAttr chunking,
    function_ref<const GmLocation &(Value)> locationOf, ArrayRef<GmLocation> results,
    TaskContext &context, const LhsPairedMatmul &matmul) {
  MLIRContext *ctx = scope.getContext();
  auto ring = cast<ascend::RingType>(matmul.ring.getType());
  int64_t rows = *rowfusion::fusedScopeRows(scope);
  FusedScope fused(scope, rows, locationOf, context);
  int64_t chunkRows = chunking.getRows() * (chunking.getDoubleBuffered() ? 2 : 1);
  // tile-select-strategy pairs only such scopes; a hand-written pairing may differ.
  if ((ring.getRows() / 2) % chunkRows != 0 || fused.rowBlock % chunking.getRows() != 0 ||
      rows % ring.getRows() != 0 || context.tokenRows)
    return scope.emitOpError("strategy ")
           << chunking << " does not tile the " << ring.getRows() / 2
           << "-row halves of the slots it pushes in work items, or its " << rows
           << " token rows (static) in slots";

  TaskBuilder cube(ctx, matmul.loc, ascend::CoreType::aic);
  TaskContext cubeContext{context.module, context.host, context.entry, context.target,
                          matmul.name};
  GmLocation lhs;
  lhs.shape = MatrixShape{rows, ring.getCols()};
  FailureOr<int64_t> slots =
      buildMatmul(cube, matmul.loc, lhs, MatmulPart{matmul.rhs, matmul.product},
                  cube.addScalar(matmul.ring), matmul.blocking, matmul.transposeB, cubeContext);
  if (failed(slots))
    return failure();

  TaskBuilder vector(ctx, scope.getLoc(), ascend::CoreType::aiv);
  vector.addArguments(cube.hostArgs());
  FusedScope::RingWrite ringWrite{matmul.result, vector.addScalar(matmul.ring), ring.getRows(),
                                  *slots};
  if (failed(fused.build(vector, chunking, results, /*ringRead=*/nullptr, &ringWrite)))
    return failure();
  // What the cube task was built for, as lowerMatmul records it (reports).
  ascend::AscendDialect::StrategyAttrHelper(ctx).setAttr(
      launchPair(cube, matmul.name, vector, scope, chunking, context, *slots), matmul.blocking);
  return success();
}
