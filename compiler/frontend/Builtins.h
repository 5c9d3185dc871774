//===- Builtins.h - the builtin functions of .tile --------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_BUILTINS_H
#define TILEC_COMPILER_FRONTEND_BUILTINS_H

#include "compiler/frontend/Diagnostics.h"
#include "compiler/frontend/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace tilec::frontend {

class Sema;
struct CallExpr;

enum class BuiltinKind {
  // Elementwise.
  Binary, UnaryOfNumbers, UnaryOfFloats,
  // Reductions and broadcast.
  RowReduction, ColReduction, Broadcast,
  // Comparison and selection.
  Compare, Select, Iota, RowArgmax, TopK,
  // Conversion, cube, data movement.
  Cast, Matmul, Gather, Interleave, Transpose, Concat, Reshape,
  // Construction.
  Full, Zeros, Scratch,
  // Composites.
  RmsNorm, QuantInt8, Rope, Activation, Pow, Square,
};

struct BuiltinParam {
  llvm::StringRef name;
  bool required;
  bool keywordOnly;
};

/// A binary, unary or reduction builtin is the tile op of its name (`exp` is
/// `tile.exp`), so its kind alone says how it is typed and generated.
struct Builtin {
  BuiltinKind kind;
  llvm::StringRef name;
  llvm::ArrayRef<BuiltinParam> params;
};

const Builtin *lookupBuiltin(llvm::StringRef name);
/// Every builtin, in the order of docs/language.md.
llvm::ArrayRef<Builtin> allBuiltins();

/// Python-style binding of a call's arguments to `params` (of a builtin or a
/// function): positional in order, then keywords by name, into
/// `call.boundArgs`. Reports what does not bind; false then.
bool bindArguments(DiagnosticSink &diags, CallExpr &call, llvm::StringRef callee,
                   llvm::ArrayRef<BuiltinParam> params);

/// Binds the call's arguments to the builtin's parameters and checks its
/// operand types; returns the result type (Type::error() after reporting).
Type checkBuiltinCall(Sema &sema, CallExpr &call);

} // namespace tilec::frontend

#endif
