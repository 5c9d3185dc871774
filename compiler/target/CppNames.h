//===- CppNames.h - C++ identifiers of one emitted function ------*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_CPPNAMES_H
#define TILEC_COMPILER_TARGET_CPPNAMES_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <string>

namespace tilec::target {

/// The names of one emitted C++ function. Every name is unique in the whole
/// function (so no declaration ever shadows another) and never one of the
/// identifiers the generated code itself uses (keywords, the entry's
/// parameters, the PTO API).
class CppNames {
public:
  CppNames();

  /// `hint` made a valid identifier, with a numeric suffix if already taken.
  std::string unique(llvm::StringRef hint);
  /// `prefix` followed by the next free number: ub0, ub1, … (l1_0 after a digit).
  std::string numbered(llvm::StringRef prefix);
  /// Marks `name` as taken (names the emitter spells itself).
  void reserve(llvm::StringRef name) { taken.insert(name); }

  /// Binds `value` to the C++ expression `cpp` (a name or a fixed expression).
  void bind(mlir::Value value, llvm::StringRef cpp) { values[value] = cpp.str(); }
  /// The expression bound to `value`, or an empty string.
  llvm::StringRef lookup(mlir::Value value) const;

private:
  llvm::StringSet<> taken;
  llvm::StringMap<unsigned> nextNumber;
  llvm::DenseMap<mlir::Value, std::string> values;
};

/// `text` with every character that cannot appear in an identifier replaced
/// by '_' (and a leading '_' before a digit).
std::string sanitizeIdentifier(llvm::StringRef text);

} // namespace tilec::target

#endif
