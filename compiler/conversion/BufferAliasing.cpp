//===- BufferAliasing.cpp - which memory an instruction operand touches ---===//
#include "compiler/conversion/BufferAliasing.h"

using namespace mlir;
using namespace tilec::ascend;

namespace tilec {

bool MemoryRegion::mayAlias(const MemoryRegion &other) const {
  if (space != other.space)
    return false;
  if (kind == Kind::AnyInSpace || other.kind == Kind::AnyInSpace)
    return true;
  if (kind == Kind::ByteRange && other.kind == Kind::ByteRange)
    return begin < other.end && other.begin < end;
  if (kind == Kind::WholeValue && other.kind == Kind::WholeValue)
    return root == other.root;
  // A planned buffer beside an unplanned one: the latter may land anywhere.
  return true;
}

MemoryRegion regionOf(Value buffer) {
  if (isa<GlobalTensorType>(buffer.getType())) {
    while (auto reshape = buffer.getDefiningOp<GmReshapeOp>())
      buffer = reshape.getSource();
    return {MemoryRegion::Kind::WholeValue, MemorySpace::gm, 0, 0, buffer};
  }
  auto type = cast<TileBufferType>(buffer.getType());
  // A popped slot of a UB ring lies somewhere in the ring's bytes.
  if (auto pop = buffer.getDefiningOp<TPopTileOp>()) {
    int64_t begin = getUbRingBase(cast<BlockArgument>(pop.getRing()));
    return {MemoryRegion::Kind::ByteRange, MemorySpace::ub, begin,
            begin + pop.getRing().getType().getUbBytes(), {}};
  }
  auto alloc = buffer.getDefiningOp<AllocOp>();
  if (!alloc)
    return {MemoryRegion::Kind::AnyInSpace, type.getSpace(), 0, 0, {}};
  if (std::optional<uint64_t> offset = alloc.getOffset()) {
    int64_t begin = *offset;
    return {MemoryRegion::Kind::ByteRange, type.getSpace(), begin, begin + type.getNumBytes(),
            {}};
  }
  return {MemoryRegion::Kind::WholeValue, type.getSpace(), 0, 0, buffer};
}

} // namespace tilec
