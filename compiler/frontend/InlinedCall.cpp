//===- InlinedCall.cpp - a function's syntax copied for one call ----------===//
//
// A function's parameters take the types of each call's arguments, so its
// body is checked (and annotated by Sema) once per call, on a copy. Only the
// fields the parser fills are copied; the copies keep the definition's
// locations, so errors in the body point into the definition.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/AST.h"

namespace tilec::frontend {
namespace {

ExprPtr cloneExpr(const Expr &expr);
Block cloneBlock(const Block &block);

ExprPtr cloneOptional(const ExprPtr &expr) { return expr ? cloneExpr(*expr) : nullptr; }

std::vector<KeywordArg> cloneKeywords(const std::vector<KeywordArg> &keywords) {
  std::vector<KeywordArg> copies;
  for (const KeywordArg &kw : keywords)
    copies.push_back({kw.name, kw.loc, cloneExpr(*kw.value)});
  return copies;
}

std::unique_ptr<CallExpr> cloneCall(const CallExpr &call) {
  auto copy = std::make_unique<CallExpr>(call.loc, call.callee);
  for (const ExprPtr &arg : call.args)
    copy->args.push_back(cloneExpr(*arg));
  copy->keywords = cloneKeywords(call.keywords);
  return copy;
}

ExprPtr cloneExpr(const Expr &expr) {
  switch (expr.kind) {
  case Expr::IntLit: return std::make_unique<IntLitExpr>(expr.loc, cast<IntLitExpr>(expr).value);
  case Expr::FloatLit: return std::make_unique<FloatLitExpr>(expr.loc, cast<FloatLitExpr>(expr).value);
  case Expr::Name: return std::make_unique<NameExpr>(expr.loc, cast<NameExpr>(expr).name);
  case Expr::Unary: return std::make_unique<UnaryExpr>(expr.loc, cloneExpr(*cast<UnaryExpr>(expr).operand));
  case Expr::Binary: {
    auto &binary = cast<BinaryExpr>(expr);
    return std::make_unique<BinaryExpr>(expr.loc, binary.op, cloneExpr(*binary.lhs), cloneExpr(*binary.rhs));
  }
  case Expr::Call: return cloneCall(cast<CallExpr>(expr));
  case Expr::Index: {
    auto &index = cast<IndexExpr>(expr);
    auto copy = std::make_unique<IndexExpr>(expr.loc, cloneExpr(*index.base));
    for (const IndexItem &item : index.items)
      copy->items.push_back({item.loc, item.isRange, cloneOptional(item.start), cloneOptional(item.stop),
                             cloneOptional(item.step)});
    return copy;
  }
  case Expr::List: {
    auto copy = std::make_unique<ListExpr>(expr.loc);
    for (const ExprPtr &element : cast<ListExpr>(expr).elements)
      copy->elements.push_back(cloneExpr(*element));
    return copy;
  }
  }
  llvm_unreachable("every expression kind is copied");
}

StmtPtr cloneStmt(const Stmt &stmt) {
  switch (stmt.kind) {
  case Stmt::Let: {
    auto &let = cast<LetStmt>(stmt);
    auto copy = std::make_unique<LetStmt>(stmt.loc);
    for (const NameDecl &name : let.names)
      copy->names.push_back({name.name, name.loc});
    copy->value = cloneExpr(*let.value);
    return copy;
  }
  case Stmt::Assign: {
    auto &assign = cast<AssignStmt>(stmt);
    return std::make_unique<AssignStmt>(stmt.loc, cloneExpr(*assign.target), cloneExpr(*assign.value));
  }
  case Stmt::For: {
    auto &loop = cast<ForStmt>(stmt);
    auto copy = std::make_unique<ForStmt>(stmt.loc);
    copy->var = {loop.var.name, loop.var.loc};
    copy->iter = cloneCall(*loop.iter);
    copy->body = cloneBlock(loop.body);
    return copy;
  }
  case Stmt::Scope: {
    auto &scope = cast<ScopeStmt>(stmt);
    auto copy = std::make_unique<ScopeStmt>(stmt.loc);
    copy->name = scope.name;
    copy->core = scope.core;
    copy->coreLoc = scope.coreLoc;
    copy->options = cloneKeywords(scope.options);
    copy->body = cloneBlock(scope.body);
    return copy;
  }
  }
  llvm_unreachable("every statement kind is copied");
}

Block cloneBlock(const Block &block) {
  Block copy;
  for (const StmtPtr &stmt : block)
    copy.push_back(cloneStmt(*stmt));
  return copy;
}

} // namespace

CallExpr::~CallExpr() = default;

std::unique_ptr<InlinedCall> instantiate(const FunctionDecl &function) {
  auto call = std::make_unique<InlinedCall>();
  call->function = &function;
  for (const NameDecl &param : function.params)
    call->params.push_back({param.name, param.loc});
  call->body = cloneBlock(function.body);
  call->result = cloneExpr(*function.result);
  return call;
}

} // namespace tilec::frontend
