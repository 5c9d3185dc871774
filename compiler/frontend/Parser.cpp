//===- Parser.cpp - recursive-descent parser for .tile --------------------===//
#include "compiler/frontend/Parser.h"

#include "llvm/ADT/Twine.h"

namespace tilec::frontend {

//===----------------------------------------------------------------------===//
// Token helpers
//===----------------------------------------------------------------------===//

void Parser::advance() {
  if (lookahead) {
    tok = *lookahead;
    lookahead.reset();
    return;
  }
  tok = lexer.next();
}

const Token &Parser::peek() {
  if (!lookahead)
    lookahead = lexer.next();
  return *lookahead;
}

bool Parser::consumeIf(TokenKind kind) {
  if (!tok.is(kind))
    return false;
  advance();
  return true;
}

std::string Parser::describe(const Token &t) const {
  switch (t.kind) {
  case TokenKind::Eof: return "end of file";
  case TokenKind::Identifier: return "identifier '" + t.text.str() + "'";
  case TokenKind::Integer:
  case TokenKind::Float: return "number " + t.text.str();
  case TokenKind::String: return "string " + t.text.str();
  case TokenKind::Error: return "'" + t.text.str() + "'";
  default: return spell(t.kind).str();
  }
}

void Parser::errorExpected(llvm::StringRef what) {
  // The lexer has already explained an Error token; don't pile on.
  if (tok.is(TokenKind::Error))
    return;
  diags.error(tok.loc(), "expected " + what + ", found " + describe(tok));
}

bool Parser::expect(TokenKind kind, llvm::StringRef context) {
  if (consumeIf(kind))
    return true;
  errorExpected((spell(kind) + " " + context).str());
  return false;
}

bool Parser::expectIdentifier(NameDecl &decl, llvm::StringRef context) {
  if (!tok.is(TokenKind::Identifier)) {
    errorExpected(("a name " + context).str());
    return false;
  }
  decl.name = tok.text;
  decl.loc = tok.loc();
  advance();
  return true;
}

bool Parser::DepthGuard::tooDeep() {
  if (p.depth <= kMaxDepth)
    return false;
  // Report once per overflow, then let every level unwind.
  if (p.depth == kMaxDepth + 1)
    p.diags.error(p.tok.loc(), "nesting is too deep: expected at most " + llvm::Twine(kMaxDepth) +
                                   " levels of brackets, blocks and operators");
  return true;
}

static bool isDeclStart(const Token &t) {
  return t.is(TokenKind::KwConst) || t.is(TokenKind::KwKernel) || t.is(TokenKind::KwImport) ||
         t.is(TokenKind::KwDef);
}

static bool isStmtStart(const Token &t) {
  return t.is(TokenKind::KwLet) || t.is(TokenKind::KwFor) || t.is(TokenKind::KwScope) ||
         t.is(TokenKind::KwReturn) || t.is(TokenKind::Identifier);
}

// Skips the rest of a broken statement: up to a ';', a '}' closing the
// enclosing block, or a statement keyword/name at the start of a line.
void Parser::skipToStatementBoundary() {
  int nesting = 0;
  while (!tok.is(TokenKind::Eof)) {
    if (nesting == 0) {
      if (tok.is(TokenKind::RBrace) || isDeclStart(tok) || (tok.startsLine && isStmtStart(tok)))
        return;
      if (tok.is(TokenKind::Semicolon)) {
        advance();
        return;
      }
    }
    if (tok.is(TokenKind::LBrace) || tok.is(TokenKind::LParen) || tok.is(TokenKind::LBracket))
      ++nesting;
    else if ((tok.is(TokenKind::RBrace) || tok.is(TokenKind::RParen) || tok.is(TokenKind::RBracket)) && nesting > 0)
      --nesting;
    advance();
  }
}

void Parser::skipToDecl() {
  while (!tok.is(TokenKind::Eof) && !(isDeclStart(tok) && tok.startsLine))
    advance();
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Parser::parseFile(SourceFile &file) {
  while (!tok.is(TokenKind::Eof)) {
    const char *before = tok.text.data();
    reportedUnclosedBlock = false;
    if (DeclPtr decl = parseDecl()) {
      file.decls.push_back(std::move(decl));
      continue;
    }
    skipToDecl();
    if (tok.text.data() == before) // guarantee progress
      advance();
  }
}

DeclPtr Parser::parseDecl() {
  switch (tok.kind) {
  case TokenKind::KwImport: return parseImport();
  case TokenKind::KwConst: return parseConst();
  case TokenKind::KwKernel: return parseKernel();
  case TokenKind::KwDef: return parseFunction();
  default:
    errorExpected("'const', 'def', 'import' or 'kernel' at the top level");
    return nullptr;
  }
}

DeclPtr Parser::parseImport() {
  auto decl = std::make_unique<ImportDecl>(tok.loc());
  advance();
  if (!tok.is(TokenKind::String)) {
    errorExpected("a quoted file name after 'import'");
    return nullptr;
  }
  decl->path = tok.text.drop_front().drop_back().str();
  advance();
  consumeIf(TokenKind::Semicolon);
  return decl;
}

DeclPtr Parser::parseConst() {
  auto decl = std::make_unique<ConstDecl>(tok.loc());
  advance();
  if (!expectIdentifier(decl->decl, "after 'const'") || !expect(TokenKind::Equal, "after the const name"))
    return nullptr;
  decl->value = parseExpr();
  if (!decl->value)
    return nullptr;
  consumeIf(TokenKind::Semicolon);
  return decl;
}

DeclPtr Parser::parseKernel() {
  auto decl = std::make_unique<KernelDecl>(tok.loc());
  advance();
  if (!expectIdentifier(decl->decl, "after 'kernel'") || !expect(TokenKind::LParen, "to start the parameter list"))
    return nullptr;
  while (!tok.is(TokenKind::RParen)) {
    Param param;
    if (!parseParam(param))
      return nullptr;
    decl->params.push_back(std::move(param));
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RParen, "to end the parameter list") || !parseBlock(decl->body))
    return nullptr;
  return decl;
}

DeclPtr Parser::parseFunction() {
  auto decl = std::make_unique<FunctionDecl>(tok.loc());
  advance();
  if (!expectIdentifier(decl->decl, "after 'def'") || !expect(TokenKind::LParen, "to start the parameter list"))
    return nullptr;
  while (!tok.is(TokenKind::RParen)) {
    NameDecl param;
    if (!expectIdentifier(param, "for a parameter"))
      return nullptr;
    if (tok.is(TokenKind::Colon)) {
      diags.error(tok.loc(), "a function parameter takes the type of its argument at each call: expected ',' or ')' "
                             "after '" + param.name + "', found ':'");
      return nullptr;
    }
    decl->params.push_back(param);
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RParen, "to end the parameter list") || !parseBlock(decl->body, decl.get()))
    return nullptr;
  return decl;
}

