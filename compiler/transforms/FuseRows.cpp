//===- FuseRows.cpp - group row-wise chains into vector scopes ------------===//
//
// Walks each block in program order and grows groups of row-wise ops
// (RowFusion.h) along their def-use edges. An op joins the group of a
// producer only if no op outside the group uses the group's values before
// it: the group then moves, in order, to the position of its last op as one
// `tile.scope` whose results are the values used outside. A group needs two
// ops or more, one of them computing (not just a view). A compare goes with
// the select reading its mask (tile-sink-compares), never alone.
//
// A scope the user wrote (`scope "name" on vector { ... }`) is kept as it is
// written, with its loads moved in front and its stores after it so that it
// can run in token chunks too; with `tokens=N` every op in it must be
// row-wise, and N must divide its token rows.
//
//===----------------------------------------------------------------------===//
#include "compiler/transforms/Passes.h"
#include "compiler/transforms/RowFusion.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringSet.h"

namespace tilec {
#define GEN_PASS_DEF_TILEFUSEROWS
#include "compiler/transforms/Passes.h.inc"
} // namespace tilec

using namespace mlir;
using namespace tilec;

namespace {

/// The row-wise groups of one block.
class BlockFusion {
public:
  explicit BlockFusion(Block &block) : block(block) {
    unsigned position = 0;
    for (Operation &op : block)
      positionOf[&op] = position++;
  }

  void formGroups();
  void materialize(llvm::StringSet<> &names);

private:
  struct Group {
    SmallVector<Operation *> ops; ///< in program order
    int64_t rows = 1;
  };

  /// No op outside group `index` uses its values before position `before`
  /// (`joining`, which joins with the op at `before`, counts as inside).
  bool usesComeAfter(unsigned index, unsigned before, Operation *joining) {
    for (Operation *member : groups[index].ops)
      for (Operation *user : member->getUsers()) {
        Operation *ancestor = block.findAncestorOpInBlock(*user);
        auto group = groupOf.find(ancestor);
        bool outside = ancestor != joining && (group == groupOf.end() || group->second != index);
        if (outside && positionOf.lookup(ancestor) < before)
          return false;
      }
    return true;
  }

