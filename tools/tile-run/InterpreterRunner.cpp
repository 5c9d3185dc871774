//===- InterpreterRunner.cpp - --interpret: the reference interpreter -----===//
#include "KernelRunner.h"

#include "runtime/interp/Interpreter.h"

namespace tilec::run {
namespace {

class InterpreterRunner : public KernelRunner {
public:
  mlir::FailureOr<std::vector<HostTensor>> run(tile::KernelOp kernel,
                                               const std::vector<HostTensor> &inputs) override {
    return interp::interpretKernel(kernel, inputs);
  }
};

} // namespace

std::unique_ptr<KernelRunner> createInterpreterRunner() { return std::make_unique<InterpreterRunner>(); }

} // namespace tilec::run