// `return VALUE` ends a function body: it must be followed by the body's '}'.
bool Parser::parseReturn(FunctionDecl &function) {
  llvm::SMLoc at = tok.loc();
  if (function.result) {
    diags.errorWithNote(at, "function '" + function.decl.name + "' already returned: expected '}' after its 'return'",
                        function.result->loc, "the first 'return' is here");
    return false;
  }
  advance();
  function.result = parseExpr();
  if (!function.result)
    return false;
  consumeIf(TokenKind::Semicolon);
  if (!tok.is(TokenKind::RBrace)) {
    errorExpected("'}' after the 'return' that ends function '" + function.decl.name.str() + "'");
    return false;
  }
  return true;
}

bool Parser::parseParam(Param &param) {
  // `dim` is a word only here, before a name: `dim T <= 8192`.
  if (tok.is(TokenKind::Identifier) && tok.text == "dim" && peek().is(TokenKind::Identifier)) {
    param.isDim = true;
    advance();
    if (!expectIdentifier(param.decl, "after 'dim'") ||
        !expect(TokenKind::LessEqual, "between a run-time dim and its bound (dim T <= 8192)"))
      return false;
    param.bound = parseExpr();
    return param.bound != nullptr;
  }
  if (tok.is(TokenKind::KwOut)) {
    param.isOut = true;
    param.outLoc = tok.loc();
    advance();
  }
  return expectIdentifier(param.decl, "for a parameter") &&
         expect(TokenKind::Colon, "between a parameter name and its type") && parseParamType(param.type);
}

