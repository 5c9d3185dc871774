// The one error the CPU model raises: a kernel did something the NPU would
// fail on (hazard, capacity, alignment, out-of-bounds, illegal operation).
#pragma once

#include <stdexcept>
#include <string>

namespace tilec::isa {

class ModelError : public std::runtime_error {
public:
  explicit ModelError(const std::string &message)
      : std::runtime_error(message) {}
};

} // namespace tilec::isa
