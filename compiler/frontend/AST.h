//===- AST.h - syntax tree of a .tile file ----------------------*- C++ -*-===//
//
// The parser builds these nodes; Sema fills in the `type`, constant values
// and resolved symbols; IRGen reads them.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_FRONTEND_AST_H
#define TILEC_COMPILER_FRONTEND_AST_H

#include "compiler/frontend/Types.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <memory>
#include <vector>

namespace tilec::frontend {

using llvm::cast;
using llvm::dyn_cast;
using llvm::dyn_cast_or_null;
using llvm::isa;

struct Symbol;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

struct Expr {
  enum Kind { IntLit, FloatLit, Name, Unary, Binary, Call, Index, List };
  Expr(Kind kind, llvm::SMLoc loc) : kind(kind), loc(loc) {}
  virtual ~Expr() = default;

  const Kind kind;
  llvm::SMLoc loc;
  // Filled by Sema.
  Type type;
  int64_t intValue = 0;   // when type.kind == IntConst
  double floatValue = 0;  // when type.kind == FloatConst
};
using ExprPtr = std::unique_ptr<Expr>;

struct IntLitExpr : Expr {
  IntLitExpr(llvm::SMLoc loc, int64_t value) : Expr(IntLit, loc), value(value) {}
  int64_t value;
  static bool classof(const Expr *e) { return e->kind == IntLit; }
};

struct FloatLitExpr : Expr {
  FloatLitExpr(llvm::SMLoc loc, double value) : Expr(FloatLit, loc), value(value) {}
  double value;
  static bool classof(const Expr *e) { return e->kind == FloatLit; }
};

struct NameExpr : Expr {
  NameExpr(llvm::SMLoc loc, llvm::StringRef name) : Expr(Name, loc), name(name) {}
  llvm::StringRef name;
  Symbol *symbol = nullptr; // Sema
  static bool classof(const Expr *e) { return e->kind == Name; }
};

struct UnaryExpr : Expr {
  UnaryExpr(llvm::SMLoc loc, ExprPtr operand) : Expr(Unary, loc), operand(std::move(operand)) {}
  ExprPtr operand; // the only unary operator is '-'
  static bool classof(const Expr *e) { return e->kind == Unary; }
};

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Lt, Le, Gt, Ge, Eq, Ne };
llvm::StringRef spell(BinaryOp op);
/// `<`, `<=`, `>`, `>=`, `==`, `!=`: comparisons of tensors, giving masks.
inline bool isComparison(BinaryOp op) { return op >= BinaryOp::Lt; }

struct BinaryExpr : Expr {
  BinaryExpr(llvm::SMLoc loc, BinaryOp op, ExprPtr lhs, ExprPtr rhs)
      : Expr(Binary, loc), op(op), lhs(std::move(lhs)), rhs(std::move(rhs)) {}
  BinaryOp op;
  ExprPtr lhs, rhs;
  static bool classof(const Expr *e) { return e->kind == Binary; }
};

struct KeywordArg {
  llvm::StringRef name;
  llvm::SMLoc loc;
  ExprPtr value;
};

struct Builtin;
struct InlinedCall;

struct CallExpr : Expr {
  CallExpr(llvm::SMLoc loc, llvm::StringRef callee) : Expr(Call, loc), callee(callee) {}
  ~CallExpr() override; // InlinedCall is complete only in InlinedCall.cpp
  llvm::StringRef callee;
  std::vector<ExprPtr> args;
  std::vector<KeywordArg> keywords;
  // Sema: the builtin and its arguments in signature order (null = omitted).
  const Builtin *builtin = nullptr;
  std::vector<Expr *> boundArgs;
  // Sema: for a call of a `def` function, its body instantiated for this call
  // (boundArgs then holds the arguments in parameter order).
  std::unique_ptr<InlinedCall> inlined;
  static bool classof(const Expr *e) { return e->kind == Call; }
};

/// One item of `x[...]`: a single index `i`, or a range `a:b` (either end may be omitted).
struct IndexItem {
  llvm::SMLoc loc;
  bool isRange = false;
  ExprPtr start, stop, step; // step is parsed only to reject it with a clear message
};

struct IndexExpr : Expr {
  IndexExpr(llvm::SMLoc loc, ExprPtr base) : Expr(Index, loc), base(std::move(base)) {}
  ExprPtr base;
  std::vector<IndexItem> items;
  // Sema: the region read, before dropping single-index dimensions.
  llvm::SmallVector<int64_t, 4> sizes;
  bool gathersRows = false; // first item is an i32 index tensor (row gather)
  static bool classof(const Expr *e) { return e->kind == Index; }
};

