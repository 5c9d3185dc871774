//===- TaskBuilder.cpp - building one ascend.task and its launch ---------===//
#include "compiler/conversion/TaskBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/MapVector.h"

#include <utility>

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

MatrixShape MatrixShape::of(ArrayRef<int64_t> shape) {
  MatrixShape matrix;
  if (shape.empty())
    return matrix;
  matrix.cols = shape.back();
  for (int64_t dim : shape.drop_back())
    matrix.rows *= dim;
  return matrix;
}

/// Two index values that are the same SSA value, equal constants, or the
/// same pure arithmetic on such values (the lowering clones offset
/// computations to place results early).
static bool sameOffset(Value a, Value b) {
  if (a == b)
    return true;
  APInt x, y;
  if (matchPattern(a, m_ConstantInt(&x)) && matchPattern(b, m_ConstantInt(&y)))
    return x == y;
  Operation *defA = a.getDefiningOp(), *defB = b.getDefiningOp();
  if (!defA || !defB || !isPure(defA) || defA->getName() != defB->getName() ||
      defA->getAttrDictionary() != defB->getAttrDictionary() ||
      defA->getNumOperands() != defB->getNumOperands() ||
      cast<OpResult>(a).getResultNumber() != cast<OpResult>(b).getResultNumber())
    return false;
  return llvm::all_of(llvm::zip(defA->getOperands(), defB->getOperands()), [](auto pair) {
    return sameOffset(std::get<0>(pair), std::get<1>(pair));
  });
}

bool GmLocation::operator==(const GmLocation &other) const {
  if (buffer != other.buffer || rowDim != other.rowDim || !(shape == other.shape) ||
      offsets.size() != other.offsets.size())
    return false;
  return llvm::all_of(llvm::zip(offsets, other.offsets),
                      [&](auto pair) { return sameOffset(std::get<0>(pair), std::get<1>(pair)); });
}

TaskBuilder::TaskBuilder(MLIRContext *context, Location loc, ascend::CoreType core)
    : loc(loc), core(core), block(std::make_unique<Block>()), bodyBuilder(context),
      allocBuilder(context) {
  allocBuilder.setInsertionPointToStart(block.get());
  // Allocations go first, everything else after them in program order.
  auto anchor = ascend::BlockIdxOp::create(allocBuilder, loc, allocBuilder.getIndexType());
  bodyBuilder.setInsertionPointToEnd(block.get());
  allocBuilder.setInsertionPoint(anchor);
}

TaskBuilder::~TaskBuilder() = default;

Value TaskBuilder::addArgument(Value hostValue) {
  auto [it, inserted] = argumentOf.try_emplace(hostValue, Value());
  if (inserted) {
    it->second = block->addArgument(hostValue.getType(), hostValue.getLoc());
    hostArguments.push_back(hostValue);
  }
  return it->second;
}

TaskGlobal TaskBuilder::addGlobal(const GmLocation &location) {
  TaskGlobal global;
  global.buffer = addArgument(location.buffer);
  for (Value offset : location.offsets) {
    // Constant offsets are rebuilt inside the task rather than passed.
    if (auto constant = offset.getDefiningOp<arith::ConstantIndexOp>())
      global.offsets.push_back(constantIndex(constant.value()));
    else
      global.offsets.push_back(addArgument(offset));
  }
  global.rowDim = location.rowDim;
  global.shape = location.shape;
  return global;
}

Value TaskBuilder::addScalar(Value hostValue) { return addArgument(hostValue); }

void TaskBuilder::addArguments(ArrayRef<Value> hostValues) {
  for (Value hostValue : hostValues)
    addArgument(hostValue);
}

Value TaskBuilder::allocTile(int64_t rows, int64_t cols, Type elementType,
                             ascend::MemorySpace space, ascend::FractalLayout layout) {
  auto type = ascend::TileBufferType::get(elementType.getContext(), {rows, cols}, elementType,
                                          space, layout);
  IntegerAttr stageAttr = stage ? allocBuilder.getI64IntegerAttr(*stage) : IntegerAttr();
  return ascend::AllocOp::create(allocBuilder, loc, type, IntegerAttr(), stageAttr);
}

Value TaskBuilder::constantIndex(int64_t value) {
  return arith::ConstantIndexOp::create(allocBuilder, loc, value);
}

