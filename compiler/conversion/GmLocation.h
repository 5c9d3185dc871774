//===- GmLocation.h - where a tensor value lives in global memory -*- C++ -*-===//
//
// The unfused lowering keeps every tensor value of a kernel in global memory:
// a kernel parameter, a window of one, or a scratch tensor. Tasks see a value
// as a rows × cols matrix: columns run along the buffer's last dimension and
// rows along one leading dimension (`rowDim`).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_GMLOCATION_H
#define TILEC_COMPILER_CONVERSION_GMLOCATION_H

#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

namespace tilec::conversion {

/// A value as the matrix a vector or cube instruction sees.
struct MatrixShape {
  int64_t rows = 1;
  int64_t cols = 1;
  bool operator==(const MatrixShape &other) const {
    return rows == other.rows && cols == other.cols;
  }
  /// Rank-N shapes fold their leading dimensions into rows.
  static MatrixShape of(llvm::ArrayRef<int64_t> shape);
};

struct GmLocation {
  mlir::Value buffer;                     ///< an !ascend.gm value of the host program
  llvm::SmallVector<mlir::Value> offsets; ///< index offsets, one per buffer dimension
  int rowDim = -1;                        ///< buffer dimension of the rows; -1: one row
  MatrixShape shape;

  ascend::GlobalTensorType getBufferType() const {
    return llvm::cast<ascend::GlobalTensorType>(buffer.getType());
  }
  /// Same buffer, same offsets (equal values or equal constants), same shape.
  bool operator==(const GmLocation &other) const;
};

} // namespace tilec::conversion

#endif
