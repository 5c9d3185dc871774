//===- Values.h - what the reference interpreter computes with --*- C++ -*-===//
//
// Every element is held as a double. Each of the kernel element types (bf16,
// f16, f32, i8, i32) embeds exactly in a double, so a tensor holds precisely
// the values of its element type; the ops compute in that type (f32 math in
// float) and round their results back into it (roundToDType).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_RUNTIME_INTERP_VALUES_H
#define TILEC_RUNTIME_INTERP_VALUES_H

#include "base/DType.h"
#include "runtime/tensor/HostTensor.h"

#include <memory>
#include <variant>
#include <vector>

namespace tilec::interp {

/// A dense row-major tensor of one element type, values exact in a double.
struct Tensor {
  DType dtype;
  Shape shape;
  std::vector<double> elements;

  Tensor(DType dtype, Shape shape)
      : dtype(dtype), shape(std::move(shape)),
        elements(size_t(tilec::numElements(this->shape)), 0.0) {}
  int64_t numElements() const { return int64_t(elements.size()); }
  /// Row-major strides in elements.
  Shape strides() const;
};

/// Tensor values are immutable once computed (the tile dialect has value
/// semantics), so they are shared between SSA values without copying.
using TensorPtr = std::shared_ptr<const Tensor>;

/// A tensor in global memory: kernel parameters and alloc_gm scratch. Stores
/// write into it in place. A load of the whole tensor shares the contents with
/// the loaded value instead of copying them; a store while a value shares them
/// copies them first (copy on write), so values never change.
class GlobalBuffer {
public:
  explicit GlobalBuffer(Tensor contents)
      : contents_(std::make_shared<Tensor>(std::move(contents))) {}
  const Tensor &contents() const { return *contents_; }
  /// The current contents as a value, shared rather than copied.
  TensorPtr share() const { return contents_; }
  /// The contents to store into, no longer shared with any value.
  Tensor &contentsToWrite() {
    if (contents_.use_count() > 1)
      contents_ = std::make_shared<Tensor>(*contents_);
    return *contents_;
  }

private:
  std::shared_ptr<Tensor> contents_;
};
using GlobalPtr = std::shared_ptr<GlobalBuffer>;

/// Scalars: index and integer values as int64 (already wrapped to their
/// width), float values as the double of an f32 (or of the float type).
using RuntimeValue = std::variant<std::monostate, int64_t, double, TensorPtr, GlobalPtr>;

/// `value` rounded into `dtype`: floats to nearest even (via f32 for bf16/f16,
/// which is exact for results computed in f32), integers wrapped modulo 2^width.
double roundToDType(DType dtype, double value);

/// Two's-complement wrap of an integer into `bits` bits (signed).
int64_t wrapSigned(int64_t value, unsigned bits);

/// An exact integer result wrapped into the integer type `dtype`.
double wrapToDType(DType dtype, int64_t value);

/// Conversions at the kernel boundary (exact both ways).
Tensor fromHost(const HostTensor &host);
HostTensor toHost(const Tensor &tensor);

} // namespace tilec::interp

#endif
