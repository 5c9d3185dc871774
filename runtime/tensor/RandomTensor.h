// Seeded random kernel inputs with the distributions of
// test/Kernels/golden/gen_inputs.py (the same distributions, not the same
// numbers), for running kernels without an inputs directory.
#pragma once

#include "runtime/tensor/HostTensor.h"

#include <cstdint>
#include <map>
#include <string>

namespace tilec {

/// A kernel parameter: its name, element type and shape.
struct TensorSpec {
  std::string name;
  DType dtype;
  Shape shape;
};

/// Closed interval of values a generated input takes.
struct InputRange {
  double lo = 0;
  double hi = 0;
};

struct RandomOptions {
  uint64_t seed = 0;
  /// ROPE, the rotated width the freqs tables serve; 0 means twice the
  /// table's columns (a table of exactly ROPE/2 frequencies).
  int64_t ropeWidth = 0;
  /// MAX_POS, the rows of the RoPE tables, bounding `positions`.
  int64_t maxPositions = 0;
  /// Ranges by parameter name (the user's --range, or what the kernel's
  /// indexing allows); they take precedence over every rule below.
  std::map<std::string, InputRange> ranges;
};

/// A tensor for `spec`, by name and type:
///   listed in ranges       uniform in the range (integers: every integer in it);
///   freqs_cos / freqs_sin  cos / sin of pos·θ_j, θ_j = 10000^(−2j/ROPE),
///                          j = column mod ROPE/2, rounded to nearest even;
///   positions [B, S]       p_b + s, p_b uniform in [0, maxPositions − S];
///   positions [T]          each uniform in [0, maxPositions − 1] (T sequences of one);
///   0-d tensors            integers uniform in [1, 16], floats in [0.5, 2] (not 0,
///                          so a scale or a step changes the result);
///   names ending "scale"   uniform in [0.5, 1.5]·1e-2;
///   other floats           uniform in [-1, 1], rounded to nearest even;
///   other integers         uniform in [-127, 127] ([0, 127] for u8).
///
/// Every tensor has its own generator: std::mt19937_64 (fully specified by
/// the C++ standard) seeded with splitmix64(seed) XOR fnv1a64(name), and the
/// draws are mapped to values by this file's own code (53-bit fractions,
/// rejection sampling for integers), never by std::*_distribution, whose
/// algorithms differ between standard libraries. Results are identical on
/// every platform, up to the last bit of libm's cos/sin for the freqs tables.
HostTensor randomTensor(const TensorSpec &spec, const RandomOptions &options);

} // namespace tilec
