//===- AscendTypes.td - on-chip buffers -----------------------*- tablegen -*-===//
#ifndef TILEC_ASCEND_TYPES_TD
#define TILEC_ASCEND_TYPES_TD

include "dialects/Ascend/AscendAttrs.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def Ascend_TileType : TypeDef<Ascend_Dialect, "TileBuffer", [ShapedTypeInterface]> {
  let mnemonic = "tile";
  let summary = "a rows × cols buffer in an on-chip memory";
  let description = [{
    `!ascend.tile<64x128xf32, ub>`. The shape is the valid region; each row
    starts on a 32-byte boundary, so narrow rows are padded (a `64x1xf32`
    row-sum result occupies 64 rows of 8 floats). Cube buffers (L1, L0A, L0B,
    L0C) hold whole fractals: rows and columns padded to the cube granule (an
    `8x4xf32` L1 buffer occupies 16 x 16 floats). An L1 buffer's fractals are
    in NZ order unless the type says `zn` (`!ascend.tile<128x64xbf16, l1, zn>`,
    filled by a transposed TLOAD).
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape, "::mlir::Type":$elementType,
                        "::tilec::ascend::MemorySpace":$space,
                        DefaultValuedParameter<"::tilec::ascend::FractalLayout",
                                               "::tilec::ascend::FractalLayout::nz">:$layout);
  let builders = [
    TypeBuilder<(ins "::llvm::ArrayRef<int64_t>":$shape, "::mlir::Type":$elementType,
                     "::tilec::ascend::MemorySpace":$space), [{
      return $_get($_ctxt, shape, elementType, space, ::tilec::ascend::FractalLayout::nz);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool hasRank() const { return true; }
    ::mlir::ShapedType cloneWith(std::optional<::llvm::ArrayRef<int64_t>> shape,
                                 ::mlir::Type elementType) const;
    int64_t getRows() const { return getShape()[0]; }
    int64_t getCols() const { return getShape()[1]; }
    int64_t getElementBytes() const;
    /// Elements in one 32-byte block (the alignment unit of a row).
    int64_t getBlockElements() const;
    /// Columns including the padding up to 32 bytes per row.
    int64_t getPaddedCols() const;
    /// A cube buffer's rows and columns are whole fractals: multiples of these
    /// (16, or 32 bytes of elements where that is more: L0A's columns (K), both
    /// sides in L1 and L0B, whose tiles TMOV copies whole; L0C and L0A's rows:
    /// 16). 1 for UB and GM.
    int64_t getCubeRowGranule() const;
    int64_t getCubeColGranule() const;
    /// The bytes the buffer occupies: padded rows (UB) or whole fractals (cube).
    int64_t getNumBytes() const;
  }];
}

def Ascend_GlobalTensorType : TypeDef<Ascend_Dialect, "GlobalTensor", [ShapedTypeInterface]> {
  let mnemonic = "gm";
  let summary = "a statically shaped tensor in global memory (HBM)";
  let description = [{
    The host program's and the tasks' global tensors: kernel parameters,
    scratch tensors (`ascend.alloc_gm`), constant tables and reshaped views.
    `convert-tile-to-ascend` maps each `!tile.gm` to the `!ascend.gm` of the
    same shape and element type. Example: `!ascend.gm<128x4096xbf16>`.
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape, "::mlir::Type":$elementType);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool hasRank() const { return true; }
    ::mlir::ShapedType cloneWith(std::optional<::llvm::ArrayRef<int64_t>> shape,
                                 ::mlir::Type elementType) const;
    int64_t getNumBytes() const;
  }];
}

def Ascend_RingType : TypeDef<Ascend_Dialect, "Ring"> {
  let mnemonic = "ring";
  let summary = "a ring of slots one side of a mixed launch pushes into and the other pops";
  let description = [{
    `slots` slots of `rows` × `cols` elements, one ring per cluster of a mixed
    launch (`ascend.launch_mixed`), with the two cross-core flags that say
    "slot full" and "slots free" (pto-isa's `TPipe`). The AIC fills the slots
    and its AIVs pop them (`direction = c2v`, the default), or the AIVs fill
    each slot, a row half each, and the AIC pops them (`direction = v2c`, in
    gm only). In global memory
    (`memory = gm`, the default: a2a3's only path between the cores),
    allocated by the host (`ascend.alloc_ring`); or in the AIVs' UB
    (`memory = ub`, a5: the AIC's fixpipe moves L0C → UB), where each AIV
    holds its row half of every slot at the start of its UB
    (`getUbRingBase`), and the host allocates nothing.
    `!ascend.ring<slots = 4, rows = 128, cols = 512, element = i32>`
    `!ascend.ring<slots = 2, rows = 32, cols = 512, element = i32, memory = ub>`
    `!ascend.ring<slots = 2, rows = 128, cols = 1024, element = i8, direction = v2c>`
  }];
  let parameters = (ins "int64_t":$slots, "int64_t":$rows, "int64_t":$cols,
                        "::mlir::Type":$element,
                        DefaultValuedParameter<"::tilec::ascend::MemorySpace",
                                               "::tilec::ascend::MemorySpace::gm">:$memory,
                        DefaultValuedParameter<"::tilec::ascend::RingDirection",
                                               "::tilec::ascend::RingDirection::c2v">:$direction);
  let builders = [
    TypeBuilder<(ins "int64_t":$slots, "int64_t":$rows, "int64_t":$cols,
                     "::mlir::Type":$element), [{
      return $_get($_ctxt, slots, rows, cols, element, ::tilec::ascend::MemorySpace::gm,
                   ::tilec::ascend::RingDirection::c2v);
    }]>,
    TypeBuilder<(ins "int64_t":$slots, "int64_t":$rows, "int64_t":$cols,
                     "::mlir::Type":$element, "::tilec::ascend::MemorySpace":$memory), [{
      return $_get($_ctxt, slots, rows, cols, element, memory,
                   ::tilec::ascend::RingDirection::c2v);
    }]>
  ];
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The bytes of one slot and of the whole ring of one cluster.
    int64_t getSlotBytes() const;
    int64_t getNumBytes() const { return getSlots() * getSlotBytes(); }
    bool inUb() const { return getMemory() == ::tilec::ascend::MemorySpace::ub; }
    /// The AIVs fill the slots and the AIC pops them.
    bool isV2c() const { return getDirection() == ::tilec::ascend::RingDirection::v2c; }
    /// A UB ring: the bytes each AIV holds, its row half of every slot.
    int64_t getUbBytes() const { return getNumBytes() / 2; }
  }];
}

def Ascend_AnyTile : Type<CPred<"::llvm::isa<::tilec::ascend::TileBufferType>($_self)">,
                          "ascend tile buffer", "::tilec::ascend::TileBufferType">;

#endif // TILEC_ASCEND_TYPES_TD
