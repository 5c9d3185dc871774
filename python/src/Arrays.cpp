//===- Arrays.cpp - numpy arrays as kernel tensors and back ---------------===//
#include "Arrays.h"

#include "CompiledKernel.h"

#include "runtime/tensor/Npy.h"

#include <algorithm>
#include <cstring>

namespace py = pybind11;

namespace tilec::python {
namespace {

/// The .npy element type of a numpy dtype, if it has one.
std::optional<NpyElement> elementOf(const py::dtype &dtype) {
  char kind = dtype.kind();
  switch (dtype.itemsize()) {
  case 1:
    return kind == 'i' ? std::optional(NpyElement::I8)
                       : kind == 'u' ? std::optional(NpyElement::U8) : std::nullopt;
  case 2:
    return kind == 'i'   ? std::optional(NpyElement::I16)
           : kind == 'u' ? std::optional(NpyElement::U16)
           : kind == 'f' ? std::optional(NpyElement::F16)
                         : std::nullopt;
  case 4:
    return kind == 'i' ? std::optional(NpyElement::I32)
                       : kind == 'f' ? std::optional(NpyElement::F32) : std::nullopt;
  case 8:
    return kind == 'i' ? std::optional(NpyElement::I64)
                       : kind == 'f' ? std::optional(NpyElement::F64) : std::nullopt;
  }
  return std::nullopt;
}

/// The numpy type character of a tensor element type (bf16: its float32 values).
const char *formatOf(DType dtype) {
  switch (dtype) {
  case DType::BF16:
  case DType::F32:
    return "f4";
  case DType::F16:
    return "f2";
  case DType::I8:
    return "i1";
  case DType::U8:
    return "u1";
  case DType::I16:
    return "i2";
  case DType::I32:
    return "i4";
  case DType::I64:
    return "i8";
  }
  return "f4";
}

} // namespace

HostTensor toTensor(const py::array &array, DType dtype, const Shape &shape,
                    const std::string &role, const std::string &name) {
  Shape found(array.shape(), array.shape() + array.ndim());
  std::optional<NpyElement> element = elementOf(array.dtype());
  if (element && found == shape) {
    auto contiguous = py::array::ensure(array, py::array::c_style);
    NpyArray stored{*element, found, {}};
    const auto *data = static_cast<const uint8_t *>(contiguous.data());
    stored.bytes.assign(data, data + contiguous.nbytes());
    if (std::optional<HostTensor> tensor = acceptAs(dtype, stored))
      return std::move(*tensor);
  }
  std::string foundType =
      element ? std::string(tilec::name(*element)) : std::string(py::str(array.dtype()));
  throw Failure(Failure::Input, {},
                role + " '" + name + "': expected shape " + formatShape(shape) + " " +
                    std::string(tilec::name(dtype)) + ", found " + formatShape(found) + " " +
                    foundType);
}

py::array toArray(const HostTensor &tensor) {
  const HostTensor &values =
      tensor.dtype() == DType::BF16 ? tensor.convertTo(DType::F32, RoundMode::None) : tensor;
  py::array array(py::dtype(formatOf(tensor.dtype())),
                  std::vector<py::ssize_t>(values.shape().begin(), values.shape().end()));
  if (values.byteSize())
    std::memcpy(array.mutable_data(), values.rawData(), values.byteSize());
  return array;
}

py::object toPython(const llvm::json::Value &value) {
  switch (value.kind()) {
  case llvm::json::Value::Null:
    return py::none();
  case llvm::json::Value::Boolean:
    return py::bool_(*value.getAsBoolean());
  case llvm::json::Value::Number:
    // Integers stay ints (getAsInteger would also take an integral double;
    // getAsUINT64 takes stored integers only, and the reports hold no
    // negative ones).
    if (std::optional<uint64_t> integer = value.getAsUINT64())
      return py::int_(*integer);
    return py::float_(*value.getAsNumber());
  case llvm::json::Value::String:
    return py::str(value.getAsString()->str());
  case llvm::json::Value::Array: {
    py::list list;
    for (const llvm::json::Value &element : *value.getAsArray())
      list.append(toPython(element));
    return list;
  }
  case llvm::json::Value::Object: {
    const llvm::json::Object &object = *value.getAsObject();
    std::vector<std::string> keys;
    for (const auto &entry : object)
      keys.push_back(entry.first.str());
    std::sort(keys.begin(), keys.end());
    py::dict dict;
    for (const std::string &key : keys)
      dict[py::str(key)] = toPython(*object.get(key));
    return dict;
  }
  }
  return py::none();
}

} // namespace tilec::python
