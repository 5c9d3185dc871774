//===- ExpandComposites.cpp - composites as primitive tile ops ------------===//
//
// tile.rms_norm, tile.quant_int8, tile.rope and the elementwise
// activations (sigmoid, silu, gelu, pow) become the ops of their definitions
// (TileOps.td), computed in f32; row_argmax and topk become compares and
// selects (ExpandTopK.cpp). Every op an expansion creates
// carries the composite's location, so diagnostics and generated code still
// point at the .tile line that wrote the composite.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/ExpandTopK.h"
#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>
#include <type_traits>

namespace tilec {
#define GEN_PASS_DEF_TILEEXPANDCOMPOSITES
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

/// Creates f32 tile ops at one location: the composite being expanded.
class F32Emitter {
public:
  F32Emitter(PatternRewriter &rewriter, Location loc)
      : rewriter(rewriter), loc(loc), f32(rewriter.getF32Type()) {}

  Value scalar(double value) {
    return arith::ConstantOp::create(rewriter, loc, rewriter.getF32FloatAttr(value));
  }

  Value index(int64_t value) { return arith::ConstantIndexOp::create(rewriter, loc, value); }

  /// `value` as f32; a widening conversion, so it needs no rounding.
  Value toF32(Value value) { return convert(value, f32, RoundMode::none); }

  Value convert(Value value, Type element, RoundMode round) {
    auto type = cast<RankedTensorType>(value.getType());
    if (type.getElementType() == element)
      return value;
    return CastOp::create(rewriter, loc, type.clone(element), value, round, SaturationAttr());
  }

  /// A binary op whose result has the broadcast shape of its tensor operands.
  template <typename OpTy> Value binary(Value lhs, Value rhs) {
    SmallVector<int64_t> shape;
    OpTrait::util::getBroadcastedShape(shapeOf(lhs), shapeOf(rhs), shape);
    return OpTy::create(rewriter, loc, RankedTensorType::get(shape, f32), lhs, rhs);
  }

  template <typename OpTy> Value unary(Value source) {
    return OpTy::create(rewriter, loc, source.getType(), source);
  }

  /// A row reduction: [R, C] → [R, 1].
  template <typename OpTy> Value perRow(Value source) {
    auto type = cast<RankedTensorType>(source.getType());
    return OpTy::create(rewriter, loc, type.clone({type.getDimSize(0), 1}), source);
  }

  Value reshape(Value source, ArrayRef<int64_t> shape) {
    auto type = cast<RankedTensorType>(source.getType());
    return ReshapeOp::create(rewriter, loc, type.clone(shape), source);
  }

  Value gather(Value source, GatherPattern pattern) {
    auto type = cast<RankedTensorType>(source.getType());
    return GatherOp::create(rewriter, loc, type.clone({type.getDimSize(0), type.getDimSize(1) / 2}),
                            source, pattern);
  }

  Value interleave(Value even, Value odd) {
    auto type = cast<RankedTensorType>(even.getType());
    return InterleaveOp::create(rewriter, loc,
                                type.clone({type.getDimSize(0), type.getDimSize(1) * 2}), even,
                                odd);
  }

  /// Columns [column, column + width) of all rows.
  Value columns(Value source, int64_t column, int64_t width) {
    auto type = cast<RankedTensorType>(source.getType());
    return SliceOp::create(rewriter, loc, type.clone({type.getDimSize(0), width}), source,
                           ValueRange{index(0), index(column)});
  }

  Value insertColumns(Value source, Value dest, int64_t column) {
    return InsertOp::create(rewriter, loc, dest.getType(), source, dest,
                            ValueRange{index(0), index(column)});
  }

private:
  static ArrayRef<int64_t> shapeOf(Value value) {
    if (auto tensor = dyn_cast<RankedTensorType>(value.getType()))
      return tensor.getShape();
    return {};
  }

  PatternRewriter &rewriter;
  Location loc;
  Type f32;
};

/// x · rsqrt(row_sum(x·x) / C + eps) [· gamma].
struct ExpandRmsNorm : OpRewritePattern<RmsNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(RmsNormOp op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    int64_t columns = op.getSource().getType().getDimSize(1);
    Value x = emit.toF32(op.getSource());
    Value sumOfSquares = emit.perRow<RowSumOp>(emit.binary<MulOp>(x, x));
    Value mean = emit.binary<DivOp>(sumOfSquares, emit.scalar(double(columns)));
    Value eps = emit.scalar(op.getEps().convertToDouble());
    Value inverseRms = emit.unary<RsqrtOp>(emit.binary<AddOp>(mean, eps));
    Value normalised = emit.binary<MulOp>(x, inverseRms);
    if (Value gamma = op.getGamma()) {
      if (cast<RankedTensorType>(gamma.getType()).getRank() == 1)
        gamma = emit.reshape(gamma, {1, columns});
      normalised = emit.binary<MulOp>(normalised, emit.toF32(gamma));
    }
    rewriter.replaceOp(op, normalised);
    return success();
  }
};

