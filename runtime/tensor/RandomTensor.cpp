#include "runtime/tensor/RandomTensor.h"

#include "runtime/numerics/Convert.h"
#include "runtime/tensor/UniformIntegers.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <random>

namespace tilec {
namespace {

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

uint64_t fnv1a64(const std::string &s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s)
    h = (h ^ c) * 0x100000001B3ull;
  return h;
}

class Draws {
public:
  Draws(uint64_t seed, const std::string &name)
      : engine_(splitmix64(seed) ^ fnv1a64(name)) {}

  /// Uniform in [lo, hi): the top 53 bits of a draw as a fraction.
  double uniform(double lo, double hi) {
    double unit = double(engine_() >> 11) * 0x1.0p-53;
    return lo + (hi - lo) * unit;
  }

  /// Uniform integer in `integers`' range.
  int64_t integer(const UniformIntegers &integers) { return integers(engine_); }

private:
  std::mt19937_64 engine_;
};

/// Stores `count` f32 values into `out` from element `start` on, rounding to
/// its float type (nearest even).
void storeFloats(HostTensor &out, size_t start, const float *values, size_t count) {
  auto *bytes = static_cast<unsigned char *>(out.rawData()) + start * sizeOf(out.dtype());
  convert(DType::F32, values, out.dtype(), bytes, count, RoundMode::Rint, Saturation::Default);
}

/// Stores `count` integer values (within range of the type) into `out` from
/// element `start` on.
void storeIntegers(HostTensor &out, size_t start, const int64_t *values, size_t count) {
  auto *bytes = static_cast<unsigned char *>(out.rawData()) + start * sizeOf(out.dtype());
  convert(DType::I64, values, out.dtype(), bytes, count, RoundMode::Rint, Saturation::On);
}

/// `out` (of C++ type T) filled with values from `integers`, stored as they
/// are: the caller has checked that T holds every one of them.
template <typename T>
void drawIntegers(HostTensor &out, const UniformIntegers &integers, Draws &draws) {
  T *values = out.data<T>();
  for (int64_t i = 0, n = out.numElements(); i < n; ++i)
    values[i] = T(draws.integer(integers));
}

template <typename T> bool holds(int64_t lo, int64_t hi) {
  return lo >= std::numeric_limits<T>::min() && hi <= std::numeric_limits<T>::max();
}

HostTensor freqsTable(const TensorSpec &spec, const RandomOptions &options) {
  assert(spec.shape.size() == 2 && "a freqs table is [MAX_POS, columns]");
  HostTensor out(spec.dtype, spec.shape);
  int64_t columns = spec.shape[1];
  int64_t rope = options.ropeWidth ? options.ropeWidth : 2 * columns;
  bool isCos = spec.name == "freqs_cos";
  std::vector<float> values;
  for (int64_t pos = 0; pos < spec.shape[0]; ++pos)
    for (int64_t col = 0; col < columns; ++col) {
      double theta = std::pow(10000.0, -2.0 * double(col % (rope / 2)) / double(rope));
      double angle = double(pos) * theta;
      values.push_back(float(isCos ? std::cos(angle) : std::sin(angle)));
    }
  storeFloats(out, 0, values.data(), values.size());
  return out;
}

HostTensor positions(const TensorSpec &spec, const RandomOptions &options,
                     Draws &draws) {
  // [B, S]: B sequences of S consecutive positions; [T]: T sequences of one.
  assert((spec.shape.size() == 1 || spec.shape.size() == 2) && "positions are [B, S] or [T]");
  int64_t sequences = spec.shape[0], seq = spec.shape.size() == 2 ? spec.shape[1] : 1;
  assert(options.maxPositions >= seq && "positions need maxPositions >= S");
  std::vector<int64_t> values;
  for (int64_t b = 0; b < sequences; ++b) {
    int64_t start = draws.integer(UniformIntegers(0, options.maxPositions - seq));
    for (int64_t s = 0; s < seq; ++s)
      values.push_back(start + s);
  }
  HostTensor out(spec.dtype, spec.shape);
  storeIntegers(out, 0, values.data(), values.size());
  return out;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// `out` filled with values uniform in `range`: floats in [lo, hi], integers
/// every integer in it. The values go through `convert` a chunk at a time, so
/// that no temporary the size of the tensor is needed.
void fillUniform(HostTensor &out, InputRange range, Draws &draws) {
  constexpr size_t kChunk = 4096;
  size_t n = size_t(out.numElements());
  if (isFloat(out.dtype())) {
    float values[kChunk];
    for (size_t start = 0; start < n; start += kChunk) {
      size_t count = std::min(kChunk, n - start);
      for (size_t i = 0; i < count; ++i)
        values[i] = float(draws.uniform(range.lo, range.hi));
      storeFloats(out, start, values, count);
    }
    return;
  }
  int64_t lo = int64_t(std::ceil(range.lo)), hi = int64_t(std::floor(range.hi));
  UniformIntegers integers(lo, hi);
  // The common types, when they hold every value, take the values as they
  // are; the others saturate through convert, a chunk at a time.
  if (out.dtype() == DType::I8 && holds<int8_t>(lo, hi))
    return drawIntegers<int8_t>(out, integers, draws);
  if (out.dtype() == DType::I32 && holds<int32_t>(lo, hi))
    return drawIntegers<int32_t>(out, integers, draws);
  int64_t values[kChunk];
  for (size_t start = 0; start < n; start += kChunk) {
    size_t count = std::min(kChunk, n - start);
    for (size_t i = 0; i < count; ++i)
      values[i] = draws.integer(integers);
    storeIntegers(out, start, values, count);
  }
}

/// The range of a tensor no option or special name covers.
InputRange defaultRange(const TensorSpec &spec) {
  bool isScalar = spec.shape.empty();
  if (isFloat(spec.dtype)) {
    if (isScalar)
      return {0.5, 2.0};
    return endsWith(spec.name, "scale") ? InputRange{0.5e-2, 1.5e-2} : InputRange{-1.0, 1.0};
  }
  if (isScalar)
    return {1, 16};
  return {spec.dtype == DType::U8 ? 0.0 : -127.0, 127};
}

} // namespace

HostTensor randomTensor(const TensorSpec &spec, const RandomOptions &options) {
  HostTensor out(spec.dtype, spec.shape);
  Draws draws(options.seed, spec.name);
  if (auto range = options.ranges.find(spec.name); range != options.ranges.end()) {
    fillUniform(out, range->second, draws);
    return out;
  }
  if (spec.name == "freqs_cos" || spec.name == "freqs_sin")
    return freqsTable(spec, options);
  if (spec.name == "positions")
    return positions(spec, options, draws);
  fillUniform(out, defaultRange(spec), draws);
  return out;
}

} // namespace tilec
