//===- EmitCpp.h - ascend modules as C++ --------------------------*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_EMITCPP_H
#define TILEC_COMPILER_TARGET_EMITCPP_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::target {

/// Writes one self-contained C++ source for `module` (after memory planning
/// and sync insertion): an AI Core kernel per ascend.task, spelled against
/// the PTO tile ISA (<pto/pto-inst.hpp>: the CPU model's or pto-isa's), then
/// a `tilec_task_<name>` launch trampoline per task and a
/// `tilec_kernel_<name>` host program per ascend.kernel, spelled against
/// <tilec/launch.h> (runtime/isa/LaunchAbi.h). See docs/codegen.md.
/// Reports an error at the offending op and fails on anything it cannot spell.
mlir::LogicalResult emitCpp(mlir::ModuleOp module, llvm::raw_ostream &os);

} // namespace tilec::target

#endif
