//===- VectorTasks.cpp - tile ops as AIV tasks over UB chunks -------------===//
//
// Each task walks its result in chunks of rows × cols that fit UB, spread
// over the vector cores: load the operands' chunks, convert bf16/f16 to f32
// (a2a3 has no bf16 arithmetic), run the instructions, convert back, store.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/TaskBuilder.h"
#include "compiler/conversion/TaskLowering.h"
#include "compiler/transforms/CastChain.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;
using ascend::MemorySpace;

namespace {

Type mlirTypeOf(MLIRContext *context, DType dtype) {
  Builder b(context);
  switch (dtype) {
  case DType::BF16: return b.getBF16Type();
  case DType::F16: return b.getF16Type();
  case DType::F32: return b.getF32Type();
  case DType::I8: return b.getI8Type();
  case DType::U8: return b.getIntegerType(8, /*isSigned=*/false);
  case DType::I16: return b.getI16Type();
  case DType::I32: return b.getI32Type();
  case DType::I64: return b.getI64Type();
  }
  llvm_unreachable("every DType has an MLIR type");
}

/// How an operand's chunk relates to the result's chunk.
enum class Role { Full, RowVector, ColVector, Scalar };

Role roleOf(const TaskOperand &operand, MatrixShape result) {
  if (!operand.global)
    return Role::Scalar;
  MatrixShape shape = operand.global->shape;
  if (shape == result)
    return Role::Full;
  if (shape.rows == result.rows && shape.cols == 1)
    return Role::RowVector;
  return Role::ColVector;
}

enum class BinaryKind { Add, Sub, Mul, Div, Max, Min };

std::optional<BinaryKind> binaryKindOf(Operation *op) {
  return TypeSwitch<Operation *, std::optional<BinaryKind>>(op)
      .Case([](tile::AddOp) { return BinaryKind::Add; })
      .Case([](tile::SubOp) { return BinaryKind::Sub; })
      .Case([](tile::MulOp) { return BinaryKind::Mul; })
      .Case([](tile::DivOp) { return BinaryKind::Div; })
      .Case([](tile::MaxOp) { return BinaryKind::Max; })
      .Case([](tile::MinOp) { return BinaryKind::Min; })
      .Default([](Operation *) { return std::nullopt; });
}

bool isCommutative(BinaryKind kind) {
  return kind == BinaryKind::Add || kind == BinaryKind::Mul || kind == BinaryKind::Max ||
         kind == BinaryKind::Min;
}

/// Rows and columns of one chunk and how many chunks cover the result.
struct Chunking {
  int64_t rows, cols, rowChunks, colChunks;
};

/// Emits the instructions of one op on UB chunks.
class ChunkEmitter {
public:
  ChunkEmitter(TaskBuilder &task) : task(task), b(task.builder()), loc(task.getLoc()) {}

  Value alloc(int64_t rows, int64_t cols, Type type) {
    return task.allocTile(rows, cols, type, MemorySpace::ub);
  }

  static Type computeTypeOf(Type element) {
    if (isa<FloatType>(element))
      return Float32Type::get(element.getContext());
    return element;
  }

  /// bf16 and f16 become f32 for arithmetic; f32 and i32 stay.
  Value widen(Value tile) {
    auto type = cast<ascend::TileBufferType>(tile.getType());
    Type compute = computeTypeOf(type.getElementType());
    if (compute == type.getElementType())
      return tile;
    Value wide = alloc(type.getRows(), type.getCols(), compute);
    ascend::TCvtOp::create(b, loc, wide, tile, tile::RoundMode::none, nullptr);
    return wide;
  }

