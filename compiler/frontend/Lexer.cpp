//===- Lexer.cpp - splits a .tile buffer into tokens ----------------------===//
#include "compiler/frontend/Lexer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace tilec::frontend {

llvm::StringRef spell(TokenKind kind) {
  switch (kind) {
  case TokenKind::Eof: return "end of file";
  case TokenKind::Error: return "invalid token";
  case TokenKind::Identifier: return "identifier";
  case TokenKind::Integer: return "integer";
  case TokenKind::Float: return "float";
  case TokenKind::String: return "string";
  case TokenKind::KwConst: return "'const'";
  case TokenKind::KwImport: return "'import'";
  case TokenKind::KwKernel: return "'kernel'";
  case TokenKind::KwLet: return "'let'";
  case TokenKind::KwFor: return "'for'";
  case TokenKind::KwIn: return "'in'";
  case TokenKind::KwOut: return "'out'";
  case TokenKind::KwScope: return "'scope'";
  case TokenKind::KwOn: return "'on'";
  case TokenKind::KwTensor: return "'tensor'";
  case TokenKind::KwDef: return "'def'";
  case TokenKind::KwReturn: return "'return'";
  case TokenKind::LParen: return "'('";
  case TokenKind::RParen: return "')'";
  case TokenKind::LBracket: return "'['";
  case TokenKind::RBracket: return "']'";
  case TokenKind::LBrace: return "'{'";
  case TokenKind::RBrace: return "'}'";
  case TokenKind::Less: return "'<'";
  case TokenKind::Greater: return "'>'";
  case TokenKind::LessEqual: return "'<='";
  case TokenKind::GreaterEqual: return "'>='";
  case TokenKind::EqualEqual: return "'=='";
  case TokenKind::NotEqual: return "'!='";
  case TokenKind::Comma: return "','";
  case TokenKind::Colon: return "':'";
  case TokenKind::Semicolon: return "';'";
  case TokenKind::Equal: return "'='";
  case TokenKind::Plus: return "'+'";
  case TokenKind::Minus: return "'-'";
  case TokenKind::Star: return "'*'";
  case TokenKind::Slash: return "'/'";
  case TokenKind::SlashSlash: return "'//'";
  case TokenKind::Percent: return "'%'";
  }
  return "token";
}

static bool isIdentStart(char c) { return llvm::isAlpha(c) || c == '_'; }
static bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_'; }

void Lexer::skipSpaceAndComments() {
  const char *end = buffer.end();
  while (cur != end) {
    char c = *cur;
    if (c == '\n') {
      sawNewline = true;
      ++cur;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++cur;
    } else if (c == '#') {
      while (cur != end && *cur != '\n')
        ++cur;
    } else {
      return;
    }
  }
}

Token Lexer::make(TokenKind kind, const char *start) {
  Token tok;
  tok.kind = kind;
  tok.text = llvm::StringRef(start, cur - start);
  tok.startsLine = sawNewline;
  sawNewline = false;
  return tok;
}

bool Lexer::consumeEqual() {
  if (cur == buffer.end() || *cur != '=')
    return false;
  ++cur;
  return true;
}

