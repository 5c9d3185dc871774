// Default tolerances (per kernel, per element type) and the --tol syntax.
#include "runtime/compare/Compare.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace tilec {

std::map<std::string, Tolerance> defaultTolerances(std::string_view kernel) {
  // The acceptance table of the DeepSeek-V4 Q/KV projection
  // (../shared/kernels/dsv4_prefill_qkv_rope.md): bf16 outputs within one
  // bf16 step, INT8 within one quantization step; its f32-qr variant too.
  if (kernel == "prefill_qkv_rope" || kernel == "prefill_qkv_rope_f32qr" ||
      kernel == "decode_qkv_rope")
    return {{"q", {1e-4, 1.0 / 128, 0.005}},
            {"kv", {1e-4, 1.0 / 128, 0.005}},
            {"qr", {1, 0, 0}},
            {"qr_scale", {2.5e-5, 5e-3, 0.005}}};
  return {};
}

namespace {
/// Steps of its own type a float output may be off: f32 results of reductions
/// and transcendentals differ from the exact reference in the last bits; a
/// bf16/f16 result is its f32 value rounded once, so at most one step.
int floatSteps(DType dtype) { return dtype == DType::F32 ? 4 : 1; }
/// f32 ulps of an output's largest magnitude allowed anywhere in it: a sum
/// whose terms cancel keeps the rounding noise of its terms. Measured on the
/// model: a bf16 matmul with K = 8192 (sums in f32, blocked over K) is off by
/// up to 8 such ulps; 16 leaves room without hiding a wrong element.
constexpr int kF32NoiseUlps = 16;

/// Stored mantissa bits of a float type, nullopt for integers.
std::optional<int> mantissaBits(DType dtype) {
  switch (dtype) {
  case DType::BF16: return 7;
  case DType::F16: return 10;
  case DType::F32: return 23;
  default: return std::nullopt;
  }
}

/// A finite, non-negative number spelling the whole of `text`.
bool parseNonNegative(const std::string &text, double &value) {
  if (text.empty())
    return false;
  char *end = nullptr;
  errno = 0;
  value = std::strtod(text.c_str(), &end);
  return errno == 0 && end == text.c_str() + text.size() && std::isfinite(value) && value >= 0;
}
} // namespace

Tolerance dtypeTolerance(const HostTensor &expected) {
  std::optional<int> bits = mantissaBits(expected.dtype());
  if (!bits)
    return {};
  double magnitude = 0;
  for (int64_t i = 0; i < expected.numElements(); ++i) {
    double value = std::fabs(expected.elementAsDouble(i));
    if (std::isfinite(value))
      magnitude = std::max(magnitude, value);
  }
  return {kF32NoiseUlps * std::ldexp(magnitude, -23),
          floatSteps(expected.dtype()) * std::ldexp(1.0, -*bits), 0};
}

Result<std::pair<std::string, Tolerance>> parseToleranceSpec(std::string_view spec) {
  Error malformed{"--tol '" + std::string(spec) +
                  "': expected NAME=ATOL,RTOL,RATIO with non-negative numbers, e.g. "
                  "q=1e-4,0.0078125,0.005"};
  size_t equals = spec.find('=');
  if (equals == std::string_view::npos || equals == 0)
    return malformed;
  std::string numbers(spec.substr(equals + 1));
  double values[3];
  size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    size_t comma = i < 2 ? numbers.find(',', start) : numbers.size();
    if (comma == std::string::npos || !parseNonNegative(numbers.substr(start, comma - start), values[i]))
      return malformed;
    start = comma + 1;
  }
  if (values[2] > 1)
    return Error{"--tol '" + std::string(spec) + "': RATIO is a fraction of the points, at most 1"};
  return std::make_pair(std::string(spec.substr(0, equals)),
                        Tolerance{values[0], values[1], values[2]});
}

} // namespace tilec
