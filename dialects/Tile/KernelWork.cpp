//===- KernelWork.cpp - the multiply-accumulates a kernel's math does -----===//
#include "dialects/Tile/KernelWork.h"

#include "dialects/Tile/ElementTypes.h"
#include "dialects/Tile/IntegerReplay.h"

namespace tilec::tile {

namespace {

/// Runs the kernel's loops that hold a matmul with the integer values of
/// their bounds (a triangular nest counts each inner trip), adding up the
/// matmuls' M x K x N.
class MacCounter {
public:
  explicit MacCounter(const llvm::DenseMap<mlir::Value, int64_t> &arguments) : replay(arguments) {}

  bool run(mlir::Block &block) {
    for (mlir::Operation &op : block) {
      if (auto matmul = mlir::dyn_cast<MatmulOp>(op)) {
        add(matmul);
      } else if (auto loop = mlir::dyn_cast<mlir::scf::ForOp>(op)) {
        bool hasMatmul = loop.getBody()->walk([](MatmulOp) { return mlir::WalkResult::interrupt(); })
                             .wasInterrupted();
        if (hasMatmul && !replay.forEachTrip(loop, [&] { return run(*loop.getBody()); }))
          return false;
      } else if (op.getNumRegions() == 0) {
        replay.evaluate(&op);
      } else {
        // A scope (or any other region holder) runs its body once.
        for (mlir::Region &region : op.getRegions())
          for (mlir::Block &inner : region)
            if (!run(inner))
              return false;
      }
    }
    return true;
  }

  std::map<DType, uint64_t> macs;

private:
  void add(MatmulOp matmul) {
    auto lhs = mlir::cast<mlir::RankedTensorType>(matmul.getLhs().getType());
    auto result = mlir::cast<mlir::RankedTensorType>(matmul.getResult().getType());
    if (std::optional<DType> operand = dtypeOf(lhs.getElementType()))
      macs[*operand] +=
          uint64_t(lhs.getDimSize(0)) * uint64_t(lhs.getDimSize(1)) * uint64_t(result.getDimSize(1));
  }

  IntegerReplay replay;
};

} // namespace

std::optional<std::map<DType, uint64_t>>
matmulMacs(KernelOp kernel, const llvm::DenseMap<mlir::Value, int64_t> &arguments) {
  MacCounter counter(arguments);
  if (!counter.run(kernel.getBody().front()))
    return std::nullopt;
  return counter.macs;
}

double cubeWorkMicros(const target::TargetDescription &target,
                      const std::map<DType, uint64_t> &macs) {
  double cycles = 0;
  for (auto [operand, count] : macs)
    cycles += target.cubeWorkCycles(operand, count);
  return target.cyclesToMicros(cycles / target.cubeCores);
}

} // namespace tilec::tile
