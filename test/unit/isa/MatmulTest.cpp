// The cube path end to end (GM ND -> L1 NZ -> L0A/L0B -> TMATMUL -> L0C ->
// GM) against a naive loop summing 16-deep steps, for bf16, f16, f32 and int8.
#include "test/unit/isa/IsaTestSupport.h"

#include <algorithm>
#include <random>

namespace tilec::isa::testing {
namespace {
using namespace pto;

template <typename T> using GmMatrix =
    GlobalTensor<T, Shape<1, 1, 1, DYNAMIC, DYNAMIC>, Stride<1, 1, 1, DYNAMIC, 1>>;

template <typename T> GmMatrix<T> view(T *p, int rows, int cols) {
  return GmMatrix<T>(p, typename GmMatrix<T>::Shape(rows, cols),
                     typename GmMatrix<T>::Stride(cols));
}

template <typename T> T randomValue(std::mt19937 &rng) {
  if constexpr (std::is_same_v<T, int8_t>)
    return int8_t(std::uniform_int_distribution<int>(-128, 127)(rng));
  else
    return store<T>(std::uniform_real_distribution<float>(-2, 2)(rng));
}

class Matmul : public IsaTest {
protected:
  void sync(pipe_t from, pipe_t to) {
    set_flag(from, to, EVENT_ID0);
    wait_flag(from, to, EVENT_ID0);
  }

  /// C = A * B (+ A * B again when `twice`, through TMATMUL_ACC) with
  /// operands in L1 as NZ, moved to L0A/L0B, result stored as f32/i32.
  template <typename T, typename C, int M, int K, int N, int MP, int KP, int NP>
  void run(bool twice) {
    std::mt19937 rng(M * 1000 + K * 10 + N);
    auto &a = gmTensor<T>(M * K, "a");
    auto &b = gmTensor<T>(K * N, "b");
    auto &c = gmTensor<C>(M * N, "c");
    for (auto &v : a) v = randomValue<T>(rng);
    for (auto &v : b) v = randomValue<T>(rng);

    using MatA = Tile<TileType::Mat, T, MP, KP, BLayout::ColMajor, M, K, SLayout::RowMajor>;
    using MatB = Tile<TileType::Mat, T, KP, NP, BLayout::ColMajor, K, N, SLayout::RowMajor>;
    MatA l1a;
    MatB l1b;
    TileLeft<T, MP, KP, M, K> l0a;
    TileRight<T, KP, NP, K, N> l0b;
    TileAcc<C, MP, NP, M, N> acc;
    TASSIGN(l1a, 0);
    TASSIGN(l1b, 256 * 1024);
    TASSIGN(l0a, 0);
    TASSIGN(l0b, 0);
    TASSIGN(acc, 0);
    auto ga = view(a.data(), M, K);
    auto gb = view(b.data(), K, N);
    auto gc = view(c.data(), M, N);
    TLOAD(l1a, ga);
    TLOAD(l1b, gb);
    sync(PIPE_MTE2, PIPE_MTE1);
    TMOV(l0a, l1a);
    TMOV(l0b, l1b);
    sync(PIPE_MTE1, PIPE_M);
    TMATMUL(acc, l0a, l0b);
    if (twice)
      TMATMUL_ACC(acc, acc, l0a, l0b);
    sync(PIPE_M, PIPE_FIX);
    TSTORE(gc, acc);

    for (int i = 0; i < M; ++i)
      for (int j = 0; j < N; ++j) {
        // Float products are summed per 16-deep cube step, each step's sum
        // then added to the accumulator; int8 sums are exact.
        C ref = 0;
        for (int pass = 0; pass < (twice ? 2 : 1); ++pass)
          for (int p0 = 0; p0 < K; p0 += 16) {
            C step = 0;
            for (int p = p0; p < std::min(K, p0 + 16); ++p) {
              if constexpr (std::is_same_v<C, int32_t>)
                step += int32_t(a[i * K + p]) * int32_t(b[p * N + j]);
              else
                step += float(load(a[i * K + p])) * float(load(b[p * N + j]));
            }
            ref += step;
          }
        ASSERT_EQ(c[i * N + j], ref) << i << "," << j;
      }
  }
};

TEST_F(Matmul, Bf16FullFractals) { run<bfloat16_t, float, 32, 64, 48, 32, 64, 48>(false); }
TEST_F(Matmul, Bf16PartialValidRegion) { run<bfloat16_t, float, 20, 40, 24, 32, 48, 32>(false); }
TEST_F(Matmul, F16Accumulates) { run<half, float, 16, 32, 16, 16, 32, 16>(true); }
TEST_F(Matmul, F32) { run<float, float, 24, 40, 16, 32, 48, 16>(false); }
TEST_F(Matmul, Int8) { run<int8_t, int32_t, 48, 96, 40, 48, 96, 64>(false); }
TEST_F(Matmul, Int8LongKIsExact) { run<int8_t, int32_t, 16, 1088, 16, 16, 1088, 32>(true); }

TEST_F(Matmul, FractalLayoutsMatchTheHardwareOrder) {
  // Left is K1 M1 M0 K0: element (m, k) of a 32 x 64 bf16 tile lives at
  // ((k / 16) * 2 + m / 16) * 256 + (m % 16) * 16 + k % 16.
  using L = TileLayout<TileLeft<bfloat16_t, 32, 64>>;
  EXPECT_EQ(L::offset(17, 35), size_t((2 * 2 + 1) * 256 + 1 * 16 + 3));
  // Right is K1 N1 N0 K0: (k, n) of a 64 x 32 bf16 tile.
  using R = TileLayout<TileRight<bfloat16_t, 64, 32>>;
  EXPECT_EQ(R::offset(35, 17), size_t((2 * 2 + 1) * 256 + 1 * 16 + 3));
  // Acc is N1 M1 M0 N0 with 16 x 16 fractals: (m, n) of a 32 x 48 f32 tile.
  using C = TileLayout<TileAcc<float, 32, 48>>;
  EXPECT_EQ(C::offset(17, 35), size_t((2 * 2 + 1) * 256 + 1 * 16 + 3));
  // int8 fractals are 16 x 32 on the left and 32 x 16 on the right.
  using L8 = TileLayout<TileLeft<int8_t, 16, 64>>;
  EXPECT_EQ(L8::offset(1, 33), size_t(512 + 32 + 1));
}

} // namespace
} // namespace tilec::isa::testing
