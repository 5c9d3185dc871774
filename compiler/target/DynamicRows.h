//===- DynamicRows.h - which tiles are declared with DYNAMIC valid rows -*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_DYNAMICROWS_H
#define TILEC_COMPILER_TARGET_DYNAMICROWS_H

#include "dialects/Ascend/AscendOps.h"

#include "llvm/ADT/DenseSet.h"

namespace tilec::target {

/// The tiles declared with DYNAMIC valid rows: those whose valid rows vary
/// (ascend.set_valid_rows), and, as pto-isa's instructions take their tile
/// operands of one type (TADD's three, say), every tile of the same type an
/// instruction uses with one of them (declared with all its rows valid).
llvm::DenseSet<mlir::Operation *> dynamicRowTiles(ascend::TaskOp task);

} // namespace tilec::target

#endif
