//===- FunctionEmitter.h - statements shared by tasks and hosts --*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_FUNCTIONEMITTER_H
#define TILEC_COMPILER_TARGET_FUNCTIONEMITTER_H

#include "compiler/target/CppNames.h"

#include "mlir/IR/Block.h"
#include "mlir/Support/IndentedOstream.h"

#include <string>

namespace tilec::target {

/// Prints the body of one C++ function: arith scalars as `const` locals (index
/// as int64_t, i32 as int32_t, f32 as float) with constants inlined as
/// literals, scf.for as `for` loops and scf.if as `if`. Subclasses print the
/// dialect ops of their kind of function in emitOp.
class FunctionEmitter {
public:
  explicit FunctionEmitter(mlir::raw_indented_ostream &os) : os(os) {}
  virtual ~FunctionEmitter() = default;

protected:
  /// Prints one op that is not arith/scf; fails (with a diagnostic) otherwise.
  virtual mlir::LogicalResult emitOp(mlir::Operation *op) = 0;

  /// Prints every op of `block` except its terminator's yield.
  mlir::LogicalResult emitBlock(mlir::Block &block);
  /// The C++ expression of a scalar value: a literal for a constant.
  std::string expr(mlir::Value value) const;
  /// `// rmsnorm.tile:7` after a statement, when `op` comes from a .tile line.
  void endStatement(mlir::Operation *op);

  mlir::raw_indented_ostream &os;
  CppNames names;

private:
  mlir::LogicalResult emitArith(mlir::Operation *op);
  mlir::LogicalResult emitFor(mlir::Operation *op);
  mlir::LogicalResult emitIf(mlir::Operation *op);
  /// The expression of an operand inside a binary expression (negative
  /// literals parenthesized).
  std::string operandExpr(mlir::Value value) const;

  unsigned loopDepth = 0;
};

/// The C++ literal of an integer, index, i1 or float constant attribute.
std::optional<std::string> literalFor(mlir::Attribute value);

} // namespace tilec::target

#endif