  /// Converts `tile` to `element` through the target's legal TCVT steps.
  FailureOr<Value> convert(Value tile, Type element, tile::RoundMode round,
                           tile::SaturationAttr sat, const target::TargetDescription &target) {
    auto type = cast<ascend::TileBufferType>(tile.getType());
    if (type.getElementType() == element)
      return tile;
    std::optional<DType> from = dtypeOf(type.getElementType()), to = dtypeOf(element);
    std::optional<CastChain> chain;
    if (from && to)
      chain = findCastChain(*from, *to, target);
    if (!chain)
      return emitError(loc) << "no conversion from " << type.getElementType() << " to "
                            << element << " on " << target.name;
    Value current = tile;
    for (DType step : chain->steps) {
      Value next = alloc(type.getRows(), type.getCols(), mlirTypeOf(element.getContext(), step));
      ascend::TCvtOp::create(b, loc, next, current, round, sat);
      current = next;
    }
    return current;
  }

  Value fill(int64_t rows, int64_t cols, Value scalar) {
    Value tile = alloc(rows, cols, scalar.getType());
    ascend::TExpandSOp::create(b, loc, tile, scalar);
    return tile;
  }

  /// A [rows, cols] tile holding a row vector [rows, 1] or column vector
  /// [1, cols] repeated across the other dimension.
  Value expand(Value vector, Role role, int64_t rows, int64_t cols) {
    auto type = cast<ascend::TileBufferType>(vector.getType());
    Value full = alloc(rows, cols, type.getElementType());
    if (role == Role::RowVector) {
      ascend::TRowExpandOp::create(b, loc, full, vector);
      return full;
    }
    Value zero = zeroOf(type.getElementType());
    ascend::TExpandSOp::create(b, loc, full, zero);
    ascend::TColExpandAddOp::create(b, loc, full, full, vector);
    return full;
  }

  Value zeroOf(Type element) {
    if (isa<FloatType>(element))
      return arith::ConstantOp::create(b, loc, b.getFloatAttr(element, 0.0));
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(element, 0));
  }

  /// dst = lhs ⊕ rhs where either side may be a per-row or per-column vector
  /// or a scalar (roles relative to the result chunk of rows × cols).
  Value binary(BinaryKind kind, Value lhs, Role lhsRole, Value rhs, Role rhsRole, int64_t rows,
               int64_t cols) {
    if (lhsRole != Role::Full && rhsRole == Role::Full && isCommutative(kind)) {
      std::swap(lhs, rhs);
      std::swap(lhsRole, rhsRole);
    }
    if (lhsRole == Role::Scalar) {
      // s - x == -(x - s) exactly; s / x needs the scalar as a tile.
      if (kind == BinaryKind::Sub) {
        Value diff = binary(kind, rhs, rhsRole, lhs, lhsRole, rows, cols);
        ascend::TNegOp::create(b, loc, diff, diff);
        return diff;
      }
      lhs = fill(rows, cols, lhs);
      lhsRole = Role::Full;
    } else if (lhsRole != Role::Full) {
      lhs = expand(lhs, lhsRole, rows, cols);
      lhsRole = Role::Full;
    }
    Type element = cast<ascend::TileBufferType>(lhs.getType()).getElementType();
    Value dst = alloc(rows, cols, element);
    bool hasExpandForm = kind != BinaryKind::Max && kind != BinaryKind::Min;
    if ((rhsRole == Role::RowVector || rhsRole == Role::ColVector) && !hasExpandForm) {
      rhs = expand(rhs, rhsRole, rows, cols);
      rhsRole = Role::Full;
    }
    switch (rhsRole) {
    case Role::Full:
      createFull(kind, dst, lhs, rhs);
      break;
    case Role::RowVector:
      createRowExpand(kind, dst, lhs, rhs);
      break;
    case Role::ColVector:
      createColExpand(kind, dst, lhs, rhs);
      break;
    case Role::Scalar:
      createScalar(kind, dst, lhs, rhs);
      break;
    }
    return dst;
  }

private:
  void createFull(BinaryKind kind, Value dst, Value lhs, Value rhs) {
    switch (kind) {
    case BinaryKind::Add: ascend::TAddOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Sub: ascend::TSubOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Mul: ascend::TMulOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Div: ascend::TDivOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Max: ascend::TMaxOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Min: ascend::TMinOp::create(b, loc, dst, lhs, rhs); return;
    }
  }
  void createRowExpand(BinaryKind kind, Value dst, Value lhs, Value rhs) {
    switch (kind) {
    case BinaryKind::Add: ascend::TRowExpandAddOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Sub: ascend::TRowExpandSubOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Mul: ascend::TRowExpandMulOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Div: ascend::TRowExpandDivOp::create(b, loc, dst, lhs, rhs); return;
    default: llvm_unreachable("max/min are expanded first");
    }
  }
  void createColExpand(BinaryKind kind, Value dst, Value lhs, Value rhs) {
    switch (kind) {
    case BinaryKind::Add: ascend::TColExpandAddOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Sub: ascend::TColExpandSubOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Mul: ascend::TColExpandMulOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Div: ascend::TColExpandDivOp::create(b, loc, dst, lhs, rhs); return;
    default: llvm_unreachable("max/min are expanded first");
    }
  }
  void createScalar(BinaryKind kind, Value dst, Value lhs, Value rhs) {
    switch (kind) {
    case BinaryKind::Add: ascend::TAddSOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Sub: ascend::TSubSOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Mul: ascend::TMulSOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Div: ascend::TDivSOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Max: ascend::TMaxSOp::create(b, loc, dst, lhs, rhs); return;
    case BinaryKind::Min: ascend::TMinSOp::create(b, loc, dst, lhs, rhs); return;
    }
  }

