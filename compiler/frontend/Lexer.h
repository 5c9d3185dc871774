//===- Lexer.h - splits a .tile buffer into tokens --------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_LEXER_H
#define TILEC_COMPILER_FRONTEND_LEXER_H

#include "compiler/frontend/Diagnostics.h"
#include "compiler/frontend/Token.h"

namespace tilec::frontend {

/// Produces tokens on demand. Never fails: bad bytes become one Error token
/// each (after a diagnostic) so the parser can keep going.
class Lexer {
public:
  Lexer(llvm::StringRef buffer, DiagnosticSink &diags) : buffer(buffer), cur(buffer.begin()), diags(diags) {}

  Token next();

private:
  void skipSpaceAndComments();
  Token make(TokenKind kind, const char *start);
  Token lexIdentifier(const char *start);
  Token lexNumber(const char *start);
  Token lexString(const char *start);
  /// Consumes a '=' right after an operator character (`<=`, `==`, `!=`).
  bool consumeEqual();

  llvm::StringRef buffer;
  const char *cur;
  DiagnosticSink &diags;
  bool sawNewline = true;
};

} // namespace tilec::frontend

#endif
