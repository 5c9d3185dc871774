#include "runtime/tensor/NpyFormat.h"

#include <cctype>
#include <cstring>
#include <limits>

namespace tilec {
namespace {

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr size_t kAlignment = 64;
// np.save reserves room for the first dimension to grow to this many digits.
constexpr size_t kGrowthDigits = 21;

struct ElementInfo {
  NpyElement element;
  std::string_view name;
  std::string_view code; ///< kind and size as in a descr, e.g. "f4"
};

constexpr ElementInfo kElements[] = {
    {NpyElement::I8, "i8", "i1"},    {NpyElement::U8, "u8", "u1"},
    {NpyElement::I16, "i16", "i2"},  {NpyElement::U16, "u16", "u2"},
    {NpyElement::I32, "i32", "i4"},  {NpyElement::I64, "i64", "i8"},
    {NpyElement::F16, "f16", "f2"},  {NpyElement::F32, "f32", "f4"},
    {NpyElement::F64, "f64", "f8"}};

const ElementInfo &info(NpyElement e) {
  for (const ElementInfo &i : kElements)
    if (i.element == e)
      return i;
  return kElements[0];
}

/// The header dictionary, e.g. {'descr': '<f4', 'fortran_order': False,
/// 'shape': (2, 3), }: a tiny parser for exactly the literals it may contain.
class HeaderParser {
public:
  explicit HeaderParser(std::string_view text) : text_(text) {}

  Result<NpyHeader> parse() {
    std::string descr;
    bool haveDescr = false, haveOrder = false, haveShape = false;
    bool fortran = false;
    Shape shape;
    if (!consume('{'))
      return fail("expected '{'");
    while (!consume('}')) {
      std::string key;
      if (!parseString(key) || !consume(':'))
        return fail("expected 'key':");
      if (key == "descr") {
        if (!parseString(descr))
          return fail("'descr' is not a string");
        haveDescr = true;
      } else if (key == "fortran_order") {
        if (!parseBool(fortran))
          return fail("'fortran_order' is not True/False");
        haveOrder = true;
      } else if (key == "shape") {
        if (!parseShape(shape))
          return fail("'shape' is not a tuple of non-negative integers");
        haveShape = true;
      } else {
        return fail("unexpected key '" + key + "'");
      }
      if (!consume(',') && !peek('}'))
        return fail("expected ',' or '}'");
    }
    if (!haveDescr || !haveOrder || !haveShape)
      return fail("missing 'descr', 'fortran_order' or 'shape'");
    if (fortran)
      return Error{"Fortran-order arrays are not supported; save a C-order "
                   "array (np.ascontiguousarray)"};
    Result<NpyElement> element = parseDescr(descr);
    if (!element)
      return Error{element.error()};
    return NpyHeader{*element, shape, 0};
  }

private:
  static Error fail(const std::string &why) {
    return Error{"malformed .npy header: " + why};
  }

