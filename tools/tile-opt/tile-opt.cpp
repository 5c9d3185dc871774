//===- tile-opt.cpp - mlir-opt for the tilec dialects and passes ----------===//
//
// Runs any tilec pass (or pipeline) on .mlir input; lit tests use it to check
// one pass at a time.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Registration.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  tilec::registerDialects(registry);
  tilec::registerPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tilec optimizer driver: tile and ascend dialects\n", registry));
}
