// Uniform integers in [lo, hi] from a stream of 64-bit draws, without modulo
// bias: a draw at or above the largest multiple of the range below 2^64 is
// rejected, any other is taken modulo the range. Generating inputs calls this
// for every element, so both divisions are done once per range: the limit up
// front, the remainder by a multiplication with a precomputed 128-bit inverse
// (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019),
// exact for every 64-bit draw and range.
#pragma once

#include <cstdint>
#include <limits>

namespace tilec {

class UniformIntegers {
public:
  /// lo <= hi, and the range hi − lo + 1 fits in 64 bits (it is never 2^64).
  UniformIntegers(int64_t lo, int64_t hi)
      : lo_(lo), range_(uint64_t(hi) - uint64_t(lo) + 1),
        limit_(kMax - kMax % range_), inverse_(~Wide(0) / range_ + 1) {}

  /// The next value, drawing from `engine` until a draw is accepted.
  template <typename Engine> int64_t operator()(Engine &engine) const {
    uint64_t draw;
    do
      draw = engine();
    while (draw >= limit_);
    return int64_t(uint64_t(lo_) + remainder(draw));
  }

  /// draw % range, without a division (for range 1 the inverse wraps to 0,
  /// which gives 0 as it should).
  uint64_t remainder(uint64_t draw) const {
    Wide fraction = inverse_ * draw; // the fractional part of draw / range, in 128 bits
    Wide low = uint64_t(fraction), high = fraction >> 64;
    return uint64_t((high * range_ + ((low * range_) >> 64)) >> 64);
  }

private:
  using Wide = unsigned __int128;
  static constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();

  int64_t lo_;
  uint64_t range_, limit_;
  Wide inverse_;
};

} // namespace tilec
