//===- Sema.cpp - declarations and statements -----------------------------===//
#include "compiler/frontend/Sema.h"

#include "llvm/ADT/STLExtras.h"

namespace tilec::frontend {

Symbol *Sema::lookup(llvm::StringRef name) {
  for (Frame &frame : llvm::reverse(frames)) {
    if (Symbol *symbol = frame.names.lookup(name))
      return symbol;
    if (frame.isFunction)
      break;
  }
  return consts.lookup(name);
}

Symbol *Sema::declare(NameDecl &decl, Symbol::Kind kind, Type type) {
  if (Symbol *previous = lookup(decl.name)) {
    diags.errorWithNote(decl.loc, "'" + decl.name + "' is already defined; expected a new name", previous->loc,
                        "'" + decl.name + "' is defined here");
    return nullptr;
  }
  Symbol &symbol = symbols.emplace_back();
  symbol.kind = kind;
  symbol.name = decl.name;
  symbol.loc = decl.loc;
  symbol.type = std::move(type);
  decl.symbol = &symbol;
  if (frames.empty()) {
    consts[decl.name] = &symbol;
  } else {
    symbol.frame = frames.size() - 1;
    frames.back().names[decl.name] = &symbol;
  }
  return &symbol;
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Sema::checkImportedFile(SourceFile &file) {
  for (DeclPtr &decl : file.decls) {
    if (auto *c = dyn_cast<ConstDecl>(decl.get()))
      checkConst(*c);
    else if (auto *f = dyn_cast<FunctionDecl>(decl.get()))
      checkFunction(*f);
    else if (isa<KernelDecl>(decl.get()))
      diags.error(decl->loc, "imported files share definitions: expected only 'const', 'def' and 'import', "
                             "found a kernel");
  }
}

void Sema::checkMainFile(SourceFile &file) {
  for (DeclPtr &decl : file.decls) {
    if (auto *c = dyn_cast<ConstDecl>(decl.get()))
      checkConst(*c);
    else if (auto *f = dyn_cast<FunctionDecl>(decl.get()))
      checkFunction(*f);
    else if (auto *k = dyn_cast<KernelDecl>(decl.get()))
      checkKernel(*k);
  }
}

void Sema::checkConst(ConstDecl &decl) {
  Expr *value = decl.value.get();
  auto override = llvm::find_if(overrides, [&](const ConstOverride &o) { return o.name == decl.decl.name; });
  if (override != overrides.end()) {
    override->used = true;
    value = override->value.get();
  }
  Type type = checkExpr(*value);
  if (!type.isError() && !type.isConst()) {
    diags.error(value->loc, "const '" + decl.decl.name + "' must be a compile-time number, found " + type.str());
    type = Type::error();
  }
  if (Symbol *symbol = declare(decl.decl, Symbol::Const, type)) {
    symbol->intValue = value->intValue;
    symbol->floatValue = value->floatValue;
  }
}

void Sema::checkOverridesUsed() {
  for (ConstOverride &o : overrides)
    if (!o.used)
      diags.error(o.loc, "-D " + o.name + ": expected the name of a const or run-time dim defined in the program, found none");
}

void Sema::checkKernel(KernelDecl &kernel) {
  auto [it, inserted] = kernels.try_emplace(kernel.decl.name, kernel.decl.loc);
  if (!inserted)
    diags.errorWithNote(kernel.decl.loc, "kernel '" + kernel.decl.name + "' is already defined", it->second,
                        "the first definition is here");
  scopeNames.clear();
  frames.emplace_back();
  bool hasOutput = false;
  for (auto [index, param] : llvm::enumerate(kernel.params)) {
    if (param.isDim)
      checkDimParam(param, index, kernel.decl.name);
    else
      checkParam(param, index);
    hasOutput |= param.isOut;
  }
  if (!hasOutput)
    diags.error(kernel.decl.loc, "kernel '" + kernel.decl.name +
                                     "' has no output: expected at least one parameter marked 'out'");
  for (StmtPtr &stmt : kernel.body)
    checkStmt(*stmt);
  frames.pop_back();
}

void Sema::checkParam(Param &param, unsigned index) {
  Type type;
  ParamType &pt = param.type;
  if (pt.isTensor) {
    llvm::SmallVector<int64_t, 4> shape;
    bool ok = true;
    for (ExprPtr &dim : pt.dims) {
      if (&dim == &pt.dims.front())
        allowDimAt(*dim);
      std::optional<int64_t> size = checkIntConst(*dim, "a tensor dimension");
      if (size && *size <= 0) {
        diags.error(dim->loc, "expected a positive tensor dimension, found " + llvm::Twine(*size));
        size.reset();
      }
      ok &= size.has_value();
      shape.push_back(size.value_or(1));
    }
    std::optional<DType> dtype = parseSourceDType(pt.dtype);
    if (!dtype)
      diags.error(pt.dtypeLoc, "expected an element type (bf16, f16, f32, i8, i32), found '" + pt.dtype + "'");
    if (ok && dtype)
      type = checkTensorSize(Type::tensor(Type::Global, shape, *dtype), pt.dims.front()->loc);
    if (auto *rows = dyn_cast<NameExpr>(pt.dims.front().get()); rows && rows->symbol &&
                                                                 rows->symbol->kind == Symbol::Dim)
      type.rowsDim = rows->symbol->name;
  } else if (pt.dtype == "i32") {
    type = Type::scalar(Type::I32);
  } else if (pt.dtype == "f32") {
    type = Type::scalar(Type::F32);
  } else {
    diags.error(pt.dtypeLoc, "expected a scalar type 'i32' or 'f32' or 'tensor<[dims], dtype>', found '" +
                                 pt.dtype + "'");
  }
  if (param.isOut && !pt.isTensor) {
    diags.error(param.outLoc, "expected a tensor after 'out': kernels return results through output tensors");
    param.isOut = false;
  }
  if (Symbol *symbol = declare(param.decl, Symbol::Param, type)) {
    symbol->argIndex = index;
    symbol->isOut = param.isOut;
  }
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Sema::checkBlock(Block &block, Stmt *owner) {
  frames.emplace_back();
  frames.back().owner = owner;
  for (StmtPtr &stmt : block)
    checkStmt(*stmt);
  frames.pop_back();
}

void Sema::checkStmt(Stmt &stmt) {
  switch (stmt.kind) {
  case Stmt::Let: return checkLet(cast<LetStmt>(stmt));
  case Stmt::Assign: return checkAssign(cast<AssignStmt>(stmt));
  case Stmt::For: return checkFor(cast<ForStmt>(stmt));
  case Stmt::Scope: return checkScope(cast<ScopeStmt>(stmt));
  }
}

void Sema::checkLet(LetStmt &let) {
  Expr &value = *let.value;
  auto *call = dyn_cast<CallExpr>(&value);
  letScratch = call;
  Type type = checkExpr(value);
  letScratch = nullptr;
  // Naming a global tensor reads it; only scratch() binds a global tensor itself.
  if (type.kind == Type::Global && !(call && call->callee == "scratch"))
    type.kind = Type::Tensor;
  llvm::SmallVector<Type, 2> types;
  if (type.kind == Type::Pair) {
    // quant_int8's (quantized i8, scale) or topk's (values, indices), whose
    // values are never i8; either may come through an inlined function.
    bool topk = type.dtype != DType::I8;
    if (let.names.size() != 2)
      diags.error(let.names.front().loc,
                  topk ? "topk returns two tensors: expected 'let values, indices = topk(...)', found " +
                             llvm::Twine(let.names.size()) + " name(s)"
                       : "quant_int8 returns two tensors: expected 'let q, scale = quant_int8(...)', found " +
                             llvm::Twine(let.names.size()) + " name(s)");
    types.push_back(Type::tensor(Type::Tensor, type.shape, type.dtype));
    types.push_back(topk ? Type::tensor(Type::Tensor, type.shape, DType::I32)
                         : Type::tensor(Type::Tensor, {type.shape[0], 1}, DType::F32));
    for (Type &result : types)
      result.rowsDim = type.rowsDim;
  } else {
    if (!type.isError() && let.names.size() != 1)
      diags.error(let.names[1].loc, "expected one name: only quant_int8 and topk return two values, found " +
                                        llvm::Twine(let.names.size()) + " names");
    if (type.kind == Type::Shape) {
      diags.error(value.loc, "expected a tensor or scalar value, found " + type.str());
      type = Type::error();
    }
    types.push_back(type);
  }
  for (auto [index, name] : llvm::enumerate(let.names)) {
    Type nameType = index < types.size() ? types[index] : Type::error();
    if (type.isError())
      nameType = Type::error();
    if (Symbol *symbol = declare(name, Symbol::Let, nameType)) {
      symbol->intValue = value.intValue;
      symbol->floatValue = value.floatValue;
      if (nameType.isScalar())
        symbol->definition = &value;
    }
  }
}

// Records that `symbol` is reassigned inside every loop between its
// declaration and here, so IRGen threads it through those loops.
void Sema::noteCarried(Symbol &symbol, llvm::SMLoc loc) {
  for (unsigned i = symbol.frame + 1; i < frames.size(); ++i) {
    Stmt *owner = frames[i].owner;
    if (auto *scope = dyn_cast_or_null<ScopeStmt>(owner)) {
      diags.errorWithNote(loc, "cannot reassign '" + symbol.name + "' inside scope \"" + scope->name +
                                   "\": it is declared outside; scopes exchange data through global tensors",
                          symbol.loc, "'" + symbol.name + "' is declared here");
      return;
    }
    if (auto *loop = dyn_cast_or_null<ForStmt>(owner))
      if (!llvm::is_contained(loop->carried, &symbol))
        loop->carried.push_back(&symbol);
  }
}

void Sema::checkAssign(AssignStmt &assign) {
  Expr *target = assign.target.get();
  auto *index = dyn_cast<IndexExpr>(target);
  auto *name = dyn_cast<NameExpr>(index ? index->base.get() : target);
  if (!name) {
    diags.error(target->loc, "expected a name or a slice of a name to assign to");
    checkExpr(*assign.value);
    return;
  }
  Type valueType = checkValue(*assign.value);
  Type targetType = index ? checkExpr(*index) : checkExpr(*name);
  Symbol *symbol = name->symbol;
  if (!symbol || targetType.isError() || valueType.isError())
    return;
  Type baseType = symbol->type;
  llvm::StringRef what = symbol->name;
  if (symbol->kind == Symbol::Const || symbol->kind == Symbol::LoopVar || baseType.isScalar()) {
    diags.error(name->loc, "cannot assign to '" + what + "': expected a tensor, found " +
                               (symbol->kind == Symbol::Const      ? llvm::Twine("a const")
                                : symbol->kind == Symbol::LoopVar ? llvm::Twine("a loop variable")
                                                                  : llvm::Twine(baseType.str())));
    return;
  }
  if (baseType.kind == Type::Global && !inlining.empty()) {
    diags.error(name->loc, "a function cannot write the global tensor '" + what +
                               "': expected it to return the value, for the kernel to write");
    return;
  }
  if (symbol->kind == Symbol::Param && !symbol->isOut) {
    diags.error(name->loc, "cannot write to input tensor '" + what +
                               "': expected an 'out' parameter, a scratch tensor or a 'let' name");
    return;
  }
  if (index && index->gathersRows) {
    diags.error(index->loc, "cannot write through a row gather: expected ranges or single indices");
    return;
  }
  if (valueType.kind != Type::Tensor) {
    diags.error(assign.value->loc, "expected a tensor value to store into '" + what + "', found " + valueType.str());
    return;
  }
  // The written region: the whole tensor or the indexed slice (dropped dims removed).
  Type region = targetType;
  region.kind = Type::Tensor;
  if (!checkRowsMatch(region, valueType, assign.value->loc, what))
    return;
  if (!region.rowsDim.empty())
    checkChunkOfRuntimeRows(region, assign.value->loc, what);
  if (region.shape != valueType.shape || region.dtype != valueType.dtype) {
    std::string hint;
    if (region.shape == valueType.shape)
      hint = isNarrowing(valueType.dtype, region.dtype)
                 ? " (convert with cast(x, " + spell(region.dtype).str() + ", round=rint))"
                 : " (convert with cast(x, " + spell(region.dtype).str() + "))";
    diags.error(assign.value->loc, "type mismatch in assignment to '" + what + "': expected " + region.str() +
                                       ", found " + valueType.str() + hint);
    return;
  }
  if (baseType.kind == Type::Tensor)
    noteCarried(*symbol, name->loc);
}

bool Sema::checkLoopBounds(ForStmt &loop) {
  CallExpr &iter = *loop.iter;
  llvm::StringRef kind = iter.callee;
  if (kind == "range")
    loop.loopKind = LoopKind::Range;
  else if (kind == "parallel")
    loop.loopKind = LoopKind::Parallel;
  else if (kind == "pipeline")
    loop.loopKind = LoopKind::Pipeline;
  else {
    diags.error(iter.loc, "expected 'range', 'parallel' or 'pipeline' after 'in', found '" + kind + "'");
    return false;
  }
  size_t n = iter.args.size();
  if (n < 1 || n > 3) {
    diags.error(iter.loc, "'" + kind + "' expects (stop), (start, stop) or (start, stop, step), found " +
                              llvm::Twine(n) + " arguments");
    return false;
  }
  bool ok = true;
  for (KeywordArg &kw : iter.keywords) {
    if (kw.name == "stages" && loop.loopKind == LoopKind::Pipeline) {
      std::optional<int64_t> stages = checkIntConst(*kw.value, "the number of pipeline stages");
      if (stages && *stages < 1) {
        diags.error(kw.value->loc, "expected at least 1 pipeline stage, found " + llvm::Twine(*stages));
        stages.reset();
      }
      ok &= stages.has_value();
      loop.stages = stages.value_or(1);
    } else {
      diags.error(kw.loc, "'" + kind + "' has no argument '" + kw.name + "'" +
                              (loop.loopKind == LoopKind::Pipeline ? "; expected 'stages'" : ""));
      ok = false;
    }
  }
  if (loop.loopKind == LoopKind::Pipeline && loop.stages == 0) {
    diags.error(iter.loc, "expected 'stages=N' in 'pipeline(...)'");
    ok = false;
  }
  loop.lower = n == 1 ? nullptr : iter.args[0].get();
  loop.upper = iter.args[n == 1 ? 0 : 1].get();
  for (Expr *bound : {loop.lower, loop.upper}) {
    if (!bound)
      continue;
    if (bound == loop.upper)
      allowDimAt(*bound);
    Type type = checkExpr(*bound);
    if (!type.isError() && !type.isInteger()) {
      diags.error(bound->loc, "expected an integer loop bound, found " + type.str());
      ok = false;
    }
    ok &= !type.isError();
  }
  if (n == 3) {
    std::optional<int64_t> step = checkIntConst(*iter.args[2], "the loop step");
    if (step && *step <= 0) {
      diags.error(iter.args[2]->loc, "expected a positive loop step, found " + llvm::Twine(*step));
      step.reset();
    }
    ok &= step.has_value();
    loop.step = step.value_or(1);
  }
  return ok;
}

void Sema::checkFor(ForStmt &loop) {
  bool ok = checkLoopBounds(loop);
  frames.emplace_back();
  frames.back().owner = &loop;
  if (Symbol *var = declare(loop.var, Symbol::LoopVar, ok ? Type::scalar(Type::Index) : Type::error())) {
    int64_t lower = loop.lower ? loop.lower->intValue : 0;
    bool lowerConst = !loop.lower || loop.lower->type.kind == Type::IntConst;
    if (ok && lowerConst && loop.upper->type.kind == Type::IntConst && loop.upper->intValue > lower) {
      // In unsigned arithmetic: the distance between two int64_t can exceed INT64_MAX.
      uint64_t span = uint64_t(loop.upper->intValue) - 1 - uint64_t(lower);
      var->minValue = lower;
      var->maxValue = int64_t(uint64_t(lower) + span / uint64_t(loop.step) * uint64_t(loop.step));
    }
  }
  for (StmtPtr &stmt : loop.body)
    checkStmt(*stmt);
  frames.pop_back();
}

// A fixed token chunk would have to divide every value of a run-time dim.
void Sema::checkChunkOfRuntimeRows(const Type &target, llvm::SMLoc loc, llvm::StringRef what) {
  for (const Frame &frame : llvm::reverse(frames)) {
    auto *scope = dyn_cast_or_null<ScopeStmt>(frame.owner);
    if (!scope || scope->tokens <= 1)
      continue;
    auto option = llvm::find_if(scope->options, [](const KeywordArg &o) { return o.name == "tokens"; });
    diags.errorWithNote(loc, "'" + what + "' has the run-time rows " + target.rowsDim + ", which scope \"" +
                                 scope->name + "\" splits in chunks of " + llvm::Twine(scope->tokens) +
                                 " token rows: " + target.rowsDim + " need not be a multiple of " +
                                 llvm::Twine(scope->tokens) + "; drop 'tokens' (or set it to 1)",
                        option->loc, "the token chunk is set here");
    return;
  }
}

void Sema::checkScope(ScopeStmt &scope) {
  if (scope.core != "vector" && scope.core != "cube")
    diags.error(scope.coreLoc, "expected a core group 'vector' or 'cube', found '" + scope.core + "'");
  if (scope.name.empty())
    diags.error(scope.loc, "expected a non-empty scope name");
  for (KeywordArg &option : scope.options) {
    if (option.name != "tokens") {
      diags.error(option.loc, "a scope has no option '" + option.name + "'; expected 'tokens'");
      continue;
    }
    if (scope.core != "vector") {
      diags.error(option.loc, "'tokens' sets the token chunk of a vector scope; scope \"" +
                                  scope.name + "\" runs on the cube cores");
      continue;
    }
    std::optional<int64_t> tokens = checkIntConst(*option.value, "the token rows per chunk");
    if (tokens && *tokens < 1)
      diags.error(option.value->loc, "expected at least 1 token row per chunk, found " +
                                         llvm::Twine(*tokens));
    else if (tokens)
      scope.tokens = *tokens;
  }
  auto [it, inserted] = scopeNames.try_emplace(scope.name, scope.loc);
  if (!inserted)
    diags.errorWithNote(scope.loc, "scope \"" + scope.name + "\" is already used in this kernel; expected a new name",
                        it->second, "the first scope with this name");
  checkBlock(scope.body, &scope);
}

} // namespace tilec::frontend
