//===- ModelRunner.cpp - the kernel's C++ on the CPU model of the AI Core -===//
#include "ModelRunner.h"

#include "KernelArguments.h"
#include "KernelCpp.h"
#include "RunErrors.h"

#include "runtime/interp/KernelSignature.h"
#include "runtime/launch/KernelLoader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <chrono>
#include <fstream>

namespace tilec::run {
namespace {

mlir::LogicalResult fail(const llvm::Twine &message) {
  reportError(message);
  return mlir::failure();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The emitted C++ of the kernel's module: --cpp's file, else compiled now.
mlir::FailureOr<KernelCpp> kernelSource(tile::KernelOp kernel, const ModelOptions &options) {
  if (options.cppFile.empty()) {
    if (!PipelineOptions::forTarget(options.target->name))
      return fail("no compiler target '" + std::string(options.target->name) + "'");
    PipelineOptions pipeline = options.pipeline;
    pipeline.target = options.target->name;
    return compileToCpp(kernel->getParentOfType<mlir::ModuleOp>(), pipeline);
  }
  auto buffer = llvm::MemoryBuffer::getFile(options.cppFile);
  if (!buffer)
    return fail("--cpp " + options.cppFile + ": " + buffer.getError().message());
  return KernelCpp{(*buffer)->getBuffer().str(), {}};
}

/// Writes the trace through a temporary file, so a failed write leaves none.
mlir::LogicalResult writeTrace(const launch::ModelHost &host, const std::string &path) {
  std::string temp = path + ".tmp";
  {
    std::ofstream os(temp);
    host.writeTrace(os);
    if (!os)
      return fail("cannot write " + temp);
  }
  if (std::error_code error = llvm::sys::fs::rename(temp, path))
    return fail("cannot write " + path + ": " + error.message());
  return mlir::success();
}

} // namespace

mlir::FailureOr<std::vector<HostTensor>> ModelRunner::run(tile::KernelOp kernel,
                                                          const std::vector<HostTensor> &inputs) {
  const std::string name = kernel.getSymName().str();
  auto compileStart = std::chrono::steady_clock::now();
  mlir::FailureOr<KernelCpp> cpp = kernelSource(compiled_ ? compiled_ : kernel, options_);
  if (mlir::failed(cpp))
    return mlir::failure();
  Result<launch::LoadedKernel> loaded = launch::loadKernel(cpp->source, name, options_.compile);
  if (!loaded)
    return fail(loaded.error());
  info_.compileSeconds = secondsSince(compileStart);
  info_.cacheHit = loaded->object.cacheHit;
  info_.cacheKey = loaded->object.key;

  std::optional<int64_t> expected;
  if (auto it = cpp->launches.find(name); it != cpp->launches.end())
    expected = it->second;
  LaunchProgress progress(options_.progress, expected);
  launch::ModelHost host({options_.target, name, 0, !options_.tracePath.empty(),
                          std::ref(progress)});
  KernelArguments arguments = bindKernelArguments(interp::kernelParameters(kernel), inputs);
  for (const KernelArguments::GmTensor &tensor : arguments.gmTensors)
    host.addTensor(tensor.data, tensor.bytes, tensor.name);

  auto runStart = std::chrono::steady_clock::now();
  if (Status status = launch::runKernel(loaded->entry, host, arguments.params, arguments.scalars); !status)
    return fail(status.error());
  info_.runSeconds = secondsSince(runStart);
  info_.total = host.total();
  info_.launches = host.launches();
  info_.l2DirtyBytes = host.l2DirtyBytes();
  if (!options_.tracePath.empty() && mlir::failed(writeTrace(host, options_.tracePath)))
    return mlir::failure();
  return std::move(arguments.outputs);
}

} // namespace tilec::run
