// Host throughput of the modelled cube: GMAC/s of TMATMUL_ACC on full L0
// tiles (bf16 128x256x128, int8 128x512x128), and of the whole per-tile
// cube step (L1 -> L0A/L0B moves + matmul) on one host core.
#include "runtime/isa/Isa.h"

#include <chrono>
#include <cstdio>

using namespace pto;
namespace isa = tilec::isa;

namespace {

template <typename T, typename C, int M, int K, int N>
void bench(const char *label) {
  using MatA = Tile<TileType::Mat, T, M, K, BLayout::ColMajor, M, K, SLayout::RowMajor>;
  using MatB = Tile<TileType::Mat, T, K, N, BLayout::ColMajor, K, N, SLayout::RowMajor>;
  MatA l1a;
  MatB l1b;
  TileLeft<T, M, K> l0a;
  TileRight<T, K, N> l0b;
  TileAcc<C, M, N> acc;
  TASSIGN(l1a, 0);
  TASSIGN(l1b, 256 * 1024);
  TASSIGN(l0a, 0);
  TASSIGN(l0b, 0);
  TASSIGN(acc, 0);
  for (int r = 0; r < M; ++r)
    for (int c = 0; c < K; ++c)
      l1a.at(r, c) = isa::store<T>(isa::ComputeT<T>((r * 3 + c) % 7 - 3));
  for (int r = 0; r < K; ++r)
    for (int c = 0; c < N; ++c)
      l1b.at(r, c) = isa::store<T>(isa::ComputeT<T>((r + 5 * c) % 5 - 2));
  pipe_barrier(PIPE_ALL); // L0A/L0B may still be read by the previous run
  TMOV(l0a, l1a);
  TMOV(l0b, l1b);
  set_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
  wait_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
  TMATMUL(acc, l0a, l0b);

  using Clock = std::chrono::steady_clock;
  const double macs = double(M) * K * N;
  int reps = 0;
  auto start = Clock::now();
  double seconds = 0;
  while (seconds < 1.0) {
    TMATMUL_ACC(acc, acc, l0a, l0b);
    ++reps;
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  double matmulRate = macs * reps / seconds / 1e9;

  reps = 0;
  start = Clock::now();
  seconds = 0;
  while (seconds < 1.0) {
    set_flag(PIPE_M, PIPE_MTE1, EVENT_ID0);
    wait_flag(PIPE_M, PIPE_MTE1, EVENT_ID0);
    TMOV(l0a, l1a);
    TMOV(l0b, l1b);
    set_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
    wait_flag(PIPE_MTE1, PIPE_M, EVENT_ID0);
    TMATMUL_ACC(acc, acc, l0a, l0b);
    ++reps;
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  double stepRate = macs * reps / seconds / 1e9;
  std::printf("%-5s %dx%dx%d  TMATMUL_ACC %6.1f GMAC/s   TMOV+TMOV+TMATMUL_ACC %6.1f GMAC/s\n",
              label, M, K, N, matmulRate, stepRate);
}

} // namespace

int main() {
  const auto *target = tilec::target::lookupTarget("a2a3");
  isa::CoreContext core(*target, isa::CoreKind::Cube);
  core.kernelName = "isa-matmul-bench";
  isa::BindCore bind(core);
  bench<bfloat16_t, float, 128, 256, 128>("bf16");
  bench<int8_t, int32_t, 128, 512, 128>("int8");
  return 0;
}
