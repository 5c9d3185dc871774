//===- ParserRobustnessTest.cpp - lexer/parser survive any input ----------===//
//
// Random bytes, random token soups and pathological nesting must produce
// diagnostics, never a crash or a hang, and must always terminate.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Frontend.h"
#include "compiler/frontend/Parser.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <random>

using namespace tilec::frontend;

namespace {

/// Runs the whole frontend on `source`, counting the errors it reports.
struct FrontendRun {
  explicit FrontendRun(const std::string &source) {
    mlir::MLIRContext ctx;
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &diag) {
      if (diag.getSeverity() == mlir::DiagnosticSeverity::Error) {
        ++errors;
        // Op verifiers prefix their messages with the op name ('tile.cast' op ...).
        std::string message = diag.str();
        if (message.rfind("'", 0) == 0 && message.find("' op ") != std::string::npos)
          verifierErrors.push_back(message);
      }
      return mlir::success();
    });
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(source, "fuzz.tile"), llvm::SMLoc());
    succeeded = static_cast<bool>(compileTileSource(sourceMgr, ctx, FrontendOptions()));
  }
  unsigned errors = 0;
  /// Errors from the IR verifier: Sema should have rejected the program first.
  std::vector<std::string> verifierErrors;
  bool succeeded = false;
};

const char *const kTokens[] = {
    "kernel", "const", "import", "let", "for", "in", "out", "scope", "on", "tensor", "range", "parallel",
    "pipeline", "x", "y", "T", "bf16", "f32", "i8", "i32", "cast", "matmul", "rms_norm", "quant_int8", "rope",
    "rint", "0", "1", "64", "1e-6", "2.5", "\"a.tile\"", "\"unterminated", "(", ")", "[", "]", "{", "}", "<",
    ">", ",", ":", ";", "=", "+", "-", "*", "/", "//", "%", "#c\n", "\n", " ", "\x01", "\xff", "@", "$"};

TEST(ParserRobustness, RandomBytes) {
  std::mt19937 rng(1234);
  for (int iteration = 0; iteration < 400; ++iteration) {
    std::string source(rng() % 300, '\0');
    for (char &c : source)
      c = static_cast<char>(rng() % 256);
    FrontendRun run(source);
    EXPECT_FALSE(run.succeeded && run.errors) << "errors reported but the frontend succeeded";
  }
}

TEST(ParserRobustness, RandomTokenSoup) {
  std::mt19937 rng(42);
  for (int iteration = 0; iteration < 2000; ++iteration) {
    std::string source;
    size_t length = rng() % 120;
    for (size_t i = 0; i < length; ++i) {
      source += kTokens[rng() % std::size(kTokens)];
      source += ' ';
    }
    FrontendRun run(source);
    EXPECT_TRUE(run.succeeded || run.errors > 0) << "failed without a diagnostic on: " << source;
  }
}

// Mutations of a valid kernel reach deeper into Sema and IRGen.
TEST(ParserRobustness, MutatedKernel) {
  const std::string valid = R"(
const T = 64
const D = 128
const R = 32
kernel k(x: tensor<[T, D], bf16>, g: tensor<[D], bf16>, w: tensor<[D, D], bf16>, s: i32,
         tab: tensor<[256, R], bf16>, pos: tensor<[T], i32>, out y: tensor<[T, D], bf16>,
         out q: tensor<[T, D], i8>, out sc: tensor<[T, 1], f32>) {
  let xf = cast(x, f32)
  let acc = zeros([T, 1], f32)
  for t in range(0, T, 16) {
    let n = rms_norm(xf[t:t+16, :], g, eps=1e-6)
    y[t:t+16, :] = cast(n * 2.0 - row_max(n), bf16, round=rint)
    acc[t:t+16, :] = row_sum(abs(n)) / D
  }
  let cos = cast(tab[s : s + T, :], f32)
  let sin = cast(tab[pos, :], f32)
  let m = matmul(x, w)
  let e = gather(m, even)
  let r = rope(m, cos, sin, offset=D - 2 * R) + interleave(e, gather(m, odd))
  let qq, ss = quant_int8(r, scale_max=127.0, amax_eps=1e-4)
  scope "out" on vector { q = qq; sc = ss * acc }
  for h in pipeline(0, 4, 1, stages=2) { y[:, h * 32 : h * 32 + 32] = cast(r[:, 0:32], bf16, round=rint) }
}
)";
  ASSERT_TRUE(FrontendRun(valid).succeeded);
  std::mt19937 rng(7);
  for (int iteration = 0; iteration < 1500; ++iteration) {
    std::string source = valid;
    int edits = 1 + rng() % 3;
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % source.size();
      switch (rng() % 3) {
      case 0: source.erase(at, 1 + rng() % 4); break;
      case 1: source.insert(at, kTokens[rng() % std::size(kTokens)]); break;
      default: source[at] = static_cast<char>(rng() % 128); break;
      }
    }
    FrontendRun run(source);
    EXPECT_TRUE(run.succeeded || run.errors > 0) << "failed without a diagnostic on: " << source;
    EXPECT_TRUE(run.verifierErrors.empty()) << run.verifierErrors.front() << "\non: " << source;
  }
}

TEST(ParserRobustness, DeepNestingIsAnErrorNotACrash) {
  for (const char *open : {"(", "[", "-", "exp(", "x[", "for i in range(2) {"}) {
    std::string source = "kernel k(out y: tensor<[1], f32>) { let a = ";
    for (int i = 0; i < 100000; ++i)
      source += open;
    FrontendRun run(source);
    EXPECT_FALSE(run.succeeded);
    EXPECT_GT(run.errors, 0u);
  }
}

TEST(ParserRobustness, ManyErrorsAreCapped) {
  std::string source;
  for (int i = 0; i < 5000; ++i)
    source += "@ ";
  FrontendRun run(source);
  EXPECT_FALSE(run.succeeded);
  EXPECT_LE(run.errors, 25u);
}

} // namespace
