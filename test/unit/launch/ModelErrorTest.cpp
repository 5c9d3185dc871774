// Kernels the model rejects: the error names kernel, task and block, and
// comes out of runKernel as a Status instead of a crash.
#include "test/unit/launch/LaunchTestSupport.h"

namespace tilec::launch::testing {
namespace {

Status runBadKernel(const std::string &kernel, int threads = 2) {
  LoadedKernel loaded = loadTestKernel("bad_kernels.cpp", kernel);
  if (!loaded.entry)
    return Error{"not loaded"};
  static std::vector<float> x(3 * 256, 1.0f);
  ModelHost host({&a2a3(), kernel, threads, false, {}});
  host.addTensor(x.data(), x.size() * sizeof(float), "x");
  return runKernel(loaded.entry, host, {x.data()}, {});
}

void expectContains(const Status &status, const std::string &text) {
  ASSERT_FALSE(bool(status));
  EXPECT_NE(status.error().find(text), std::string::npos)
      << "expected '" << text << "' in: " << status.error();
}

TEST(ModelErrorTest, OutOfBoundsGmNamesTheBlockAndTensor) {
  Status status = runBadKernel("out_of_bounds");
  expectContains(status, "kernel 'out_of_bounds/load_block' block 3/4, instruction #1 TLOAD");
  expectContains(status, "'x'");
}

TEST(ModelErrorTest, AMissingSetFlagIsReportedForTheLowestBlock) {
  for (int threads : {1, 2}) {
    Status status = runBadKernel("missing_flag", threads);
    expectContains(status, "kernel 'missing_flag/wait_unset' block 0/2");
    expectContains(status, "wait_flag(PIPE_MTE2, PIPE_V, 0) with no earlier set_flag");
  }
}

TEST(ModelErrorTest, AGmPointerTheHostNeverAllocatedIsRejected) {
  expectContains(runBadKernel("stray_pointer"),
                 "kernel 'stray_pointer/load_block': GM argument #0 points into no kernel "
                 "tensor or scratch buffer");
}

} // namespace
} // namespace tilec::launch::testing
