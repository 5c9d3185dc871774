//===- KernelInputs.cpp - a kernel's inputs from files, seeds and --set ---===//
#include "KernelInputs.h"

#include "InputRanges.h"
#include "RunErrors.h"

#include "runtime/tensor/Npy.h"
#include "runtime/tensor/RandomTensor.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

namespace tilec::run {
namespace {

using interp::KernelParameter;

std::string describe(const KernelParameter &parameter) {
  return formatShape(parameter.shape) + " " + std::string(name(parameter.dtype));
}

std::string joinNames(const std::vector<std::string> &names) {
  return names.empty() ? "none" : llvm::join(names, ", ");
}

/// The 0-d tensor a --set value spells for a scalar parameter.
std::optional<HostTensor> scalarFromText(const KernelParameter &parameter, llvm::StringRef text) {
  if (parameter.dtype == DType::I32) {
    int32_t value;
    if (text.getAsInteger(10, value))
      return std::nullopt;
    return HostTensor::scalar<int32_t>(value);
  }
  double value;
  if (text.getAsDouble(value))
    return std::nullopt;
  return HostTensor::scalar<float>(float(value));
}

/// The --set values by parameter name; false after reporting bad ones.
bool parseScalarSets(const std::vector<KernelParameter> &parameters,
                     const std::vector<std::string> &sets, llvm::StringRef kernelName,
                     std::map<std::string, HostTensor> &values) {
  std::vector<std::string> scalarNames;
  for (const KernelParameter &parameter : parameters)
    if (parameter.isScalar)
      scalarNames.push_back(parameter.name);
  bool ok = true;
  for (const std::string &set : sets) {
    auto [name, text] = llvm::StringRef(set).split('=');
    if (name.empty() || !llvm::StringRef(set).contains('=')) {
      reportError("--set '" + set + "': expected NAME=VALUE, e.g. start_pos=128");
      ok = false;
      continue;
    }
    auto it = llvm::find_if(parameters, [&](const KernelParameter &p) { return p.name == name; });
    if (it == parameters.end() || !it->isScalar) {
      std::string what = it == parameters.end()
                             ? "kernel '" + kernelName.str() + "' has no parameter '" + name.str() + "'"
                             : "'" + name.str() + "' is a " + describe(*it) +
                                   " tensor; --set gives scalar parameters only";
      reportError("--set " + set + ": " + what + " (scalar parameters: " + joinNames(scalarNames) + ")");
      ok = false;
      continue;
    }
    std::optional<HostTensor> value = scalarFromText(*it, text);
    if (!value) {
      reportError("--set " + set + ": expected an " + std::string(tilec::name(it->dtype)) +
                  " value for '" + name.str() + "', found '" + text.str() + "'");
      ok = false;
      continue;
    }
    values.insert_or_assign(name.str(), std::move(*value));
  }
  return ok;
}

/// The .npy files in `dir` that belong to no parameter (misnamed inputs).
std::vector<std::string> strayFiles(const std::string &dir, const std::vector<KernelParameter> &parameters) {
  std::set<std::string> known;
  for (const KernelParameter &parameter : parameters)
    known.insert(parameter.name + ".npy");
  std::set<std::string> stray;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(dir, error), end; it != end && !error; it.increment(error)) {
    std::string file = llvm::sys::path::filename(it->path()).str();
    if (llvm::StringRef(file).ends_with(".npy") && !known.count(file))
      stray.insert(file);
  }
  return std::vector<std::string>(stray.begin(), stray.end());
}

std::optional<HostTensor> loadInput(const KernelParameter &parameter, const std::string &dir,
                                    const std::vector<KernelParameter> &parameters) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, parameter.name + ".npy");
  if (!llvm::sys::fs::exists(path)) {
    std::string message = "input '" + parameter.name + "': missing file " + path.str().str() +
                          " (expected shape " + describe(parameter) + ")";
    std::vector<std::string> stray = strayFiles(dir, parameters);
    if (!stray.empty())
      message += "; files in " + dir + " that match no parameter: " + joinNames(stray);
    reportError(message);
    return std::nullopt;
  }
  Result<HostTensor> tensor = loadParameter(path.str().str(), parameter.name, parameter.dtype, parameter.shape);
  if (!tensor) {
    reportError(tensor.error());
    return std::nullopt;
  }
  return std::move(*tensor);
}

/// The --range values by input name; false after reporting bad ones.
bool parseRanges(const std::vector<KernelParameter> &parameters,
                 const std::vector<std::string> &specs, std::map<std::string, InputRange> &ranges) {
  std::vector<std::string> inputNames;
  for (const KernelParameter &parameter : parameters)
    if (!parameter.isOutput)
      inputNames.push_back(parameter.name);
  bool ok = true;
  for (const std::string &spec : specs) {
    auto [name, bounds] = llvm::StringRef(spec).split('=');
    auto [lo, hi] = bounds.split(',');
    InputRange range;
    if (name.empty() || lo.getAsDouble(range.lo) || hi.getAsDouble(range.hi) ||
        !(range.lo <= range.hi)) {
      reportError("--range '" + spec + "': expected NAME=LO,HI with LO <= HI, e.g. start_pos=0,64");
      ok = false;
    } else if (!llvm::is_contained(inputNames, name)) {
      reportError("--range " + spec + ": no input '" + name.str() + "' (inputs: " +
                  joinNames(inputNames) + ")");
      ok = false;
    } else {
      ranges.insert_or_assign(name.str(), range);
    }
  }
  return ok;
}

