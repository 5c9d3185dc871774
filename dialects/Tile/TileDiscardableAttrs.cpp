//===- TileDiscardableAttrs.cpp - the tile attributes other ops carry -----===//
//
// The tile dialect's discardable attributes are declared in TileDialect.td
// (`discardableAttrs`); a wrong type, a wrong op or an undeclared `tile.` name
// is a verifier error at the op.
//
//===----------------------------------------------------------------------===//
#include "dialects/Tile/TileDialect.h"
#include "dialects/Tile/TileOps.h"

using namespace mlir;
using namespace tilec::tile;

LogicalResult TileDialect::verifyOperationAttribute(Operation *op, NamedAttribute attribute) {
  StringRef name = attribute.getName().getValue();
  if (name == ParallelAttrHelper::getNameStr()) {
    if (!isa<scf::ForOp>(op))
      return op->emitError() << "'" << name << "' marks an scf.for, not " << op->getName();
    if (!isa<UnitAttr>(attribute.getValue()))
      return op->emitError() << "'" << name << "' must be a unit attribute, found "
                             << attribute.getValue();
    return success();
  }
  if (name == PipelineStagesAttrHelper::getNameStr()) {
    if (!isa<scf::ForOp, MatmulOp>(op))
      return op->emitError() << "'" << name << "' marks an scf.for or a tile.matmul, not "
                             << op->getName();
    auto stages = dyn_cast<IntegerAttr>(attribute.getValue());
    if (!stages || !stages.getType().isInteger(64) || stages.getInt() < 1)
      return op->emitError() << "'" << name << "' must be a positive i64, found "
                             << attribute.getValue();
    return success();
  }
  return op->emitError() << "unknown attribute '" << name
                         << "': the tile dialect declares its attributes in TileDialect.td";
}