  Block &block;
  llvm::DenseMap<Operation *, unsigned> positionOf;
  llvm::DenseMap<Operation *, unsigned> groupOf; ///< op → index into groups
  SmallVector<Group> groups;
};

/// The compare computing a select's mask (tile-sink-compares placed it right
/// before the select, its only reader): it goes into the select's group.
tile::CmpOp maskCompareOf(Operation &op) {
  auto select = dyn_cast<tile::SelectOp>(op);
  auto compare = select ? select.getMask().getDefiningOp<tile::CmpOp>() : tile::CmpOp();
  return compare && compare->getBlock() == op.getBlock() ? compare : tile::CmpOp();
}

void BlockFusion::formGroups() {
  for (Operation &op : block) {
    std::optional<int64_t> rows = rowfusion::rowWiseRows(&op);
    // A mask is never a group's result: its compare joins its select's group.
    if (!rows || isa<tile::CmpOp>(op))
      continue;
    unsigned position = positionOf.lookup(&op);
    tile::CmpOp compare = maskCompareOf(op);
    SmallVector<Value> reads(op.getOperands());
    if (compare)
      reads.append(compare->operand_begin(), compare->operand_end());
    // The groups of this op's producers it may join.
    SmallVector<unsigned> joined;
    for (Value operand : reads) {
      Operation *producer = operand.getDefiningOp();
      if (!producer || producer->getBlock() != &block || !groupOf.count(producer))
        continue;
      unsigned index = groupOf.lookup(producer);
      int64_t groupRows = groups[index].rows;
      bool rowsAgree = groupRows == 1 || *rows == 1 || groupRows == *rows;
      if (rowsAgree && !llvm::is_contained(joined, index) &&
          usesComeAfter(index, position, compare))
        joined.push_back(index);
    }
    // Joined groups must agree with each other too.
    int64_t groupRows = *rows;
    SmallVector<unsigned> compatible;
    for (unsigned index : joined) {
      int64_t other = groups[index].rows;
      if (groupRows != 1 && other != 1 && other != groupRows)
        continue;
      groupRows = std::max(groupRows, other);
      compatible.push_back(index);
    }
    unsigned target;
    if (compatible.empty()) {
      target = groups.size();
      groups.emplace_back();
    } else {
      target = compatible.front();
      for (unsigned index : llvm::drop_begin(compatible)) {
        for (Operation *member : groups[index].ops) {
          groups[target].ops.push_back(member);
          groupOf[member] = target;
        }
        groups[index].ops.clear();
      }
      llvm::sort(groups[target].ops, [&](Operation *a, Operation *b) {
        return positionOf.lookup(a) < positionOf.lookup(b);
      });
    }
    if (compare) {
      groups[target].ops.push_back(compare);
      groupOf[compare] = target;
    }
    groups[target].ops.push_back(&op);
    groups[target].rows = std::max(groups[target].rows, groupRows);
    groupOf[&op] = target;
  }
}

/// A view changes where data is, not what it is: alone it is no reason for a task.
bool computes(Operation *op) { return !op->hasTrait<tile::kind::View>(); }

/// A vector scope right after `last`, yielding `exported` (the ops that
/// compute them are then moved in front of its yield), named after the .tile
/// line of `last` and made unique among `names`.
tile::ScopeOp fusedScopeAfter(Operation *last, ValueRange exported, llvm::StringSet<> &names) {
  OpBuilder builder(last->getContext());
  builder.setInsertionPointAfter(last);
  std::string base = "fused";
  if (auto fileLoc = dyn_cast<FileLineColLoc>(last->getLoc()))
    base += "_l" + std::to_string(fileLoc.getLine());
  std::string name = base;
  for (unsigned suffix = 1; !names.insert(name).second; ++suffix)
    name = base + "_" + std::to_string(suffix);
  auto scope = tile::ScopeOp::create(
      builder, last->getLoc(), exported.getTypes(), builder.getStringAttr(name),
      tile::CoreKindAttr::get(builder.getContext(), tile::CoreKind::vector), IntegerAttr(),
      UnitAttr());
  Block *body = new Block();
  scope.getBody().push_back(body);
  OpBuilder inside = OpBuilder::atBlockEnd(body);
  tile::YieldOp::create(inside, last->getLoc(), exported);
  return scope;
}

void BlockFusion::materialize(llvm::StringSet<> &names) {
  for (Group &group : groups) {
    if (group.ops.size() < 2 || llvm::none_of(group.ops, computes))
      continue;
    llvm::SmallPtrSet<Operation *, 16> members(group.ops.begin(), group.ops.end());
    // The values used outside the group become the scope's results.
    SmallVector<Value> exported;
    for (Operation *member : group.ops)
      for (Value result : member->getResults())
        if (llvm::any_of(result.getUsers(), [&](Operation *user) {
              return !members.contains(block.findAncestorOpInBlock(*user));
            }))
          exported.push_back(result);
    // A value of a single row in a group over many rows would be computed
    // once per task, not per chunk: leave such groups unfused.
    if (llvm::any_of(exported, [&](Value v) { return rowfusion::rowsOf(v) != group.rows; }))
      continue;
    Operation *last = group.ops.back();
    tile::ScopeOp scope = fusedScopeAfter(last, exported, names);
    Block *body = &scope.getBody().front();
    for (Operation *member : group.ops)
      member->moveBefore(body->getTerminator());
    for (auto [value, result] : llvm::zip(exported, scope.getResults()))
      value.replaceUsesWithIf(result, [&](OpOperand &use) {
        return !scope->isProperAncestor(use.getOwner());
      });
  }
}

/// Defined outside `scope` (or not a value of it at all).
bool isOutside(Value value, tile::ScopeOp scope) {
  Operation *def = value.getDefiningOp();
  Region *region = value.getParentRegion();
  return def ? !scope->isProperAncestor(def) : !scope->isAncestor(region->getParentOp());
}

/// A user's vector scope exchanges data through global tensors. Its loads
/// move in front of it and its stores after it, the stored values becoming
/// its results, so it can run as one task over token chunks like a fused
/// group; a loop that runs on chip (rowfusion::rowWiseLoopRows) stays inside
/// with its own loads and stores. Scopes whose loads read what they store
/// stay as they are.
tile::ScopeOp openUserScope(tile::ScopeOp scope) {
  if (scope.getCore() != tile::CoreKind::vector || scope.getNumResults() != 0)
    return scope;
  Block &body = scope.getBody().front();
  SmallVector<tile::LoadOp> loads;
  SmallVector<tile::StoreOp> stores;
  for (Operation &op : body.without_terminator()) {
    if (auto load = dyn_cast<tile::LoadOp>(op)) {
      if (!llvm::all_of(load->getOperands(), [&](Value v) { return isOutside(v, scope); }))
        return scope;
      loads.push_back(load);
    } else if (auto store = dyn_cast<tile::StoreOp>(op)) {
      if (!isOutside(store.getDest(), scope) ||
          !llvm::all_of(store.getOffsets(), [&](Value v) { return isOutside(v, scope); }))
        return scope;
      stores.push_back(store);
    } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
      if (!rowfusion::rowWiseLoopRows(loop))
        return scope;
    } else if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op)) {
      return scope;
    }
  }
  if (rowfusion::loadsWhatItStores(scope))
    return scope;
  for (tile::LoadOp load : loads)
    load->moveBefore(scope);
  SmallVector<Value> stored = llvm::map_to_vector(stores, [](tile::StoreOp store) -> Value {
    return store.getValue();
  });
  OpBuilder builder(scope);
  auto opened = tile::ScopeOp::create(builder, scope.getLoc(), ValueRange(stored).getTypes(),
                                      scope.getNameAttr(), scope.getCoreAttr(),
                                      scope.getTokensAttr(), scope.getDeclaredAttr());
  opened.getBody().takeBody(scope.getBody());
  Block &openedBody = opened.getBody().front();
  openedBody.getTerminator()->erase();
  OpBuilder atEnd = OpBuilder::atBlockEnd(&openedBody);
  tile::YieldOp::create(atEnd, scope.getLoc(), stored);
  builder.setInsertionPointAfter(opened);
  for (auto [store, result] : llvm::zip(stores, opened.getResults())) {
    tile::StoreOp::create(builder, store.getLoc(), result, store.getDest(), store.getOffsets());
    store.erase();
  }
  scope.erase();
  return opened;
}

