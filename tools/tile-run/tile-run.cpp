//===- tile-run.cpp - run a tile kernel on host tensors -------------------===//
//
// tile-run FILE.tile|FILE.mlir [--kernel NAME] (--inputs DIR | --random SEED)
//          [--set NAME=VALUE]... [--save-inputs DIR] [--outputs DIR]
//          [--interpret | [--check] [--report FILE.json] [--trace FILE.json]
//                         [--target a2a3|a5] [--cpp FILE.cpp] [--host-cxx PATH]
//                         [--host-flag FLAG]...]
//          [--compare DIR] [--tol NAME=ATOL,RTOL,RATIO]... [-D NAME=VALUE] [-I DIR]
//
// Loads the kernel, gathers its inputs, runs it on the CPU model of the AI
// Core (default) or the reference interpreter, writes one .npy per output and
// optionally compares them with expected files or, with --check, with the
// interpreter's outputs.
//
//===----------------------------------------------------------------------===//
#include "HostMemory.h"
#include "KernelInputs.h"
#include "LaunchProgress.h"
#include "KernelRunner.h"
#include "KernelSource.h"
#include "ModelCheck.h"
#include "ModelRunner.h"
#include "OutputComparison.h"
#include "RuntimeDims.h"

#include "compiler/pipeline/PipelineFlags.h"
#include "runtime/interp/KernelSignature.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {
cl::OptionCategory runCategory("tile-run options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<kernel .tile or .mlir file>"), cl::Required,
                               cl::cat(runCategory));
cl::opt<std::string> kernelName("kernel", cl::desc("Kernel to run (default: the file's only kernel)"),
                                cl::value_desc("name"), cl::cat(runCategory));
cl::opt<std::string> inputsDir("inputs", cl::desc("Read each input from <dir>/<param>.npy"),
                               cl::value_desc("dir"), cl::cat(runCategory));
cl::opt<uint64_t> randomSeed("random", cl::desc("Generate seeded random inputs instead of --inputs"),
                             cl::value_desc("seed"), cl::cat(runCategory));
cl::list<std::string> scalarSets("set", cl::desc("Value of a scalar parameter, e.g. --set start_pos=128, or\n"
                                                 "of a run-time dim, e.g. --set T=77 (default: the rows\n"
                                                 "of the --inputs it counts, else its bound)"),
                                 cl::value_desc("name=value"), cl::cat(runCategory));
cl::list<std::string> rangeSpecs(
    "range", cl::desc("Range of a --random input, e.g. --range start_pos=0,64 (default: what the\n"
                      "kernel's indexing allows for index tensors and i32 scalars; else floats in\n"
                      "[-1, 1], integers in [-127, 127], scalars in [1, 16] / [0.5, 2])"),
    cl::value_desc("name=lo,hi"), cl::cat(runCategory));
cl::opt<std::string> saveInputsDir("save-inputs", cl::desc("Also write the inputs used to <dir>/<param>.npy"),
                                   cl::value_desc("dir"), cl::cat(runCategory));
cl::opt<std::string> outputsDir("outputs", cl::desc("Write each output to <dir>/<param>.npy"),
                                cl::value_desc("dir"), cl::cat(runCategory));
cl::opt<bool> interpret("interpret", cl::desc("Execute with the reference interpreter of the tile dialect"),
                        cl::cat(runCategory));
cl::opt<bool> check("check", cl::desc("Model runs only: also run the reference interpreter on the same inputs\n"
                                      "and compare every output with it (tolerance: --tol, else the\n"
                                      "kernel's table, else per element type); exit 1 on a mismatch"),
                    cl::cat(runCategory));
cl::opt<std::string> reportFile("report", cl::desc("Write the model report as JSON"),
                                cl::value_desc("file.json"), cl::cat(runCategory));
cl::opt<std::string> traceFile("trace", cl::desc("Write a Chrome trace (one track per core and pipe)"),
                               cl::value_desc("file.json"), cl::cat(runCategory));
tilec::PipelineFlags pipelineFlags(runCategory);
cl::opt<tilec::run::ProgressMode> progressMode(
    "progress", cl::desc("Show launches done / expected on stderr while the model runs"),
    cl::values(clEnumValN(tilec::run::ProgressMode::Auto, "auto",
                          "on a terminal, once a run takes more than 2 s (default)"),
               clEnumValN(tilec::run::ProgressMode::Always, "always", "after every launch"),
               clEnumValN(tilec::run::ProgressMode::Never, "never", "never")),
    cl::init(tilec::run::ProgressMode::Auto), cl::cat(runCategory));
cl::opt<std::string> targetName("target", cl::desc("Modelled chip: a2a3 or a5"), cl::init("a2a3"),
                                cl::value_desc("name"), cl::cat(runCategory));
cl::opt<std::string> cppFile("cpp", cl::desc("Run this emitted C++ source on the model instead of\n"
                                             "compiling the kernel"),
                             cl::value_desc("file.cpp"), cl::cat(runCategory));
