//===- IRGen.cpp - kernels and statements ---------------------------------===//
#include "compiler/frontend/IRGen.h"

#include "dialects/Tile/ElementTypes.h"
#include "dialects/Tile/RuntimeDims.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace tilec::frontend {

IRGen::IRGen(DiagnosticSink &diags, mlir::ModuleOp module)
    : diags(diags), module(module), builder(module.getContext()) {}

mlir::RankedTensorType IRGen::tensorType(const Type &type) {
  mlir::Type element = type.kind == Type::Mask ? mlir::Type(builder.getI1Type())
                                               : mlirTypeOf(builder.getContext(), type.dtype);
  return mlir::RankedTensorType::get(type.shape, element);
}

mlir::Type IRGen::globalType(const Type &type) {
  return tile::GlobalTensorType::get(builder.getContext(), type.shape, mlirTypeOf(builder.getContext(), type.dtype));
}

void IRGen::emitKernel(KernelDecl &kernel) {
  llvm::SmallVector<mlir::Type> inputs;
  for (Param &param : kernel.params) {
    const Type &type = param.decl.symbol->type;
    inputs.push_back(type.kind == Type::Global             ? globalType(type)
                     : type.kind == Type::I32 || param.isDim ? mlir::Type(builder.getI32Type())
                                                             : mlir::Type(builder.getF32Type()));
  }
  builder.setInsertionPointToEnd(module.getBody());
  auto op = tile::KernelOp::create(builder, loc(kernel.decl.loc), kernel.decl.name,
                                   builder.getFunctionType(inputs, {}));
  mlir::Block *entry = new mlir::Block();
  op.getBody().push_back(entry);
  for (auto [index, param] : llvm::enumerate(kernel.params)) {
    values[param.decl.symbol] = entry->addArgument(inputs[index], loc(param.decl.loc));
    if (param.isOut)
      op.setArgAttr(index, tile::KernelOp::getOutputAttrName(), builder.getUnitAttr());
    // A run-time dim is an i32 argument with its bound; a tensor whose rows it
    // counts names it by argument index.
    if (param.isDim)
      op.setArgAttr(index, tile::kDimAttrName, builder.getI64IntegerAttr(param.decl.symbol->bound));
    if (llvm::StringRef rows = param.decl.symbol->type.rowsDim; !rows.empty()) {
      auto dim = llvm::find_if(kernel.params, [&](const Param &p) { return p.isDim && p.decl.name == rows; });
      op.setArgAttr(index, tile::kRowsAttrName,
                    builder.getI64IntegerAttr(std::distance(kernel.params.begin(), dim)));
    }
  }
  builder.setInsertionPointToEnd(entry);
  emitBlock(kernel.body);
  tile::ReturnOp::create(builder, loc(kernel.loc));
}

void IRGen::emitBlock(Block &block) {
  for (StmtPtr &stmt : block)
    emitStmt(*stmt);
}

void IRGen::emitStmt(Stmt &stmt) {
  switch (stmt.kind) {
  case Stmt::Let: return emitLet(cast<LetStmt>(stmt));
  case Stmt::Assign: return emitAssign(cast<AssignStmt>(stmt));
  case Stmt::For: return emitFor(cast<ForStmt>(stmt));
  case Stmt::Scope: return emitScope(cast<ScopeStmt>(stmt));
  }
}

void IRGen::emitLet(LetStmt &let) {
  Expr &value = *let.value;
  const Type &first = let.names.front().symbol->type;
  // Constants fold away; names bound to them are read through intValue/floatValue.
  if (first.isConst())
    return;
  if (first.kind == Type::Global) {
    values[let.names.front().symbol] = emitCall(cast<CallExpr>(value)).front();
    return;
  }
  if (value.type.kind == Type::Pair) {
    llvm::SmallVector<mlir::Value, 2> results = emitCall(cast<CallExpr>(value));
    for (auto [name, result] : llvm::zip(let.names, results))
      values[name.symbol] = result;
    return;
  }
  values[let.names.front().symbol] = emitValue(value);
}

