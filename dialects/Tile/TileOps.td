//===- TileOps.td - tile dialect operations ------------------*- tablegen -*-===//
#ifndef TILEC_TILE_OPS_TD
#define TILEC_TILE_OPS_TD

include "dialects/Tile/TileAttrs.td"
include "dialects/Tile/TileOpKinds.td"
include "dialects/Tile/TileTypes.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

//===----------------------------------------------------------------------===//
// Kernels and structure
//===----------------------------------------------------------------------===//

def Tile_KernelOp : Tile_Op<"kernel", [
    FunctionOpInterface, IsolatedFromAbove, Symbol]> {
  let summary = "a kernel: tensors in global memory and scalars in, outputs marked";
  let description = [{
    Tensor parameters are `!tile.gm` values; outputs carry the unit argument
    attribute `tile.out`. Kernels return nothing: results are stored into
    their output tensors.

    ```mlir
    tile.kernel @scale(%x: !tile.gm<64x128xf32>, %y: !tile.gm<64x128xf32> {tile.out}) {
      ...
      tile.return
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
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name, "::mlir::FunctionType":$type)>];
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() { return getFunctionType().getInputs(); }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() { return getFunctionType().getResults(); }
    /// The name of the unit argument attribute that marks an output.
    static ::llvm::StringRef getOutputAttrName() { return "tile.out"; }
    bool isOutput(unsigned argIndex);
  }];
}

def Tile_ReturnOp : Tile_Op<"return", [Pure, Terminator, ReturnLike,
    ParentOneOf<["KernelOp"]>]> {
  let summary = "ends a kernel";
  let description = [{
    The terminator of a `tile.kernel` body; kernels return nothing.
  }];
  let assemblyFormat = "attr-dict";
}

def Tile_ScopeOp : Tile_Op<"scope", [SingleBlockImplicitTerminator<"YieldOp">,
    NoRegionArguments, RecursiveMemoryEffects]> {
  let summary = "a named block pinned to a core group";
  let description = [{
    The tiling and outlining passes keep the ops of a scope together in one
    task on the named core group. Values computed inside leave the scope
    through its results (the operands of its `tile.yield`); `tile-fuse-rows`
    creates result-carrying vector scopes for the chains it fuses. `tokens`
    (vector scopes, `.tile`: `on vector(tokens=16)`) fixes the token rows per
    chunk instead of letting the lowering choose. `declared` marks a scope the
    source wrote: one task or a located error, where a scope the compiler made
    may fall back to one task per op.
    ```mlir
    tile.scope "q_norm" core = <vector> declared { ... }
    %y = tile.scope "fused_l12" core = <vector> -> tensor<128x4096xbf16> {
      ...
      tile.yield %v : tensor<128x4096xbf16>
    }
    ```
  }];
  let arguments = (ins StrAttr:$name, Tile_CoreKindAttr:$core,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$tokens,
                       UnitAttr:$declared);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "$name `core` `=` $core (`declared` $declared^)? (`->` type($results)^)? $body attr-dict";
  let hasVerifier = 1;
}

def Tile_YieldOp : Tile_Op<"yield", [Pure, Terminator, ReturnLike, ParentOneOf<["ScopeOp"]>]> {
  let summary = "ends a scope, naming the values it exports";
  let description = [{
    The terminator of a `tile.scope` body, implicit in the custom form when it
    yields nothing.
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, ::mlir::ValueRange()); }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

//===----------------------------------------------------------------------===//
// Global memory
//===----------------------------------------------------------------------===//

def Tile_AllocGmOp : Tile_Op<"alloc_gm", [MemoryEffects<[MemAlloc]>]> {
  let summary = "a scratch tensor in global memory";
  let description = [{
    For intermediates that do not fit on chip or pass between the cube and
    vector cores. `%s = tile.alloc_gm : !tile.gm<64x7168xbf16>`
  }];
  let results = (outs Tile_GlobalTensorType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def Tile_LoadOp : Tile_Op<"load", [MemoryEffects<[MemRead]>]> {
  let summary = "reads a (slice of a) global tensor into a value";
  let description = [{
    One index offset per dimension; the slice size is the result shape.
    `%t = tile.load %x[%i, %c0] : !tile.gm<128x4096xbf16> -> tensor<64x4096xbf16>`
  }];
  let arguments = (ins Tile_GlobalTensorType:$source, Variadic<Index>:$offsets);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = [{
    $source `[` $offsets `]` attr-dict `:` qualified(type($source)) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_LoadRowsOp : Tile_Op<"load_rows", [MemoryEffects<[MemRead]>]> {
  let summary = "gathers rows of a 2-D global tensor by an index tensor";
  let description = [{
    Row `i` of the result is row `rows[i]` of `source` (columns from `col`).
    `%c = tile.load_rows %cos[%pos], %c0 : !tile.gm<8192x64xbf16>, tensor<128xi32> -> tensor<128x32xbf16>`
  }];
  let arguments = (ins Tile_GlobalTensorType:$source, RankedTensorOf<[I32]>:$rows, Index:$col);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = [{
    $source `[` $rows `]` `,` $col attr-dict `:` qualified(type($source)) `,` type($rows) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_StoreOp : Tile_Op<"store", [MemoryEffects<[MemWrite]>]> {
  let summary = "writes a value into (a slice of) a global tensor";
  let description = [{
    One index offset per dimension; the value's shape is the slice size and
    must fit at constant offsets. Element types must match.
    `tile.store %t, %y[%i, %c0] : tensor<64x4096xbf16>, !tile.gm<128x4096xbf16>`
  }];
  let arguments = (ins Tile_Tensor:$value, Tile_GlobalTensorType:$dest, Variadic<Index>:$offsets);
  let assemblyFormat = [{
    $value `,` $dest `[` $offsets `]` attr-dict `:` type($value) `,` qualified(type($dest))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Views and assembly of values
//===----------------------------------------------------------------------===//

def Tile_SliceOp : Tile_Op<"slice", [Pure, Tile_View]> {
  let summary = "a static-size slice of a value at (possibly dynamic) offsets";
  let description = [{
    The result shape is the slice size; one offset per dimension.
    `%s = tile.slice %t[%c8, %c0] : tensor<16x64xf32> -> tensor<8x64xf32>`
  }];
  let arguments = (ins Tile_Tensor:$source, Variadic<Index>:$offsets);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source `[` $offsets `]` attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

def Tile_InsertOp : Tile_Op<"insert", [Pure, Tile_View, AllTypesMatch<["dest", "result"]>]> {
  let summary = "the value `dest` with a slice replaced by `source`";
  let description = [{
    `%r = tile.insert %s into %t[%c0, %c0] : tensor<8x64xf32> into tensor<16x64xf32>`
  }];
  let arguments = (ins Tile_Tensor:$source, Tile_Tensor:$dest, Variadic<Index>:$offsets);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = [{
    $source `into` $dest `[` $offsets `]` attr-dict `:` type($source) `into` type($dest)
  }];
  let hasVerifier = 1;
}

def Tile_ReshapeOp : Tile_Op<"reshape", [Pure, Tile_View]> {
  let summary = "the same row-major elements under another shape";
  let description = [{
    Same element type and element count.
    `%r = tile.reshape %t : tensor<16x64xf32> -> tensor<2x8x64xf32>`
  }];
  let arguments = (ins Tile_Tensor:$source);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Tile_FullOp : Tile_Op<"full", [Pure, Tile_RowWise]> {
  let summary = "a tensor filled with one constant";
  let description = [{
    A float constant fills a float tensor, an integer constant an integer
    tensor. `%z = tile.full 0.000000e+00 : f32 : tensor<1x64xf32>`
  }];
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Tile_BroadcastOp : Tile_Op<"broadcast", [Pure, Tile_BroadcastsOperands, Tile_RowWise]> {
  let summary = "expands size-1 dimensions (numpy rules)";
  let description = [{
    `%b = tile.broadcast %g : tensor<1x64xf32> -> tensor<16x64xf32>`
  }];
  let arguments = (ins Tile_Tensor:$source);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise math
//===----------------------------------------------------------------------===//

// Binary ops broadcast their operands numpy-style; either may be a scalar of
// the tensor's element type.
class Tile_BinaryOp<string mnemonic, list<Trait> traits = []>
    : Tile_Op<mnemonic, !listconcat(traits, [Pure, Tile_Elementwise, Tile_BinaryMath,
                                             Tile_BroadcastsOperands, Tile_RowWise])> {
  let description = [{
    The operands broadcast numpy-style to the result shape; either may be an
    i32/f32 scalar. All share the result's element type.
    ```mlir
    %d = tile.sub %a, %m : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xf32>
    %e = tile.mul %s, %d : f32, tensor<16x64xf32> -> tensor<16x64xf32>
    ```
  }];
  let arguments = (ins Tile_TensorOrScalar:$lhs, Tile_TensorOrScalar:$rhs);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
  let hasVerifier = 1;
}

def Tile_AddOp : Tile_BinaryOp<"add", [Commutative]> { let summary = "elementwise a + b"; }
def Tile_SubOp : Tile_BinaryOp<"sub"> { let summary = "elementwise a - b"; }
def Tile_MulOp : Tile_BinaryOp<"mul", [Commutative]> { let summary = "elementwise a * b"; }
def Tile_DivOp : Tile_BinaryOp<"div"> { let summary = "elementwise a / b"; }
def Tile_MaxOp : Tile_BinaryOp<"max", [Commutative]> { let summary = "elementwise max(a, b)"; }
def Tile_MinOp : Tile_BinaryOp<"min", [Commutative]> { let summary = "elementwise min(a, b)"; }

class Tile_UnaryOp<string mnemonic, Type operandType = Tile_FloatTensor>
    : Tile_Op<mnemonic, [Pure, SameOperandsAndResultType, Tile_Elementwise, Tile_UnaryMath,
                         Tile_RowWise]> {
  let description = [{
    Same type in and out; `neg` and `abs` also take integer tensors, the others
    float tensors. `%e = tile.exp %a : tensor<16x64xf32>`
  }];
  let arguments = (ins operandType:$source);
  let results = (outs operandType:$result);
  let assemblyFormat = "$source attr-dict `:` type($result)";
}

def Tile_NegOp : Tile_UnaryOp<"neg", Tile_Tensor> { let summary = "elementwise -a"; }
def Tile_AbsOp : Tile_UnaryOp<"abs", Tile_Tensor> { let summary = "elementwise |a|"; }
def Tile_ExpOp : Tile_UnaryOp<"exp"> { let summary = "elementwise e^a"; }
def Tile_LogOp : Tile_UnaryOp<"log"> { let summary = "elementwise ln a"; }
def Tile_SqrtOp : Tile_UnaryOp<"sqrt"> { let summary = "elementwise sqrt(a)"; }
def Tile_RsqrtOp : Tile_UnaryOp<"rsqrt"> { let summary = "elementwise 1 / sqrt(a)"; }
def Tile_RecipOp : Tile_UnaryOp<"recip"> { let summary = "elementwise 1 / a"; }

def Tile_CastOp : Tile_Op<"cast", [Pure, SameOperandsAndResultShape, Tile_Elementwise,
                                   Tile_RowWise]> {
  let summary = "element type conversion with explicit rounding";
  let description = [{
    A narrowing conversion (fewer mantissa bits, or float to integer) must
    name its rounding; `sat` overrides the hardware's default saturation.
    `%b = tile.cast %a {round = #tile.round<rint>} : tensor<64x128xf32> -> tensor<64x128xbf16>`
    Integer narrowing (i32 → i8) saturates or wraps by `sat` and needs no
    rounding; exact widenings (bf16 → f32, i8 → f16) need neither.
  }];
  let arguments = (ins Tile_Tensor:$source,
                       DefaultValuedAttr<Tile_RoundModeAttr, "::tilec::tile::RoundMode::none">:$round,
                       OptionalAttr<Tile_SaturationAttr>:$sat);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// True when some source values cannot be represented exactly.
    bool isNarrowing();
  }];
}