/// amax = max(row_max|x|, amax_eps), s = scale_max / amax,
/// q = i8(rint(x · s)), scale = 1 / s.
struct ExpandQuantInt8 : OpRewritePattern<QuantInt8Op> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantInt8Op op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    Value x = emit.toF32(op.getSource());
    Value rowMax = emit.perRow<RowMaxOp>(emit.unary<AbsOp>(x));
    Value amax = emit.binary<MaxOp>(rowMax, emit.scalar(op.getAmaxEps().convertToDouble()));
    Value s = emit.binary<DivOp>(emit.scalar(op.getScaleMax().convertToDouble()), amax);
    Value scaled = emit.binary<MulOp>(x, s);
    // The one rounding is rint to i32; narrowing those integers to i8 is
    // exact for |x·s| ≤ scale_max ≤ 127. The lowering picks the target's TCVT
    // chain for it (a2a3: i32 → f16 → i8, as every i8 value is an f16; a5,
    // without i32 → f16: i32 → f32 → f16 → i8), so this stays target-neutral.
    Value rounded = emit.convert(scaled, rewriter.getI32Type(), RoundMode::rint);
    Value quantized = emit.convert(rounded, rewriter.getI8Type(), RoundMode::none);
    rewriter.replaceOp(op, {quantized, emit.unary<RecipOp>(s)});
    return success();
  }
};

/// Where the tables of a rope go: right after the later definition of its
/// cos and sin (at the start of the block of a block argument), so that
/// every rope of the same tables shares them and a rope in a loop over heads
/// does not rebuild them per head.
void setTablesInsertionPoint(PatternRewriter &rewriter, RopeOp op) {
  Operation *later = nullptr;
  Block *block = nullptr;
  for (Value table : {op.getCos(), op.getSin()}) {
    Operation *def = table.getDefiningOp();
    Block *home = def ? def->getBlock() : cast<BlockArgument>(table).getOwner();
    // The innermost of the two homes (both hold the rope); in one block, the later.
    bool inner = !block || (home != block && block->findAncestorOpInBlock(*home->getParentOp()));
    if (inner || (home == block && def && (!later || later->isBeforeInBlock(def)))) {
      block = home;
      later = def;
    }
  }
  if (later)
    rewriter.setInsertionPointAfter(later);
  else
    rewriter.setInsertionPointToStart(block);
}

/// What another rope of the same tables built in the insertion block (right
/// after their definitions) before `rope` reaches it: an `OpTy` using
/// `value` that `accept` takes (a table, or cos or sin in f32).
template <typename OpTy>
Value builtBefore(PatternRewriter &rewriter, Operation *rope, Value value,
                  function_ref<bool(OpTy)> accept) {
  Operation *ropeHere = rewriter.getInsertionBlock()->findAncestorOpInBlock(*rope);
  for (Operation *user : value.getUsers())
    if (auto built = dyn_cast<OpTy>(user);
        built && accept(built) && built->getBlock() == rewriter.getInsertionBlock() &&
        built->isBeforeInBlock(ropeHere))
      return built->getResult(0);
  return Value();
}

/// cos or sin in f32: as another rope of them converted it, else converted
/// here. The tables go after the conversion they use: a reused one past the
/// insertion point (another rope's, inserted there before, or the kernel's)
/// moves the insertion point after it.
Value tableInF32(PatternRewriter &rewriter, F32Emitter &emit, Operation *rope, Value table) {
  Value converted = builtBefore<CastOp>(rewriter, rope, table, [](CastOp cast) {
    return cast.getType().getElementType().isF32() && cast.getRound() == RoundMode::none &&
           !cast.getSat();
  });
  if (!converted)
    return emit.toF32(table);
  Operation *cast = converted.getDefiningOp();
  if (!cast->isBeforeInBlock(&*rewriter.getInsertionPoint()))
    rewriter.setInsertionPointAfter(cast);
  return converted;
}

