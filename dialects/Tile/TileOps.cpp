//===- TileOps.cpp - tile.kernel and op folders ----------------------------===//
#include "dialects/Tile/TileOps.h"
#include "dialects/Tile/RuntimeDims.h"
#include "dialects/Tile/FunctionLikeSyntax.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace tilec::tile;

#include "dialects/Tile/TileOpInterfaces.cpp.inc"
#define GET_OP_CLASSES
#include "dialects/Tile/TileOps.cpp.inc"

//===----------------------------------------------------------------------===//
// KernelOp
//===----------------------------------------------------------------------===//

void KernelOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                     FunctionType type) {
  state.addAttribute(SymbolTable::getSymbolAttrName(), builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  state.addRegion();
}

ParseResult KernelOp::parse(OpAsmParser &parser, OperationState &result) {
  return tilec::parseFunctionLike<KernelOp>(parser, result);
}

void KernelOp::print(OpAsmPrinter &printer) { tilec::printFunctionLike(printer, *this); }

bool KernelOp::isOutput(unsigned argIndex) {
  return getArgAttr(argIndex, getOutputAttrName()) != nullptr;
}

LogicalResult KernelOp::verify() {
  FunctionType type = getFunctionType();
  if (type.getNumResults() != 0)
    return emitOpError("returns nothing: store results into `tile.out` parameters");
  if (getBody().empty())
    return emitOpError("needs a body");
  for (auto [index, argType] : llvm::enumerate(type.getInputs())) {
    bool isTensor = isa<GlobalTensorType>(argType);
    if (!isTensor && !argType.isInteger(32) && !argType.isF32())
      return emitOpError("parameter #") << index << " must be a !tile.gm tensor, i32 or f32, found "
                                        << argType;
    if (isOutput(index) && !isTensor)
      return emitOpError("output parameter #") << index << " must be a !tile.gm tensor";
    if (failed(verifyRuntimeDimAttrs(*this, index)))
      return failure();
  }
  return success();
}

std::optional<int64_t> tilec::tile::dimBound(KernelOp kernel, unsigned argIndex) {
  if (auto bound = kernel.getArgAttrOfType<IntegerAttr>(argIndex, kDimAttrName))
    return bound.getInt();
  return std::nullopt;
}

std::optional<unsigned> tilec::tile::rowsDim(KernelOp kernel, unsigned argIndex) {
  if (auto dim = kernel.getArgAttrOfType<IntegerAttr>(argIndex, kRowsAttrName))
    return unsigned(dim.getInt());
  return std::nullopt;
}

int64_t tilec::tile::compiledDimValue(KernelOp kernel, unsigned dimArg) {
  for (auto [index, type] : llvm::enumerate(kernel.getArgumentTypes()))
    if (rowsDim(kernel, index) == dimArg)
      return cast<GlobalTensorType>(type).getShape()[0];
  return dimBound(kernel, dimArg).value_or(0);
}

LogicalResult tilec::tile::verifyRuntimeDimAttrs(KernelOp kernel, unsigned index) {
  Type argType = kernel.getFunctionType().getInput(index);
  if (Attribute bound = kernel.getArgAttr(index, kDimAttrName)) {
    auto value = dyn_cast<IntegerAttr>(bound);
    if (!value || value.getInt() <= 0 || !argType.isInteger(32) || kernel.isOutput(index))
      return kernel.emitOpError("parameter #") << index << ": '" << kDimAttrName
                                               << "' marks an i32 input with a positive i64 bound, found "
                                               << bound << " on " << argType;
  }
  Attribute rows = kernel.getArgAttr(index, kRowsAttrName);
  if (!rows)
    return success();
  auto dim = dyn_cast<IntegerAttr>(rows);
  auto tensor = dyn_cast<GlobalTensorType>(argType);
  std::optional<int64_t> bound;
  if (dim && dim.getInt() >= 0 && dim.getInt() < kernel.getNumArguments())
    bound = dimBound(kernel, dim.getInt());
  if (!tensor || !bound)
    return kernel.emitOpError("parameter #") << index << ": '" << kRowsAttrName
                                             << "' names the run-time dim counting a !tile.gm tensor's rows, found "
                                             << rows << " on " << argType;
  if (tensor.getShape()[0] > *bound)
    return kernel.emitOpError("parameter #") << index << " has " << tensor.getShape()[0]
                                             << " rows, more than the bound " << *bound << " of its run-time dim";
  return success();
}

//===----------------------------------------------------------------------===//
// ScopeOp
//===----------------------------------------------------------------------===//

LogicalResult ScopeOp::verify() {
  // Runs before the terminator trait's check: another terminator is reported there.
  auto yield = dyn_cast<YieldOp>(getBody().front().back());
  if (yield && yield.getValues().getTypes() != getResultTypes())
    return emitOpError("yields ") << yield.getValues().size()
                                  << " values whose types must match its results";
  return success();
}

//===----------------------------------------------------------------------===//
// Folders
//===----------------------------------------------------------------------===//

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getSource().getType() == getType())
    return getSource();
  return {};
}
