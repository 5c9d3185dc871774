//===- TaskTargetTest.cpp - #ascend.target and the target descriptions ----===/
#include "base/TargetDescription.h"
#include "compiler/conversion/TaskTarget.h"

#include <gtest/gtest.h>

namespace tilec {
namespace {

// Every target the dialect can name has a description of that name, and
// every description can be named: the enum and base/ list the same chips.
TEST(TaskTargetTest, EveryEnumCaseIsADescribedTarget) {
  std::vector<std::string_view> described = target::targetNames();
  ASSERT_EQ(described.size(), size_t(ascend::getMaxEnumValForTarget()) + 1);
  for (uint32_t value = 0; value <= ascend::getMaxEnumValForTarget(); ++value) {
    auto chip = ascend::Target(value);
    llvm::StringRef name = ascend::stringifyTarget(chip);
    EXPECT_EQ(describeTarget(chip).name, std::string_view(name.data(), name.size()));
  }
  for (std::string_view name : described)
    EXPECT_TRUE(ascend::symbolizeTarget(llvm::StringRef(name.data(), name.size())))
        << name;
}

} // namespace
} // namespace tilec