Token Lexer::next() {
  skipSpaceAndComments();
  const char *start = cur;
  if (cur == buffer.end())
    return make(TokenKind::Eof, start);
  char c = *cur++;
  if (isIdentStart(c))
    return lexIdentifier(start);
  if (llvm::isDigit(c) || (c == '.' && cur != buffer.end() && llvm::isDigit(*cur)))
    return lexNumber(start);
  switch (c) {
  case '"': return lexString(start);
  case '(': return make(TokenKind::LParen, start);
  case ')': return make(TokenKind::RParen, start);
  case '[': return make(TokenKind::LBracket, start);
  case ']': return make(TokenKind::RBracket, start);
  case '{': return make(TokenKind::LBrace, start);
  case '}': return make(TokenKind::RBrace, start);
  case '<': return make(consumeEqual() ? TokenKind::LessEqual : TokenKind::Less, start);
  case '>': return make(consumeEqual() ? TokenKind::GreaterEqual : TokenKind::Greater, start);
  case '!':
    if (consumeEqual())
      return make(TokenKind::NotEqual, start);
    break;
  case ',': return make(TokenKind::Comma, start);
  case ':': return make(TokenKind::Colon, start);
  case ';': return make(TokenKind::Semicolon, start);
  case '=': return make(consumeEqual() ? TokenKind::EqualEqual : TokenKind::Equal, start);
  case '+': return make(TokenKind::Plus, start);
  case '-': return make(TokenKind::Minus, start);
  case '*': return make(TokenKind::Star, start);
  case '%': return make(TokenKind::Percent, start);
  case '/':
    if (cur != buffer.end() && *cur == '/') {
      ++cur;
      return make(TokenKind::SlashSlash, start);
    }
    return make(TokenKind::Slash, start);
  default:
    break;
  }
  std::string shown;
  llvm::raw_string_ostream os(shown);
  if (llvm::isPrint(c))
    os << "'" << c << "'";
  else
    os << "byte 0x" << llvm::format_hex_no_prefix(static_cast<unsigned char>(c), 2);
  diags.error(llvm::SMLoc::getFromPointer(start),
              "unexpected character " + shown + "; expected an identifier, number, string or operator");
  return make(TokenKind::Error, start);
}

Token Lexer::lexIdentifier(const char *start) {
  while (cur != buffer.end() && isIdentChar(*cur))
    ++cur;
  llvm::StringRef word(start, cur - start);
  TokenKind kind = llvm::StringSwitch<TokenKind>(word)
                       .Case("const", TokenKind::KwConst)
                       .Case("import", TokenKind::KwImport)
                       .Case("kernel", TokenKind::KwKernel)
                       .Case("let", TokenKind::KwLet)
                       .Case("for", TokenKind::KwFor)
                       .Case("in", TokenKind::KwIn)
                       .Case("out", TokenKind::KwOut)
                       .Case("scope", TokenKind::KwScope)
                       .Case("on", TokenKind::KwOn)
                       .Case("tensor", TokenKind::KwTensor)
                       .Case("def", TokenKind::KwDef)
                       .Case("return", TokenKind::KwReturn)
                       .Default(TokenKind::Identifier);
  return make(kind, start);
}

// Integers: digits. Floats: digits with a '.', an exponent, or both.
Token Lexer::lexNumber(const char *start) {
  const char *end = buffer.end();
  bool isFloat = *start == '.';
  while (cur != end && llvm::isDigit(*cur))
    ++cur;
  if (cur != end && *cur == '.') {
    isFloat = true;
    ++cur;
    while (cur != end && llvm::isDigit(*cur))
      ++cur;
  }
  if (cur != end && (*cur == 'e' || *cur == 'E')) {
    const char *exp = cur + 1;
    if (exp != end && (*exp == '+' || *exp == '-'))
      ++exp;
    if (exp == end || !llvm::isDigit(*exp)) {
      cur = exp;
      diags.error(llvm::SMLoc::getFromPointer(start), "malformed number '" +
                                                         llvm::StringRef(start, cur - start) +
                                                         "': expected digits after the exponent");
      return make(TokenKind::Error, start);
    }
    cur = exp;
    while (cur != end && llvm::isDigit(*cur))
      ++cur;
    isFloat = true;
  }
  if (cur != end && isIdentStart(*cur)) {
    while (cur != end && isIdentChar(*cur))
      ++cur;
    diags.error(llvm::SMLoc::getFromPointer(start),
                "malformed number '" + llvm::StringRef(start, cur - start) + "': letters after digits");
    return make(TokenKind::Error, start);
  }
  return make(isFloat ? TokenKind::Float : TokenKind::Integer, start);
}

// Strings hold import paths: no escapes, no newlines.
Token Lexer::lexString(const char *start) {
  while (cur != buffer.end() && *cur != '"' && *cur != '\n')
    ++cur;
  if (cur == buffer.end() || *cur != '"') {
    diags.error(llvm::SMLoc::getFromPointer(start), "unterminated string: expected '\"' before the end of the line");
    return make(TokenKind::Error, start);
  }
  ++cur;
  return make(TokenKind::String, start);
}

} // namespace tilec::frontend
