//===- CompileReport.cpp - what a compile produced, for tilec --report ----===//
#include "compiler/pipeline/CompileReport.h"

#include "compiler/conversion/Strategy.h"
#include "base/TargetDescription.h"
#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/IntegerReplay.h"
#include "dialects/Tile/KernelWork.h"
#include "dialects/Tile/RuntimeDims.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <array>

using namespace mlir;
using namespace tilec;

namespace tilec::report {
namespace {

/// A host index computed from constants and the induction variables bound in
/// `ivs` (a loop bound such as an outer loop's variable), or nothing.
std::optional<int64_t> hostIndex(Value value, const llvm::DenseMap<Value, int64_t> &ivs) {
  if (auto known = ivs.find(value); known != ivs.end())
    return known->second;
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return *constant;
  Operation *op = value.getDefiningOp();
  if (!op || op->getNumResults() != 1)
    return std::nullopt;
  SmallVector<int64_t, 2> in;
  for (Value operand : op->getOperands()) {
    std::optional<int64_t> known = hostIndex(operand, ivs);
    if (!known)
      return std::nullopt;
    in.push_back(*known);
  }
  return foldIntegerOp(op, in);
}

/// Each run-time dim argument of `kernel` (`tile.dim`) at the value its
/// tensors were compiled for: the first dimension of the first one it counts
/// (`tile.rows`), else its bound. Host arithmetic on it (a task's work items
/// over the token rows present) then counts as at that value.
llvm::DenseMap<Value, int64_t> compiledDims(ascend::KernelOp kernel) {
  llvm::DenseMap<Value, int64_t> dims;
  for (BlockArgument argument : kernel.getArguments())
    if (auto bound = kernel.getArgAttrOfType<IntegerAttr>(argument.getArgNumber(),
                                                          tile::kDimAttrName))
      dims[argument] = bound.getInt();
  for (BlockArgument argument : llvm::reverse(kernel.getArguments()))
    if (auto rows = kernel.getArgAttrOfType<IntegerAttr>(argument.getArgNumber(),
                                                         tile::kRowsAttrName))
      if (auto global = dyn_cast<ascend::GlobalTensorType>(argument.getType()))
        dims[kernel.getArgument(rows.getInt())] = global.getShape().front();
  return dims;
}

/// How many times the body of `loops[depth]` (and of the loops inside it)
/// runs, walking the iterations so that a bound taken from an outer loop's
/// variable (a triangular nest) counts exactly.
std::optional<int64_t> tripsOf(ArrayRef<scf::ForOp> loops, size_t depth,
                               llvm::DenseMap<Value, int64_t> &ivs) {
  if (depth == loops.size())
    return 1;
  scf::ForOp loop = loops[depth];
  std::optional<int64_t> lower = hostIndex(loop.getLowerBound(), ivs),
                         upper = hostIndex(loop.getUpperBound(), ivs),
                         step = hostIndex(loop.getStep(), ivs);
  if (!lower || !upper || !step || *step <= 0)
    return std::nullopt;
  int64_t trips = 0;
  for (int64_t iv = *lower; iv < *upper; iv += *step) {
    ivs[loop.getInductionVar()] = iv;
    std::optional<int64_t> inner = tripsOf(loops, depth + 1, ivs);
    if (!inner)
      return std::nullopt;
    trips += *inner;
  }
  return trips;
}

/// How many times `op` runs per run of `top`: the iterations of the host
/// loops around it (a launch inside them).
std::optional<int64_t> runsOf(Operation *op, Operation *top,
                              const llvm::DenseMap<Value, int64_t> &dims) {
  SmallVector<scf::ForOp> loops;
  for (Operation *parent = op->getParentOp(); parent && parent != top;
       parent = parent->getParentOp())
    if (auto loop = dyn_cast<scf::ForOp>(parent))
      loops.insert(loops.begin(), loop);
  llvm::DenseMap<Value, int64_t> ivs(dims);
  return tripsOf(loops, 0, ivs);
}

/// Whether `op` runs at the compiled dims: every host `scf.if` around it (a
/// dispatch on the rows present, as few-rows blockings make) takes the
/// branch holding it, or its condition is not known.
bool takesBranchesTo(Operation *op, Operation *top, const llvm::DenseMap<Value, int64_t> &dims) {
  for (Operation *parent = op->getParentOp(); parent && parent != top;
       parent = parent->getParentOp()) {
    auto branch = dyn_cast<scf::IfOp>(parent);
    if (!branch)
      continue;
    std::optional<int64_t> taken = hostIndex(branch.getCondition(), dims);
    bool inThen = branch.getThenRegion().isAncestor(op->getParentRegion());
    if (taken && bool(*taken) != inThen)
      return false;
  }
  return true;
}

uint64_t elementBytes(Type type) { return (type.getIntOrFloatBitWidth() + 7) / 8; }

uint64_t tensorBytes(Type type) {
  auto shaped = cast<ShapedType>(type);
  return uint64_t(shaped.getNumElements()) * elementBytes(shaped.getElementType());
}

/// Replays the index arithmetic and loops of a task for every block of a
/// launch (and every AIV of a mixed launch's cluster), adding up the GM bytes
/// of the loads, stores and ring pushes it reaches. Loop bounds that depend
/// on a scalar argument make the count unknown.
class TrafficCounter {
public:
  /// `arguments`: the values of the task's scalar arguments the host knows;
  /// `subblocks`: the cores of a block that run the task.
  TrafficCounter(ascend::TaskOp task, int64_t blocks, int64_t subblocks,
                 llvm::DenseMap<Value, int64_t> arguments)
      : task(task), blocks(blocks), subblocks(subblocks), arguments(std::move(arguments)) {}

