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

def TileSplitColReductions : Pass<"tile-split-col-reductions", "::mlir::ModuleOp"> {
  let summary = "reduces columns too tall for UB in two stages";
  let description = [{
    A column reduction's vector task keeps each column's rows together in UB
    (tile-select-strategy may split its columns, never its rows), so one over
    more rows than fit (at most capacity / (6 × the target's alignment) rows,
    the live set of a chunk one column wide: 1024 on a2a3) could not be
    tiled. Such a reduction of `x: [R, C]` becomes two reductions of the same
    combiner: the view `[R / q, q · C]` of x (q consecutive rows side by
    side) is reduced to the partial results of q groups of rows, `[1, q · C]`,
    and their view `[q, C]` is reduced to the result, with q the smallest
    divisor of R that leaves few enough rows. A second stage still too tall is
    split again. An R with no such divisor is an error at the reduction that
    says the limit and the fix (reduce row slices and combine them).

    For `col_sum` the order of the additions changes (f32 sums may differ
    from the one-stage order by rounding); `col_max` and `col_min` are exact.
  }];
  let dependentDialects = ["::tilec::tile::TileDialect"];
}

def TileSelectStrategy : Pass<"tile-select-strategy", "::mlir::ModuleOp"> {
  let summary = "decides how every tile op and scope is tiled on the AI Core";
  let description = [{
    Makes every tiling decision of convert-tile-to-ascend and writes it as the
    op's `ascend.strategy` attribute, which the conversion only reads (a
    missing one is an error there), so a test can set a strategy by hand.
    Capacities and costs come only from the target description (module
    attribute `ascend.target`, default `a2a3`).

    - A `tile.scope` whose ops are all row-wise over the same token rows
      (tile-fuse-rows makes them) becomes one AIV task over chunks of its
      token rows: `#ascend.chunking<rows = r, double_buffered = true>`. The
      chunking is the one whose buffers fit UB (trial builds of the task,
      checked with the memory planner itself) and whose busiest core finishes
      first by the target's transfer and vector figures: rounds of work items
      (a surrounding parallel loop's iterations share the cores) times the
      sum of one item's MTE2, V and MTE3 cycles, or, double buffered (a work
      item is two chunks in different stages), their maximum plus half the
      sum; ties go to the larger chunk. A scope's `tokens` pins the rows (an
      error at the scope when they split the blocks in which a broadcast
      operand's rows repeat; built even if it overflows UB, which
      ascend-plan-memory then reports). Any other scope, or one whose rows do
      not fit UB even one at a time, is `#ascend.inline`: its ops are lowered
      one by one and get strategies of their own.
    - A vector op (elementwise, unary, cast, reduction, broadcast, full,
      gather) gets `#ascend.chunking<rows = r, cols = c>`: chunks that divide
      its result (a reduction's source, keeping the reduced dimension whole)
      and the rows in which each broadcast operand reads one window, sized for
      a conservative live set of f32 tiles (two per tensor operand plus four)
      with rows aligned as the target aligns them, at most the target's
      vector chunk columns, then shrunk while fewer chunks than vector cores
      and half a chunk still moves the target's minimum efficient transfer.
      An error at the op when not even one row (one column of a column
      reduction) fits UB.
    - `tile.interleave` gets the output rows per chunk of its re-interleave
      (two stacked source rows, an output row and its indices per row in UB),
      shrunk like a vector op's.
    - `tile.transpose` gets the source blocks of its TTRANS task: the largest
      that divide the source and whose block, transpose and scratch tile fit
      half of UB, the longer side shrunk first.
    - `tile.matmul` gets `#ascend.blocking<m, n, k, chunk, panel,
      accumulators, length>`: output blocks of at most the target's cube
      block rows × columns (whole fractals where the dimension allows), the
      deepest K step of whole K0 fractals whose two L0A and two L0B buffers
      fit (K beyond the whole K0 steps, less than K0, is a tail step of its
      own that the chunks leave out), L1 chunks of 1, 2 or 4 steps, with or without A's row panel in
      L1, one or two accumulators and work item lengths (rows of output blocks,
      whole or cut short: from the length that gives every cube core work up
      to a whole row, then the shorter ones that balance the cores when row
      blocks do not divide among them), the one with the lowest estimate: per block the busiest
      pipe (GM → L1, L1 → L0, cube steps, the fixpipe store) times the blocks
      of the busiest core plus filling the pipeline, never less than the
      task's GM bytes at the chip's bandwidth (when A, B and C fit the L2
      together: each byte once at the HBM's rate, and every read at the L2's,
      which serves the re-reads); ties go to fewer GM bytes, then
      to the faster busiest core. An accumulating matmul's add is its
      `accumulate` chunking. An error at the matmul when no blocking fits.
      When M is a run-time dim's (in the kernel's body, no accumulator), the
      matmul may also get `ascend.few_rows = #ascend.few_rows<rows,
      blocking>`: the best blocking on one row block, for launches with at
      most `rows` rows present (the largest power of two times a row block at
      which it is estimated faster; both bound by the chip's bandwidth, the
      busier core decides); blockings equal at the bound go to the one
      faster on few rows.
    - Every op that may need copy tasks between places in global memory gets
      `ascend.copies`, one `#ascend.chunking` per copy: a store (the value
      into its window), an insert (the destination into a place of its own,
      the source into its window), a reshape that changes the rows × cols
      view (the source into a contiguous place), a load or slice of rows that
      are not consecutive (their gather), an interleave (each half into the
      stacked operands), an `scf.for` (each tensor it carries). A chunk is
      whole rows of at most the target's copy columns, as many as fill half
      of UB, dividing the blocks in which the rows are consecutive on both
      sides.
    - With `pair-cube-vector` (off unless given; tilec's pipeline gives it
      by default, `tilec --pair-cube-vector=false` does not), a matmul without
      accumulator whose product is read by
      one fused vector scope alone, in all of its rows (directly, or through
      one slice of all rows and w columns at h × w in a parallel loop over h
      covering the columns), the product's rows being the scope's token rows,
      gets
      `ascend.pairing = #ascend.c2v_ring<rows, cols, slots>`: the two run
      as one mixed launch through a ring of GM slots of one output block's
      rows × the w columns a consumer run reads. On a target with L0C → UB
      (a5) a cut may instead put the ring in the AIVs' UB (`memory = ub`):
      a slot is then one accumulator block of all w columns, each AIV's
      half one chunk of the scope (not double buffered, its product not
      loaded), the ring at most half of UB, for 32-bit products of static
      token rows; tried after the GM ring's cut of the same rows, it wins a
      tie. The slots' rows are a cut:
      each even row count up to the tallest block that divides the product,
      with the matmul's blocking chosen for row blocks of it and slot-long
      items (the blocking's columns dividing w), and the scope's chunking
      chosen for work items (chunk rows, twice when double buffered) that
      divide its half (one half per AIV). A cut qualifies when the product
      has at least as many slots as the unpaired matmul keeps cube cores
      busy (a slot is one cube work item), with run-time rows also at one
      row block (by its `few_rows` blocking, which pairing drops), and its
      ring fits: the deepest of 4, 3 or 2 slots for which the rings of all
      clusters that get a slot take at most a quarter of the target's L2.
      The qualifying cut whose paired launch is estimated fastest (the
      longer of its busiest AIC and its AIVs, which start once the first
      slot is full) is taken if that beats the matmul's and the scope's
      estimates apart; `pair-always` drops the idle-core rule and that
      comparison.
    - With `join-matmuls` (off unless given; tilec's pipeline gives it by
      default, `tilec --join-matmuls=false` does not), matmuls of the same A
      in the kernel's body (not paired, not
      accumulating, no pipeline stages; B the same way round, of the same
      types, and defined before the first or loaded from a kernel input,
      whose load then moves before it) join the launch of the first
      when the best blocking of their products as one task, whose blocks
      divide each B's columns, has its busiest cube core estimated faster
      than the sum of theirs apart (the bytes are the same), at the bound and, with run-time rows, on one row block: the
      joined matmuls move right after the first and get `ascend.joined`,
      and all take the joint `ascend.strategy` and `ascend.few_rows`. Their
      task's work items go over each B's columns in turn, so the cube cores
      share the rounds of all of them.
  }];
  let options = [
    Option<"pairCubeVector", "pair-cube-vector", "bool", /*default=*/"false",
           "pair a matmul with the fused vector scope that reads its product, "
           "or that computes its A">,
    Option<"pairAlways", "pair-always", "bool", /*default=*/"false",
           "with pair-cube-vector, pair every matmul that can, also where the "
           "ring has fewer slots than the unpaired matmul keeps cube cores "
           "busy (or, A's ring, one per cluster) or pairing is estimated slower "
           "(it tests the paired lowering on shapes too small to profit)">,
    Option<"joinMatmuls", "join-matmuls", "bool", /*default=*/"false",
           "join matmuls of the same A into one launch where that is estimated "
           "faster">,
    Option<"streamWeights", "stream-weights", "::tilec::conversion::StreamWeights",
           /*default=*/"::tilec::conversion::StreamWeights::automatic",
           "which matmuls take their work items column by column",
           [{::llvm::cl::values(
             clEnumValN(::tilec::conversion::StreamWeights::automatic, "auto",
                        "where the estimate says (weights beyond the L2)"),
             clEnumValN(::tilec::conversion::StreamWeights::always, "always",
                        "every unpaired matmul of more than one row block (no faster: "
                        "it tests the order on shapes too small to need it)"),
             clEnumValN(::tilec::conversion::StreamWeights::never, "never",
                        "none: the blockings chosen, row block by row block"))}]>,
  ];
  let dependentDialects = ["::tilec::ascend::AscendDialect", "::mlir::arith::ArithDialect"];
}