/// The token rows of `op` of a scope if it can run in a chunked task.
std::optional<int64_t> chunkedRows(Operation &op) {
  auto loop = dyn_cast<scf::ForOp>(op);
  return loop ? rowfusion::rowWiseLoopRows(loop) : rowfusion::rowWiseRows(&op);
}

/// Why an op keeps a user's vector scope from running as one task over
/// chunks of token rows (of `tokens` rows when the user set them).
void explainNotRowWise(Operation *op, tile::ScopeOp scope) {
  InFlightDiagnostic diag = op->emitOpError();
  auto reduction = dyn_cast<tile::ReductionOpInterface>(op);
  if (reduction && reduction.getReductionAxis() == tile::ReductionAxis::col)
    diag << "reduces across token rows";
  else if (std::optional<int64_t> column = rowfusion::misalignedWindowColumn(op))
    diag << "has a window at column " << *column
         << ", which does not start a 32-byte block (a UB window moves in whole blocks)";
  else if (isa<scf::ForOp>(op))
    diag << "does not run on chip (its body must be row-wise ops, index arithmetic and "
            "loads and stores of global tensor windows that keep every row, and it must not "
            "load a tensor it stores)";
  else if (isa<tile::LoadOp, tile::StoreOp>(op))
    diag << "reads or writes global memory inside the scope (it reads a tensor the scope "
            "writes, or its offsets are computed in the scope)";
  else
    diag << "does not compute each token row from the same rows of its operands";
  if (std::optional<uint64_t> tokens = scope.getTokens()) {
    diag << ", so scope '" << scope.getName() << "' cannot run in chunks of " << *tokens
         << " token rows; move it out of the scope or drop 'tokens'";
    diag.attachNote(scope.getLoc()) << "the token chunk is set here";
  } else {
    diag << ", so scope '" << scope.getName()
         << "' cannot run as one vector task; move it out of the scope";
    diag.attachNote(scope.getLoc()) << "the scope is pinned to the vector cores here";
  }
}