cl::list<std::string> hostFlags(
    "host-flag", cl::desc("Extra flag for the host compiler of the kernel's C++, after -O2 (e.g.\n"
                          "--host-flag=-O0 compiles faster; part of the compile cache key)"),
    cl::value_desc("flag"), cl::cat(runCategory));
cl::opt<std::string> hostCompiler(
    "host-cxx", cl::desc("Host compiler for the kernel's C++ (default: the one that built tilec;\n"
                         "its --version is part of the compile cache key)"),
    cl::value_desc("path"), cl::cat(runCategory));
cl::opt<std::string> compareDir("compare", cl::desc("Compare the outputs with <dir>/<output>.npy; exit 1 on failure"),
                                cl::value_desc("dir"), cl::cat(runCategory));
cl::list<std::string> toleranceSpecs(
    "tol", cl::desc("Tolerance of one output for --compare and --check: |a-e| <= atol + rtol*|e|,\n"
                    "at most ratio*N failing points (default: the kernel's table, else per\n"
                    "element type: integers exact, floats one bf16/f16 step or 4 f32 ulps)"),
    cl::value_desc("name=atol,rtol,ratio"), cl::cat(runCategory));
cl::list<std::string> defines("D", cl::desc("Override a .tile const: -D NAME=VALUE"), cl::Prefix,
                              cl::value_desc("NAME=VALUE"), cl::cat(runCategory));
cl::list<std::string> importDirs("I", cl::desc("Directory searched by .tile imports"), cl::Prefix,
                                 cl::value_desc("dir"), cl::cat(runCategory));

int fail(const Twine &message) {
  errs() << "tile-run: error: " << message << "\n";
  return 1;
}

/// The mode the options select (the model unless --interpret; `model` points
/// at it then), or null after reporting why there is none.
std::unique_ptr<tilec::run::KernelRunner> selectRunner(tilec::run::ModelRunner *&model) {
  if (interpret) {
    if (check || !reportFile.empty() || !traceFile.empty() || !cppFile.empty() ||
        !hostFlags.empty() || !hostCompiler.empty()) {
      fail("--check, --report, --trace, --cpp, --host-cxx and --host-flag run the model; drop "
           "--interpret");
      return nullptr;
    }
    return tilec::run::createInterpreterRunner();
  }
  tilec::run::ModelOptions options;
  options.target = tilec::target::lookupTarget(targetName);
  if (!options.target) {
    fail("--target " + targetName + ": unknown target (a2a3, a5)");
    return nullptr;
  }
  options.cppFile = cppFile;
  options.tracePath = traceFile;
  pipelineFlags.applyTo(options.pipeline);
  options.progress = progressMode;
  options.compile.extraFlags.assign(hostFlags.begin(), hostFlags.end());
  options.compile.compiler = hostCompiler;
  auto runner = std::make_unique<tilec::run::ModelRunner>(std::move(options));
  model = runner.get();
  return runner;
}

std::optional<tilec::frontend::FrontendOptions> frontendOptions() {
  std::string error;
  std::optional<tilec::frontend::FrontendOptions> options =
      tilec::frontend::frontendOptionsFromFlags(defines, importDirs, error);
  if (!options)
    fail(error);
  return options;
}

/// The kernel, compiled at the value each run-time dim takes in this run
/// (RuntimeDims.h), which is added to `inputs`' --set values; null after
/// reporting an error. When that differs from the value first compiled at,
/// `compiled` keeps the first kernel: the model runs its C++ (one for every
/// value up to the bounds), the interpreter the kernel at this run's values.
std::unique_ptr<tilec::run::OpenedKernel> openAtRuntimeDims(tilec::frontend::FrontendOptions &options,
                                                            tilec::run::InputOptions &inputs,
                                                            std::unique_ptr<tilec::run::OpenedKernel> &compiled) {
  std::unique_ptr<tilec::run::OpenedKernel> opened = tilec::run::openKernel(inputFile, kernelName, options);
  if (!opened)
    return nullptr;
  std::optional<std::vector<tilec::run::RuntimeDimValue>> dims =
      tilec::run::resolveRuntimeDims(tilec::interp::kernelParameters(opened->kernel), inputs);
  if (!dims)
    return nullptr;
  options.runtimeDimKernel = opened->kernel.getSymName().str(); // the file's other kernels keep their bounds
  bool recompile = false;
  for (const tilec::run::RuntimeDimValue &dim : *dims) {
    std::string set = dim.name + "=" + std::to_string(dim.value);
    if (!llvm::is_contained(inputs.scalarSets, set))
      inputs.scalarSets.push_back(set);
    if (!dim.differs)
      continue;
    for (const auto &[name, value] : options.constOverrides)
      if (name == dim.name) {
        fail("-D " + name + "=" + value + " compiles the kernel for that value of run-time dim '" + name +
             "', but this run has " + set + " (drop the -D)");
        return nullptr;
      }
    options.constOverrides.emplace_back(dim.name, std::to_string(dim.value));
    recompile = true;
  }
  if (!recompile)
    return opened;
  compiled = std::move(opened);
  return tilec::run::openKernel(inputFile, kernelName, options);
}

