//===- RowFusion.h - which tile ops can run row chunk by row chunk -*- C++ -*-===//
//
// A row-wise op computes each row of its result from the same row of its
// operands, from operands that are the same for every row (a [1, C] row,
// a scalar), or from the operand rows a numpy broadcast maps it to. A chain
// of row-wise ops over R token rows can therefore run in chunks of rows with
// every intermediate on chip: the fusion pass groups such chains into vector
// scopes, and the lowering turns each scope into one task.
// Both use these predicates, so they agree on what fuses.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_TRANSFORMS_ROWFUSION_H
#define TILEC_COMPILER_TRANSFORMS_ROWFUSION_H

#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

#include <optional>

namespace tilec::rowfusion {

/// Rows of a tensor seen as a matrix: the product of all but the last dim
/// (1 for a rank-1 tensor).
int64_t rowsOf(mlir::Value tensor);

/// The token rows of `op` if it is row-wise: every tensor it reads or makes
/// has those rows or a single row, except the operands of a binary op or a
/// broadcast, which broadcast numpy-style to any rows (a chunk reads the rows
/// its broadcast maps to). Slices and inserts qualify when they keep all rows,
/// their offsets are constants and their first column starts a 32-byte block;
/// reshapes when they keep the matrix shape.
std::optional<int64_t> rowWiseRows(mlir::Operation *op);

/// The first column of a slice or insert window with a constant column
/// offset that does not start a 32-byte block: the fused lowering moves a
/// window with a UB TEXTRACT/TINSERT, which a2a3 runs on whole blocks.
std::optional<int64_t> misalignedWindowColumn(mlir::Operation *op);

/// Whether `insert` writes one column at a run-time column (`t[:, i : i + 1] = c`
/// at a loop index), every row. A loop that runs on chip may hold one: the
/// fusion spells it as a select at that column (FuseRows.cpp), since a UB
/// window cannot start at any column.
bool isColumnUpdate(tile::InsertOp insert);

/// Whether an op nested in `op` loads from a global tensor that one stores into.
bool loadsWhatItStores(mlir::Operation *op);

/// The token rows of a loop that runs inside a fused task, each chunk of
/// token rows going through every iteration on chip: every op of its body is
/// row-wise over those rows or one row, a constant, integer index arithmetic,
/// such a loop, an update of one column (isColumnUpdate), or a load or store
/// of a global tensor from outside the loop that keeps every row (its column
/// offset may be any index, e.g. the loop variable's); it carries tensors only, yields no other carried tensor in
/// one's place, and loads from no global tensor it stores into. A parallel
/// loop that carries nothing is not one: ascend-fold-parallel-loops makes its
/// launches one across the cores.
std::optional<int64_t> rowWiseLoopRows(mlir::scf::ForOp loop);

/// The token rows of a vector scope that runs in row chunks: all its ops are
/// row-wise over the same rows (or loops that are, rowWiseLoopRows), and
/// every value it yields has those rows.
std::optional<int64_t> fusedScopeRows(tile::ScopeOp scope);

/// The constant value of an index operand, if it is one.
std::optional<int64_t> constantIndex(mlir::Value value);

} // namespace tilec::rowfusion

#endif