  /// Runs every block; false if the loops are not countable.
  bool count() {
    for (int64_t block = 0; block < blocks; ++block)
      for (int64_t sub = 0; sub < subblocks; ++sub) {
        replay = IntegerReplay(arguments);
        blockIdx = block;
        subblockIdx = sub;
        if (!run(task.getBody().front()))
          return false;
      }
    return true;
  }

  uint64_t read = 0, written = 0; ///< GM bytes of all blocks

private:
  /// Records a block's ids, or the value of an index/integer op.
  void evaluate(Operation *op) {
    if (isa<ascend::BlockIdxOp>(op))
      replay.set(op->getResult(0), blockIdx);
    else if (isa<ascend::BlockDimOp>(op))
      replay.set(op->getResult(0), blocks);
    else if (isa<ascend::SubblockIdxOp>(op))
      replay.set(op->getResult(0), subblockIdx);
    else
      replay.evaluate(op);
  }

  /// A transfer of the tile's rows, or of its first `validRows` (`rows %n`).
  void transfer(Type tileType, Type gmType, Value validRows, uint64_t &total) {
    auto tile = cast<ascend::TileBufferType>(tileType);
    int64_t rows = tile.getRows();
    if (std::optional<int64_t> valid = validRows ? replay.valueOf(validRows) : std::nullopt)
      rows = std::min(rows, *valid);
    total += uint64_t(rows * tile.getCols()) *
             elementBytes(cast<ascend::GlobalTensorType>(gmType).getElementType());
  }

  /// A tile pushed into a GM ring slot (by the AIC or an AIV): its
  /// elements, in the ring's type (into a ring in UB, none cross GM).
  void pushed(Value src, ascend::RingType ring) {
    auto tile = cast<ascend::TileBufferType>(src.getType());
    if (!ring.inUb())
      written += uint64_t(tile.getRows() * tile.getCols()) * elementBytes(ring.getElement());
  }

  bool run(Block &block) {
    for (Operation &op : block) {
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        if (!replay.forEachTrip(loop, [&] { return run(*loop.getBody()); }))
          return false;
        continue;
      }
      if (auto branch = dyn_cast<scf::IfOp>(op)) {
        // A double-buffered item's second chunk, if any token rows are left.
        std::optional<int64_t> taken = replay.valueOf(branch.getCondition());
        Block *block = taken && *taken ? branch.thenBlock() : branch.elseBlock();
        if (!taken || (block && !run(*block)))
          return false;
        continue;
      }
      if (auto load = dyn_cast<ascend::TLoadOp>(op))
        transfer(load.getDst().getType(), load.getSrc().getType(), load.getValidRows(), read);
      else if (auto store = dyn_cast<ascend::TStoreOp>(op))
        transfer(store.getSrc().getType(), store.getDst().getType(), store.getValidRows(),
                 written);
      else if (auto push = dyn_cast<ascend::TPushOp>(op))
        pushed(push.getSrc(), push.getRing().getType());
      else if (auto push = dyn_cast<ascend::TPushRowsOp>(op))
        pushed(push.getSrc(), push.getRing().getType());
      else
        evaluate(&op);
    }
    return true;
  }

  ascend::TaskOp task;
  int64_t blocks, subblocks;
  int64_t blockIdx = 0, subblockIdx = 0;
  llvm::DenseMap<Value, int64_t> arguments;
  IntegerReplay replay;
};

std::string megabytes(std::optional<uint64_t> bytes) {
  return bytes ? llvm::formatv("{0:F2} MB", double(*bytes) / 1e6).str() : std::string("?");
}

} // namespace

