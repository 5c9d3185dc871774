//===- CppNames.cpp - C++ identifiers of one emitted function -------------===//
#include "compiler/target/CppNames.h"

#include "llvm/ADT/StringExtras.h"

using namespace tilec::target;

/// C++ keywords a .tile or task name could spell, plus the names the emitted
/// code uses itself: the entry parameters and the PTO API words.
static constexpr const char *kReservedNames[] = {
    "alignas", "alignof", "and", "auto", "bool", "break", "case", "catch", "char",
    "class", "const", "constexpr", "continue", "default", "delete", "do", "double",
    "else", "enum", "explicit", "extern", "false", "float", "for", "friend", "goto",
    "if", "inline", "int", "long", "namespace", "new", "not", "nullptr", "operator",
    "or", "private", "protected", "public", "register", "return", "short", "signed",
    "sizeof", "static", "struct", "switch", "template", "this", "throw", "true",
    "try", "typedef", "typename", "union", "unsigned", "using", "virtual", "void",
    "volatile", "while", "xor",
    // entry parameters and locals of the generated functions
    "core", "gm", "scalars", "block_idx", "block_dim", "bind", "host", "params",
    "get_block_idx", "get_block_num",
    // PTO and model names that unqualified code sees through `using namespace pto`
    "pto", "tilec", "std", "half", "bfloat16_t", "Tile", "TileLeft", "TileRight",
    "TileAcc", "GlobalTensor", "Shape", "Stride"};

CppNames::CppNames() {
  for (const char *name : kReservedNames)
    taken.insert(name);
}

std::string tilec::target::sanitizeIdentifier(llvm::StringRef text) {
  std::string result;
  for (char c : text)
    result += llvm::isAlnum(c) || c == '_' ? c : '_';
  if (result.empty() || llvm::isDigit(result.front()))
    result.insert(result.begin(), '_');
  return result;
}

std::string CppNames::unique(llvm::StringRef hint) {
  std::string base = sanitizeIdentifier(hint);
  if (taken.insert(base).second)
    return base;
  std::string separator = llvm::isDigit(base.back()) ? "_" : "";
  for (unsigned n = 1;; ++n) {
    std::string candidate = base + separator + std::to_string(n);
    if (taken.insert(candidate).second)
      return candidate;
  }
}

std::string CppNames::numbered(llvm::StringRef prefix) {
  std::string base = sanitizeIdentifier(prefix);
  std::string separator = llvm::isDigit(base.back()) ? "_" : "";
  unsigned &n = nextNumber[base];
  for (;; ++n) {
    std::string candidate = base + separator + std::to_string(n);
    if (taken.insert(candidate).second) {
      ++n;
      return candidate;
    }
  }
}

llvm::StringRef CppNames::lookup(mlir::Value value) const {
  auto it = values.find(value);
  return it == values.end() ? llvm::StringRef() : llvm::StringRef(it->second);
}