/// The generator settings: the ranges the kernel's indexing allows, and what
/// its RoPE inputs need (the rotated width of its tile.rope ops and the rows
/// of its freqs_cos table).
RandomOptions randomOptionsFor(tile::KernelOp kernel, const std::vector<KernelParameter> &parameters,
                               uint64_t seed) {
  RandomOptions options;
  options.seed = seed;
  std::vector<std::string> names;
  for (const KernelParameter &parameter : parameters)
    names.push_back(parameter.name);
  options.ranges = inferInputRanges(kernel, names);
  kernel.walk([&](tile::RopeOp rope) {
    options.ropeWidth = rope.getSource().getType().getDimSize(1) - int64_t(rope.getOffset());
  });
  for (const KernelParameter &parameter : parameters)
    if (parameter.name == "freqs_cos" && parameter.shape.size() == 2)
      options.maxPositions = parameter.shape[0];
  return options;
}

/// Shapes randomTensor gives special meaning to by name.
bool checkRandomShape(const KernelParameter &parameter, const RandomOptions &options) {
  bool table = parameter.name == "freqs_cos" || parameter.name == "freqs_sin";
  bool positions = parameter.name == "positions";
  if (!table && !positions)
    return true;
  if (parameter.shape.size() != 2 && !(positions && parameter.shape.size() == 1)) {
    reportError("--random: '" + parameter.name + "' must be " + (positions ? "[B, S] or [T]" : "2-D") +
                " to be generated, found " + describe(parameter));
    return false;
  }
  int64_t sequence = parameter.shape.size() == 2 ? parameter.shape[1] : 1;
  if (positions && options.maxPositions < sequence) {
    reportError("--random: 'positions' needs a freqs_cos table with at least " +
                std::to_string(sequence) + " rows");
    return false;
  }
  return true;
}

} // namespace

std::optional<std::vector<HostTensor>> gatherInputs(tile::KernelOp kernel,
                                                    const std::vector<KernelParameter> &parameters,
                                                    const InputOptions &options) {
  std::map<std::string, HostTensor> scalars;
  if (!parseScalarSets(parameters, options.scalarSets, kernel.getSymName(), scalars))
    return std::nullopt;
  if (!options.randomSeed && !llvm::sys::fs::is_directory(options.inputsDir)) {
    reportError("--inputs " + options.inputsDir + ": no such directory");
    return std::nullopt;
  }
  RandomOptions random = randomOptionsFor(kernel, parameters, options.randomSeed.value_or(0));
  if (!parseRanges(parameters, options.rangeSpecs, random.ranges))
    return std::nullopt;
  if (!options.rangeSpecs.empty() && !options.randomSeed) {
    reportError("--range applies to --random inputs, and --inputs is given");
    return std::nullopt;
  }
  std::vector<std::optional<HostTensor>> tensors(parameters.size());
  std::vector<size_t> drawn; // parameters generated from the seed
  bool ok = true;
  for (size_t i = 0; i < parameters.size(); ++i) {
    const KernelParameter &parameter = parameters[i];
    if (parameter.isOutput)
      continue;
    if (auto it = scalars.find(parameter.name); it != scalars.end())
      tensors[i] = it->second;
    else if (!options.randomSeed)
      tensors[i] = loadInput(parameter, options.inputsDir, parameters);
    else if (checkRandomShape(parameter, random)) {
      drawn.push_back(i);
      continue;
    }
    ok = ok && tensors[i];
  }
  // Every tensor has its own generator, so they are drawn on all cores at once
  // with the same values as one after the other.
  llvm::parallelFor(0, drawn.size(), [&](size_t j) {
    const KernelParameter &parameter = parameters[drawn[j]];
    tensors[drawn[j]] = randomTensor({parameter.name, parameter.dtype, parameter.shape}, random);
  });
  if (!ok)
    return std::nullopt;
  std::vector<HostTensor> inputs;
  for (std::optional<HostTensor> &tensor : tensors)
    if (tensor)
      inputs.push_back(std::move(*tensor));
  if (std::optional<std::string> mismatch = interp::runtimeDimMismatch(parameters, inputs)) {
    reportError(*mismatch);
    return std::nullopt;
  }
  return inputs;
}

bool writeTensors(const std::string &dir, const std::vector<const KernelParameter *> &parameters,
                  const std::vector<HostTensor> &tensors) {
  if (std::error_code error = llvm::sys::fs::create_directories(dir)) {
    reportError("cannot create directory " + dir + ": " + error.message());
    return false;
  }
  for (size_t i = 0; i < parameters.size(); ++i) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, parameters[i]->name + ".npy");
    if (Status status = writeNpy(path.str().str(), tensors[i]); !status) {
      reportError(status.error());
      return false;
    }
  }
  return true;
}

} // namespace tilec::run
