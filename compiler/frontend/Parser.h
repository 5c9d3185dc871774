//===- Parser.h - recursive-descent parser for .tile ------------*- C++ -*-===//
#ifndef TILEC_COMPILER_FRONTEND_PARSER_H
#define TILEC_COMPILER_FRONTEND_PARSER_H

#include "compiler/frontend/AST.h"
#include "compiler/frontend/Lexer.h"

namespace tilec::frontend {

/// Parses one buffer. Errors are reported to the sink; the parser then skips
/// to the next statement (or declaration) and goes on, so one run reports
/// every independent syntax error. Nesting deeper than kMaxDepth is an error,
/// which bounds recursion on any input.
class Parser {
public:
  static constexpr unsigned kMaxDepth = 128;

  Parser(llvm::StringRef buffer, DiagnosticSink &diags) : lexer(buffer, diags), diags(diags) { advance(); }

  /// Parses a whole file.
  void parseFile(SourceFile &file);
  /// Parses `buffer` as a single expression (for -D NAME=VALUE); null on error.
  ExprPtr parseStandaloneExpr();

private:
  // Declarations.
  DeclPtr parseDecl();
  DeclPtr parseImport();
  DeclPtr parseConst();
  DeclPtr parseKernel();
  DeclPtr parseFunction();
  bool parseReturn(FunctionDecl &function);
  bool parseParam(Param &param);
  bool parseParamType(ParamType &type);

  // Statements.
  /// A `{ ... }` block; a function's body (`function`) ends with its `return`.
  bool parseBlock(Block &block, FunctionDecl *function = nullptr);
  StmtPtr parseStmt();
  StmtPtr parseLet();
  StmtPtr parseFor();
  StmtPtr parseScope();
  StmtPtr parseAssign();

  // Expressions, by increasing precedence.
  ExprPtr parseExpr();
  ExprPtr parseSum();
  ExprPtr parseTerm();
  ExprPtr parseUnary();
  ExprPtr parsePostfix();
  ExprPtr parsePrimary();
  bool parseCallArgs(CallExpr &call);
  bool parseIndexItems(IndexExpr &index);
  bool parseIndexItem(IndexItem &item);

  // Token helpers.
  void advance();
  const Token &peek();
  bool consumeIf(TokenKind kind);
  /// Consumes `kind` or reports "expected <kind> <context>, found <tok>".
  bool expect(TokenKind kind, llvm::StringRef context);
  bool expectIdentifier(NameDecl &decl, llvm::StringRef context);
  void errorExpected(llvm::StringRef what);
  std::string describe(const Token &tok) const;
  void skipToStatementBoundary();
  void skipToDecl();

  /// Counts nesting of blocks and expressions; reports once when too deep.
  struct DepthGuard {
    explicit DepthGuard(Parser &p) : p(p) { ++p.depth; }
    ~DepthGuard() { --p.depth; }
    bool tooDeep();
    Parser &p;
  };

  Lexer lexer;
  DiagnosticSink &diags;
  Token tok;
  std::optional<Token> lookahead;
  unsigned depth = 0;
  bool reportedUnclosedBlock = false; // report a missing '}' at EOF once, not per level
};

} // namespace tilec::frontend

#endif
