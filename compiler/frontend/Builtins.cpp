//===- Builtins.cpp - signatures and typing rules of the builtins ---------===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/Sema.h"
#include "dialects/Tile/TileOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::frontend {
namespace {

using K = BuiltinKind;

constexpr BuiltinParam kX[] = {{"x", true, false}};
constexpr BuiltinParam kAB[] = {{"a", true, false}, {"b", true, false}};
constexpr BuiltinParam kXShape[] = {{"x", true, false}, {"shape", true, false}};
constexpr BuiltinParam kCast[] = {
    {"x", true, false}, {"to", true, false}, {"round", false, true}, {"sat", false, true}};
constexpr BuiltinParam kMatmul[] = {
    {"a", true, false}, {"b", true, false}, {"acc", false, true}, {"out", false, true},
    {"transpose_b", false, true}};
constexpr BuiltinParam kGather[] = {{"x", true, false}, {"pattern", true, false}};
constexpr BuiltinParam kInterleave[] = {{"even", true, false}, {"odd", true, false}};
constexpr BuiltinParam kConcat[] = {{"a", true, false}, {"b", true, false}, {"axis", false, true}};
constexpr BuiltinParam kFull[] = {{"shape", true, false}, {"value", true, false}, {"dtype", true, false}};
constexpr BuiltinParam kShapeDType[] = {{"shape", true, false}, {"dtype", true, false}};
constexpr BuiltinParam kRmsNorm[] = {{"x", true, false}, {"gamma", false, false}, {"eps", true, true}};
constexpr BuiltinParam kQuant[] = {{"x", true, false}, {"scale_max", true, true}, {"amax_eps", true, true}};
constexpr BuiltinParam kSelect[] = {{"mask", true, false}, {"a", true, false}, {"b", true, false}};
constexpr BuiltinParam kN[] = {{"n", true, false}};
constexpr BuiltinParam kTopK[] = {{"x", true, false}, {"k", true, false}};
constexpr BuiltinParam kPow[] = {{"x", true, false}, {"exponent", true, false}};
constexpr BuiltinParam kRope[] = {
    {"x", true, false}, {"cos", true, false}, {"sin", true, false}, {"offset", true, true}};

const Builtin kBuiltins[] = {
    {K::Binary, "add", kAB},      {K::Binary, "sub", kAB},       {K::Binary, "mul", kAB},
    {K::Binary, "div", kAB},      {K::Binary, "max", kAB},       {K::Binary, "min", kAB},
    {K::UnaryOfNumbers, "neg", kX}, {K::UnaryOfNumbers, "abs", kX}, {K::UnaryOfFloats, "exp", kX},
    {K::UnaryOfFloats, "log", kX},  {K::UnaryOfFloats, "sqrt", kX}, {K::UnaryOfFloats, "rsqrt", kX},
    {K::UnaryOfFloats, "recip", kX},
    {K::RowReduction, "row_sum", kX}, {K::RowReduction, "row_max", kX}, {K::RowReduction, "row_min", kX},
    {K::ColReduction, "col_sum", kX}, {K::ColReduction, "col_max", kX}, {K::ColReduction, "col_min", kX},
    {K::Broadcast, "broadcast", kXShape},
    {K::Compare, "lt", kAB},      {K::Compare, "le", kAB},       {K::Compare, "gt", kAB},
    {K::Compare, "ge", kAB},      {K::Compare, "eq", kAB},       {K::Compare, "ne", kAB},
    {K::Select, "select", kSelect}, {K::Iota, "iota", kN},       {K::Iota, "arange", kN},
    {K::RowArgmax, "row_argmax", kX}, {K::TopK, "topk", kTopK},
    {K::Cast, "cast", kCast},     {K::Matmul, "matmul", kMatmul}, {K::Gather, "gather", kGather},
    {K::Interleave, "interleave", kInterleave},                  {K::Transpose, "transpose", kX},
    {K::Concat, "concat", kConcat},                              {K::Reshape, "reshape", kXShape},
    {K::Full, "full", kFull},     {K::Zeros, "zeros", kShapeDType}, {K::Scratch, "scratch", kShapeDType},
    {K::RmsNorm, "rms_norm", kRmsNorm}, {K::QuantInt8, "quant_int8", kQuant}, {K::Rope, "rope", kRope},
    {K::Activation, "sigmoid", kX}, {K::Activation, "silu", kX}, {K::Activation, "gelu", kX},
    {K::Pow, "pow", kPow},        {K::Square, "square", kX},
};

/// Reads an identifier-valued argument such as `bf16`, `rint` or `even`.
std::optional<llvm::StringRef> wordArg(Sema &sema, Expr *arg, llvm::StringRef what,
                                       llvm::ArrayRef<llvm::StringRef> choices) {
  auto *name = dyn_cast<NameExpr>(arg);
  if (name && llvm::is_contained(choices, name->name))
    return name->name;
  std::string list;
  for (llvm::StringRef c : choices)
    list += (list.empty() ? "" : ", ") + c.str();
  sema.getDiags().error(arg->loc, "expected " + what + " (" + list + "), found " +
                                      (name ? "'" + name->name.str() + "'" : std::string("an expression")));
  return std::nullopt;
}

constexpr llvm::StringRef kRoundModes[] = {"none", "rint", "round", "floor", "ceil", "trunc", "odd"};

std::optional<DType> dtypeArg(Sema &sema, Expr *arg) {
  llvm::SmallVector<llvm::StringRef> names;
  for (DType dtype : kSourceDTypes)
    names.push_back(spell(dtype));
  std::optional<llvm::StringRef> word = wordArg(sema, arg, "an element type", names);
  return word ? parseSourceDType(*word) : std::nullopt;
}

/// Checks a tensor operand: its rank (0 = any) and its allowed element types.
std::optional<Type> tensorArg(Sema &sema, Expr *arg, llvm::StringRef builtin, llvm::StringRef what, unsigned rank,
                              llvm::ArrayRef<DType> dtypes) {
  Type type = sema.checkValue(*arg);
  if (type.isError())
    return std::nullopt;
  DiagnosticSink &diags = sema.getDiags();
  if (type.kind != Type::Tensor) {
    diags.error(arg->loc, "expected a tensor for " + what + " of '" + builtin + "', found " + type.str());
    return std::nullopt;
  }
  if (rank && type.shape.size() != rank) {
    diags.error(arg->loc, "expected a rank-" + llvm::Twine(rank) + " tensor for " + what + " of '" + builtin +
                              "', found " + type.str());
    return std::nullopt;
  }
  if (!llvm::is_contained(dtypes, type.dtype)) {
    std::string list;
    for (DType d : dtypes)
      list += (list.empty() ? "" : ", ") + spell(d).str();
    diags.error(arg->loc, "expected " + list + " elements for " + what + " of '" + builtin + "', found " +
                              type.str() + (isFloat(type.dtype) && type.dtype != DType::F32 ? " (cast to f32 first)" : ""));
    return std::nullopt;
  }
  return type;
}

constexpr DType kFloats[] = {DType::BF16, DType::F16, DType::F32};
constexpr DType kVectorFloats[] = {DType::F16, DType::F32};
constexpr DType kVectorNumbers[] = {DType::F16, DType::F32, DType::I32};

Type checkElementwiseBinary(Sema &sema, CallExpr &call) {
  Type a = sema.checkValue(*call.boundArgs[0]);
  Type b = sema.checkValue(*call.boundArgs[1]);
  if (a.isError() || b.isError())
    return Type::error();
  if (a.kind != Type::Tensor && b.kind != Type::Tensor) {
    sema.getDiags().error(call.loc, "expected at least one tensor argument for '" + call.builtin->name +
                                        "', found " + a.str() + " and " + b.str());
    return Type::error();
  }
  return sema.checkArithmetic(call.builtin->name, *call.boundArgs[0], *call.boundArgs[1], call.loc);
}

/// lt, le, gt, ge, eq, ne: the operand rules of arithmetic; the result is a mask.
Type checkCompare(Sema &sema, CallExpr &call) {
  Type values = checkElementwiseBinary(sema, call);
  if (values.isError())
    return values;
  values.kind = Type::Mask;
  return values;
}

/// select(mask, a, b): a and b combine like arithmetic operands; the mask
/// broadcasts with them.
Type checkSelect(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  Expr &maskArg = *call.boundArgs[0];
  Type mask = sema.checkValue(maskArg);
  Type a = sema.checkValue(*call.boundArgs[1]);
  Type b = sema.checkValue(*call.boundArgs[2]);
  if (mask.isError() || a.isError() || b.isError())
    return Type::error();
  if (mask.kind != Type::Mask) {
    diags.error(maskArg.loc, "expected a mask for 'mask' of 'select' (from lt, le, gt, ge, eq or ne), found " +
                                 mask.str());
    return Type::error();
  }
  if (a.kind != Type::Tensor && b.kind != Type::Tensor) {
    diags.error(call.loc, "expected a tensor for 'a' or 'b' of 'select', found " + a.str() + " and " + b.str());
    return Type::error();
  }
  Type values = sema.checkArithmetic("select", *call.boundArgs[1], *call.boundArgs[2], call.loc);
  if (values.isError())
    return values;
  llvm::SmallVector<int64_t, 4> shape;
  if (!broadcastShapes(mask.shape, values.shape, shape)) {
    diags.error(call.loc, "the mask " + shapeStr(mask.shape) + " and the values " + shapeStr(values.shape) +
                              " of 'select' do not broadcast: expected equal dimensions or 1 in each position");
    return Type::error();
  }
  return Type::tensor(Type::Tensor, shape, values.dtype);
}

Type checkIota(Sema &sema, CallExpr &call) {
  std::optional<int64_t> n = sema.checkIntConst(*call.boundArgs[0], "the length of '" + call.builtin->name.str() + "'");
  if (!n)
    return Type::error();
  if (*n <= 0 || *n > INT32_MAX) {
    sema.getDiags().error(call.boundArgs[0]->loc, "expected a length in [1, 2^31), found " + llvm::Twine(*n));
    return Type::error();
  }
  return Type::tensor(Type::Tensor, {*n}, DType::I32);
}

/// row_argmax(x) → [R, 1] i32; topk(x, k) → the pair (values [R, k], indices [R, k] i32).
Type checkRanking(Sema &sema, CallExpr &call) {
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 2, kVectorNumbers);
  if (call.builtin->kind == K::RowArgmax)
    return x ? Type::tensor(Type::Tensor, {x->shape[0], 1}, DType::I32) : Type::error();
  std::optional<int64_t> k = sema.checkIntConst(*call.boundArgs[1], "k of 'topk'");
  if (!x || !k)
    return Type::error();
  int64_t largest = std::min<int64_t>(x->shape[1], tile::TopKOp::kMaxK);
  if (*k < 1 || *k > largest) {
    sema.getDiags().error(call.boundArgs[1]->loc, "expected k in [1, " + llvm::Twine(largest) +
                                                      "] (at most 64 and the row length " +
                                                      llvm::Twine(x->shape[1]) + "), found " + llvm::Twine(*k));
    return Type::error();
  }
  return Type::tensor(Type::Pair, {x->shape[0], *k}, x->dtype);
}

