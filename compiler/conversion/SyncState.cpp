//===- SyncState.cpp - which earlier accesses each pipe is ordered after --===//
#include "compiler/conversion/SyncState.h"

using namespace tilec::ascend;

namespace tilec {

void SyncState::collectConflicts(Pipe pipe, const Access &access,
                                 std::set<unsigned> &conflicts) const {
  for (auto [id, mask] : pending) {
    const Access &earlier = (*table)[id];
    if ((mask & pipeBit(pipe)) || !(earlier.write || access.write) ||
        !earlier.region.mayAlias(access.region))
      continue;
    if (earlier.pipe == pipe && !(earlier.write && !access.write))
      continue;
    conflicts.insert(id);
  }
}

void SyncState::issue(unsigned id) {
  Pipe pipe = (*table)[id].pipe;
  // A pipe is in order with itself, except that the vector pipe must be told
  // (pipe_barrier) before reading what it just wrote.
  pending[id] = pipe == Pipe::v ? 0 : pipeBit(pipe);
  // Flags set before this execution do not cover it.
  for (auto &[flag, covered] : signals)
    covered.erase(id);
}

bool SyncState::precedes(unsigned id, Pipe pipe) const {
  auto access = pending.find(id);
  return access != pending.end() &&
         ((*table)[id].pipe == pipe || (access->second & pipeBit(pipe)));
}

void SyncState::orderAfter(Pipe src, Pipe dst) {
  for (auto &[id, mask] : pending)
    if (precedes(id, src))
      mask |= pipeBit(dst);
}

void SyncState::orderBefore(Pipe dst, llvm::function_ref<bool(unsigned id)> covered) {
  for (auto &[id, mask] : pending)
    if (covered(id))
      mask |= pipeBit(dst);
}

void SyncState::barrier(Pipe pipe) {
  for (auto &[id, mask] : pending)
    if (pipe == Pipe::all)
      mask = ~PipeMask(0);
    else if ((*table)[id].pipe == pipe)
      mask |= pipeBit(pipe);
}

void SyncState::setFlag(Pipe src, Pipe dst, int32_t event) {
  std::set<unsigned> &covered = signals[{src, dst, event}];
  covered.clear();
  for (auto [id, mask] : pending)
    if (precedes(id, src))
      covered.insert(id);
}

void SyncState::waitFlag(Pipe src, Pipe dst, int32_t event) {
  auto signal = signals.find({src, dst, event});
  // A wait whose set is not known on every path orders nothing we can rely on.
  if (signal == signals.end())
    return;
  for (unsigned id : signal->second)
    if (auto access = pending.find(id); access != pending.end())
      access->second |= pipeBit(dst);
  signals.erase(signal);
}

void SyncState::join(const SyncState &other) {
  for (auto [id, mask] : other.pending) {
    auto [it, inserted] = pending.try_emplace(id, mask);
    if (!inserted)
      it->second &= mask;
  }
  for (auto it = signals.begin(); it != signals.end();) {
    auto theirs = other.signals.find(it->first);
    if (theirs == other.signals.end()) {
      it = signals.erase(it);
      continue;
    }
    std::set<unsigned> both;
    for (unsigned id : it->second)
      if (theirs->second.count(id))
        both.insert(id);
    it->second = std::move(both);
    ++it;
  }
}

} // namespace tilec
