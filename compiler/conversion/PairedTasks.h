//===- PairedTasks.h - a matmul and its vector consumer as one mixed launch -*- C++ -*-===//
//
// A matmul with `ascend.pairing` (tile-select-strategy, StrategyPairing.cpp)
// is not lowered where it stands: it allocates its ring and records what its
// cube side needs; the fused scope reading its product then builds both
// sides and launches them together (PairedTasks.cpp, docs/design.md "Cube →
// vector pairing"). The other way, a matmul with `ascend.lhs_pairing` is
// built by the fused scope computing its A, and the scope's task pushes A
// into the ring ("Vector → cube pairing").
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_PAIREDTASKS_H
#define TILEC_COMPILER_CONVERSION_PAIREDTASKS_H

#include "compiler/conversion/TaskLowering.h"

#include <string>

namespace tilec::conversion {

/// The cube side of a mixed launch, recorded at its matmul.
struct PairedMatmul {
  GmLocation lhs, rhs;
  ascend::BlockingAttr blocking;
  bool transposeB = false;
  mlir::Value ring;       ///< the host's `ascend.alloc_ring`
  std::string name;       ///< the cube task's symbol name
  mlir::LocationAttr loc; ///< the matmul's
  /// With run-time token rows, the host value of the product's rows present
  /// at launch (TaskContext::tokenRows): the last slot may be partial.
  mlir::Value tokenRows;
};

/// What a consumer reads of a paired product: all of its rows, from column
/// `column` (a host index) on, as many columns as a slot has.
struct PairedRead {
  mlir::Value product;
  mlir::Value column;
};

/// The mixed launch of `matmul`'s cube side and the fused scope `scope`
/// (its AIV side), which reads `read` of the product: the cube task pushes
/// the slots of the product's columns from `read.column` on, the scope's
/// task pops them (lowerFusedScope's other arguments).
mlir::LogicalResult lowerPairedScope(tile::ScopeOp scope, ascend::ChunkingAttr chunking,
                                     llvm::function_ref<const GmLocation &(mlir::Value)> locationOf,
                                     llvm::ArrayRef<GmLocation> results, TaskContext &context,
                                     const PairedMatmul &matmul, mlir::Value read,
                                     const GmLocation &rhsWindow);

/// A matmul whose A the scope being lowered computes (`ascend.lhs_pairing`):
/// what the cube side of their mixed launch needs.
struct LhsPairedMatmul {
  unsigned result;                 ///< the scope's result that is A
  GmLocation rhs, product;
  ascend::BlockingAttr blocking;
  bool transposeB = false;
  mlir::Value ring;       ///< the host's `ascend.alloc_ring` (direction = v2c)
  std::string name;       ///< the cube task's symbol name
  mlir::LocationAttr loc; ///< the matmul's
};

/// The mixed launch of the fused scope `scope` (its AIV side, pushing its
/// result `matmul.result` into the ring instead of storing it) and
/// `matmul`'s cube side, which pops each slot as the A panel of a row block
/// and multiplies it by all of B (lowerFusedScope's other arguments; the
/// entry of `results` for A is not read).
mlir::LogicalResult lowerLhsPairedScope(tile::ScopeOp scope, ascend::ChunkingAttr chunking,
                                        llvm::function_ref<const GmLocation &(mlir::Value)> locationOf,
                                        llvm::ArrayRef<GmLocation> results, TaskContext &context,
                                        const LhsPairedMatmul &matmul);

} // namespace tilec::conversion

#endif
