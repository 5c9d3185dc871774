#include "runtime/tensor/RandomTensor.h"

#include "runtime/numerics/Convert.h"

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

  /// Uniform integer in [lo, hi], without modulo bias.
  int64_t integer(int64_t lo, int64_t hi) {
    uint64_t range = uint64_t(hi - lo) + 1;
    uint64_t limit = std::numeric_limits<uint64_t>::max() -
                     std::numeric_limits<uint64_t>::max() % range;
    uint64_t draw;
    do
      draw = engine_();
    while (draw >= limit);
    return lo + int64_t(draw % range);
  }

private:
  std::mt19937_64 engine_;
};

/// Stores f32 values into `out`, rounding to its float type (nearest even).
void storeFloats(HostTensor &out, const std::vector<float> &values) {
  convert(DType::F32, values.data(), out.dtype(), out.rawData(), values.size(),
          RoundMode::Rint, Saturation::Default);
}

/// Stores integer values (within range of the type) into `out`.
void storeIntegers(HostTensor &out, const std::vector<int64_t> &values) {
  convert(DType::I64, values.data(), out.dtype(), out.rawData(), values.size(),
          RoundMode::Rint, Saturation::On);
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
  storeFloats(out, values);
  return out;
}

HostTensor positions(const TensorSpec &spec, const RandomOptions &options,
                     Draws &draws) {
  assert(spec.shape.size() == 2 && "positions are [B, S]");
  int64_t seq = spec.shape[1];
  assert(options.maxPositions >= seq && "positions need maxPositions >= S");
  std::vector<int64_t> values;
  for (int64_t b = 0; b < spec.shape[0]; ++b) {
    int64_t start = draws.integer(0, options.maxPositions - seq);
    for (int64_t s = 0; s < seq; ++s)
      values.push_back(start + s);
  }
  HostTensor out(spec.dtype, spec.shape);
  storeIntegers(out, values);
  return out;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// `out` filled with values uniform in `range`: floats in [lo, hi], integers
/// every integer in it.
void fillUniform(HostTensor &out, InputRange range, Draws &draws) {
  size_t n = size_t(out.numElements());
  if (isFloat(out.dtype())) {
    std::vector<float> values(n);
    for (float &v : values)
      v = float(draws.uniform(range.lo, range.hi));
    storeFloats(out, values);
    return;
  }
  std::vector<int64_t> values(n);
  for (int64_t &v : values)
    v = draws.integer(int64_t(std::ceil(range.lo)), int64_t(std::floor(range.hi)));
  storeIntegers(out, values);
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
