//===- EventIds.cpp - the event ids of set_flag/wait_flag pairs ------------===//
#include "compiler/conversion/EventIds.h"

#include "llvm/ADT/bit.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::ascend;
using namespace tilec::conversion;

std::optional<int32_t> EventIds::lowestFree(Pipe src, Pipe dst, uint32_t excluded) const {
  uint32_t held = inFlight.lookup({unsigned(src), unsigned(dst)}) | excluded;
  for (int32_t id = 0; id < perPair; ++id)
    if (!(held & (1u << id)))
      return id;
  return std::nullopt;
}

void EventIds::hold(Pipe src, Pipe dst, int32_t id) {
  inFlight[{unsigned(src), unsigned(dst)}] |= 1u << id;
}

void EventIds::release(Pipe src, Pipe dst, int32_t id) {
  inFlight[{unsigned(src), unsigned(dst)}] &= ~(1u << id);
}

int EventIds::heldCount(Pipe src, Pipe dst) const {
  return llvm::popcount(inFlight.lookup({unsigned(src), unsigned(dst)}));
}

uint32_t tilec::conversion::idsUsedIn(Operation *op, Pipe src, Pipe dst) {
  uint32_t used = 0;
  op->walk([&](Operation *nested) {
    if (auto set = dyn_cast<SetFlagOp>(nested)) {
      if (set.getSrc() == src && set.getDst() == dst)
        used |= 1u << set.getEvent();
    } else if (auto wait = dyn_cast<WaitFlagOp>(nested)) {
      if (wait.getSrc() == src && wait.getDst() == dst)
        used |= 1u << wait.getEvent();
    }
  });
  return used;
}
