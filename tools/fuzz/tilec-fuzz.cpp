//===- tilec-fuzz.cpp - libFuzzer target: any bytes as a .tile source -----===//
//
// Each input is compiled as the .tile file /fuzz/input.tile: the frontend,
// then, for what it accepts, the whole pipeline to C++ in two configurations
// (a2a3 fused, a5 unfused). Diagnostics go through tilec's located printer
// into nothing. Besides crashes, hangs and leaks, these are findings (abort):
//  - a stage fails without an error, or its first error has no file:line:col;
//  - the frontend accepts a program the IR verifier rejects;
//  - a pass succeeds but leaves IR the verifier rejects.
// Imports resolve only to the few shared files the seeds import, held in
// memory under /fuzz/: no input can read a file. At exit it prints how many
// inputs parsed and how many the frontend accepted (what the seeds are for:
// inputs that get past the parser reach the rest of the compiler). Run it with
// scripts/fuzz.sh.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Frontend.h"
#include "compiler/frontend/Parser.h"
#include "compiler/pipeline/Pipeline.h"
#include "compiler/pipeline/Registration.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>

namespace {

constexpr llvm::StringLiteral kInputPath = "/fuzz/input.tile";

/// The files the seeds import (relative to the source tree), served from
/// memory next to the input.
constexpr const char *kImportable[] = {
    "kernels-dsl/deepseek_v4/dsv4_config.tile",
    "test/Frontend/Inputs/shared_dims.tile",
    "test/Frontend/Inputs/more_dims.tile",
};

struct Configuration {
  const char *target;
  bool fuse;
};
constexpr Configuration kConfigurations[] = {{"a2a3", true}, {"a5", false}};

mlir::DialectRegistry *registry;

/// How far the inputs got, printed at exit.
struct Reach {
  unsigned long inputs = 0, parsed = 0, accepted = 0;
} reach;

void printReach() {
  if (reach.inputs == 0)
    return;
  auto percent = [](unsigned long part) { return 100.0 * double(part) / double(reach.inputs); };
  std::fprintf(stderr, "tilec-fuzz: %lu inputs: %lu parsed (%.1f%%), %lu accepted by the frontend (%.1f%%)\n",
               reach.inputs, reach.parsed, percent(reach.parsed), reach.accepted, percent(reach.accepted));
}
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> importable;

[[noreturn]] void finding(const llvm::Twine &what) {
  llvm::errs() << "tilec-fuzz: " << what << "\n";
  std::abort();
}

/// Watches the errors of one stage; they still reach the printer after it.
class ErrorWatch {
public:
  explicit ErrorWatch(mlir::MLIRContext &context)
      : handler(&context, [this](mlir::Diagnostic &diag) {
          if (diag.getSeverity() == mlir::DiagnosticSeverity::Error)
            record(diag);
          return mlir::failure();
        }) {}

  /// The stage `stage` failed: it must have said where.
  void requireLocatedError(llvm::StringRef stage) const {
    if (!errors)
      finding(stage + " failed without an error");
    if (!firstLocated)
      finding(stage + " failed with an error that has no file:line:col: " + firstMessage);
  }
  /// The frontend's own errors are never an op verifier's ("'tile.x' op ...").
  void requireNoVerifierError() const {
    if (!verifierMessage.empty())
      finding("the frontend produced IR the verifier rejects: " + verifierMessage);
  }

private:
  void record(mlir::Diagnostic &diag) {
    std::string message = diag.str();
    if (!errors++) {
      firstMessage = message;
      diag.getLocation()->walk([&](mlir::Location inner) {
        firstLocated |= mlir::isa<mlir::FileLineColLoc>(inner);
        return mlir::WalkResult::advance();
      });
    }
    if (verifierMessage.empty() && llvm::StringRef(message).starts_with("'") &&
        llvm::StringRef(message).contains("' op "))
      verifierMessage = message;
  }

