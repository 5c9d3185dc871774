//===- TileOps.h - tile dialect operations ----------------------*- C++ -*-===//
#ifndef TILEC_DIALECTS_TILE_TILEOPS_H
#define TILEC_DIALECTS_TILE_TILEOPS_H

#include "dialects/Tile/TileDialect.h"
#include "dialects/Tile/TileOpKinds.h"
#include "dialects/Tile/TileTypes.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dialects/Tile/TileOps.h.inc"

#endif
