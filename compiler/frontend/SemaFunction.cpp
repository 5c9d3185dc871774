//===- SemaFunction.cpp - `def` functions, checked at each call -----------===//
//
// A function is inlined at each call: its parameters take the types of the
// call's arguments, so its body is checked per call, on a copy
// (InlinedCall.cpp). Errors inside the body point into the definition and
// carry a note at the call; errors in binding the call point at the call and
// carry a note at the definition.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/Sema.h"

#include "llvm/ADT/STLExtras.h"

namespace tilec::frontend {

static bool isLoopKind(llvm::StringRef name) {
  return name == "range" || name == "parallel" || name == "pipeline";
}

void Sema::checkFunction(FunctionDecl &function) {
  llvm::StringRef name = function.decl.name;
  if (lookupBuiltin(name) || isLoopKind(name)) {
    diags.error(function.decl.loc, "'" + name + "' is a builtin: expected another name for the function");
    return;
  }
  auto [it, inserted] = functions.try_emplace(name, &function);
  if (!inserted) {
    diags.errorWithNote(function.decl.loc, "function '" + name + "' is already defined; expected a new name",
                        it->second->decl.loc, "the first definition is here");
    return;
  }
  for (auto [index, param] : llvm::enumerate(function.params)) {
    if (Symbol *constant = consts.lookup(param.name))
      diags.errorWithNote(param.loc, "parameter '" + param.name + "' would hide the const '" + param.name +
                                         "': expected another name",
                          constant->loc, "the const is defined here");
    for (const NameDecl &earlier : llvm::ArrayRef(function.params).take_front(index))
      if (earlier.name == param.name)
        diags.errorWithNote(param.loc, "parameter '" + param.name + "' is already defined; expected a new name",
                            earlier.loc, "the first parameter with this name");
  }
}

// A parameter names its argument's value. An argument that names a global
// tensor is aliased rather than read, so slices of the parameter load only
// the slice; the function may read it but not write it.
void Sema::bindParameter(NameDecl &param, Expr &arg) {
  Symbol *symbol = declare(param, Symbol::Let, arg.type);
  if (!symbol)
    return;
  symbol->intValue = arg.intValue;
  symbol->floatValue = arg.floatValue;
  if (arg.type.isScalar())
    symbol->definition = &arg;
  // An alias reads like the tensor it names (inputs are read once per block).
  if (arg.type.kind == Type::Global) {
    const Symbol &global = *cast<NameExpr>(arg).symbol;
    symbol->kind = global.kind;
    symbol->isOut = global.isOut;
  }
}

Type Sema::checkFunctionCall(CallExpr &call, const FunctionDecl &function) {
  llvm::StringRef name = function.decl.name;
  if (llvm::is_contained(inlining, &function)) {
    diags.errorWithNote(call.loc, "function '" + name + "' calls itself: functions are inlined at each call, "
                                  "so they cannot recurse",
                        function.decl.loc, "'" + name + "' is defined here");
    return Type::error();
  }
  llvm::SmallVector<BuiltinParam, 4> params;
  for (const NameDecl &param : function.params)
    params.push_back({param.name, /*required=*/true, /*keywordOnly=*/false});
  diags.pushCall(function.decl.loc, "function '" + name.str() + "' is defined here");
  bool ok = bindArguments(diags, call, name, params);
  if (ok) {
    for (auto [param, arg] : llvm::zip(function.params, call.boundArgs)) {
      Type type = checkExpr(*arg);
      if (type.isError() || type.isScalar() || type.isTensorLike() || type.kind == Type::Mask) {
        ok &= !type.isError();
        continue;
      }
      diags.error(arg->loc, "expected a tensor, a mask or a scalar for parameter '" + param.name + "' of '" + name +
                                "', found " + type.str());
      ok = false;
    }
  }
  diags.popCall();
  if (!ok)
    return Type::error();

  call.inlined = instantiate(function);
  InlinedCall &body = *call.inlined;
  inlining.push_back(&function);
  diags.pushCall(call.loc, "in the call of '" + name.str() + "' here");
  frames.emplace_back();
  frames.back().isFunction = true;
  for (auto [param, arg] : llvm::zip(body.params, call.boundArgs))
    bindParameter(param, *arg);
  for (StmtPtr &stmt : body.body)
    checkStmt(*stmt);
  Type result = checkValue(*body.result);
  if (result.kind == Type::Shape) {
    diags.error(body.result->loc, "expected a function to return a tensor or a scalar, found " + result.str());
    result = Type::error();
  }
  frames.pop_back();
  diags.popCall();
  inlining.pop_back();
  // A constant result folds like any constant expression.
  call.intValue = body.result->intValue;
  call.floatValue = body.result->floatValue;
  return result;
}

} // namespace tilec::frontend