/// Checks that a user's vector scope runs as one task over token chunks (of
/// the rows it sets, which must divide its token rows): a scope's promise.
LogicalResult checkOneTask(tile::ScopeOp scope) {
  if (scope.getCore() != tile::CoreKind::vector)
    return success();
  std::optional<uint64_t> tokens = scope.getTokens();
  if (std::optional<int64_t> rows = rowfusion::fusedScopeRows(scope)) {
    if (!tokens || *rows % int64_t(*tokens) == 0)
      return success();
    return scope.emitOpError("chunks of ")
           << *tokens << " token rows do not divide its " << *rows
           << " token rows; pick a divisor";
  }
  int64_t rows = 1;
  Block &body = scope.getBody().front();
  for (Operation &op : body.without_terminator())
    if (std::optional<int64_t> opRows = chunkedRows(op))
      rows = std::max(rows, *opRows);
  // A load of what the scope stores kept the scope from opening (openUserScope).
  llvm::SmallPtrSet<Value, 4> stored;
  scope.walk([&](tile::StoreOp store) { stored.insert(store.getDest()); });
  for (Operation &op : body.without_terminator()) {
    auto load = dyn_cast<tile::LoadOp>(op);
    if (load && stored.contains(load.getSource())) {
      explainNotRowWise(&op, scope);
      return failure();
    }
  }
  for (Operation &op : body.without_terminator()) {
    std::optional<int64_t> opRows = chunkedRows(op);
    if (!opRows || (*opRows != 1 && *opRows != rows)) {
      explainNotRowWise(&op, scope);
      return failure();
    }
  }
  return scope.emitOpError(tokens ? "cannot run in token chunks" : "cannot run as one vector task")
         << ": its results must have the token rows";
}

/// Moves the scalar constants inside `op` in front of it: a task takes a
/// scalar from outside as an argument, and builds index constants itself.
void hoistConstants(Operation *op) {
  SmallVector<Operation *> constants;
  op->walk([&](Operation *nested) {
    if (nested != op && nested->hasTrait<OpTrait::ConstantLike>() &&
        nested->getNumResults() == 1 && !isa<ShapedType>(nested->getResult(0).getType()))
      constants.push_back(nested);
  });
  for (Operation *constant : constants)
    constant->moveBefore(op);
}

/// Spells each one-column update at a run-time column in the loops of `scope`
/// (rowfusion::isColumnUpdate) as a select at that column: where the column
/// positions, a row computed once before the scope's loop, equal the offset,
/// the column; elsewhere the tensor. A UB window cannot start at any column;
/// a select writes the same values.
void spellColumnUpdates(tile::ScopeOp scope) {
  SmallVector<tile::InsertOp> updates;
  scope.walk([&](tile::InsertOp insert) {
    if (insert->getParentOfType<scf::ForOp>() && rowfusion::isColumnUpdate(insert))
      updates.push_back(insert);
  });
  for (tile::InsertOp insert : updates) {
    Location loc = insert.getLoc();
    auto type = insert.getType();
    int64_t cols = type.getShape().back();
    OpBuilder builder(scope.getBody().front().findAncestorOpInBlock(*insert));
    Type i32 = builder.getI32Type();
    Value positions = tile::IotaOp::create(builder, loc, RankedTensorType::get({1, cols}, i32));
    builder.setInsertionPoint(insert);
    Value column = arith::IndexCastOp::create(builder, loc, i32, insert.getOffsets().back());
    Value mask = tile::CmpOp::create(builder, loc,
                                     RankedTensorType::get({1, cols}, builder.getI1Type()),
                                     positions, column, tile::CmpPredicate::eq);
    auto select = tile::SelectOp::create(builder, loc, type, mask, insert.getSource(),
                                         insert.getDest());
    insert.replaceAllUsesWith(select.getResult());
    insert.erase();
  }
}

