//===- AscendDialect.td - the ascend dialect ------------------*- tablegen -*-===//
//
// The AI Core as the code generator sees it: on-chip buffers in memory
// spaces, tile instructions on pipes, and the flags that order the pipes.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_DIALECT_TD
#define TILEC_ASCEND_DIALECT_TD

include "mlir/IR/OpBase.td"

def Ascend_Dialect : Dialect {
  let name = "ascend";
  let cppNamespace = "::tilec::ascend";
  let summary = "Ascend AI Core buffers, tile instructions, pipes and flags";
  let description = [{
    Each `ascend.task` is the code of one core type (AIC cube or AIV vector)
    for one block; its instructions read and write `!ascend.tile` buffers in
    UB, L1, L0A, L0B or L0C and global tensors (`!ascend.gm`). Instructions run
    on pipes (MTE1/MTE2/MTE3/V/M/FIX/S) that proceed concurrently; explicit
    `ascend.set_flag`/`ascend.wait_flag` pairs order them. The host program
    (`ascend.kernel`) allocates global scratch tensors and launches the tasks.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    /// Defined next to the type storage classes, in AscendTypes.cpp.
    void registerTypes();
  }];
  // Discardable attributes the pipeline records; each gets a typed helper
  // (e.g. AscendDialect::TargetAttrHelper) and is checked by
  // verifyOperationAttribute (AscendDiscardableAttrs.cpp).
  let discardableAttrs = (ins
    // On the module: the target chip the passes compile for
    // (`#ascend.target<a2a3>` or `#ascend.target<a5>`).
    "::tilec::ascend::TargetAttr":$target,
    // On a fused `ascend.task`: the tile ops it computes, as "op@line".
    "::mlir::ArrayAttr":$fused_ops,
    // On an `ascend.task`: the planned high-water mark in bytes of each
    // on-chip memory space it uses (`{ub = N : i64, ...}`).
    "::mlir::DictionaryAttr":$memory_peak,
    // On a tile op with tensor results (one entry each) or an `scf.for`
    // (one per tensor it carries): where the value lives in global memory
    // (`[#ascend.place<consumer>]`, tile-place-gm).
    "::mlir::ArrayAttr":$placement,
    // On a tile op or scope (tile-select-strategy) and on the fused task
    // built from a scope: how it is tiled, an #ascend.chunking,
    // #ascend.inline or #ascend.blocking.
    "::mlir::Attribute":$strategy,
    // On an op that may need copy tasks: their chunkings, in the order
    // StrategyCopies.cpp numbers them (an array of #ascend.chunking).
    "::mlir::ArrayAttr":$copies,
    // On a tile.matmul (tile-select-strategy, opt-in): it runs paired with
    // the fused scope that reads its product, through a ring of slots in GM
    // or in the AIVs' UB (#ascend.c2v_ring).
    "::tilec::ascend::C2vRingAttr":$pairing,
    // On a tile.matmul (tile-select-strategy, opt-in): its A comes from the
    // fused scope that computes it, through a ring of GM slots
    // (#ascend.v2c_ring); the scope's lowering builds both sides.
    "::tilec::ascend::V2cRingAttr":$lhs_pairing,
    // On a tile.matmul with run-time rows (tile-select-strategy): the
    // blocking of launches with few rows present (#ascend.few_rows).
    "::tilec::ascend::FewRowsAttr":$few_rows,
    // On a tile.matmul (tile-select-strategy): it runs in the launch of the
    // tile.matmul right before it, which multiplies the same A with the same
    // blocking; its B is a part of that task's columns.
    "::mlir::UnitAttr":$joined,
    // On a tile op or scope that becomes one task of its own
    // (tile-form-tasks): the cores it runs on (`#ascend.core<aiv>`).
    "::tilec::ascend::CoreTypeAttr":$task
  );
  let hasOperationAttrVerify = 1;
}

class Ascend_Op<string mnemonic, list<Trait> traits = []>
    : Op<Ascend_Dialect, mnemonic, traits>;

#endif // TILEC_ASCEND_DIALECT_TD
