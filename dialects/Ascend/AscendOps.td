//===- AscendOps.td - ascend dialect operations ---------------*- tablegen -*-===//
#ifndef TILEC_ASCEND_OPS_TD
#define TILEC_ASCEND_OPS_TD

include "dialects/Ascend/AscendAttrs.td"
include "dialects/Ascend/AscendInterfaces.td"
include "dialects/Ascend/AscendTypes.td"
include "dialects/Tile/TileAttrs.td"
include "dialects/Tile/TileTypes.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Tasks and launches
//===----------------------------------------------------------------------===//

def Ascend_TaskOp : Ascend_Op<"task", [FunctionOpInterface, IsolatedFromAbove, Symbol]> {
  let summary = "the code one core runs for one block of a kernel step";
  let description = [{
    Global tensors and scalars come in as arguments; `ascend.block_idx` tells
    which block of the launch this instance is.
    ```mlir
    ascend.task @rmsnorm_v0(%x: !tile.gm<128x1024xbf16>, %y: !tile.gm<128x1024xbf16>)
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
    ParentOneOf<["TaskOp"]>]> {
  let summary = "ends a task";
  let assemblyFormat = "attr-dict";
}

def Ascend_LaunchOp : Ascend_Op<"launch", [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "host side: run a task on `blocks` cores, after the launches before it";
  let arguments = (ins FlatSymbolRefAttr:$task, Variadic<AnyType>:$args,
                       ConfinedAttr<I64Attr, [IntPositive]>:$blocks);
  let assemblyFormat = [{
    $task `(` $args `)` `blocks` `=` $blocks attr-dict `:` functional-type($args, results)
  }];
}

def Ascend_BlockIdxOp : Ascend_Op<"block_idx", [Pure]> {
  let summary = "the index of this block in its launch";
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

def Ascend_BlockDimOp : Ascend_Op<"block_dim", [Pure]> {
  let summary = "the number of blocks of this launch";
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

def Ascend_GmConstantOp : Ascend_Op<"gm_constant", [Pure]> {
  let summary = "host side: a global tensor holding constant data (e.g. an index table)";
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Tile_GlobalTensorType:$result);
  let assemblyFormat = "$value attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

def Ascend_GmReshapeOp : Ascend_Op<"gm_reshape", [Pure]> {
  let summary = "host side: the same contiguous global tensor under another shape";
  let arguments = (ins Tile_GlobalTensorType:$source);
  let results = (outs Tile_GlobalTensorType:$result);
  let assemblyFormat = "$source attr-dict `:` qualified(type($source)) `->` qualified(type($result))";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Buffers
//===----------------------------------------------------------------------===//

def Ascend_AllocOp : Ascend_Op<"alloc", [MemoryEffects<[MemAlloc]>]> {
  let summary = "an on-chip buffer; memory planning assigns its byte offset";
  let arguments = (ins OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$offset);
  let results = (outs Ascend_AnyTile:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Instructions
//===----------------------------------------------------------------------===//

// Every instruction names its PTO spelling and pipe; its first operand is the
// destination it writes, the others are read.
class Ascend_Instr<string mnemonic, string isaName, string pipe, list<Trait> traits = []>
    : Ascend_Op<mnemonic, !listconcat(traits, [
        DeclareOpInterfaceMethods<Ascend_InstructionOpInterface, ["getPipe", "getIsaName"]>])> {
  string pipeExpr = "::tilec::ascend::Pipe::" # pipe;
  let extraClassDefinition = [{
    ::tilec::ascend::Pipe $cppClass::getPipe() { return }] # pipeExpr # [{; }
    ::llvm::StringRef $cppClass::getIsaName() { return "}] # isaName # [{"; }
  }];
}

// A 2-D tile is a window of a global tensor at one offset per dimension: its
// columns run along the last dimension and its rows along the leading ones in
// row-major order, with the leading extents given by `window` (default: all
// rows along the second-to-last dimension).
def Ascend_TLoadOp : Ascend_Instr<"tload", "TLOAD", "mte2"> {
  let summary = "GM → UB or L1 (MTE2)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Tile_GlobalTensorType, "", [MemRead]>:$src, Variadic<Index>:$offsets,
                       OptionalAttr<DenseI64ArrayAttr>:$window);
  let assemblyFormat = [{
    $dst `,` $src `[` $offsets `]` attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
}

def Ascend_TStoreOp : Ascend_Instr<"tstore", "TSTORE", "mte3"> {
  let summary = "UB → GM (MTE3) or L0C → GM (FIX)";
  let arguments = (ins Arg<Tile_GlobalTensorType, "", [MemWrite]>:$dst, Variadic<Index>:$offsets,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       OptionalAttr<DenseI64ArrayAttr>:$window);
  let assemblyFormat = [{
    $dst `[` $offsets `]` `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
  // The pipe depends on where the source lives.
  let extraClassDefinition = [{
    ::tilec::ascend::Pipe $cppClass::getPipe() {
      return getSrc().getType().getSpace() == MemorySpace::l0c ? Pipe::fix : Pipe::mte3;
    }
    ::llvm::StringRef $cppClass::getIsaName() { return "TSTORE"; }
  }];
}

class Ascend_VecBinary<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = "elementwise " # isaName # " on UB tiles (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$lhs,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$rhs);
  let assemblyFormat = [{
    $dst `,` $lhs `,` $rhs attr-dict `:` qualified(type($dst)) `,` qualified(type($lhs)) `,` qualified(type($rhs))
  }];
  let hasVerifier = 1;
}

def Ascend_TAddOp : Ascend_VecBinary<"tadd", "TADD">;
def Ascend_TSubOp : Ascend_VecBinary<"tsub", "TSUB">;
def Ascend_TMulOp : Ascend_VecBinary<"tmul", "TMUL">;
def Ascend_TDivOp : Ascend_VecBinary<"tdiv", "TDIV">;
def Ascend_TMaxOp : Ascend_VecBinary<"tmax", "TMAX">;
def Ascend_TMinOp : Ascend_VecBinary<"tmin", "TMIN">;
// Broadcast a per-row [R, 1] or per-column [1, C] operand across the other dimension.
def Ascend_TRowExpandAddOp : Ascend_VecBinary<"trowexpandadd", "TROWEXPANDADD">;
def Ascend_TRowExpandSubOp : Ascend_VecBinary<"trowexpandsub", "TROWEXPANDSUB">;
def Ascend_TRowExpandMulOp : Ascend_VecBinary<"trowexpandmul", "TROWEXPANDMUL">;
def Ascend_TRowExpandDivOp : Ascend_VecBinary<"trowexpanddiv", "TROWEXPANDDIV">;
def Ascend_TColExpandAddOp : Ascend_VecBinary<"tcolexpandadd", "TCOLEXPANDADD">;
def Ascend_TColExpandSubOp : Ascend_VecBinary<"tcolexpandsub", "TCOLEXPANDSUB">;
def Ascend_TColExpandMulOp : Ascend_VecBinary<"tcolexpandmul", "TCOLEXPANDMUL">;
def Ascend_TColExpandDivOp : Ascend_VecBinary<"tcolexpanddiv", "TCOLEXPANDDIV">;

class Ascend_VecScalar<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = "elementwise " # isaName # " of a UB tile and a scalar (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, AnyTypeOf<[F32, F16, I32, I16]>:$scalar);
  let assemblyFormat = [{
    $dst `,` $src `,` $scalar attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,` type($scalar)
  }];
  let hasVerifier = 1;
}

def Ascend_TAddSOp : Ascend_VecScalar<"tadds", "TADDS">;
def Ascend_TSubSOp : Ascend_VecScalar<"tsubs", "TSUBS">;
def Ascend_TMulSOp : Ascend_VecScalar<"tmuls", "TMULS">;
def Ascend_TDivSOp : Ascend_VecScalar<"tdivs", "TDIVS">;
def Ascend_TMaxSOp : Ascend_VecScalar<"tmaxs", "TMAXS">;
def Ascend_TMinSOp : Ascend_VecScalar<"tmins", "TMINS">;

class Ascend_VecUnary<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = "elementwise " # isaName # " of a UB tile (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TExpOp : Ascend_VecUnary<"texp", "TEXP">;
def Ascend_TLogOp : Ascend_VecUnary<"tlog", "TLOG">;
def Ascend_TSqrtOp : Ascend_VecUnary<"tsqrt", "TSQRT">;
def Ascend_TRsqrtOp : Ascend_VecUnary<"trsqrt", "TRSQRT">;
def Ascend_TRecipOp : Ascend_VecUnary<"trecip", "TRECIP">;
def Ascend_TAbsOp : Ascend_VecUnary<"tabs", "TABS">;
def Ascend_TNegOp : Ascend_VecUnary<"tneg", "TNEG">;
// Copy within UB (or a layout move between on-chip memories on paths that exist).
def Ascend_TMovOp : Ascend_Instr<"tmov", "TMOV", "v"> {
  let summary = "copies a tile: UB → UB (V), L1 → L0A/L0B (MTE1), L0C → UB on a5 (FIX)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::tilec::ascend::Pipe $cppClass::getPipe() {
      switch (getSrc().getType().getSpace()) {
      case MemorySpace::l1: return Pipe::mte1;
      case MemorySpace::l0c: return Pipe::fix;
      default: return Pipe::v;
      }
    }
    ::llvm::StringRef $cppClass::getIsaName() { return "TMOV"; }
  }];
}

// Row reductions need a scratch tile of the source's shape on a2a3.
class Ascend_VecRowReduce<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = isaName # ": reduce each row of a UB tile to [R, 1] (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_AnyTile, "", [MemWrite]>:$tmp);
  let assemblyFormat = [{
    $dst `,` $src `,` $tmp attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,` qualified(type($tmp))
  }];
  let hasVerifier = 1;
}

