// A ring in the AIVs' UB (a5, a TPipe without GM slots; runtime/isa/TPipe.h):
// each runtime check of its TPUSH, TPOP and TFREE, on small hand-written
// kernels run straight on the scheduler. The working path is run end to end
// by test/Runtime/model-mixed-launch-ub.test.
#include "test/unit/launch/LaunchTestSupport.h"

#include "runtime/isa/Isa.h"
#include "runtime/launch/BlockScheduler.h"

namespace tilec::launch::testing {
namespace {

using namespace pto;

constexpr int kRows = 16, kCols = 16;
/// An AIV's half of a 16 x 16 f32 accumulator.
constexpr uint32_t kHalfBytes = kRows / 2 * kCols * sizeof(float);
using UbPipe = TPipe<0, DIR_C2V, kHalfBytes, 2>;
using Acc = TileAcc<float, kRows, kCols>;
using Half = Tile<TileType::Vec, float, kRows / 2, kCols>;

const target::TargetDescription &a5() { return *target::lookupTarget("a5"); }

/// The error of one block of `cube` (with `vector` on the AIVs when given: a
/// mixed launch; alone otherwise) on a5, y (`kRows x kCols` f32) its only GM.
std::string errorOf(isa::TaskEntry cube, isa::TaskEntry vector = nullptr,
                    isa::CoreKind kind = isa::CoreKind::Mixed) {
  std::vector<float> y(kRows * kCols);
  isa::GmRegistry gm;
  gm.add(y.data(), y.size() * sizeof(float), "y");
  void *params[] = {y.data()};
  L2Cache l2(a5());
  BlocksResult result =
      runBlocks(a5(), gm, l2, {"ub/ring", cube, vector, kind, 1, params, nullptr, 0, false}, 2);
  EXPECT_TRUE(result.error) << "the launch ran without an error";
  return result.error ? *result.error : std::string();
}

template <typename Pipe, TileSplitAxis Split>
void pushOne(isa::CoreContext *core, void *const *, const int64_t *, int32_t block,
             int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  Pipe pipe(nullptr, 0, 0);
  Acc acc;
  TASSIGN(acc, 0);
  TPUSH<Pipe, Acc, Split>(pipe, acc);
}

template <typename Popped, TileSplitAxis Split>
void popOne(isa::CoreContext *core, void *const *, const int64_t *, int32_t block,
            int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  UbPipe pipe(nullptr, 0, 0);
  Popped tile;
  TPOP<UbPipe, Popped, Split>(pipe, tile);
  TFREE<UbPipe, TILE_UP_DOWN>(pipe);
}

TEST(UbRingTest, APushOutsideAMixedLaunchFails) {
  std::string error =
      errorOf(pushOne<UbPipe, TILE_UP_DOWN>, nullptr, isa::CoreKind::Cube);
  EXPECT_NE(error.find("TPUSH (pipe FIX): a TPipe needs a mixed launch"), std::string::npos)
      << error;
}

TEST(UbRingTest, APushIntoUbSplitsByRows) {
  std::string error =
      errorOf(pushOne<UbPipe, TILE_NO_SPLIT>, nullptr, isa::CoreKind::Cube);
  EXPECT_NE(error.find("TPUSH into the AIVs' UB splits slots by rows (TILE_UP_DOWN)"),
            std::string::npos)
      << error;
}

void pushOddRows(isa::CoreContext *core, void *const *, const int64_t *, int32_t block,
                 int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  UbPipe pipe(nullptr, 0, 0);
  TileAcc<float, kRows, kCols, DYNAMIC, kCols> acc(kRows - 1);
  TASSIGN(acc, 0);
  TPUSH<UbPipe, decltype(acc), TILE_UP_DOWN>(pipe, acc);
}

TEST(UbRingTest, APushOfOddRowsFails) {
  std::string error = errorOf(pushOddRows, popOne<Half, TILE_UP_DOWN>);
  EXPECT_NE(error.find("splits a 15-row accumulator between 2 AIVs by rows"), std::string::npos)
      << error;
}

TEST(UbRingTest, AHalfLargerThanThePipesSlotsFails) {
  using Small = TPipe<0, DIR_C2V, kHalfBytes / 2, 2>;
  std::string error = errorOf(pushOne<Small, TILE_UP_DOWN>, popOne<Half, TILE_UP_DOWN>);
  EXPECT_NE(error.find("a 8x16 half slot does not fit the pipe's 256-byte slots"),
            std::string::npos)
      << error;
}

TEST(UbRingTest, APopOfAnotherShapeFails) {
  using Quarter = Tile<TileType::Vec, float, kRows / 4, kCols>;
  std::string error = errorOf(pushOne<UbPipe, TILE_UP_DOWN>, popOne<Quarter, TILE_UP_DOWN>);
  EXPECT_NE(error.find("TPOP (pipe V): pops a 4x16 tile from a slot the AIC filled with 512 "
                       "bytes"),
            std::string::npos)
      << error;
}

TEST(UbRingTest, APopFromUbTakesRowHalves) {
  std::string error = errorOf(pushOne<UbPipe, TILE_UP_DOWN>, popOne<Half, TILE_NO_SPLIT>);
  EXPECT_NE(error.find("TPOP from the AIVs' UB takes row halves (TILE_UP_DOWN)"),
            std::string::npos)
      << error;
}

void freeGmPipe(isa::CoreContext *core, void *const *gm, const int64_t *, int32_t block,
                int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  UbPipe pipe(gm[0], 0, 0);
  TFREE<UbPipe, TILE_UP_DOWN>(pipe);
}

void freeUnpopped(isa::CoreContext *core, void *const *, const int64_t *, int32_t block,
                  int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  UbPipe pipe(nullptr, 0, 0);
  TFREE<UbPipe, TILE_UP_DOWN>(pipe);
}

TEST(UbRingTest, AFreeOfAGmPipeFails) {
  std::string error = errorOf(freeGmPipe, nullptr, isa::CoreKind::Vector);
  EXPECT_NE(error.find("TFREE(pipe) frees slots of a ring in UB; this pipe's slots are in GM"),
            std::string::npos)
      << error;
}

TEST(UbRingTest, AFreeWithoutAPopFails) {
  std::string error = errorOf(freeUnpopped, nullptr, isa::CoreKind::Vector);
  EXPECT_NE(error.find("TFREE of a UB ring with no popped slot to free"), std::string::npos)
      << error;
}

/// Stores its popped half with MTE3 and frees it with no flag between: the
/// AIC could refill the slot while MTE3 still reads it.
void storeThenFree(isa::CoreContext *core, void *const *gm, const int64_t *, int32_t block,
                   int32_t blocks) {
  isa::BindCore bind(*core, block, blocks);
  UbPipe pipe(nullptr, 0, 0);
  Half tile;
  TPOP<UbPipe, Half, TILE_UP_DOWN>(pipe, tile);
  set_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  wait_flag(PIPE_V, PIPE_MTE3, EVENT_ID0);
  GlobalTensor<float, Shape<1, 1, 1, kRows / 2, kCols>, Stride<1, 1, 1, kCols, 1>> y(
      static_cast<float *>(gm[0]) + get_subblockid() * (kRows / 2) * kCols);
  TSTORE(y, tile);
  TFREE<UbPipe, TILE_UP_DOWN>(pipe);
}

TEST(UbRingTest, AFreeNotOrderedAfterAReadOfTheSlotIsAHazard) {
  std::string error = errorOf(pushOne<UbPipe, TILE_UP_DOWN>, storeThenFree);
  EXPECT_NE(error.find("instruction #"), std::string::npos) << error;
  EXPECT_NE(error.find("TFREE (pipe V): hazard on slot UB[0x0, 0x200): this instruction writes "
                       "it while pipe MTE3 may still be reading it"),
            std::string::npos)
      << error;
}

} // namespace
} // namespace tilec::launch::testing
