//===- AscendInstructionOps.td - one op per PTO tile instruction -*- tablegen -*-===//
//
// Included by AscendOps.td (which includes what these need): loads and
// stores, vector and cube instructions. Pipe synchronisation is in
// AscendSyncOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_INSTRUCTION_OPS_TD
#define TILEC_ASCEND_INSTRUCTION_OPS_TD

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
def Ascend_TLoadOp : Ascend_Instr<"tload", "TLOAD", "mte2", [AttrSizedOperandSegments]> {
  let summary = "GM → UB or L1 (MTE2)";
  let description = [{
    Copies the tile-shaped window of the global tensor that starts at the
    offsets (one per global dimension) into `dst`. Without `window` the tile's
    rows run along the second-to-last dimension; `window` gives the extents of
    all leading dimensions, whose product is the tile's row count. Element types
    must match. With `transpose` an L1 tile of [R, C] reads the [C, R] window
    and holds its transpose (PTO-ISA's DN GlobalTensor layout; the cube's B of
    Q·Kᵀ), without `window`. With `rows %n` only the first `%n` rows of the
    tile are loaded (a partial chunk of a run-time number of token rows; the
    tile's other rows keep what they held): the window's rows run along one
    dimension of the global tensor.
    ```mlir
    ascend.tload %t, %x[%b, %c0] : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
    ascend.tload %u, %y[%c4, %c0, %c0] {window = array<i64: 4, 8>} : !ascend.tile<32x64xf16, ub>, !ascend.gm<16x8x64xf16>
    ascend.tload %k, %kt[%n, %c0] {transpose} : !ascend.tile<128x64xbf16, l1>, !ascend.gm<256x128xbf16>
    ascend.tload %p, %x[%r, %c0] rows %n : !ascend.tile<16x128xf32, ub>, !ascend.gm<64x128xf32>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_GlobalTensorType, "", [MemRead]>:$src, Variadic<Index>:$offsets,
                       Optional<Index>:$valid_rows,
                       OptionalAttr<DenseI64ArrayAttr>:$window, UnitAttr:$transpose);
  let assemblyFormat = [{
    $dst `,` $src `[` $offsets `]` (`rows` $valid_rows^)? attr-dict `:` qualified(type($dst)) `,`
    qualified(type($src))
  }];
  let hasVerifier = 1;
}

def Ascend_TStoreOp : Ascend_Instr<"tstore", "TSTORE", "mte3", [AttrSizedOperandSegments]> {
  let summary = "UB → GM (MTE3) or L0C → GM (FIX)";
  let description = [{
    The inverse of `ascend.tload`, with the same offsets, `window` and
    `rows %n` (only the tile's first `%n` rows are stored). A store
    from L0C goes through the fixpipe, which may narrow the accumulator (f32 →
    bf16) on the way, so only then may the element types differ.
    ```mlir
    ascend.tstore %y[%b, %c0], %t : !ascend.gm<64x128xf32>, !ascend.tile<16x128xf32, ub>
    ascend.tstore %c[%c0, %c0], %acc : !ascend.gm<64x128xbf16>, !ascend.tile<64x128xf32, l0c>
    ```
  }];
  let arguments = (ins Arg<Ascend_GlobalTensorType, "", [MemWrite]>:$dst, Variadic<Index>:$offsets,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Optional<Index>:$valid_rows,
                       OptionalAttr<DenseI64ArrayAttr>:$window);
  let assemblyFormat = [{
    $dst `[` $offsets `]` `,` $src (`rows` $valid_rows^)? attr-dict `:` qualified(type($dst)) `,`
    qualified(type($src))
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
  let description = [{
    `dst = lhs op rhs` on UB tiles of one shape and element type. a2a3 has
    i16, i32, f16 and f32 forms only (no bf16 or i8 arithmetic: convert first).
    ```mlir
    ascend.tadd %d, %a, %b : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
    ```
  }];
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
class Ascend_VecRowExpand<string mnemonic, string isaName> : Ascend_VecBinary<mnemonic, isaName> {
  let summary = isaName # ": combines an [R, C] UB tile with one 32-byte block per row (V)";
  let description = [{
    `dst[i, j] = lhs[i, j] op rhs[i, j mod B]` with B = 32 / element bytes:
    the right operand is [R, B], each row's value filling its 32-byte block
    (`trowexpand` of an [R, 1] tile), the row-major form PTO-ISA accepts. An
    [R, 1] row-major operand would be read as a whole block, lanes 1 to B-1
    being whatever the padding holds. Element types as for the elementwise
    binaries.
    ```mlir
    ascend.trowexpandmul %d, %a, %r : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x8xf32, ub>
    ```
  }];
}
class Ascend_VecColExpand<string mnemonic, string isaName> : Ascend_VecBinary<mnemonic, isaName> {
  let summary = isaName # ": combines an [R, C] UB tile with a per-column [1, C] tile (V)";
  let description = [{
    `dst[i, j] = lhs[i, j] op rhs[0, j]`, e.g. applying a weight vector to
    every row. Element types as for the elementwise binaries.
    ```mlir
    ascend.tcolexpandmul %d, %a, %g : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<1x128xf32, ub>
    ```
  }];
}
def Ascend_TRowExpandAddOp : Ascend_VecRowExpand<"trowexpandadd", "TROWEXPANDADD">;
def Ascend_TRowExpandSubOp : Ascend_VecRowExpand<"trowexpandsub", "TROWEXPANDSUB">;
def Ascend_TRowExpandMulOp : Ascend_VecRowExpand<"trowexpandmul", "TROWEXPANDMUL">;
def Ascend_TRowExpandDivOp : Ascend_VecRowExpand<"trowexpanddiv", "TROWEXPANDDIV">;
def Ascend_TColExpandAddOp : Ascend_VecColExpand<"tcolexpandadd", "TCOLEXPANDADD">;
def Ascend_TColExpandSubOp : Ascend_VecColExpand<"tcolexpandsub", "TCOLEXPANDSUB">;
def Ascend_TColExpandMulOp : Ascend_VecColExpand<"tcolexpandmul", "TCOLEXPANDMUL">;
def Ascend_TColExpandDivOp : Ascend_VecColExpand<"tcolexpanddiv", "TCOLEXPANDDIV">;

class Ascend_VecScalar<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = "elementwise " # isaName # " of a UB tile and a scalar (V)";
  let description = [{
    `dst = src op scalar`; the scalar has the tiles' element type (i16, i32,
    f16 or f32 on a2a3).
    ```mlir
    ascend.tmuls %d, %a, %s : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>, f32
    ```
  }];
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
  let description = [{
    `dst = op(src)` on UB tiles of one shape and element type; f16 and f32
    only on a2a3.
    ```mlir
    ascend.texp %d, %a : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
    ```
  }];
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
  let description = [{
    Shapes must match. From L0C (L0C → L1 on a2a3, L0C → UB on a5) the
    fixpipe may convert the element type; the other paths copy it unchanged.
    ```mlir
    ascend.tmov %a0, %a1 : !ascend.tile<64x256xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
    ```
  }];
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

// Row reductions need a scratch tile on a2a3 (base/RowReduceTmp.h).
class Ascend_VecRowReduce<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "v"> {
  let summary = isaName # ": reduce each row of a UB tile to [R, 1] (V)";
  let description = [{
    `dst` is [R, 1] for an [R, C] `src`; `tmp` is a scratch tile of R rows
    and the source's element type that the a2a3 instruction overwrites, with
    at least the columns it writes (`base/RowReduceTmp.h`: half the repeats of
    a float row longer than one repeat, else one 32-byte block).
    ```mlir
    ascend.trowsum %r, %a, %tmp : !ascend.tile<16x1xf32, ub>, !ascend.tile<16x128xf32, ub>, !ascend.tile<16x128xf32, ub>
    ```
  }];
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
  let description = [{
    `dst` is [1, C] for an [R, C] `src`, same element type.
    ```mlir
    ascend.tcolmax %c, %a : !ascend.tile<1x128xf32, ub>, !ascend.tile<16x128xf32, ub>
    ```
  }];
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
  let description = [{
    `dst[i, j] = src[i, 0]`.
    ```mlir
    ascend.trowexpand %d, %r : !ascend.tile<16x128xf32, ub>, !ascend.tile<16x1xf32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TExpandSOp : Ascend_Instr<"texpands", "TEXPANDS", "v"> {
  let summary = "fills a UB tile with a scalar (V)";
  let description = [{
    The scalar has the tile's element type.
    `ascend.texpands %d, %s : !ascend.tile<16x128xf32, ub>, f32`
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst, AnyTypeOf<[F32, F16, I32, I16]>:$scalar);
  let assemblyFormat = "$dst `,` $scalar attr-dict `:` qualified(type($dst)) `,` type($scalar)";
  let hasVerifier = 1;
}

def Ascend_TCvtOp : Ascend_Instr<"tcvt", "TCVT", "v"> {
  let summary = "converts a UB tile's element type with a round mode (V)";
  let description = [{
    Shapes must match; the round mode is always explicit and `sat` overrides
    the hardware's default saturation. Which pairs exist depends on the target
    (a2a3 has no f32 → i8 and no bf16 → f16); the conversion passes check them
    against the target description.
    ```mlir
    ascend.tcvt %b, %f {round = #ascend.round<rint>} : !ascend.tile<16x64xbf16, ub>, !ascend.tile<16x64xf32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Ascend_RoundModeAttr:$round, OptionalAttr<Ascend_SaturationAttr>:$sat);
  let assemblyFormat = "$dst `,` $src attr-dict `:` qualified(type($dst)) `,` qualified(type($src))";
  let hasVerifier = 1;
}

def Ascend_TGatherOp : Ascend_Instr<"tgather", "TGATHER", "v"> {
  let summary = "keeps the even (P0101) or odd (P1010) columns of a UB tile (V)";
  let description = [{
    An [R, 2C] source of 2- or 4-byte elements gives an [R, C] destination.
    ```mlir
    ascend.tgather %e, %a <even> : !ascend.tile<16x32xbf16, ub>, !ascend.tile<16x64xbf16, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Ascend_GatherPatternAttr:$pattern);
  let assemblyFormat = [{
    $dst `,` $src $pattern attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
}

def Ascend_ScalarLoadOp : Ascend_Instr<"scalar_load", "SCALAR_LOAD", "s"> {
  let summary = "reads one element of a global tensor on the scalar unit (S)";
  let description = [{
    Data-dependent addressing, e.g. the decode kernel's per-token RoPE row:
    `%i = ascend.scalar_load %pos[%t] : !ascend.gm<128xi32> -> i32`.
  }];
  let arguments = (ins Arg<Ascend_GlobalTensorType, "", [MemRead]>:$source,
                       Variadic<Index>:$offsets);
  let results = (outs AnyTypeOf<[I32, F32]>:$result);
  let assemblyFormat = [{
    $source `[` $offsets `]` attr-dict `:` qualified(type($source)) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Ascend_TTransOp : Ascend_Instr<"ttrans", "TTRANS", "v"> {
  let summary = "dst [C, R] = the transpose of src [R, C] (V)";
  let description = [{
    1-, 2- or 4-byte elements of one type. `tmp` is PTO-ISA's scratch tile of
    `TTRANS(dst, src, tmp)`, here of dst's type.
    ```mlir
    ascend.ttrans %d, %s, %t : !ascend.tile<64x16xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<64x16xf32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_AnyTile, "", [MemWrite]>:$tmp);
  let assemblyFormat = [{
    $dst `,` $src `,` $tmp attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,`
    qualified(type($tmp))
  }];
  let hasVerifier = 1;
}

def Ascend_TGatherIndexOp : Ascend_Instr<"tgather_index", "TGATHER", "v"> {
  let summary = "dst[i, j] = src at storage position indices[i, j] (V)";
  let description = [{
    Positions count elements row-major over the source's padded rows. The
    RoPE re-interleave uses it: with the rows (e_i; o_i) stacked in one tile,
    an index tile picks e0, o0, e1, o1, … for each output row. `tmp` is
    PTO-ISA's scratch tile of the index form `TGATHER(dst, src, indices,
    tmp)`: i32, the index tile's shape (a2a3 scales the indices to byte
    offsets in it).
    ```mlir
    ascend.tgather_index %d, %s[%i], %t : !ascend.tile<8x64xf16, ub>, !ascend.tile<16x64xf16, ub>, !ascend.tile<8x64xi32, ub>, !ascend.tile<8x64xi32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$indices,
                       Arg<Ascend_AnyTile, "", [MemWrite]>:$tmp);
  let assemblyFormat = [{
    $dst `,` $src `[` $indices `]` `,` $tmp attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,`
    qualified(type($indices)) `,` qualified(type($tmp))
  }];
  let hasVerifier = 1;
}

class Ascend_Matmul<string mnemonic, string isaName>
    : Ascend_Instr<mnemonic, isaName, "m"> {
  let summary = isaName # ": L0A [M, K] × L0B [K, N] into L0C [M, N] (M)";
  let description = [{
    f32 ← bf16/f16/f32 operands, i32 ← i8 operands; M, K and N at most 4095.
    `tmatmul` overwrites `dst`.
    ```mlir
    ascend.tmatmul %c, %a, %b : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$lhs,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$rhs);
  let assemblyFormat = [{
    $dst `,` $lhs `,` $rhs attr-dict `:` qualified(type($dst)) `,` qualified(type($lhs)) `,` qualified(type($rhs))
  }];
  let hasVerifier = 1;
}

def Ascend_TMatmulOp : Ascend_Matmul<"tmatmul", "TMATMUL">;

def Ascend_TMatmulAccOp : Ascend_Instr<"tmatmul_acc", "TMATMUL_ACC", "m"> {
  let summary = "TMATMUL_ACC: L0C [M, N] + L0A [M, K] × L0B [K, N] into L0C (M)";
  let description = [{
    `dst = acc + lhs × rhs`, PTO-ISA's four-operand `TMATMUL_ACC(cOut, cIn,
    a, b)` (every backend implements it; the in-place three-operand form is
    missing from the CPU simulator). tilec accumulates in place, `dst` and
    `acc` being the same tile; types and limits as for `tmatmul`.
    ```mlir
    ascend.tmatmul_acc %c, %c, %a, %b : !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xf32, l0c>, !ascend.tile<64x128xbf16, l0a>, !ascend.tile<128x128xbf16, l0b>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$acc,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$lhs,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$rhs);
  let assemblyFormat = [{
    $dst `,` $acc `,` $lhs `,` $rhs attr-dict `:` qualified(type($dst)) `,` qualified(type($acc)) `,`
    qualified(type($lhs)) `,` qualified(type($rhs))
  }];
  let hasVerifier = 1;
}

def Ascend_TExtractOp : Ascend_Instr<"textract", "TEXTRACT", "mte1"> {
  let summary = "copies a window of a tile: L1 → L0A/L0B (MTE1) or UB → UB (V)";
  let description = [{
    The window has the destination's shape and starts at (`row`, `col`) of the
    source; constant offsets must keep it inside the source. Within UB it is a
    strided vector copy, e.g. the RoPE columns of a normalised row.
    ```mlir
    ascend.textract %a0, %a1[%c0, %c32] : !ascend.tile<64x128xbf16, l0a>, !ascend.tile<64x256xbf16, l1>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Index:$row, Index:$col);
  let assemblyFormat = [{
    $dst `,` $src `[` $row `,` $col `]` attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::tilec::ascend::Pipe $cppClass::getPipe() {
      return getSrc().getType().getSpace() == MemorySpace::ub ? Pipe::v : Pipe::mte1;
    }
    ::llvm::StringRef $cppClass::getIsaName() { return "TEXTRACT"; }
  }];
}

def Ascend_TInsertOp : Ascend_Instr<"tinsert", "TINSERT", "v"> {
  let summary = "copies a UB tile into the window of a UB tile at (row, col) (V)";
  let description = [{
    The inverse of a UB `textract`: the rest of `dst` keeps its contents, so
    `dst` is read as well as written. Constant offsets must keep the window
    inside the destination.
    ```mlir
    ascend.tinsert %q, %pairs[%c0, %c448] : !ascend.tile<2x512xf32, ub>, !ascend.tile<2x64xf32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemRead, MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, Index:$row, Index:$col);
  let assemblyFormat = [{
    $dst `,` $src `[` $row `,` $col `]` attr-dict `:` qualified(type($dst)) `,` qualified(type($src))
  }];
  let hasVerifier = 1;
}

#endif // TILEC_ASCEND_INSTRUCTION_OPS_TD
