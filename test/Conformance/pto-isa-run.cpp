//===- pto-isa-run.cpp - a kernel built against pto-isa, on host tensors --===//
//
// pto-isa-run FILE.tile [-D NAME=VALUE]... [-I DIR]... [--kernel NAME]
//             --object KERNEL.so --inputs DIR --outputs DIR
//
// The conformance harness's host: KERNEL.so is tilec's C++ for FILE.tile
// compiled unmodified against pto-isa's headers (CPU simulator) with this
// folder's include/ (tilec/launch.h: the launch ABI on the simulator). Runs
// the kernel's host program on the tensors of DIR (tile-run --save-inputs)
// and writes one <output>.npy per output, like tile-run --outputs.
//
//===----------------------------------------------------------------------===//
#include "test/Conformance/SimHost.h"

#include "KernelArguments.h"
#include "KernelInputs.h"
#include "KernelSource.h"

#include "runtime/launch/SharedLibrary.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {
cl::OptionCategory category("pto-isa-run options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<kernel .tile or .mlir file>"), cl::Required,
                               cl::cat(category));
cl::opt<std::string> kernelName("kernel", cl::desc("Kernel to run (default: the file's only kernel)"),
                                cl::value_desc("name"), cl::cat(category));
cl::opt<std::string> objectFile("object", cl::desc("The kernel's C++ compiled against pto-isa"),
                                cl::value_desc("kernel.so"), cl::Required, cl::cat(category));
cl::opt<std::string> inputsDir("inputs", cl::desc("Read each input from <dir>/<param>.npy"),
                               cl::value_desc("dir"), cl::Required, cl::cat(category));
cl::opt<std::string> outputsDir("outputs", cl::desc("Write each output to <dir>/<param>.npy"),
                                cl::value_desc("dir"), cl::Required, cl::cat(category));
cl::list<std::string> defines("D", cl::desc("Override a .tile const: -D NAME=VALUE"), cl::Prefix,
                              cl::value_desc("NAME=VALUE"), cl::cat(category));
cl::list<std::string> importDirs("I", cl::desc("Directory searched by .tile imports"), cl::Prefix,
                                 cl::value_desc("dir"), cl::cat(category));

int fail(const Twine &message) {
  errs() << "pto-isa-run: error: " << message << "\n";
  return 1;
}

int run() {
  std::string flagError;
  std::optional<tilec::frontend::FrontendOptions> options =
      tilec::frontend::frontendOptionsFromFlags(defines, importDirs, flagError);
  if (!options)
    return fail(flagError);
  // A -D of a run-time dim sets the run's value for the kernel run; the file's other kernels
  // keep their bounds (as tile-run's --set).
  options->runtimeDimKernel = kernelName;

  std::unique_ptr<tilec::run::OpenedKernel> opened =
      tilec::run::openKernel(inputFile, kernelName, *options);
  if (!opened)
    return 1;
  tilec::tile::KernelOp kernel = opened->kernel;
  std::vector<tilec::interp::KernelParameter> parameters = tilec::interp::kernelParameters(kernel);
  std::vector<const tilec::interp::KernelParameter *> outputParameters;
  for (const tilec::interp::KernelParameter &parameter : parameters)
    if (parameter.isOutput)
      outputParameters.push_back(&parameter);

  tilec::run::InputOptions inputOptions;
  inputOptions.inputsDir = inputsDir;
  std::optional<std::vector<tilec::HostTensor>> inputs =
      tilec::run::gatherInputs(kernel, parameters, inputOptions);
  if (!inputs)
    return 1;
  tilec::run::KernelArguments arguments = tilec::run::bindKernelArguments(parameters, *inputs);

  auto library = tilec::launch::SharedLibrary::open(objectFile);
  if (!library)
    return fail(library.error());
  const std::string name = kernel.getSymName().str();
  auto entry = (*library)->kernel(name);
  if (!entry)
    return fail(entry.error());
  tilec::conformance::SimHost host(name);
  try {
    (*entry)(&host, arguments.params.data(), arguments.scalars.data());
  } catch (const std::exception &error) {
    return fail(error.what());
  }
  return tilec::run::writeTensors(outputsDir, outputParameters, arguments.outputs) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "pto-isa-run: run a kernel compiled against pto-isa's CPU "
                              "simulator on .npy tensors\n");
  return run();
}
