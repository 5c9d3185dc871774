//===- VectorInstructions.cpp - which vector instruction a tile op is -----===//
#include "compiler/conversion/VectorInstructions.h"

#include "dialects/Ascend/AscendOps.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

template <typename Instruction>
void createUnary(OpBuilder &b, Location loc, Value dst, Value src) {
  Instruction::create(b, loc, dst, src);
}

template <typename Instruction>
void createBinary(OpBuilder &b, Location loc, Value dst, Value lhs, Value rhs) {
  Instruction::create(b, loc, dst, lhs, rhs);
}

/// |x| of integers as max(x, −x): TABS has integer forms only on a5, TNEG on
/// both targets. −INT32_MIN wraps to itself, as |INT32_MIN| does in numpy.
void createIntegerAbs(OpBuilder &b, Location loc, Value dst, Value src) {
  ascend::TNegOp::create(b, loc, dst, src);
  ascend::TMaxOp::create(b, loc, dst, src, dst);
}

template <typename Full, typename RowExpand, typename ColExpand, typename Scalar>
BinaryInstructions withExpandForms() {
  return {createBinary<Full>, createBinary<RowExpand>, createBinary<ColExpand>,
          createBinary<Scalar>};
}

template <typename Full, typename Scalar> BinaryInstructions withoutExpandForms() {
  return {createBinary<Full>, nullptr, nullptr, createBinary<Scalar>};
}

} // namespace

std::optional<BinaryInstructions> tilec::conversion::binaryInstructionsOf(Operation *op) {
  using namespace ascend;
  return TypeSwitch<Operation *, std::optional<BinaryInstructions>>(op)
      .Case([](tile::AddOp) {
        return withExpandForms<TAddOp, TRowExpandAddOp, TColExpandAddOp, TAddSOp>();
      })
      .Case([](tile::SubOp) {
        return withExpandForms<TSubOp, TRowExpandSubOp, TColExpandSubOp, TSubSOp>();
      })
      .Case([](tile::MulOp) {
        return withExpandForms<TMulOp, TRowExpandMulOp, TColExpandMulOp, TMulSOp>();
      })
      .Case([](tile::DivOp) {
        return withExpandForms<TDivOp, TRowExpandDivOp, TColExpandDivOp, TDivSOp>();
      })
      .Case([](tile::MaxOp) { return withoutExpandForms<TMaxOp, TMaxSOp>(); })
      .Case([](tile::MinOp) { return withoutExpandForms<TMinOp, TMinSOp>(); })
      .Default([](Operation *) { return std::nullopt; });
}

UnaryInstruction tilec::conversion::unaryInstructionOf(Operation *op) {
  using namespace ascend;
  return TypeSwitch<Operation *, UnaryInstruction>(op)
      .Case([](tile::NegOp) { return createUnary<TNegOp>; })
      .Case([](tile::AbsOp abs) {
        return isa<IntegerType>(abs.getType().getElementType()) ? createIntegerAbs
                                                                 : createUnary<TAbsOp>;
      })
      .Case([](tile::ExpOp) { return createUnary<TExpOp>; })
      .Case([](tile::LogOp) { return createUnary<TLogOp>; })
      .Case([](tile::SqrtOp) { return createUnary<TSqrtOp>; })
      .Case([](tile::RsqrtOp) { return createUnary<TRsqrtOp>; })
      .Case([](tile::RecipOp) { return createUnary<TRecipOp>; })
      .Default([](Operation *) -> UnaryInstruction { return nullptr; });
}

ReductionInstructions tilec::conversion::reductionInstructionsOf(tile::Combiner combiner) {
  using namespace ascend;
  switch (combiner) {
  case tile::Combiner::sum: return {createBinary<TRowSumOp>, createUnary<TColSumOp>};
  case tile::Combiner::max: return {createBinary<TRowMaxOp>, createUnary<TColMaxOp>};
  case tile::Combiner::min: return {createBinary<TRowMinOp>, createUnary<TColMinOp>};
  }
  llvm_unreachable("every combiner has its reductions");
}
