#include "runtime/tensor/Npy.h"
#include "runtime/tensor/RandomTensor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tilec {
namespace {

namespace fs = std::filesystem;

class NpyFile : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "npy-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string &file) const { return (dir_ / file).string(); }

  void writeBytes(const std::string &file, const std::string &bytes) const {
    std::ofstream(path(file), std::ios::binary) << bytes;
  }

  std::string readBytes(const std::string &file) const {
    std::ifstream in(path(file), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::vector<std::string> filesInDir() const {
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

// np.save(np.array([[1.5, -2], [3, 0.25]], np.float32)) byte for byte.
std::string numpyF32File() {
  return std::string("\x93NUMPY\x01\x00\x76\x00", 10) +
         "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }" + std::string(58, ' ') +
         "\n" + std::string("\x00\x00\xc0\x3f\x00\x00\x00\xc0\x00\x00\x40\x40\x00\x00\x80\x3e", 16);
}

TEST_F(NpyFile, ReadsAFileWrittenByNumpy) {
  writeBytes("a.npy", numpyF32File());
  Result<HostTensor> t = readNpy(path("a.npy"));
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(*t, HostTensor::fromValues<float>({2, 2}, {1.5f, -2.0f, 3.0f, 0.25f}));
}

TEST_F(NpyFile, WritesTheSameBytesAsNumpy) {
  ASSERT_TRUE(writeNpy(path("a.npy"),
                       HostTensor::fromValues<float>({2, 2}, {1.5f, -2.0f, 3.0f, 0.25f})));
  EXPECT_EQ(readBytes("a.npy"), numpyF32File());
}

TEST_F(NpyFile, RoundTripsEveryDType) {
  for (DType dtype : kAllDTypes) {
    for (const Shape &shape : {Shape{}, Shape{7}, Shape{3, 0}, Shape{2, 3, 5}}) {
      HostTensor t = randomTensor({"t", dtype, shape}, {});
      std::string file = path(std::string(name(dtype)) + ".npy");
      Status written = writeNpy(file, t);
      ASSERT_TRUE(written) << written.error();
      Result<HostTensor> back = readNpy(file);
      ASSERT_TRUE(back) << back.error();
      EXPECT_EQ(*back, t) << name(dtype) << " " << formatShape(shape);
    }
  }
}

TEST_F(NpyFile, ReadsF64AsF32RoundedToNearestEven) {
  // 1 + 2^-24 is halfway between f32 1.0 and 1 + 2^-23: ties go to 1.0.
  std::string data(16, '\0');
  double values[2] = {1.0 + 0x1p-24, -0.1};
  std::memcpy(data.data(), values, 16);
  std::string preamble = formatNpyHeader(DType::I64, {2}); // same size as an f8 file's
  writeBytes("d.npy", preamble.replace(preamble.find("<i8"), 3, "<f8") + data);
  Result<HostTensor> t = readNpy(path("d.npy"));
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(*t, HostTensor::fromValues<float>({2}, {1.0f, -0.1f}));
}

TEST_F(NpyFile, ReadsU16AsBf16Bits) {
  HostTensor bits = HostTensor::fromValues<int16_t>({2}, {0x3F80, int16_t(0xC000)});
  ASSERT_TRUE(writeNpy(path("b.npy"), bits));
  // Rewrite the descr of the i16 file to u16, as numpy would store bf16 bits.
  std::string bytes = readBytes("b.npy");
  writeBytes("b.npy", bytes.replace(bytes.find("<i2"), 3, "<u2"));
  Result<HostTensor> t = readNpy(path("b.npy"));
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->dtype(), DType::BF16);
  EXPECT_EQ(t->elementAsDouble(0), 1.0);
  EXPECT_EQ(t->elementAsDouble(1), -2.0);
}

TEST_F(NpyFile, LoadParameterAcceptsTheStoredForms) {
  HostTensor bf = HostTensor::fromValues<bf16>({2}, {bf16::fromBits(0x3F80), bf16::fromBits(0x3F82)});
  ASSERT_TRUE(writeNpy(path("bf.npy"), bf));
  Result<HostTensor> same = loadParameter(path("bf.npy"), "x", DType::BF16, {2});
  ASSERT_TRUE(same) << same.error();
  EXPECT_EQ(*same, bf);

  // f32 for a bf16 parameter: rounded to nearest even (both values are ties).
  uint32_t tieBits[2] = {0x3F808000, 0x3F818000};
  float ties[2];
  std::memcpy(ties, tieBits, sizeof ties);
  ASSERT_TRUE(writeNpy(path("f.npy"), HostTensor::fromValues<float>({2}, {ties[0], ties[1]})));
  Result<HostTensor> rounded = loadParameter(path("f.npy"), "x", DType::BF16, {2});
  ASSERT_TRUE(rounded) << rounded.error();
  EXPECT_EQ(*rounded, bf);

  ASSERT_TRUE(writeNpy(path("s.npy"), HostTensor::scalar<int32_t>(128)));
  Result<HostTensor> scalar = loadParameter(path("s.npy"), "start_pos", DType::I32, {});
  ASSERT_TRUE(scalar) << scalar.error();
  EXPECT_EQ(scalar->at<int32_t>({}), 128);
}

std::string errorOf(const Result<HostTensor> &r) { return r ? "(no error)" : r.error(); }

TEST_F(NpyFile, LoadParameterNamesWhatWasExpectedAndFound) {
  ASSERT_TRUE(writeNpy(path("x.npy"), HostTensor(DType::F32, {128, 4095})));
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::BF16, {128, 4096})),
            "input 'x' (" + path("x.npy") + "): expected shape [128, 4096] bf16, "
            "found [128, 4095] f32");
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::I8, {128, 4095})),
            "input 'x' (" + path("x.npy") + "): expected shape [128, 4095] i8, "
            "found [128, 4095] f32");
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "q", DType::F16, {128, 4095}, "output")),
            "output 'q' (" + path("x.npy") + "): expected shape [128, 4095] f16, "
            "found [128, 4095] f32");

  ASSERT_TRUE(writeNpy(path("p.npy"), HostTensor(DType::I32, {1})));
  EXPECT_EQ(errorOf(loadParameter(path("p.npy"), "start_pos", DType::I32, {})),
            "input 'start_pos' (" + path("p.npy") + "): expected shape [] i32, found [1] i32");
}