/// The columns from `offset` on, as pairs (e, o): e' = e·cos − o·sin and
/// o' = e·sin + o·cos, computed on the whole pairs at once as x·C + swap(x)·S
/// with the tables C = (cos, cos) and S = (−sin, sin) interleaved and x's
/// pairs swapped (o, e): e·cos + o·(−sin) and o·cos + e·sin are those sums
/// bit for bit (−(o·sin) is exact, addition commutes), in two products and a
/// sum instead of four and two. Earlier columns pass through.
struct ExpandRope : OpRewritePattern<RopeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(RopeOp op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    int64_t offset = op.getOffset();
    int64_t width = op.getSource().getType().getDimSize(1) - offset;
    Value cosPairs, sinPairs;
    {
      OpBuilder::InsertionGuard guard(rewriter);
      setTablesInsertionPoint(rewriter, op);
      Value cos = tableInF32(rewriter, emit, op, op.getCos());
      Value sin = tableInF32(rewriter, emit, op, op.getSin());
      cosPairs = builtBefore<InterleaveOp>(rewriter, op, cos, [&](InterleaveOp pairs) {
        return pairs.getEven() == cos && pairs.getOdd() == cos;
      });
      if (!cosPairs)
        cosPairs = emit.interleave(cos, cos);
      sinPairs = builtBefore<InterleaveOp>(rewriter, op, sin, [&](InterleaveOp pairs) {
        auto neg = pairs.getEven().getDefiningOp<NegOp>();
        return pairs.getOdd() == sin && neg && neg.getSource() == sin;
      });
      if (!sinPairs)
        sinPairs = emit.interleave(emit.unary<NegOp>(sin), sin);
    }
    Value x = emit.toF32(op.getSource());
    Value rotated = offset == 0 ? x : emit.columns(x, offset, width);
    Value swapped = emit.interleave(emit.gather(rotated, GatherPattern::odd),
                                    emit.gather(rotated, GatherPattern::even));
    // One product per statement: argument evaluation order is unspecified,
    // and the IR must not depend on the host compiler.
    Value straight = emit.binary<MulOp>(rotated, cosPairs);
    Value crossed = emit.binary<MulOp>(swapped, sinPairs);
    Value pairs = emit.binary<AddOp>(straight, crossed);
    rewriter.replaceOp(op, offset == 0 ? pairs : emit.insertColumns(pairs, x, offset));
    return success();
  }
};

/// 1 / (e^-x + 1), or x / (e^-x + 1) for silu.
template <typename OpTy> struct ExpandLogistic : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    Value x = emit.toF32(op.getSource());
    Value denominator = emit.binary<AddOp>(emit.unary<ExpOp>(emit.unary<NegOp>(x)), emit.scalar(1.0));
    bool isSilu = std::is_same_v<OpTy, SiluOp>;
    rewriter.replaceOp(op, isSilu ? emit.binary<DivOp>(x, denominator) : emit.unary<RecipOp>(denominator));
    return success();
  }
};

/// x / (e^(x · (−c1 − c2·x²)) + 1): the tanh form, as 0.5·(1 + tanh z) = sigmoid(2z).
struct ExpandGelu : OpRewritePattern<GeluOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(GeluOp op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    const float c1 = float(2.0 * std::sqrt(2.0 / M_PI)), c2 = float(0.044715 * c1);
    Value x = emit.toF32(op.getSource());
    Value square = emit.binary<MulOp>(x, x);
    Value slope = emit.binary<AddOp>(emit.binary<MulOp>(square, emit.scalar(-c2)), emit.scalar(-c1));
    Value exponent = emit.binary<MulOp>(x, slope);
    Value denominator = emit.binary<AddOp>(emit.unary<ExpOp>(exponent), emit.scalar(1.0));
    rewriter.replaceOp(op, emit.binary<DivOp>(x, denominator));
    return success();
  }
};

/// sqrt / rsqrt for ±0.5; binary exponentiation for an integer, as TileOps.td says.
struct ExpandPow : OpRewritePattern<PowOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PowOp op, PatternRewriter &rewriter) const override {
    F32Emitter emit(rewriter, op.getLoc());
    double exponent = op.getExponent().convertToDouble();
    Value x = emit.toF32(op.getSource());
    if (exponent == 0.5 || exponent == -0.5) {
      rewriter.replaceOp(op, exponent > 0 ? emit.unary<SqrtOp>(x) : emit.unary<RsqrtOp>(x));
      return success();
    }
    if (exponent == 0) {
      rewriter.replaceOpWithNewOp<FullOp>(op, op.getType(), rewriter.getF32FloatAttr(1.0f));
      return success();
    }
    uint64_t bits = uint64_t(std::fabs(exponent));
    Value power = x, product;
    for (; bits; bits >>= 1) {
      if (bits & 1)
        product = product ? emit.binary<MulOp>(product, power) : power;
      if (bits > 1)
        power = emit.binary<MulOp>(power, power);
    }
    rewriter.replaceOp(op, exponent < 0 ? emit.unary<RecipOp>(product) : product);
    return success();
  }
};

struct TileExpandComposites
    : tilec::impl::TileExpandCompositesBase<TileExpandComposites> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandRmsNorm, ExpandQuantInt8, ExpandRope, ExpandLogistic<SigmoidOp>,
                 ExpandLogistic<SiluOp>, ExpandGelu, ExpandPow>(&getContext());
    populateTopKExpansions(patterns);
    // Only the expansions: folding the rest of the kernel is for the
    // canonicalisation passes.
    GreedyRewriteConfig config;
    config.enableFolding(false).setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};

} // namespace