def TileFormTasks : Pass<"tile-form-tasks", "::mlir::ModuleOp"> {
  let summary = "makes every task of a kernel one tile op or one fused scope";
  let description = [{
    Puts each kernel in the form convert-tile-to-ascend lowers, where a
    `tile.scope` is one fused AIV task and every other compute op a task of
    its own, as the strategies of tile-select-strategy say:

    - A named scope is checked against its core group: an op that cannot run
      on the scope's cores (a matmul in a vector scope, vector math in a cube
      scope) is an error at the op, with a note at the scope.
    - A scope whose `ascend.strategy` is `#ascend.inline` is replaced by its
      ops, each of which keeps the strategy of its own. One that stays must
      have a `#ascend.chunking` and run row by row over the same token rows
      (else an error at the scope asking for `#ascend.inline`).
    - `tile.matmul` with an accumulator becomes a matmul (the cube task,
      with the strategy's blocking) and a `tile.add` (a vector task, with the
      blocking's `accumulate` chunking).
    - Every task is then recorded on its op as `ascend.task`, the cores it
      runs on: `#ascend.core<aiv>` on each fused scope and each vector op,
      `#ascend.core<aic>` on each matmul. Loads, views and stores are not
      tasks (the copies some need follow from their `ascend.placement`).
  }];
  let dependentDialects = ["::tilec::ascend::AscendDialect"];
}