//===----------------------------------------------------------------------===//
// Comparison, selection and index sequences
//===----------------------------------------------------------------------===//

def Tile_CmpOp : Tile_Op<"cmp", [Pure, Tile_Elementwise, Tile_BroadcastsOperands, Tile_RowWise]> {
  let summary = "elementwise comparison giving a mask";
  let description = [{
    `lhs <predicate> rhs` per element after numpy broadcasting; either
    operand may be a scalar of the other's element type (f16, f32 or i32).
    NaN compares false except under `ne`.
    `%m = tile.cmp <lt> %a, %b : tensor<16x64xf32>, tensor<16x1xf32> -> tensor<16x64xi1>`
  }];
  let arguments = (ins Tile_TensorOrScalar:$lhs, Tile_TensorOrScalar:$rhs,
                       Tile_CmpPredicateAttr:$predicate);
  let results = (outs RankedTensorOf<[I1]>:$result);
  let assemblyFormat = [{
    $predicate $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_SelectOp : Tile_Op<"select", [Pure, Tile_Elementwise, Tile_BroadcastsOperands,
                                       Tile_RowWise]> {
  let summary = "elementwise mask ? a : b";
  let description = [{
    The mask and both values broadcast numpy-style to the result shape;
    either value may be a scalar of the result's element type.
    `%s = tile.select %m, %x, %ninf : tensor<1x64xi1>, tensor<16x64xf32>, f32 -> tensor<16x64xf32>`
  }];
  let arguments = (ins RankedTensorOf<[I1]>:$mask, Tile_TensorOrScalar:$true_value,
                       Tile_TensorOrScalar:$false_value);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = [{
    $mask `,` $true_value `,` $false_value attr-dict `:` type($mask) `,` type($true_value) `,`
    type($false_value) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_IotaOp : Tile_Op<"iota", [Pure, Tile_RowWise]> {
  let summary = "the i32 sequence 0, 1, …, N − 1";
  let description = [{
    `%i = tile.iota : tensor<64xi32>`; compared with a bound it masks by
    position (`select(iota(S) < len, s, -inf)`). Row-wise (it reads no
    rows), so a fused chain computes it once, before its row chunks.
  }];
  let results = (outs RankedTensorOf<[I32]>:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// Reductions of a rank-2 tensor that keep the reduced dimension with size 1.
// `axis` and `combiner` name a Tile_ReductionAxis and a Tile_Combiner case.
class Tile_ReduceOp<string mnemonic, string axis, string combiner>
    : Tile_Op<mnemonic, !listconcat([Pure, Tile_ReductionOpInterface],
                                    !if(!eq(axis, "row"), [Tile_RowWise, Tile_ReadsWholeRows],
                                        [Tile_ReadsWholeColumns]))> {
  let description = [{
    A rank-2 f16/f32/i32 tensor; the reduced dimension is kept with size 1,
    so the result broadcasts back against the source.
    ```mlir
    %r = tile.row_sum %a : tensor<16x64xf32> -> tensor<16x1xf32>
    %c = tile.col_max %a : tensor<16x64xf32> -> tensor<1x64xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[F16, F32, I32]>:$source);
  let results = (outs RankedTensorOf<[F16, F32, I32]>:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let extraClassDeclaration = [{
    static ::tilec::tile::ReductionAxis getReductionAxis() {
      return ::tilec::tile::ReductionAxis::}] # axis # [{;
    }
    static ::tilec::tile::Combiner getCombiner() {
      return ::tilec::tile::Combiner::}] # combiner # [{;
    }
  }];
}

def Tile_RowSumOp : Tile_ReduceOp<"row_sum", "row", "sum"> { let summary = "sum of each row → [R, 1]"; }
def Tile_RowMaxOp : Tile_ReduceOp<"row_max", "row", "max"> { let summary = "max of each row → [R, 1]"; }
def Tile_RowMinOp : Tile_ReduceOp<"row_min", "row", "min"> { let summary = "min of each row → [R, 1]"; }
def Tile_ColSumOp : Tile_ReduceOp<"col_sum", "col", "sum"> { let summary = "sum of each column → [1, C]"; }
def Tile_ColMaxOp : Tile_ReduceOp<"col_max", "col", "max"> { let summary = "max of each column → [1, C]"; }
def Tile_ColMinOp : Tile_ReduceOp<"col_min", "col", "min"> { let summary = "min of each column → [1, C]"; }

//===----------------------------------------------------------------------===//
// Matmul and data movement within a row
//===----------------------------------------------------------------------===//

def Tile_MatmulOp : Tile_Op<"matmul", [Pure]> {
  let summary = "[M, K] × [K, N] → [M, N], optionally accumulating";
  let description = [{
    bf16/f16/f32 operands accumulate in f32; i8 operands in i32. With
    `transpose_b` the right operand is given as Bᵀ, [N, K], and the product is
    A · (Bᵀ)ᵀ (Q·Kᵀ with K stored row by row).
    `%c = tile.matmul %a, %b : tensor<64x512xbf16>, tensor<512x256xbf16> -> tensor<64x256xf32>`
    `%s = tile.matmul %q, %k {transpose_b} : tensor<16x128xbf16>, tensor<256x128xbf16> -> tensor<16x256xf32>`
  }];
  let arguments = (ins RankedTensorOf<[BF16, F16, F32, I8]>:$lhs,
                       RankedTensorOf<[BF16, F16, F32, I8]>:$rhs,
                       Optional<RankedTensorOf<[F32, I32]>>:$acc,
                       UnitAttr:$transpose_b);
  let results = (outs RankedTensorOf<[F32, I32]>:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`acc` $acc^)? attr-dict `:` type($lhs) `,` type($rhs) (`,` type($acc)^)?
    `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_TransposeOp : Tile_Op<"transpose", [Pure]> {
  let summary = "[R, C] → [C, R]: rows become columns";
  let description = [{
    A rank-2 tensor of 1-, 2- or 4-byte elements.
    `%t = tile.transpose %a : tensor<16x64xf32> -> tensor<64x16xf32>`
  }];
  let arguments = (ins Tile_Tensor:$source);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

def Tile_GatherOp : Tile_Op<"gather", [Pure, Tile_RowWise, Tile_ReadsWholeRows]> {
  let summary = "keeps the even or the odd columns, packed densely";
  let description = [{
    An [R, 2C] tensor of 2- or 4-byte elements gives [R, C].
    `%e = tile.gather %a <even> : tensor<16x64xbf16> -> tensor<16x32xbf16>`
  }];
  let arguments = (ins Tile_Tensor:$source, Tile_GatherPatternAttr:$pattern);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$source $pattern attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

def Tile_InterleaveOp : Tile_Op<"interleave", [Pure, Tile_RowWise, AllTypesMatch<["even", "odd"]>]> {
  let summary = "columns e0, o0, e1, o1, … from two tensors";
  let description = [{
    The inverse of the two gathers: two [R, C] tensors of one type give
    [R, 2C]. `%x = tile.interleave %e, %o : tensor<16x32xbf16> -> tensor<16x64xbf16>`
  }];
  let arguments = (ins Tile_Tensor:$even, Tile_Tensor:$odd);
  let results = (outs Tile_Tensor:$result);
  let assemblyFormat = "$even `,` $odd attr-dict `:` type($even) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Composites (defined by the ops they expand to; see TileOps.cpp)
//===----------------------------------------------------------------------===//

def Tile_RmsNormOp : Tile_Op<"rms_norm", [Pure, Tile_Composite]> {
  let summary = "x · rsqrt(mean(x², row) + eps) [· gamma], in f32";
  let description = [{
    Normalises each row of a rank-2 tensor; the optional `gamma` has shape
    [C] or [1, C]. `eps` must not be negative.
    ```mlir
    %n = tile.rms_norm %x, %g {eps = 9.99999997E-7 : f32} : tensor<16x128xbf16>, tensor<128xbf16> -> tensor<16x128xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[BF16, F16, F32]>:$source,
                       Optional<RankedTensorOf<[BF16, F16, F32]>>:$gamma,
                       F32Attr:$eps);
  let results = (outs RankedTensorOf<[F32]>:$result);
  let assemblyFormat = [{
    $source (`,` $gamma^)? attr-dict `:` type($source) (`,` type($gamma)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_QuantInt8Op : Tile_Op<"quant_int8", [Pure, Tile_Composite]> {
  let summary = "per-row symmetric INT8 quantisation with its scale";
  let description = [{
    `amax = max(max|x|, amax_eps)`, `s = scale_max / amax`,
    `q = i8(rint(x · s))`, `scale = 1 / s` (shape [R, 1]). `scale_max` and
    `amax_eps` are positive.
    ```mlir
    %q, %s = tile.quant_int8 %x {amax_eps = 9.99999974E-5 : f32, scale_max = 1.270000e+02 : f32} : tensor<16x128xf32> -> tensor<16x128xi8>, tensor<16x1xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[BF16, F16, F32]>:$source,
                       F32Attr:$scale_max, F32Attr:$amax_eps);
  let results = (outs RankedTensorOf<[I8]>:$quantized, RankedTensorOf<[F32]>:$scale);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($quantized) `,` type($scale)";
  let hasVerifier = 1;
}

def Tile_RopeOp : Tile_Op<"rope", [Pure, Tile_Composite]> {
  let summary = "rotary embedding of interleaved column pairs from `offset` on";
  let description = [{
    Columns before `offset` pass through. For pair j, e = x[:, offset+2j],
    o = x[:, offset+2j+1]: e' = e·cos_j − o·sin_j, o' = e·sin_j + o·cos_j.
    `cos` and `sin` are [R, (C − offset) / 2].
    ```mlir
    %r = tile.rope %x, %cos, %sin {offset = 64 : i64} : tensor<16x128xf32>, tensor<16x32xf32>, tensor<16x32xf32> -> tensor<16x128xf32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[BF16, F16, F32]>:$source,
                       RankedTensorOf<[BF16, F16, F32]>:$cos,
                       RankedTensorOf<[BF16, F16, F32]>:$sin,
                       I64Attr:$offset);
  let results = (outs RankedTensorOf<[F32]>:$result);
  let assemblyFormat = [{
    $source `,` $cos `,` $sin attr-dict `:` type($source) `,` type($cos) `,` type($sin) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Tile_TopKOp : Tile_Op<"topk", [Pure, Tile_Composite]> {
  let summary = "the k largest elements of each row, largest first, and their columns";
  let description = [{
    For each row of a rank-2 f16, f32 or i32 tensor [R, C], `values` [R, k]
    holds its k largest elements in descending order and `indices` [R, k]
    their columns (i32); equal elements come in column order, as
    torch.topk's. 1 ≤ k ≤ min(C, 64). NaN elements are not ranked: rows
    holding NaN give unspecified results. Expands to k rounds of row max,
    the lowest column holding it, and masking that column (repeated max and
    mask: each round is row-wise vector work, so a fused chain keeps the
    whole selection in UB).
    ```mlir
    %v, %i = tile.topk %x {k = 8 : i64} : tensor<16x256xf32> -> tensor<16x8xf32>, tensor<16x8xi32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[F16, F32, I32]>:$source, I64Attr:$k);
  let results = (outs RankedTensorOf<[F16, F32, I32]>:$values, RankedTensorOf<[I32]>:$indices);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($values) `,` type($indices)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The largest k (the sparse-attention indexers of DeepSeek-V3.2/V4 need 64).
    static constexpr int64_t kMaxK = 64;
  }];
}

def Tile_RowArgmaxOp : Tile_Op<"row_argmax", [Pure, Tile_Composite]> {
  let summary = "the column of each row's largest element (the first of equals)";
  let description = [{
    A rank-2 f16, f32 or i32 tensor [R, C] gives [R, 1] i32: the lowest
    column holding the row's maximum (torch.argmax's choice among equals).
    NaN elements are not ranked. Expands to `row_max`, a compare and a
    `row_min` of the matching columns.
    `%i = tile.row_argmax %x : tensor<16x256xf32> -> tensor<16x1xi32>`
  }];
  let arguments = (ins RankedTensorOf<[F16, F32, I32]>:$source);
  let results = (outs RankedTensorOf<[I32]>:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

// Elementwise activations, computed in f32 (see ExpandComposites.cpp).
class Tile_ActivationOp<string mnemonic>
    : Tile_Op<mnemonic, [Pure, SameOperandsAndResultShape, Tile_Composite]> {
  let arguments = (ins RankedTensorOf<[BF16, F16, F32]>:$source);
  let results = (outs RankedTensorOf<[F32]>:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
}

def Tile_SigmoidOp : Tile_ActivationOp<"sigmoid"> {
  let summary = "elementwise 1 / (1 + e^-x), in f32";
  let description = [{
    Expands to `recip(exp(-x) + 1)`.
    `%s = tile.sigmoid %x : tensor<16x128xbf16> -> tensor<16x128xf32>`
  }];
}

def Tile_SiluOp : Tile_ActivationOp<"silu"> {
  let summary = "elementwise x · sigmoid(x) = x / (1 + e^-x), in f32";
  let description = [{
    Expands to `x / (exp(-x) + 1)`.
    `%s = tile.silu %x : tensor<16x128xf32> -> tensor<16x128xf32>`
  }];
}

def Tile_GeluOp : Tile_ActivationOp<"gelu"> {
  let summary = "elementwise GELU, tanh form, in f32";
  let description = [{
    `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`, computed as the
    equal `x / (1 + e^-(x · (c1 + c2 · x²)))` with `c1 = 2√(2/π)` and
    `c2 = 0.044715 · c1` rounded to f32 (`0.5 · (1 + tanh z) = sigmoid(2z)`).
    `%g = tile.gelu %x : tensor<16x128xf32> -> tensor<16x128xf32>`
  }];
}

def Tile_PowOp : Tile_Op<"pow", [Pure, SameOperandsAndResultShape, Tile_Composite]> {
  let summary = "elementwise x^p for an integer or ±0.5 constant p, in f32";
  let description = [{
    An integer p multiplies by binary exponentiation: from the lowest bit
    of |p| up, the running power x, x², x⁴, … (each square rounded to f32)
    is multiplied into the result (the first set bit starts it) when the
    bit is set; a negative p takes the reciprocal of the product, p = 0
    gives 1. p = 0.5 is `sqrt`, p = −0.5 is `rsqrt`.
    `%y = tile.pow %x {exponent = 3.000000e+00 : f64} : tensor<16x128xf32> -> tensor<16x128xf32>`
  }];
  let arguments = (ins RankedTensorOf<[BF16, F16, F32]>:$source, F64Attr:$exponent);
  let results = (outs RankedTensorOf<[F32]>:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// An integer of at most 2^31 in magnitude, or ±0.5.
    static bool isSupportedExponent(double exponent);
  }];
}

#endif // TILEC_TILE_OPS_TD
