//===- IRGen.h - checked AST to the tile dialect ----------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_IRGEN_H
#define TILEC_COMPILER_FRONTEND_IRGEN_H

#include "compiler/frontend/AST.h"
#include "compiler/frontend/Diagnostics.h"
#include "compiler/frontend/Sema.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"

namespace tilec::frontend {

/// Emits one `tile.kernel` per kernel of a program Sema accepted. Every op
/// carries the file:line:col of the expression or statement it comes from.
class IRGen {
public:
  IRGen(DiagnosticSink &diags, mlir::ModuleOp module);

  void emitKernel(KernelDecl &kernel);

private:
  mlir::Location loc(llvm::SMLoc at) const { return diags.loc(at); }
  mlir::RankedTensorType tensorType(const Type &type);
  mlir::Type globalType(const Type &type);

  // Statements (IRGen.cpp).
  void emitBlock(Block &block);
  void emitStmt(Stmt &stmt);
  void emitLet(LetStmt &let);
  void emitAssign(AssignStmt &assign);
  void emitFor(ForStmt &loop);
  void emitScope(ScopeStmt &scope);

  // Expressions (IRGenExpr.cpp).
  /// A tensor (reading a global tensor whole) or a run-time scalar.
  mlir::Value emitValue(Expr &expr);
  /// A scalar as `type` (index, i32 or f32), materializing constants.
  mlir::Value emitScalar(Expr &expr, mlir::Type type);
  mlir::Value emitIndex(Expr &expr) { return emitScalar(expr, builder.getIndexType()); }
  mlir::Value emitOperand(Expr &expr, DType tensorElement);
  mlir::Value emitUnary(UnaryExpr &unary);
  mlir::Value emitBinary(BinaryExpr &binary);
  mlir::Value emitArithmetic(BinaryOp op, Expr &lhs, Expr &rhs, const Type &result, llvm::SMLoc at);
  mlir::Value emitScalarArithmetic(BinaryExpr &binary);
  /// `lhs <predicate> rhs`: a mask of `result`'s shape (operators and lt, ..., ne).
  mlir::Value emitComparison(tile::CmpPredicate predicate, Expr &lhs, Expr &rhs, const Type &result,
                             llvm::SMLoc at);
  mlir::Value emitIndexRead(IndexExpr &index);
  llvm::SmallVector<mlir::Value, 4> emitOffsets(IndexExpr &index);
  mlir::Value reshape(mlir::Value value, llvm::ArrayRef<int64_t> shape, llvm::SMLoc at);
  mlir::Value emitZeroIndex(llvm::SMLoc at) { return emitIndexConstant(0, at); }
  /// Index constants and i32→index casts are made once per block: IRGen only
  /// appends to blocks, so the first one dominates every later use there.
  mlir::Value emitIndexConstant(int64_t value, llvm::SMLoc at);
  mlir::Value emitIndexCast(mlir::Value i32, llvm::SMLoc at);

  // Builtin calls (IRGenBuiltins.cpp).
  llvm::SmallVector<mlir::Value, 2> emitCall(CallExpr &call);
  /// A `def` function's body for one call, in place (IRGen.cpp).
  llvm::SmallVector<mlir::Value, 2> emitInlinedCall(CallExpr &call);

  DiagnosticSink &diags;
  mlir::ModuleOp module;
  mlir::OpBuilder builder;
  llvm::DenseMap<const Symbol *, mlir::Value> values;
  llvm::DenseMap<std::pair<mlir::Block *, int64_t>, mlir::Value> indexConstants;
  llvm::DenseMap<std::pair<mlir::Block *, mlir::Value>, mlir::Value> indexCasts;
  /// Whole reads of input tensors, once per block (inputs are never written).
  llvm::DenseMap<std::pair<mlir::Block *, const Symbol *>, mlir::Value> inputReads;
};

} // namespace tilec::frontend

#endif