  mlir::ScopedDiagnosticHandler handler;
  unsigned errors = 0;
  bool firstLocated = false;
  std::string firstMessage, verifierMessage;
};

/// What the pass manager's verifier does after every successful pass, but a
/// failure is a finding rather than an error.
class VerifyAfterEachPass : public mlir::PassInstrumentation {
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    mlir::MLIRContext *context = op->getContext();
    std::string diagnostics;
    llvm::raw_string_ostream os(diagnostics);
    mlir::ScopedDiagnosticHandler capture(context, [&](mlir::Diagnostic &diag) {
      os << diag << "\n";
      return mlir::success();
    });
    if (mlir::failed(mlir::verify(op)))
      finding("pass " + pass->getArgument() + " succeeded but left invalid IR: " + diagnostics);
  }
};

void compilePipeline(mlir::ModuleOp frontendModule, const Configuration &configuration) {
  mlir::MLIRContext &context = *frontendModule.getContext();
  std::optional<tilec::PipelineOptions> options = tilec::PipelineOptions::forTarget(configuration.target);
  options->fuse = configuration.fuse;
  mlir::OwningOpRef<mlir::ModuleOp> module = frontendModule.clone();
  mlir::PassManager pm(&context);
  pm.enableVerifier(false);
  pm.addInstrumentation(std::make_unique<VerifyAfterEachPass>());
  tilec::buildPipeline(pm, *options, tilec::Stage::Cpp);
  std::string cpp;
  llvm::raw_string_ostream os(cpp);
  ErrorWatch watch(context);
  if (mlir::failed(pm.run(*module)))
    return watch.requireLocatedError("the pipeline (" + std::string(configuration.target) + ")");
  if (mlir::failed(tilec::emitStageOutput(*module, tilec::Stage::Cpp, *options, os)))
    watch.requireLocatedError("C++ emission (" + std::string(configuration.target) + ")");
}

void compile(llvm::StringRef source) {
  mlir::MLIRContext context(*registry, mlir::MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(source, kInputPath), llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler printer(sourceMgr, &context, llvm::nulls());
  tilec::frontend::FrontendOptions frontendOptions;
  frontendOptions.files = importable;
  ++reach.inputs;
  {
    tilec::frontend::DiagnosticSink syntax(sourceMgr, context);
    tilec::frontend::SourceFile file;
    tilec::frontend::Parser(source, syntax).parseFile(file);
    reach.parsed += syntax.errorCount() == 0;
  }
  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    ErrorWatch watch(context);
    module = tilec::frontend::compileTileSource(sourceMgr, context, frontendOptions);
    watch.requireNoVerifierError();
    if (!module)
      return watch.requireLocatedError("the frontend");
  }
  ++reach.accepted;
  for (const Configuration &configuration : kConfigurations)
    compilePipeline(*module, configuration);
}

} // namespace

/// LLVM's allocators poison their slabs in our (instrumented) copies of the
/// header code but not in libMLIR's, so ASan would report MLIR's own writes
/// into them; scripts/sanitize.sh sets the same option.
extern "C" const char *__asan_default_options() { return "allow_user_poisoning=0"; }

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  std::atexit(printReach);
  registry = new mlir::DialectRegistry();
  tilec::registerDialects(*registry);
  importable = new llvm::vfs::InMemoryFileSystem();
  for (const char *relative : kImportable) {
    llvm::SmallString<256> path(TILEC_SOURCE_DIR);
    llvm::sys::path::append(path, relative);
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file = llvm::MemoryBuffer::getFile(path);
    if (!file) {
      llvm::errs() << "tilec-fuzz: error: cannot read " << path << ": " << file.getError().message() << "\n";
      std::exit(1);
    }
    llvm::SmallString<64> served(llvm::sys::path::parent_path(kInputPath));
    llvm::sys::path::append(served, llvm::sys::path::filename(relative));
    importable->addFile(served, 0, std::move(*file));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  compile(llvm::StringRef(reinterpret_cast<const char *>(data), size));
  return 0;
}