Type checkCast(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], "cast", "x", 0, kSourceDTypes);
  std::optional<DType> to = dtypeArg(sema, call.boundArgs[1]);
  std::optional<llvm::StringRef> round;
  if (Expr *arg = call.boundArgs[2])
    if (!(round = wordArg(sema, arg, "a rounding mode", kRoundModes)))
      return Type::error();
  if (Expr *arg = call.boundArgs[3])
    if (!wordArg(sema, arg, "a saturation flag", {"true", "false"}))
      return Type::error();
  if (!x || !to)
    return Type::error();
  if (x->dtype == *to) {
    diags.error(call.boundArgs[1]->loc, "expected a different element type: the value is already " + spell(*to));
    return Type::error();
  }
  if (isNarrowing(x->dtype, *to) && (!round || *round == "none")) {
    diags.error(call.loc, "cast from " + spell(x->dtype) + " to " + spell(*to) +
                              " loses precision: expected an explicit rounding, e.g. cast(x, " + spell(*to) +
                              ", round=rint)");
    return Type::error();
  }
  return Type::tensor(Type::Tensor, x->shape, *to);
}

Type checkMatmul(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  constexpr DType kCube[] = {DType::BF16, DType::F16, DType::F32, DType::I8};
  std::optional<Type> a = tensorArg(sema, call.boundArgs[0], "matmul", "a", 2, kCube);
  std::optional<Type> b = tensorArg(sema, call.boundArgs[1], "matmul", "b", 2, kCube);
  std::optional<DType> out;
  if (Expr *arg = call.boundArgs[3])
    if (!(out = dtypeArg(sema, arg)))
      return Type::error();
  std::optional<Type> acc;
  if (Expr *arg = call.boundArgs[2])
    if (!(acc = tensorArg(sema, arg, "matmul", "acc", 2, {DType::F32, DType::I32})))
      return Type::error();
  bool transposeB = false;
  if (Expr *arg = call.boundArgs[4]) {
    std::optional<llvm::StringRef> flag = wordArg(sema, arg, "a transpose_b flag", {"true", "false"});
    if (!flag)
      return Type::error();
    transposeB = *flag == "true";
  }
  if (!a || !b)
    return Type::error();
  // With transpose_b, b is given as [N, K].
  int64_t bK = b->shape[transposeB ? 1 : 0], n = b->shape[transposeB ? 0 : 1];
  if (a->shape[1] != bK) {
    diags.error(call.loc, "matmul shapes " + shapeStr(a->shape) + " and " + shapeStr(b->shape) +
                              " do not match: expected a's columns (" + llvm::Twine(a->shape[1]) + ") to equal b's " +
                              (transposeB ? "columns (transpose_b=true) (" : "rows (") + llvm::Twine(bK) + ")");
    return Type::error();
  }
  if (a->dtype != b->dtype) {
    diags.error(call.loc, "matmul operands have element types " + spell(a->dtype) + " and " + spell(b->dtype) +
                              ": expected the same (the cube multiplies bf16×bf16, f16×f16, f32×f32 or i8×i8)");
    return Type::error();
  }
  DType result = a->dtype == DType::I8 ? DType::I32 : DType::F32;
  if (out && *out != result) {
    diags.error(call.boundArgs[3]->loc, "matmul of " + spell(a->dtype) + " accumulates in " + spell(result) +
                                            ": expected out=" + spell(result) + ", found out=" + spell(*out));
    return Type::error();
  }
  Type type = Type::tensor(Type::Tensor, {a->shape[0], n}, result);
  if (acc && !(*acc == type)) {
    diags.error(call.boundArgs[2]->loc, "expected an accumulator of type " + type.str() + ", found " + acc->str());
    return Type::error();
  }
  return type;
}

