//===- FoldKLoops.cpp - a K-loop of accumulating matmuls as one matmul ----===//
//
// `for k in range/pipeline(lo, hi, step) { acc = matmul(a[:, k:k+step],
// b[k:k+step, :], acc=acc) }` sums the products of the K chunks lo … hi into
// acc. It is the matmul of a[:, lo:hi] and b[lo:hi, :] accumulating into
// acc's initial value (no accumulator when that is zeros), which the cube
// runs as one task accumulating in L0C instead of one launch per iteration
// and an add through global memory. The folded matmul keeps the loop's
// `tile.pipeline_stages` (the cube blocking reads it as its buffering depth).
//
// The sums are the same exact products added in K order; only where an f32
// sum rounds differs, which the language leaves unspecified (the interpreter
// of the loop rounds once per iteration, the cube adds K0-deep steps into
// L0C as for matmul(a, b)); sums of i8 products are exact.
//
// Loops that do not have this form stay as they are; inside a cube scope,
// which promises one task, such a loop is an error saying why it does not fold.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace tilec {
#define GEN_PASS_DEF_TILEFOLDKLOOPS
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

/// A matmul operand read in K chunks: a load or slice (`read`) of a value
/// from outside the loop whose offset along K (`kDim`) is the loop variable
/// plus `kShift` and whose other offsets do not change with the loop.
struct ChunkedOperand {
  Operation *read;
  int64_t kDim;
  int64_t kShift;
};

/// A loop that folds into one matmul.
struct KLoop {
  MatmulOp matmul;
  ChunkedOperand lhs, rhs;
  int64_t lower, upper;
};

/// `value` as the loop variable plus a constant, if it is one.
std::optional<int64_t> shiftFromInduction(Value value, Value induction) {
  if (value == induction)
    return 0;
  if (auto sub = value.getDefiningOp<arith::SubIOp>()) {
    std::optional<int64_t> constant = getConstantIntValue(sub.getRhs());
    if (sub.getLhs() == induction && constant)
      return -*constant;
    return std::nullopt;
  }
  auto add = value.getDefiningOp<arith::AddIOp>();
  if (!add)
    return std::nullopt;
  for (auto [var, shift] : {std::pair(add.getLhs(), add.getRhs()),
                            std::pair(add.getRhs(), add.getLhs())})
    if (var == induction)
      if (std::optional<int64_t> constant = getConstantIntValue(shift))
        return constant;
  return std::nullopt;
}

/// Whether `value` is the same in every iteration of `loop`.
bool isInvariant(Value value, scf::ForOp loop) {
  return loop.isDefinedOutsideOfLoop(value) || getConstantIntValue(value).has_value();
}

/// Matches operand `operand` of the loop's matmul, read along `kDim` in
/// chunks of the loop's step; the reason it does not match otherwise.
FailureOr<ChunkedOperand> matchChunkedOperand(scf::ForOp loop, Value operand, int64_t kDim,
                                              int64_t step, StringRef role,
                                              std::string &whyNot) {
  Operation *read = operand.getDefiningOp();
  auto fail = [&](const Twine &reason) {
    whyNot = (role + " " + reason).str();
    return failure();
  };
  if (!read || !isa<LoadOp, SliceOp>(read) || read->getParentOp() != loop)
    return fail("is not a slice taken in the loop");
  if (!loop.isDefinedOutsideOfLoop(read->getOperand(0)))
    return fail("is a slice of a value computed in the loop");
  if (!read->hasOneUse())
    return fail("is also read by another op in the loop");
  ValueRange offsets = read->getOperands().drop_front();
  std::optional<int64_t> shift = shiftFromInduction(offsets[kDim], loop.getInductionVar());
  if (!shift)
    return fail("is not sliced along K at the loop variable plus a constant");
  for (auto [dim, offset] : llvm::enumerate(offsets))
    if (int64_t(dim) != kDim && !isInvariant(offset, loop))
      return fail("changes with the loop along a dimension other than K");
  if (cast<ShapedType>(operand.getType()).getDimSize(kDim) != step)
    return fail("is sliced in K chunks of " +
                Twine(cast<ShapedType>(operand.getType()).getDimSize(kDim)) +
                ", not of the loop's step " + Twine(step) +
                ", so the chunks do not tile the K range");
  return ChunkedOperand{read, kDim, *shift};
}

