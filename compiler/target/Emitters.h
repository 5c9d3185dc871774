//===- Emitters.h - the per-function printers of EmitCpp ----------*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_EMITTERS_H
#define TILEC_COMPILER_TARGET_EMITTERS_H

#include "compiler/target/SourceNames.h"

#include "mlir/Support/IndentedOstream.h"

namespace tilec::target {

/// Prints `__global__ __aicore__ void <name>(…)`, the AI Core kernel of one
/// planned, synchronised task.
mlir::LogicalResult emitTask(ascend::TaskOp task, const SourceNames &sourceNames,
                             mlir::raw_indented_ostream &os);

/// Prints `extern "C" void tilec_task_<name>(…)`, the launch-ABI entry that
/// binds the core and calls the task's kernel (runtime/isa/LaunchAbi.h).
mlir::LogicalResult emitTaskTrampoline(ascend::TaskOp task, mlir::raw_indented_ostream &os);

/// Prints `extern "C" void tilec_kernel_<name>(…)`, the host program of a kernel.
mlir::LogicalResult emitHostProgram(ascend::KernelOp kernel, const SourceNames &sourceNames,
                                    mlir::raw_indented_ostream &os);

/// Prints `head item, item, … tail`, continuing on lines aligned under the
/// first item when a line would get too long. `head` ends with the opening
/// delimiter and `tail` starts with the closing one.
void printList(mlir::raw_indented_ostream &os, llvm::StringRef head,
               llvm::ArrayRef<std::string> items, llvm::StringRef tail);

} // namespace tilec::target

#endif
