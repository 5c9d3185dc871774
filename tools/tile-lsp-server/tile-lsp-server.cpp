//===- tile-lsp-server.cpp - language server for tile and ascend .mlir ----===//
//
// MLIR's language server (what mlir-lsp-server runs) with the tile and ascend
// dialects registered, so the IR that `tilec --emit=...` prints opens in an
// editor with diagnostics, hover, go-to-definition and the outline.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-lsp-server/MlirLspServerMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  tilec::registerDialects(registry);
  return mlir::failed(mlir::MlirLspServerMain(argc, argv, registry)) ? 1 : 0;
}