int runKernel(std::chrono::steady_clock::time_point started) {
  if (inputsDir.getNumOccurrences() == randomSeed.getNumOccurrences())
    return fail("give exactly one of --inputs DIR and --random SEED");
  if (!compareDir.empty() && !sys::fs::is_directory(compareDir))
    return fail("--compare " + compareDir + ": no such directory");
  if (compareDir.empty() && !check && !toleranceSpecs.empty())
    return fail("--tol applies to --compare and --check, which are missing");
  if (interpret && outputsDir.empty() && compareDir.empty())
    return fail("--interpret without --outputs or --compare computes nothing anyone sees");
  tilec::run::ModelRunner *model = nullptr;
  std::unique_ptr<tilec::run::KernelRunner> runner = selectRunner(model);
  std::optional<tilec::frontend::FrontendOptions> options = frontendOptions();
  if (!runner || !options)
    return 1;

  tilec::run::InputOptions inputOptions;
  inputOptions.inputsDir = inputsDir;
  if (randomSeed.getNumOccurrences())
    inputOptions.randomSeed = randomSeed;
  inputOptions.scalarSets.assign(scalarSets.begin(), scalarSets.end());
  inputOptions.rangeSpecs.assign(rangeSpecs.begin(), rangeSpecs.end());
  std::unique_ptr<tilec::run::OpenedKernel> compiled;
  std::unique_ptr<tilec::run::OpenedKernel> opened =
      openAtRuntimeDims(*options, inputOptions, compiled);
  if (!opened)
    return 1;
  if (model && compiled)
    model->runCompiled(compiled->kernel);
  tilec::tile::KernelOp kernel = opened->kernel;

  std::vector<tilec::interp::KernelParameter> parameters = tilec::interp::kernelParameters(kernel);
  std::vector<const tilec::interp::KernelParameter *> inputParameters, outputParameters;
  for (const tilec::interp::KernelParameter &parameter : parameters)
    (parameter.isOutput ? outputParameters : inputParameters).push_back(&parameter);
  auto tolerances =
      tilec::run::resolveTolerances(kernel.getSymName().str(), outputParameters, toleranceSpecs);
  if (!tolerances)
    return 1;
  if (auto shortfall = tilec::run::hostMemoryShortfall(parameters, interpret || check))
    return fail(*shortfall);

  std::optional<std::vector<tilec::HostTensor>> inputs =
      tilec::run::gatherInputs(kernel, parameters, inputOptions);
  if (!inputs)
    return 1;
  if (!saveInputsDir.empty() && !tilec::run::writeTensors(saveInputsDir, inputParameters, *inputs))
    return 1;

  mlir::FailureOr<std::vector<tilec::HostTensor>> outputs = runner->run(kernel, *inputs);
  if (mlir::failed(outputs))
    return 1;
  // Written only after the whole run succeeded, each file atomically.
  if (!outputsDir.empty() && !tilec::run::writeTensors(outputsDir, outputParameters, *outputs))
    return 1;
  bool passed = compareDir.empty() ||
                tilec::run::compareOutputs(outputParameters, *outputs, compareDir, *tolerances);
  if (model && !tilec::run::checkAndReport(*model, kernel, *inputs, outputParameters, *outputs,
                                           *tolerances,
                                           {model->target(), check, reportFile, started}))
    return 1;
  return passed ? 0 : 1;
}
} // namespace

int main(int argc, char **argv) {
  auto started = std::chrono::steady_clock::now();
  InitLLVM initLLVM(argc, argv);
  tilec::run::reportOutOfMemoryCleanly();
  cl::HideUnrelatedOptions(runCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "tile-run: run a tile kernel on .npy tensors\n\n"
      "  tile-run rmsnorm.tile --random 1 --outputs out --check --report report.json\n"
      "  tile-run rmsnorm.tile --random 1 --save-inputs in --outputs out --interpret\n"
      "  tile-run rope.tile --inputs in --set start_pos=128 --outputs out --interpret \\\n"
      "      --compare expected --tol y=1e-3,0,0\n\n"
      "Files are <param>.npy: bf16 as uint16 bit patterns (f32 accepted for bf16 inputs,\n"
      "rounded to nearest even), scalars as 0-d arrays or --set. Parameters are named as in\n"
      "the source (.tile parameter names; .mlir SSA names or a {tile.name = \"x\"} attribute).\n"
      "--compare prints max abs/rel error and failing points per output; outputs pass when\n"
      "at most ratio*N points miss |a-e| <= atol + rtol*|e| and none is NaN/Inf.\n"
      "The model (default) compiles the kernel's C++ once per content into $TILEC_CACHE_DIR\n"
      "(default ~/.cache/tilec) and prints the modelled time, roofline and host times.\n");
  return runKernel(started);
}