/// Matches `loop` as a K-loop of accumulating matmuls; the reason it does
/// not match otherwise.
FailureOr<KLoop> matchKLoop(scf::ForOp loop, std::string &whyNot) {
  auto fail = [&](const Twine &reason) {
    whyNot = reason.str();
    return failure();
  };
  std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
  std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  if (!lower || !upper || !step)
    return fail("its bounds are not constants");
  if (*upper <= *lower)
    return fail("it runs no iteration");
  if ((*upper - *lower) % *step != 0)
    return fail("its step " + Twine(*step) + " does not divide its range " + Twine(*lower) +
                " to " + Twine(*upper));
  if (loop.getNumRegionIterArgs() != 1)
    return fail("it carries " + Twine(loop.getNumRegionIterArgs()) +
                " values, not one accumulator");
  Value acc = loop.getRegionIterArgs()[0];
  Value yielded = loop.getBody()->getTerminator()->getOperand(0);
  auto matmul = yielded.getDefiningOp<MatmulOp>();
  if (!matmul || matmul.getAcc() != acc)
    return fail("its carried value is not the accumulator of a matmul it yields");
  if (!acc.hasOneUse() || !matmul->hasOneUse())
    return fail("its accumulator is read by more than the matmul");
  int64_t rhsK = matmul.getTransposeB() ? 1 : 0;
  FailureOr<ChunkedOperand> lhs =
      matchChunkedOperand(loop, matmul.getLhs(), 1, *step, "its matmul's a", whyNot);
  if (failed(lhs))
    return failure();
  FailureOr<ChunkedOperand> rhs =
      matchChunkedOperand(loop, matmul.getRhs(), rhsK, *step, "its matmul's b", whyNot);
  if (failed(rhs))
    return failure();
  for (const ChunkedOperand &operand : {*lhs, *rhs}) {
    int64_t size =
        cast<ShapedType>(operand.read->getOperand(0).getType()).getDimSize(operand.kDim);
    if (*lower + operand.kShift < 0 || *upper + operand.kShift > size)
      return fail("its K chunks leave the " + Twine(size) + " columns or rows they are taken from");
  }
  // Besides the chunks and the matmul, only the index arithmetic of their
  // offsets.
  for (Operation &op : loop.getBody()->without_terminator())
    if (&op != matmul && &op != lhs->read && &op != rhs->read &&
        !isa<arith::ArithDialect>(op.getDialect()))
      return fail("its body also computes " + op.getName().getStringRef());
  return KLoop{matmul, *lhs, *rhs, *lower, *upper};
}

/// Whether `value` is zeros (a +0 fill), which a matmul without an
/// accumulator starts from.
bool isZeros(Value value) {
  auto full = value.getDefiningOp<FullOp>();
  if (!full)
    return false;
  if (auto number = dyn_cast<FloatAttr>(full.getValue()))
    return number.getValue().isPosZero();
  if (auto number = dyn_cast<IntegerAttr>(full.getValue()))
    return number.getValue().isZero();
  return false;
}

/// The chunked read over the whole K range, before the loop.
Value readWholeRange(PatternRewriter &rewriter, scf::ForOp loop, const ChunkedOperand &operand,
                     const KLoop &kLoop) {
  Location loc = operand.read->getLoc();
  SmallVector<Value> offsets;
  for (auto [dim, offset] : llvm::enumerate(operand.read->getOperands().drop_front())) {
    if (int64_t(dim) == operand.kDim)
      offsets.push_back(
          arith::ConstantIndexOp::create(rewriter, loc, kLoop.lower + operand.kShift));
    else if (loop.isDefinedOutsideOfLoop(offset))
      offsets.push_back(offset);
    else
      offsets.push_back(
          arith::ConstantIndexOp::create(rewriter, loc, *getConstantIntValue(offset)));
  }
  auto chunkType = cast<RankedTensorType>(operand.read->getResult(0).getType());
  SmallVector<int64_t> shape(chunkType.getShape());
  shape[operand.kDim] = kLoop.upper - kLoop.lower;
  auto type = RankedTensorType::get(shape, chunkType.getElementType());
  Value source = operand.read->getOperand(0);
  if (isa<LoadOp>(operand.read))
    return LoadOp::create(rewriter, loc, type, source, offsets);
  return SliceOp::create(rewriter, loc, type, source, offsets);
}

struct FoldKLoop : OpRewritePattern<scf::ForOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::ForOp loop, PatternRewriter &rewriter) const override {
    std::string whyNot;
    FailureOr<KLoop> kLoop = matchKLoop(loop, whyNot);
    if (failed(kLoop))
      return rewriter.notifyMatchFailure(loop, whyNot);
    rewriter.setInsertionPoint(loop);
    Value lhs = readWholeRange(rewriter, loop, kLoop->lhs, *kLoop);
    Value rhs = readWholeRange(rewriter, loop, kLoop->rhs, *kLoop);
    Value init = loop.getInitArgs()[0];
    MatmulOp inner = kLoop->matmul;
    auto matmul = MatmulOp::create(rewriter, inner.getLoc(), inner.getType(), lhs, rhs,
                                   isZeros(init) ? Value() : init, inner.getTransposeB());
    TileDialect::PipelineStagesAttrHelper stages(getContext());
    if (IntegerAttr depth = stages.getAttr(loop))
      stages.setAttr(matmul, depth);
    rewriter.replaceOp(loop, matmul.getResult());
    // A zeros accumulator nothing else reads would be a task of its own.
    if (Operation *fill = init.getDefiningOp(); fill && isZeros(init) && fill->use_empty())
      rewriter.eraseOp(fill);
    return success();
  }
};

struct TileFoldKLoops : tilec::impl::TileFoldKLoopsBase<TileFoldKLoops> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldKLoop>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));
    // A cube scope is one task: a loop left in it would launch per iteration.
    bool failedAny = false;
    getOperation().walk([&](ScopeOp scope) {
      if (scope.getCore() != CoreKind::cube)
        return;
      scope.walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
        std::string whyNot;
        (void)matchKLoop(loop, whyNot);
        InFlightDiagnostic diag = loop.emitError()
                                  << "this loop cannot run in scope '" << scope.getName()
                                  << "' as one cube task: only a K-loop of accumulating "
                                     "matmuls folds into one, and "
                                  << whyNot;
        diag.attachNote(scope.getLoc()) << "the scope is pinned to the cube cores here";
        failedAny = true;
        return WalkResult::skip(); // its nested loops are in it
      });
    });
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
