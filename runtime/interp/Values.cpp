//===- Values.cpp - element types, rounding and host conversion -----------===//
#include "runtime/interp/Values.h"

#include "runtime/numerics/Float16.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>
#include <cmath>

namespace tilec::interp {

Shape Tensor::strides() const {
  Shape strides(shape.size(), 1);
  for (size_t i = shape.size(); i-- > 1;)
    strides[i - 1] = strides[i] * shape[i];
  return strides;
}

int64_t wrapSigned(int64_t value, unsigned bits) {
  if (bits >= 64)
    return value;
  uint64_t mask = (uint64_t{1} << bits) - 1;
  uint64_t low = uint64_t(value) & mask;
  uint64_t sign = uint64_t{1} << (bits - 1);
  // Sign-extend without relying on implementation-defined conversions.
  return (low & sign) ? -int64_t((~low & mask) + 1) : int64_t(low);
}

double roundToDType(DType dtype, double value) {
  switch (dtype) {
  case DType::F32:
    return double(float(value));
  case DType::BF16:
    return double(float(bf16(float(value))));
  case DType::F16:
    return double(float(f16(float(value))));
  default:
    return wrapToDType(dtype, int64_t(value));
  }
}

double wrapToDType(DType dtype, int64_t value) {
  if (dtype == DType::U8)
    return double(uint64_t(value) & 0xFF);
  return double(wrapSigned(value, unsigned(sizeOf(dtype) * 8)));
}

namespace {
/// Calls fn(i) for every element index of `tensor`, in chunks on every host
/// core (elements convert independently: the order does not matter).
template <typename Fn> void forEachElement(const Tensor &tensor, Fn fn) {
  constexpr size_t kChunk = size_t(1) << 16;
  size_t n = tensor.elements.size();
  llvm::parallelFor(0, (n + kChunk - 1) / kChunk, [&](size_t chunk) {
    for (size_t i = chunk * kChunk, end = std::min(n, i + kChunk); i < end; ++i)
      fn(i);
  });
}
template <typename T> void loadAll(const T *in, Tensor &tensor) {
  forEachElement(tensor, [&](size_t i) { tensor.elements[i] = double(in[i]); });
}
template <typename T> void loadAllFloat16(const T *in, Tensor &tensor) {
  forEachElement(tensor, [&](size_t i) { tensor.elements[i] = double(float(in[i])); });
}
template <typename T> void storeAll(const Tensor &tensor, T *out) {
  forEachElement(tensor, [&](size_t i) { out[i] = T(tensor.elements[i]); });
}
template <typename T> void storeAllFloat16(const Tensor &tensor, T *out) {
  // exact: the value is already a T
  forEachElement(tensor, [&](size_t i) { out[i] = T(float(tensor.elements[i])); });
}
} // namespace

Tensor fromHost(const HostTensor &host) {
  Tensor tensor(host.dtype(), host.shape());
  switch (host.dtype()) {
  case DType::BF16: loadAllFloat16(host.data<bf16>(), tensor); break;
  case DType::F16:  loadAllFloat16(host.data<f16>(), tensor); break;
  case DType::F32:  loadAll(host.data<float>(), tensor); break;
  case DType::I8:   loadAll(host.data<int8_t>(), tensor); break;
  case DType::U8:   loadAll(host.data<uint8_t>(), tensor); break;
  case DType::I16:  loadAll(host.data<int16_t>(), tensor); break;
  case DType::I32:  loadAll(host.data<int32_t>(), tensor); break;
  case DType::I64:  loadAll(host.data<int64_t>(), tensor); break;
  }
  return tensor;
}

HostTensor toHost(const Tensor &tensor) {
  HostTensor host(tensor.dtype, tensor.shape);
  switch (tensor.dtype) {
  case DType::BF16: storeAllFloat16(tensor, host.data<bf16>()); break;
  case DType::F16:  storeAllFloat16(tensor, host.data<f16>()); break;
  case DType::F32:  storeAll(tensor, host.data<float>()); break;
  case DType::I8:   storeAll(tensor, host.data<int8_t>()); break;
  case DType::U8:   storeAll(tensor, host.data<uint8_t>()); break;
  case DType::I16:  storeAll(tensor, host.data<int16_t>()); break;
  case DType::I32:  storeAll(tensor, host.data<int32_t>()); break;
  case DType::I64:  storeAll(tensor, host.data<int64_t>()); break;
  }
  return host;
}

} // namespace tilec::interp
