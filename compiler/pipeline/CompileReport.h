//===- CompileReport.h - what a compile produced, for tilec --report -*- C++ -*-===//
//
// After the pipeline has planned memory, every launch of a kernel's host
// program is summarised: its task and core type, blocks, how often the host
// runs it, the fused ops and token chunk of a fused task, the on-chip bytes
// it uses per memory space, and the global-memory bytes it moves, counted by
// replaying its loops and index arithmetic for every block (the CPU model
// counts the same bytes when it runs the kernel).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_PIPELINE_COMPILEREPORT_H
#define TILEC_COMPILER_PIPELINE_COMPILEREPORT_H

#include "base/DType.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tilec::report {

struct LaunchSummary {
  std::string task;
  std::string core;         ///< aic or aiv
  int64_t blocks = 0;
  int64_t runs = 1;          ///< times the host program launches it
  std::map<std::string, int64_t> memoryPeak; ///< bytes per on-chip space
  std::vector<std::string> fusedOps;         ///< "op@line" of a fused task
  std::optional<int64_t> chunkRows;          ///< token rows per chunk of a fused task
  bool doubleBuffered = false;
  /// A matmul task's output block, "128x256", with " by cols" when its work
  /// items go column by column (weight streaming); empty otherwise.
  std::string block;
  /// GM bytes over all runs; nothing when a host loop's trip count is not known
  /// at compile time (a bound from a scalar parameter).
  std::optional<uint64_t> gmRead, gmWritten;
};

/// What a summary takes from the tile.kernel, which lowering replaces.
struct TileFacts {
  /// A kernel with a run-time dim (`dim T <= 8192`): the token count it was
  /// compiled at and the bound; the report adds figures per token.
  struct Tokens {
    int64_t compiled = 0, bound = 0;
  };
  std::optional<Tokens> tokens;
  /// Its matmuls' multiply-accumulates per operand type (tile::matmulMacs):
  /// the work bound's cube term.
  std::optional<std::map<DType, uint64_t>> matmulMacs;
};

/// The facts of `kernel` at the token count it was compiled at.
TileFacts tileFacts(tile::KernelOp kernel);

struct KernelSummary {
  std::string kernel;
  std::vector<LaunchSummary> launches;
  std::optional<uint64_t> gmBytes;   ///< read + written by every launch
  uint64_t parameterBytes = 0;       ///< every input read once, every output written once
  TileFacts tile; ///< taken from the kernel before lowering
};

/// The summary of `kernel`'s host program in a module that went through the
/// pipeline at least to the ascend stage.
/// `target` names the target whose clusters a mixed launch counts.
/// `tile` is what tileFacts gave before lowering (the launches need none of it).
KernelSummary summarize(mlir::ModuleOp module, ascend::KernelOp kernel, llvm::StringRef target,
                        TileFacts tile = {});

/// The text `tilec --report` prints: the launches of `fused` (the kernel as
/// compiled), then its GM traffic against `unfused` (the same kernel without
/// row fusion, if given) and against the parameters' bytes.
void print(const KernelSummary &fused, const KernelSummary *unfused, llvm::StringRef target,
           llvm::raw_ostream &os);

} // namespace tilec::report

#endif