void TaskBuilder::access(Value tile, const TaskGlobal &global, Value row, Value col,
                         bool isLoad, bool transposed, Value tokenRow) {
  auto tileType = cast<ascend::TileBufferType>(tile.getType());
  auto bufferType = cast<ascend::GlobalTensorType>(global.buffer.getType());
  int64_t rank = bufferType.getRank();
  SmallVector<Value> offsets(global.offsets);
  auto add = [&](unsigned dim, Value delta) {
    offsets[dim] = arith::AddIOp::create(bodyBuilder, loc, offsets[dim], delta);
  };
  if (global.rowDim >= 0)
    add(global.rowDim, row);
  add(rank - 1, col);
  // Rows along a dimension other than the second-to-last need an explicit window.
  DenseI64ArrayAttr window;
  if (global.rowDim >= 0 && global.rowDim != rank - 2) {
    SmallVector<int64_t> extents(rank - 1, 1);
    extents[global.rowDim] = tileType.getRows();
    window = bodyBuilder.getDenseI64ArrayAttr(extents);
  }
  // The rows of a partial chunk present: min(token rows - its first, tile rows).
  Value validRows;
  if (tokenRow && tokenRowsArg)
    validRows = arith::MinSIOp::create(
        bodyBuilder, loc, arith::SubIOp::create(bodyBuilder, loc, tokenRowsArg, tokenRow),
        constantIndex(tileType.getRows()));
  if (isLoad)
    ascend::TLoadOp::create(bodyBuilder, loc, tile, global.buffer, offsets, validRows, window,
                            transposed);
  else
    ascend::TStoreOp::create(bodyBuilder, loc, global.buffer, offsets, tile, validRows, window);
}

void TaskBuilder::load(Value tile, const TaskGlobal &global, Value row, Value col,
                       Value tokenRow) {
  access(tile, global, row, col, /*isLoad=*/true, /*transposed=*/false, tokenRow);
}

void TaskBuilder::loadTransposed(Value tile, const TaskGlobal &global, Value row, Value col) {
  access(tile, global, row, col, /*isLoad=*/true, /*transposed=*/true);
}

void TaskBuilder::store(const TaskGlobal &global, Value row, Value col, Value tile,
                        Value tokenRow) {
  access(tile, global, row, col, /*isLoad=*/false, /*transposed=*/false, tokenRow);
}

std::pair<Value, Value> TaskBuilder::chunkOrigin(Value item, int64_t colChunks, int64_t rows,
                                                int64_t cols) {
  OpBuilder &b = bodyBuilder;
  Value perRow = constantIndex(colChunks);
  Value row = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, item, perRow),
                                    constantIndex(rows));
  Value col = arith::MulIOp::create(b, loc, arith::RemUIOp::create(b, loc, item, perRow),
                                    constantIndex(cols));
  return {row, col};
}

void TaskBuilder::forEachWorkItem(int64_t items, const std::function<void(Value)> &body) {
  forEachItemUpTo(constantIndex(items), body);
}

void TaskBuilder::setTokenRows(Value hostRows) {
  hostTokenRows = hostRows;
  tokenRowsArg = hostRows ? addArgument(hostRows) : Value();
}

void TaskBuilder::forEachRowItem(int64_t rows, int64_t rowsPerItem, int64_t perRow,
                                 OpBuilder &host, const std::function<void(Value)> &body) {
  if (!hostTokenRows)
    return forEachWorkItem(rows / rowsPerItem * perRow, body);
  auto hostIndex = [&](int64_t value) {
    return arith::ConstantIndexOp::create(host, loc, value).getResult();
  };
  Value rounded = arith::AddIOp::create(host, loc, hostTokenRows, hostIndex(rowsPerItem - 1));
  Value items = arith::DivSIOp::create(host, loc, rounded, hostIndex(rowsPerItem));
  if (perRow != 1)
    items = arith::MulIOp::create(host, loc, items, hostIndex(perRow));
  hostItems = items;
  forEachItemUpTo(addArgument(items), body);
}