struct ListExpr : Expr {
  explicit ListExpr(llvm::SMLoc loc) : Expr(List, loc) {}
  std::vector<ExprPtr> elements;
  static bool classof(const Expr *e) { return e->kind == List; }
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

struct NameDecl {
  llvm::StringRef name;
  llvm::SMLoc loc;
  Symbol *symbol = nullptr; // Sema
};

struct Stmt {
  enum Kind { Let, Assign, For, Scope };
  Stmt(Kind kind, llvm::SMLoc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  const Kind kind;
  llvm::SMLoc loc;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct LetStmt : Stmt {
  explicit LetStmt(llvm::SMLoc loc) : Stmt(Let, loc) {}
  std::vector<NameDecl> names; // several only for quant_int8's pair
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->kind == Let; }
};

struct AssignStmt : Stmt {
  AssignStmt(llvm::SMLoc loc, ExprPtr target, ExprPtr value)
      : Stmt(Assign, loc), target(std::move(target)), value(std::move(value)) {}
  ExprPtr target; // NameExpr or IndexExpr over a NameExpr
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->kind == Assign; }
};

enum class LoopKind { Range, Parallel, Pipeline };

struct ForStmt : Stmt {
  explicit ForStmt(llvm::SMLoc loc) : Stmt(For, loc) {}
  NameDecl var;
  std::unique_ptr<CallExpr> iter; // range(...), parallel(...) or pipeline(...)
  Block body;
  // Sema.
  LoopKind loopKind = LoopKind::Range;
  Expr *lower = nullptr, *upper = nullptr;
  int64_t step = 1;
  /// pipeline(..., stages=N), recorded as the loop's `tile.pipeline_stages`
  /// (0 while Sema has not seen `stages`).
  int64_t stages = 0;
  std::vector<Symbol *> carried; // outer variables reassigned in the body
  static bool classof(const Stmt *s) { return s->kind == For; }
};

struct ScopeStmt : Stmt {
  explicit ScopeStmt(llvm::SMLoc loc) : Stmt(Scope, loc) {}
  std::string name;
  llvm::StringRef core;
  llvm::SMLoc coreLoc;
  std::vector<KeywordArg> options; // `on vector(tokens=16)`
  Block body;
  // Sema: token rows per chunk, 0 when the compiler picks them.
  int64_t tokens = 0;
  static bool classof(const Stmt *s) { return s->kind == Scope; }
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

struct ParamType {
  bool isTensor = false;
  std::vector<ExprPtr> dims; // tensors
  llvm::StringRef dtype;     // tensor element type or scalar type
  llvm::SMLoc dtypeLoc;
};

struct Param {
  NameDecl decl;
  bool isOut = false;
  llvm::SMLoc outLoc;
  ParamType type;
  /// `dim NAME <= BOUND`: a token count given at launch, at most BOUND.
  bool isDim = false;
  ExprPtr bound;
};

struct Decl {
  enum Kind { Const, Import, Kernel, Function };
  Decl(Kind kind, llvm::SMLoc loc) : kind(kind), loc(loc) {}
  virtual ~Decl() = default;
  const Kind kind;
  llvm::SMLoc loc;
};
using DeclPtr = std::unique_ptr<Decl>;

struct ConstDecl : Decl {
  explicit ConstDecl(llvm::SMLoc loc) : Decl(Const, loc) {}
  NameDecl decl;
  ExprPtr value;
  static bool classof(const Decl *d) { return d->kind == Const; }
};

struct ImportDecl : Decl {
  explicit ImportDecl(llvm::SMLoc loc) : Decl(Import, loc) {}
  std::string path;
  static bool classof(const Decl *d) { return d->kind == Import; }
};

struct KernelDecl : Decl {
  explicit KernelDecl(llvm::SMLoc loc) : Decl(Kernel, loc) {}
  NameDecl decl;
  std::vector<Param> params;
  Block body;
  static bool classof(const Decl *d) { return d->kind == Kernel; }
};

/// `def name(params) { ... return value }`: inlined at each call, where its
/// parameters take the arguments' types.
struct FunctionDecl : Decl {
  explicit FunctionDecl(llvm::SMLoc loc) : Decl(Function, loc) {}
  NameDecl decl;
  std::vector<NameDecl> params;
  Block body;        // the statements before the closing 'return'
  ExprPtr result;    // the value of the closing 'return'
  static bool classof(const Decl *d) { return d->kind == Function; }
};

/// A function's body, cloned for one call and checked with the call's
/// argument types (Sema annotates each clone on its own).
struct InlinedCall {
  const FunctionDecl *function = nullptr;
  std::vector<NameDecl> params; // the symbols the arguments bind, per call
  Block body;
  ExprPtr result;
};

/// A fresh copy of a function's syntax for one call: the parsed fields only,
/// so Sema can annotate the copy without touching the definition.
std::unique_ptr<InlinedCall> instantiate(const FunctionDecl &function);

/// One parsed file.
struct SourceFile {
  unsigned bufferId = 0;
  std::vector<DeclPtr> decls;
};

} // namespace tilec::frontend

#endif
