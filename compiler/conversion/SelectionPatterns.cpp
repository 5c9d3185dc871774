//===- SelectionPatterns.cpp - selects and index sequences as vector tasks ===//
//
// A select becomes one vector task that also computes its mask: the
// compare's operands are read (operandsRead) and compared in UB (TCMP or
// TCMPS) before TSEL/TSELS, so a mask never reaches global memory; the
// compare itself stays legal until then and is dead afterwards. An iota
// becomes one vector task writing the index sequence (TCI). The
// instructions come from SelectEmitter.cpp.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/KernelConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

void tilec::conversion::populateSelectionPatterns(RewritePatternSet &patterns,
                                                  KernelConversion &state) {
  patterns.add<VectorTaskLowering<tile::SelectOp>, VectorTaskLowering<tile::IotaOp>>(
      state, patterns.getContext());
}
