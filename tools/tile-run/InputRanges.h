//===- InputRanges.h - values an input may take, from the kernel's indexing -*- C++ -*-===//
#ifndef TILEC_TOOLS_TILE_RUN_INPUTRANGES_H
#define TILEC_TOOLS_TILE_RUN_INPUTRANGES_H

#include "dialects/Tile/TileOps.h"
#include "runtime/tensor/RandomTensor.h"

#include <map>
#include <string>
#include <vector>

namespace tilec::run {

/// The ranges random inputs must keep to so that the kernel's indexing stays
/// inside its tensors, by parameter name:
///  - an i32 tensor read as the row indices of a gather (`tile.load_rows`):
///    [0, rows of the table − 1];
///  - an i32 scalar in the offsets of loads, stores, slices and inserts: the
///    values keeping every such window inside its tensor, worked out through
///    index casts, additions, subtractions, multiplications by constants and
///    loop variables with constant bounds.
/// Parameters used otherwise, or through arithmetic the analysis does not
/// follow, get no entry. `names[i]` names argument i of the kernel.
std::map<std::string, InputRange> inferInputRanges(tile::KernelOp kernel,
                                                   const std::vector<std::string> &names);

} // namespace tilec::run

#endif
