//===- Passes.h - tile-level passes -----------------------------*- C++ -*-===//
#ifndef TILEC_COMPILER_TRANSFORMS_PASSES_H
#define TILEC_COMPILER_TRANSFORMS_PASSES_H

#include "dialects/Tile/TileOps.h"

#include "mlir/Pass/Pass.h"

namespace tilec {
#define GEN_PASS_DECL
#include "compiler/transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

#endif
