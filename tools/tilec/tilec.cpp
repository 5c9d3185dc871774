//===- tilec.cpp - the tilec compiler driver ------------------------------===//
//
// tilec FILE.tile [-o OUT] [--emit=tile|tasks|ascend|cpp] [--target=a2a3|a5] [--fuse=false]
//       [--report] [-D N=V] [-I DIR]
// Compiles a .tile source through the stages of compiler/pipeline and prints
// the IR of the requested stage, or C++ by default (to OUT, all or nothing).
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Frontend.h"
#include "compiler/pipeline/CompileReport.h"
#include "compiler/pipeline/Pipeline.h"
#include "compiler/pipeline/PipelineFlags.h"
#include "compiler/pipeline/Registration.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

#include <map>

using namespace llvm;

namespace {
cl::OptionCategory tilecCategory("tilec options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input .tile file>"), cl::Required,
                               cl::cat(tilecCategory));
cl::opt<std::string> outputFile("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"), cl::cat(tilecCategory));
cl::opt<tilec::Stage> emitStage(
    "emit", cl::desc("Stop after this stage and print its output"),
    cl::values(clEnumValN(tilec::Stage::Tile, "tile", "the tile dialect from the frontend"),
               clEnumValN(tilec::Stage::Formed, "formed",
                          "tile ops with their tasks, strategies and placements"),
               clEnumValN(tilec::Stage::Tasks, "tasks", "ascend tasks and the host program"),
               clEnumValN(tilec::Stage::Ascend, "ascend", "tasks with planned memory and sync"),
               clEnumValN(tilec::Stage::Cpp, "cpp", "C++ against the PTO tile ISA (default)")),
    cl::init(tilec::Stage::Cpp), cl::cat(tilecCategory));
cl::opt<std::string> targetName("target", cl::desc("Target chip: a2a3 or a5"),
                                cl::init("a2a3"), cl::cat(tilecCategory));
tilec::PipelineFlags pipelineFlags(tilecCategory);
cl::opt<bool> report("report",
                     cl::desc("Print the tasks, fused ops, token chunks, on-chip bytes and GM "
                              "traffic (against the unfused lowering); the stage output is "
                              "then written only with -o"),
                     cl::init(false), cl::cat(tilecCategory));
cl::list<std::string> defines("D", cl::desc("Override a const: -D NAME=VALUE"), cl::Prefix,
                              cl::value_desc("NAME=VALUE"), cl::cat(tilecCategory));
cl::list<std::string> importDirs("I", cl::desc("Directory searched by import"), cl::Prefix,
                                 cl::value_desc("dir"), cl::cat(tilecCategory));

int compile() {
  std::string flagError;
  std::optional<tilec::frontend::FrontendOptions> frontendOptions =
      tilec::frontend::frontendOptionsFromFlags(defines, importDirs, flagError);
  if (!frontendOptions) {
    errs() << "tilec: error: " << flagError << "\n";
    return 1;
  }
  std::optional<tilec::PipelineOptions> pipelineOptions =
      tilec::PipelineOptions::forTarget(targetName);
  if (!pipelineOptions) {
    errs() << "tilec: error: unknown --target '" << targetName << "' (expected a2a3 or a5)\n";
    return 1;
  }
  pipelineFlags.applyTo(*pipelineOptions);

  std::string errorMessage;
  std::unique_ptr<MemoryBuffer> input = mlir::openInputFile(inputFile, &errorMessage);
  if (!input) {
    errs() << "tilec: error: " << errorMessage << "\n";
    return 1;
  }

  mlir::DialectRegistry registry;
  tilec::registerDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // The caret under the .tile line says where an error is; the op's generic
  // form would only be noise to a kernel engineer, unless asked for.
  cl::Option *printOp = cl::getRegisteredOptions().lookup("mlir-print-op-on-diagnostic");
  if (!printOp || printOp->getNumOccurrences() == 0)
    context.printOpOnDiagnostic(false);
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  mlir::DefaultTimingManager timing;
  mlir::applyDefaultTimingManagerCLOptions(timing);
  mlir::TimingScope rootTiming = timing.getRootScope();

  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    mlir::TimingScope frontendTiming = rootTiming.nest("Frontend");
    module = tilec::frontend::compileTileSource(sourceMgr, context, *frontendOptions);
  }
  if (!module)
    return 1;
  if (report && emitStage < tilec::Stage::Ascend) {
    errs() << "tilec: error: --report needs the ascend stage (--emit=ascend or cpp)\n";
    return 1;
  }
  // What the report needs of each tile.kernel, before lowering replaces it
  // (counting the matmul work replays the kernel's loops: only for a report).
  std::map<std::string, tilec::report::TileFacts> factsByKernel;
  if (report)
    for (auto kernel : module->getOps<tilec::tile::KernelOp>())
      factsByKernel[kernel.getSymName().str()] = tilec::report::tileFacts(kernel);
  // The baseline the report compares with: the same kernels, unfused.
  mlir::OwningOpRef<mlir::ModuleOp> unfused;
  if (report && pipelineOptions->fuse) {
    unfused = module->clone();
    tilec::PipelineOptions unfusedOptions = *pipelineOptions;
    unfusedOptions.fuse = false;
    mlir::PassManager unfusedPm(&context);
    tilec::buildPipeline(unfusedPm, unfusedOptions, tilec::Stage::Ascend);
    if (mlir::failed(unfusedPm.run(*unfused)))
      return 1;
  }

  mlir::PassManager pm(&context);
  if (mlir::failed(mlir::applyPassManagerCLOptions(pm)))
    return 1;
  pm.enableTiming(rootTiming);
  tilec::buildPipeline(pm, *pipelineOptions, emitStage);
  if (mlir::failed(pm.run(*module)))
    return 1;

  if (report)
    for (auto kernel : module->getOps<tilec::ascend::KernelOp>()) {
      tilec::report::TileFacts facts = factsByKernel[kernel.getSymName().str()];
      tilec::report::KernelSummary summary =
          tilec::report::summarize(*module, kernel, pipelineOptions->target, facts);
      std::optional<tilec::report::KernelSummary> baseline;
      if (unfused)
        if (auto original = unfused->lookupSymbol<tilec::ascend::KernelOp>(kernel.getSymName()))
          baseline = tilec::report::summarize(*unfused, original, pipelineOptions->target, facts);
      tilec::report::print(summary, baseline ? &*baseline : nullptr, pipelineOptions->target,
                           outs());
    }
  if (report && outputFile == "-")
    return 0;
  // Written only once everything succeeded, so a failed compile leaves no file.
  std::unique_ptr<ToolOutputFile> output = mlir::openOutputFile(outputFile, &errorMessage);
  if (!output) {
    errs() << "tilec: error: " << errorMessage << "\n";
    return 1;
  }
  if (mlir::failed(tilec::emitStageOutput(*module, emitStage, *pipelineOptions, output->os())))
    return 1;
  output->keep();
  return 0;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  tilec::registerPasses();
  // LLVM's own options would bury ours; MLIR's stay usable (see --help-hidden).
  cl::HideUnrelatedOptions(tilecCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "tilec: compile .tile kernels for Ascend AI Cores\n\n"
      "  tilec kernel.tile -o kernel.cpp    C++ for the kernel's tasks and host program\n"
      "  tilec kernel.tile --emit=tile      print the tile dialect (also: tasks, ascend)\n\n"
      "MLIR's instrumentation works on every stage: --mlir-print-ir-after-all,\n"
      "--mlir-print-ir-after-failure, --mlir-timing, --mlir-print-debuginfo.\n");
  return compile();
}
