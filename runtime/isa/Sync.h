// Pipe synchronisation as the PTO/CANN API spells it: set_flag/wait_flag
// between two pipes with an event id, pipe_barrier, and the block index.
#pragma once

#include "runtime/isa/CoreContext.h"

namespace pto {

/// Same order as tilec::target::Pipe; PIPE_ALL only for pipe_barrier.
enum pipe_t : int {
  PIPE_S = 0,
  PIPE_V,
  PIPE_M,
  PIPE_MTE1,
  PIPE_MTE2,
  PIPE_MTE3,
  PIPE_FIX,
  PIPE_ALL,
};

enum event_t : int {
  EVENT_ID0 = 0,
  EVENT_ID1,
  EVENT_ID2,
  EVENT_ID3,
  EVENT_ID4,
  EVENT_ID5,
  EVENT_ID6,
  EVENT_ID7,
};

namespace detail {
inline tilec::target::Pipe toPipe(pipe_t p, const char *what) {
  if (p < PIPE_S || p >= PIPE_ALL)
    tilec::isa::currentCore().fail(std::string(what) +
                                   " needs a single pipe, not PIPE_ALL");
  return tilec::target::Pipe(int(p));
}
} // namespace detail

/// Signals `dst` once everything issued on `src` so far has completed.
inline void set_flag(pipe_t src, pipe_t dst, int event) {
  tilec::isa::currentCore().setFlag(detail::toPipe(src, "set_flag"),
                                    detail::toPipe(dst, "set_flag"), event);
}

/// Makes `dst` wait for the matching set_flag from `src`.
inline void wait_flag(pipe_t src, pipe_t dst, int event) {
  tilec::isa::currentCore().waitFlag(detail::toPipe(src, "wait_flag"),
                                     detail::toPipe(dst, "wait_flag"), event);
}

/// Orders work inside one pipe (already in order in this model); PIPE_ALL
/// waits for every pipe.
inline void pipe_barrier(pipe_t pipe) {
  tilec::isa::currentCore().barrier(pipe == PIPE_ALL);
}

inline int64_t get_block_idx() { return tilec::isa::currentCore().blockIdx; }
inline int64_t get_block_num() { return tilec::isa::currentCore().blockDim; }

} // namespace pto
