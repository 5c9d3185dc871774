//===- IRGenExpr.cpp - operators, names and slices ------------------------===//
#include "compiler/frontend/IRGen.h"

#include "dialects/Tile/ElementTypes.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace tilec::frontend {

mlir::Value IRGen::emitIndexConstant(int64_t value, llvm::SMLoc at) {
  mlir::Value &cached = indexConstants[{builder.getInsertionBlock(), value}];
  if (!cached)
    cached = mlir::arith::ConstantIndexOp::create(builder, loc(at), value);
  return cached;
}

mlir::Value IRGen::emitIndexCast(mlir::Value i32, llvm::SMLoc at) {
  mlir::Value &cached = indexCasts[{builder.getInsertionBlock(), i32}];
  if (!cached)
    cached = mlir::arith::IndexCastOp::create(builder, loc(at), builder.getIndexType(), i32);
  return cached;
}

mlir::Value IRGen::reshape(mlir::Value value, llvm::ArrayRef<int64_t> shape, llvm::SMLoc at) {
  auto type = mlir::cast<mlir::RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  return tile::ReshapeOp::create(builder, loc(at), mlir::RankedTensorType::get(shape, type.getElementType()), value);
}

mlir::Value IRGen::emitScalar(Expr &expr, mlir::Type type) {
  mlir::Location at = loc(expr.loc);
  if (expr.type.kind == Type::IntConst || expr.type.kind == Type::FloatConst) {
    double asFloat = expr.type.kind == Type::IntConst ? double(expr.intValue) : expr.floatValue;
    if (type.isIndex())
      return emitIndexConstant(expr.intValue, expr.loc);
    if (auto floatType = mlir::dyn_cast<mlir::FloatType>(type))
      return mlir::arith::ConstantOp::create(builder, at, builder.getFloatAttr(floatType, asFloat));
    return mlir::arith::ConstantOp::create(builder, at, builder.getIntegerAttr(type, expr.intValue));
  }
  mlir::Value value = emitValue(expr);
  if (value.getType() != type) // an i32 scalar used as an index
    value = emitIndexCast(value, expr.loc);
  return value;
}

// A binary-op operand next to a tensor of `tensorElement`: a tensor or a scalar of that type.
mlir::Value IRGen::emitOperand(Expr &expr, DType tensorElement) {
  if (expr.type.isTensorLike())
    return emitValue(expr);
  return emitScalar(expr, mlirTypeOf(builder.getContext(), tensorElement));
}

mlir::Value IRGen::emitValue(Expr &expr) {
  switch (expr.kind) {
  case Expr::Name: {
    auto &name = cast<NameExpr>(expr);
    mlir::Value value = values.lookup(name.symbol);
    if (name.symbol->type.kind != Type::Global)
      return value;
    bool isInput = name.symbol->kind == Symbol::Param && !name.symbol->isOut;
    if (isInput)
      if (mlir::Value cached = inputReads.lookup({builder.getInsertionBlock(), name.symbol}))
        return cached;
    Type read = name.symbol->type;
    read.kind = Type::Tensor;
    llvm::SmallVector<mlir::Value, 4> zeros(read.shape.size(), emitZeroIndex(expr.loc));
    mlir::Value loaded = tile::LoadOp::create(builder, loc(expr.loc), tensorType(read), value, zeros);
    if (isInput)
      inputReads[{builder.getInsertionBlock(), name.symbol}] = loaded;
    return loaded;
  }
  case Expr::Unary: return emitUnary(cast<UnaryExpr>(expr));
  case Expr::Binary: return emitBinary(cast<BinaryExpr>(expr));
  case Expr::Call: return emitCall(cast<CallExpr>(expr)).front();
  case Expr::Index: return emitIndexRead(cast<IndexExpr>(expr));
  case Expr::IntLit:
  case Expr::FloatLit:
  case Expr::List: break;
  }
  llvm_unreachable("constants and shapes are materialized by their users");
}

mlir::Value IRGen::emitUnary(UnaryExpr &unary) {
  mlir::Location at = loc(unary.loc);
  const Type &type = unary.type;
  if (type.kind == Type::Tensor)
    return tile::NegOp::create(builder, at, emitValue(*unary.operand));
  if (type.kind == Type::F32)
    return mlir::arith::NegFOp::create(builder, at, emitValue(*unary.operand));
  mlir::Value operand = emitValue(*unary.operand);
  mlir::Value zero = mlir::arith::ConstantOp::create(builder, at, builder.getZeroAttr(operand.getType()));
  return mlir::arith::SubIOp::create(builder, at, zero, operand);
}

mlir::Value IRGen::emitArithmetic(BinaryOp op, Expr &lhsExpr, Expr &rhsExpr, const Type &result, llvm::SMLoc loc_) {
  mlir::Location at = loc(loc_);
  mlir::Value lhs = emitOperand(lhsExpr, result.dtype);
  mlir::Value rhs = emitOperand(rhsExpr, result.dtype);
  mlir::RankedTensorType type = tensorType(result);
  switch (op) {
  case BinaryOp::Add: return tile::AddOp::create(builder, at, type, lhs, rhs);
  case BinaryOp::Sub: return tile::SubOp::create(builder, at, type, lhs, rhs);
  case BinaryOp::Mul: return tile::MulOp::create(builder, at, type, lhs, rhs);
  default: return tile::DivOp::create(builder, at, type, lhs, rhs);
  }
}

