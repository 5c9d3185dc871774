//===- GmHazards.cpp - writes to global memory that views must not see ---===//
//
// Positions are compared in the block of the load (or producer): an op nested
// in a loop or scope of that block counts as at that op, and a store and a
// reader inside the same loop or scope are taken to conflict, since another
// iteration or chunk may run the store first.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/GmHazards.h"
#include "compiler/conversion/GmPlaces.h"
#include "dialects/Tile/TileOpKinds.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// Where `store` first writes its destination: at the producer of its value
/// when that value may be computed straight into the store's window.
Operation *firstWriteOf(tile::StoreOp store) {
  Operation *producer = store.getValue().getDefiningOp();
  OpOperand *placing = producer ? placingUse(store.getValue()) : nullptr;
  if (!producer || producer->hasTrait<tile::kind::View>() || !placing ||
      placing->getOwner() != store.getOperation() || isLoadedBeforeStore(producer, store))
    return store;
  return producer;
}

/// Whether `reader`, the op that computes `store`'s value straight into its
/// window, reads `operand` (a view of the same tensor) element by element
/// from that very window, which an in-place elementwise task may.
bool readsOwnWindow(Operation *reader, Value operand, tile::LoadOp load, tile::StoreOp store) {
  if (firstWriteOf(store) != reader || !reader->hasTrait<tile::kind::Elementwise>() ||
      operand != load.getResult())
    return false;
  return load.getType() == store.getValue().getType() &&
         llvm::equal(load.getOffsets(), store.getOffsets());
}

/// The ops that read `value` directly or through slices and reshapes of it
/// (which may be views), with the value each reads.
void collectReaders(Value value, SmallVectorImpl<std::pair<Operation *, Value>> &readers) {
  for (Operation *user : value.getUsers()) {
    if (isa<tile::SliceOp, tile::ReshapeOp>(user)) {
      collectReaders(user->getResult(0), readers);
      continue;
    }
    readers.push_back({user, value});
  }
}

} // namespace

bool tilec::conversion::isOverwrittenWhileRead(tile::LoadOp load) {
  Block *block = load->getBlock();
  SmallVector<std::pair<Operation *, Value>> readers;
  collectReaders(load.getResult(), readers);
  for (Operation *user : load.getSource().getUsers()) {
    auto store = dyn_cast<tile::StoreOp>(user);
    if (!store || store.getDest() != load.getSource())
      continue;
    // Stores outside the load's block run before it, or after every reader.
    Operation *write = block->findAncestorOpInBlock(*firstWriteOf(store));
    if (!write || !load->isBeforeInBlock(write))
      continue;
    for (auto [reader, operand] : readers) {
      Operation *read = block->findAncestorOpInBlock(*reader);
      if (write->isBeforeInBlock(read))
        return true;
      if (read == write && !readsOwnWindow(reader, operand, load, store))
        return true;
    }
  }
  return false;
}

bool tilec::conversion::isLoadedBeforeStore(Operation *producer, tile::StoreOp store) {
  Block *block = producer->getBlock();
  Operation *storeAt = block->findAncestorOpInBlock(*store);
  if (!storeAt)
    return false; // the store is outside the producer's block: no load runs between
  for (Operation *user : store.getDest().getUsers()) {
    if (!isa<tile::LoadOp>(user))
      continue;
    Operation *loadAt = block->findAncestorOpInBlock(*user);
    if (loadAt && producer->isBeforeInBlock(loadAt) &&
        (loadAt->isBeforeInBlock(storeAt) || loadAt == storeAt))
      return true;
  }
  return false;
}
