//===- AscendMixedOps.td - cube <-> vector hand-off in a mixed launch -*- tablegen -*-===//
//
// A mixed launch runs a cube task and a vector task together, one AIC and its
// AIVs per cluster; the AIC pushes finished output blocks into a ring of
// slots and the AIVs pop them (pto-isa's TPipe / TPUSH / TPOP): GM slots on
// a2a3, slots in the AIVs' UB on a5. A v2c ring runs the other way: the AIVs
// push rows of their halves of each slot and the AIC pops whole slots (GM).
// Included by AscendOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_MIXED_OPS_TD
#define TILEC_ASCEND_MIXED_OPS_TD

def Ascend_AllocRingOp : Ascend_Op<"alloc_ring", [MemoryEffects<[MemAlloc]>,
    HasParent<"KernelOp">]> {
  let summary = "host side: the GM slots of a ring, one ring per cluster";
  let description = [{
    Allocated before the `ascend.launch_mixed` that passes it to both of its
    tasks; each cluster uses its own `slots` × slot bytes.
    `%r = ascend.alloc_ring : !ascend.ring<slots = 4, rows = 128, cols = 512, element = i32>`
  }];
  let results = (outs Ascend_RingType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def Ascend_LaunchMixedOp : Ascend_Op<"launch_mixed",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "host side: run a cube task and a vector task together, cluster by cluster";
  let description = [{
    Runs `blocks` clusters; in each, the AIC runs `cube` and its AIVs run
    `vector`, all with the same arguments and `ascend.block_idx`, meeting
    through the rings among the arguments (at least one). `cube` must be an
    `aic` task and `vector` an `aiv` task, both taking the arguments' types.
    ```mlir
    ascend.launch_mixed @mm_c, @chain_v(%a, %b, %ring, %y) blocks = 20 : (...) -> ()
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$cube, FlatSymbolRefAttr:$vector,
                       Variadic<AnyType>:$args, ConfinedAttr<I64Attr, [IntPositive]>:$blocks);
  let assemblyFormat = [{
    $cube `,` $vector `(` $args `)` `blocks` `=` $blocks attr-dict `:` functional-type($args, results)
  }];
  let hasVerifier = 1;
}

def Ascend_TPushOp : Ascend_Instr<"tpush", "TPUSH", "fix"> {
  let summary = "AIC: an accumulator block into the ring's current slot (fixpipe)";
  let description = [{
    Stores `src` (L0C) at column `col` of the slot the cluster's AIC is
    filling: before the slot's first block (`col` = 0) it waits until the
    AIVs have freed the slot when the ring is full; after the block that ends
    the slot (`col` + its columns = the slot's) it sets "slot full" and moves
    to the next slot. `src` has the slot's rows and element type, and its
    columns divide the slot's. Into a ring in the AIVs' UB (a5) the fixpipe
    moves the block L0C → UB, each AIV's row half into its UB, and `src` is
    the whole slot (`col` = 0). Only in an `aic` task.
    ```mlir
    ascend.tpush %acc, %ring[%col] : !ascend.tile<128x128xi32, l0c>, !ascend.ring<slots = 4, rows = 128, cols = 512, element = i32>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_RingType, "", [MemWrite]>:$ring, Index:$col);
  let assemblyFormat = [{
    $src `,` $ring `[` $col `]` attr-dict `:` qualified(type($src)) `,` qualified(type($ring))
  }];
  let hasVerifier = 1;
}

def Ascend_TPushRowsOp : Ascend_Instr<"tpush_rows", "TPUSH", "mte3"> {
  let summary = "AIV: rows of its half of a v2c ring's current slot (MTE3)";
  let description = [{
    Stores `src` (UB) at row `row` of this AIV's row half (`get_subblockid()`)
    of the GM slot its cluster is filling: before the half's first rows
    (`row` = 0) it waits until the AIC has freed slots when the ring is full;
    after the rows that end the half (`row` + its rows = half the slot's) it
    sets "slot full" (the AIC sees it once both AIVs have) and moves to the
    next slot. `src` has the slot's columns and element type, and its rows
    divide the half's. Only in an `aiv` task, into a `direction = v2c` ring.
    ```mlir
    ascend.tpush_rows %t, %ring[%row] : !ascend.tile<16x1024xi8, ub>, !ascend.ring<slots = 2, rows = 128, cols = 1024, element = i8, direction = v2c>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_RingType, "", [MemWrite]>:$ring, Index:$row);
  let assemblyFormat = [{
    $src `,` $ring `[` $row `]` attr-dict `:` qualified(type($src)) `,` qualified(type($ring))
  }];
  let hasVerifier = 1;
}

def Ascend_TPopOp : Ascend_Op<"tpop"> {
  let summary = "wait for the ring's next full slot and view it, or this AIV's part of it";
  let description = [{
    Waits until the other side has filled the next slot of a GM ring and
    returns it as a global tensor (a ring in UB is popped by
    `ascend.tpop_tile`): the whole slot (`none`), or with `up_down` the row
    half of this AIV (`get_subblockid()`), so the slot's rows must be even.
    The task reads it with `ascend.tload` and releases it with the
    `ascend.tfree` of the same ring that must follow in the same block. In
    an `aiv` task for a c2v ring; in an `aic` task, the whole slot, for a
    v2c ring.
    ```mlir
    %s = ascend.tpop %ring <up_down> : !ascend.ring<slots = 4, rows = 128, cols = 512, element = i32> -> !ascend.gm<64x512xi32>
    ```
  }];
  let arguments = (ins Ascend_RingType:$ring, Ascend_SlotSplitAttr:$split);
  let results = (outs Ascend_GlobalTensorType:$slot);
  let assemblyFormat = [{
    $ring $split attr-dict `:` qualified(type($ring)) `->` qualified(type($slot))
  }];
  let hasVerifier = 1;
}

def Ascend_TFreeOp : Ascend_Op<"tfree"> {
  let summary = "release the slot popped last, once its loads have finished";
  let description = [{
    Tells the other side the slot may be refilled (pto-isa sets "slots free"
    every sync period of pops, after MTE2 has read them). In the task that
    pops the ring: `aiv` for a c2v ring, `aic` for a v2c one.
    `ascend.tfree %ring : !ascend.ring<slots = 4, rows = 128, cols = 512, element = i32>`
  }];
  let arguments = (ins Ascend_RingType:$ring);
  let assemblyFormat = "$ring attr-dict `:` qualified(type($ring))";
  let hasVerifier = 1;
}

def Ascend_TPopTileOp : Ascend_Instr<"tpop_tile", "TPOP", "v"> {
  let summary = "AIV: wait for the UB ring's next full slot, this AIV's row half as a tile";
  let description = [{
    The pop of a ring in the AIVs' UB (`memory = ub`, a5): waits on the
    vector pipe until the AIC's fixpipe has moved the next slot in, and
    returns this AIV's row half of it where it lies, a UB tile at the slot's
    place in the ring (pto-isa's `TPOP` into a `Vec` tile, `TILE_UP_DOWN`).
    The vector task computes on it and releases it with the `ascend.tfree_tile`
    that must follow in the same block, before the ring's next pop (pto-isa's
    `TFREE` frees the slot popped last). Only in an `aiv` task.
    ```mlir
    %t = ascend.tpop_tile %ring : !ascend.ring<slots = 2, rows = 32, cols = 512, element = i32, memory = ub> -> !ascend.tile<16x512xi32, ub>
    ```
  }];
  let arguments = (ins Ascend_RingType:$ring);
  let results = (outs Res<Ascend_AnyTile, "", [MemWrite]>:$slot);
  let assemblyFormat = [{
    $ring attr-dict `:` qualified(type($ring)) `->` qualified(type($slot))
  }];
  let hasVerifier = 1;
}

def Ascend_TFreeTileOp : Ascend_Instr<"tfree_tile", "TFREE", "v"> {
  let summary = "AIV: release a slot of a UB ring once every read of it has finished";
  let description = [{
    Tells the AIC the slot `slot` (an `ascend.tpop_tile` of `ring`) may be
    refilled: pto-isa's `TFREE`, which sets "slots free" from the vector pipe
    every sync period of pops. Declared as writing the slot, so sync
    insertion orders every earlier read of it (on any pipe) before it. Only in
    an `aiv` task.
    ```mlir
    ascend.tfree_tile %t, %ring : !ascend.tile<16x512xi32, ub>, !ascend.ring<slots = 2, rows = 32, cols = 512, element = i32, memory = ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$slot, Ascend_RingType:$ring);
  let assemblyFormat = [{
    $slot `,` $ring attr-dict `:` qualified(type($slot)) `,` qualified(type($ring))
  }];
  let hasVerifier = 1;
}

def Ascend_SubblockIdxOp : Ascend_Op<"subblock_idx", [Pure]> {
  let summary = "which AIV of its cluster this core is";
  let description = [{
    0 or 1 on the AIVs of a mixed launch (`get_subblockid()`), the row half
    an `up_down` pop views; 0 on an AIC and outside a mixed launch.
    `%s = ascend.subblock_idx`
  }];
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

#endif // TILEC_ASCEND_MIXED_OPS_TD
