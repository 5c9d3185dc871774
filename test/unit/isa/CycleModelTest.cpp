// Hand-computed cycle-model cases: one TLOAD, one matmul, a single- and a
// double-buffered load/compute loop, plus the report and the trace.
#include "test/unit/isa/IsaTestSupport.h"

#include "runtime/isa/Report.h"

#include <sstream>

namespace tilec::isa::testing {
namespace {
using namespace pto;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

class CycleModelTest : public IsaTest {};

TEST_F(CycleModelTest, OneSmallLoadFollowsTheSmallTransferCurve) {
  using Vec = Tile<TileType::Vec, float, 16, 16>;
  using Gm = GlobalTensor<float, Shape<1, 1, 1, 16, 16>, Stride<1, 1, 1, 16, 1>>;
  auto &x = gmTensor<float>(256, "x");
  Gm gx(x.data());
  Vec a;
  TASSIGN(a, 0);
  TLOAD(a, gx);
  // 1 KiB: (1024 + 30000) B at 247 GiB/s beats 1024 B at 101 GiB/s.
  const double expected = (1024.0 + 30000.0) / (247 * kGiB) * 1.85e9; // ~216.4
  EXPECT_NEAR(core().cycles.now(Pipe::MTE2), expected, 1e-9);
  EXPECT_NEAR(expected, 216.4, 0.1);
  EXPECT_EQ(core().cycles.bytes(Path::GmToUb), 1024u);
  EXPECT_EQ(core().cycles.now(Pipe::V), 0.0);
}

TEST_F(CycleModelTest, OneLargeLoadRunsAtTheSustainedRate) {
  using Vec = Tile<TileType::Vec, float, 256, 128>;
  using Gm = GlobalTensor<float, Shape<1, 1, 1, 256, 128>, Stride<1, 1, 1, 128, 1>>;
  auto &x = gmTensor<float>(256 * 128, "x");
  Gm gx(x.data());
  Vec a;
  TASSIGN(a, 0);
  TLOAD(a, gx);
  EXPECT_NEAR(core().cycles.now(Pipe::MTE2), 131072.0 / (101 * kGiB) * 1.85e9, 1e-9);
}

TEST_F(CycleModelTest, OneMatmulCountsFractalSteps) {
  TileLeft<bfloat16_t, 32, 64> a;
  TileRight<bfloat16_t, 64, 48> b;
  TileAcc<float, 32, 48> c;
  TASSIGN(a, 0);
  TASSIGN(b, 0);
  TASSIGN(c, 0);
  TMATMUL(c, a, b);
  // (32/16) * (64/16) * (48/16) = 24 steps of one cycle, plus 16 to issue.
  EXPECT_DOUBLE_EQ(core().cycles.now(Pipe::M), 24 + 16);
  EXPECT_EQ(core().cycles.macs(), 32u * 64 * 48);
}

/// Loads 64x64 f32 tiles and adds each to itself, `buffers` buffers deep.
class LoadComputeLoop : public IsaTest {
protected:
  using Vec = Tile<TileType::Vec, float, 64, 64>;
  using Gm = GlobalTensor<float, Shape<1, 1, 1, 64, 64>, Stride<1, 1, 1, 64, 1>>;
  static constexpr int kIters = 4;
  // 16 KiB load: max(16384 / 101 GiB/s, 46384 / 247 GiB/s) = 323.6 cycles.
  const double load = (16384.0 + 30000.0) / (247 * kGiB) * 1.85e9;
  // 64 rows x one 256-byte repeat x 2 cycles (binary) + 8 to issue.
  const double add = 64 * 2 + 8;

  void run(int buffers) {
    auto &x = gmTensor<float>(64 * 64 * kIters, "x");
    Vec in[2], out[2];
    for (int b = 0; b < 2; ++b) {
      TASSIGN(in[b], b * 16384);
      TASSIGN(out[b], 65536 + b * 16384);
    }
    for (int i = 0; i < kIters; ++i) {
      int b = i % buffers;
      if (i >= buffers)
        wait_flag(PIPE_V, PIPE_MTE2, b); // the add of iteration i - buffers
      Gm gx(x.data() + i * 64 * 64);
      TLOAD(in[b], gx);
      set_flag(PIPE_MTE2, PIPE_V, b);
      wait_flag(PIPE_MTE2, PIPE_V, b);
      TADD(out[b], in[b], in[b]);
      if (i + buffers < kIters)
        set_flag(PIPE_V, PIPE_MTE2, b);
    }
  }
};

TEST_F(LoadComputeLoop, SingleBufferSerialises) {
  run(1);
  EXPECT_NEAR(core().cycles.elapsedCycles(), kIters * (load + add), 1e-6);
}

TEST_F(LoadComputeLoop, DoubleBufferOverlapsLoadsWithAdds) {
  run(2);
  // Loads run back to back; only the last add is exposed.
  EXPECT_NEAR(core().cycles.elapsedCycles(), kIters * load + add, 1e-6);
  EXPECT_NEAR(core().cycles.busyCycles(Pipe::MTE2), kIters * load, 1e-6);
  EXPECT_NEAR(core().cycles.busyCycles(Pipe::V), kIters * add, 1e-6);
}

TEST_F(LoadComputeLoop, ReportAndTrace) {
  core().cycles.traceEnabled = true;
  run(2);
  ModelReport r = summarize(target(), {&core()});
  EXPECT_NEAR(r.micros, (kIters * load + add) / 1850.0, 1e-9);
  EXPECT_EQ(r.bytes[int(Path::GmToUb)], uint64_t(kIters) * 16384);
  EXPECT_EQ(r.gmBytes, uint64_t(kIters) * 16384);
  EXPECT_NEAR(r.busyMicros[int(Pipe::V)], kIters * add / 1850.0, 1e-9);
  EXPECT_STREQ(r.boundBy(), "memory");
  EXPECT_GT(r.rooflineRatio(), 0.0);

  std::ostringstream json;
  writeChromeTrace(json, {&core()});
  const std::string s = json.str();
  EXPECT_NE(s.find("\"traceEvents\""), std::string::npos);
  EXPECT_NE(s.find("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":0,\"tid\":4,"
                   "\"args\":{\"name\":\"MTE2\"}}"),
            std::string::npos);
  EXPECT_NE(s.find("{\"ph\":\"X\",\"name\":\"TLOAD\",\"pid\":0,\"tid\":4,\"ts\":0,"),
            std::string::npos);
  EXPECT_NE(s.find("\"name\":\"TADD\""), std::string::npos);
}

} // namespace
} // namespace tilec::isa::testing