/// Moves into the loop's scope, in front of the loop, the row-wise ops of the
/// scope's block that compute its carried tensors' first values (a running
/// maximum's -inf, a sum's zeros) and that nothing else reads: they then run
/// in UB too, not as tasks of their own.
void pullInProducers(scf::ForOp loop) {
  auto scope = cast<tile::ScopeOp>(loop->getParentOp());
  llvm::DenseMap<Operation *, unsigned> position;
  for (Operation &op : *scope->getBlock())
    position[&op] = position.size();
  SmallVector<Operation *> moved;
  SmallVector<Value> worklist(loop.getInitArgs());
  while (!worklist.empty()) {
    Operation *producer = worklist.pop_back_val().getDefiningOp();
    if (!producer || producer->getBlock() != scope->getBlock() ||
        !rowfusion::rowWiseRows(producer) || isa<tile::CmpOp>(producer) ||
        !llvm::all_of(producer->getUsers(),
                      [&](Operation *user) { return scope->isProperAncestor(user); }))
      continue;
    producer->moveBefore(loop);
    moved.push_back(producer);
    for (Value operand : producer->getOperands())
      if (isa<RankedTensorType>(operand.getType()))
        worklist.push_back(operand);
  }
  // In their program order.
  llvm::sort(moved, [&](Operation *a, Operation *b) { return position[a] < position[b]; });
  for (Operation *producer : moved)
    producer->moveBefore(loop);
}

/// Wraps each outermost loop that runs on chip (rowfusion::rowWiseLoopRows)
/// and is not in a scope yet in a vector scope of its own, named after its
/// .tile line, whose results are the carried tensors read after it: the loop
/// then runs inside one task, its carried tensors in UB.
void wrapRowWiseLoops(Operation *kernel, llvm::StringSet<> &names) {
  SmallVector<scf::ForOp> loops;
  kernel->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<tile::ScopeOp>(op))
      return WalkResult::skip();
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop)
      return WalkResult::advance();
    std::optional<int64_t> rows = rowfusion::rowWiseLoopRows(loop);
    // Carried tensors read after the loop leave it with the token rows.
    if (!rows || llvm::any_of(loop.getResults(), [&](Value result) {
          return !result.use_empty() && rowfusion::rowsOf(result) != *rows;
        }))
      return WalkResult::advance();
    loops.push_back(loop);
    return WalkResult::skip();
  });
  for (scf::ForOp loop : loops) {
    hoistConstants(loop);
    SmallVector<Value> exported;
    for (Value result : loop.getResults())
      if (!result.use_empty())
        exported.push_back(result);
    tile::ScopeOp scope = fusedScopeAfter(loop, exported, names);
    for (auto [value, result] : llvm::zip(exported, scope.getResults()))
      value.replaceUsesWithIf(result, [&](OpOperand &use) {
        return !scope->isProperAncestor(use.getOwner());
      });
    loop->moveBefore(scope.getBody().front().getTerminator());
    pullInProducers(loop);
    spellColumnUpdates(scope);
  }
}

struct TileFuseRows : tilec::impl::TileFuseRowsBase<TileFuseRows> {
  void runOnOperation() override {
    SmallVector<tile::ScopeOp> userScopes;
    getOperation()->walk([&](tile::ScopeOp scope) { userScopes.push_back(scope); });
    for (tile::ScopeOp scope : userScopes) {
      hoistConstants(scope);
      tile::ScopeOp opened = openUserScope(scope);
      if (failed(checkOneTask(opened)))
        return signalPassFailure();
      if (opened.getCore() == tile::CoreKind::vector)
        spellColumnUpdates(opened);
    }
    llvm::StringSet<> names;
    getOperation()->walk([&](tile::ScopeOp scope) { names.insert(scope.getName()); });
    wrapRowWiseLoops(getOperation(), names);
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *block) {
      if (!block->getParentOp()->getParentOfType<tile::ScopeOp>() &&
          !isa<tile::ScopeOp>(block->getParentOp()))
        blocks.push_back(block);
    });
    for (Block *block : blocks) {
      BlockFusion fusion(*block);
      fusion.formGroups();
      fusion.materialize(names);
    }
  }
};

} // namespace