void IRGen::emitAssign(AssignStmt &assign) {
  auto *index = dyn_cast<IndexExpr>(assign.target.get());
  auto *name = cast<NameExpr>(index ? index->base.get() : assign.target.get());
  const Symbol *symbol = name->symbol;
  mlir::Value value = emitValue(*assign.value);
  mlir::Location at = loc(assign.loc);
  bool isGlobal = symbol->type.kind == Type::Global;
  if (!index && !isGlobal) {
    values[symbol] = value;
    return;
  }
  llvm::SmallVector<mlir::Value, 4> offsets;
  if (index) {
    value = reshape(value, index->sizes, assign.loc);
    offsets = emitOffsets(*index);
  } else {
    offsets.assign(symbol->type.shape.size(), emitZeroIndex(assign.loc));
  }
  if (isGlobal)
    tile::StoreOp::create(builder, at, value, values[symbol], offsets);
  else
    values[symbol] = tile::InsertOp::create(builder, at, value, values[symbol], offsets);
}

void IRGen::emitFor(ForStmt &loop) {
  mlir::Location at = loc(loop.loc);
  mlir::Value lower = loop.lower ? emitIndex(*loop.lower) : emitZeroIndex(loop.loc);
  mlir::Value upper = emitIndex(*loop.upper);
  mlir::Value step = emitIndexConstant(loop.step, loop.loc);
  llvm::SmallVector<mlir::Value> inits;
  for (Symbol *symbol : loop.carried)
    inits.push_back(values[symbol]);
  auto forOp = mlir::scf::ForOp::create(
      builder, at, lower, upper, step, inits,
      [&](mlir::OpBuilder &nested, mlir::Location, mlir::Value iv, mlir::ValueRange iterArgs) {
        mlir::OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPoint(nested.getInsertionBlock(), nested.getInsertionPoint());
        values[loop.var.symbol] = iv;
        for (auto [symbol, arg] : llvm::zip(loop.carried, iterArgs))
          values[symbol] = arg;
        emitBlock(loop.body);
        llvm::SmallVector<mlir::Value> yields;
        for (Symbol *symbol : loop.carried)
          yields.push_back(values[symbol]);
        mlir::scf::YieldOp::create(builder, at, yields);
      });
  if (loop.loopKind == LoopKind::Parallel)
    tile::TileDialect::ParallelAttrHelper(builder.getContext()).setAttr(forOp, builder.getUnitAttr());
  if (loop.loopKind == LoopKind::Pipeline)
    tile::TileDialect::PipelineStagesAttrHelper(builder.getContext())
        .setAttr(forOp, builder.getI64IntegerAttr(loop.stages));
  for (auto [symbol, result] : llvm::zip(loop.carried, forOp.getResults()))
    values[symbol] = result;
}

llvm::SmallVector<mlir::Value, 2> IRGen::emitInlinedCall(CallExpr &call) {
  InlinedCall &body = *call.inlined;
  // Arguments are evaluated once, in order, before the body; a global tensor
  // is passed as itself (Sema aliased it), constants fold through the symbols.
  for (auto [param, arg] : llvm::zip(body.params, call.boundArgs)) {
    const Symbol *symbol = param.symbol;
    if (symbol->type.isConst())
      continue;
    values[symbol] = symbol->type.kind == Type::Global ? values.lookup(cast<NameExpr>(arg)->symbol)
                                                       : emitValue(*arg);
  }
  emitBlock(body.body);
  if (auto *call = dyn_cast<CallExpr>(body.result.get()))
    return emitCall(*call); // may be a pair (quant_int8)
  return {emitValue(*body.result)};
}

void IRGen::emitScope(ScopeStmt &scope) {
  tile::CoreKind core = scope.core == "cube" ? tile::CoreKind::cube : tile::CoreKind::vector;
  mlir::IntegerAttr tokens;
  if (scope.tokens > 0)
    tokens = builder.getI64IntegerAttr(scope.tokens);
  auto op = tile::ScopeOp::create(builder, loc(scope.loc), mlir::TypeRange(),
                                  builder.getStringAttr(scope.name),
                                  tile::CoreKindAttr::get(builder.getContext(), core), tokens,
                                  builder.getUnitAttr());
  mlir::Block *body = new mlir::Block();
  op.getBody().push_back(body);
  mlir::OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(body);
  emitBlock(scope.body);
  tile::YieldOp::create(builder, loc(scope.loc));
}

} // namespace tilec::frontend
