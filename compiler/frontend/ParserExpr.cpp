//===- ParserExpr.cpp - expressions, calls and index items of .tile -------===//
#include "compiler/frontend/Parser.h"

namespace tilec::frontend {

static std::optional<BinaryOp> comparisonOf(const Token &t) {
  switch (t.kind) {
  case TokenKind::Less: return BinaryOp::Lt;
  case TokenKind::LessEqual: return BinaryOp::Le;
  case TokenKind::Greater: return BinaryOp::Gt;
  case TokenKind::GreaterEqual: return BinaryOp::Ge;
  case TokenKind::EqualEqual: return BinaryOp::Eq;
  case TokenKind::NotEqual: return BinaryOp::Ne;
  default: return std::nullopt;
  }
}

// Comparisons bind loosest and do not chain (`a < b < c` is an error).
ExprPtr Parser::parseExpr() {
  DepthGuard guard(*this);
  if (guard.tooDeep())
    return nullptr;
  ExprPtr lhs = parseSum();
  std::optional<BinaryOp> op = lhs ? comparisonOf(tok) : std::nullopt;
  if (!op)
    return lhs;
  llvm::SMLoc loc = tok.loc();
  advance();
  ExprPtr rhs = parseSum();
  if (!rhs)
    return nullptr;
  if (comparisonOf(tok)) {
    diags.error(tok.loc(), "comparisons do not chain: expected one comparison, combine masks with select");
    return nullptr;
  }
  return std::make_unique<BinaryExpr>(loc, *op, std::move(lhs), std::move(rhs));
}

ExprPtr Parser::parseSum() {
  ExprPtr lhs = parseTerm();
  while (lhs && (tok.is(TokenKind::Plus) || tok.is(TokenKind::Minus))) {
    BinaryOp op = tok.is(TokenKind::Plus) ? BinaryOp::Add : BinaryOp::Sub;
    llvm::SMLoc loc = tok.loc();
    advance();
    ExprPtr rhs = parseTerm();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BinaryExpr>(loc, op, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseTerm() {
  ExprPtr lhs = parseUnary();
  while (lhs) {
    BinaryOp op;
    if (tok.is(TokenKind::Star))
      op = BinaryOp::Mul;
    else if (tok.is(TokenKind::Slash))
      op = BinaryOp::Div;
    else if (tok.is(TokenKind::SlashSlash))
      op = BinaryOp::FloorDiv;
    else if (tok.is(TokenKind::Percent))
      op = BinaryOp::Mod;
    else
      break;
    llvm::SMLoc loc = tok.loc();
    advance();
    ExprPtr rhs = parseUnary();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BinaryExpr>(loc, op, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseUnary() {
  if (!tok.is(TokenKind::Minus))
    return parsePostfix();
  DepthGuard guard(*this);
  if (guard.tooDeep())
    return nullptr;
  llvm::SMLoc loc = tok.loc();
  advance();
  ExprPtr operand = parseUnary();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(loc, std::move(operand));
}

ExprPtr Parser::parsePostfix() {
  // Only a plain name can be called: not `(f)(x)`, `f(x)(y)` or `x[i](y)`.
  bool callable = tok.is(TokenKind::Identifier);
  ExprPtr expr = parsePrimary();
  while (expr) {
    if (tok.is(TokenKind::LParen)) {
      auto *name = dyn_cast<NameExpr>(expr.get());
      if (!name || !callable) {
        diags.error(tok.loc(), "only builtins can be called: expected a builtin name before '('");
        return nullptr;
      }
      auto call = std::make_unique<CallExpr>(name->loc, name->name);
      advance();
      if (!parseCallArgs(*call))
        return nullptr;
      expr = std::move(call);
      callable = false;
    } else if (tok.is(TokenKind::LBracket)) {
      auto index = std::make_unique<IndexExpr>(tok.loc(), std::move(expr));
      advance();
      if (!parseIndexItems(*index))
        return nullptr;
      expr = std::move(index);
      callable = false;
    } else {
      break;
    }
  }
  return expr;
}

ExprPtr Parser::parsePrimary() {
  llvm::SMLoc loc = tok.loc();
  switch (tok.kind) {
  case TokenKind::Integer: {
    int64_t value;
    if (tok.text.getAsInteger(10, value)) {
      diags.error(loc, "integer literal " + tok.text + " does not fit in 64 bits");
      return nullptr;
    }
    advance();
    return std::make_unique<IntLitExpr>(loc, value);
  }
  case TokenKind::Float: {
    double value = 0;
    if (tok.text.getAsDouble(value)) {
      diags.error(loc, "float literal " + tok.text + " is out of range");
      return nullptr;
    }
    advance();
    return std::make_unique<FloatLitExpr>(loc, value);
  }
  case TokenKind::Identifier: {
    auto name = std::make_unique<NameExpr>(loc, tok.text);
    advance();
    return name;
  }
  case TokenKind::LParen: {
    DepthGuard guard(*this);
    if (guard.tooDeep())
      return nullptr;
    advance();
    ExprPtr inner = parseExpr();
    if (!inner || !expect(TokenKind::RParen, "to close '('"))
      return nullptr;
    return inner;
  }
  case TokenKind::LBracket: {
    DepthGuard guard(*this);
    if (guard.tooDeep())
      return nullptr;
    auto list = std::make_unique<ListExpr>(loc);
    advance();
    while (!tok.is(TokenKind::RBracket)) {
      ExprPtr element = parseExpr();
      if (!element)
        return nullptr;
      list->elements.push_back(std::move(element));
      if (!consumeIf(TokenKind::Comma))
        break;
    }
    if (!expect(TokenKind::RBracket, "to close the list"))
      return nullptr;
    return list;
  }
  default:
    errorExpected("an expression");
    return nullptr;
  }
}

bool Parser::parseCallArgs(CallExpr &call) {
  DepthGuard guard(*this);
  if (guard.tooDeep())
    return false;
  while (!tok.is(TokenKind::RParen)) {
    // `out` is a keyword but also matmul's argument name.
    if ((tok.is(TokenKind::Identifier) || tok.is(TokenKind::KwOut)) && peek().is(TokenKind::Equal)) {
      KeywordArg kw{tok.text, tok.loc(), nullptr};
      advance();
      advance();
      kw.value = parseExpr();
      if (!kw.value)
        return false;
      call.keywords.push_back(std::move(kw));
    } else {
      if (!call.keywords.empty()) {
        diags.error(tok.loc(), "expected a keyword argument 'name=value': positional arguments must come first");
        return false;
      }
      ExprPtr arg = parseExpr();
      if (!arg)
        return false;
      call.args.push_back(std::move(arg));
    }
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  return expect(TokenKind::RParen, ("to close the arguments of '" + call.callee + "'").str());
}

bool Parser::parseIndexItems(IndexExpr &index) {
  DepthGuard guard(*this);
  if (guard.tooDeep())
    return false;
  do {
    IndexItem item;
    if (!parseIndexItem(item))
      return false;
    index.items.push_back(std::move(item));
  } while (consumeIf(TokenKind::Comma));
  return expect(TokenKind::RBracket, "to close the index");
}

bool Parser::parseIndexItem(IndexItem &item) {
  item.loc = tok.loc();
  auto atEnd = [&] { return tok.is(TokenKind::Colon) || tok.is(TokenKind::Comma) || tok.is(TokenKind::RBracket); };
  if (!atEnd() && !(item.start = parseExpr()))
    return false;
  if (!consumeIf(TokenKind::Colon))
    return true;
  item.isRange = true;
  if (!atEnd() && !(item.stop = parseExpr()))
    return false;
  if (consumeIf(TokenKind::Colon) && !atEnd() && !(item.step = parseExpr()))
    return false;
  return true;
}

ExprPtr Parser::parseStandaloneExpr() {
  ExprPtr expr = parseExpr();
  if (expr && !tok.is(TokenKind::Eof)) {
    errorExpected("the end of the value");
    return nullptr;
  }
  return expr;
}

} // namespace tilec::frontend
