//===- CompiledKernel.cpp - a kernel compiled in-process, for Python -------===//
#include "CompiledKernel.h"

#include "HostMemory.h"
#include "KernelInputs.h"
#include "KernelRunner.h"
#include "OutputComparison.h"
#include "RunErrors.h"
#include "RunReport.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"

#include <chrono>

namespace tilec::python {

Failure::Failure(Kind kind, std::vector<CapturedDiagnostic> diagnostics, std::string message)
    : std::runtime_error(std::move(message)), kind(kind), diagnostics(std::move(diagnostics)) {}

void CompiledKernel::fail(Failure::Kind kind, std::vector<std::string> messages) {
  std::vector<CapturedDiagnostic> captured = diagnostics.take();
  std::vector<std::string> lines;
  for (const CapturedDiagnostic &diagnostic : captured)
    lines.push_back(diagnostic.text);
  lines.insert(lines.end(), messages.begin(), messages.end());
  if (lines.empty())
    lines.push_back("failed without a message");
  throw Failure(kind, std::move(captured), llvm::join(lines, "\n"));
}

std::unique_ptr<CompiledKernel> CompiledKernel::compile(const CompileRequest &request) {
  std::unique_ptr<CompiledKernel> compiled(new CompiledKernel());
  compiled->options = request.pipeline;
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  if (request.path.empty()) {
    buffer = llvm::MemoryBuffer::getMemBufferCopy(request.source, request.sourceName);
  } else {
    auto file = llvm::MemoryBuffer::getFile(request.path, /*IsText=*/true);
    if (!file)
      throw Failure(Failure::Input, {}, request.path + ": " + file.getError().message());
    buffer = std::move(*file);
  }
  run::CapturedErrors errors;
  run::OpenedKernel &opened = *compiled->opened;
  if (!opened.load(std::move(buffer), request.kernelName, request.frontend,
                   /*nameParameters=*/false))
    compiled->fail(Failure::Compile, errors.messages);
  compiled->tileModule = opened.module->clone();
  run::nameParametersFromSource(opened.kernel, opened.sourceMgr);
  compiled->params = interp::kernelParameters(opened.kernel);
  compiled->ascendModule = compiled->lowered(compiled->options.fuse, Stage::Ascend);
  llvm::raw_string_ostream os(compiled->cppSource);
  if (mlir::failed(emitStageOutput(*compiled->ascendModule, Stage::Cpp, compiled->options, os)))
    compiled->fail(Failure::Compile);
  return compiled;
}

mlir::OwningOpRef<mlir::ModuleOp> CompiledKernel::lowered(bool fuse, Stage stage) {
  mlir::OwningOpRef<mlir::ModuleOp> module = tileModule->clone();
  PipelineOptions pipeline = options;
  pipeline.fuse = fuse;
  mlir::PassManager pm(&opened->context);
  buildPipeline(pm, pipeline, stage);
  if (mlir::failed(pm.run(*module)))
    fail(Failure::Compile);
  return module;
}

std::string CompiledKernel::name() const { return opened->kernel.getSymName().str(); }

std::string CompiledKernel::ir(Stage stage) {
  if (stage == Stage::Cpp)
    return cppSource;
  auto [it, inserted] = stageText.try_emplace(stage);
  if (inserted) {
    llvm::raw_string_ostream os(it->second);
    if (stage == Stage::Ascend)
      ascendModule->print(os);
    else
      lowered(options.fuse, stage)->print(os);
  }
  return it->second;
}

std::pair<report::KernelSummary, std::optional<report::KernelSummary>> CompiledKernel::summary() {
  auto inModule = [&](mlir::ModuleOp module) {
    return module.lookupSymbol<ascend::KernelOp>(opened->kernel.getSymName());
  };
  report::TileFacts facts = report::tileFacts(opened->kernel);
  report::KernelSummary fused =
      report::summarize(*ascendModule, inModule(*ascendModule), options.target, facts);
  if (!options.fuse)
    return {fused, std::nullopt};
  // The baseline `tilec --report` compares with: the same kernel, unfused.
  mlir::OwningOpRef<mlir::ModuleOp> unfused = lowered(false, Stage::Ascend);
  return {fused, report::summarize(*unfused, inModule(*unfused), options.target, facts)};
}

std::string CompiledKernel::reportText() {
  auto [fused, unfused] = summary();
  std::string text;
  llvm::raw_string_ostream os(text);
  report::print(fused, unfused ? &*unfused : nullptr, options.target, os);
  return text;
}

void CompiledKernel::checkHostMemory(bool interpreter) const {
  if (std::optional<std::string> shortfall = run::hostMemoryShortfall(params, interpreter))
    throw Failure(Failure::Run, {}, *shortfall);
}

std::vector<HostTensor> CompiledKernel::randomInputs(uint64_t seed,
                                                     const std::vector<std::string> &sets,
                                                     const std::vector<std::string> &ranges) {
  run::InputOptions inputOptions;
  inputOptions.randomSeed = seed;
  inputOptions.scalarSets = sets;
  // A run-time dim is the value the kernel was compiled at (compile with
  // defines={"T": N} for another), not a random scalar.
  for (const interp::KernelParameter &parameter : params)
    if (parameter.compiledValue)
      inputOptions.scalarSets.insert(inputOptions.scalarSets.begin(),
                                     parameter.name + "=" + std::to_string(*parameter.compiledValue));
  inputOptions.rangeSpecs = ranges;
  run::CapturedErrors errors;
  std::optional<std::vector<HostTensor>> inputs =
      run::gatherInputs(opened->kernel, params, inputOptions);
  if (!inputs)
    fail(Failure::Input, errors.messages);
  return std::move(*inputs);
}

RunOutcome CompiledKernel::runModel(const std::vector<HostTensor> &inputs,
                                    run::ProgressMode progress) {
  auto started = std::chrono::steady_clock::now();
  run::ModelOptions modelOptions;
  modelOptions.target = target::lookupTarget(options.target);
  modelOptions.pipeline = options;
  modelOptions.progress = progress;
  run::ModelRunner model(std::move(modelOptions));
  run::CapturedErrors errors;
  mlir::FailureOr<std::vector<HostTensor>> outputs = model.run(opened->kernel, inputs);
  if (mlir::failed(outputs))
    fail(Failure::Run, errors.messages);
  run::RunReport report;
  report.kernel = name();
  report.target = model.target();
  report.model = &model.info();
  report.parameterBytes = run::parameterBytes(inputs, *outputs);
  report.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return {std::move(*outputs), run::toJson(report)};
}

std::vector<HostTensor> CompiledKernel::interpret(const std::vector<HostTensor> &inputs) {
  mlir::FailureOr<std::vector<HostTensor>> outputs =
      run::createInterpreterRunner()->run(opened->kernel, inputs);
  if (mlir::failed(outputs))
    fail(Failure::Run);
  return std::move(*outputs);
}

std::vector<OutputComparison>
CompiledKernel::compare(const std::vector<HostTensor> &outputs,
                        const std::vector<HostTensor> &expected,
                        const std::map<std::string, Tolerance> &tolerances) {
  std::vector<const interp::KernelParameter *> outputParameters;
  for (const interp::KernelParameter &parameter : params)
    if (parameter.isOutput)
      outputParameters.push_back(&parameter);
  std::map<std::string, Tolerance> resolved = defaultTolerances(name());
  for (const auto &[output, tolerance] : tolerances)
    resolved[output] = tolerance;
  return run::compareOutputTensors(outputParameters, outputs, expected, resolved);
}

} // namespace tilec::python
