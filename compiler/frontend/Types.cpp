//===- Types.cpp - the types the semantic checks assign to expressions ----===//
#include "compiler/frontend/Types.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>

namespace tilec::frontend {

std::optional<DType> parseDType(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<DType>>(name)
      .Case("bf16", DType::BF16)
      .Case("f16", DType::F16)
      .Case("f32", DType::F32)
      .Case("i8", DType::I8)
      .Case("i32", DType::I32)
      .Default(std::nullopt);
}

llvm::StringRef spell(DType dtype) {
  switch (dtype) {
  case DType::BF16: return "bf16";
  case DType::F16: return "f16";
  case DType::F32: return "f32";
  case DType::I8: return "i8";
  case DType::I32: return "i32";
  }
  return "?";
}

bool isFloat(DType dtype) { return dtype == DType::BF16 || dtype == DType::F16 || dtype == DType::F32; }

unsigned precisionBits(DType dtype) {
  switch (dtype) {
  case DType::BF16: return 8;
  case DType::F16: return 11;
  case DType::F32: return 24;
  case DType::I8: return 7;
  case DType::I32: return 31;
  }
  return 0;
}

static int maxExponent(DType dtype) {
  switch (dtype) {
  case DType::BF16:
  case DType::F32: return 127;
  case DType::F16: return 15;
  case DType::I8: return 7;
  case DType::I32: return 31;
  }
  return 0;
}

// Integer to integer conversions saturate or wrap rather than round, so they
// need no rounding mode (the tile dialect's CastOp::isNarrowing agrees).
bool isNarrowing(DType from, DType to) {
  if (from == to || (!isFloat(from) && !isFloat(to)))
    return false;
  if (isFloat(from) && !isFloat(to))
    return true;
  return precisionBits(to) < precisionBits(from) || maxExponent(to) < maxExponent(from);
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
