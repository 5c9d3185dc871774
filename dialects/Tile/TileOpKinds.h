//===- TileOpKinds.h - what kind of computation a tile op is ----*- C++ -*-===//
//
// The C++ side of TileOpKinds.td: marker traits, queried as
// `op->hasTrait<tile::kind::Elementwise>()`, and the reduction interface.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_TILEOPKINDS_H
#define TILEC_DIALECTS_TILE_TILEOPKINDS_H

#include "dialects/Tile/TileTypes.h"
#include "mlir/IR/OpDefinition.h"

namespace tilec::tile::kind {

#define TILE_OP_KIND(Name)                                                               \
  template <typename ConcreteType>                                                       \
  class Name : public mlir::OpTrait::TraitBase<ConcreteType, Name> {};
TILE_OP_KIND(Elementwise)
TILE_OP_KIND(UnaryMath)
TILE_OP_KIND(BinaryMath)
TILE_OP_KIND(BroadcastsOperands)
TILE_OP_KIND(RowWise)
TILE_OP_KIND(ReadsWholeRows)
TILE_OP_KIND(ReadsWholeColumns)
TILE_OP_KIND(View)
TILE_OP_KIND(Composite)
#undef TILE_OP_KIND

} // namespace tilec::tile::kind

namespace tilec::tile {
/// The reduction interface's verifier: a rank-2 source, the same element
/// type, the reduced dimension kept with size 1 (TileVerifiers.cpp).
mlir::LogicalResult verifyReduction(mlir::Operation *op);
} // namespace tilec::tile

#include "dialects/Tile/TileOpInterfaces.h.inc"

#endif
