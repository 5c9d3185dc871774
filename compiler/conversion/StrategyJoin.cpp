//===- StrategyJoin.cpp - matmuls of the same A in one launch -------------===//
//
// Matmuls of the same A launched one after the other each end on a round of
// work items that may leave cube cores idle. Joined, they are one task whose
// work items go over each B's columns in turn (CubeTasks.cpp), so the cores
// take the rounds of their work together: the flagship's q down-projection
// (64 items at T = 2048) and kv projection (32 items) take 3 + 2 rounds of
// 24 cube cores apart and 4 joined. A matmul joins when the estimated
// busiest core of the joint blocking (StrategyCube.cpp, no block straddling
// two B) beats the sum of theirs apart, at the bound and, with run-time
// rows, on one row block. (The busiest core decides: joined or not, the
// launches move about the same bytes.) The joined matmuls move right after
// the first (their B is defined before it, or is a kernel input whose load
// moves there too), are marked
// `ascend.joined` and take the joint blockings.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/CubeBlocking.h"
#include "compiler/conversion/RuntimeRows.h"
#include "compiler/conversion/Strategy.h"

#include "mlir/IR/Dominance.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// A matmul that may join or be joined: in the kernel's body, tiled by an
/// #ascend.blocking of double buffers, not paired, not accumulating.
bool isJoinable(tile::MatmulOp matmul, tile::KernelOp kernel) {
  MLIRContext *context = matmul.getContext();
  return matmul->getParentOp() == kernel && !matmul.getAcc() &&
         isa_and_nonnull<ascend::BlockingAttr>(
             ascend::AscendDialect::StrategyAttrHelper(context).getAttr(matmul)) &&
         !ascend::AscendDialect::PairingAttrHelper(context).getAttr(matmul) &&
         !ascend::AscendDialect::LhsPairingAttrHelper(context).getAttr(matmul) &&
         !tile::TileDialect::PipelineStagesAttrHelper(context).getAttr(matmul);
}

/// N as the cube sees it.
int64_t columnsOf(tile::MatmulOp matmul) {
  auto rhs = cast<RankedTensorType>(matmul.getRhs().getType());
  return rhs.getDimSize(matmul.getTransposeB() ? 0 : 1);
}

/// The blockings of the members' products as one task.
FailureOr<CubeBlockings> jointBlockings(ArrayRef<tile::MatmulOp> members, bool runtimeRows,
                                        const target::TargetDescription &target) {
  tile::MatmulOp first = members.front();
  auto lhs = cast<RankedTensorType>(first.getLhs().getType());
  SmallVector<int64_t> parts;
  int64_t columns = 0;
  for (tile::MatmulOp member : members) {
    parts.push_back(columnsOf(member));
    columns += parts.back();
  }
  MatrixShape lhsShape = MatrixShape::of(lhs.getShape());
  return chooseBlocking(first.getLoc(), lhsShape, MatrixShape{lhsShape.cols, columns},
                        lhs.getElementType(), first.getType().getElementType(), kMaxCubeBuffers,
                        runtimeRows, target, BlockingNeeds{/*rowMultiple=*/1, parts});
}

/// Whether B of `matmul` can be had before `first`: defined before it, or
/// read by a load of a kernel input (which nothing writes) whose operands
/// are; that load then moves before `first`.
bool rhsAvailableBefore(tile::MatmulOp matmul, tile::MatmulOp first, tile::KernelOp kernel,
                        DominanceInfo &dominance) {
  Value rhs = matmul.getRhs();
  if (dominance.properlyDominates(rhs, first))
    return true;
  auto load = rhs.getDefiningOp<tile::LoadOp>();
  auto source = load ? dyn_cast<BlockArgument>(load.getSource()) : BlockArgument();
  if (!source || source.getOwner()->getParentOp() != kernel ||
      kernel.isOutput(source.getArgNumber()) ||
      !llvm::all_of(load->getOperands(),
                    [&](Value operand) { return dominance.properlyDominates(operand, first); }))
    return false;
  load->moveBefore(first);
  return true;
}

/// Whether `matmul` may be a part of the task of `first`: the same A (so
/// the same B and product element types, as the matmul verifier has them),
/// B the same way round.
bool mayJoin(tile::MatmulOp first, tile::MatmulOp matmul) {
  return matmul.getLhs() == first.getLhs() && matmul.getTransposeB() == first.getTransposeB();
}

} // namespace

void tilec::conversion::joinMatmuls(tile::KernelOp kernel,
                                    const target::TargetDescription &target) {
  SmallVector<tile::MatmulOp> matmuls;
  kernel.walk([&](tile::MatmulOp matmul) {
    if (isJoinable(matmul, kernel))
      matmuls.push_back(matmul);
  });
  DominanceInfo dominance(kernel);
  RuntimeRows runtimeRows(kernel);
  llvm::SmallPtrSet<Operation *, 4> taken;
  MLIRContext *context = kernel.getContext();
  for (auto [index, first] : llvm::enumerate(matmuls)) {
    if (taken.contains(first))
      continue;
    bool fewRows = runtimeRows.tokenRowsOf(first.getLhs()).has_value();
    FailureOr<CubeBlockings> joint = matmulStrategy(first, target);
    if (failed(joint))
      continue;
    SmallVector<tile::MatmulOp> members{first};
    for (tile::MatmulOp matmul : ArrayRef(matmuls).drop_front(index + 1)) {
      if (taken.contains(matmul) || !mayJoin(first, matmul))
        continue;
      FailureOr<CubeBlockings> alone = matmulStrategy(matmul, target);
      members.push_back(matmul);
      FailureOr<CubeBlockings> together = jointBlockings(members, fewRows, target);
      if (failed(alone) || failed(together) ||
          together->coreCycles >= joint->coreCycles + alone->coreCycles ||
          (fewRows && together->fewRowsCoreCycles >
                          joint->fewRowsCoreCycles + alone->fewRowsCoreCycles) ||
          !rhsAvailableBefore(matmul, first, kernel, dominance)) {
        members.pop_back();
        continue;
      }
      joint = together;
    }
    if (members.size() < 2)
      continue;
    Operation *last = first;
    for (tile::MatmulOp member : members) {
      taken.insert(member);
      ascend::AscendDialect::StrategyAttrHelper(context).setAttr(member, joint->atBound);
      ascend::AscendDialect::FewRowsAttrHelper fewRowsAttr(context);
      if (joint->fewRows)
        fewRowsAttr.setAttr(member, joint->fewRows);
      else
        fewRowsAttr.removeAttr(member);
      if (member == first)
        continue;
      member->moveAfter(last);
      ascend::AscendDialect::JoinedAttrHelper(context).setAttr(member, UnitAttr::get(context));
      last = member;
    }
  }
}
