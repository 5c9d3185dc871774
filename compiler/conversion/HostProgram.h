//===- HostProgram.h - the kernel as an ascend host program -------*- C++ -*-===//
//
// convert-tile-to-ascend lowers a tile.kernel's body in place; the ops it
// creates see the kernel's global tensors as `!ascend.gm` through casts made
// by hostGlobal. closeHostPrograms then finishes the stage with a dialect
// conversion: each lowered tile.kernel becomes an ascend.kernel, so the
// ascend-stage IR holds no tile op and no tile type.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_HOSTPROGRAM_H
#define TILEC_COMPILER_CONVERSION_HOSTPROGRAM_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace tilec::conversion {

/// `global` as the host program sees it: a `!tile.gm` value (a kernel
/// parameter or a tile.alloc_gm) through one `!ascend.gm` cast placed right
/// after it, made on first use (notifying `listener`); an `!ascend.gm` value
/// as it is.
mlir::Value hostGlobal(mlir::Value global, mlir::OpBuilder::Listener *listener = nullptr);

/// The tile value a hostGlobal cast views, or `global` itself.
mlir::Value tileGlobalOf(mlir::Value global);

/// Every lowered tile.kernel of `module` as an ascend.kernel: parameters
/// `!ascend.gm` (outputs marked `ascend.out`), tile.alloc_gm as
/// ascend.alloc_gm, tile.return as ascend.return, the casts of hostGlobal
/// gone. Fails, with an error at the op, on a tile op the lowering left.
mlir::LogicalResult closeHostPrograms(mlir::ModuleOp module);

} // namespace tilec::conversion

#endif