  TaskBuilder &task;
  OpBuilder &b;
  Location loc;
};

/// Unary float instructions, selected by op.
LogicalResult createUnary(OpBuilder &b, Location loc, Operation *op, Value dst, Value src) {
  return TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](tile::NegOp) { return ascend::TNegOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::AbsOp) { return ascend::TAbsOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::ExpOp) { return ascend::TExpOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::LogOp) { return ascend::TLogOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::SqrtOp) { return ascend::TSqrtOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::RsqrtOp) { return ascend::TRsqrtOp::create(b, loc, dst, src), success(); })
      .Case([&](tile::RecipOp) { return ascend::TRecipOp::create(b, loc, dst, src), success(); })
      .Default([](Operation *op) { return op->emitOpError("is not a unary vector op"); });
}

/// Reductions keep their reduced dimension in one chunk.
bool reducesRows(Operation *op) {
  return isa<tile::RowSumOp, tile::RowMaxOp, tile::RowMinOp, tile::GatherOp>(op);
}
bool reducesCols(Operation *op) { return isa<tile::ColSumOp, tile::ColMaxOp, tile::ColMinOp>(op); }

/// Picks chunk sizes whose tiles fit UB and that give every vector core work.
FailureOr<Chunking> chooseChunking(Operation *op, MatrixShape result, MatrixShape widest,
                                   unsigned tensorOperands,
                                   const target::TargetDescription &target) {
  uint64_t capacity = target.capacityOf(target::MemSpace::UB);
  // Every tensor operand may need its stored and its f32 copy, plus the
  // result's, a scratch tile and one expansion: a conservative live set.
  uint64_t tilesPerChunk = 2 * tensorOperands + 4;
  bool fullRows = reducesRows(op), fullCols = reducesCols(op);
  int64_t cols = fullRows ? widest.cols : largestDivisorAtMost(widest.cols, 4096);
  auto rowBytes = [&](int64_t c) {
    int64_t padded = (c + 7) / 8 * 8; // f32 rows padded to 32 bytes
    return uint64_t(padded) * 4 * tilesPerChunk;
  };
  if (rowBytes(cols) > capacity)
    return op->emitOpError("needs whole rows of ")
           << widest.cols << " elements in UB (" << rowBytes(cols) << " bytes per row for "
           << tilesPerChunk << " tiles), but UB holds " << capacity
           << " bytes; split the columns (e.g. reshape into more, shorter rows)";
  int64_t colChunks = widest.cols / cols;
  int64_t maxRows = int64_t(capacity / rowBytes(cols));
  int64_t rows = fullCols ? result.rows : largestDivisorAtMost(widest.rows, maxRows);
  if (fullCols && rows > maxRows)
    return op->emitOpError("needs whole columns of ") << widest.rows << " rows in UB";
  // Prefer enough chunks for every vector core over bigger chunks, down to
  // chunks of about 8 KiB (smaller transfers waste the GM bandwidth).
  constexpr int64_t kMinChunkBytes = 8 * 1024;
  while (!fullCols && rows > 1 && (widest.rows / rows) * colChunks < target.vectorCores &&
         (rows / 2) * cols * 4 >= kMinChunkBytes) {
    int64_t smaller = largestDivisorAtMost(widest.rows, rows - 1);
    if (smaller == rows)
      break;
    rows = smaller;
  }
  return Chunking{rows, cols, widest.rows / rows, colChunks};
}

} // namespace