mlir::Value IRGen::emitScalarArithmetic(BinaryExpr &binary) {
  namespace arith = mlir::arith;
  mlir::Location at = loc(binary.loc);
  if (binary.type.kind == Type::F32) {
    mlir::Value lhs = emitScalar(*binary.lhs, builder.getF32Type());
    mlir::Value rhs = emitScalar(*binary.rhs, builder.getF32Type());
    switch (binary.op) {
    case BinaryOp::Add: return arith::AddFOp::create(builder, at, lhs, rhs);
    case BinaryOp::Sub: return arith::SubFOp::create(builder, at, lhs, rhs);
    case BinaryOp::Mul: return arith::MulFOp::create(builder, at, lhs, rhs);
    default: return arith::DivFOp::create(builder, at, lhs, rhs);
    }
  }
  mlir::Type type = binary.type.kind == Type::Index ? mlir::Type(builder.getIndexType()) : builder.getI32Type();
  mlir::Value lhs = emitScalar(*binary.lhs, type);
  mlir::Value rhs = emitScalar(*binary.rhs, type);
  switch (binary.op) {
  case BinaryOp::Add: return arith::AddIOp::create(builder, at, lhs, rhs);
  case BinaryOp::Sub: return arith::SubIOp::create(builder, at, lhs, rhs);
  case BinaryOp::Mul: return arith::MulIOp::create(builder, at, lhs, rhs);
  case BinaryOp::FloorDiv: return arith::FloorDivSIOp::create(builder, at, lhs, rhs);
  default: {
    // Floor modulo (Python semantics): a - (a // b) * b.
    mlir::Value quotient = arith::FloorDivSIOp::create(builder, at, lhs, rhs);
    mlir::Value product = arith::MulIOp::create(builder, at, quotient, rhs);
    return arith::SubIOp::create(builder, at, lhs, product);
  }
  }
}

mlir::Value IRGen::emitComparison(tile::CmpPredicate predicate, Expr &lhsExpr, Expr &rhsExpr,
                                  const Type &result, llvm::SMLoc at) {
  // The operands' element type is the tensor operand's; the result is a mask.
  DType operands = (lhsExpr.type.isTensorLike() ? lhsExpr : rhsExpr).type.dtype;
  mlir::Value lhs = emitOperand(lhsExpr, operands);
  mlir::Value rhs = emitOperand(rhsExpr, operands);
  return tile::CmpOp::create(builder, loc(at), tensorType(result), lhs, rhs,
                             tile::CmpPredicateAttr::get(builder.getContext(), predicate));
}

static tile::CmpPredicate predicateOf(BinaryOp op) {
  switch (op) {
  case BinaryOp::Lt: return tile::CmpPredicate::lt;
  case BinaryOp::Le: return tile::CmpPredicate::le;
  case BinaryOp::Gt: return tile::CmpPredicate::gt;
  case BinaryOp::Ge: return tile::CmpPredicate::ge;
  case BinaryOp::Eq: return tile::CmpPredicate::eq;
  default: return tile::CmpPredicate::ne;
  }
}

mlir::Value IRGen::emitBinary(BinaryExpr &binary) {
  if (binary.type.kind == Type::Mask)
    return emitComparison(predicateOf(binary.op), *binary.lhs, *binary.rhs, binary.type, binary.loc);
  if (binary.type.kind == Type::Tensor)
    return emitArithmetic(binary.op, *binary.lhs, *binary.rhs, binary.type, binary.loc);
  return emitScalarArithmetic(binary);
}

llvm::SmallVector<mlir::Value, 4> IRGen::emitOffsets(IndexExpr &index) {
  llvm::SmallVector<mlir::Value, 4> offsets;
  for (size_t dim = 0; dim < index.sizes.size(); ++dim) {
    Expr *start = dim < index.items.size() ? index.items[dim].start.get() : nullptr;
    offsets.push_back(start ? emitIndex(*start) : emitZeroIndex(index.loc));
  }
  return offsets;
}

mlir::Value IRGen::emitIndexRead(IndexExpr &index) {
  mlir::Location at = loc(index.loc);
  Expr &base = *index.base;
  Type region = index.type;
  region.shape.assign(index.sizes.begin(), index.sizes.end());
  if (index.gathersRows) {
    mlir::Value rows = emitValue(*index.items[0].start);
    Expr *colStart = index.items.size() > 1 ? index.items[1].start.get() : nullptr;
    mlir::Value col = colStart ? emitIndex(*colStart) : emitZeroIndex(index.loc);
    return tile::LoadRowsOp::create(builder, at, tensorType(region), values.lookup(cast<NameExpr>(base).symbol),
                                    rows, col);
  }
  mlir::Value result;
  if (base.type.kind == Type::Global) {
    mlir::Value source = values.lookup(cast<NameExpr>(base).symbol);
    result = tile::LoadOp::create(builder, at, tensorType(region), source, emitOffsets(index));
  } else {
    mlir::Value source = emitValue(base);
    result = tile::SliceOp::create(builder, at, tensorType(region), source, emitOffsets(index));
  }
  return reshape(result, index.type.shape, index.loc);
}

} // namespace tilec::frontend
