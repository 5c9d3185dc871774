#include "runtime/tensor/NpyFormat.h"

#include <gtest/gtest.h>

namespace tilec {
namespace {

// Version 1.0 preambles exactly as numpy 1.24's np.save writes them: the
// dictionary, then spaces up to a 64-byte boundary, then '\n'.
std::string numpyPreamble(const std::string &dict, size_t spaces) {
  return std::string("\x93NUMPY\x01\x00\x76\x00", 10) + dict + std::string(spaces, ' ') + "\n";
}

TEST(NpyFormat, WritesTheSamePreambleAsNumpy) {
  EXPECT_EQ(formatNpyHeader(DType::F32, {2, 3}),
            numpyPreamble("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 58));
  EXPECT_EQ(formatNpyHeader(DType::I32, {}),
            numpyPreamble("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", 62));
  EXPECT_EQ(formatNpyHeader(DType::BF16, {5}),
            numpyPreamble("{'descr': '<u2', 'fortran_order': False, 'shape': (5,), }", 60));
  EXPECT_EQ(formatNpyHeader(DType::I8, {1, 2, 3}),
            numpyPreamble("{'descr': '|i1', 'fortran_order': False, 'shape': (1, 2, 3), }", 55));
  EXPECT_EQ(formatNpyHeader(DType::F16, {128, 4096}),
            numpyPreamble("{'descr': '<f2', 'fortran_order': False, 'shape': (128, 4096), }", 53));
  EXPECT_EQ(formatNpyHeader(DType::I64, Shape(12, 1)),
            numpyPreamble("{'descr': '<i8', 'fortran_order': False, 'shape': "
                          "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), }",
                          28));
}

TEST(NpyFormat, ParsesWhatItWrites) {
  for (DType dtype : kAllDTypes) {
    std::string preamble = formatNpyHeader(dtype, {7, 1, 3});
    Result<NpyHeader> header = parseNpyHeader(preamble);
    ASSERT_TRUE(header) << header.error();
    EXPECT_EQ(header->element, npyElementOf(dtype));
    EXPECT_EQ(header->shape, (Shape{7, 1, 3}));
    EXPECT_EQ(header->dataOffset, preamble.size());
    EXPECT_EQ(header->dataOffset % 64, 0u);
  }
}

/// A preamble of format `major`.0 around a header text, unpadded.
std::string preamble(int major, const std::string &text) {
  std::string out = std::string("\x93NUMPY", 6) + char(major) + '\0';
  size_t lengthBytes = major == 1 ? 2 : 4;
  for (size_t i = 0; i < lengthBytes; ++i)
    out += char((text.size() >> (8 * i)) & 0xff);
  return out + text;
}

Result<NpyHeader> parse(const std::string &text, int major = 1) {
  return parseNpyHeader(preamble(major, text));
}

TEST(NpyFormat, ReadsVersions2And3) {
  for (int major : {2, 3}) {
    std::string text = "{'descr': '<i2', 'fortran_order': False, 'shape': (4,), }\n";
    Result<NpyHeader> header = parse(text, major);
    ASSERT_TRUE(header) << header.error();
    EXPECT_EQ(header->element, NpyElement::I16);
    EXPECT_EQ(header->shape, (Shape{4}));
    EXPECT_EQ(header->dataOffset, 12 + text.size());
  }
}

TEST(NpyFormat, AcceptsOtherSpellingsOfTheDictionary) {
  Result<NpyHeader> header =
      parse("{\"shape\": (3L, 2L), \"fortran_order\": False, \"descr\": \"=f8\"}");
  ASSERT_TRUE(header) << header.error();
  EXPECT_EQ(header->element, NpyElement::F64);
  EXPECT_EQ(header->shape, (Shape{3, 2}));
  EXPECT_TRUE(parse("{'descr':'|u1','fortran_order':False,'shape':(2,)}"));
  EXPECT_TRUE(parse("{'descr': '>i1', 'fortran_order': False, 'shape': (2,), }"));
}

TEST(NpyFormat, MapsEveryElementType) {
  const std::pair<const char *, NpyElement> cases[] = {
      {"|i1", NpyElement::I8},  {"|u1", NpyElement::U8},  {"<i2", NpyElement::I16},
      {"<u2", NpyElement::U16}, {"<i4", NpyElement::I32}, {"<i8", NpyElement::I64},
      {"<f2", NpyElement::F16}, {"<f4", NpyElement::F32}, {"<f8", NpyElement::F64}};
  for (auto [descr, element] : cases) {
    Result<NpyHeader> header = parse(std::string("{'descr': '") + descr +
                                     "', 'fortran_order': False, 'shape': (), }");
    ASSERT_TRUE(header) << descr << ": " << header.error();
    EXPECT_EQ(header->element, element) << descr;
  }
  EXPECT_EQ(name(NpyElement::U16), "u16");
  EXPECT_EQ(sizeOf(NpyElement::F64), 8u);
  EXPECT_EQ(npyElementOf(DType::BF16), NpyElement::U16);
}

std::string errorOf(const Result<NpyHeader> &header) {
  return header ? "(no error)" : header.error();
}

TEST(NpyFormat, RejectsWithAClearReason) {
  EXPECT_EQ(errorOf(parseNpyHeader("PK\x03\x04 a zip file")),
            "not a .npy file (bad magic string)");
  EXPECT_EQ(errorOf(parseNpyHeader(std::string("\x93NUMPY\x04\x00", 8))),
            "unsupported .npy format version 4.0");
  EXPECT_EQ(errorOf(parseNpyHeader(std::string("\x93NUMPY\x01", 7))), "truncated .npy header");
  EXPECT_EQ(errorOf(parseNpyHeader(preamble(1, "{'descr': '<f4'").substr(0, 14))),
            "truncated .npy header");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }")),
            "Fortran-order arrays are not supported; save a C-order array "
            "(np.ascontiguousarray)");
  EXPECT_EQ(errorOf(parse("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }")),
            "big-endian data ('>f4') is not supported");
  EXPECT_EQ(errorOf(parse("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }")),
            "unsupported element type '|b1' (supported: i1 u1 i2 u2 i4 i8 f2 f4 f8, "
            "little-endian)");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4', 'shape': (2,), }")),
            "malformed .npy header: missing 'descr', 'fortran_order' or 'shape'");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), }")),
            "malformed .npy header: 'shape' is not a tuple of non-negative integers");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }")),
            "malformed .npy header: 'fortran_order' is not True/False");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4', 'extra': 1}")),
            "malformed .npy header: unexpected key 'extra'");
  EXPECT_EQ(errorOf(parse("['descr']")), "malformed .npy header: expected '{'");
  EXPECT_EQ(errorOf(parse("{'descr': '<f4' 'shape': (2,)}")),
            "malformed .npy header: expected ',' or '}'");
}

} // namespace
} // namespace tilec
