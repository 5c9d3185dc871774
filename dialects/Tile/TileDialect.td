//===- TileDialect.td - the tile dialect ---------------------*- tablegen -*-===//
//
// Whole-tensor kernel math as the .tile frontend produces it.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_TILE_DIALECT_TD
#define TILEC_TILE_DIALECT_TD

include "mlir/IR/OpBase.td"

def Tile_Dialect : Dialect {
  let name = "tile";
  let cppNamespace = "::tilec::tile";
  let summary = "Whole-tensor tile math for Ascend kernels";
  let description = [{
    The tile dialect holds a kernel as its author wrote it: tensors in global
    memory (`!tile.gm`), loads and stores of (slices of) them, value-semantic
    tensor math (elementwise, row/column reductions and broadcasts, casts with
    explicit rounding, matmul, gathers) and the composites `rms_norm`,
    `quant_int8` and `rope`. Token tiling, fusion and outlining work on this
    level; the conversion to the `ascend` dialect picks instructions.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    /// Defined next to the type storage classes, in TileTypes.cpp.
    void registerTypes();
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"];
  // Discardable attributes other dialects' ops carry; each gets a typed helper
  // (e.g. TileDialect::ParallelAttrHelper) and is checked by
  // verifyOperationAttribute (TileDiscardableAttrs.cpp), which rejects other `tile.`
  // names on ops.
  let discardableAttrs = (ins
    // On an `scf.for`: the iterations are independent (the .tile `parallel`
    // loop), so ascend-fold-parallel-loops may run them as one launch.
    "::mlir::UnitAttr":$parallel,
    // On an `scf.for`: the .tile `pipeline(..., stages=N)` loop's N. On a
    // `tile.matmul`: the stages of the K-loop tile-fold-k-loops folded into
    // it, the L1/L0 buffering depth its cube blocking uses.
    "::mlir::IntegerAttr":$pipeline_stages
  );
  let hasOperationAttrVerify = 1;
}

class Tile_Op<string mnemonic, list<Trait> traits = []>
    : Op<Tile_Dialect, mnemonic, traits>;

#endif // TILEC_TILE_DIALECT_TD
