// Cube -> vector hand-off through a ring of slots, as pto-isa spells it:
// for a2a3, a TPipe<FlagID, DirType, SlotSize, SlotNum, LocalSlotNum> over a
// GM slot buffer; the AIC's TPUSH stores an accumulator tile into the next
// slot (fixpipe L0C -> GM) and sets "slot full" (flag FlagID); each AIV's
// TPOP waits for it, loads its part of the slot into a UB buffer the pipe
// rotates through, and every SyncPeriod pops sets "slots free" (flag
// FlagID + 1), which the AIC waits for before reusing a slot. The flags are
// the cross-core ones (CrossCoreSync.h) of a mixed launch.
//
// A pipe built without GM slots (a null GM pointer, as on a5) keeps its slots
// in the AIVs' UB instead: the AIC's TPUSH moves the accumulator's row halves
// L0C -> UB (fixpipe), one to each AIV, into the slot at c2vConsumerBuf +
// slot * SlotSize of its UB; TPOP places the tile there once the slot is
// full, and TFREE (on the vector pipe, after the reads of the slot) counts
// the frees. The model carries the halves through the cluster's CrossCoreFlags
// (handOff) and writes them into the AIV's UB at its TPOP, after the flag that
// orders the two; the fixpipe is charged for the move at the TPUSH.
//
// Modelled so far: DIR_C2V with TILE_NO_SPLIT (each AIV pops the whole slot)
// and TILE_UP_DOWN (AIV s pops row half s; the only split of a UB ring).
// Other directions and splits fail to compile with a static_assert naming
// them.
#pragma once

#include "runtime/isa/CrossCoreSync.h"
#include "runtime/isa/DataMove.h"
#include "runtime/isa/GlobalTensor.h"
#include "runtime/isa/Instruction.h"
#include "runtime/isa/Tile.h"

#include <cstdint>
#include <string>

namespace pto {

enum TileSplitAxis : uint8_t {
  TILE_NO_SPLIT = 0,
  TILE_UP_DOWN = 1,
  TILE_LEFT_RIGHT = 2,
};

enum Direction : uint8_t {
  DIR_C2V = 1,
  DIR_V2C = 2,
  DIR_BOTH = 3,
};

template <uint8_t FlagID, uint8_t DirType, uint32_t SlotSize, uint32_t SlotNum,
          uint32_t LocalSlotNum = 2>
struct TPipe {
  static_assert(DirType == DIR_C2V, "the CPU model has cube -> vector (DIR_C2V) pipes only");
  static_assert(SlotNum >= 1, "a TPipe needs at least one slot");
  static_assert(FlagID + 1 < tilec::isa::CrossCoreFlags::kFlagIds,
                "a TPipe uses flags FlagID and FlagID + 1, both below 16");
  static constexpr int FullFlag = FlagID, FreeFlag = FlagID + 1;
  static constexpr uint32_t SlotBytes = SlotSize, Slots = SlotNum, LocalSlots = LocalSlotNum;
  /// Pops per "slots free" notification, pushes per wait for one.
  static constexpr uint32_t SyncPeriod = SlotNum <= 2 ? SlotNum : SlotNum / 2;

  static bool shouldWaitFree(uint32_t tileIndex) {
    return tileIndex >= SlotNum && tileIndex % SyncPeriod == 0;
  }
  static bool shouldNotifyFree(uint32_t tileIndex) { return (tileIndex + 1) % SyncPeriod == 0; }

  /// `gmSlots`: SlotNum * SlotSize bytes of GM; `c2vConsumerBuf`: the UB
  /// address of the consumer's LocalSlotNum local buffers of SlotSize bytes.
  TPipe(void *gmSlots, uint32_t c2vConsumerBuf, uint32_t v2cConsumerBuf)
      : gmSlots(static_cast<std::byte *>(gmSlots)), c2vConsumerBuf(c2vConsumerBuf),
        v2cConsumerBuf(v2cConsumerBuf) {}

  std::byte *slot(uint32_t tileIndex) const {
    return gmSlots + size_t(tileIndex % SlotNum) * SlotSize;
  }

  bool inUb() const { return gmSlots == nullptr; }

