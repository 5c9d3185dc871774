//===- AscendOps.h - ascend dialect types and operations --------*- C++ -*-===//
#ifndef TILEC_DIALECTS_ASCEND_ASCENDOPS_H
#define TILEC_DIALECTS_ASCEND_ASCENDOPS_H

#include "dialects/Ascend/AscendDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_TYPEDEF_CLASSES
#include "dialects/Ascend/AscendTypes.h.inc"

namespace tilec::ascend {
/// The operands of `op` on which it declares a memory effect of kind Effect.
template <typename Effect>
llvm::SmallVector<mlir::Value> buffersWithEffect(mlir::Operation *op) {
  llvm::SmallVector<mlir::Value> buffers;
  auto effects = llvm::dyn_cast<mlir::MemoryEffectOpInterface>(op);
  if (!effects)
    return buffers;
  llvm::SmallVector<mlir::MemoryEffects::EffectInstance> instances;
  effects.getEffects(instances);
  for (auto &instance : instances)
    if (llvm::isa<Effect>(instance.getEffect()) && instance.getValue())
      buffers.push_back(instance.getValue());
  return buffers;
}

/// Bytes per row of the packed mask (TCMP, TSEL) of a UB tile: one bit per
/// element of its padded row, as pto-isa's simulator packs TCMPS.
inline int64_t maskBytesPerRow(TileBufferType compared) {
  return compared.getPaddedCols() / 8;
}
} // namespace tilec::ascend

#include "dialects/Ascend/AscendInterfaces.h.inc"

namespace tilec::ascend {
/// Where a ring in UB (`memory = ub`, an argument of its task) starts in each
/// AIV's UB: the rings in UB among the task's arguments lie one after the
/// other from UB's byte 0, so the AIC's task, which takes the same arguments,
/// finds the same place. getUbRingsBytes: the bytes they take together in
/// the UB of an aiv task (0 for any other), which memory planning keeps free.
int64_t getUbRingBase(mlir::BlockArgument ring);
int64_t getUbRingsBytes(mlir::Block &taskBody);
} // namespace tilec::ascend

#define GET_OP_CLASSES
#include "dialects/Ascend/AscendOps.h.inc"

#endif
