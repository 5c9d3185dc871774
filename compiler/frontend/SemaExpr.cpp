//===- SemaExpr.cpp - expressions: names, operators, constant folding -----===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/Sema.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace tilec::frontend {

llvm::StringRef spell(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Sub: return "-";
  case BinaryOp::Mul: return "*";
  case BinaryOp::Div: return "/";
  case BinaryOp::FloorDiv: return "//";
  case BinaryOp::Mod: return "%";
  case BinaryOp::Lt: return "<";
  case BinaryOp::Le: return "<=";
  case BinaryOp::Gt: return ">";
  case BinaryOp::Ge: return ">=";
  case BinaryOp::Eq: return "==";
  case BinaryOp::Ne: return "!=";
  }
  return "?";
}

Type Sema::checkExpr(Expr &expr) {
  Type type;
  switch (expr.kind) {
  case Expr::IntLit:
    type = Type::scalar(Type::IntConst);
    expr.intValue = cast<IntLitExpr>(expr).value;
    break;
  case Expr::FloatLit:
    type = Type::scalar(Type::FloatConst);
    expr.floatValue = cast<FloatLitExpr>(expr).value;
    break;
  case Expr::Name: type = checkName(cast<NameExpr>(expr)); break;
  case Expr::Unary: type = checkUnary(cast<UnaryExpr>(expr)); break;
  case Expr::Binary: type = checkBinary(cast<BinaryExpr>(expr)); break;
  case Expr::Call: type = checkCall(cast<CallExpr>(expr)); break;
  case Expr::Index: type = checkIndex(cast<IndexExpr>(expr)); break;
  case Expr::List: {
    if (std::optional<llvm::SmallVector<int64_t, 4>> shape = checkShape(expr, "a shape"))
      type = Type::tensor(Type::Shape, *shape, DType::I32);
    break;
  }
  }
  type = checkTensorSize(trackRuntimeRows(expr, type), expr.loc);
  expr.type = type;
  return type;
}

Type Sema::checkTensorSize(Type type, llvm::SMLoc loc) {
  if (!type.isTensorLike() || type.numElements() <= kMaxTensorElements)
    return type;
  diags.error(loc, "expected a tensor of at most 2^40 elements, found " + type.str());
  return Type::error();
}

static const llvm::fltSemantics &semanticsOf(DType dtype) {
  switch (dtype) {
  case DType::BF16: return llvm::APFloat::BFloat();
  case DType::F16: return llvm::APFloat::IEEEhalf();
  default: return llvm::APFloat::IEEEsingle();
  }
}