  std::byte *gmSlots;
  uint32_t c2vConsumerBuf;
  uint32_t v2cConsumerBuf; ///< unused until V2C pipes are modelled
  uint32_t pushIndex = 0;  ///< the producer's next tile
  uint32_t popIndex = 0;   ///< the consumer's next tile
  uint32_t freeIndex = 0;  ///< a UB ring's consumer: the next slot it frees
};

namespace detail {
template <typename T>
using SlotView = GlobalTensor<T, Shape<1, 1, 1, DYNAMIC, DYNAMIC>, Stride<1, 1, 1, DYNAMIC, 1>>;

/// The rows x cols row-major view `offset` bytes into a slot at `slot`,
/// checked to lie inside the slot.
template <typename T>
SlotView<T> slotView(const char *what, std::byte *slot, uint32_t slotBytes, size_t offset,
                     int rows, int cols) {
  const size_t end = offset + size_t(rows) * size_t(cols) * sizeof(T);
  if (end > slotBytes)
    tilec::isa::currentCore().fail(std::string(what) + " of a " + std::to_string(rows) + "x" +
                                   std::to_string(cols) + " tile at slot offset " +
                                   std::to_string(offset) + " needs " + std::to_string(end) +
                                   " bytes; the slot has " + std::to_string(slotBytes));
  return SlotView<T>(reinterpret_cast<T *>(slot + offset),
                     typename SlotView<T>::Shape(rows, cols),
                     typename SlotView<T>::Stride(cols));
}
} // namespace detail

namespace detail {
/// A UB ring's TPUSH: each AIV's row half of `tile` on its way to the AIV's
/// UB, row-major as the AIV's Vec tile holds it, the fixpipe charged for all.
template <typename Pipe, typename TileProd>
void pushToUb(Pipe &pipe, TileProd &tile) {
  using T = typename TileProd::DType;
  static_assert(sizeof(T) == 4, "L0C -> UB splits 32-bit accumulators only (a5's TPUSH)");
  tilec::isa::Instruction ins("TPUSH", tilec::isa::Pipe::FIX);
  ins.read(tile, "src");
  tilec::isa::CrossCoreFlags *cluster = ins.core().crossCore;
  if (!cluster)
    ins.fail("a TPipe needs a mixed launch (an AIC and its AIVs running together)");
  const int rows = tile.GetValidRow(), cols = tile.GetValidCol(),
            parts = cluster->vectorParts();
  if (rows % parts != 0)
    ins.fail("splits a " + std::to_string(rows) + "-row accumulator between " +
             std::to_string(parts) + " AIVs by rows");
  const int half = rows / parts;
  if (size_t(half) * size_t(cols) * sizeof(T) > Pipe::SlotBytes)
    ins.fail("a " + std::to_string(half) + "x" + std::to_string(cols) +
             " half slot does not fit the pipe's " + std::to_string(Pipe::SlotBytes) +
             "-byte slots");
  for (int part = 1; part <= parts; ++part) {
    std::vector<std::byte> &bytes =
        cluster->handOff(Pipe::FullFlag, part, pipe.pushIndex % Pipe::Slots);
    bytes.resize(size_t(half) * size_t(cols) * sizeof(T));
    T *out = reinterpret_cast<T *>(bytes.data());
    for (int r = 0; r < half; ++r)
      for (int c = 0; c < cols; ++c)
        out[size_t(r) * cols + c] = tilec::isa::fixpipeCast<T>(tile.at((part - 1) * half + r, c));
  }
  ins.transfer(tilec::target::Path::L0cToUb, uint64_t(rows) * cols * sizeof(T));
}

/// A UB ring's TPOP: the AIV's half of the slot, handed over by the AIC,
/// into `tile` at the slot's place in this AIV's UB.
template <typename Pipe, typename TileCons>
void popFromUb(Pipe &pipe, TileCons &tile) {
  using T = typename TileCons::DType;
  TASSIGN(tile, pipe.c2vConsumerBuf + (pipe.popIndex % Pipe::Slots) * Pipe::SlotBytes);
  tilec::isa::Instruction ins("TPOP", tilec::isa::Pipe::V);
  ins.write(tile, "dst");
  const std::vector<std::byte> &bytes = ins.core().crossCore->handOff(
      Pipe::FullFlag, ins.core().clusterPart, pipe.popIndex % Pipe::Slots);
  const int rows = tile.GetValidRow(), cols = tile.GetValidCol();
  if (bytes.size() != size_t(rows) * size_t(cols) * sizeof(T))
    ins.fail("pops a " + std::to_string(rows) + "x" + std::to_string(cols) +
             " tile from a slot the AIC filled with " + std::to_string(bytes.size()) + " bytes");
  const T *in = reinterpret_cast<const T *>(bytes.data());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      tile.at(r, c) = in[size_t(r) * cols + c];
}
} // namespace detail

/// The AIC pushes accumulator tile `tile` into the next slot of `pipe`: waits
/// for free slots when the ring is full, stores the tile row-major (fixpipe)
/// into the GM slot or moves its row halves into the AIVs' UB, then tells the
/// AIVs the slot is full.
template <typename Pipe, typename TileProd, TileSplitAxis Split>
void TPUSH(Pipe &pipe, TileProd &tile) {
  static_assert(TileProd::Loc == TileType::Acc, "TPUSH of a C2V pipe pushes an Acc (L0C) tile");
  static_assert(Split == TILE_NO_SPLIT || Split == TILE_UP_DOWN,
                "the CPU model splits C2V slots by rows (TILE_UP_DOWN) or not at all");
  if (Pipe::shouldWaitFree(pipe.pushIndex))
    wait_flag_dev(Pipe::FreeFlag);
  if (pipe.inUb()) {
    if (Split != TILE_UP_DOWN)
      tilec::isa::currentCore().fail("TPUSH into the AIVs' UB splits slots by rows "
                                     "(TILE_UP_DOWN)");
    detail::pushToUb(pipe, tile);
  } else {
    auto view = detail::slotView<typename TileProd::DType>(
        "TPUSH", pipe.slot(pipe.pushIndex), Pipe::SlotBytes, 0, tile.GetValidRow(),
        tile.GetValidCol());
    TSTORE(view, tile);
  }
  ffts_cross_core_sync(PIPE_FIX, getFFTSMsg(CV_CORES_SYNC, Pipe::FullFlag));
  ++pipe.pushIndex;
}

/// An AIV pops its part of the next slot of `pipe` into `tile`, which the
/// pipe places in its next local UB buffer: waits for the slot to be full,
/// loads it, and every SyncPeriod pops tells the AIC those slots are free.
template <typename Pipe, typename TileCons, TileSplitAxis Split>
void TPOP(Pipe &pipe, TileCons &tile) {
  static_assert(TileCons::Loc == TileType::Vec, "TPOP of a C2V pipe pops a Vec (UB) tile");
  static_assert(Split == TILE_NO_SPLIT || Split == TILE_UP_DOWN,
                "the CPU model splits C2V slots by rows (TILE_UP_DOWN) or not at all");
  using T = typename TileCons::DType;
  wait_flag_dev(Pipe::FullFlag);
  if (pipe.inUb()) {
    if (Split != TILE_UP_DOWN)
      tilec::isa::currentCore().fail("TPOP from the AIVs' UB takes row halves (TILE_UP_DOWN)");
    detail::popFromUb(pipe, tile);
    ++pipe.popIndex;
    return;
  }
  TASSIGN(tile, pipe.c2vConsumerBuf + (pipe.popIndex % Pipe::LocalSlots) * Pipe::SlotBytes);
  const size_t rowsBefore = Split == TILE_UP_DOWN ? size_t(get_subblockid()) : 0;
  auto view = detail::slotView<T>(
      "TPOP", pipe.slot(pipe.popIndex), Pipe::SlotBytes,
      rowsBefore * size_t(tile.GetValidRow()) * size_t(tile.GetValidCol()) * sizeof(T),
      tile.GetValidRow(), tile.GetValidCol());
  TLOAD(tile, view);
  if (Pipe::shouldNotifyFree(pipe.popIndex))
    ffts_cross_core_sync(PIPE_MTE2, getFFTSMsg(CV_CORES_SYNC, Pipe::FreeFlag));
  ++pipe.popIndex;
}

/// An AIV is done with the oldest slot it popped from a UB ring: on the
/// vector pipe, after its reads of the slot (declared as a write of it, so an
/// unordered read on another pipe is a hazard), and every SyncPeriod frees it
/// tells the AIC those slots are free.
template <typename Pipe, TileSplitAxis Split>
void TFREE(Pipe &pipe) {
  static_assert(Split == TILE_UP_DOWN, "the CPU model frees UB ring slots of row halves");
  tilec::isa::CoreContext &core = tilec::isa::currentCore();
  if (!pipe.inUb())
    core.fail("TFREE(pipe) frees slots of a ring in UB; this pipe's slots are in GM");
  if (pipe.freeIndex >= pipe.popIndex)
    core.fail("TFREE of a UB ring with no popped slot to free");
  {
    tilec::isa::Instruction ins("TFREE", tilec::isa::Pipe::V);
    const uint64_t begin = pipe.c2vConsumerBuf + (pipe.freeIndex % Pipe::Slots) * Pipe::SlotBytes;
    core.access({tilec::isa::MemSpace::UB, begin, begin + Pipe::SlotBytes}, /*write=*/true,
                "slot");
  }
  if (Pipe::shouldNotifyFree(pipe.freeIndex))
    ffts_cross_core_sync(PIPE_V, getFFTSMsg(CV_CORES_SYNC, Pipe::FreeFlag));
  ++pipe.freeIndex;
}

} // namespace pto
