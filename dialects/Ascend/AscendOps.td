//===- AscendOps.td - ascend dialect operations ---------------*- tablegen -*-===//
#ifndef TILEC_ASCEND_OPS_TD
#define TILEC_ASCEND_OPS_TD

include "dialects/Ascend/AscendAttrs.td"
include "dialects/Ascend/AscendStrategyAttrs.td"
include "dialects/Ascend/AscendInterfaces.td"
include "dialects/Ascend/AscendTypes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// The host program
//===----------------------------------------------------------------------===//

def Ascend_KernelOp : Ascend_Op<"kernel", [FunctionOpInterface, IsolatedFromAbove, Symbol]> {
  let summary = "the host program of a kernel: scratch tensors, loops and launches";
  let description = [{
    What a `tile.kernel` becomes after `convert-tile-to-ascend`: the same
    parameters (global tensors as `!ascend.gm`, outputs marked `ascend.out`,
    i32 and f32 scalars) and a body that allocates GM scratch tensors, computes
    indices, loops and launches tasks in program order. It runs on the host;
    only `ascend.task`s run on the cores.
    ```mlir
    ascend.kernel @scale(%x: !ascend.gm<64x128xf32>, %y: !ascend.gm<64x128xf32> {ascend.out}) {
      ascend.launch @scale_v0(%x, %y) blocks = 8 : (!ascend.gm<64x128xf32>, !ascend.gm<64x128xf32>) -> ()
      ascend.return
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let regions = (region MaxSizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() { return getFunctionType().getInputs(); }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() { return getFunctionType().getResults(); }
    /// The name of the unit argument attribute that marks an output.
    static ::llvm::StringRef getOutputAttrName() { return "ascend.out"; }
    bool isOutput(unsigned argIndex) {
      return getArgAttr(argIndex, getOutputAttrName()) != nullptr;
    }
  }];
}

def Ascend_AllocGmOp : Ascend_Op<"alloc_gm", [MemoryEffects<[MemAlloc]>,
    HasParent<"KernelOp">]> {
  let summary = "host side: a scratch tensor in global memory";
  let description = [{
    For intermediates that do not fit on chip or pass between tasks; the host
    program allocates it before the launches that use it.
    `%s = ascend.alloc_gm : !ascend.gm<64x7168xbf16>`
  }];
  let results = (outs Ascend_GlobalTensorType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

//===----------------------------------------------------------------------===//
// Tasks and launches
//===----------------------------------------------------------------------===//

def Ascend_TaskOp : Ascend_Op<"task", [FunctionOpInterface, IsolatedFromAbove, Symbol]> {
  let summary = "the code one core runs for one block of a kernel step";
  let description = [{
    Global tensors and scalars come in as arguments; `ascend.block_idx` tells
    which block of the launch this instance is.
    ```mlir
    ascend.task @rmsnorm_v0(%x: !ascend.gm<128x1024xbf16>, %y: !ascend.gm<128x1024xbf16>)
        attributes {core = #ascend.core<aiv>} { ... ascend.return }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       Ascend_CoreTypeAttr:$core,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let regions = (region MaxSizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() { return getFunctionType().getInputs(); }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() { return getFunctionType().getResults(); }
  }];
}

def Ascend_ReturnOp : Ascend_Op<"return", [Pure, Terminator, ReturnLike,
    ParentOneOf<["TaskOp", "KernelOp"]>]> {
  let summary = "ends a task or a host program";
  let description = [{
    The terminator of an `ascend.task` or `ascend.kernel` body; neither has
    results.
  }];
  let assemblyFormat = "attr-dict";
}

def Ascend_LaunchOp : Ascend_Op<"launch", [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "host side: run a task on `blocks` cores, after the launches before it";
  let description = [{
    Runs `blocks` instances of the task (each sees its own `ascend.block_idx`)
    with the given global tensors and scalars; the argument types must be the
    task's. Launches run in program order.
    ```mlir
    ascend.launch @rmsnorm_v0(%x, %y) blocks = 24 : (!ascend.gm<128x1024xbf16>, !ascend.gm<128x1024xbf16>) -> ()
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$task, Variadic<AnyType>:$args,
                       ConfinedAttr<I64Attr, [IntPositive]>:$blocks);
  let assemblyFormat = [{
    $task `(` $args `)` `blocks` `=` $blocks attr-dict `:` functional-type($args, results)
  }];
}

def Ascend_BlockIdxOp : Ascend_Op<"block_idx", [Pure]> {
  let summary = "the index of this block in its launch";
  let description = [{
    In `[0, ascend.block_dim)`; tasks use it to pick their rows of the data.
    `%b = ascend.block_idx`
  }];
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

def Ascend_BlockDimOp : Ascend_Op<"block_dim", [Pure]> {
  let summary = "the number of blocks of this launch";
  let description = [{
    The `blocks` of the `ascend.launch` that runs this task.
    `%n = ascend.block_dim`
  }];
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

def Ascend_GmConstantOp : Ascend_Op<"gm_constant", [Pure]> {
  let summary = "host side: a global tensor holding constant data (e.g. an index table)";
  let description = [{
    The value's shape and element type are the tensor's.
    `%t = ascend.gm_constant dense<[0, 2, 1, 3]> : tensor<4xi32> : !ascend.gm<4xi32>`
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Ascend_GlobalTensorType:$result);
  let assemblyFormat = "$value attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

def Ascend_GmReshapeOp : Ascend_Op<"gm_reshape", [Pure]> {
  let summary = "host side: the same contiguous global tensor under another shape";
  let description = [{
    No data moves: the result views the same bytes. Element type and element
    count must match.
    `%y = ascend.gm_reshape %x : !ascend.gm<4x16x128xf32> -> !ascend.gm<64x128xf32>`
  }];
  let arguments = (ins Ascend_GlobalTensorType:$source);
  let results = (outs Ascend_GlobalTensorType:$result);
  let assemblyFormat = "$source attr-dict `:` qualified(type($source)) `->` qualified(type($result))";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Buffers
//===----------------------------------------------------------------------===//

def Ascend_AllocOp : Ascend_Op<"alloc", [MemoryEffects<[MemAlloc]>]> {
  let summary = "an on-chip buffer; memory planning assigns its byte offset";
  let description = [{
    The buffer's memory space is part of its type. `offset` (a multiple of 32
    bytes) is set by `--ascend-plan-memory`; before planning it is absent.
    Buffers of different `stage`s (double buffering: one stage computes while
    the other loads) never share bytes.
    ```mlir
    %t = ascend.alloc : !ascend.tile<16x128xf32, ub>
    %u = ascend.alloc {offset = 8192 : i64} : !ascend.tile<16x128xf32, ub>
    %v = ascend.alloc {stage = 1 : i64} : !ascend.tile<16x128xf32, ub>
    ```
  }];
  let arguments = (ins OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$offset,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$stage);
  let results = (outs Ascend_AnyTile:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

def Ascend_SetValidRowsOp : Ascend_Op<"set_valid_rows"> {
  let summary = "the rows of a vector tile that the instructions after it compute on";
  let description = [{
    From here on, instructions on `tile` use its first `rows` rows (pto-isa's
    `SetValidRow` of a tile with DYNAMIC valid rows); its other rows are
    neither read nor written. The lowering sets it on every tile of a chunk
    of a run-time dim's token rows at the start of the chunk, with the rows
    present, so no instruction computes on rows past the dim's value (what
    they hold is stale; pto-isa's simulator traps a division by a zero there).
    ```mlir
    ascend.set_valid_rows %t, %n : !ascend.tile<64x128xf32, ub>
    ```
  }];
  let arguments = (ins Ascend_AnyTile:$tile, Index:$rows);
  let assemblyFormat = "$tile `,` $rows attr-dict `:` qualified(type($tile))";
  let hasVerifier = 1;
}

include "dialects/Ascend/AscendInstructionOps.td"
include "dialects/Ascend/AscendSelectOps.td"
include "dialects/Ascend/AscendSyncOps.td"
include "dialects/Ascend/AscendMixedOps.td"

#endif // TILEC_ASCEND_OPS_TD