/// concat(a, b, axis=d): a then b along dimension d (default 0); the other
/// dimensions and the dtype agree.
Type checkConcat(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  std::optional<Type> a = tensorArg(sema, call.boundArgs[0], "concat", "a", 0, kSourceDTypes);
  std::optional<Type> b = tensorArg(sema, call.boundArgs[1], "concat", "b", 0, kSourceDTypes);
  std::optional<int64_t> axis = 0;
  if (Expr *arg = call.boundArgs[2])
    axis = sema.checkIntConst(*arg, "the concat axis");
  if (!a || !b || !axis)
    return Type::error();
  int64_t rank = int64_t(a->shape.size());
  if (*axis < 0 || *axis >= rank) {
    diags.error(call.boundArgs[2]->loc, "expected an axis in [0, " + llvm::Twine(rank) + ") for rank-" +
                                            llvm::Twine(rank) + " tensors, found " + llvm::Twine(*axis));
    return Type::error();
  }
  bool match = a->dtype == b->dtype && b->shape.size() == a->shape.size();
  for (int64_t d = 0; match && d < rank; ++d)
    match = d == *axis || a->shape[d] == b->shape[d];
  if (!match) {
    diags.error(call.loc, "cannot concat " + a->str() + " and " + b->str() + " along axis " + llvm::Twine(*axis) +
                              ": expected the same dtype and the same size in every other dimension");
    return Type::error();
  }
  Type result = *a;
  result.shape[*axis] += b->shape[*axis];
  if (result.numElements() > kMaxTensorElements) {
    diags.error(call.loc, "expected a concat of at most 2^40 elements, found " + shapeStr(result.shape));
    return Type::error();
  }
  return result;
}