bool Sema::checkFits(Expr &expr, DType dtype) {
  if (!expr.type.isConst())
    return true;
  std::string shown;
  llvm::raw_string_ostream os(shown);
  if (!isFloat(dtype)) {
    int64_t limit = dtype == DType::I8 ? INT8_MAX : INT32_MAX;
    if (expr.intValue >= -limit - 1 && expr.intValue <= limit)
      return true;
    diags.error(expr.loc, "the constant " + llvm::Twine(expr.intValue) + " does not fit in " + spell(dtype) +
                              ": expected a value in [" + llvm::Twine(-limit - 1) + ", " + llvm::Twine(limit) + "]");
    return false;
  }
  double value = expr.type.kind == Type::IntConst ? double(expr.intValue) : expr.floatValue;
  llvm::APFloat rounded(value);
  bool losesInfo;
  rounded.convert(semanticsOf(dtype), llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  if (!rounded.isInfinity())
    return true;
  os << llvm::format("%g", value) << " overflows " << spell(dtype) << ": expected a magnitude of at most "
     << llvm::format("%g", llvm::APFloat::getLargest(semanticsOf(dtype)).convertToDouble());
  diags.error(expr.loc, "the constant " + shown);
  return false;
}

Type Sema::checkValue(Expr &expr) {
  Type type = checkExpr(expr);
  if (type.kind == Type::Global)
    type.kind = Type::Tensor;
  return type;
}

std::optional<int64_t> Sema::checkIntConst(Expr &expr, llvm::StringRef what) {
  Type type = checkExpr(expr);
  if (type.isError())
    return std::nullopt;
  if (type.kind != Type::IntConst) {
    diags.error(expr.loc, "expected an integer constant for " + what + ", found " + type.str());
    return std::nullopt;
  }
  return expr.intValue;
}

std::optional<double> Sema::checkNumberConst(Expr &expr, llvm::StringRef what) {
  Type type = checkExpr(expr);
  if (type.isError())
    return std::nullopt;
  if (type.kind == Type::IntConst)
    return static_cast<double>(expr.intValue);
  if (type.kind != Type::FloatConst) {
    diags.error(expr.loc, "expected a constant number for " + what + ", found " + type.str());
    return std::nullopt;
  }
  return expr.floatValue;
}

std::optional<llvm::SmallVector<int64_t, 4>> Sema::checkShape(Expr &expr, llvm::StringRef what) {
  auto *list = dyn_cast<ListExpr>(&expr);
  if (!list || list->elements.empty()) {
    if (!list)
      checkExpr(expr);
    diags.error(expr.loc, "expected " + what + " like [R, C], found " + (list ? "an empty list" : "an expression"));
    return std::nullopt;
  }
  llvm::SmallVector<int64_t, 4> shape;
  bool ok = true;
  for (ExprPtr &element : list->elements) {
    if (&element == &list->elements.front())
      allowDimAt(*element);
    std::optional<int64_t> dim = checkIntConst(*element, "a dimension");
    if (dim && *dim <= 0) {
      diags.error(element->loc, "expected a positive dimension, found " + llvm::Twine(*dim));
      dim.reset();
    }
    ok &= dim.has_value();
    shape.push_back(dim.value_or(1));
  }
  list->type = trackRuntimeRows(*list, Type::tensor(Type::Shape, shape, DType::I32));
  if (ok && list->type.numElements() > kMaxTensorElements) {
    diags.error(expr.loc, "expected " + what + " of at most 2^40 elements, found " + shapeStr(shape));
    ok = false;
  }
  return ok ? std::optional(shape) : std::nullopt;
}

Type Sema::checkName(NameExpr &name) {
  Symbol *symbol = lookup(name.name);
  if (!symbol) {
    if (parseSourceDType(name.name))
      diags.error(name.loc, "expected a value, found the element type '" + name.name +
                                "' (element types are arguments of cast, zeros, full, matmul and scratch)");
    else if (lookupBuiltin(name.name) || functions.contains(name.name))
      diags.error(name.loc, llvm::Twine("expected a value, found the ") +
                                (functions.contains(name.name) ? "function" : "builtin") + " '" + name.name +
                                "'; call it as " + name.name +
                                "(...)");
    else if (!inlining.empty())
      diags.error(name.loc, "unknown name '" + name.name + "': expected a parameter of '" +
                                inlining.back()->decl.name + "', a const or a 'let' name (a function sees only "
                                                             "its parameters, its own names and the consts)");
    else
      diags.error(name.loc, "unknown name '" + name.name + "': expected a const, parameter or 'let' name");
    return Type::error();
  }
  if (symbol->kind == Symbol::Dim && &name != dimAllowedAt) {
    diags.error(name.loc, "run-time dim '" + name.name + "' (at most " + llvm::Twine(symbol->bound) +
                              ") where a constant is required: a run-time dim may only be the first dimension of "
                              "a shape, the row count of a slice ('a : a + " + name.name + "') or a loop bound");
    return Type::error();
  }
  name.symbol = symbol;
  name.intValue = symbol->intValue;
  name.floatValue = symbol->floatValue;
  return symbol->type;
}

Type Sema::checkUnary(UnaryExpr &unary) {
  Type type = checkValue(*unary.operand);
  switch (type.kind) {
  case Type::IntConst:
    if (unary.operand->intValue == INT64_MIN) {
      diags.error(unary.loc, "integer overflow in '-'");
      return Type::error();
    }
    unary.intValue = -unary.operand->intValue;
    return type;
  case Type::FloatConst: unary.floatValue = -unary.operand->floatValue; return type;
  case Type::Index:
  case Type::I32:
  case Type::F32:
  case Type::Error: return type;
  case Type::Tensor:
    if (type.dtype == DType::BF16 || type.dtype == DType::I8) {
      diags.error(unary.loc, "expected an f32, f16 or i32 tensor for '-', found " + type.str() +
                                 " (the vector unit has no " + spell(type.dtype) + " arithmetic: cast to f32 first)");
      return Type::error();
    }
    return type;
  default: diags.error(unary.loc, "expected a number or tensor after '-', found " + type.str()); return Type::error();
  }
}

// Folds arithmetic on compile-time constants (integer arithmetic is exact or an error).
Type Sema::foldConstants(BinaryExpr &binary) {
  Expr &lhs = *binary.lhs, &rhs = *binary.rhs;
  bool isInt = lhs.type.kind == Type::IntConst && rhs.type.kind == Type::IntConst;
  std::string expr = ("'" + spell(binary.op) + "'").str();
  if (isInt) {
    int64_t a = lhs.intValue, b = rhs.intValue, r = 0;
    bool overflow = false;
    switch (binary.op) {
    case BinaryOp::Add: overflow = llvm::AddOverflow(a, b, r); break;
    case BinaryOp::Sub: overflow = llvm::SubOverflow(a, b, r); break;
    case BinaryOp::Mul: overflow = llvm::MulOverflow(a, b, r); break;
    case BinaryOp::Div:
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod:
      if (b == 0) {
        diags.error(binary.loc, "division by zero in constant expression");
        return Type::error();
      }
      if (a == INT64_MIN && b == -1) {
        overflow = true;
        break;
      }
      if (binary.op == BinaryOp::Div && a % b != 0) {
        diags.error(binary.loc, "integer division " + llvm::Twine(a) + " / " + llvm::Twine(b) +
                                    " is not exact: expected a divisor of " + llvm::Twine(a) +
                                    " (write '//' to round down, or use a float like " + llvm::Twine(a) + ".0)");
        return Type::error();
      }
      r = binary.op == BinaryOp::Mod ? a - llvm::divideFloorSigned(a, b) * b : llvm::divideFloorSigned(a, b);
      break;
    default: llvm_unreachable("checkBinary handles comparisons before folding");
    }
    if (overflow) {
      diags.error(binary.loc, "integer overflow in constant expression " + expr);
      return Type::error();
    }
    binary.intValue = r;
    return Type::scalar(Type::IntConst);
  }
  if (binary.op == BinaryOp::FloorDiv || binary.op == BinaryOp::Mod) {
    diags.error(binary.loc, "expected integer operands for " + expr + ", found a float");
    return Type::error();
  }
  auto asDouble = [](Expr &e) { return e.type.kind == Type::IntConst ? double(e.intValue) : e.floatValue; };
  double a = asDouble(lhs), b = asDouble(rhs), r = 0;
  switch (binary.op) {
  case BinaryOp::Add: r = a + b; break;
  case BinaryOp::Sub: r = a - b; break;
  case BinaryOp::Mul: r = a * b; break;
  default:
    if (b == 0) {
      diags.error(binary.loc, "division by zero in constant expression");
      return Type::error();
    }
    r = a / b;
  }
  if (!std::isfinite(r)) {
    diags.error(binary.loc, "constant expression " + expr + " overflows a double");
    return Type::error();
  }
  binary.floatValue = r;
  return Type::scalar(Type::FloatConst);
}

// Run-time integers: loop variables (index) and i32 parameters.
Type Sema::checkIntegerScalars(BinaryExpr &binary) {
  Type lhs = binary.lhs->type, rhs = binary.rhs->type;
  if (binary.op == BinaryOp::Div) {
    diags.error(binary.loc, "'/' on run-time integers: expected '//' (floor division) by a positive constant");
    return Type::error();
  }
  if ((binary.op == BinaryOp::FloorDiv || binary.op == BinaryOp::Mod) &&
      (rhs.kind != Type::IntConst || binary.rhs->intValue <= 0)) {
    diags.error(binary.rhs->loc, "expected a positive integer constant on the right of '" + spell(binary.op) +
                                     "', found " + rhs.str());
    return Type::error();
  }
  // i32 parameters combine with loop variables as indices.
  if (lhs.kind == Type::Index || rhs.kind == Type::Index)
    return Type::scalar(Type::Index);
  if (!checkFits(*binary.lhs, DType::I32) || !checkFits(*binary.rhs, DType::I32))
    return Type::error();
  return Type::scalar(Type::I32);
}

Type Sema::checkBinary(BinaryExpr &binary) {
  Type lhs = checkValue(*binary.lhs);
  Type rhs = checkValue(*binary.rhs);
  if (lhs.isError() || rhs.isError())
    return Type::error();
  if (isComparison(binary.op)) {
    if (lhs.kind != Type::Tensor && rhs.kind != Type::Tensor) {
      diags.error(binary.loc, "expected a tensor operand for '" + spell(binary.op) +
                                  "' (a comparison gives a mask of tensor elements for select), found " +
                                  lhs.str() + " and " + rhs.str());
      return Type::error();
    }
    Type mask = checkArithmetic(spell(binary.op), *binary.lhs, *binary.rhs, binary.loc);
    if (!mask.isError())
      mask.kind = Type::Mask;
    return mask;
  }
  if (lhs.isConst() && rhs.isConst())
    return foldConstants(binary);
  if (lhs.kind == Type::Tensor || rhs.kind == Type::Tensor) {
    if (binary.op == BinaryOp::FloorDiv || binary.op == BinaryOp::Mod) {
      diags.error(binary.loc, "'" + spell(binary.op) + "' is for integer constants and indices; expected +, -, * "
                                                       "or / on tensors");
      return Type::error();
    }
    return checkArithmetic(spell(binary.op), *binary.lhs, *binary.rhs, binary.loc);
  }
  if (lhs.isInteger() && rhs.isInteger())
    return checkIntegerScalars(binary);
  bool floatScalars = (lhs.kind == Type::F32 || lhs.isConst()) && (rhs.kind == Type::F32 || rhs.isConst());
  if (floatScalars && binary.op != BinaryOp::FloorDiv && binary.op != BinaryOp::Mod) {
    if (!checkFits(*binary.lhs, DType::F32) || !checkFits(*binary.rhs, DType::F32))
      return Type::error();
    return Type::scalar(Type::F32);
  }
  diags.error(binary.loc, "invalid operands to '" + spell(binary.op) + "': expected numbers or tensors, found " +
                              lhs.str() + " and " + rhs.str());
  return Type::error();
}

Type Sema::checkArithmetic(llvm::StringRef op, Expr &lhsExpr, Expr &rhsExpr, llvm::SMLoc loc) {
  Type lhs = lhsExpr.type, rhs = rhsExpr.type;
  if (lhs.kind == Type::Global)
    lhs.kind = Type::Tensor;
  if (rhs.kind == Type::Global)
    rhs.kind = Type::Tensor;
  if (lhs.isError() || rhs.isError())
    return Type::error();
  std::string opName = ("'" + op + "'").str();
  const Type &tensor = lhs.kind == Type::Tensor ? lhs : rhs;
  DType dtype = tensor.dtype;
  if (dtype == DType::BF16 || dtype == DType::I8) {
    diags.error(loc, "expected f32, f16 or i32 operands for " + opName + ", found " + tensor.str() +
                         " (the vector unit has no " + spell(dtype) + " arithmetic: cast to f32 first)");
    return Type::error();
  }
  if (lhs.kind == Type::Tensor && rhs.kind == Type::Tensor) {
    if (lhs.dtype != rhs.dtype) {
      diags.error(loc, "operands of " + opName + " have different element types: " + lhs.str() + " and " +
                           rhs.str() + "; expected the same (convert one with cast)");
      return Type::error();
    }
    llvm::SmallVector<int64_t, 4> shape;
    if (!broadcastShapes(lhs.shape, rhs.shape, shape)) {
      diags.error(loc, "shapes " + shapeStr(lhs.shape) + " and " + shapeStr(rhs.shape) + " of " + opName +
                           " do not broadcast: expected equal dimensions or 1 in each position");
      return Type::error();
    }
    return Type::tensor(Type::Tensor, shape, dtype);
  }
  const Type &scalar = lhs.kind == Type::Tensor ? rhs : lhs;
  Expr &scalarExpr = lhs.kind == Type::Tensor ? rhsExpr : lhsExpr;
  bool ok = false;
  if (dtype == DType::F32)
    ok = scalar.kind == Type::F32 || scalar.isConst();
  else if (dtype == DType::I32)
    ok = scalar.kind == Type::I32 || scalar.kind == Type::IntConst;
  if (ok && !checkFits(scalarExpr, dtype))
    return Type::error();
  if (!ok) {
    diags.error(scalarExpr.loc, "expected " +
                                    llvm::Twine(dtype == DType::F32   ? "an f32 scalar or a constant"
                                                : dtype == DType::I32 ? "an i32 scalar or an integer constant"
                                                                      : "a tensor (scalars combine only with f32 "
                                                                        "and i32 tensors)") +
                                    " next to " + tensor.str() + ", found " + scalar.str());
    return Type::error();
  }
  return tensor;
}

Type Sema::checkCall(CallExpr &call) {
  if (const FunctionDecl *function = functions.lookup(call.callee))
    return checkFunctionCall(call, *function);
  call.builtin = lookupBuiltin(call.callee);
  if (call.builtin && call.builtin->kind == BuiltinKind::Scratch && &call != letScratch) {
    diags.error(call.loc, "expected scratch(...) directly in 'let name = scratch(...)': a scratch tensor in global "
                          "memory needs a name to be written and read");
    return Type::error();
  }
  if (call.builtin)
    return checkBuiltinCall(*this, call);
  if (call.callee == "range" || call.callee == "parallel" || call.callee == "pipeline")
    diags.error(call.loc, "'" + call.callee + "(...)' is a loop: expected it after 'for NAME in'");
  else if (std::string nearest = nearestCallees(call.callee); !nearest.empty())
    diags.error(call.loc, "unknown builtin '" + call.callee + "': did you mean " + nearest + "?");
  else
    diags.error(call.loc, "unknown builtin '" + call.callee + "': expected one of the builtins in docs/language.md "
                                                              "or a function defined with 'def' before the kernel");
  return Type::error();
}

// The builtins and functions spelled closest to `name` (at most three, by
// edit distance, then in the order builtins are documented): "'row_sum' or 'row_min'".
std::string Sema::nearestCallees(llvm::StringRef name) const {
  unsigned limit = std::max<size_t>(1, (name.size() + 1) / 3);
  llvm::SmallVector<std::pair<unsigned, llvm::StringRef>, 8> candidates;
  auto consider = [&](llvm::StringRef candidate) {
    unsigned distance = name.edit_distance(candidate, /*AllowReplacements=*/true, limit + 1);
    if (distance <= limit)
      candidates.push_back({distance, candidate});
  };
  for (const Builtin &builtin : allBuiltins())
    consider(builtin.name);
  llvm::SmallVector<llvm::StringRef, 8> functionNames;
  for (const auto &function : functions)
    functionNames.push_back(function.getKey());
  llvm::sort(functionNames);
  for (llvm::StringRef function : functionNames)
    consider(function);
  llvm::stable_sort(candidates, [](const auto &a, const auto &b) { return a.first < b.first; });
  std::string text;
  for (auto [index, candidate] : llvm::enumerate(llvm::ArrayRef(candidates).take_front(3)))
    text += (index == 0 ? "'" : index + 1 == std::min<size_t>(candidates.size(), 3) ? "' or '" : "', '") +
            candidate.second.str();
  return text.empty() ? text : text + "'";
}

} // namespace tilec::frontend
