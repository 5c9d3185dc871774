//===- TileTypes.td - tile dialect types ---------------------*- tablegen -*-===//
#ifndef TILEC_TILE_TYPES_TD
#define TILEC_TILE_TYPES_TD

include "dialects/Tile/TileDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

// Element types a kernel may hold in a tensor.
def Tile_ElementType : AnyTypeOf<[BF16, F16, F32, I8, I32]>;
def Tile_Tensor : RankedTensorOf<[BF16, F16, F32, I8, I32]>;
def Tile_FloatTensor : RankedTensorOf<[BF16, F16, F32]>;
def Tile_Scalar : AnyTypeOf<[F32, I32]>;
def Tile_TensorOrScalar : AnyTypeOf<[Tile_Tensor, Tile_Scalar]>;

def Tile_GlobalTensorType : TypeDef<Tile_Dialect, "GlobalTensor", [ShapedTypeInterface]> {
  let mnemonic = "gm";
  let summary = "a statically shaped tensor in global memory (HBM)";
  let description = [{
    Kernel tensor parameters and GM scratch tensors. Example:
    `!tile.gm<128x4096xbf16>`.
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$shape, "::mlir::Type":$elementType);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool hasRank() const { return true; }
    ::mlir::ShapedType cloneWith(std::optional<::llvm::ArrayRef<int64_t>> shape,
                                 ::mlir::Type elementType) const;
    /// The value-semantic tensor type of the same shape and element type.
    ::mlir::RankedTensorType getTensorType() const;
    int64_t getNumBytes() const;
  }];
}

#endif // TILEC_TILE_TYPES_TD
