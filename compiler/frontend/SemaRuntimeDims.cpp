//===- SemaRuntimeDims.cpp - `dim T <= 8192`: run-time token counts -------===//
//
// A run-time dim is a kernel parameter whose value arrives at launch, at most
// its bound. The kernel is checked (and its IR generated) at one value of it —
// the bound, or what -D gives — and the checks here make sure that the same
// program is valid at every value: the dim may only count token rows (the
// first dimension of tensors), and no op may need those rows as a constant.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/Sema.h"

namespace tilec::frontend {
namespace {

/// The run-time dim `expr` names, or null.
const Symbol *namedDim(const Expr *expr) {
  auto *name = dyn_cast_or_null<NameExpr>(expr);
  return name && name->symbol && name->symbol->kind == Symbol::Dim ? name->symbol : nullptr;
}

/// The dim a row slice `a : a + T` (or `: T`) names in its stop, or null.
const Symbol *sliceDim(const IndexItem &item) {
  if (!item.isRange || !item.stop)
    return nullptr;
  if (const Symbol *dim = namedDim(item.stop.get()))
    return dim;
  auto *sum = dyn_cast<BinaryExpr>(item.stop.get());
  return sum && sum->op == BinaryOp::Add ? namedDim(sum->rhs.get()) : nullptr;
}

} // namespace

void Sema::checkDimParam(Param &param, unsigned index, llvm::StringRef kernel) {
  llvm::StringRef name = param.decl.name;
  std::optional<int64_t> bound = checkIntConst(*param.bound, ("the bound of run-time dim '" + name + "'").str());
  if (bound && *bound <= 0) {
    diags.error(param.bound->loc, "expected a positive bound for run-time dim '" + name + "', found " +
                                      llvm::Twine(*bound));
    bound.reset();
  }
  // -D NAME=VALUE checks the kernel at that value instead of the bound.
  int64_t limit = bound.value_or(0), value = bound.value_or(1);
  auto override = llvm::find_if(overrides, [&](const ConstOverride &o) {
    return o.name == name && (o.runtimeDimKernel.empty() || o.runtimeDimKernel == kernel);
  });
  if (override != overrides.end()) {
    override->used = true;
    std::optional<int64_t> given = checkIntConst(*override->value, ("-D " + name).str());
    if (given && limit && (*given < 1 || *given > limit))
      diags.error(override->loc, "-D " + name + "=" + llvm::Twine(*given) + ": expected a value in [1, " +
                                     llvm::Twine(limit) + "], the bound of run-time dim '" + name + "'");
    else if (given)
      value = *given;
  }
  if (Symbol *symbol = declare(param.decl, Symbol::Dim, bound ? Type::scalar(Type::IntConst) : Type::error())) {
    symbol->argIndex = index;
    symbol->intValue = value;
    symbol->bound = limit;
  }
}

void Sema::allowDimAt(Expr &expr, bool asSliceStop) {
  dimAllowedAt = &expr;
  if (auto *sum = dyn_cast<BinaryExpr>(&expr); asSliceStop && sum && sum->op == BinaryOp::Add)
    dimAllowedAt = sum->rhs.get();
}

bool Sema::checkRowsMatch(const Type &target, const Type &value, llvm::SMLoc loc, llvm::StringRef what) {
  if (target.rowsDim == value.rowsDim)
    return true;
  auto rows = [](const Type &type) {
    return type.rowsDim.empty() ? std::string("constant rows") : ("run-time rows " + type.rowsDim).str();
  };
  diags.error(loc, "writing a value of " + rows(value) + " into " + rows(target) + " of '" + what +
                       "': expected the same token rows on both sides");
  return false;
}

Type Sema::trackRuntimeRows(Expr &expr, Type type) {
  if (type.isError())
    return type;
  auto needsConstantRows = [&](llvm::StringRef op, const Type &operand, llvm::StringRef whose = "its operand") {
    diags.error(expr.loc, "'" + op + "' needs the row count of " + whose + " as a constant, found the run-time "
                                     "rows " + operand.rowsDim + " (at most " + llvm::Twine(operand.shape[0]) +
                                     " here)");
    return Type::error();
  };

  if (auto *list = dyn_cast<ListExpr>(&expr)) {
    if (const Symbol *dim = list->elements.empty() ? nullptr : namedDim(list->elements.front().get()))
      type.rowsDim = dim->name;
    return type;
  }

  if (auto *index = dyn_cast<IndexExpr>(&expr)) {
    const Type &base = index->base->type;
    const IndexItem *rowItem = index->items.empty() ? nullptr : &index->items.front();
    if (index->gathersRows || base.rowsDim.empty()) {
      const Symbol *dim = !index->gathersRows && rowItem ? sliceDim(*rowItem) : nullptr;
      if (dim && index->sizes.front() != dim->intValue) {
        diags.error(rowItem->loc, "a slice of " + llvm::Twine(index->sizes.front()) + " rows: expected exactly " +
                                      dim->name + " rows ('a : a + " + dim->name + "')");
        return Type::error();
      }
      if (dim)
        type.rowsDim = dim->name;
      if (index->gathersRows && !base.rowsDim.empty())
        return needsConstantRows("row gather", base);
      // A gather by run-time many indices has their rows (the decode kernel's RoPE rows).
      if (index->gathersRows)
        type.rowsDim = rowItem->start->type.rowsDim;
      return type;
    }
    // All rows of a tensor with run-time rows: ':' or '0 : T'.
    bool allRows = !rowItem;
    if (rowItem && rowItem->isRange) {
      const Expr *start = rowItem->start.get();
      const Symbol *stop = sliceDim(*rowItem);
      allRows = (!start || (start->type.kind == Type::IntConst && start->intValue == 0)) &&
                (!rowItem->stop || (stop && stop->name == base.rowsDim));
    }
    if (!allRows) {
      auto *name = dyn_cast<NameExpr>(index->base.get());
      diags.error(rowItem->loc, "'" + (name ? name->name.str() : base.str()) + "' has the run-time rows " + base.rowsDim +
                                    ": expected ':' (all of them) in its first dimension; a slice of them would need "
                                    "a constant row count");
      return Type::error();
    }
    type.rowsDim = base.rowsDim;
    return type;
  }

  llvm::SmallVector<const Type *, 4> operands;
  // The operands whose rows are the result's rows, row for row: run-time rows
  // there may meet one row broadcast over them, never constant rows.
  llvm::SmallVector<const Type *, 4> paired;
  llvm::StringRef op;
  if (auto *binary = dyn_cast<BinaryExpr>(&expr)) {
    operands = {&binary->lhs->type, &binary->rhs->type};
    paired = operands;
    op = spell(binary->op);
  } else if (auto *unary = dyn_cast<UnaryExpr>(&expr)) {
    operands = {&unary->operand->type};
    op = "-";
  } else if (auto *call = dyn_cast<CallExpr>(&expr); call && call->builtin) {
    for (Expr *arg : call->boundArgs)
      if (arg)
        operands.push_back(&arg->type);
    BuiltinKind kind = call->builtin->kind;
    auto argsAt = [&](std::initializer_list<unsigned> positions) {
      for (unsigned position : positions)
        if (position < call->boundArgs.size() && call->boundArgs[position])
          paired.push_back(&call->boundArgs[position]->type);
    };
    if (kind == BuiltinKind::Binary || kind == BuiltinKind::Compare || kind == BuiltinKind::Select)
      paired = operands;
    else if (kind == BuiltinKind::Broadcast)
      argsAt({0});
    else if (kind == BuiltinKind::Matmul)
      argsAt({0, 2}); // a and acc; b's rows are the product's K
    else if (kind == BuiltinKind::Rope)
      argsAt({0, 1, 2});
    else if (kind == BuiltinKind::Interleave || kind == BuiltinKind::Concat)
      argsAt({0, 1});
    op = call->builtin->name;
    const Type *x = operands.empty() ? nullptr : operands.front();
    if ((kind == BuiltinKind::ColReduction || kind == BuiltinKind::Transpose) && !x->rowsDim.empty())
      return needsConstantRows(op, *x);
    if (kind == BuiltinKind::Matmul && !operands[1]->rowsDim.empty())
      return needsConstantRows("matmul", *operands[1], "its operand 'b' (the K of the product)");
    // A broadcast may also spread one row (or fewer dimensions) over run-time rows.
    bool spreadsRow = kind == BuiltinKind::Broadcast && x->rowsDim.empty() &&
                      (x->shape.size() < operands[1]->shape.size() || x->shape.front() == 1);
    if ((kind == BuiltinKind::Reshape || kind == BuiltinKind::Broadcast) && x->rowsDim != operands[1]->rowsDim &&
        !spreadsRow) {
      diags.error(expr.loc, op + " of " + llvm::Twine(x->rowsDim.empty() ? "constant rows" : "run-time rows ") +
                                x->rowsDim + " to a shape whose first dimension is " +
                                (operands[1]->rowsDim.empty() ? "a constant" : operands[1]->rowsDim) + ": a " + op +
                                " keeps a run-time dim as the first dimension of both shapes" +
                                (kind == BuiltinKind::Broadcast ? " (or spreads one row over it)" : ""));
      return Type::error();
    }
  } else {
    return type; // a function's result has the type its body gave it
  }

  // Broadcasting aligns trailing dimensions, so the run-time rows of an operand
  // of lower rank than the result would meet an inner dimension of it: equal at
  // the bound, they differ below it.
  for (const Type *operand : paired)
    if (!operand->rowsDim.empty() && operand->isTensorLike() && type.isTensorLike() &&
        operand->shape.size() < type.shape.size()) {
      diags.error(expr.loc, "'" + op + "' spreads a rank-" + llvm::Twine(operand->shape.size()) +
                                " operand with the run-time rows " + operand->rowsDim + " over rank " +
                                llvm::Twine(type.shape.size()) +
                                ": trailing dimensions align, so its rows would meet dimension " +
                                llvm::Twine(type.shape.size() - operand->shape.size()) +
                                " of the result; a run-time dim stays the first dimension (reshape to " +
                                "the result's rank first)");
      return Type::error();
    }

  const Type *rows = nullptr;
  for (const Type *operand : operands) {
    if (operand->rowsDim.empty())
      continue;
    if (rows && rows->rowsDim != operand->rowsDim) {
      diags.error(expr.loc, "'" + op + "' combines the run-time rows " + rows->rowsDim + " and " +
                                operand->rowsDim + ": expected one run-time dim");
      return Type::error();
    }
    rows = operand;
  }
  if (!rows || (!type.isTensorLike() && type.kind != Type::Pair && type.kind != Type::Mask))
    return type;
  if (type.shape.empty() || type.shape[0] != rows->shape[0])
    return needsConstantRows(op, *rows);
  // Row for row, a row ([1, D] or [D]) broadcasts over run-time rows, but
  // constant rows never meet them (equal at the bound, they differ below it).
  for (const Type *operand : paired)
    if (operand->isTensorLike() && operand->rowsDim.empty() && operand->shape.size() == type.shape.size() &&
        operand->shape[0] != 1) {
      diags.error(expr.loc, "'" + op + "' pairs the run-time rows " + rows->rowsDim + " with constant rows " +
                                shapeStr(operand->shape) + ": expected a run-time-row operand or one row to broadcast");
      return Type::error();
    }
  type.rowsDim = rows->rowsDim;
  return type;
}

} // namespace tilec::frontend
