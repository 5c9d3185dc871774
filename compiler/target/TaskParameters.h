//===- TaskParameters.h - a task's kernel parameters and launch entry -*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_TASKPARAMETERS_H
#define TILEC_COMPILER_TARGET_TASKPARAMETERS_H

#include "dialects/Ascend/AscendOps.h"

#include <string>

namespace tilec::target {

/// The kernel's parameters: the GM tensor and ring arguments, then the scalar
/// ones, each in argument order (the order of the launch ABI's gm[] and
/// scalars[]).
llvm::SmallVector<mlir::BlockArgument> kernelParameters(ascend::TaskOp task);

/// A GM ring's slots as the global tensor of all of them, one after the other.
ascend::GlobalTensorType ringSlotsTensor(ascend::RingType ring);

/// `__gm__ T *` for a GM tensor or ring argument, the scalar's C++ type
/// otherwise.
mlir::FailureOr<std::string> kernelParameterType(ascend::TaskOp task, mlir::Type type);

} // namespace tilec::target

#endif
