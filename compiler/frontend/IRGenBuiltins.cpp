//===- IRGenBuiltins.cpp - builtin calls to tile ops ----------------------===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/IRGen.h"

#include "dialects/Tile/TileOps.h"

namespace tilec::frontend {
namespace {

/// The tile op a binary, unary or reduction builtin names.
mlir::Value createNamedOp(mlir::OpBuilder &builder, mlir::Location at, llvm::StringRef builtin,
                          mlir::ValueRange operands, mlir::Type resultType) {
  mlir::OperationState state(at, ("tile." + builtin).str());
  state.addOperands(operands);
  state.addTypes(resultType);
  return builder.create(state)->getResult(0);
}

llvm::StringRef word(Expr *arg) { return cast<NameExpr>(arg)->name; }

double number(Expr *arg) { return arg->type.kind == Type::IntConst ? double(arg->intValue) : arg->floatValue; }

} // namespace

llvm::SmallVector<mlir::Value, 2> IRGen::emitCall(CallExpr &call) {
  using K = BuiltinKind;
  if (call.inlined)
    return emitInlinedCall(call);
  mlir::Location at = loc(call.loc);
  mlir::MLIRContext *ctx = builder.getContext();
  std::vector<Expr *> &args = call.boundArgs;
  auto resultType = [&] { return tensorType(call.type); };
  auto value = [&](unsigned i) { return emitValue(*args[i]); };

  switch (call.builtin->kind) {
  case K::Binary: {
    mlir::Value lhs = emitOperand(*args[0], call.type.dtype);
    mlir::Value rhs = emitOperand(*args[1], call.type.dtype);
    return {createNamedOp(builder, at, call.builtin->name, {lhs, rhs}, resultType())};
  }
  case K::UnaryOfNumbers:
  case K::UnaryOfFloats: {
    mlir::Value x = value(0);
    return {createNamedOp(builder, at, call.builtin->name, x, x.getType())};
  }
  case K::RowReduction:
  case K::ColReduction: return {createNamedOp(builder, at, call.builtin->name, value(0), resultType())};
  case K::Broadcast: return {tile::BroadcastOp::create(builder, at, resultType(), value(0))};
  case K::Compare:
    return {emitComparison(*tile::symbolizeCmpPredicate(call.builtin->name), *args[0], *args[1], call.type,
                           call.loc)};
  case K::Select: {
    mlir::Value mask = value(0);
    mlir::Value onTrue = emitOperand(*args[1], call.type.dtype);
    mlir::Value onFalse = emitOperand(*args[2], call.type.dtype);
    return {tile::SelectOp::create(builder, at, resultType(), mask, onTrue, onFalse)};
  }
  case K::Iota: return {tile::IotaOp::create(builder, at, resultType())};
  case K::RowArgmax: return {tile::RowArgmaxOp::create(builder, at, resultType(), value(0))};
  case K::TopK: {
    Type values = Type::tensor(Type::Tensor, call.type.shape, call.type.dtype);
    Type indices = Type::tensor(Type::Tensor, call.type.shape, DType::I32);
    auto op = tile::TopKOp::create(builder, at, tensorType(values), tensorType(indices), value(0),
                                   builder.getI64IntegerAttr(args[1]->intValue));
    return {op.getValues(), op.getIndices()};
  }
  case K::Reshape: return {reshape(value(0), call.type.shape, call.loc)};
  case K::Transpose: return {tile::TransposeOp::create(builder, at, resultType(), value(0))};
  case K::Concat: {
    // a and b inserted side by side into a tensor of zeros; the passes give
    // each its window of the result, so nothing is copied when the rows it
    // covers are consecutive there (concat along the first axis).
    mlir::Value a = value(0), b = value(1);
    mlir::RankedTensorType type = resultType();
    mlir::Type element = type.getElementType();
    mlir::TypedAttr zero = mlir::isa<mlir::FloatType>(element) ? mlir::TypedAttr(builder.getFloatAttr(element, 0.0))
                                                               : mlir::TypedAttr(builder.getIntegerAttr(element, 0));
    int64_t axis = args[2] ? args[2]->intValue : 0;
    llvm::SmallVector<mlir::Value, 4> offsets(type.getRank(), emitZeroIndex(call.loc));
    mlir::Value joined = tile::FullOp::create(builder, at, type, zero);
    joined = tile::InsertOp::create(builder, at, a, joined, offsets);
    offsets[axis] = emitIndexConstant(mlir::cast<mlir::RankedTensorType>(a.getType()).getDimSize(axis), call.loc);
    return {tile::InsertOp::create(builder, at, b, joined, offsets)};
  }
  case K::Cast: {
    tile::RoundMode round = tile::RoundMode::none;
    if (args[2])
      round = *tile::symbolizeRoundMode(word(args[2]));
    tile::SaturationAttr sat;
    if (args[3])
      sat = tile::SaturationAttr::get(ctx, word(args[3]) == "true" ? tile::Saturation::on : tile::Saturation::off);
    return {tile::CastOp::create(builder, at, resultType(), value(0), tile::RoundModeAttr::get(ctx, round), sat)};
  }
  case K::Matmul: {
    mlir::Value lhs = value(0), rhs = value(1);
    mlir::Value acc = args[2] ? value(2) : mlir::Value();
    bool transposeB = args[4] && word(args[4]) == "true";
    return {tile::MatmulOp::create(builder, at, resultType(), lhs, rhs, acc, transposeB)};
  }
  case K::Gather: {
    tile::GatherPattern pattern = word(args[1]) == "even" ? tile::GatherPattern::even : tile::GatherPattern::odd;
    return {tile::GatherOp::create(builder, at, resultType(), value(0), tile::GatherPatternAttr::get(ctx, pattern))};
  }
  case K::Interleave: {
    mlir::Value even = value(0), odd = value(1);
    return {tile::InterleaveOp::create(builder, at, resultType(), even, odd)};
  }
  case K::Full:
  case K::Zeros: {
    mlir::RankedTensorType type = resultType();
    mlir::Type element = type.getElementType();
    double fill = call.builtin->kind == K::Full ? number(args[1]) : 0.0;
    mlir::TypedAttr attr = mlir::isa<mlir::FloatType>(element)
                               ? mlir::TypedAttr(builder.getFloatAttr(element, fill))
                               : mlir::TypedAttr(builder.getIntegerAttr(element, args[1] && call.builtin->kind == K::Full
                                                                                    ? args[1]->intValue
                                                                                    : 0));
    return {tile::FullOp::create(builder, at, type, attr)};
  }
  case K::Scratch: return {tile::AllocGmOp::create(builder, at, globalType(call.type))};
  case K::RmsNorm: {
    mlir::Value x = value(0);
    mlir::Value gamma = args[1] ? value(1) : mlir::Value();
    return {tile::RmsNormOp::create(builder, at, resultType(), x, gamma, builder.getF32FloatAttr(number(args[2])))};
  }
  case K::QuantInt8: {
    Type scale = Type::tensor(Type::Tensor, {call.type.shape[0], 1}, DType::F32);
    Type quantized = Type::tensor(Type::Tensor, call.type.shape, DType::I8);
    auto op = tile::QuantInt8Op::create(builder, at, tensorType(quantized), tensorType(scale), value(0),
                                        builder.getF32FloatAttr(number(args[1])),
                                        builder.getF32FloatAttr(number(args[2])));
    return {op.getQuantized(), op.getScale()};
  }
  case K::Activation: return {createNamedOp(builder, at, call.builtin->name, value(0), resultType())};
  case K::Pow:
  case K::Square: {
    double exponent = call.builtin->kind == K::Square ? 2.0 : number(args[1]);
    return {tile::PowOp::create(builder, at, resultType(), value(0), builder.getF64FloatAttr(exponent))};
  }
  case K::Rope: {
    mlir::Value x = value(0), cos = value(1), sin = value(2);
    return {tile::RopeOp::create(builder, at, resultType(), x, cos, sin, builder.getI64IntegerAttr(args[3]->intValue))};
  }
  }
  llvm_unreachable("every builtin is handled");
}

} // namespace tilec::frontend
