#include "runtime/tensor/Npy.h"

#include "runtime/numerics/Convert.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <unistd.h>

// .npy data is little-endian and is copied as is.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the .npy reader assumes a little-endian host");

namespace tilec {
namespace {

std::string systemError() { return std::strerror(errno); }

Result<std::string> readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{"cannot open: " + systemError()};
  std::string content((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
  if (in.bad())
    return Error{"cannot read: " + systemError()};
  return content;
}

Error withPrefix(const std::string &prefix, const std::string &message) {
  return Error{prefix + message};
}

/// f64 data rounded to f32 by the host's IEEE conversion (nearest even).
HostTensor f64ToF32(const NpyArray &array) {
  HostTensor out(DType::F32, array.shape);
  float *dst = out.data<float>();
  for (int64_t i = 0, n = out.numElements(); i < n; ++i) {
    double v;
    std::memcpy(&v, array.bytes.data() + i * sizeof v, sizeof v);
    dst[i] = float(v);
  }
  return out;
}

HostTensor asTensor(DType dtype, const NpyArray &array) {
  HostTensor out(dtype, array.shape);
  // An empty tensor's data may be null, which memcpy may not be given.
  if (out.byteSize())
    std::memcpy(out.rawData(), array.bytes.data(), out.byteSize());
  return out;
}

} // namespace

std::optional<HostTensor> acceptAs(DType to, const NpyArray &array) {
  if (array.element == npyElementOf(to))
    return asTensor(to, array);
  if (to == DType::BF16 && array.element == NpyElement::F32)
    return asTensor(DType::F32, array)
        .convertTo(DType::BF16, RoundMode::Rint);
  if (to == DType::F32 && array.element == NpyElement::F64)
    return f64ToF32(array);
  return std::nullopt;
}

namespace {

/// The element count, or nullopt beyond 2^48 (more than any file we accept;
/// also keeps the byte count from overflowing).
std::optional<int64_t> checkedElementCount(const Shape &shape) {
  constexpr int64_t kMax = int64_t(1) << 48;
  for (int64_t dim : shape)
    if (dim == 0)
      return 0;
  int64_t n = 1;
  for (int64_t dim : shape) {
    if (n > kMax / dim)
      return std::nullopt;
    n *= dim;
  }
  return n;
}

/// Creates a new file next to `path` that no one else uses, with the
/// permissions a plain create would give (0666 minus the umask).
int createTemporary(const std::string &path, std::string &tmp) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    tmp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  return -1;
}

} // namespace

Result<NpyArray> readNpyArray(const std::string &path) {
  Result<std::string> file = readFile(path);
  if (!file)
    return Error{file.error()};
  Result<NpyHeader> header = parseNpyHeader(*file);
  if (!header)
    return Error{header.error()};
  std::optional<int64_t> count = checkedElementCount(header->shape);
  if (!count)
    return Error{"shape " + formatShape(header->shape) + " is too large"};
  size_t dataBytes = size_t(*count) * sizeOf(header->element);
  size_t available = file->size() - header->dataOffset;
  if (available != dataBytes)
    return Error{std::string(available < dataBytes ? "truncated" : "trailing bytes") +
                 ": the header promises " + std::to_string(dataBytes) +
                 " data bytes, the file has " + std::to_string(available)};
  NpyArray array{header->element, header->shape, {}};
  array.bytes.assign(file->begin() + header->dataOffset, file->end());
  return array;
}

Result<HostTensor> readNpy(const std::string &path) {
  Result<NpyArray> array = readNpyArray(path);
  if (!array)
    return withPrefix(path + ": ", array.error());
  switch (array->element) {
  case NpyElement::U16:
    return asTensor(DType::BF16, *array);
  case NpyElement::F64:
    return f64ToF32(*array);
  default:
    for (DType t : kAllDTypes)
      if (npyElementOf(t) == array->element)
        return asTensor(t, *array);
  }
  return withPrefix(path + ": ", "no tensor type for this file");
}

Result<HostTensor> loadParameter(const std::string &path, std::string_view name,
                                 DType expectedDType, const Shape &expectedShape,
                                 std::string_view role) {
  std::string prefix = std::string(role) + " '" + std::string(name) + "' (" + path + "): ";
  Result<NpyArray> array = readNpyArray(path);
  if (!array)
    return withPrefix(prefix, array.error());
  if (array->shape == expectedShape)
    if (std::optional<HostTensor> t = acceptAs(expectedDType, *array))
      return std::move(*t);
  return withPrefix(prefix, "expected shape " + formatShape(expectedShape) + " " +
                                std::string(tilec::name(expectedDType)) + ", found " +
                                formatShape(array->shape) + " " +
                                std::string(tilec::name(array->element)));
}

Status writeNpy(const std::string &path, const HostTensor &tensor) {
  std::string header = formatNpyHeader(tensor.dtype(), tensor.shape());
  std::string tmp;
  int fd = createTemporary(path, tmp);
  if (fd < 0)
    return Error{path + ": cannot create a temporary file: " + systemError()};
  auto writeAll = [fd](const void *data, size_t size) {
    for (const char *p = static_cast<const char *>(data); size > 0;) {
      ssize_t n = ::write(fd, p, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return false;
      p += n;
      size -= size_t(n);
    }
    return true;
  };
  bool ok = writeAll(header.data(), header.size()) &&
            writeAll(tensor.rawData(), tensor.byteSize());
  std::string why = ok ? "" : systemError();
  if (::close(fd) != 0 && ok) {
    ok = false;
    why = systemError();
  }
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    why = systemError();
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return Error{path + ": cannot write: " + why};
  }
  return {};
}

} // namespace tilec