Type checkReshapeOrBroadcast(Sema &sema, CallExpr &call, bool isReshape) {
  DiagnosticSink &diags = sema.getDiags();
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 0, kSourceDTypes);
  auto shape = sema.checkShape(*call.boundArgs[1], "the target shape");
  if (!x || !shape)
    return Type::error();
  Type result = Type::tensor(Type::Tensor, *shape, x->dtype);
  if (isReshape) {
    if (result.numElements() != x->numElements()) {
      diags.error(call.loc, "cannot reshape " + x->str() + " (" + llvm::Twine(x->numElements()) + " elements) to " +
                                shapeStr(*shape) + ": expected " + llvm::Twine(x->numElements()) + " elements, found " +
                                llvm::Twine(result.numElements()));
      return Type::error();
    }
    return result;
  }
  bool ok = shape->size() >= x->shape.size();
  for (size_t i = 0; ok && i < x->shape.size(); ++i) {
    int64_t from = x->shape[x->shape.size() - 1 - i], to = (*shape)[shape->size() - 1 - i];
    ok = from == to || from == 1;
  }
  if (!ok) {
    diags.error(call.loc, "cannot broadcast " + x->str() + " to " + shapeStr(*shape) +
                              ": expected each dimension to match or be 1");
    return Type::error();
  }
  return result;
}

