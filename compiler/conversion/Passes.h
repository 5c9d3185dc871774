//===- Passes.h - tile → ascend conversion and ascend passes ----*- C++ -*-===//
#ifndef TILEC_COMPILER_CONVERSION_PASSES_H
#define TILEC_COMPILER_CONVERSION_PASSES_H

#include "compiler/conversion/StreamWeights.h"
#include "dialects/Ascend/AscendOps.h"

#include "mlir/Pass/Pass.h"

namespace tilec {
#define GEN_PASS_DECL
#include "compiler/conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/conversion/Passes.h.inc"
} // namespace tilec

#endif
