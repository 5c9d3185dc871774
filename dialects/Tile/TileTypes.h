//===- TileTypes.h - tile dialect types and attributes ----------*- C++ -*-===//
#ifndef TILEC_DIALECTS_TILE_TILETYPES_H
#define TILEC_DIALECTS_TILE_TILETYPES_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"

#include "dialects/Tile/TileEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/Tile/TileAttrs.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Tile/TileTypes.h.inc"

#endif