bool Parser::parseParamType(ParamType &type) {
  if (tok.is(TokenKind::Identifier)) {
    type.dtype = tok.text;
    type.dtypeLoc = tok.loc();
    advance();
    return true;
  }
  if (!tok.is(TokenKind::KwTensor)) {
    errorExpected("a parameter type ('tensor<[dims], dtype>', 'i32' or 'f32')");
    return false;
  }
  type.isTensor = true;
  advance();
  if (!expect(TokenKind::Less, "after 'tensor'") || !expect(TokenKind::LBracket, "to start the tensor's dimensions"))
    return false;
  do {
    ExprPtr dim = parseExpr();
    if (!dim)
      return false;
    type.dims.push_back(std::move(dim));
  } while (consumeIf(TokenKind::Comma));
  if (!expect(TokenKind::RBracket, "to end the tensor's dimensions") ||
      !expect(TokenKind::Comma, "between the dimensions and the element type"))
    return false;
  if (!tok.is(TokenKind::Identifier)) {
    errorExpected("an element type (bf16, f16, f32, i8, i32)");
    return false;
  }
  type.dtype = tok.text;
  type.dtypeLoc = tok.loc();
  advance();
  return expect(TokenKind::Greater, "to close 'tensor<'");
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

bool Parser::parseBlock(Block &block, FunctionDecl *function) {
  DepthGuard guard(*this);
  if (guard.tooDeep())
    return false;
  llvm::SMLoc open = tok.loc();
  if (!expect(TokenKind::LBrace, "to start a block"))
    return false;
  bool sawReturn = false;
  while (!tok.is(TokenKind::RBrace)) {
    if (tok.is(TokenKind::Eof) || isDeclStart(tok)) {
      if (!reportedUnclosedBlock)
        diags.errorWithNote(tok.loc(), "expected '}' to close the block, found " + describe(tok), open,
                            "the block starts here");
      reportedUnclosedBlock = true;
      return false;
    }
    const char *before = tok.text.data();
    if (function && tok.is(TokenKind::KwReturn)) {
      sawReturn = true;
      if (parseReturn(*function))
        continue;
    } else if (StmtPtr stmt = parseStmt()) {
      block.push_back(std::move(stmt));
      consumeIf(TokenKind::Semicolon);
      continue;
    }
    if (depth > kMaxDepth)
      return false;
    skipToStatementBoundary();
    if (tok.text.data() == before)
      advance();
  }
  if (function && !sawReturn) {
    diags.error(tok.loc(), "expected 'return VALUE' at the end of function '" + function->decl.name +
                               "': a function gives one value");
    advance();
    return false;
  }
  advance();
  return true;
}

StmtPtr Parser::parseStmt() {
  switch (tok.kind) {
  case TokenKind::KwLet: return parseLet();
  case TokenKind::KwFor: return parseFor();
  case TokenKind::KwScope: return parseScope();
  case TokenKind::Identifier:
    // `if` is not a keyword (a name may be `if`), but `if cond {` is a common first try.
    if (tok.text == "if" && !peek().is(TokenKind::Equal) && !peek().is(TokenKind::LBracket)) {
      diags.error(tok.loc(), "there is no 'if' statement: choose values elementwise with select(mask, a, b), "
                             "e.g. select(gt(x, 0.0), x, 0.0)");
      advance(); // recovery skips the condition and the blocks
      return nullptr;
    }
    return parseAssign();
  case TokenKind::KwReturn:
    diags.error(tok.loc(), "'return' ends a function: expected it as the last statement of a 'def' body");
    advance(); // recover at the value that follows
    return nullptr;
  default:
    errorExpected("a statement ('let', 'for', 'scope' or an assignment)");
    return nullptr;
  }
}

StmtPtr Parser::parseLet() {
  auto stmt = std::make_unique<LetStmt>(tok.loc());
  advance();
  do {
    NameDecl name;
    if (!expectIdentifier(name, "to bind with 'let'"))
      return nullptr;
    stmt->names.push_back(name);
  } while (consumeIf(TokenKind::Comma));
  if (!expect(TokenKind::Equal, "after the names bound by 'let'"))
    return nullptr;
  stmt->value = parseExpr();
  return stmt->value ? std::move(stmt) : nullptr;
}

StmtPtr Parser::parseFor() {
  auto stmt = std::make_unique<ForStmt>(tok.loc());
  advance();
  if (!expectIdentifier(stmt->var, "for the loop variable") || !expect(TokenKind::KwIn, "after the loop variable"))
    return nullptr;
  if (!tok.is(TokenKind::Identifier)) {
    errorExpected("'range(...)', 'parallel(...)' or 'pipeline(...)' after 'in'");
    return nullptr;
  }
  stmt->iter = std::make_unique<CallExpr>(tok.loc(), tok.text);
  advance();
  if (!expect(TokenKind::LParen, "after the loop kind") || !parseCallArgs(*stmt->iter) ||
      !parseBlock(stmt->body))
    return nullptr;
  return stmt;
}

StmtPtr Parser::parseScope() {
  auto stmt = std::make_unique<ScopeStmt>(tok.loc());
  advance();
  if (!tok.is(TokenKind::String)) {
    errorExpected("a quoted scope name after 'scope'");
    return nullptr;
  }
  stmt->name = tok.text.drop_front().drop_back().str();
  advance();
  if (!expect(TokenKind::KwOn, "after the scope name"))
    return nullptr;
  if (!tok.is(TokenKind::Identifier)) {
    errorExpected("a core group ('vector' or 'cube') after 'on'");
    return nullptr;
  }
  stmt->core = tok.text;
  stmt->coreLoc = tok.loc();
  advance();
  if (tok.is(TokenKind::LParen)) {
    // Options after the core group: the same (name=value, ...) form as a call's.
    CallExpr options(tok.loc(), stmt->core);
    advance();
    if (!parseCallArgs(options))
      return nullptr;
    if (!options.args.empty()) {
      diags.error(options.args.front()->loc,
                  "expected 'name=value' options after the core group, e.g. 'vector(tokens=16)'");
      return nullptr;
    }
    stmt->options = std::move(options.keywords);
  }
  if (!parseBlock(stmt->body))
    return nullptr;
  return stmt;
}

StmtPtr Parser::parseAssign() {
  llvm::SMLoc loc = tok.loc();
  ExprPtr target = parsePostfix();
  if (!target)
    return nullptr;
  if (!tok.is(TokenKind::Equal)) {
    if (isa<CallExpr>(target.get()))
      diags.error(target->loc, "the result of this call is unused: bind it with 'let name = ...'");
    else
      errorExpected("'=' after the assignment target");
    return nullptr;
  }
  advance();
  ExprPtr value = parseExpr();
  if (!value)
    return nullptr;
  return std::make_unique<AssignStmt>(loc, std::move(target), std::move(value));
}

} // namespace tilec::frontend
