//===- IRGenBuiltins.cpp - builtin calls to tile ops ----------------------===//
#include "compiler/frontend/Builtins.h"
#include "compiler/frontend/IRGen.h"

#include "dialects/Tile/TileOps.h"

namespace tilec::frontend {
namespace {

template <typename OpTy>
mlir::Value createUnary(mlir::OpBuilder &builder, mlir::Location at, mlir::Value x) {
  return OpTy::create(builder, at, x);
}

llvm::StringRef word(Expr *arg) { return cast<NameExpr>(arg)->name; }

double number(Expr *arg) { return arg->type.kind == Type::IntConst ? double(arg->intValue) : arg->floatValue; }

} // namespace

llvm::SmallVector<mlir::Value, 2> IRGen::emitCall(CallExpr &call) {
  using K = BuiltinKind;
  mlir::Location at = loc(call.loc);
  mlir::MLIRContext *ctx = builder.getContext();
  std::vector<Expr *> &args = call.boundArgs;
  auto resultType = [&] { return tensorType(call.type); };
  auto value = [&](unsigned i) { return emitValue(*args[i]); };

  switch (call.builtin->kind) {
  case K::Add:
  case K::Sub:
  case K::Mul:
  case K::Div:
  case K::Max:
  case K::Min: {
    mlir::Value lhs = emitOperand(*args[0], call.type.dtype);
    mlir::Value rhs = emitOperand(*args[1], call.type.dtype);
    mlir::RankedTensorType type = resultType();
    switch (call.builtin->kind) {
    case K::Add: return {tile::AddOp::create(builder, at, type, lhs, rhs)};
    case K::Sub: return {tile::SubOp::create(builder, at, type, lhs, rhs)};
    case K::Mul: return {tile::MulOp::create(builder, at, type, lhs, rhs)};
    case K::Div: return {tile::DivOp::create(builder, at, type, lhs, rhs)};
    case K::Max: return {tile::MaxOp::create(builder, at, type, lhs, rhs)};
    default: return {tile::MinOp::create(builder, at, type, lhs, rhs)};
    }
  }
  case K::Neg: return {createUnary<tile::NegOp>(builder, at, value(0))};
  case K::Abs: return {createUnary<tile::AbsOp>(builder, at, value(0))};
  case K::Exp: return {createUnary<tile::ExpOp>(builder, at, value(0))};
  case K::Log: return {createUnary<tile::LogOp>(builder, at, value(0))};
  case K::Sqrt: return {createUnary<tile::SqrtOp>(builder, at, value(0))};
  case K::Rsqrt: return {createUnary<tile::RsqrtOp>(builder, at, value(0))};
  case K::Recip: return {createUnary<tile::RecipOp>(builder, at, value(0))};
  case K::RowSum: return {tile::RowSumOp::create(builder, at, resultType(), value(0))};
  case K::RowMax: return {tile::RowMaxOp::create(builder, at, resultType(), value(0))};
  case K::RowMin: return {tile::RowMinOp::create(builder, at, resultType(), value(0))};
  case K::ColSum: return {tile::ColSumOp::create(builder, at, resultType(), value(0))};
  case K::ColMax: return {tile::ColMaxOp::create(builder, at, resultType(), value(0))};
  case K::ColMin: return {tile::ColMinOp::create(builder, at, resultType(), value(0))};
  case K::Broadcast: return {tile::BroadcastOp::create(builder, at, resultType(), value(0))};
  case K::Reshape: return {reshape(value(0), call.type.shape, call.loc)};
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
    return {tile::MatmulOp::create(builder, at, resultType(), lhs, rhs, acc)};
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
  case K::Rope: {
    mlir::Value x = value(0), cos = value(1), sin = value(2);
    return {tile::RopeOp::create(builder, at, resultType(), x, cos, sin, builder.getI64IntegerAttr(args[3]->intValue))};
  }
  }
  llvm_unreachable("every builtin is handled");
}

} // namespace tilec::frontend
