//===- AscendSelectVerifiers.cpp - compare, select and TCI operands -------===//
//
// Masks are ui8 UB tiles with the compared tiles' rows and maskBytesPerRow
// bytes (AscendOps.h); sources and destinations live in UB.
//
//===----------------------------------------------------------------------===//
#include "dialects/Ascend/AscendOps.h"

using namespace mlir;
using namespace tilec::ascend;

namespace {

LogicalResult expectUb(Operation *op, StringRef role, TileBufferType type) {
  if (type.getSpace() == MemorySpace::ub)
    return success();
  return op->emitOpError(role) << " must be in ub, found "
                               << stringifyMemorySpace(type.getSpace());
}

LogicalResult expectMaskOf(Operation *op, TileBufferType mask, TileBufferType compared) {
  if (failed(expectUb(op, "mask", mask)))
    return failure();
  auto bytes = dyn_cast<IntegerType>(mask.getElementType());
  if (!bytes || !bytes.isUnsigned() || bytes.getWidth() != 8)
    return op->emitOpError("mask element type must be ui8, found ") << mask.getElementType();
  int64_t cols = maskBytesPerRow(compared);
  if (mask.getRows() != compared.getRows() || mask.getCols() != cols)
    return op->emitOpError("mask must be [") << compared.getRows() << ", " << cols
                                              << "] (a bit per element), found ["
                                              << mask.getRows() << ", " << mask.getCols() << "]";
  return success();
}

/// f32, f16 or i32: the types both targets compare (ISA-NOTES.md).
LogicalResult expectComparable(Operation *op, Type element) {
  if (element.isF32() || element.isF16() || element.isInteger(32))
    return success();
  return op->emitOpError("compares f32, f16 or i32, found ") << element;
}

LogicalResult expectSame(Operation *op, StringRef role, TileBufferType type,
                         TileBufferType reference) {
  if (type == reference)
    return success();
  return op->emitOpError(role) << " type " << type << " differs from " << reference;
}

LogicalResult expectSelectable(Operation *op, TileBufferType dst) {
  if (failed(expectUb(op, "destination", dst)))
    return failure();
  unsigned bits = dst.getElementType().getIntOrFloatBitWidth();
  if (bits == 16 || bits == 32)
    return success();
  return op->emitOpError("selects 2- or 4-byte elements, found ") << dst.getElementType();
}

} // namespace

LogicalResult TCmpOp::verify() {
  TileBufferType src0 = getSrc0().getType();
  if (failed(expectUb(*this, "first source", src0)) ||
      failed(expectSame(*this, "second source", getSrc1().getType(), src0)) ||
      failed(expectComparable(*this, src0.getElementType())))
    return failure();
  return expectMaskOf(*this, getDst().getType(), src0);
}

LogicalResult TCmpSOp::verify() {
  TileBufferType src = getSrc().getType();
  if (failed(expectUb(*this, "source", src)) ||
      failed(expectComparable(*this, src.getElementType())))
    return failure();
  if (getScalar().getType() != src.getElementType())
    return emitOpError("scalar type ") << getScalar().getType()
                                       << " differs from the source's element type "
                                       << src.getElementType();
  return expectMaskOf(*this, getDst().getType(), src);
}

LogicalResult TSelOp::verify() {
  TileBufferType dst = getDst().getType();
  if (failed(expectSelectable(*this, dst)) ||
      failed(expectSame(*this, "first source", getSrc0().getType(), dst)) ||
      failed(expectSame(*this, "second source", getSrc1().getType(), dst)) ||
      failed(expectMaskOf(*this, getMask().getType(), dst)) ||
      failed(expectUb(*this, "tmp", getTmp().getType())))
    return failure();
  auto word = dyn_cast<IntegerType>(getTmp().getType().getElementType());
  if (!word || !word.isUnsigned() || word.getWidth() != 32)
    return emitOpError("tmp element type must be ui32, found ")
           << getTmp().getType().getElementType();
  return success();
}

LogicalResult TSelSOp::verify() {
  TileBufferType dst = getDst().getType();
  if (failed(expectSelectable(*this, dst)) ||
      failed(expectSame(*this, "source", getSrc().getType(), dst)) ||
      failed(expectMaskOf(*this, getMask().getType(), dst)) ||
      failed(expectUb(*this, "tmp", getTmp().getType())))
    return failure();
  if (getTmp().getType().getElementType() != dst.getElementType())
    return emitOpError("tmp element type ") << getTmp().getType().getElementType()
                                            << " differs from the source's " << dst.getElementType();
  if (getScalar().getType() != dst.getElementType())
    return emitOpError("scalar type ") << getScalar().getType()
                                       << " differs from the source's element type "
                                       << dst.getElementType();
  return success();
}

LogicalResult TCiOp::verify() {
  TileBufferType dst = getDst().getType();
  if (failed(expectUb(*this, "destination", dst)))
    return failure();
  if (dst.getRows() != 1 || !dst.getElementType().isInteger(32))
    return emitOpError("writes a one-row i32 tile, found ") << dst;
  return success();
}
