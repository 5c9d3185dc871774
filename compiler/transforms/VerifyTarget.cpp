//===- VerifyTarget.cpp - what the target's AI Core can run ---------------===//
//
// The tile dialect's verifiers check what any lowering could implement; this
// pass checks one target: conversions it can chain, element types its vector
// and cube units accept. Every failure is an error at the op's location, and
// all of them are reported, not just the first.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/CastChain.h"
#include "compiler/transforms/Passes.h"
#include "dialects/Tile/ElementTypes.h"

#include "llvm/ADT/StringExtras.h"

namespace tilec {
#define GEN_PASS_DEF_TILEVERIFYTARGET
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;
using namespace tilec::tile;

namespace {

std::optional<DType> elementDType(Value value) {
  return dtypeOf(getElementTypeOrSelf(value.getType()));
}

LogicalResult verifyCast(CastOp op, const target::TargetDescription &target) {
  std::optional<DType> from = elementDType(op.getSource());
  std::optional<DType> to = elementDType(op.getResult());
  if (from && to && findCastChain(*from, *to, target)) {
    std::optional<Saturation> sat = op.getSat();
    bool wraps = castWraps(*from, *to, sat ? std::optional(*sat == Saturation::on) : std::nullopt);
    if (findCastChain(*from, *to, target, wraps))
      return success();
    return op.emitError() << "cannot convert " << op.getSource().getType().getElementType()
                          << " to " << op.getType().getElementType() << " without saturation on "
                          << target.name
                          << ": every chain of legal conversions rounds through a type that "
                             "does not hold the integer it then wraps; saturate (sat=true), or "
                             "cast to f16 first and wrap the rounded value";
  }
  InFlightDiagnostic diag = op.emitError()
                            << "cannot convert " << op.getSource().getType().getElementType()
                            << " to " << op.getType().getElementType() << " on " << target.name
                            << ": no chain of at most " << kMaxCastChainSteps
                            << " legal conversions rounds only once";
  if (!from || !to)
    return diag;
  // Two casts that each have a chain, through a type that holds every
  // destination value: the kernel may ask for them, accepting two roundings.
  for (DType middle : kAllDTypes)
    if (holdsEveryValueOf(middle, *to) && findCastChain(*from, middle, target) &&
        findCastChain(middle, *to, target)) {
      diag << "; cast to " << name(middle) << " first";
      break;
    }
  return diag;
}

/// Element types of vector arithmetic (see runtime/isa/VectorOps.h): f32, f16
/// and i32; bf16 runs through f32 where the target lacks bf16 arithmetic.
/// Unary math is float-only by its ODS except neg and abs, which both targets
/// run on i32 (TNEG; abs as max(x, −x)).
LogicalResult verifyVectorArithmetic(Operation *op) {
  Type element = getElementTypeOrSelf(op->getResult(0).getType());
  if (element.isInteger(8))
    return op->emitError() << "the vector unit has no i8 arithmetic: cast to f16 or f32 first";
  return success();
}

LogicalResult verifyMatmul(MatmulOp op, const target::TargetDescription &target) {
  std::optional<DType> operand = elementDType(op.getLhs());
  if (!operand || !target.cubeRate(*operand))
    return op.emitError() << "the cube unit of " << target.name << " has no "
                          << op.getLhs().getType().getElementType() << " matmul";
  // B's N columns are padded to 32 in L1 and L0B but to 16 in L0C, and
  // pto-isa's TMATMUL needs Right and Acc of equal columns.
  int64_t n = op.getType().getDimSize(1);
  if (*operand == DType::I8 && n % 32)
    return op.emitError() << "an i8 matmul needs N to be a multiple of 32 (found " << n
                          << "): its B tiles pad N to 32 bytes, its accumulator to 16";
  return success();
}

LogicalResult verifyOp(Operation *op, const target::TargetDescription &target) {
  // TCMP and TSEL have no 1-byte forms on a2a3 (the lowering widens bf16
  // and f16 to f32; integers keep their type).
  if (isa<CmpOp, SelectOp>(op)) {
    auto isI8 = [](Value value) { return getElementTypeOrSelf(value.getType()).isInteger(8); };
    if (isa<CmpOp>(op) ? llvm::any_of(op->getOperands(), isI8) : isI8(op->getResult(0)))
      return op->emitError() << "'" << op->getName() << "' has no i8 form on " << target.name
                             << " (TCMP and TSEL take 2- and 4-byte elements): cast to i32 or "
                                "f16 first";
  }
  if (auto cast = dyn_cast<CastOp>(op))
    return verifyCast(cast, target);
  if (auto matmul = dyn_cast<MatmulOp>(op))
    return verifyMatmul(matmul, target);
  if (op->hasTrait<kind::BinaryMath>() || op->hasTrait<kind::UnaryMath>())
    return verifyVectorArithmetic(op);
  return success();
}

struct TileVerifyTarget : tilec::impl::TileVerifyTargetBase<TileVerifyTarget> {
  using Base::Base;

  void runOnOperation() override {
    const target::TargetDescription *target = target::lookupTarget(targetName);
    if (!target) {
      getOperation().emitError() << "unknown target '" << targetName << "' (known: "
                                 << llvm::join(target::targetNames(), ", ") << ")";
      return signalPassFailure();
    }
    bool failedAny = false;
    getOperation().walk([&](Operation *op) { failedAny |= failed(verifyOp(op, *target)); });
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
