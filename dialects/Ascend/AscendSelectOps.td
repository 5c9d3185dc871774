//===- AscendSelectOps.td - compare, select, index sequence -*- tablegen -*-===//
//
// Included by AscendOps.td after AscendInstructionOps.td. A mask is a UB tile
// of ui8 bytes, one bit per element, row r of the mask for row r of the
// compared tiles (runtime/isa/SelectOps.h).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_ASCEND_SELECT_OPS_TD
#define TILEC_ASCEND_SELECT_OPS_TD

def Ascend_TCmpOp : Ascend_Instr<"tcmp", "TCMP", "v"> {
  let summary = "packed mask of an elementwise compare of two UB tiles (V)";
  let description = [{
    Bit (r, c) of `dst` is `src0[r, c] <mode> src1[r, c]`. The sources have
    one shape and element type (f32, f16, i32; a2a3 compares i32 only for
    equality); `dst` is ui8 with the sources' rows and a byte per 8 columns.
    ```mlir
    ascend.tcmp %m, %a, %b <lt> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src0,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src1, Ascend_CmpModeAttr:$mode);
  let assemblyFormat = [{
    $dst `,` $src0 `,` $src1 $mode attr-dict `:` qualified(type($dst)) `,` qualified(type($src0)) `,`
    qualified(type($src1))
  }];
  let hasVerifier = 1;
}

def Ascend_TCmpSOp : Ascend_Instr<"tcmps", "TCMPS", "v"> {
  let summary = "packed mask of a UB tile compared with a scalar (V)";
  let description = [{
    Bit (r, c) of `dst` is `src[r, c] <mode> scalar`; the scalar has the
    tile's element type.
    ```mlir
    ascend.tcmps %m, %a, %s <ge> : !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, f32
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src, AnyTypeOf<[F32, F16, I32]>:$scalar,
                       Ascend_CmpModeAttr:$mode);
  let assemblyFormat = [{
    $dst `,` $src `,` $scalar $mode attr-dict `:` qualified(type($dst)) `,` qualified(type($src)) `,`
    type($scalar)
  }];
  let hasVerifier = 1;
}

def Ascend_TSelOp : Ascend_Instr<"tsel", "TSEL", "v"> {
  let summary = "dst = mask ? src0 : src1 on UB tiles (V)";
  let description = [{
    Tiles of one shape and a 2- or 4-byte element type; `tmp` is the ui32
    scratch a2a3 copies each row's mask into (a5 ignores it).
    ```mlir
    ascend.tsel %d, %m, %a, %b, %t : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x16xui32, ub>
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$mask,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src0,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src1,
                       Arg<Ascend_AnyTile, "", [MemWrite]>:$tmp);
  let assemblyFormat = [{
    $dst `,` $mask `,` $src0 `,` $src1 `,` $tmp attr-dict `:` qualified(type($dst)) `,`
    qualified(type($mask)) `,` qualified(type($src0)) `,` qualified(type($src1)) `,` qualified(type($tmp))
  }];
  let hasVerifier = 1;
}

def Ascend_TSelSOp : Ascend_Instr<"tsels", "TSELS", "v"> {
  let summary = "dst = mask ? src : scalar on UB tiles (V)";
  let description = [{
    `tmp` has the source's element type and holds the scalar on a2a3.
    ```mlir
    ascend.tsels %d, %m, %a, %t, %s : !ascend.tile<16x64xf32, ub>, !ascend.tile<16x8xui8, ub>, !ascend.tile<16x64xf32, ub>, !ascend.tile<1x8xf32, ub>, f32
    ```
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$mask,
                       Arg<Ascend_AnyTile, "", [MemRead]>:$src,
                       Arg<Ascend_AnyTile, "", [MemWrite]>:$tmp, AnyTypeOf<[F32, F16, I32]>:$scalar);
  let assemblyFormat = [{
    $dst `,` $mask `,` $src `,` $tmp `,` $scalar attr-dict `:` qualified(type($dst)) `,`
    qualified(type($mask)) `,` qualified(type($src)) `,` qualified(type($tmp)) `,` type($scalar)
  }];
  let hasVerifier = 1;
}

def Ascend_TCiOp : Ascend_Instr<"tci", "TCI", "v"> {
  let summary = "start, start + 1, … along a one-row i32 UB tile (V)";
  let description = [{
    `ascend.tci %d, %start : !ascend.tile<1x64xi32, ub>, i32`
  }];
  let arguments = (ins Arg<Ascend_AnyTile, "", [MemWrite]>:$dst, I32:$start);
  let assemblyFormat = "$dst `,` $start attr-dict `:` qualified(type($dst)) `,` type($start)";
  let hasVerifier = 1;
}

#endif // TILEC_ASCEND_SELECT_OPS_TD