def TilePlaceGm : Pass<"tile-place-gm", "::mlir::ModuleOp"> {
  let summary = "decides where every tensor value of a kernel lives in global memory";
  let description = [{
    Every tensor value that crosses a task boundary lives in global memory.
    This pass decides where, op by op in the order convert-tile-to-ascend
    lowers them, and writes the decision as the op's `ascend.placement`: one
    `#ascend.place` per tensor result (for an `scf.for`, per tensor it
    carries). The conversion builds those places and only reads the
    decisions (a missing one is an error there, one it cannot build an error
    at the op), so a test can set a placement by hand.

    - A computed value (a vector op, a matmul, a fused scope's result, an
      interleave, a row gather) is `consumer` when the op that uses it gives
      it a window it can be written into directly, looking through reshapes
      that keep its rows × cols matrix: the window of its only use when that
      is a `tile.store` (offsets computable before the producer, rows one
      window of the destination), an insert that updates in place (below)
      into consecutive rows, an interleave (the stacked operands) or a loop
      yield (the carried tensor); with several uses, the store that is the
      only writer of an output parameter, unless that store's tensor is
      loaded between the producer and the store (the load must see the old
      contents). Otherwise it is `scratch`: a scratch tensor of its own.
    - A `tile.insert`, and an `scf.for` for each tensor it carries, is
      `in_place` when nothing else reads the destination and it lives in a
      scratch tensor (never a kernel parameter), else `copy`: the
      destination is copied to a scratch tensor first and the old value stays
      as it was.
    - A `tile.load` or `tile.slice` is a `view` of its source, unless its rows
      are not consecutive there: then they are gathered, at the consumer or
      in scratch as for a computed value. A `tile.load` whose source is
      stored into after it while the loaded value (or a slice or reshape of
      it) is still read is copied likewise: a loaded tensor is a value
      (compiler/conversion/GmHazards.h).
    - A `tile.reshape` is a `view` when it keeps the rows × cols matrix or its
      source is one whole contiguous tensor (no offsets), else `copy`.

    An op that reads a tensor made by an op the lowering does not place (an
    `scf.if` result) is an error at that op.
  }];
  let dependentDialects = ["::tilec::ascend::AscendDialect"];
}