void TaskBuilder::forEachItemUpTo(Value end, const std::function<void(Value)> &body) {
  Value first = ascend::BlockIdxOp::create(bodyBuilder, loc, bodyBuilder.getIndexType());
  Value step = ascend::BlockDimOp::create(bodyBuilder, loc, bodyBuilder.getIndexType());
  auto loop = scf::ForOp::create(bodyBuilder, loc, first, end, step);
  OpBuilder::InsertionGuard guard(bodyBuilder);
  bodyBuilder.setInsertionPoint(loop.getBody()->getTerminator());
  Value outerEnd = std::exchange(itemsEndValue, end);
  body(loop.getInductionVar());
  itemsEndValue = outerEnd;
}

/// After a chunk's first partial transfer of R rows (tload/tstore `rows %n`),
/// every vector tile of R rows used later in its block computes on %n rows:
/// the rows past a run-time dim's value hold stale data.
static void setValidRowsOfChunks(Block &body) {
  llvm::MapVector<std::pair<Block *, int64_t>, Value> firstValidRows;
  body.walk([&](Operation *op) {
    Value validRows, tile;
    if (auto load = dyn_cast<ascend::TLoadOp>(op))
      std::tie(validRows, tile) = std::make_pair(load.getValidRows(), load.getDst());
    else if (auto store = dyn_cast<ascend::TStoreOp>(op))
      std::tie(validRows, tile) = std::make_pair(store.getValidRows(), store.getSrc());
    auto type = tile ? cast<ascend::TileBufferType>(tile.getType()) : nullptr;
    if (validRows && type.getSpace() == ascend::MemorySpace::ub)
      firstValidRows.insert({{op->getBlock(), type.getRows()}, validRows});
  });
  SmallVector<ascend::AllocOp> allocs(body.getOps<ascend::AllocOp>());
  for (auto [key, validRows] : firstValidRows) {
    auto [block, rows] = key;
    Operation *from = block->findAncestorOpInBlock(*validRows.getDefiningOp());
    OpBuilder builder = OpBuilder::atBlockBegin(block);
    if (from)
      builder.setInsertionPointAfter(from);
    for (ascend::AllocOp alloc : allocs) {
      ascend::TileBufferType type = alloc.getType();
      if (type.getSpace() != ascend::MemorySpace::ub || type.getRows() != rows)
        continue;
      bool usedAfter = llvm::any_of(alloc->getUsers(), [&](Operation *user) {
        Operation *ancestor = block->findAncestorOpInBlock(*user);
        return ancestor && (!from || from->isBeforeInBlock(ancestor));
      });
      if (usedAfter)
        ascend::SetValidRowsOp::create(builder, alloc.getLoc(), alloc.getResult(), validRows);
    }
  }
}

ascend::TaskOp TaskBuilder::finish(ModuleOp module, StringRef name, OpBuilder &host,
                                   int64_t blocks) {
  ascend::TaskOp task = finishTask(module, name, host);
  ascend::LaunchOp::create(host, loc, task.getSymName(), hostArguments, uint64_t(blocks));
  return task;
}

ascend::TaskOp TaskBuilder::finishTask(ModuleOp module, StringRef name, OpBuilder &host) {
  if (tokenRowsArg)
    setValidRowsOfChunks(*block);
  // The anchor only fixed where allocations go.
  Operation *anchor = allocBuilder.getInsertionPoint() != block->end()
                          ? &*allocBuilder.getInsertionPoint()
                          : nullptr;
  if (anchor && anchor->use_empty())
    anchor->erase();
  bodyBuilder.setInsertionPointToEnd(block.get());
  ascend::ReturnOp::create(bodyBuilder, loc);

  SmallVector<Type> argTypes(block->getArgumentTypes());
  auto type = FunctionType::get(module.getContext(), argTypes, {});
  // The task is created with the host's listener: a conversion tracks it.
  OpBuilder moduleBuilder(module.getContext(), host.getListener());
  moduleBuilder.setInsertionPointToEnd(module.getBody());
  auto task = ascend::TaskOp::create(moduleBuilder, loc, moduleBuilder.getStringAttr(name),
                                     TypeAttr::get(type),
                                     ascend::CoreTypeAttr::get(module.getContext(), core),
                                     ArrayAttr(), ArrayAttr());
  task.getBody().push_back(block.release());
  SymbolTable(module).insert(task); // renames on collision, deterministically
  return task;
}
