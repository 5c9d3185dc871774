//===- Passes.td - tile-level passes ------------------------*- tablegen -*-===//
//
// The passes of compiler/transforms: rewrites of tile-dialect kernels before
// the tile → ascend lowering. Each pass lives in its own .cpp file named after
// it and has a lit test under test/Transforms.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_TRANSFORMS_PASSES_TD
#define TILEC_COMPILER_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def TileAssignTarget : Pass<"tile-assign-target", "::mlir::ModuleOp"> {
  let summary = "records the target chip in the module, where later passes read it";
  let description = [{
    Sets the module attribute `ascend.target` to the `target` option, as the
    typed `#ascend.target<a2a3>` or `#ascend.target<a5>`. The
    passes after it that need the target description (the tile → ascend
    lowering, memory planning, synchronisation, C++ emission) read it there,
    so the option given to the pipeline, not what a dumped module says,
    decides the target. An unknown name is an error at the module.
  }];
  let options = [
    Option<"targetName", "target", "std::string", /*default=*/"\"a2a3\"",
           "the AI Core generation to compile for (a2a3 or a5)">
  ];
}

def TileExpandComposites : Pass<"tile-expand-composites", "::tilec::tile::KernelOp"> {
  let summary = "rewrites the composites (rms_norm, quant_int8, rope, sigmoid, silu, gelu, pow) into primitive tile ops";
  let description = [{
    Each composite becomes the primitive ops of its definition, with all math
    in f32 (inputs are cast to f32 first) and the composite's location on every
    op it expands to:

    - `rms_norm`: `x · rsqrt(row_sum(x·x) / C + eps) [· gamma]`. The mean is a
      division by the column count C (as the definition's `mean` reads), not a
      multiplication by the rounded constant 1/C. A rank-1 gamma is reshaped
      to `[1, C]`.
    - `quant_int8`: `amax = max(row_max(|x|), amax_eps)`, `s = scale_max / amax`,
      `q = i8(rint(x · s))` as a cast f32 →rint i32 (the one rounding) and a
      cast i32 → i8 (exact: |x·s| ≤ scale_max ≤ 127), and `scale = 1 / s`.
      The lowering emits each cast as the target's TCVT chain (f32 → i32, then
      i32 → f16 → i8 on a2a3); a single f32 → f16 → i8 would round twice, and
      the a2a3 chain i32 → f16 does not exist on a5.
    - `rope`: the columns x from `offset` on, as pairs (e, o), become
      `x·C + swap(x)·S`: C = (cos, cos) and S = (−sin, sin) interleaved, built
      once right after the later definition of cos and sin (every rope of
      those tables shares them, and bf16 tables' conversion to f32; a rope in
      a loop does not rebuild them), and
      swap(x) the pairs (o, e) (the odd and even columns re-interleaved). That
      is `e·cos − o·sin` and `e·sin + o·cos` bit for bit (`o·(−sin)` is exact,
      addition commutes) in two products and a sum. The result is inserted
      back over the f32 source, whose leading columns pass through.
    - `sigmoid`: `recip(exp(−x) + 1)`; `silu`: `x / (exp(−x) + 1)`.
    - `gelu` (tanh form): `x / (exp(x · (−c1 − c2·x²)) + 1)`, c1 = 2√(2/π),
      c2 = 0.044715·c1, as `0.5·(1 + tanh z) = sigmoid(2z)`.
    - `pow`: ±0.5 as `sqrt` / `rsqrt`; 0 as a fill of ones; an integer by
      binary exponentiation (squares x, x², x⁴, … multiplied in from the
      lowest set bit), then `recip` for a negative exponent.

    Scalars (C, eps, amax_eps, scale_max, 1, c1, c2) are `arith.constant` f32 operands.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def TileCanonicalizeShapes : Pass<"tile-canonicalize-shapes", "::tilec::tile::KernelOp"> {
  let summary = "puts elementwise math on rank-2 rows × columns and folds reshape chains";
  let description = [{
    The lowering computes on [rows, columns] tiles. The frontend already emits
    rank-2 math: kernel tensors of other ranks are reshaped right after their
    load and right before their store. This pass handles what remains:

    - an elementwise op (unary, cast or binary without broadcasting between
      tensors) on rank-3+ tensors runs on [product of leading dims, last dim],
      between reshapes;
    - a rank-1 [C] operand of a binary op with a rank-2 result becomes a
      [1, C] row, so broadcasting is always row or column expansion;
    - `reshape(reshape(x))` becomes `reshape(x)`, and reshapes that do not
      change the type disappear.
  }];
}

def TileFoldKLoops : Pass<"tile-fold-k-loops", "::tilec::tile::KernelOp"> {
  let summary = "folds a K-loop of accumulating matmuls into one matmul over the K range";
  let description = [{
    A loop with constant bounds whose only carried value is the accumulator
    of the matmul it yields, `acc = matmul(a[:, k + c : k + c + step],
    b[k + c : k + c + step, :], acc=acc)` (b's K chunks along its second
    dimension with `transpose_b`), where a and b are loads or slices of
    values from outside the loop, sliced along K at the loop variable plus a
    constant in chunks of the loop's step and not changing with the loop
    along any other dimension, becomes one matmul of `a[:, lo + c : hi + c]`
    and `b[lo + c : hi + c, :]` accumulating into the loop's initial value
    (without an accumulator when that is zeros). The cube then runs it as one
    task accumulating in L0C, instead of one launch per iteration and an add
    through global memory. A `pipeline` loop's `tile.pipeline_stages` moves to
    the matmul, where the cube blocking reads it.

    The sums are the same exact products added in K order; only where an f32
    sum rounds differs, which the language leaves unspecified (the
    interpreter of the loop rounds once per iteration, the cube adds each
    K0-deep step into L0C, as for `matmul(a, b)`); i8 × i8 → i32 sums are
    exact. It runs with and without fusion, so both lowerings agree bit for
    bit.

    Other loops are left as they are (the pattern's match-failure reasons say
    why). A loop left inside a `scope ... on cube`, which promises one task,
    is an error at the loop giving the reason.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def TileVerifyTarget : Pass<"tile-verify-target", "::tilec::tile::KernelOp"> {
  let summary = "rejects ops the target's AI Core cannot run, at their source location";
  let description = [{
    Checks a kernel against what the lowering can emit for the target:

    - every `tile.cast` needs a chain of at most three legal TCVT steps that
      rounds once (e.g. f32 → i8 on a2a3 is f32 →rint i32 → f16 → i8; bf16 →
      f16 is bf16 → f32 → f16); chains that would round twice are rejected,
      with the hint to spell the intermediate cast;
    - vector arithmetic needs f32, f16, i32 or i16 elements, or bf16 (run
      through f32 where the target has no bf16 arithmetic): i8 arithmetic is
      rejected, as are abs and neg of integers;
    - matmul operands need a cube data path for their element type.

    The chains come from the target description's conversion pairs
    (`findCastChain` in compiler/transforms/CastChain.h). i32 → bf16 is
    rejected with the hint to cast to f32 first. A wrapping cast (`sat = off`)
    needs a chain that carries the exact integer to its last step, so
    i32/f32 → i8 wrapping through f16 is rejected. Every bad op is reported,
    each at its location, not just the first.

    Matmul sizes are not limited here: the lowering tiles m, k and n into
    instructions within the cube's limits.
  }];
  let options = [
    Option<"targetName", "target", "std::string", /*default=*/"\"a2a3\"",
           "the AI Core generation to check against (a2a3 or a5)">
  ];
}

def TilePushSlices : Pass<"tile-push-slices", "::tilec::tile::KernelOp"> {
  let summary = "computes elementwise ops on the slices their results are read through";
  let description = [{
    `slice(f(a, b))` becomes `f(slice(a), slice(b))` when every use of `f`'s
    result is a slice (f: binary math, unary math, cast). Broadcast operands
    keep their size-1 dimensions; operands the slice covers whole are used as
    they are. Repeated, this moves a chain of elementwise math to where its
    slices are read: into a per-head loop, for example, where it fuses with
    the rest of the head's math instead of passing through global memory
    (the flagship's q dequantisation `f32(qr @ wq_b) · scale · wq_b_scale`
    moves into its per-head loop, next to the head's RMSNorm and RoPE, instead
    of a [T, H·D] f32 round trip through GM).
    Each element is computed by the same ops as before, so results are
    unchanged.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def TileSinkCompares : Pass<"tile-sink-compares", "::tilec::tile::KernelOp"> {
  let summary = "gives every select its own tile.cmp, right before it";
  let description = [{
    A mask is never stored: the lowering computes it in the task of the
    select that reads it (TCMP or TCMPS into a packed-bit UB mask, then TSEL
    or TSELS). Each use of a `tile.cmp` by a select's mask operand gets a copy
    of the compare inserted just before that select (the original is erased
    once unused), so `tile-fuse-rows` puts compare and select in one scope and
    the one-task-per-op lowering finds the compare at its select. Any other
    reader of a mask is an error at that reader. Runs after
    `tile-push-slices`, which would otherwise slice masks.
  }];
}

def TileFuseRows : Pass<"tile-fuse-rows", "::tilec::tile::KernelOp"> {
  let summary = "groups chains of row-wise vector ops into scopes that run as one task";
  let description = [{
    A row-wise op computes each row of its result from the same row of its
    operands or from operands shared by all rows (elementwise math, casts,
    row reductions and broadcasts, even/odd gathers, interleaves, column
    slices and inserts): RMSNorm, per-row INT8 quantization and RoPE are such
    chains, whether written with the composites or op by op.
    compiler/transforms/RowFusion.h decides which ops are row-wise; a column slice or insert joins
    only with constant offsets whose first column starts a 32-byte block (the
    fused lowering moves it with a UB TEXTRACT/TINSERT, which a2a3 runs on
    whole blocks), a reshape only when it keeps rows × columns. Every tensor
    of a group has the group's token rows or one row, except operands of
    binary ops and broadcasts, which may broadcast numpy-style from any rows.

    Within each block, in program order, an op joins the group of a producer when their
    token rows agree and no op outside the group uses the group's values
    before it. Each group of two ops or more becomes a
    `tile.scope "fused_l<line>" core = <vector>` at the position of its last
    op, yielding the values used outside; the lowering runs it as one vector
    task over chunks of token rows, with every intermediate in UB. Groups of
    views only, or exporting a one-row value, are left alone.

    A loop whose body is row-wise (compiler/transforms/RowFusion.h,
    `rowWiseLoopRows`: row-wise ops, constants, integer index arithmetic,
    loads and stores of global windows that keep every row at any column,
    one-column updates, such loops) runs on chip: before the groups are
    formed, each outermost such loop becomes a scope of its own, named after
    its line, yielding the carried tensors read after it. The constants move
    in front of it; the row-wise ops computing its carried tensors' first
    values that nothing else reads move in with it; a one-column update at a
    run-time column (`t[:, i : i + 1] = c`) becomes a compare of the column
    positions (an iota computed once, before the loop) with the offset and a
    select, since a UB window cannot start at any column. The lowering runs
    the loop inside the task's chunk loop with the carried tensors in UB. A
    parallel loop that carries nothing stays in the host program
    (ascend-fold-parallel-loops makes it one launch), as does a loop that
    loads a tensor it stores, yields one carried tensor in another's place,
    or whose carried results read after it lack the token rows.

    Not fused: column reductions (they cross token rows), matmuls (cube),
    gathers of rows, and loads and stores outside such loops. A user-written
    vector scope stays as written, with its loads moved in front of it and its
    stores after it (the stored values become its results; loops that run on
    chip stay in it), and must run as one chunked task: an op that prevents it
    (a column reduction, a loop that cannot run on chip, a load of a tensor
    the scope writes) is an error at the op, with a note at the scope. With
    `tokens = N` N must also divide its token rows.
  }];
}

#endif // TILEC_COMPILER_TRANSFORMS_PASSES_TD