/// PTO-ISA's mask gather writes its kept columns as a continuous tile, and
/// the interleave puts its odd half at column C of a UB row: a half of C
/// columns must fill whole 32-byte blocks.
bool checkWholeBlocks(DiagnosticSink &diags, const CallExpr &call, const Type &half,
                      llvm::StringRef what) {
  int64_t bytes = half.dtype == DType::F32 || half.dtype == DType::I32 ? 4 : 2;
  int64_t cols = half.shape[1];
  if (cols * bytes % 32 == 0)
    return true;
  diags.error(call.loc, what + " " + llvm::Twine(cols) + " " + spell(half.dtype) + " columns (" +
                            llvm::Twine(cols * bytes) + " bytes); they must fill whole 32-byte blocks, " +
                            "a multiple of " + llvm::Twine(32 / bytes) + " columns");
  return false;
}

Type checkGatherOrInterleave(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  // TGATHER and its inverse move 2- and 4-byte elements.
  constexpr DType kWide[] = {DType::BF16, DType::F16, DType::F32, DType::I32};
  if (call.builtin->kind == K::Interleave) {
    std::optional<Type> even = tensorArg(sema, call.boundArgs[0], "interleave", "even", 2, kWide);
    std::optional<Type> odd = tensorArg(sema, call.boundArgs[1], "interleave", "odd", 2, kWide);
    if (!even || !odd)
      return Type::error();
    if (!(*even == *odd)) {
      diags.error(call.loc, "expected 'even' and 'odd' of the same type, found " + even->str() + " and " + odd->str());
      return Type::error();
    }
    if (!checkWholeBlocks(diags, call, *even, "interleave takes halves of"))
      return Type::error();
    return Type::tensor(Type::Tensor, {even->shape[0], even->shape[1] * 2}, even->dtype);
  }
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], "gather", "x", 2, kWide);
  std::optional<llvm::StringRef> pattern = wordArg(sema, call.boundArgs[1], "a gather pattern", {"even", "odd"});
  if (!x || !pattern)
    return Type::error();
  if (x->shape[1] % 2) {
    diags.error(call.loc, "expected an even number of columns to gather, found " + x->str());
    return Type::error();
  }
  Type kept = Type::tensor(Type::Tensor, {x->shape[0], x->shape[1] / 2}, x->dtype);
  if (!checkWholeBlocks(diags, call, kept, "gather keeps"))
    return Type::error();
  return kept;
}

