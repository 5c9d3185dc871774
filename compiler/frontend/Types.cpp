//===- Types.cpp - the types the semantic checks assign to expressions ----===//
#include "compiler/frontend/Types.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>

namespace tilec::frontend {

std::optional<DType> parseSourceDType(llvm::StringRef name) {
  std::optional<DType> dtype = parseDType(name);
  if (dtype && llvm::is_contained(kSourceDTypes, *dtype))
    return dtype;
  return std::nullopt;
}

int64_t Type::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    if (llvm::MulOverflow(n, d, n))
      return std::numeric_limits<int64_t>::max();
  return n;
}

std::string shapeStr(llvm::ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleaveComma(shape, os);
  os << "]";
  return s;
}

std::string Type::str() const {
  switch (kind) {
  case Error: return "<error>";
  case IntConst: return "an integer constant";
  case FloatConst: return "a float constant";
  case Index: return "an integer (index)";
  case I32: return "an i32 scalar";
  case F32: return "an f32 scalar";
  case Tensor: return "tensor<" + shapeStr(shape) + ", " + spell(dtype).str() + ">";
  case Global: return "global tensor<" + shapeStr(shape) + ", " + spell(dtype).str() + ">";
  case Pair: return "a pair (quantized, scale)";
  case Shape: return "a shape " + shapeStr(shape);
  }
  return "?";
}

} // namespace tilec::frontend
