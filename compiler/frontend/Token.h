//===- Token.h - tokens of the .tile language -------------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_TOKEN_H
#define TILEC_COMPILER_FRONTEND_TOKEN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace tilec::frontend {

enum class TokenKind {
  Eof,
  Error, // an invalid byte or malformed literal; the lexer already reported it
  Identifier,
  Integer,
  Float,
  String,
  // Keywords.
  KwConst,
  KwImport,
  KwKernel,
  KwLet,
  KwFor,
  KwIn,
  KwOut,
  KwScope,
  KwOn,
  KwTensor,
  KwDef,
  KwReturn,
  // Punctuation.
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  EqualEqual,
  NotEqual,
  Comma,
  Colon,
  Semicolon,
  Equal,
  Plus,
  Minus,
  Star,
  Slash,
  SlashSlash,
  Percent,
};

/// A short, user-facing spelling of a token kind for "expected X, found Y".
llvm::StringRef spell(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::Eof;
  llvm::StringRef text; // points into the source buffer
  bool startsLine = false; // first token on its line; used for error recovery

  bool is(TokenKind k) const { return kind == k; }
  llvm::SMLoc loc() const { return llvm::SMLoc::getFromPointer(text.data()); }
};

} // namespace tilec::frontend

#endif
