//===- AscendOps.cpp - host programs, tasks, launches ---------------------===//
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/FunctionLikeSyntax.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace tilec::ascend;

#define GET_OP_CLASSES
#include "dialects/Ascend/AscendOps.cpp.inc"

ParseResult KernelOp::parse(OpAsmParser &parser, OperationState &result) {
  return tilec::parseFunctionLike<KernelOp>(parser, result);
}

void KernelOp::print(OpAsmPrinter &printer) { tilec::printFunctionLike(printer, *this); }

LogicalResult KernelOp::verify() {
  if (getFunctionType().getNumResults() != 0)
    return emitOpError("returns nothing: results go to `ascend.out` parameters");
  if (getBody().empty())
    return emitOpError("needs a body");
  for (auto [index, argType] : llvm::enumerate(getFunctionType().getInputs())) {
    bool global = isa<GlobalTensorType>(argType);
    if (!global && !argType.isInteger(32) && !argType.isF32())
      return emitOpError("parameter #") << index
                                        << " must be a !ascend.gm tensor, i32 or f32, found "
                                        << argType;
    if (isOutput(index) && !global)
      return emitOpError("output parameter #") << index << " must be a !ascend.gm tensor";
  }
  return success();
}

ParseResult TaskOp::parse(OpAsmParser &parser, OperationState &result) {
  return tilec::parseFunctionLike<TaskOp>(parser, result);
}

void TaskOp::print(OpAsmPrinter &printer) { tilec::printFunctionLike(printer, *this); }

LogicalResult TaskOp::verify() {
  if (getFunctionType().getNumResults() != 0)
    return emitOpError("returns nothing: results go to global tensors");
  if (getBody().empty())
    return emitOpError("needs a body");
  for (auto [index, argType] : llvm::enumerate(getFunctionType().getInputs()))
    if (!isa<GlobalTensorType, RingType, IndexType>(argType) && !argType.isInteger(32) &&
        !argType.isF32())
      return emitOpError("argument #")
             << index << " must be a !ascend.gm tensor, !ascend.ring, index, i32 or f32, found "
             << argType;
  return success();
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto task = symbolTable.lookupNearestSymbolFrom<TaskOp>(*this, getTaskAttr());
  if (!task)
    return emitOpError("launches '") << getTask() << "', which is not an ascend.task";
  TypeRange expected = task.getFunctionType().getInputs();
  if (TypeRange(getArgs().getTypes()) != expected)
    return emitOpError("argument types do not match task '") << getTask() << "'";
  return success();
}