def ConvertTileToAscend : Pass<"convert-tile-to-ascend", "::mlir::ModuleOp"> {
  let summary = "lowers each kernel to AI Core tasks and the host program that launches them";
  let description = [{
    A vector scope whose ops all run row by row (tile-fuse-rows makes them)
    becomes one AIV task over chunks of token rows with its intermediates in
    UB; every other op is lowered alone: every tensor value gets the place in
    global memory its `ascend.placement` names (tile-place-gm: a window of a
    kernel parameter, or a scratch tensor), and every compute op
    becomes an `ascend.task` launched at the op's position in the kernel, which
    becomes the host program. Vector ops run on the AIVs in row/column chunks
    that fit UB (bf16/f16 arithmetic through f32; casts as chains of legal
    TCVTs); matmuls run on the AICs in L0-sized blocks staged through L1.
    Composites must be expanded first, and every task formed
    (tile-form-tasks): an op or scope the conversion would make a task of
    without its `ascend.task`, or with other cores there, is an error at it.
    Every chunk and block size is the op's or scope's `ascend.strategy` or,
    for copies, `ascend.copies` (tile-select-strategy); an op without one is
    an error that asks for it, and one that does not tile its data is an
    error at the op.
    A matmul with `ascend.pairing` and the fused scope reading its product
    become one `ascend.launch_mixed` of two tasks with the same arguments,
    meeting through an `ascend.alloc_ring`: the cube task's work items are
    the ring's slots (a row block × the columns the scope reads), each
    accumulator block `ascend.tpush`ed at its column; the scope's task has
    the same work items, each AIV `ascend.tpop`s its row half of the slot,
    runs its chunks loading the product from that view, and `ascend.tfree`s
    it. The launch goes where the scope is; the matmul leaves only its ring.
    The lowering is a dialect conversion, one family of patterns per file
    (data movement, elementwise math, reductions and broadcasts, casts,
    cube, fused scopes, host loops), applied in program order; the vector
    families match ops by their kinds (traits and interfaces declared in
    ODS). An op no family matches (e.g. `tile.cmp`, which has no lowering
    yet) is an error at the op: it failed to legalize.
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
    from a clone of the host arithmetic, and setup before the work loop that
    depends on them moves into it, each op after the last load before its
    first use (so the item's own loads go first, and a double-buffered item's
    first chunk is not queued behind a setup load waiting for the previous
    item's vector work), and into the item's chunk loop when that loop holds
    every use (loaded again each iteration, it then waits only for the
    previous chunk's read of it). Items go iteration-major, except for a
    mixed launch: item i serves iteration i mod trips as item i / trips (the
    heads of one row block in a row, ascend-reuse-setup). Blocks:
    trips·N, at most the core type's count. A task launched elsewhere too is
    copied first. Other loops are left alone. The flagship's 64 per-head
    launches become one. A loop of one `ascend.launch_mixed` folds both of
    its tasks alike (blocks: at most the target's clusters), so each
    cluster's AIC and AIVs still meet on the same slots in the same order.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def AscendReuseSetup : Pass<"ascend-reuse-setup", "::mlir::ModuleOp"> {
  let summary = "a mixed launch's cube keeps a setup buffer its consecutive work items share";
  let description = [{
    A mixed launch's cube task loads A's row panel at the start of each work
    item (a ring slot). Folded iteration-minor (`ascend-fold-parallel-loops`),
    consecutive items are the slots of one row block, so they share the
    panel. Both tasks of the launch then take each core's items as one
    contiguous range, items [b·N / D, (b + 1)·N / D) on core b of D, instead
    of every D-th (the cluster's AIC and AIVs still meet on the same slots in
    the same order), and each setup load of the cube's work-item loop whose
    window depends on the item only through quotients `item / d` runs under
    an `scf.if`: at the range's first item, or where such a quotient differs
    from the previous item's. Launches whose cube task has no such load, or
    whose tasks are launched elsewhere too, are left alone.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"];
}

//===----------------------------------------------------------------------===//
// Passes on ascend tasks
//===----------------------------------------------------------------------===//

def AscendMergeLaunches : Pass<"ascend-merge-launches", "::mlir::ModuleOp"> {
  let summary = "runs consecutive independent launches on the same cores as one";
  let description = [{
    Two consecutive `ascend.launch` ops (only host arithmetic, views and
    allocations between them) of tasks on the same core type, each with one
    block-cyclic work-item loop from `block_idx` at its top level,
    whose tasks share no global tensor that one of them writes (the host
    values behind their arguments, through reshapes; kernel arguments and
    the host's allocations are each their own memory), become one launch of
    a new task on the more blocks of the two (a launch of fewer had fewer
    items than cores; the extra blocks get none of its items): the first's
    body, then the second's with `block_idx` rotated
    to `(block_idx + block_dim - N mod block_dim) mod block_dim`, N the
    first's item count, so that the cores the first left with one item fewer
    take the second's extra items. Its arguments are both launches' host
    values, each once; its fused ops both tasks' in order, its strategy
    theirs if they share it. Tasks no longer launched go. A merged task is
    not merged again. The flagship's kv chain and q norm and quantisation
    run as one launch.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def AscendDoubleBufferSetup : Pass<"ascend-double-buffer-setup", "::tilec::ascend::TaskOp"> {
  let summary = "gives a work item's setup buffers a second copy, for the next item";
  let description = [{
    A buffer the work-item loop (`block_idx` to N step `block_dim`, or, after
    `ascend-reuse-setup`, the core's contiguous range, step 1) loads at
    the start of each item and reads through it (the cube task's A panel, a
    folded vector task's per-head operand) makes every item wait for the one
    before it to finish reading, and the pipes then idle while it loads. The
    loop then runs two items per iteration, i and i + its step (the second
    in an `scf.if`, when present), the second on a copy of each such buffer;
    the original keeps its double-buffering `stage` (0 if it had none) and the
    copy takes the other, which memory planning keeps apart, so one item's
    setup load overlaps the other's work.
    Applied only where the copies fit on chip (`--ascend-plan-memory` would
    place them) and a core may run more than one item (an item count that is
    a constant above the core type's count, or a run-time one).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"];
}

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
    and one wait for the last before the first instruction after the loop
    that touches what the flag's instruction does (a K loop's last chunk,
    which the wait then orders), else before the next loop of the loop's
    block, or at its end (not right after the loop, where it would hold its
    pipe, and every later set from it, until the other pipe is done with the
    loop; the next loop gets the ids back). Double-buffered loops thus overlap: a
    load into one buffer waits only for the instruction that last read that
    buffer. Likewise in a branch of an `scf.if` directly in a loop body, when
    no other op of the loop holds such an access: the wait pairs with the set
    of the last iteration that took the branch, or the one before the loop
    (the guarded second chunk of run-time token rows still overlaps the
    first). A loop-carried flag of a loop directly in another loop's body,
    when nothing else in that body holds an access of Q conflicting with the
    instruction's, is carried through the outer loop too (and so on out): set
    once before it and waited for once after it, so a work item's chunk loop
    hands its flags to the next item's instead of waiting for Q at every
    item's end. A pair whose set would sit right before an `scf.if` holding
    the instruction goes inside it, before the instruction, so a branch that
    rarely runs does not make its pipe wait. Without such a placement (the access and the instruction in
    different branches, a loop-carried hazard outside an `scf.for`) or a free
    event id for its whole span, the pair goes right before the instruction;
    for a loop-carried flag, a second pair then goes where its wait for the
    last iteration would have gone (the first orders nothing the loop does
    after it). Loops are analysed to a fixed point, so hazards between one
    iteration and the next are synchronised too; the walks that compute a
    loop's state count the waits for inner loops' last iterations where
    inserting will place them (no more: a pair they would otherwise assume
    after an inner loop is never inserted), and `scf.if` paths are joined.

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
