//===- SyncState.h - which earlier accesses each pipe is ordered after -*- C++ -*-===//
//
// The dataflow fact of sync insertion at one program point: for the latest
// execution of every instruction operand access so far, the set of pipes whose
// later instructions are known to start after it has completed.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_SYNCSTATE_H
#define TILEC_COMPILER_CONVERSION_SYNCSTATE_H

#include "compiler/conversion/BufferAliasing.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace tilec {

/// One buffer operand of one instruction.
struct Access {
  ascend::Pipe pipe;
  bool write;
  MemoryRegion region;
};

using PipeMask = uint32_t;
inline PipeMask pipeBit(ascend::Pipe pipe) { return PipeMask(1) << unsigned(pipe); }

class SyncState {
public:
  /// Access ids index a table of Access shared by every state of one task.
  explicit SyncState(const std::vector<Access> &table) : table(&table) {}

  /// Earlier accesses that conflict with `access` on `pipe` and are not yet
  /// ordered before it: RAW, WAR and WAW across pipes; only RAW within the
  /// vector pipe, which does not interlock on UB addresses.
  void collectConflicts(ascend::Pipe pipe, const Access &access,
                        std::set<unsigned> &conflicts) const;
  /// The mask of pipes an access is already ordered before.
  PipeMask orderedBefore(unsigned id) const { return pending.at(id); }
  /// Whether the latest execution of access `id` is done before later work
  /// of `pipe` starts: it ran on `pipe` or is ordered before it (false when
  /// it has not run).
  bool precedes(unsigned id, ascend::Pipe pipe) const;

  /// `access` just issued (replacing the previous execution of the same one).
  void issue(unsigned id);
  /// `dst` waited for `src`: what `src` did or waited for precedes `dst`.
  void orderAfter(ascend::Pipe src, ascend::Pipe dst);
  /// `dst` waited for a flag that covers the pending accesses `covered`
  /// accepts.
  void orderBefore(ascend::Pipe dst, llvm::function_ref<bool(unsigned id)> covered);
  /// A pipe_barrier on `pipe` (or on all pipes).
  void barrier(ascend::Pipe pipe);
  /// A set_flag of the input: remember what it covers until its wait.
  void setFlag(ascend::Pipe src, ascend::Pipe dst, int32_t event);
  /// A wait_flag of the input: order what the matching set covered.
  void waitFlag(ascend::Pipe src, ascend::Pipe dst, int32_t event);

  /// The fact at a control-flow merge: every access either path may leave
  /// pending, ordered only where both paths order it.
  void join(const SyncState &other);
  bool operator==(const SyncState &other) const {
    return pending == other.pending && signals == other.signals;
  }
  bool operator!=(const SyncState &other) const { return !(*this == other); }

private:
  const std::vector<Access> *table;
  /// Access id → pipes it is ordered before.
  std::map<unsigned, PipeMask> pending;
  /// Flags of the input set and not yet waited for → the accesses they cover.
  std::map<std::tuple<ascend::Pipe, ascend::Pipe, int32_t>, std::set<unsigned>> signals;
};

} // namespace tilec

#endif
