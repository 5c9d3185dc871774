//===- Registration.h - every dialect and pass tilec provides ---*- C++ -*-===//
#ifndef TILEC_COMPILER_PIPELINE_REGISTRATION_H
#define TILEC_COMPILER_PIPELINE_REGISTRATION_H

#include "mlir/IR/DialectRegistry.h"

namespace tilec {
/// The dialects tilec IR may contain: tile, ascend and the upstream ones they use.
void registerDialects(mlir::DialectRegistry &registry);
/// Registers every tilec pass and named pipeline with the global registry.
void registerPasses();
} // namespace tilec

#endif
