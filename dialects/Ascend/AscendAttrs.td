//===- AscendAttrs.td - memory spaces, pipes, cores, modes ----*- tablegen -*-===//
#ifndef TILEC_ASCEND_ATTRS_TD
#define TILEC_ASCEND_ATTRS_TD

include "dialects/Ascend/AscendDialect.td"
include "mlir/IR/EnumAttr.td"

def Ascend_MemorySpace : I32EnumAttr<"MemorySpace", "where a buffer lives", [
  I32EnumAttrCase<"gm", 0>, I32EnumAttrCase<"ub", 1>, I32EnumAttrCase<"l1", 2>,
  I32EnumAttrCase<"l0a", 3>, I32EnumAttrCase<"l0b", 4>, I32EnumAttrCase<"l0c", 5>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_MemorySpaceAttr : EnumAttr<Ascend_Dialect, Ascend_MemorySpace, "space"> {
  let assemblyFormat = "`<` $value `>`";
}

// The order of an L1 tile's fractals: NZ (column-major order of row-major
// fractals, what TLOAD makes of an ND window) or ZN (row-major order of
// column-major fractals, what TLOAD makes of a DN window and L0B's layout).
def Ascend_FractalLayout : I32EnumAttr<"FractalLayout", "the fractal order of an L1 tile", [
  I32EnumAttrCase<"nz", 0>, I32EnumAttrCase<"zn", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}

def Ascend_Pipe : I32EnumAttr<"Pipe", "an execution pipe of the AI Core", [
  I32EnumAttrCase<"s", 0>, I32EnumAttrCase<"v", 1>, I32EnumAttrCase<"m", 2>,
  I32EnumAttrCase<"mte1", 3>, I32EnumAttrCase<"mte2", 4>, I32EnumAttrCase<"mte3", 5>,
  I32EnumAttrCase<"fix", 6>, I32EnumAttrCase<"all", 7>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_PipeAttr : EnumAttr<Ascend_Dialect, Ascend_Pipe, "pipe"> {
  let assemblyFormat = "`<` $value `>`";
}

def Ascend_CoreType : I32EnumAttr<"CoreType", "the core a task runs on", [
  I32EnumAttrCase<"aic", 0>, I32EnumAttrCase<"aiv", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_CoreTypeAttr : EnumAttr<Ascend_Dialect, Ascend_CoreType, "core"> {
  let assemblyFormat = "`<` $value `>`";
}

// How the AIVs of a cluster share a ring slot the AIC pushed (pto-isa's
// TileSplitAxis): each pops the whole slot, or AIV s pops row half s.
def Ascend_SlotSplit : I32EnumAttr<"SlotSplit", "which part of a ring slot an AIV pops", [
  I32EnumAttrCase<"none", 0>, I32EnumAttrCase<"up_down", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_SlotSplitAttr : EnumAttr<Ascend_Dialect, Ascend_SlotSplit, "split"> {
  let assemblyFormat = "`<` $value `>`";
}

// Which core of a cluster fills a ring's slots (pto-isa's TPipe Direction):
// the AIC for its AIVs (c2v), or the AIVs for their AIC (v2c).
def Ascend_RingDirection : I32EnumAttr<"RingDirection", "which core fills a ring's slots", [
  I32EnumAttrCase<"c2v", 0>, I32EnumAttrCase<"v2c", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}

def Ascend_GmPlace : I32EnumAttr<"GmPlace", "where a tile value lives in global memory", [
  I32EnumAttrCase<"view", 0>, I32EnumAttrCase<"scratch", 1>, I32EnumAttrCase<"consumer", 2>,
  I32EnumAttrCase<"in_place", 3>, I32EnumAttrCase<"copy", 4>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_GmPlaceAttr : EnumAttr<Ascend_Dialect, Ascend_GmPlace, "place"> {
  let summary = "the place in global memory of one tensor value (tile-place-gm)";
  let description = [{
    One entry of `ascend.placement`: `view` (a window of the place of the
    tensor it is read from: loads, slices, reshapes), `scratch` (a scratch
    tensor of its own), `consumer` (written straight into the window its
    consumer gives it: a store's, an in-place insert's, an interleave's
    stacked operand, a loop's carried tensor), `in_place` (an insert or a
    loop updates its destination's place) or `copy` (the destination is
    copied to a scratch tensor first). `#ascend.place<consumer>`
  }];
  let assemblyFormat = "`<` $value `>`";
}

// The names are base/TargetDescription's (lookupTarget), which describes each.
def Ascend_Target : I32EnumAttr<"Target", "the chip a module is compiled for", [
  I32EnumAttrCase<"a2a3", 0>, I32EnumAttrCase<"a5", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_TargetAttr : EnumAttr<Ascend_Dialect, Ascend_Target, "target"> {
  let assemblyFormat = "`<` $value `>`";
}

// The conversion modes of TCVT and the column patterns of TGATHER, as the
// PTO tile ISA names them (RoundMode::CAST_*, SaturationMode, MaskPattern).
// The tile dialect has its own enums for the language's casts and gathers;
// convert-tile-to-ascend translates them, so the ascend stage and the C++
// emitter need nothing of the tile dialect.
def Ascend_RoundMode : I32EnumAttr<"RoundMode", "rounding of a TCVT conversion", [
  I32EnumAttrCase<"none", 0>, I32EnumAttrCase<"rint", 1>,
  I32EnumAttrCase<"round", 2>, I32EnumAttrCase<"floor", 3>,
  I32EnumAttrCase<"ceil", 4>, I32EnumAttrCase<"trunc", 5>,
  I32EnumAttrCase<"odd", 6>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_RoundModeAttr : EnumAttr<Ascend_Dialect, Ascend_RoundMode, "round"> {
  let assemblyFormat = "`<` $value `>`";
}

def Ascend_Saturation : I32EnumAttr<"Saturation", "out-of-range handling of a TCVT conversion", [
  I32EnumAttrCase<"off", 0>, I32EnumAttrCase<"on", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_SaturationAttr : EnumAttr<Ascend_Dialect, Ascend_Saturation, "sat"> {
  let assemblyFormat = "`<` $value `>`";
}

def Ascend_GatherPattern : I32EnumAttr<"GatherPattern", "columns TGATHER keeps (P0101 or P1010)", [
  I32EnumAttrCase<"even", 0>, I32EnumAttrCase<"odd", 1>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_GatherPatternAttr : EnumAttr<Ascend_Dialect, Ascend_GatherPattern, "pattern"> {
  let assemblyFormat = "`<` $value `>`";
}

// TCMP/TCMPS predicates, spelled as PTO-ISA's CmpMode.
def Ascend_CmpMode : I32EnumAttr<"CmpMode", "the predicate of a vector compare", [
  I32EnumAttrCase<"eq", 0>, I32EnumAttrCase<"ne", 1>, I32EnumAttrCase<"lt", 2>,
  I32EnumAttrCase<"le", 3>, I32EnumAttrCase<"gt", 4>, I32EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::tilec::ascend";
  let genSpecializedAttr = 0;
}
def Ascend_CmpModeAttr : EnumAttr<Ascend_Dialect, Ascend_CmpMode, "cmp"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // TILEC_ASCEND_ATTRS_TD