Type checkConstruction(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  auto shape = sema.checkShape(*call.boundArgs[0], "a shape");
  Expr *dtypeExpr = call.boundArgs[call.builtin->kind == K::Full ? 2 : 1];
  std::optional<DType> dtype = dtypeArg(sema, dtypeExpr);
  if (call.builtin->kind == K::Full) {
    Expr &value = *call.boundArgs[1];
    if (!sema.checkNumberConst(value, "the fill value"))
      return Type::error();
    if (dtype && !isFloat(*dtype) && value.type.kind != Type::IntConst) {
      diags.error(value.loc, "expected an integer fill value for " + spell(*dtype) + ", found a float");
      return Type::error();
    }
    if (dtype && !sema.checkFits(value, *dtype))
      return Type::error();
  }
  if (!shape || !dtype)
    return Type::error();
  return Type::tensor(call.builtin->kind == K::Scratch ? Type::Global : Type::Tensor, *shape, *dtype);
}

/// sigmoid, silu, gelu, pow and square: elementwise on a float tensor of any rank, in f32.
Type checkElementwiseComposite(Sema &sema, CallExpr &call) {
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 0, kFloats);
  if (call.builtin->kind == K::Pow) {
    Expr &exponent = *call.boundArgs[1];
    std::optional<double> p = sema.checkNumberConst(exponent, "the exponent");
    if (!p)
      return Type::error();
    if (!tile::PowOp::isSupportedExponent(*p)) {
      std::string shown;
      llvm::raw_string_ostream(shown) << llvm::format("%g", *p);
      sema.getDiags().error(exponent.loc, "expected an integer exponent (at most 2^31 in magnitude) or ±0.5, found " +
                                              shown + "; for x > 0, write exp(p * log(x))");
      return Type::error();
    }
  }
  if (!x)
    return Type::error();
  return Type::tensor(Type::Tensor, x->shape, DType::F32);
}

Type checkComposite(Sema &sema, CallExpr &call) {
  DiagnosticSink &diags = sema.getDiags();
  llvm::StringRef name = call.builtin->name;
  std::optional<Type> x = tensorArg(sema, call.boundArgs[0], name, "x", 2, kFloats);
  switch (call.builtin->kind) {
  case K::RmsNorm: {
    std::optional<Type> gamma;
    if (Expr *arg = call.boundArgs[1])
      if (!(gamma = tensorArg(sema, arg, name, "gamma", 1, kFloats)))
        return Type::error();
    std::optional<double> eps = sema.checkNumberConst(*call.boundArgs[2], "eps");
    if (!x || !eps)
      return Type::error();
    if (!sema.checkFits(*call.boundArgs[2], DType::F32))
      return Type::error();
    // eps is an f32 attribute: it must stay positive once rounded.
    if (float(*eps) <= 0) {
      diags.error(call.boundArgs[2]->loc, "expected a positive eps (as an f32), found " + std::to_string(*eps));
      return Type::error();
    }
    if (gamma && gamma->shape[0] != x->shape[1]) {
      diags.error(call.boundArgs[1]->loc, "expected gamma of shape [" + llvm::Twine(x->shape[1]) +
                                              "] to match the columns of " + x->str() + ", found " + gamma->str());
      return Type::error();
    }
    return Type::tensor(Type::Tensor, x->shape, DType::F32);
  }
  case K::QuantInt8: {
    std::optional<double> scaleMax = sema.checkNumberConst(*call.boundArgs[1], "scale_max");
    std::optional<double> amaxEps = sema.checkNumberConst(*call.boundArgs[2], "amax_eps");
    if (!x || !scaleMax || !amaxEps)
      return Type::error();
    if (!sema.checkFits(*call.boundArgs[1], DType::F32) || !sema.checkFits(*call.boundArgs[2], DType::F32))
      return Type::error();
    // Both are f32 attributes: they must stay positive once rounded.
    if (float(*scaleMax) <= 0 || float(*amaxEps) <= 0) {
      diags.error(call.loc, "expected positive scale_max and amax_eps (as f32)");
      return Type::error();
    }
    return Type::tensor(Type::Pair, x->shape, DType::I8);
  }
  default: {
    std::optional<Type> cos = tensorArg(sema, call.boundArgs[1], name, "cos", 2, kFloats);
    std::optional<Type> sin = tensorArg(sema, call.boundArgs[2], name, "sin", 2, kFloats);
    std::optional<int64_t> offset = sema.checkIntConst(*call.boundArgs[3], "the rope offset");
    if (!x || !cos || !sin || !offset)
      return Type::error();
    int64_t columns = x->shape[1];
    if (*offset < 0 || *offset >= columns || (columns - *offset) % 2) {
      diags.error(call.boundArgs[3]->loc, "expected an offset in [0, " + llvm::Twine(columns) +
                                              ") leaving an even number of columns to rotate, found " +
                                              llvm::Twine(*offset));
      return Type::error();
    }
    llvm::SmallVector<int64_t, 2> expected = {x->shape[0], (columns - *offset) / 2};
    for (auto [arg, table] : {std::pair(call.boundArgs[1], &*cos), std::pair(call.boundArgs[2], &*sin)}) {
      if (llvm::ArrayRef<int64_t>(table->shape) != llvm::ArrayRef<int64_t>(expected)) {
        diags.error(arg->loc, "expected a table of shape " + shapeStr(expected) + " (one value per row and rotated pair), found " +
                                  table->str());
        return Type::error();
      }
    }
    // The lowering splits the rotated columns into even and odd halves in f32
    // with the mask gather, whose kept columns fill whole 32-byte blocks.
    if (!checkWholeBlocks(diags, call, Type::tensor(Type::Tensor, expected, DType::F32),
                          "rope's even and odd halves have"))
      return Type::error();
    return Type::tensor(Type::Tensor, x->shape, DType::F32);
  }
  }
}

} // namespace

