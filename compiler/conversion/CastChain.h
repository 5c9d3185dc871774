//===- CastChain.h - conversions as legal TCVT steps ------------*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_CASTCHAIN_H
#define TILEC_COMPILER_CONVERSION_CASTCHAIN_H

#include "dialects/Ascend/Target/TargetDescription.h"

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"

#include <optional>

namespace tilec::conversion {

/// The runtime element type of an MLIR element type, if kernels may use it.
std::optional<DType> dtypeOf(mlir::Type type);

/// The element types after each TCVT of the shortest chain of conversions the
/// target can do that turns `from` into `to` and rounds at most once (e.g.
/// f32 → i8 on a2a3 is i32, f16, i8: f32 → f16 → i8 would round twice);
/// empty when from == to; failure when no chain exists.
mlir::FailureOr<llvm::SmallVector<mlir::Type>>
findCastChain(mlir::Type from, mlir::Type to, const target::TargetDescription &target);

} // namespace tilec::conversion

#endif
