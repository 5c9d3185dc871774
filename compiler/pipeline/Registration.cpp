//===- Registration.cpp - every dialect and pass tilec provides -----------===//
#include "compiler/pipeline/Registration.h"

#include "compiler/conversion/Passes.h"
#include "compiler/pipeline/Pipeline.h"
#include "compiler/transforms/Passes.h"

#include "dialects/Ascend/AscendDialect.h"
#include "dialects/Tile/TileDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Transforms/Passes.h"

void tilec::registerDialects(mlir::DialectRegistry &registry) {
  registry.insert<tile::TileDialect, ascend::AscendDialect, mlir::arith::ArithDialect,
                  mlir::scf::SCFDialect, mlir::func::FuncDialect>();
}

void tilec::registerPasses() {
  registerTransformsPasses();
  registerConversionPasses();
  registerPipeline();
  // The generic clean-ups the pipeline runs between our passes.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
}
