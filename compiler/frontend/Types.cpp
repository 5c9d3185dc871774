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

bool broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b,
                     llvm::SmallVectorImpl<int64_t> &result) {
  size_t rank = std::max(a.size(), b.size());
  result.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return false;
    result[i] = std::max(da, db);
  }
  return true;
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
  case Pair: return "a pair of tensors (quant_int8's or topk's)";
  case Shape: return "a shape " + shapeStr(shape);
  case Mask: return "mask<" + shapeStr(shape) + ">";
  }
  return "?";
}

} // namespace tilec::frontend
