//===- GmHazards.h - writes to global memory that views must not see ----*- C++ -*-===//
//
// A tensor loaded from global memory is a value: later stores into the tensor
// it came from do not change it. tile-place-gm makes most loads views of
// their source (no copy), which is only right when nothing writes the source
// while the view is still read, and it writes a computed value straight into
// the window of the store that consumes it, which is only right when nothing
// loads that tensor between the producer and the store. These predicates say
// when neither holds; tile-select-strategy gives such a load a copy and
// tile-place-gm copies it, or computes the value into a scratch tensor.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_GMHAZARDS_H
#define TILEC_COMPILER_CONVERSION_GMHAZARDS_H

#include "dialects/Tile/TileOps.h"

namespace tilec::conversion {

/// Whether a store into `load`'s source (or a value computed straight into
/// one) can run after `load` and before an op that reads the loaded value
/// through views of it.
bool isOverwrittenWhileRead(tile::LoadOp load);

/// Whether a load of `store`'s destination runs between `producer` and
/// `store`, so that computing the stored value straight into the destination
/// would write it before that load.
bool isLoadedBeforeStore(mlir::Operation *producer, tile::StoreOp store);

} // namespace tilec::conversion

#endif
