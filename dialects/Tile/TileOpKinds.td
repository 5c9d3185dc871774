//===- TileOpKinds.td - what kind of computation a tile op is -*- tablegen -*-===//
//
// The passes ask an op what it is, not which op it is: fusion, push-slices,
// shape canonicalisation, target checks and instruction selection query these
// traits and the reduction interface, so a new op of a known kind needs only
// its ODS entry here and its own lowering entry (docs/adding-an-op.md).
//
// MLIR's `ElementwiseMappable` does not fit: its `Elementwise` verifier
// rejects operands of another shape, and the binary tile ops broadcast
// numpy-style; nor do tile ops take scalars in place of every tensor.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_TILE_OP_KINDS_TD
#define TILEC_TILE_OP_KINDS_TD

include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpBase.td"

class Tile_OpKind<string name> : NativeOpTrait<name> {
  let cppNamespace = "::tilec::tile::kind";
}

// Element i of the result is a function of element i of each operand, after
// the operands broadcast numpy-style to the result shape: a slice of the
// result is the op on the matching slices of its operands, and tensors of one
// shape may be flattened around it.
def Tile_Elementwise : Tile_OpKind<"Elementwise">;

// Elementwise math of one operand (one vector instruction each).
def Tile_UnaryMath : Tile_OpKind<"UnaryMath">;

// Elementwise math of two operands, each a tensor or a scalar.
def Tile_BinaryMath : Tile_OpKind<"BinaryMath">;

// Tensor operands broadcast numpy-style to the result shape, so their rows
// may differ from the result's.
def Tile_BroadcastsOperands : Tile_OpKind<"BroadcastsOperands">;

// Row i of the result is computed from row i of each operand (or from the
// rows a broadcast maps it to, or from operands that are the same for every
// row): the op can run chunk by chunk of rows. The views (slice, insert,
// reshape) are row-wise only for some windows; RowFusion.h decides those.
def Tile_RowWise : Tile_OpKind<"RowWise">;

// A result row needs its whole source row (a row reduction, a gather): a
// chunk of the op spans every column of its source.
def Tile_ReadsWholeRows : Tile_OpKind<"ReadsWholeRows">;

// A result column needs its whole source column (a column reduction): a
// chunk of the op spans every row of its source.
def Tile_ReadsWholeColumns : Tile_OpKind<"ReadsWholeColumns">;

// A view of (part of) a value: it moves data, computes nothing, and alone is
// no reason for a task.
def Tile_View : Tile_OpKind<"View">;

// Defined by the ops it expands to; `tile-expand-composites` replaces it
// before the lowering.
def Tile_Composite : Tile_OpKind<"Composite">;

def Tile_ReductionAxis : I32Enum<"ReductionAxis", "what a reduction reduces", [
  I32EnumCase<"row", 0>, I32EnumCase<"col", 1>]> {
  let cppNamespace = "::tilec::tile";
}

def Tile_Combiner : I32Enum<"Combiner", "how a reduction combines elements", [
  I32EnumCase<"sum", 0>, I32EnumCase<"max", 1>, I32EnumCase<"min", 2>]> {
  let cppNamespace = "::tilec::tile";
}

def Tile_ReductionOpInterface : OpInterface<"ReductionOpInterface"> {
  let cppNamespace = "::tilec::tile";
  let description = [{
    A reduction of a rank-2 tensor along one axis that keeps the reduced
    dimension with size 1.
  }];
  let methods = [
    StaticInterfaceMethod<"`row`: one value per row ([R, C] -> [R, 1]); "
                          "`col`: one value per column ([R, C] -> [1, C]).",
                          "::tilec::tile::ReductionAxis", "getReductionAxis">,
    StaticInterfaceMethod<"How the elements of a row or column combine.",
                          "::tilec::tile::Combiner", "getCombiner">,
  ];
  let verify = [{ return ::tilec::tile::verifyReduction($_op); }];
  let extraSharedClassDeclaration = [{
    /// The dimension reduced: 1 for a row reduction, 0 for a column reduction.
    unsigned getReducedDim() {
      return $_op.getReductionAxis() == ::tilec::tile::ReductionAxis::row ? 1 : 0;
    }
  }];
}

#endif // TILEC_TILE_OP_KINDS_TD
