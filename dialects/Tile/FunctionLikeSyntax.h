//===- FunctionLikeSyntax.h - assembly of kernel-like ops -------*- C++ -*-===//
//
// tile.kernel and ascend.task print like func.func; this keeps their custom
// parser and printer in one place.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_FUNCTIONLIKESYNTAX_H
#define TILEC_DIALECTS_TILE_FUNCTIONLIKESYNTAX_H

#include "mlir/Interfaces/FunctionImplementation.h"

namespace tilec {

template <typename OpT>
mlir::ParseResult parseFunctionLike(mlir::OpAsmParser &parser, mlir::OperationState &result) {
  auto buildFuncType = [](mlir::Builder &builder, llvm::ArrayRef<mlir::Type> argTypes,
                          llvm::ArrayRef<mlir::Type> results,
                          mlir::function_interface_impl::VariadicFlag, std::string &) {
    return builder.getFunctionType(argTypes, results);
  };
  return mlir::function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false, OpT::getFunctionTypeAttrName(result.name),
      buildFuncType, OpT::getArgAttrsAttrName(result.name),
      OpT::getResAttrsAttrName(result.name));
}

template <typename OpT> void printFunctionLike(mlir::OpAsmPrinter &printer, OpT op) {
  mlir::function_interface_impl::printFunctionOp(
      printer, op, /*isVariadic=*/false, op.getFunctionTypeAttrName(), op.getArgAttrsAttrName(),
      op.getResAttrsAttrName());
}

} // namespace tilec

#endif
