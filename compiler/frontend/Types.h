//===- Types.h - the types the semantic checks assign to expressions -*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_TYPES_H
#define TILEC_COMPILER_FRONTEND_TYPES_H

#include "base/DType.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tilec::frontend {

/// The element types a .tile source can name: the tile dialect's.
inline constexpr DType kSourceDTypes[] = {DType::BF16, DType::F16, DType::F32, DType::I8,
                                          DType::I32};

/// The most elements a tensor may have (2^40): beyond any device's memory, and
/// small enough that no size, offset or byte count derived from one overflows.
constexpr int64_t kMaxTensorElements = int64_t(1) << 40;

/// One of kSourceDTypes by name; nullopt for any other word, including the
/// names of DTypes the language does not have (u8, i16, i64).
std::optional<DType> parseSourceDType(llvm::StringRef name);
/// The name of `dtype` as diagnostics show it.
inline llvm::StringRef spell(DType dtype) { return tilec::name(dtype); }

/// What an expression denotes. Constants are folded by Sema; everything else
/// becomes an SSA value in IRGen.
struct Type {
  enum Kind {
    Error,      // already reported; suppresses follow-on errors
    IntConst,   // compile-time integer
    FloatConst, // compile-time float
    Index,      // a run-time integer (loop variables and arithmetic on them)
    I32,        // a run-time i32 scalar (kernel parameter)
    F32,        // a run-time f32 scalar (kernel parameter)
    Tensor,     // an on-chip value
    Global,     // a tensor in global memory (parameter or scratch)
    Pair,       // quant_int8's (int8 tensor, scale) or topk's (values, indices)
    Shape,      // a list of integer constants, e.g. [T, D]
    Mask,       // the result of a comparison (lt, ..., ne): booleans of `shape`, read by select
  };
  Kind kind = Error;
  DType dtype = DType::F32;
  llvm::SmallVector<int64_t, 4> shape;
  /// A tensor whose first dimension is the run-time dim of this name (`dim T
  /// <= 8192`): shape[0] is the value the kernel is checked at, the bound
  /// unless -D gives one. Empty for constant rows.
  llvm::StringRef rowsDim;

  static Type error() { return Type(); }
  static Type scalar(Kind kind) {
    Type t;
    t.kind = kind;
    return t;
  }
  static Type tensor(Kind kind, llvm::ArrayRef<int64_t> shape, DType dtype) {
    Type t;
    t.kind = kind;
    t.shape.assign(shape.begin(), shape.end());
    t.dtype = dtype;
    return t;
  }

  bool isError() const { return kind == Error; }
  bool isConst() const { return kind == IntConst || kind == FloatConst; }
  bool isInteger() const { return kind == IntConst || kind == Index || kind == I32; }
  bool isScalar() const { return kind >= IntConst && kind <= F32; }
  bool isTensorLike() const { return kind == Tensor || kind == Global; }
  /// The product of the dimensions, saturated at INT64_MAX.
  int64_t numElements() const;
  /// "tensor<[64, 128], f32>", "i32", "int constant", ... for diagnostics.
  std::string str() const;
  friend bool operator==(const Type &a, const Type &b) {
    return a.kind == b.kind && (!a.isTensorLike() || (a.dtype == b.dtype && a.shape == b.shape));
  }
};

std::string shapeStr(llvm::ArrayRef<int64_t> shape);

/// The numpy broadcast of two shapes (aligned on the right, 1 repeats); false
/// when they do not broadcast.
bool broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b,
                     llvm::SmallVectorImpl<int64_t> &result);

} // namespace tilec::frontend

#endif
