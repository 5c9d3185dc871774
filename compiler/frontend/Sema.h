//===- Sema.h - names, types, shapes and dtype rules of .tile ---*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_SEMA_H
#define TILEC_COMPILER_FRONTEND_SEMA_H

#include "compiler/frontend/AST.h"
#include "compiler/frontend/Diagnostics.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"

#include <deque>

namespace tilec::frontend {

/// Something a name refers to.
struct Symbol {
  enum Kind { Const, Param, Let, LoopVar, Dim };
  Kind kind = Let;
  llvm::StringRef name;
  llvm::SMLoc loc;
  Type type;
  int64_t intValue = 0;  // IntConst
  double floatValue = 0; // FloatConst
  unsigned argIndex = 0; // Param, Dim
  int64_t bound = 0;     // Dim: its upper bound (intValue is the value it is checked at)
  bool isOut = false;    // Param
  unsigned frame = 0;    // index of the declaring frame (kernel, loop or scope body)
  Expr *definition = nullptr; // Let of a scalar: its value, so index arithmetic can see through it
  // LoopVar: the range of values when the bounds are constants.
  std::optional<int64_t> minValue, maxValue;
};

/// A -D NAME=VALUE override, parsed from its own source buffer.
struct ConstOverride {
  llvm::StringRef name;
  ExprPtr value;
  llvm::SMLoc loc;
  bool used = false;
  llvm::StringRef runtimeDimKernel; ///< FrontendOptions::runtimeDimKernel
};

/// Checks a program (imported files first, the main file last) and annotates
/// its AST for IRGen. Reports every error it finds; a failed statement binds
/// its names to an error type so that it causes no follow-on errors.
class Sema {
public:
  Sema(DiagnosticSink &diags, std::vector<ConstOverride> &overrides) : diags(diags), overrides(overrides) {}

  void checkImportedFile(SourceFile &file);
  void checkMainFile(SourceFile &file);
  /// Reports -D overrides that matched no const.
  void checkOverridesUsed();

  // Expression checks, shared with the builtin rules (Builtins.cpp).
  Type checkExpr(Expr &expr);
  /// Like checkExpr, but a global tensor is read as a value.
  Type checkValue(Expr &expr);
  /// Checks an integer compile-time constant; nullopt after reporting.
  std::optional<int64_t> checkIntConst(Expr &expr, llvm::StringRef what);
  std::optional<double> checkNumberConst(Expr &expr, llvm::StringRef what);
  /// Checks `[d0, d1, ...]` of positive integer constants.
  std::optional<llvm::SmallVector<int64_t, 4>> checkShape(Expr &expr, llvm::StringRef what);
  /// Whether a compile-time number stored as `dtype` keeps its value: an
  /// integer within the type's range, a float finite once rounded. Reports it
  /// otherwise; anything else (a run-time value) fits.
  bool checkFits(Expr &expr, DType dtype);
  /// A tensor of more than kMaxTensorElements elements: reported at `loc`, and an error.
  Type checkTensorSize(Type type, llvm::SMLoc loc);
  /// Elementwise arithmetic between tensors and scalars (operators and add/sub/... builtins).
  Type checkArithmetic(llvm::StringRef op, Expr &lhs, Expr &rhs, llvm::SMLoc loc);
  DiagnosticSink &getDiags() { return diags; }

private:
  struct Frame {
    llvm::StringMap<Symbol *> names;
    Stmt *owner = nullptr; // the ForStmt or ScopeStmt whose body this is; null for a kernel body
    bool isFunction = false; // an inlined function's body: the caller's names are not visible
  };

  void checkConst(ConstDecl &decl);
  void checkKernel(KernelDecl &kernel);
  void checkParam(Param &param, unsigned index);
  // Run-time dims (SemaRuntimeDims.cpp).
  void checkDimParam(Param &param, unsigned index, llvm::StringRef kernel);
  /// Lets `expr` name a run-time dim (`a + NAME` too, as a slice's stop): the
  /// only places one may appear are a shape's first dimension, a slice's row
  /// count and a loop bound.
  void allowDimAt(Expr &expr, bool asSliceStop = false);
  /// The run-time rows of `expr`'s tensor result (Type::rowsDim), and the
  /// errors of ops that would need those rows to be a constant.
  Type trackRuntimeRows(Expr &expr, Type type);
  bool checkRowsMatch(const Type &target, const Type &value, llvm::SMLoc loc, llvm::StringRef what);
  /// Reports writing run-time rows in a scope that fixes its token chunk (> 1).
  void checkChunkOfRuntimeRows(const Type &target, llvm::SMLoc loc, llvm::StringRef what);
  // Functions (SemaFunction.cpp).
  void checkFunction(FunctionDecl &function);
  Type checkFunctionCall(CallExpr &call, const FunctionDecl &function);
  void bindParameter(NameDecl &param, Expr &arg);
  void checkBlock(Block &block, Stmt *owner);
  void checkStmt(Stmt &stmt);
  void checkLet(LetStmt &let);
  void checkAssign(AssignStmt &assign);
  void checkFor(ForStmt &loop);
  void checkScope(ScopeStmt &scope);
  bool checkLoopBounds(ForStmt &loop);
  void noteCarried(Symbol &symbol, llvm::SMLoc loc);

  Type checkName(NameExpr &name);
  Type checkUnary(UnaryExpr &unary);
  Type checkBinary(BinaryExpr &binary);
  Type foldConstants(BinaryExpr &binary);
  Type checkIntegerScalars(BinaryExpr &binary);
  Type checkIndex(IndexExpr &index);
  bool checkIndexItem(IndexExpr &index, IndexItem &item, int64_t dimSize, unsigned dim, int64_t &size);
  Type checkCall(CallExpr &call);
  std::string nearestCallees(llvm::StringRef name) const;

  Symbol *lookup(llvm::StringRef name);
  /// Declares `name` in the innermost frame, or reports a redefinition.
  Symbol *declare(NameDecl &decl, Symbol::Kind kind, Type type);

  DiagnosticSink &diags;
  std::vector<ConstOverride> &overrides;
  std::deque<Symbol> symbols;
  llvm::StringMap<Symbol *> consts;
  llvm::StringMap<llvm::SMLoc> kernels;
  llvm::StringMap<const FunctionDecl *> functions;
  std::vector<const FunctionDecl *> inlining; // the calls being checked, outermost first
  llvm::StringMap<llvm::SMLoc> scopeNames;
  std::vector<Frame> frames;
  const Expr *dimAllowedAt = nullptr; // the dim name allowDimAt accepted
  const CallExpr *letScratch = nullptr; // the scratch() call a 'let' is binding, the only place it may appear
};

} // namespace tilec::frontend

#endif
