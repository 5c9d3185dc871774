//===- AscendStrategyAttrs.td - tiling decisions of tile ops -*- tablegen -*-===//
//
// tile-select-strategy writes one of these as `ascend.strategy` on every tile
// op and scope whose lowering tiles it; convert-tile-to-ascend only reads
// them, so a test can set a strategy by hand.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_STRATEGY_ATTRS_TD
#define TILEC_ASCEND_STRATEGY_ATTRS_TD

include "dialects/Ascend/AscendDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Ascend_Attr<string name, string attrMnemonic> : AttrDef<Ascend_Dialect, name> {
  let mnemonic = attrMnemonic;
}

def Ascend_ChunkingAttr : Ascend_Attr<"Chunking", "chunking"> {
  let summary = "how a vector task walks its data: chunks of rows × cols in UB";
  let description = [{
    A vector op, copy or fused scope runs on the AIVs over chunks of `rows`
    rows and `cols` columns (`cols = 0`: whole rows, as a fused scope always
    takes them); the chunks divide the data they cover and spread over the
    vector cores. `double_buffered` (fused scopes only): a work item is two
    chunks on buffers of different stages, so one loads while the other
    computes.

    `#ascend.chunking<rows = 8, cols = 4096>`,
    `#ascend.chunking<rows = 16, double_buffered = true>`
  }];
  let parameters = (ins "int64_t":$rows,
                        DefaultValuedParameter<"int64_t", "0">:$cols,
                        DefaultValuedParameter<"bool", "false">:$double_buffered);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Ascend_InlineAttr : Ascend_Attr<"Inline", "inline"> {
  let summary = "a scope is not one task: each of its ops is lowered alone";
  let description = [{
    The strategy of a `tile.scope` that does not become one fused task (its
    ops are not all row-wise over the same token rows, it runs on the cube
    cores, or not even one-row chunks fit UB): its ops are moved in front of
    it and each carries its own strategy. `#ascend.inline`
  }];
}

def Ascend_BlockingAttr : Ascend_Attr<"Blocking", "blocking"> {
  let summary = "how a matmul runs on the AICs: output blocks, K steps, L1 chunks";
  let description = [{
    C[M, N] = A[M, K] × B[K, N] in output blocks of `m` × `n`; K in L0 steps
    of `k` and L1 chunks of `chunk` (a multiple of `k` dividing K); `panel`:
    A's [m, K] row panel stays in L1 for a whole work item; `accumulators`
    (1 or 2) L0C buffers that consecutive blocks alternate; a work item is
    `length` consecutive N blocks of one row block; `buffers` (1 to 4, 2 when
    not printed) L1 chunk buffers that consecutive chunks go round, and L0
    step buffers that consecutive steps alternate (two, or one when `buffers`
    is 1, which a `pipeline` K-loop of `stages=1` asks for).
    `stream_weights` (false when not printed) orders the work items column
    by column: every row block's item of B's first columns, then of the
    next, so that each byte of B (the weights) crosses HBM once while A's
    rows are re-read from the L2; otherwise row block by row block. An
    accumulating matmul (`acc` operand) is a product and an add: `accumulate`
    is the add's chunking.

    `#ascend.blocking<m = 128, n = 64, k = 64, chunk = 128, panel = true,
    accumulators = 2, length = 1>`
  }];
  let parameters = (ins "int64_t":$m, "int64_t":$n, "int64_t":$k, "int64_t":$chunk,
                        "bool":$panel, "int64_t":$accumulators, "int64_t":$length,
                        DefaultValuedParameter<"int64_t", "2">:$buffers,
                        DefaultValuedParameter<"bool", "false">:$stream_weights,
                        OptionalParameter<"ChunkingAttr">:$accumulate);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Ascend_FewRowsAttr : Ascend_Attr<"FewRows", "few_rows"> {
  let summary = "the blocking a matmul with run-time rows takes when few are present";
  let description = [{
    tile-select-strategy's choice (`ascend.few_rows`, on a `tile.matmul` whose
    rows are a run-time dim's) of a second blocking for launches with at most
    `rows` rows present: the host program compares the rows present with
    `rows` and launches the task of `blocking`, or that of the matmul's
    `ascend.strategy` (chosen for the bound). Blocks that keep the cube cores
    busy on a few tokens re-read the operands too often at the bound, and the
    bound's leave cores idle on a few tokens (docs/design.md, "Run-time dims").

    `#ascend.few_rows<rows = 256, blocking = #ascend.blocking<m = 128, n = 64,
    k = 128, chunk = 256, panel = false, accumulators = 2, length = 1>>`
  }];
  let parameters = (ins "int64_t":$rows, "BlockingAttr":$blocking);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Ascend_C2vRingAttr : Ascend_Attr<"C2vRing", "c2v_ring"> {
  let summary = "a matmul paired with its vector consumer through a ring of slots";
  let description = [{
    tile-select-strategy's decision (`ascend.pairing`, on the matmul) that the
    matmul and the one fused scope reading its product run as one mixed
    launch: each cluster's AIC pushes its output blocks into a ring of
    `slots` slots of `rows` × `cols` (one M block × the columns one
    consumer work item reads), its AIVs pop each slot, `up_down` (row half
    per AIV), as soon as it is full. The slots are in GM (`memory = gm`, the
    default), where the ring stays in L2, or in the AIVs' UB (`memory = ub`,
    a target with L0C → UB: each slot one accumulator block, each AIV's
    half one chunk of the consumer) (docs/design.md, "Cube → vector
    pairing").

    `#ascend.c2v_ring<rows = 128, cols = 512, slots = 4>`
    `#ascend.c2v_ring<rows = 32, cols = 512, slots = 2, memory = ub>`
  }];
  let parameters = (ins "int64_t":$rows, "int64_t":$cols, "int64_t":$slots,
                        DefaultValuedParameter<"::tilec::ascend::MemorySpace",
                                               "::tilec::ascend::MemorySpace::gm">:$memory);
  let builders = [
    AttrBuilder<(ins "int64_t":$rows, "int64_t":$cols, "int64_t":$slots), [{
      return $_get($_ctxt, rows, cols, slots, ::tilec::ascend::MemorySpace::gm);
    }]>
  ];
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Ascend_V2cRingAttr : Ascend_Attr<"V2cRing", "v2c_ring"> {
  let summary = "a matmul paired with the vector scope that computes its A through a ring";
  let description = [{
    tile-select-strategy's decision (`ascend.lhs_pairing`, on the matmul) that
    the fused scope computing the matmul's A and the matmul run as one mixed
    launch: each cluster's AIVs push their row halves of A's row blocks into
    a ring of `slots` GM slots of `rows` × `cols` (one M block × all of K),
    and its AIC pops each slot as soon as it is full, loads it as the A panel
    of its work item (the row block's output blocks) and frees it
    (docs/design.md, "Vector → cube pairing").

    `#ascend.v2c_ring<rows = 128, cols = 512, slots = 2>`
  }];
  let parameters = (ins "int64_t":$rows, "int64_t":$cols, "int64_t":$slots);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // TILEC_ASCEND_STRATEGY_ATTRS_TD
