// A dense tensor in host memory: element type, shape and row-major contiguous
// bytes. Kernel inputs and outputs travel between .npy files, the reference
// interpreter and the CPU model as HostTensors.
#pragma once

#include "base/DType.h"
#include "runtime/numerics/Float16.h"
#include "runtime/numerics/RoundMode.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tilec {

/// Sizes of the dimensions, outermost first; empty for a scalar.
using Shape = std::vector<int64_t>;

/// Number of elements (1 for a scalar).
int64_t numElements(const Shape &shape);

/// "[128, 4096]"; "[]" for a scalar.
std::string formatShape(const Shape &shape);

/// The DType stored as the C++ type T (bf16, f16, float, int8_t, ...).
template <typename T> struct DTypeOf;
template <> struct DTypeOf<bf16> { static constexpr DType value = DType::BF16; };
template <> struct DTypeOf<f16> { static constexpr DType value = DType::F16; };
template <> struct DTypeOf<float> { static constexpr DType value = DType::F32; };
template <> struct DTypeOf<int8_t> { static constexpr DType value = DType::I8; };
template <> struct DTypeOf<uint8_t> { static constexpr DType value = DType::U8; };
template <> struct DTypeOf<int16_t> { static constexpr DType value = DType::I16; };
template <> struct DTypeOf<int32_t> { static constexpr DType value = DType::I32; };
template <> struct DTypeOf<int64_t> { static constexpr DType value = DType::I64; };

class HostTensor {
public:
  /// A zero-filled tensor (all-zero bits: +0.0 for floats). Dimensions must
  /// be non-negative; rank 0 is a scalar holding one element.
  HostTensor(DType dtype, Shape shape);

  /// A tensor of C++ values in row-major order; values.size() must equal the
  /// shape's element count.
  template <typename T>
  static HostTensor fromValues(Shape shape, const std::vector<T> &values) {
    HostTensor t(DTypeOf<T>::value, std::move(shape));
    assert(int64_t(values.size()) == t.numElements());
    std::copy(values.begin(), values.end(), t.data<T>());
    return t;
  }

  /// A rank-0 tensor holding `value`.
  template <typename T> static HostTensor scalar(T value) {
    return fromValues<T>({}, {value});
  }

  DType dtype() const { return dtype_; }
  const Shape &shape() const { return shape_; }
  int64_t rank() const { return int64_t(shape_.size()); }
  int64_t numElements() const { return tilec::numElements(shape_); }
  std::size_t byteSize() const { return bytes_.size(); }

  /// Row-major strides in elements (the last dimension has stride 1).
  Shape strides() const;

  /// Position of a multi-index in the element array; every coordinate must be
  /// within its dimension.
  int64_t linearIndex(const Shape &index) const;

  void *rawData() { return bytes_.data(); }
  const void *rawData() const { return bytes_.data(); }

  /// The elements as T; T must be the C++ type of dtype().
  template <typename T> T *data() {
    assert(DTypeOf<T>::value == dtype_ && "element type mismatch");
    return reinterpret_cast<T *>(bytes_.data());
  }
  template <typename T> const T *data() const {
    assert(DTypeOf<T>::value == dtype_ && "element type mismatch");
    return reinterpret_cast<const T *>(bytes_.data());
  }

  /// The element at a multi-index, e.g. t.at<float>({1, 2}); {} for a scalar.
  template <typename T> T &at(std::initializer_list<int64_t> index) {
    return data<T>()[linearIndex(Shape(index))];
  }
  template <typename T> const T &at(std::initializer_list<int64_t> index) const {
    return data<T>()[linearIndex(Shape(index))];
  }

  /// The element at a linear index as a double: exact for every DType except
  /// i64 values beyond 2^53. Meant for comparisons and reports.
  double elementAsDouble(int64_t linear) const;

  /// This tensor converted element by element (see runtime/numerics/Convert.h).
  HostTensor convertTo(DType to, RoundMode mode,
                       Saturation sat = Saturation::Default) const;

  /// Same dtype, shape and bytes (so NaNs compare equal to identical NaNs).
  bool operator==(const HostTensor &other) const;
  bool operator!=(const HostTensor &other) const { return !(*this == other); }

private:
  DType dtype_;
  Shape shape_;
  std::vector<uint8_t> bytes_;
};

} // namespace tilec
