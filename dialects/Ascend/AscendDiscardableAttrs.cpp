//===- AscendDiscardableAttrs.cpp - the ascend attributes other ops carry -===//
//
// The ascend dialect's discardable attributes are declared in
// AscendDialect.td (`discardableAttrs`); a wrong type or a wrong op is a
// verifier error at the op. Other `ascend.` names are not checked here.
//
//===----------------------------------------------------------------------===//
#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;
using namespace tilec::ascend;

namespace {

InFlightDiagnostic wrongType(Operation *op, StringRef name, StringRef expected, Attribute found) {
  return op->emitError() << "'" << name << "' must be " << expected << ", found " << found;
}

LogicalResult verifyMemoryPeak(Operation *op, StringRef name, Attribute value) {
  auto peaks = dyn_cast<DictionaryAttr>(value);
  if (!peaks)
    return wrongType(op, name, "a dictionary of bytes per memory space", value);
  for (NamedAttribute peak : peaks) {
    if (!symbolizeMemorySpace(peak.getName().getValue()))
      return op->emitError() << "'" << name << "' names no memory space: "
                             << peak.getName();
    auto bytes = dyn_cast<IntegerAttr>(peak.getValue());
    if (!bytes || !bytes.getType().isInteger(64))
      return wrongType(op, name, "i64 bytes per memory space", peak.getValue());
  }
  return success();
}

LogicalResult verifyFusedOps(Operation *op, StringRef name, Attribute value) {
  auto ops = dyn_cast<ArrayAttr>(value);
  if (!ops || !llvm::all_of(ops, [](Attribute entry) { return isa<StringAttr>(entry); }))
    return wrongType(op, name, "an array of strings", value);
  return success();
}

LogicalResult verifyStrategy(Operation *op, StringRef name, Attribute value) {
  if (!isa<ChunkingAttr, InlineAttr, BlockingAttr>(value))
    return wrongType(op, name, "an #ascend.chunking, #ascend.inline or #ascend.blocking", value);
  return success();
}

LogicalResult verifyCopies(Operation *op, StringRef name, Attribute value) {
  auto copies = dyn_cast<ArrayAttr>(value);
  if (!copies || !llvm::all_of(copies, llvm::IsaPred<ChunkingAttr>))
    return wrongType(op, name, "an array of #ascend.chunking", value);
  return success();
}

} // namespace

LogicalResult AscendDialect::verifyOperationAttribute(Operation *op, NamedAttribute attribute) {
  StringRef name = attribute.getName().getValue();
  Attribute value = attribute.getValue();
  if (name == TargetAttrHelper::getNameStr()) {
    if (!isa<ModuleOp>(op))
      return op->emitError() << "'" << name << "' belongs on the module, not " << op->getName();
    if (!isa<TargetAttr>(value))
      return wrongType(op, name, "an #ascend.target attribute", value);
    return success();
  }
  if (name == FusedOpsAttrHelper::getNameStr() || name == MemoryPeakAttrHelper::getNameStr()) {
    if (!isa<TaskOp>(op))
      return op->emitError() << "'" << name << "' belongs on an ascend.task, not "
                             << op->getName();
    return name == FusedOpsAttrHelper::getNameStr() ? verifyFusedOps(op, name, value)
                                                    : verifyMemoryPeak(op, name, value);
  }
  if (name == StrategyAttrHelper::getNameStr())
    return verifyStrategy(op, name, value);
  if (name == CopiesAttrHelper::getNameStr())
    return verifyCopies(op, name, value);
  return success();
}
