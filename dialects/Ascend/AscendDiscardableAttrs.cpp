//===- AscendDiscardableAttrs.cpp - the ascend attributes other ops carry -===//
//
// The ascend dialect's discardable attributes are declared in
// AscendDialect.td (`discardableAttrs`); a wrong type or a wrong op is a
// verifier error at the op. Other `ascend.` names are not checked here.
//
//===----------------------------------------------------------------------===//
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
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

/// The places a tensor value of `op` may have, as `ascend.placement` lists
/// them; null for an op that carries none.
std::optional<SmallVector<GmPlace>> placesAllowed(Operation *op) {
  if (isa<tilec::tile::InsertOp, scf::ForOp>(op))
    return SmallVector<GmPlace>{GmPlace::in_place, GmPlace::copy};
  if (isa<tilec::tile::LoadOp, tilec::tile::SliceOp>(op))
    return SmallVector<GmPlace>{GmPlace::view, GmPlace::scratch, GmPlace::consumer};
  if (isa<tilec::tile::ReshapeOp>(op))
    return SmallVector<GmPlace>{GmPlace::view, GmPlace::copy};
  if (isa<tilec::tile::TileDialect>(op->getDialect()))
    return SmallVector<GmPlace>{GmPlace::scratch, GmPlace::consumer};
  return std::nullopt;
}

LogicalResult verifyPlacement(Operation *op, StringRef name, Attribute value) {
  std::optional<SmallVector<GmPlace>> allowed = placesAllowed(op);
  ValueRange values = op->getResults();
  if (auto loop = dyn_cast<scf::ForOp>(op))
    values = loop.getInitArgs();
  unsigned tensors = llvm::count_if(values.getTypes(), llvm::IsaPred<RankedTensorType>);
  if (!allowed || tensors == 0)
    return op->emitError() << "'" << name << "' belongs on a tile op with tensor results or an "
                           << "scf.for carrying tensors, not " << op->getName();
  auto places = dyn_cast<ArrayAttr>(value);
  if (!places || !llvm::all_of(places, llvm::IsaPred<GmPlaceAttr>))
    return wrongType(op, name, "an array of #ascend.place", value);
  if (places.size() != tensors)
    return op->emitError() << "'" << name << "' has " << places.size() << " places for "
                           << tensors << " tensors";
  for (Attribute place : places)
    if (!llvm::is_contained(*allowed, cast<GmPlaceAttr>(place).getValue()))
      return op->emitError() << "'" << name << "' cannot place a tensor of " << op->getName()
                             << " as " << place;
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

/// A joined matmul is a part of the task of the matmul right before it: the
/// same A, B the same way round, the same blockings, no accumulator, and
/// neither paired.
LogicalResult verifyJoined(Operation *op, StringRef name, Attribute value) {
  using tilec::tile::MatmulOp;
  auto matmul = dyn_cast<MatmulOp>(op);
  if (!matmul)
    return op->emitError() << "'" << name << "' belongs on a tile.matmul, not " << op->getName();
  if (!isa<UnitAttr>(value))
    return wrongType(op, name, "a unit attribute", value);
  auto before = dyn_cast_or_null<MatmulOp>(op->getPrevNode());
  if (!before || before.getLhs() != matmul.getLhs() ||
      before.getTransposeB() != matmul.getTransposeB())
    return op->emitError() << "'" << name
                           << "' needs a tile.matmul of the same A, B the same way round, "
                              "right before it";
  MLIRContext *context = op->getContext();
  AscendDialect::StrategyAttrHelper strategy(context);
  AscendDialect::FewRowsAttrHelper fewRows(context);
  AscendDialect::PairingAttrHelper pairing(context);
  AscendDialect::LhsPairingAttrHelper lhsPairing(context);
  if (strategy.getAttr(before) != strategy.getAttr(matmul) ||
      fewRows.getAttr(before) != fewRows.getAttr(matmul))
    return op->emitError() << "'" << name
                           << "' needs the blockings of the tile.matmul before it";
  if (matmul.getAcc() || before.getAcc() || pairing.getAttr(matmul) || pairing.getAttr(before) ||
      lhsPairing.getAttr(matmul) || lhsPairing.getAttr(before))
    return op->emitError() << "'" << name << "' joins no accumulating or paired matmul";
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
  if (name == PlacementAttrHelper::getNameStr())
    return verifyPlacement(op, name, value);
  if (name == StrategyAttrHelper::getNameStr())
    return verifyStrategy(op, name, value);
  if (name == CopiesAttrHelper::getNameStr())
    return verifyCopies(op, name, value);
  if (name == PairingAttrHelper::getNameStr() || name == FewRowsAttrHelper::getNameStr() ||
      name == LhsPairingAttrHelper::getNameStr()) {
    if (!isa<tilec::tile::MatmulOp>(op))
      return op->emitError() << "'" << name << "' belongs on a tile.matmul, not "
                             << op->getName();
    if (name == PairingAttrHelper::getNameStr() && !isa<C2vRingAttr>(value))
      return wrongType(op, name, "an #ascend.c2v_ring attribute", value);
    if (name == LhsPairingAttrHelper::getNameStr() && !isa<V2cRingAttr>(value))
      return wrongType(op, name, "an #ascend.v2c_ring attribute", value);
    if (name == LhsPairingAttrHelper::getNameStr() && cast<tilec::tile::MatmulOp>(op).getAcc())
      return op->emitError() << "'" << name << "' pairs no accumulating matmul";
    if (name == FewRowsAttrHelper::getNameStr() && !isa<FewRowsAttr>(value))
      return wrongType(op, name, "an #ascend.few_rows attribute", value);
    return success();
  }
  if (name == JoinedAttrHelper::getNameStr())
    return verifyJoined(op, name, value);
  if (name == TaskAttrHelper::getNameStr()) {
    if (!isa<tilec::tile::TileDialect>(op->getDialect()))
      return op->emitError() << "'" << name << "' belongs on a tile op or scope, not "
                             << op->getName();
    if (!isa<CoreTypeAttr>(value))
      return wrongType(op, name, "an #ascend.core attribute", value);
    return success();
  }
  return success();
}