def Ascend_TRowSumOp : Ascend_VecRowReduce<"trowsum", "TROWSUM">;
def Ascend_TRowMaxOp : Ascend_VecRowReduce<"trowmax", "TROWMAX">;
def Ascend_TRowMinOp : Ascend_VecRowReduce<"trowmin", "TROWMIN">;

class Ascend_VecColReduce<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = isaName # ": reduce each column of a UB tile to [1, C] (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TColSumOp : Ascend_VecColReduce<"tcolsum", "TCOLSUM">;
def Ascend_TColMaxOp : Ascend_VecColReduce<"tcolmax", "TCOLMAX">;
def Ascend_TColMinOp : Ascend_VecColReduce<"tcolmin", "TCOLMIN">;

def Ascend_TRowExpandOp : Ascend_Instr<"trowexpand", "TROWEXPAND", "v"> {
  let summary = "broadcasts a [R, 1] UB tile across the columns of [R, C] (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TExpandSOp : Ascend_Instr<"texpands", "TEXPANDS", "v"> {
  let summary = "fills a UB tile with a scalar (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst, AnyTypeOf<[F32, F16, I32, I16]>:$scalar);
  let assemblyFormat = "$dst `,` $scalar attr-dict `:` qualified(type($dst)) `,` type($scalar)";
  let hasVerifier = 1;
}

