//===- VectorInstructions.h - which vector instruction a tile op is -*- C++ -*-===//
//
// The pattern table of the vector lowering: for each tile op of a kind the
// ChunkEmitter lowers generically (binary and unary math, reductions), the
// ascend instructions that compute it. A new op of such a kind needs one
// entry here and nothing else in the lowering (docs/adding-an-op.md).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_VECTORINSTRUCTIONS_H
#define TILEC_COMPILER_CONVERSION_VECTORINSTRUCTIONS_H

#include "dialects/Tile/TileOps.h"
#include "mlir/IR/Builders.h"

#include <optional>

namespace tilec::conversion {

/// Creates `dst = f(lhs, rhs)`.
using BinaryInstruction = void (*)(mlir::OpBuilder &, mlir::Location, mlir::Value dst,
                                   mlir::Value lhs, mlir::Value rhs);
/// Creates `dst = f(src)`.
using UnaryInstruction = void (*)(mlir::OpBuilder &, mlir::Location, mlir::Value dst,
                                  mlir::Value src);
/// Creates `dst = reduce(src)` with a scratch tile `tmp` (base/RowReduceTmp.h).
using RowReductionInstruction = void (*)(mlir::OpBuilder &, mlir::Location, mlir::Value dst,
                                         mlir::Value src, mlir::Value tmp);

/// The forms of one binary op: on two tiles of one shape, on a tile and a
/// per-row [R, 1] block or a per-column [1, C] row (null when the op has no
/// such form: the operand is expanded first), on a tile and a scalar.
struct BinaryInstructions {
  BinaryInstruction full, rowExpand, colExpand, scalar;
};

/// The forms of a binary-math op; none for other ops.
std::optional<BinaryInstructions> binaryInstructionsOf(mlir::Operation *op);

/// The instruction of a unary-math op; null for other ops.
UnaryInstruction unaryInstructionOf(mlir::Operation *op);

/// The instructions reducing each row and each column with one combiner.
struct ReductionInstructions {
  RowReductionInstruction row;
  UnaryInstruction col;
};
ReductionInstructions reductionInstructionsOf(tile::Combiner combiner);

} // namespace tilec::conversion

#endif
