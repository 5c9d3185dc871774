//===- BindArguments.cpp - a call's arguments bound to its parameters -----===//
//
// Python-style binding shared by builtins and `def` functions: positional
// arguments in order, then keywords by name; what does not bind is reported
// at the call.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/AST.h"
#include "compiler/frontend/Builtins.h"

namespace tilec::frontend {

namespace {

std::string names(llvm::ArrayRef<BuiltinParam> params) {
  std::string s;
  for (const BuiltinParam &p : params)
    s += (s.empty() ? "" : ", ") + p.name.str();
  return s;
}

} // namespace

bool bindArguments(DiagnosticSink &diags, CallExpr &call, llvm::StringRef callee,
                   llvm::ArrayRef<BuiltinParam> params) {
  call.boundArgs.assign(params.size(), nullptr);
  size_t positional = llvm::count_if(params, [](const BuiltinParam &p) { return !p.keywordOnly; });
  bool ok = true;
  if (call.args.size() > positional) {
    diags.error(call.args[positional]->loc, "'" + callee + "' takes " + llvm::Twine(positional) +
                                                " positional argument(s) (" + names(params.take_front(positional)) +
                                                "), found " + llvm::Twine(call.args.size()));
    ok = false;
  }
  for (size_t i = 0; i < std::min(call.args.size(), positional); ++i)
    call.boundArgs[i] = call.args[i].get();
  for (KeywordArg &kw : call.keywords) {
    const BuiltinParam *param = llvm::find_if(params, [&](const BuiltinParam &p) { return p.name == kw.name; });
    if (param == params.end()) {
      diags.error(kw.loc, "'" + callee + "' has no argument '" + kw.name + "'; expected one of: " + names(params));
      ok = false;
      continue;
    }
    Expr *&slot = call.boundArgs[param - params.begin()];
    if (slot) {
      diags.error(kw.loc, "argument '" + kw.name + "' of '" + callee + "' is given twice");
      ok = false;
      continue;
    }
    slot = kw.value.get();
  }
  for (auto [param, slot] : llvm::zip(params, call.boundArgs)) {
    if (param.required && !slot && ok) {
      diags.error(call.loc, "'" + callee + "' requires argument '" + param.name + "'" +
                                (param.keywordOnly ? " (given as " + param.name.str() + "=...)" : ""));
      ok = false;
    }
  }
  return ok;
}

} // namespace tilec::frontend