LogicalResult tilec::conversion::lowerVectorOp(Operation *op, ArrayRef<TaskOperand> operands,
                                               const GmLocation &result,
                                               TaskContext &context) {
  Location loc = op->getLoc();
  MatrixShape resultShape = result.shape;
  // Reductions and gathers iterate over their (wider) source.
  MatrixShape widest = resultShape;
  if (reducesRows(op) || reducesCols(op))
    widest = operands[0].global->shape;
  unsigned tensorOperands = llvm::count_if(operands, [](auto &o) { return o.global.has_value(); });
  FailureOr<Chunking> chunking =
      chooseChunking(op, resultShape, widest, tensorOperands, context.target);
  if (failed(chunking))
    return failure();

  TaskBuilder task(op->getContext(), loc, ascend::CoreType::aiv);
  ChunkEmitter emit(task);
  OpBuilder &b = task.builder();
  SmallVector<TaskGlobal> globals;
  SmallVector<Value> scalars;
  for (const TaskOperand &operand : operands) {
    globals.push_back(operand.global ? task.addGlobal(*operand.global) : TaskGlobal());
    scalars.push_back(operand.scalar ? task.addScalar(operand.scalar) : Value());
  }
  TaskGlobal out = task.addGlobal(result);
  Type resultElement = cast<RankedTensorType>(op->getResult(0).getType()).getElementType();
  const Chunking chunk = *chunking;
  LogicalResult status = success();

  task.forEachWorkItem(chunk.rowChunks * chunk.colChunks, [&](Value item) {
    Value colChunks = task.constantIndex(chunk.colChunks);
    Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, colChunks),
                                      task.constantIndex(chunk.rows));
    Value col = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, colChunks),
                                      task.constantIndex(chunk.cols));
    Value zero = task.constantIndex(0);

    // The chunk of operand i in its stored element type: a rows × cols window
    // at (row, col), or the matching slice of a per-row / per-column vector.
    auto loadChunk = [&](unsigned i, Role role, int64_t rows, int64_t cols) -> Value {
      if (role == Role::Scalar)
        return scalars[i];
      if (role == Role::RowVector)
        cols = 1;
      if (role == Role::ColVector)
        rows = 1;
      Type element = operands[i].global->getBufferType().getElementType();
      Value tile = emit.alloc(rows, cols, element);
      task.load(tile, globals[i], role == Role::ColVector ? zero : row,
                role == Role::RowVector ? zero : col);
      return tile;
    };
    auto loadLike = [&](unsigned i, int64_t rows, int64_t cols) {
      return loadChunk(i, roleOf(operands[i], resultShape), rows, cols);
    };

    int64_t outRows = resultShape.rows == 1 ? 1 : chunk.rows;
    int64_t outCols = resultShape.cols == 1 ? 1 : chunk.cols;
    if (reducesRows(op))
      outCols = resultShape.cols;
    FailureOr<Value> value = failure();
    if (auto kind = binaryKindOf(op)) {
      Role lhsRole = roleOf(operands[0], resultShape), rhsRole = roleOf(operands[1], resultShape);
      Value lhs = loadChunk(0, lhsRole, outRows, outCols);
      Value rhs = loadChunk(1, rhsRole, outRows, outCols);
      value = emit.binary(*kind, operands[0].global ? emit.widen(lhs) : lhs, lhsRole,
                          operands[1].global ? emit.widen(rhs) : rhs, rhsRole, outRows, outCols);
    } else if (auto castOp = dyn_cast<tile::CastOp>(op)) {
      Value source = loadLike(0, outRows, outCols);
      value = emit.convert(source, resultElement, castOp.getRound(), castOp.getSatAttr(),
                           context.target);
    } else if (isa<tile::RowSumOp, tile::RowMaxOp, tile::RowMinOp>(op)) {
      Value source = emit.widen(loadChunk(0, Role::Full, chunk.rows, widest.cols));
      auto type = cast<ascend::TileBufferType>(source.getType());
      Value dst = emit.alloc(chunk.rows, 1, type.getElementType());
      Value tmp = emit.alloc(chunk.rows, widest.cols, type.getElementType());
      if (isa<tile::RowSumOp>(op))
        ascend::TRowSumOp::create(b, loc, dst, source, tmp);
      else if (isa<tile::RowMaxOp>(op))
        ascend::TRowMaxOp::create(b, loc, dst, source, tmp);
      else
        ascend::TRowMinOp::create(b, loc, dst, source, tmp);
      value = dst;
    } else if (isa<tile::ColSumOp, tile::ColMaxOp, tile::ColMinOp>(op)) {
      Value source = emit.widen(loadChunk(0, Role::Full, widest.rows, chunk.cols));
      auto type = cast<ascend::TileBufferType>(source.getType());
      Value dst = emit.alloc(1, chunk.cols, type.getElementType());
      if (isa<tile::ColSumOp>(op))
        ascend::TColSumOp::create(b, loc, dst, source);
      else if (isa<tile::ColMaxOp>(op))
        ascend::TColMaxOp::create(b, loc, dst, source);
      else
        ascend::TColMinOp::create(b, loc, dst, source);
      value = dst;
    } else if (isa<tile::BroadcastOp>(op)) {
      Role role = roleOf(operands[0], resultShape);
      Value source = emit.widen(loadChunk(0, role, outRows, outCols));
      value = role == Role::Full ? source : emit.expand(source, role, outRows, outCols);
    } else if (auto full = dyn_cast<tile::FullOp>(op)) {
      Type compute = ChunkEmitter::computeTypeOf(resultElement);
      Attribute fillValue = full.getValue();
      if (auto floatValue = dyn_cast<FloatAttr>(fillValue))
        fillValue = b.getFloatAttr(compute, floatValue.getValueAsDouble());
      else
        fillValue = b.getIntegerAttr(compute, cast<IntegerAttr>(fillValue).getInt());
      Value scalar = arith::ConstantOp::create(b, loc, cast<TypedAttr>(fillValue));
      value = emit.fill(outRows, outCols, scalar);
    } else if (auto gather = dyn_cast<tile::GatherOp>(op)) {
      Value source = loadChunk(0, Role::Full, chunk.rows, widest.cols);
      auto type = cast<ascend::TileBufferType>(source.getType());
      Value dst = emit.alloc(chunk.rows, widest.cols / 2, type.getElementType());
      ascend::TGatherOp::create(b, loc, dst, source, gather.getPatternAttr());
      value = dst;
    } else if (op->getNumOperands() == 1 && isa<FloatType>(resultElement)) {
      Value source = emit.widen(loadLike(0, outRows, outCols));
      auto type = cast<ascend::TileBufferType>(source.getType());
      Value dst = emit.alloc(outRows, outCols, type.getElementType());
      if (succeeded(createUnary(b, loc, op, dst, source)))
        value = dst;
    } else {
      op->emitOpError("has no vector lowering");
    }
    if (failed(value)) {
      status = failure();
      return;
    }
    // Back to the stored element type: arithmetic results round to nearest even.
    FailureOr<Value> stored =
        emit.convert(*value, resultElement, tile::RoundMode::rint, nullptr, context.target);
    if (failed(stored)) {
      status = failure();
      return;
    }
    task.store(out, row, reducesRows(op) ? zero : col, *stored);
  });
  if (failed(status))
    return failure();
  int64_t blocks = std::min<int64_t>(chunk.rowChunks * chunk.colChunks, context.target.vectorCores);
  task.finish(context.module, context.name, context.host, blocks);
  return success();
}
