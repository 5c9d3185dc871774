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
    OpBuilder builder(last->getContext());
    builder.setInsertionPointAfter(last);
    // Named after the .tile line of the chain's last op, made unique.
    std::string base = "fused";
    if (auto fileLoc = dyn_cast<FileLineColLoc>(last->getLoc()))
      base += "_l" + std::to_string(fileLoc.getLine());
    std::string name = base;
    for (unsigned suffix = 1; !names.insert(name).second; ++suffix)
      name = base + "_" + std::to_string(suffix);
    auto scope = tile::ScopeOp::create(builder, last->getLoc(), ValueRange(exported).getTypes(),
                                       builder.getStringAttr(name),
                                       tile::CoreKindAttr::get(builder.getContext(),
                                                               tile::CoreKind::vector),
                                       IntegerAttr());
    Block *body = new Block();
    scope.getBody().push_back(body);
    for (Operation *member : group.ops)
      member->moveBefore(body, body->end());
    OpBuilder inside = OpBuilder::atBlockEnd(body);
    tile::YieldOp::create(inside, last->getLoc(), exported);
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
/// group. Scopes whose loads read what they store stay as they are.
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
    } else if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op)) {
      return scope;
    }
  }
  for (tile::LoadOp load : loads)
    for (tile::StoreOp store : stores)
      if (load.getSource() == store.getDest())
        return scope;
  for (tile::LoadOp load : loads)
    load->moveBefore(scope);
  SmallVector<Value> stored = llvm::map_to_vector(stores, [](tile::StoreOp store) -> Value {
    return store.getValue();
  });
  OpBuilder builder(scope);
  auto opened = tile::ScopeOp::create(builder, scope.getLoc(), ValueRange(stored).getTypes(),
                                      scope.getNameAttr(), scope.getCoreAttr(),
                                      scope.getTokensAttr());
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

/// Why an op of a scope pinned to token chunks cannot run that way.
void explainNotRowWise(Operation *op, tile::ScopeOp scope) {
  InFlightDiagnostic diag = op->emitOpError();
  auto reduction = dyn_cast<tile::ReductionOpInterface>(op);
  if (reduction && reduction.getReductionAxis() == tile::ReductionAxis::col)
    diag << "reduces across token rows";
  else if (std::optional<int64_t> column = rowfusion::misalignedWindowColumn(op))
    diag << "has a window at column " << *column
         << ", which does not start a 32-byte block (a UB window moves in whole blocks)";
  else
    diag << "does not compute each token row from the same rows of its operands";
  diag << ", so scope '" << scope.getName() << "' cannot run in chunks of "
       << *scope.getTokens() << " token rows; move it out of the scope or drop 'tokens'";
  diag.attachNote(scope.getLoc()) << "the token chunk is set here";
}

/// Checks a scope whose token chunk the user set.
LogicalResult checkTokenChunk(tile::ScopeOp scope) {
  if (!scope.getTokens())
    return success();
  if (std::optional<int64_t> rows = rowfusion::fusedScopeRows(scope)) {
    if (*rows % int64_t(*scope.getTokens()) == 0)
      return success();
    return scope.emitOpError("chunks of ")
           << *scope.getTokens() << " token rows do not divide its " << *rows
           << " token rows; pick a divisor";
  }
  int64_t rows = 1;
  Block &body = scope.getBody().front();
  for (Operation &op : body.without_terminator())
    if (std::optional<int64_t> opRows = rowfusion::rowWiseRows(&op))
      rows = std::max(rows, *opRows);
  for (Operation &op : body.without_terminator()) {
    std::optional<int64_t> opRows = rowfusion::rowWiseRows(&op);
    if (!opRows || (*opRows != 1 && *opRows != rows)) {
      explainNotRowWise(&op, scope);
      return failure();
    }
  }
  return scope.emitOpError("cannot run in token chunks: its results must have the token rows");
}

struct TileFuseRows : tilec::impl::TileFuseRowsBase<TileFuseRows> {
  void runOnOperation() override {
    SmallVector<tile::ScopeOp> userScopes;
    getOperation()->walk([&](tile::ScopeOp scope) { userScopes.push_back(scope); });
    for (tile::ScopeOp scope : userScopes)
      if (failed(checkTokenChunk(openUserScope(scope))))
        return signalPassFailure();
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *block) {
      if (!isa<tile::ScopeOp>(block->getParentOp()))
        blocks.push_back(block);
    });
    llvm::StringSet<> names;
    getOperation()->walk([&](tile::ScopeOp scope) { names.insert(scope.getName()); });
    for (Block *block : blocks) {
      BlockFusion fusion(*block);
      fusion.formGroups();
      fusion.materialize(names);
    }
  }
};

} // namespace