def Ascend_TCvtOp : Ascend_Instr<"tcvt", "TCVT", "v"> {
  let summary = "converts a UB tile's element type with a round mode (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Tile_RoundModeAttr:$round, OptionalAttr<Tile_SaturationAttr>:$sat);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TGatherOp : Ascend_Instr<"tgather", "TGATHER", "v"> {
  let summary = "keeps the even (P0101) or odd (P1010) columns of a UB tile (V)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Tile_GatherPatternAttr:$pattern);
  let assemblyFormat = [{
    $dst `,` $src $pattern attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
}

def Ascend_TGatherIndexOp : Ascend_Instr<"tgather_index", "TGATHER", "v"> {
  let summary = "dst[i, j] = src at storage position indices[i, j] (V)";
  let description = [{
    Positions count elements row-major over the source's padded rows. The
    RoPE re-interleave uses it: with the rows (e_i; o_i) stacked in one tile,
    an index tile picks e0, o0, e1, o1, … for each output row.
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$indices);
  let assemblyFormat = [{
    $dst `,` $src `[` $indices `]` attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,` qualified(type($indices))
  }];
  let hasVerifier = 1;
}

class Ascend_Matmul<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "m"> {
  let summary = isaName # ": L0A [M, K] × L0B [K, N] into L0C [M, N] (M)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$lhs,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$rhs);
  let assemblyFormat = [{
    $dst `,` $lhs `,` $rhs attr-dict `:` qualified(type($dst)) `,` qualified(type($lhs)) `,` qualified(type($rhs))
  }];
  let hasVerifier = 1;
}

def Ascend_TMatmulOp : Ascend_Matmul<"tmatmul", "TMATMUL">;
def Ascend_TMatmulAccOp : Ascend_Matmul<"tmatmul_acc", "TMATMUL_ACC">;

def Ascend_TExtractOp : Ascend_Instr<"textract", "TEXTRACT", "mte1"> {
  let summary = "copies a [rows, cols] window of an L1 tile into L0A or L0B (MTE1)";
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Index:$row, Index:$col);
  let assemblyFormat = [{
    $dst `,` $src `[` $row `,` $col `]` attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

def Ascend_EventId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<7>]>;

class Ascend_FlagOp<string mnemonic> : Ascend_Op<mnemonic> {
  let arguments = (ins Ascend_PipeAttr:$src, Ascend_PipeAttr:$dst, Ascend_EventId:$event);
  let assemblyFormat = "$src `->` $dst `,` $event attr-dict";
  let hasVerifier = 1;
}

def Ascend_SetFlagOp : Ascend_FlagOp<"set_flag"> {
  let summary = "signals `event` from pipe `src` to pipe `dst` when src's earlier work is done";
}
def Ascend_WaitFlagOp : Ascend_FlagOp<"wait_flag"> {
  let summary = "stalls pipe `dst` until `src` has signalled `event`";
}

def Ascend_PipeBarrierOp : Ascend_Op<"pipe_barrier"> {
  let summary = "orders the work issued to one pipe";
  let arguments = (ins Ascend_PipeAttr:$pipe);
  let assemblyFormat = "$pipe attr-dict";
}

#endif // TILEC_ASCEND_OPS_TD
