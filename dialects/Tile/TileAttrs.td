//===- TileAttrs.td - tile dialect attributes ----------------*- tablegen -*-===//
#ifndef TILEC_TILE_ATTRS_TD
#define TILEC_TILE_ATTRS_TD

include "dialects/Tile/TileDialect.td"
include "mlir/IR/EnumAttr.td"

def Tile_RoundMode : I32EnumAttr<"RoundMode", "rounding of a narrowing conversion", [
  I32EnumAttrCase<"none", 0>, I32EnumAttrCase<"rint", 1>,
  I32EnumAttrCase<"round", 2>, I32EnumAttrCase<"floor", 3>,
  I32EnumAttrCase<"ceil", 4>, I32EnumAttrCase<"trunc", 5>,
  I32EnumAttrCase<"odd", 6>]> {
  let cppNamespace = "::tilec::tile";
  let genSpecializedAttr = 0;
}
def Tile_RoundModeAttr : EnumAttr<Tile_Dialect, Tile_RoundMode, "round"> {
  let assemblyFormat = "`<` $value `>`";
}

def Tile_Saturation : I32EnumAttr<"Saturation", "out-of-range handling of a conversion", [
  I32EnumAttrCase<"off", 0>, I32EnumAttrCase<"on", 1>]> {
  let cppNamespace = "::tilec::tile";
  let genSpecializedAttr = 0;
}
def Tile_SaturationAttr : EnumAttr<Tile_Dialect, Tile_Saturation, "sat"> {
  let assemblyFormat = "`<` $value `>`";
}

def Tile_GatherPattern : I32EnumAttr<"GatherPattern", "columns kept by a mask gather", [
  I32EnumAttrCase<"even", 0>, I32EnumAttrCase<"odd", 1>]> {
  let cppNamespace = "::tilec::tile";
  let genSpecializedAttr = 0;
}
def Tile_GatherPatternAttr : EnumAttr<Tile_Dialect, Tile_GatherPattern, "pattern"> {
  let assemblyFormat = "`<` $value `>`";
}

def Tile_CmpPredicate : I32EnumAttr<"CmpPredicate", "how a comparison compares", [
  I32EnumAttrCase<"lt", 0>, I32EnumAttrCase<"le", 1>, I32EnumAttrCase<"gt", 2>,
  I32EnumAttrCase<"ge", 3>, I32EnumAttrCase<"eq", 4>, I32EnumAttrCase<"ne", 5>]> {
  let cppNamespace = "::tilec::tile";
  let genSpecializedAttr = 0;
}
def Tile_CmpPredicateAttr : EnumAttr<Tile_Dialect, Tile_CmpPredicate, "cmp"> {
  let assemblyFormat = "`<` $value `>`";
}

def Tile_CoreKind : I32EnumAttr<"CoreKind", "core group a scope is pinned to", [
  I32EnumAttrCase<"vector", 0>, I32EnumAttrCase<"cube", 1>]> {
  let cppNamespace = "::tilec::tile";
  let genSpecializedAttr = 0;
}
def Tile_CoreKindAttr : EnumAttr<Tile_Dialect, Tile_CoreKind, "core"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // TILEC_TILE_ATTRS_TD
