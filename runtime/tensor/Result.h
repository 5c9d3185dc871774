// Value-or-error results for the runtime's I/O. The runtime stays free of LLVM,
// so this replaces llvm::Expected with the little that is needed: one
// user-facing message per failure.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tilec {

/// A failure to report to the user: one line, no trailing newline.
struct Error {
  std::string message;
};

/// Either a T or an Error. Test with `if (!r)`, read with `*r` or `r->`,
/// report with `r.error()`.
template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  explicit operator bool() const { return state_.index() == 0; }

  T &operator*() & { return std::get<0>(state_); }
  const T &operator*() const & { return std::get<0>(state_); }
  T &&operator*() && { return std::get<0>(std::move(state_)); }
  T *operator->() { return &std::get<0>(state_); }
  const T *operator->() const { return &std::get<0>(state_); }

  const std::string &error() const {
    assert(!*this && "error() of a successful Result");
    return std::get<1>(state_).message;
  }

private:
  std::variant<T, Error> state_;
};

/// Success, or an Error for operations that produce no value.
class [[nodiscard]] Status {
public:
  Status() = default;
  Status(Error error) : failed_(true), message_(std::move(error.message)) {}

  explicit operator bool() const { return !failed_; }

  const std::string &error() const {
    assert(failed_ && "error() of a successful Status");
    return message_;
  }

private:
  bool failed_ = false;
  std::string message_;
};

} // namespace tilec
