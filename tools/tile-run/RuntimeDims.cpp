//===- RuntimeDims.cpp - the value of each run-time dim for one run -------===//
#include "RuntimeDims.h"
#include "RunErrors.h"

#include "runtime/tensor/Npy.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace tilec::run {
namespace {

using interp::KernelParameter;

/// The value --set gives `name`, with where it came from; nullopt if none.
std::optional<std::pair<int64_t, std::string>> fromSets(const std::vector<std::string> &sets,
                                                        llvm::StringRef name) {
  std::optional<std::pair<int64_t, std::string>> found;
  for (const std::string &set : sets) {
    auto [key, text] = llvm::StringRef(set).split('=');
    int64_t value;
    if (key == name && !text.getAsInteger(10, value))
      found = {value, "--set " + set};
  }
  return found;
}

} // namespace

std::optional<std::vector<RuntimeDimValue>>
resolveRuntimeDims(const std::vector<KernelParameter> &parameters, const InputOptions &options) {
  std::vector<RuntimeDimValue> values;
  for (size_t index = 0; index < parameters.size(); ++index) {
    const KernelParameter &dim = parameters[index];
    if (!dim.dimBound)
      continue;
    std::optional<std::pair<int64_t, std::string>> given = fromSets(options.scalarSets, dim.name);
    for (const KernelParameter &tensor : parameters) {
      if (given || options.randomSeed || tensor.isOutput || tensor.rowsDim != index)
        continue;
      llvm::SmallString<256> path(options.inputsDir);
      llvm::sys::path::append(path, tensor.name + ".npy");
      if (!llvm::sys::fs::exists(path))
        continue; // reported as a missing input later
      Result<NpyArray> array = readNpyArray(path.str().str());
      if (!array) {
        reportError("input '" + tensor.name + "' (" + path.str() + "): " + array.error());
        return std::nullopt;
      }
      if (array->shape.empty()) {
        reportError("input '" + tensor.name + "' (" + path.str() + "): expected " + dim.name +
                    " rows, found a 0-d array");
        return std::nullopt;
      }
      given = {array->shape[0], "the rows of " + tensor.name + ".npy"};
    }
    int64_t value = given ? given->first : *dim.compiledValue;
    if (value < 1 || value > *dim.dimBound) {
      reportError("run-time dim '" + dim.name + "' = " + std::to_string(value) + " (" + (given ? given->second : "as compiled") +
                  "): expected a value in [1, " + std::to_string(*dim.dimBound) + "], its bound");
      return std::nullopt;
    }
    values.push_back({dim.name, value, value != *dim.compiledValue});
  }
  return values;
}

} // namespace tilec::run
