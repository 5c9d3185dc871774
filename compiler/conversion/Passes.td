//===- Passes.td - tile → ascend conversion and ascend passes -*- tablegen -*-===//
//
// The passes of compiler/conversion, in pipeline order. Each pass lives in its
// own .cpp file named after it and has a lit test under test/Conversion.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_PASSES_TD
#define TILEC_COMPILER_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// tile → ascend
//===----------------------------------------------------------------------===//

def ConvertTileToAscend : Pass<"convert-tile-to-ascend", "::mlir::ModuleOp"> {
  let summary = "lowers each kernel to AI Core tasks and the host program that launches them";
  let description = [{
    A vector scope whose ops all run row by row (tile-fuse-rows makes them)
    becomes one AIV task over chunks of token rows with its intermediates in
    UB; every other op is lowered alone: every tensor value gets a place in global memory (a
    window of a kernel parameter, or a scratch tensor), and every compute op
    becomes an `ascend.task` launched at the op's position in the kernel, which
    becomes the host program. Vector ops run on the AIVs in row/column chunks
    that fit UB (bf16/f16 arithmetic through f32; casts as chains of legal
    TCVTs); matmuls run on the AICs in L0-sized blocks staged through L1.
    Results are written straight into the window of the store, in-place insert
    or loop yield that consumes them. Composites must be expanded first.
  }];
  let dependentDialects = ["::tilec::ascend::AscendDialect",
                           "::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"];
}

def AscendFoldParallelLoops : Pass<"ascend-fold-parallel-loops", "::mlir::ModuleOp"> {
  let summary = "runs a parallel host loop of one launch as a single launch";
  let description = [{
    A host loop marked `tile.parallel` (the .tile `parallel` loop) with
    constant bounds, whose body is one `ascend.launch` and pure arithmetic on
    the induction variable and constants, becomes one launch of the task over
    iterations × work items: the task's work-item loop (`block_idx` to N step
    `block_dim`) runs to trips·N, item i serves iteration i / N as item i mod N,
    the arguments the host computed per iteration are recomputed in the task
    from a clone of the host arithmetic, and setup before the work loop that depends on them moves into it. Blocks:
    trips·N, at most the core type's count. A task launched elsewhere too is
    copied first. Other loops are left alone. The flagship's 64 per-head
    launches become one.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

//===----------------------------------------------------------------------===//
// Passes on ascend tasks
//===----------------------------------------------------------------------===//

def AscendPlanMemory : Pass<"ascend-plan-memory", "::tilec::ascend::TaskOp"> {
  let summary = "assigns every on-chip buffer a byte offset in its memory space";
  let description = [{
    Gives each `ascend.alloc` an `offset` in UB, L1, L0A, L0B or L0C, aligned
    (32 bytes) and within the capacities of the target (module attribute
    `ascend.target`, default `a2a3`).
    A buffer is live from its first to its last use in program order; a use
    inside a loop that does not contain the alloc keeps it live for the whole
    loop, because its contents must survive the back edge, unless every
    iteration begins by overwriting it (its first use in the loop body only
    writes it), so a fused task's intermediates reuse each other's bytes chunk
    after chunk. Buffers whose live ranges are disjoint may share bytes,
    except buffers of different double-buffering `stage`s, which never do. Placement is greedy first-fit, largest
    buffer first, then program order.

    A task that does not fit is an error at the alloc that overflows, with the
    bytes needed, the largest free block, the capacity, the space's live peak
    and what to change, and a note at each buffer live at the same time. The
    planned high-water mark of each space goes to the task attribute
    `ascend.memory_peak = {ub = … : i64, …}`.
  }];
}

def AscendInsertSync : Pass<"ascend-insert-sync", "::tilec::ascend::TaskOp"> {
  let summary = "orders instructions on different pipes that touch the same memory";
  let description = [{
    Before an instruction on pipe P that conflicts with an earlier access from
    pipe Q not yet ordered before P (P reads what Q wrote, or writes what Q
    read or wrote), orders them with `ascend.set_flag Q -> P, e` and
    `ascend.wait_flag Q -> P, e`. The wait orders everything Q did or waited
    for before the set, so later conflicts it covers get no second wait. Q is
    the pipe whose wait covers the most conflicts; on a tie the one that
    issued more of them itself (a pipe that only waited for an access is no
    earlier), then the lowest-numbered.

    The set goes right after Q's last conflicting access, in the innermost
    block holding it and the instruction, and the wait right before the
    instruction (or before the op of that block that holds it: once before a
    loop instead of in every iteration). When all those accesses come later in
    a loop body (the previous iteration's), the flag is loop-carried: set
    after the access, waited for before the instruction, plus one set before
    the loop for the first iteration (right after the last access before the
    loop it must cover, or before the first instruction of the loop's block)
    and one wait after it for the last. Double-buffered loops thus overlap: a
    load into one buffer waits only for the instruction that last read that
    buffer. Without such a placement (the access and the instruction in
    different branches, a loop-carried hazard outside an `scf.for`) or a free
    event id for its whole span, the pair goes right before the instruction.
    Loops are analysed to a fixed point, so hazards between one iteration and
    the next are synchronised too; `scf.if` paths are joined.

    Two buffers alias when they are in the same space and their planned byte
    ranges overlap (an unplanned alloc is one buffer that may overlap any
    planned one); a global tensor, through `ascend.gm_reshape`, is one buffer.

    Between two vector instructions where the second reads what the first
    wrote, inserts `ascend.pipe_barrier <v>` (the vector pipe does not
    interlock on UB addresses). Event ids: the lowest of the target's ids per
    pipe pair not held by a flag already in the task (for an early or
    loop-carried pair: not used by another flag of the pair where it is in
    flight; a loop-carried id stays held for the whole loop).
  }];
}

#endif // TILEC_COMPILER_CONVERSION_PASSES_TD
