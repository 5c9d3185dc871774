//===- CompositeOps.cpp - the composites by their definitions -------------===//
//
// Each composite is computed per row exactly as its op description in
// TileOps.td says, in f32 (operands converted exactly to f32 first); row sums
// follow the reduction rule of ReductionOps.cpp (double, rounded once).
//
//===----------------------------------------------------------------------===//
#include "runtime/interp/Frame.h"

#include "dialects/Tile/TileOps.h"
#include "runtime/numerics/Convert.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <cmath>
#include <vector>

using namespace mlir;

namespace tilec::interp {
namespace {

/// rms_norm: y = x · rsqrt(mean(x², row) + eps) [· gamma], every step in f32.
LogicalResult executeRmsNorm(tile::RmsNormOp norm, Frame &frame) {
  const Tensor &source = *frame.tensor(norm.getSource());
  TensorPtr gamma = norm.getGamma() ? frame.tensor(norm.getGamma()) : nullptr;
  float eps = norm.getEps().convertToFloat();
  int64_t rows = source.shape[0], cols = source.shape[1];
  Tensor result(DType::F32, source.shape);
  for (int64_t i = 0; i < rows; ++i) {
    const double *x = source.elements.data() + i * cols;
    double sumOfSquares = 0;
    for (int64_t j = 0; j < cols; ++j) {
      float xj = float(x[j]);
      sumOfSquares += double(xj * xj); // each square rounded to f32
    }
    float mean = float(sumOfSquares) / float(cols);
    float scale = float(1.0 / std::sqrt(double(mean + eps))); // rsqrt rounded once
    for (int64_t j = 0; j < cols; ++j) {
      float y = float(x[j]) * scale;
      if (gamma)
        y = y * float(gamma->elements[size_t(j)]);
      result.elements[size_t(i * cols + j)] = y;
    }
  }
  bindTensor(frame, norm.getResult(), std::move(result));
  return success();
}

/// quant_int8: amax = max(max|x|, amax_eps), s = scale_max / amax,
/// q = i8(rint(x · s)) (saturating), scale = 1 / s; all f32.
LogicalResult executeQuantInt8(tile::QuantInt8Op quant, Frame &frame) {
  const Tensor &source = *frame.tensor(quant.getSource());
  float scaleMax = quant.getScaleMax().convertToFloat();
  float amaxEps = quant.getAmaxEps().convertToFloat();
  int64_t rows = source.shape[0], cols = source.shape[1];
  Tensor quantized(DType::I8, source.shape);
  Tensor scales(DType::F32, {rows, 1});
  std::vector<float> products(static_cast<size_t>(cols)); // one row, converted at once
  std::vector<int8_t> q(static_cast<size_t>(cols));
  for (int64_t i = 0; i < rows; ++i) {
    const double *x = source.elements.data() + i * cols;
    float amax = amaxEps;
    for (int64_t j = 0; j < cols; ++j)
      amax = std::max(amax, std::fabs(float(x[j])));
    float s = scaleMax / amax;
    for (int64_t j = 0; j < cols; ++j)
      products[size_t(j)] = float(x[j]) * s;
    convert(DType::F32, products.data(), DType::I8, q.data(), size_t(cols), RoundMode::Rint,
            Saturation::On);
    std::copy(q.begin(), q.end(), quantized.elements.begin() + i * cols);
    scales.elements[size_t(i)] = 1.0f / s;
  }
  bindTensor(frame, quant.getQuantized(), std::move(quantized));
  bindTensor(frame, quant.getScale(), std::move(scales));
  return success();
}

/// rope: columns before `offset` pass through; pair j of the tail,
/// (e, o) = (x[offset+2j], x[offset+2j+1]), becomes
/// (e·cos_j − o·sin_j, e·sin_j + o·cos_j), each product and sum in f32.
LogicalResult executeRope(tile::RopeOp rope, Frame &frame) {
  const Tensor &source = *frame.tensor(rope.getSource());
  const Tensor &cos = *frame.tensor(rope.getCos());
  const Tensor &sin = *frame.tensor(rope.getSin());
  int64_t rows = source.shape[0], cols = source.shape[1], offset = rope.getOffset();
  int64_t pairs = (cols - offset) / 2;
  Tensor result(DType::F32, source.shape);
  for (int64_t i = 0; i < rows; ++i) {
    const double *x = source.elements.data() + i * cols;
    double *y = result.elements.data() + i * cols;
    for (int64_t j = 0; j < offset; ++j)
      y[j] = float(x[j]);
    for (int64_t j = 0; j < pairs; ++j) {
      float e = float(x[offset + 2 * j]), o = float(x[offset + 2 * j + 1]);
      float c = float(cos.elements[size_t(i * pairs + j)]);
      float s = float(sin.elements[size_t(i * pairs + j)]);
      float ec = e * c, os = o * s, es = e * s, oc = o * c;
      y[offset + 2 * j] = ec - os;
      y[offset + 2 * j + 1] = es + oc;
    }
  }
  bindTensor(frame, rope.getResult(), std::move(result));
  return success();
}

/// Binds `result` to f(x) of each element of `source` in f32.
template <typename F> LogicalResult mapInF32(Value source, Value result, Frame &frame, F f) {
  const Tensor &x = *frame.tensor(source);
  Tensor y(DType::F32, x.shape);
  for (size_t i = 0; i < x.elements.size(); ++i)
    y.elements[i] = f(float(x.elements[i]));
  bindTensor(frame, result, std::move(y));
  return success();
}

/// e^-x + 1, the denominator of sigmoid and silu.
float logisticDenominator(float x) {
  float e = std::exp(-x);
  return e + 1.0f;
}

/// The tanh-form GELU as TileOps.td computes it: x / (e^(x·(−c1 − c2·x²)) + 1).
float gelu(float x) {
  const float c1 = float(2.0 * std::sqrt(2.0 / M_PI)), c2 = float(0.044715 * c1);
  float square = x * x;
  float scaled = square * -c2;
  float slope = scaled + -c1;
  float exponent = x * slope;
  float e = std::exp(exponent);
  return x / (e + 1.0f);
}

/// x^p by the binary exponentiation of TileOps.td (p an integer), or sqrt / rsqrt for ±0.5.
float power(float x, double p) {
  if (p == 0.5)
    return std::sqrt(x);
  if (p == -0.5)
    return 1.0f / std::sqrt(x);
  if (p == 0)
    return 1.0f;
  float base = x, product = 0;
  bool started = false;
  for (uint64_t bits = uint64_t(std::fabs(p)); bits; bits >>= 1) {
    if (bits & 1) {
      product = started ? product * base : base;
      started = true;
    }
    if (bits > 1)
      base = base * base;
  }
  return p < 0 ? 1.0f / product : product;
}

} // namespace

std::optional<LogicalResult> executeCompositeOp(Operation *op, Frame &frame) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case([&](tile::RmsNormOp norm) { return executeRmsNorm(norm, frame); })
      .Case([&](tile::QuantInt8Op quant) { return executeQuantInt8(quant, frame); })
      .Case([&](tile::RopeOp rope) { return executeRope(rope, frame); })
      .Case([&](tile::SigmoidOp sigmoid) {
        return mapInF32(sigmoid.getSource(), sigmoid.getResult(), frame,
                        [](float x) { return 1.0f / logisticDenominator(x); });
      })
      .Case([&](tile::SiluOp silu) {
        return mapInF32(silu.getSource(), silu.getResult(), frame,
                        [](float x) { return x / logisticDenominator(x); });
      })
      .Case([&](tile::GeluOp op) { return mapInF32(op.getSource(), op.getResult(), frame, gelu); })
      .Case([&](tile::PowOp pow) {
        double p = pow.getExponent().convertToDouble();
        return mapInF32(pow.getSource(), pow.getResult(), frame, [p](float x) { return power(x, p); });
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace tilec::interp
