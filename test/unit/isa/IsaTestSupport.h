// A modelled a2a3 core bound to the test thread, GM tensors registered with
// it, and small helpers to fill and read tiles.
#pragma once

#include "runtime/isa/Isa.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace tilec::isa::testing {

class IsaTest : public ::testing::Test {
protected:
  explicit IsaTest(CoreKind kind = CoreKind::Mixed, const char *target = "a2a3")
      : target_(*target::lookupTarget(target)),
        core_(std::make_unique<CoreContext>(target_, kind, &gm_)),
        bind_(*core_) {
    core_->kernelName = "test";
  }

  /// A GM tensor of n elements the model knows about (bounds checks).
  template <typename T> std::vector<T> &gmTensor(size_t n, const std::string &name) {
    auto owned = std::make_shared<std::vector<T>>(n);
    keep_.push_back(owned);
    gm_.add(owned->data(), n * sizeof(T), name);
    return *owned;
  }

  CoreContext &core() { return *core_; }
  const target::TargetDescription &target() { return target_; }

private:
  const target::TargetDescription &target_;
  GmRegistry gm_;
  std::unique_ptr<CoreContext> core_;
  BindCore bind_;
  std::vector<std::shared_ptr<void>> keep_;
};

/// Expects `stmt` to throw a ModelError whose message contains `text`.
#define EXPECT_MODEL_ERROR(stmt, text)                                         \
  do {                                                                         \
    try {                                                                      \
      stmt;                                                                    \
      ADD_FAILURE() << "expected a ModelError containing: " << (text);         \
    } catch (const ::tilec::isa::ModelError &e) {                              \
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos)           \
          << e.what();                                                         \
    }                                                                          \
  } while (0)

} // namespace tilec::isa::testing