llvm::ArrayRef<Builtin> allBuiltins() { return kBuiltins; }

const Builtin *lookupBuiltin(llvm::StringRef name) {
  const Builtin *b = llvm::find_if(kBuiltins, [&](const Builtin &b) { return b.name == name; });
  return b == std::end(kBuiltins) ? nullptr : b;
}

Type checkBuiltinCall(Sema &sema, CallExpr &call) {
  if (!bindArguments(sema.getDiags(), call, call.builtin->name, call.builtin->params))
    return Type::error();
  switch (call.builtin->kind) {
  case K::Binary: return checkElementwiseBinary(sema, call);
  case K::UnaryOfNumbers: {
    std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 0, kVectorNumbers);
    return x ? *x : Type::error();
  }
  case K::UnaryOfFloats: {
    std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 0, kVectorFloats);
    return x ? *x : Type::error();
  }
  case K::RowReduction:
  case K::ColReduction: {
    std::optional<Type> x = tensorArg(sema, call.boundArgs[0], call.builtin->name, "x", 2, kVectorNumbers);
    if (!x)
      return Type::error();
    x->shape[call.builtin->kind == K::RowReduction ? 1 : 0] = 1;
    return *x;
  }
  case K::Broadcast: return checkReshapeOrBroadcast(sema, call, /*isReshape=*/false);
  case K::Reshape: return checkReshapeOrBroadcast(sema, call, /*isReshape=*/true);
  case K::Compare: return checkCompare(sema, call);
  case K::Select: return checkSelect(sema, call);
  case K::Iota: return checkIota(sema, call);
  case K::RowArgmax:
  case K::TopK: return checkRanking(sema, call);
  case K::Cast: return checkCast(sema, call);
  case K::Matmul: return checkMatmul(sema, call);
  case K::Gather:
  case K::Interleave: return checkGatherOrInterleave(sema, call);
  case K::Concat: return checkConcat(sema, call);
  case K::Transpose: {
    std::optional<Type> x = tensorArg(sema, call.boundArgs[0], "transpose", "x", 2, kSourceDTypes);
    if (!x)
      return Type::error();
    std::swap(x->shape[0], x->shape[1]);
    return *x;
  }
  case K::Full:
  case K::Zeros:
  case K::Scratch: return checkConstruction(sema, call);
  case K::RmsNorm:
  case K::QuantInt8:
  case K::Rope: return checkComposite(sema, call);
  case K::Activation:
  case K::Pow:
  case K::Square: return checkElementwiseComposite(sema, call);
  }
  return Type::error();
}

} // namespace tilec::frontend
