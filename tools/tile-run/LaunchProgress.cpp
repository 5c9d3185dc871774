//===- LaunchProgress.cpp - launches done / expected, while a run lasts ---===//
#include "LaunchProgress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::run {
namespace {
/// A run shorter than this finishes before anyone wonders whether it hangs.
constexpr double kQuietSeconds = 2.0;
} // namespace

LaunchProgress::LaunchProgress(ProgressMode mode, std::optional<int64_t> expected)
    : enabled(mode != ProgressMode::Never),
      terminal(llvm::sys::Process::StandardErrIsDisplayed()),
      quiet(mode == ProgressMode::Auto), expected(expected) {
  if (mode == ProgressMode::Auto && !terminal)
    enabled = false;
}

LaunchProgress::~LaunchProgress() {
  if (shown && terminal)
    llvm::errs() << "\r\x1b[K";
}

void LaunchProgress::operator()(const launch::LaunchRecord &launch) {
  ++done;
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!enabled || (quiet && seconds < kQuietSeconds))
    return;
  llvm::raw_ostream &os = llvm::errs();
  if (terminal)
    os << "\r\x1b[K";
  os << "model: launch " << done;
  if (expected)
    os << " / " << *expected;
  os << " (" << launch.task << ", " << launch.blocks << " blocks), "
     << llvm::format("%.1f", seconds) << " s";
  os << (terminal ? "" : "\n");
  os.flush();
  shown = true;
}

} // namespace tilec::run
