//===- CompiledKernel.h - a kernel compiled in-process, for Python -*- C++ -*-===//
//
// What `tilec.compile` returns underneath: the kernel at the tile stage (for
// the interpreter and the model, as tile-run holds it), its C++ and the IR of
// every `tilec --emit` stage, the `tilec --report` summary, and runs on the
// CPU model or the reference interpreter. Compilation is tilec's pipeline
// (compiler/pipeline), running is tile-run's library (tools/tile-run).
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_PYTHON_COMPILEDKERNEL_H
#define TILEC_PYTHON_COMPILEDKERNEL_H

#include "DiagnosticCapture.h"

#include "KernelSource.h"
#include "ModelRunner.h"
#include "compiler/frontend/Frontend.h"
#include "compiler/pipeline/CompileReport.h"
#include "compiler/pipeline/Pipeline.h"
#include "runtime/compare/Compare.h"
#include "runtime/interp/KernelSignature.h"

#include "llvm/Support/JSON.h"

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tilec::python {

/// A failure with what tilec or tile-run reported: located diagnostics, or
/// plain messages (e.g. a failed host compile of the C++).
struct Failure : std::runtime_error {
  enum Kind { Compile, Run, Input };
  Failure(Kind kind, std::vector<CapturedDiagnostic> diagnostics, std::string message);
  Kind kind;
  std::vector<CapturedDiagnostic> diagnostics;
};

struct CompileRequest {
  std::string path;       ///< a .tile or .mlir file, or empty when `source` is given
  std::string source;     ///< .tile source text
  std::string sourceName; ///< its buffer name in diagnostics
  std::string kernelName; ///< the file's only kernel when empty
  PipelineOptions pipeline;
  frontend::FrontendOptions frontend;
};

/// The outputs of a run and, on the model, its report (tile-run --report's JSON).
struct RunOutcome {
  std::vector<HostTensor> outputs;
  std::optional<llvm::json::Value> report;
};

class CompiledKernel {
public:
  /// Compiles `request` to the ascend stage and C++; throws Failure.
  static std::unique_ptr<CompiledKernel> compile(const CompileRequest &request);

  std::string name() const;
  const std::string &target() const { return options.target; }
  const std::vector<interp::KernelParameter> &parameters() const { return params; }
  const std::string &cpp() const { return cppSource; }
  /// The module as `tilec --emit=STAGE` prints it (cpp: the C++).
  std::string ir(Stage stage);
  /// The summary `tilec --report` prints, and the unfused baseline when fused.
  std::pair<report::KernelSummary, std::optional<report::KernelSummary>> summary();
  /// The text `tilec --report` prints.
  std::string reportText();

  /// Throws a Failure (a RunError) when a run's tensors would not fit in the
  /// host memory available, as tile-run refuses it: before the model
  /// (`interpreter` false) or the interpreter runs, or inputs are drawn.
  void checkHostMemory(bool interpreter) const;

  /// Seeded random inputs as `tile-run --random SEED` makes them, with
  /// --set and --range specs; throws Failure.
  std::vector<HostTensor> randomInputs(uint64_t seed, const std::vector<std::string> &sets,
                                       const std::vector<std::string> &ranges);
  /// Runs on the CPU model (as tile-run) or the interpreter (tile-run
  /// --interpret) with the inputs in parameter order; throws Failure.
  RunOutcome runModel(const std::vector<HostTensor> &inputs, run::ProgressMode progress);
  std::vector<HostTensor> interpret(const std::vector<HostTensor> &inputs);

  /// Each output against `expected` under `tolerances` (by name), else the
  /// kernel's table, else its element type's default, as tile-run --compare.
  std::vector<OutputComparison> compare(const std::vector<HostTensor> &outputs,
                                        const std::vector<HostTensor> &expected,
                                        const std::map<std::string, Tolerance> &tolerances);

private:
  CompiledKernel() = default;
  /// Throws a Failure of `kind` from the captured diagnostics and messages.
  [[noreturn]] void fail(Failure::Kind kind, std::vector<std::string> messages = {});
  mlir::OwningOpRef<mlir::ModuleOp> lowered(bool fuse, Stage stage);

  /// The module at the tile stage as tile-run holds it (parameters named),
  /// and its kernel.
  std::unique_ptr<run::OpenedKernel> opened = std::make_unique<run::OpenedKernel>();
  DiagnosticCapture diagnostics{opened->sourceMgr, opened->context};
  PipelineOptions options;
  /// The frontend's module as tilec compiles it: the target set, parameters
  /// not named (the runners need the names, tilec's IR has none).
  mlir::OwningOpRef<mlir::ModuleOp> tileModule;
  mlir::OwningOpRef<mlir::ModuleOp> ascendModule; ///< after the whole pipeline
  std::vector<interp::KernelParameter> params;
  std::string cppSource;
  std::map<Stage, std::string> stageText;
};

} // namespace tilec::python

#endif