TEST_F(NpyFile, LoadParameterReportsUnreadableFiles) {
  std::string prefix = "input 'x' (" + path("x.npy") + "): ";
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "cannot open: No such file or directory");

  std::string file = numpyF32File();
  writeBytes("x.npy", file.substr(0, file.size() - 3));
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "truncated: the header promises 16 data bytes, the file has 13");

  writeBytes("x.npy", file + "junk");
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "trailing bytes: the header promises 16 data bytes, the file has 20");

  writeBytes("x.npy", file.substr(0, 40));
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "truncated .npy header");

  writeBytes("x.npy", "x,y\n1,2\n");
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "not a .npy file (bad magic string)");

  std::string fortran = file;
  writeBytes("x.npy", fortran.replace(fortran.find("False"), 5, "True "));
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "Fortran-order arrays are not supported; save a C-order array "
                     "(np.ascontiguousarray)");

  std::string huge = file;
  writeBytes("x.npy", huge.replace(huge.find("(2, 2)"), 6, "(99999999999, 99999999)"));
  EXPECT_EQ(errorOf(loadParameter(path("x.npy"), "x", DType::F32, {2, 2})),
            prefix + "shape [99999999999, 99999999] is too large");

  EXPECT_EQ(errorOf(readNpy(path("missing.npy"))),
            path("missing.npy") + ": cannot open: No such file or directory");
}

TEST_F(NpyFile, WriteReplacesAtomicallyAndLeavesNoTemporary) {
  ASSERT_TRUE(writeNpy(path("y.npy"), HostTensor::scalar<int8_t>(1)));
  ASSERT_TRUE(writeNpy(path("y.npy"), HostTensor::scalar<int8_t>(2)));
  EXPECT_EQ(filesInDir(), std::vector<std::string>{"y.npy"});
  EXPECT_EQ(readNpy(path("y.npy"))->at<int8_t>({}), 2);
}

TEST_F(NpyFile, FailedWriteLeavesNothingBehind) {
  fs::create_directory(dir_ / "taken.npy"); // rename onto a directory fails
  Status status = writeNpy(path("taken.npy"), HostTensor(DType::F32, {4}));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error(), path("taken.npy") + ": cannot write: Is a directory");
  EXPECT_EQ(filesInDir(), std::vector<std::string>{"taken.npy"});

  Status noDir = writeNpy(path("no/such/dir/y.npy"), HostTensor(DType::F32, {4}));
  ASSERT_FALSE(noDir);
  EXPECT_EQ(noDir.error(), path("no/such/dir/y.npy") +
                               ": cannot create a temporary file: No such file or directory");
}

} // namespace
} // namespace tilec
