//===- Module.cpp - tilec._core: the Python module's native part ----------===//
//
// Thin bindings of CompiledKernel; the Python package (python/tilec) builds the
// user-facing API (tilec.compile, Kernel, tilec.testing) on them.
//
//===----------------------------------------------------------------------===//
#include "Arrays.h"
#include "CompiledKernel.h"

#include "compiler/pipeline/Registration.h"

#include <pybind11/stl.h>

namespace py = pybind11;
using namespace tilec;
using namespace tilec::python;

namespace {

Stage parseStage(const std::string &name) {
  static const std::map<std::string, Stage> stages = {
      {"tile", Stage::Tile},     {"formed", Stage::Formed}, {"tasks", Stage::Tasks},
      {"ascend", Stage::Ascend}, {"cpp", Stage::Cpp}};
  auto it = stages.find(name);
  if (it == stages.end())
    throw py::value_error("unknown stage '" + name + "' (stages: tile, formed, tasks, ascend, cpp)");
  return it->second;
}

run::ProgressMode parseProgress(const std::string &name) {
  if (name == "auto")
    return run::ProgressMode::Auto;
  if (name == "always")
    return run::ProgressMode::Always;
  if (name == "never")
    return run::ProgressMode::Never;
  throw py::value_error("unknown progress '" + name + "' (auto, always, never)");
}

py::dict launchDict(const report::LaunchSummary &launch) {
  py::dict dict;
  dict["task"] = launch.task;
  dict["core"] = launch.core;
  dict["blocks"] = launch.blocks;
  dict["runs"] = launch.runs;
  dict["on_chip_bytes"] = launch.memoryPeak;
  dict["fused_ops"] = launch.fusedOps;
  dict["chunk_rows"] = launch.chunkRows;
  dict["double_buffered"] = launch.doubleBuffered;
  dict["gm_read"] = launch.gmRead;
  dict["gm_written"] = launch.gmWritten;
  return dict;
}

py::dict summaryDict(CompiledKernel &kernel) {
  auto [fused, unfused] = kernel.summary();
  py::list launches;
  for (const report::LaunchSummary &launch : fused.launches)
    launches.append(launchDict(launch));
  py::dict dict;
  dict["kernel"] = fused.kernel;
  dict["target"] = kernel.target();
  dict["launches"] = launches;
  dict["gm_bytes"] = fused.gmBytes;
  dict["unfused_gm_bytes"] = unfused ? unfused->gmBytes : std::nullopt;
  dict["parameter_bytes"] = fused.parameterBytes;
  if (fused.tile.matmulMacs) {
    py::dict macs;
    for (auto [operand, count] : *fused.tile.matmulMacs)
      macs[py::str(std::string(name(operand)))] = count;
    dict["matmul_macs"] = macs;
  } else {
    dict["matmul_macs"] = py::none();
  }
  return dict;
}

std::vector<HostTensor> inputTensors(const CompiledKernel &kernel, const std::vector<py::array> &arrays) {
  std::vector<HostTensor> tensors;
  size_t next = 0;
  for (const interp::KernelParameter &parameter : kernel.parameters()) {
    if (parameter.isOutput)
      continue;
    if (next == arrays.size())
      throw py::value_error("too few inputs");
    tensors.push_back(toTensor(arrays[next++], parameter.dtype, parameter.shape, "input",
                               parameter.name));
  }
  return tensors;
}

std::vector<HostTensor> outputTensors(const CompiledKernel &kernel, const std::vector<py::array> &arrays,
                                      const std::string &role) {
  std::vector<HostTensor> tensors;
  size_t next = 0;
  for (const interp::KernelParameter &parameter : kernel.parameters())
    if (parameter.isOutput)
      tensors.push_back(toTensor(arrays.at(next++), parameter.dtype, parameter.shape, role,
                                 parameter.name));
  return tensors;
}

py::list arrays(const std::vector<HostTensor> &tensors) {
  py::list list;
  for (const HostTensor &tensor : tensors)
    list.append(toArray(tensor));
  return list;
}

py::dict comparisonDict(const OutputComparison &row) {
  py::dict dict;
  dict["name"] = row.name;
  dict["max_abs_error"] = row.maxAbsError;
  dict["max_rel_error"] = row.maxRelError;
  dict["failing"] = row.failing;
  dict["total"] = row.total;
  dict["atol"] = row.tolerance.atol;
  dict["rtol"] = row.tolerance.rtol;
  dict["ratio"] = row.tolerance.ratio;
  dict["passed"] = row.passed();
  dict["problem"] = row.problem;
  return dict;
}

/// `values` as bf16: floats rounded to the nearest (ties to even), uint16 taken
/// as bit patterns.
HostTensor roundedToBf16(const py::array &values) {
  Shape shape(values.shape(), values.shape() + values.ndim());
  return toTensor(values, DType::BF16, shape, "array", "values");
}

void translateFailure(const Failure &failure) {
  static const char *classes[] = {"CompileError", "RunError", "InputError"};
  py::list diagnostics;
  for (const CapturedDiagnostic &d : failure.diagnostics)
    diagnostics.append(py::dict(py::arg("severity") = d.severity, py::arg("file") = d.file,
                                py::arg("line") = d.line, py::arg("col") = d.column,
                                py::arg("message") = d.message, py::arg("text") = d.text));
  py::object type = py::module_::import("tilec.errors").attr(classes[failure.kind]);
  py::object error = type(failure.what(), diagnostics);
  PyErr_SetObject(type.ptr(), error.ptr());
}

} // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "tilec's compiler and runners (use the tilec package, not this module)";
  registerPasses();
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error)
        std::rethrow_exception(error);
    } catch (const Failure &failure) {
      translateFailure(failure);
    }
  });

  m.def(
      "compile",
      [](const std::string &path, const std::string &source, const std::string &sourceName,
         const std::string &target, bool fuse, const std::vector<std::pair<std::string, std::string>> &defines,
         const std::vector<std::string> &importDirs, const std::string &kernelName) {
        std::optional<PipelineOptions> pipeline = PipelineOptions::forTarget(target);
        if (!pipeline)
          throw py::value_error("unknown target '" + target + "' (a2a3, a5)");
        pipeline->fuse = fuse;
        CompileRequest request{path, source, sourceName, kernelName, *pipeline, {}};
        request.frontend.constOverrides = defines;
        request.frontend.importDirs = importDirs;
        return CompiledKernel::compile(request);
      },
      py::arg("path"), py::arg("source"), py::arg("source_name"), py::arg("target"),
      py::arg("fuse"), py::arg("defines"), py::arg("import_dirs"), py::arg("kernel"));

  py::class_<CompiledKernel>(m, "CompiledKernel")
      .def_property_readonly("name", &CompiledKernel::name)
      .def_property_readonly("target", &CompiledKernel::target)
      .def_property_readonly("cpp", &CompiledKernel::cpp)
      .def_property_readonly("parameters",
                             [](const CompiledKernel &kernel) {
                               py::list list;
                               for (const interp::KernelParameter &p : kernel.parameters())
                                 list.append(py::make_tuple(p.name, p.shape, std::string(name(p.dtype)),
                                                            p.isOutput, p.isScalar));
                               return list;
                             })
      .def("ir", [](CompiledKernel &kernel, const std::string &stage) { return kernel.ir(parseStage(stage)); })
      .def("summary", &summaryDict)
      .def("report_text", &CompiledKernel::reportText)
      .def("check_host_memory", &CompiledKernel::checkHostMemory, py::arg("interpreter"))
      .def("random_inputs",
           [](CompiledKernel &kernel, uint64_t seed, const std::vector<std::string> &sets,
              const std::vector<std::string> &ranges) { return arrays(kernel.randomInputs(seed, sets, ranges)); })
      .def("run_model",
           [](CompiledKernel &kernel, const std::vector<py::array> &inputs, const std::string &progress) {
             std::vector<HostTensor> tensors = inputTensors(kernel, inputs);
             run::ProgressMode mode = parseProgress(progress);
             RunOutcome outcome;
             {
               py::gil_scoped_release release;
               outcome = kernel.runModel(tensors, mode);
             }
             return py::make_tuple(arrays(outcome.outputs), toPython(*outcome.report));
           })
      .def("interpret",
           [](CompiledKernel &kernel, const std::vector<py::array> &inputs) {
             std::vector<HostTensor> tensors = inputTensors(kernel, inputs);
             std::vector<HostTensor> outputs;
             {
               py::gil_scoped_release release;
               outputs = kernel.interpret(tensors);
             }
             return arrays(outputs);
           })
      .def("compare",
           [](CompiledKernel &kernel, const std::vector<py::array> &actual,
              const std::vector<py::array> &expected,
              const std::map<std::string, std::tuple<double, double, double>> &tolerances) {
             std::map<std::string, Tolerance> given;
             for (const auto &[name, tolerance] : tolerances)
               given[name] = {std::get<0>(tolerance), std::get<1>(tolerance), std::get<2>(tolerance)};
             std::vector<OutputComparison> rows =
                 kernel.compare(outputTensors(kernel, actual, "output"),
                                outputTensors(kernel, expected, "expected output"), given);
             py::list list;
             for (const OutputComparison &row : rows)
               list.append(comparisonDict(row));
             return py::make_tuple(list, formatComparisonTable(rows));
           });

  m.def("bf16_values", [](const py::array &values) {
    return toArray(roundedToBf16(values));
  });
  m.def("bf16_bits", [](const py::array &values) {
    HostTensor bf16 = roundedToBf16(values);
    py::array bits(py::dtype("u2"), std::vector<py::ssize_t>(bf16.shape().begin(), bf16.shape().end()));
    if (bf16.byteSize())
      std::memcpy(bits.mutable_data(), bf16.rawData(), bf16.byteSize());
    return bits;
  });
}
