//===- tile-translate.cpp - mlir-translate for tilec's emitters -----------===//
//
// tile-translate --ascend-to-cpp FILE.mlir prints a planned, synchronised
// ascend module (tasks + host programs) as the C++ `tilec --emit=cpp` writes;
// the lit tests of test/Target drive the emitter through it.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Registration.h"
#include "compiler/target/EmitCpp.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

int main(int argc, char **argv) {
  mlir::TranslateFromMLIRRegistration ascendToCpp(
      "ascend-to-cpp", "print an ascend-stage module as C++ against the PTO tile ISA",
      [](mlir::Operation *op, llvm::raw_ostream &os) -> mlir::LogicalResult {
        auto module = llvm::dyn_cast<mlir::ModuleOp>(op);
        if (!module)
          return op->emitError("expected a builtin.module");
        return tilec::target::emitCpp(module, os);
      },
      [](mlir::DialectRegistry &registry) { tilec::registerDialects(registry); });
  return mlir::failed(mlir::mlirTranslateMain(argc, argv, "tilec translation tool")) ? 1 : 0;
}
