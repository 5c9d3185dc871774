#include "runtime/tensor/HostTensor.h"

#include "runtime/numerics/Convert.h"

#include <cstring>

namespace tilec {

int64_t numElements(const Shape &shape) {
  int64_t n = 1;
  for (int64_t dim : shape)
    n *= dim;
  return n;
}

std::string formatShape(const Shape &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

HostTensor::HostTensor(DType dtype, Shape shape)
    : dtype_(dtype), shape_(std::move(shape)) {
  for ([[maybe_unused]] int64_t dim : shape_)
    assert(dim >= 0 && "negative dimension");
  bytes_.assign(size_t(tilec::numElements(shape_)) * sizeOf(dtype_), 0);
}

Shape HostTensor::strides() const {
  Shape strides(shape_.size(), 1);
  for (size_t i = shape_.size(); i-- > 1;)
    strides[i - 1] = strides[i] * shape_[i];
  return strides;
}

int64_t HostTensor::linearIndex(const Shape &index) const {
  assert(index.size() == shape_.size() && "index rank mismatch");
  int64_t linear = 0;
  for (size_t i = 0; i < index.size(); ++i) {
    assert(index[i] >= 0 && index[i] < shape_[i] && "index out of bounds");
    linear = linear * shape_[i] + index[i];
  }
  return linear;
}

double HostTensor::elementAsDouble(int64_t linear) const {
  assert(linear >= 0 && linear < numElements() && "index out of bounds");
  const uint8_t *p = bytes_.data() + size_t(linear) * sizeOf(dtype_);
  auto load = [p](auto value) {
    std::memcpy(&value, p, sizeof value);
    return value;
  };
  switch (dtype_) {
  case DType::BF16: return double(float(load(bf16())));
  case DType::F16:  return double(float(load(f16())));
  case DType::F32:  return double(load(float()));
  case DType::I8:   return double(load(int8_t()));
  case DType::U8:   return double(load(uint8_t()));
  case DType::I16:  return double(load(int16_t()));
  case DType::I32:  return double(load(int32_t()));
  case DType::I64:  return double(load(int64_t()));
  }
  return 0;
}

HostTensor HostTensor::convertTo(DType to, RoundMode mode,
                                 Saturation sat) const {
  HostTensor out(to, shape_);
  convert(dtype_, rawData(), to, out.rawData(), size_t(numElements()), mode,
          sat);
  return out;
}

bool HostTensor::operator==(const HostTensor &other) const {
  return dtype_ == other.dtype_ && shape_ == other.shape_ &&
         bytes_ == other.bytes_;
}

} // namespace tilec