TileFacts tileFacts(tile::KernelOp kernel) {
  TileFacts facts;
  for (unsigned index = 0; index < kernel.getNumArguments(); ++index)
    if (std::optional<int64_t> bound = tile::dimBound(kernel, index))
      facts.tokens = {tile::compiledDimValue(kernel, index), *bound};
  facts.matmulMacs = tile::matmulMacs(kernel);
  return facts;
}

KernelSummary summarize(ModuleOp module, ascend::KernelOp kernel, StringRef targetName,
                        TileFacts tile) {
  const target::TargetDescription *target = target::lookupTarget(targetName.str());
  KernelSummary summary;
  summary.kernel = kernel.getSymName().str();
  summary.tile = std::move(tile);
  for (auto [index, type] : llvm::enumerate(kernel.getArgumentTypes()))
    if (isa<ascend::GlobalTensorType>(type))
      summary.parameterBytes += tensorBytes(type);
  summary.gmBytes = 0;
  llvm::DenseMap<Value, int64_t> dims = compiledDims(kernel);
  kernel.walk([&](Operation *launch) {
    // The tasks a launch runs, and how many cores of a block run each.
    SmallVector<std::pair<FlatSymbolRefAttr, int64_t>, 2> tasks;
    LaunchSummary entry;
    if (auto single = dyn_cast<ascend::LaunchOp>(launch)) {
      tasks.push_back({single.getTaskAttr(), 1});
      entry.task = single.getTask().str();
      entry.blocks = single.getBlocks();
    } else if (auto mixed = dyn_cast<ascend::LaunchMixedOp>(launch)) {
      tasks.push_back({mixed.getCubeAttr(), 1});
      tasks.push_back({mixed.getVectorAttr(), target ? target->vectorCoresPerCluster : 1});
      entry.task = (mixed.getCube() + "+" + mixed.getVector()).str();
      entry.blocks = mixed.getBlocks();
    } else {
      return;
    }
    if (!takesBranchesTo(launch, kernel, dims))
      return;
    std::optional<int64_t> runs = runsOf(launch, kernel, dims);
    entry.runs = runs.value_or(0);
    entry.gmRead = entry.gmWritten = 0;
    for (auto [name, subblocks] : tasks) {
      auto task = SymbolTable::lookupNearestSymbolFrom<ascend::TaskOp>(module, name);
      if (!task) {
        entry.gmRead.reset();
        continue;
      }
      std::string core = ascend::stringifyCoreType(task.getCore()).str();
      entry.core = entry.core.empty() ? core : entry.core + "+" + core;
      if (auto peaks = ascend::AscendDialect::MemoryPeakAttrHelper(task.getContext()).getAttr(task))
        for (NamedAttribute peak : peaks)
          entry.memoryPeak[peak.getName().str()] = cast<IntegerAttr>(peak.getValue()).getInt();
      if (auto ops = ascend::AscendDialect::FusedOpsAttrHelper(task.getContext()).getAttr(task))
        for (Attribute op : ops)
          entry.fusedOps.push_back(cast<StringAttr>(op).str());
      Attribute strategy =
          ascend::AscendDialect::StrategyAttrHelper(task.getContext()).getAttr(task);
      if (auto chunking = dyn_cast_or_null<ascend::ChunkingAttr>(strategy)) {
        entry.chunkRows = chunking.getRows();
        entry.doubleBuffered = chunking.getDoubleBuffered();
      }
      if (auto blocking = dyn_cast_or_null<ascend::BlockingAttr>(strategy))
        entry.block = std::to_string(blocking.getM()) + "x" + std::to_string(blocking.getN()) +
                      (blocking.getStreamWeights() ? " by cols" : "");
      llvm::DenseMap<Value, int64_t> arguments;
      for (auto [argument, operand] : llvm::zip(task.getArguments(), launch->getOperands()))
        if (std::optional<int64_t> known = hostIndex(operand, dims))
          arguments[argument] = *known;
      TrafficCounter counter(task, entry.blocks, subblocks, std::move(arguments));
      if (!runs || !counter.count() || !entry.gmRead) {
        entry.gmRead.reset();
        continue;
      }
      *entry.gmRead += counter.read * uint64_t(*runs);
      *entry.gmWritten += counter.written * uint64_t(*runs);
    }
    if (!entry.gmRead)
      entry.gmWritten.reset();
    if (entry.gmRead && entry.gmWritten && summary.gmBytes)
      *summary.gmBytes += *entry.gmRead + *entry.gmWritten;
    else
      summary.gmBytes.reset();
    summary.launches.push_back(std::move(entry));
  });
  return summary;
}