  static Result<NpyElement> parseDescr(const std::string &descr) {
    if (descr.size() == 3) {
      char order = descr[0];
      std::string_view code = std::string_view(descr).substr(1);
      for (const ElementInfo &i : kElements) {
        if (i.code != code)
          continue;
        bool oneByte = sizeOf(i.element) == 1;
        if (order == '<' || order == '=' || (oneByte && (order == '|' || order == '>')))
          return i.element;
        if (order == '>')
          return Error{"big-endian data ('" + descr + "') is not supported"};
      }
    }
    return Error{"unsupported element type '" + descr +
                 "' (supported: i1 u1 i2 u2 i4 i8 f2 f4 f8, little-endian)"};
  }

  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(uint8_t(text_[pos_])))
      ++pos_;
  }
  bool peek(char c) {
    skipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool consume(char c) {
    if (!peek(c))
      return false;
    ++pos_;
    return true;
  }
  bool consumeWord(std::string_view word) {
    skipSpace();
    if (text_.substr(pos_, word.size()) != word)
      return false;
    pos_ += word.size();
    return true;
  }

  bool parseString(std::string &out) {
    skipSpace();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      return false;
    char quote = text_[pos_++];
    size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos)
      return false;
    out = std::string(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return true;
  }

  bool parseBool(bool &out) {
    if (consumeWord("True"))
      return out = true, true;
    if (consumeWord("False"))
      return out = false, true;
    return false;
  }

  bool parseInt(int64_t &out) {
    skipSpace();
    size_t start = pos_;
    out = 0;
    while (pos_ < text_.size() && std::isdigit(uint8_t(text_[pos_]))) {
      if (out > (std::numeric_limits<int64_t>::max() - 9) / 10)
        return false;
      out = out * 10 + (text_[pos_++] - '0');
    }
    if (pos_ < text_.size() && text_[pos_] == 'L') // Python 2 long literals
      ++pos_;
    return pos_ > start;
  }

  bool parseShape(Shape &out) {
    if (!consume('('))
      return false;
    while (!consume(')')) {
      int64_t dim;
      if (!parseInt(dim))
        return false;
      out.push_back(dim);
      if (!consume(',') && !peek(')'))
        return false;
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

uint32_t readLittleEndian(std::string_view bytes) {
  uint32_t v = 0;
  for (size_t i = bytes.size(); i-- > 0;)
    v = (v << 8) | uint8_t(bytes[i]);
  return v;
}

} // namespace

std::string_view name(NpyElement e) { return info(e).name; }

size_t sizeOf(NpyElement e) { return size_t(info(e).code[1] - '0'); }

NpyElement npyElementOf(DType dtype) {
  switch (dtype) {
  case DType::BF16: return NpyElement::U16;
  case DType::F16:  return NpyElement::F16;
  case DType::F32:  return NpyElement::F32;
  case DType::I8:   return NpyElement::I8;
  case DType::U8:   return NpyElement::U8;
  case DType::I16:  return NpyElement::I16;
  case DType::I32:  return NpyElement::I32;
  case DType::I64:  return NpyElement::I64;
  }
  return NpyElement::U8;
}

Result<NpyHeader> parseNpyHeader(std::string_view file) {
  if (file.substr(0, kMagic.size()) != kMagic)
    return Error{"not a .npy file (bad magic string)"};
  if (file.size() < kMagic.size() + 2)
    return Error{"truncated .npy header"};
  uint8_t major = uint8_t(file[6]);
  if (major < 1 || major > 3)
    return Error{"unsupported .npy format version " + std::to_string(major) +
                 "." + std::to_string(uint8_t(file[7]))};
  // Version 1.0 stores the header length in 2 bytes, 2.0 and 3.0 in 4.
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t start = 8 + lengthBytes;
  if (file.size() < start)
    return Error{"truncated .npy header"};
  size_t length = readLittleEndian(file.substr(8, lengthBytes));
  if (file.size() - start < length)
    return Error{"truncated .npy header"};
  Result<NpyHeader> header = HeaderParser(file.substr(start, length)).parse();
  if (header)
    header->dataOffset = start + length;
  return header;
}

std::string formatNpyHeader(DType dtype, const Shape &shape) {
  std::string dims;
  for (size_t i = 0; i < shape.size(); ++i)
    dims += (i ? ", " : "") + std::to_string(shape[i]);
  if (shape.size() == 1)
    dims += ",";
  NpyElement element = npyElementOf(dtype);
  std::string dict = std::string("{'descr': '") +
                     (sizeOf(element) == 1 ? "|" : "<") +
                     std::string(info(element).code) +
                     "', 'fortran_order': False, 'shape': (" + dims + "), }";
  if (!shape.empty())
    dict.append(kGrowthDigits - std::to_string(shape[0]).size(), ' ');
  // Like np.save, pads with 1 to 64 spaces (a full 64 when already aligned).
  size_t unpadded = kMagic.size() + 4 + dict.size() + 1; // +1 for '\n'
  dict.append(kAlignment - unpadded % kAlignment, ' ');
  dict += '\n';
  std::string out(kMagic);
  out += '\x01';
  out += '\x00';
  out += char(dict.size() & 0xff);
  out += char(dict.size() >> 8);
  return out + dict;
}

} // namespace tilec
