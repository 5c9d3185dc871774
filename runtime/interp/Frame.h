//===- Frame.h - SSA values of a running kernel -----------------*- C++ -*-===//
//
// Internal to the interpreter: the value of every SSA value computed so far,
// and the op families the dispatcher in Interpreter.cpp tries in turn.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_RUNTIME_INTERP_FRAME_H
#define TILEC_RUNTIME_INTERP_FRAME_H

#include "runtime/interp/Values.h"

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cassert>
#include <optional>

namespace tilec::interp {

/// The values of one kernel invocation. SSA values are unique within the
/// kernel, so nested regions share the frame; a loop rebinds its block
/// arguments on every iteration.
class Frame {
public:
  void bind(mlir::Value value, RuntimeValue runtime) { values_[value] = std::move(runtime); }

  const RuntimeValue &lookup(mlir::Value value) const {
    auto it = values_.find(value);
    assert(it != values_.end() && "use of a value that was never computed");
    return it->second;
  }

  TensorPtr tensor(mlir::Value value) const { return std::get<TensorPtr>(lookup(value)); }
  GlobalPtr global(mlir::Value value) const { return std::get<GlobalPtr>(lookup(value)); }
  int64_t integer(mlir::Value value) const { return std::get<int64_t>(lookup(value)); }
  double real(mlir::Value value) const { return std::get<double>(lookup(value)); }

  llvm::SmallVector<int64_t> integers(mlir::ValueRange range) const {
    llvm::SmallVector<int64_t> result;
    for (mlir::Value value : range)
      result.push_back(integer(value));
    return result;
  }

  /// A tensor operand, or a scalar operand as a rank-0 tensor of `dtype`
  /// (binary ops broadcast scalars like any other operand).
  TensorPtr tensorOrScalar(mlir::Value value, DType dtype) const;

private:
  llvm::DenseMap<mlir::Value, RuntimeValue> values_;
};

/// Binds `tensor` as the value of `result`.
inline void bindTensor(Frame &frame, mlir::Value result, Tensor tensor) {
  frame.bind(result, std::make_shared<const Tensor>(std::move(tensor)));
}

/// The interpreter's element type of a value of tensor, !tile.gm or scalar type.
DType elementDType(mlir::Type type);

// Op families. Each returns std::nullopt when `op` is not one of its ops;
// otherwise it runs the op and binds its results, or emits a located error.
std::optional<mlir::LogicalResult> executeArithOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeMemoryOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeShapeOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeElementwiseOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeCastOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeReductionOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeMatmulOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeCompositeOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeSelectionOp(mlir::Operation *op, Frame &frame);
std::optional<mlir::LogicalResult> executeRankingOp(mlir::Operation *op, Frame &frame);

} // namespace tilec::interp

#endif