void print(const KernelSummary &fused, const KernelSummary *unfused, llvm::StringRef target,
           llvm::raw_ostream &os) {
  os << "kernel " << fused.kernel << " on " << target << ": " << fused.launches.size()
     << " launches\n";
  // One row per launch; the text columns as wide as their longest entry.
  using Row = std::array<std::string, 8>;
  std::vector<Row> rows{
      {"task", "core", "blocks", "runs", "chunk", "on-chip bytes", "GM read", "GM written"}};
  for (const LaunchSummary &launch : fused.launches) {
    std::string chunk = "-";
    if (launch.chunkRows)
      chunk = std::to_string(*launch.chunkRows) + " rows" + (launch.doubleBuffered ? " x2" : "");
    else if (!launch.block.empty())
      chunk = launch.block;
    std::string memory;
    for (auto [space, bytes] : launch.memoryPeak)
      memory += (memory.empty() ? "" : " ") + space + " " + std::to_string(bytes);
    rows.push_back({launch.task, launch.core, std::to_string(launch.blocks),
                    std::to_string(launch.runs), chunk, memory.empty() ? "-" : memory,
                    megabytes(launch.gmRead), megabytes(launch.gmWritten)});
  }
  // Minimum widths keep a short table's columns where they always were.
  std::array<size_t, 8> widths{34, 4, 6, 5, 14, 36, 12, 12};
  for (const Row &row : rows)
    for (auto [width, cell] : llvm::zip(widths, row))
      width = std::max(width, cell.size());
  constexpr std::array<bool, 8> leftAligned{true, true, false, false, true, true, false, false};
  for (const Row &row : rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      if (column)
        os << ' ';
      if (leftAligned[column])
        os << llvm::left_justify(row[column], unsigned(widths[column]));
      else
        os << llvm::right_justify(row[column], unsigned(widths[column]));
    }
    os << '\n';
  }
  bool anyFused = llvm::any_of(fused.launches, [](auto &l) { return !l.fusedOps.empty(); });
  if (anyFused)
    os << "fused ops, by .tile line:\n";
  for (const LaunchSummary &launch : fused.launches) {
    if (launch.fusedOps.empty())
      continue;
    // Consecutive ops of one .tile line share a "line N:" prefix.
    os << "  " << launch.task << ":";
    StringRef line;
    for (StringRef entry : launch.fusedOps) {
      auto [name, at] = entry.split('@');
      if (at != line)
        os << (line.empty() ? " " : "; ") << "line " << (at.empty() ? "?" : at) << ":";
      line = at;
      os << " " << name;
    }
    os << "\n";
  }
  const target::TargetDescription *targetDescription = target::lookupTarget(target.str());
  os << "GM traffic: " << megabytes(fused.gmBytes);
  if (unfused && unfused->gmBytes && fused.gmBytes && *fused.gmBytes)
    os << llvm::formatv("; unfused lowering {0} ({1:F2}x)", megabytes(unfused->gmBytes),
                        double(*unfused->gmBytes) / double(*fused.gmBytes));
  if (fused.gmBytes && fused.parameterBytes && targetDescription)
    os << llvm::formatv("; parameters once {0} (the traffic is {1:F2}x that; {2:F3} us at the "
                        "chip's HBM bandwidth)",
                        megabytes(fused.parameterBytes),
                        double(*fused.gmBytes) / double(fused.parameterBytes),
                        targetDescription->chipGmMicros(fused.parameterBytes));
  os << "\n";
  if (fused.tile.tokens && fused.gmBytes) {
    double tokens = double(fused.tile.tokens->compiled);
    os << llvm::formatv("per token, compiled for {0} tokens (bound {1}): GM traffic {2:F1} KB; parameters "
                        "once {3:F1} KB\n",
                        fused.tile.tokens->compiled, fused.tile.tokens->bound, double(*fused.gmBytes) / tokens / 1e3,
                        double(fused.parameterBytes) / tokens / 1e3);
  }
  // The work's bound: the parameters once at the HBM bandwidth, or the
  // kernel's multiply-accumulates at the peak of every cube core. The vector
  // work depends on the cost of each instruction the model runs; tile-run
  // counts it.
  if (targetDescription && fused.tile.matmulMacs) {
    double memory = targetDescription->chipGmMicros(fused.parameterBytes);
    double cube = tile::cubeWorkMicros(*targetDescription, *fused.tile.matmulMacs);
    os << llvm::formatv("work bound: {0:F3} us ({1}; memory {2:F3}, cube {3:F3}; the vector "
                        "term and modeled / bound: tile-run)\n",
                        std::max(memory, cube), cube > memory ? "cube" : "memory", memory, cube);
  }
}

} // namespace tilec::report
