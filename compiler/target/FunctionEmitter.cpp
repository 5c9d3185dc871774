//===- FunctionEmitter.cpp - statements shared by tasks and hosts ---------===//
#include "compiler/target/FunctionEmitter.h"

#include "compiler/target/SourceNames.h"
#include "compiler/target/TypeSpelling.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace mlir;
using namespace tilec::target;

/// The shortest decimal that reads back as `value` (as a C++ float literal).
static std::string floatLiteral(float value) {
  if (std::isnan(value))
    return "NAN";
  if (std::isinf(value))
    return value < 0 ? "-INFINITY" : "INFINITY";
  char buffer[32];
  for (int precision = 1; precision <= 9; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, double(value));
    if (std::strtof(buffer, nullptr) == value)
      break;
  }
  std::string text = buffer;
  if (text.find_first_of(".e") == std::string::npos)
    text += ".0";
  return text + "f";
}

std::optional<std::string> tilec::target::literalFor(Attribute value) {
  if (auto floatAttr = dyn_cast<FloatAttr>(value))
    return floatLiteral(float(floatAttr.getValueAsDouble()));
  if (auto intAttr = dyn_cast<IntegerAttr>(value)) {
    if (intAttr.getType().isInteger(1))
      return intAttr.getValue().isZero() ? "false" : "true";
    return std::to_string(intAttr.getValue().getSExtValue());
  }
  return std::nullopt;
}

std::string FunctionEmitter::expr(Value value) const {
  if (auto constant = value.getDefiningOp<arith::ConstantOp>())
    if (std::optional<std::string> literal = literalFor(constant.getValue()))
      return *literal;
  return names.lookup(value).str();
}

std::string FunctionEmitter::operandExpr(Value value) const {
  std::string text = expr(value);
  return text.front() == '-' ? "(" + text + ")" : text;
}

void FunctionEmitter::endStatement(Operation *op) {
  if (std::optional<std::string> line = tileSourceLine(op->getLoc()))
    os << "  // " << *line;
  os << "\n";
}

LogicalResult FunctionEmitter::emitBlock(Block &block) {
  for (Operation &op : block) {
    LogicalResult result =
        llvm::TypeSwitch<Operation *, LogicalResult>(&op)
            .Case([&](scf::YieldOp yield) -> LogicalResult {
              if (yield.getNumOperands() != 0)
                return yield.emitError("C++ emission does not support loop-carried values");
              return success();
            })
            .Case([&](scf::ForOp) { return emitFor(&op); })
            .Case([&](scf::IfOp) { return emitIf(&op); })
            .Default([&](Operation *other) {
              if (isa<arith::ArithDialect>(other->getDialect()))
                return emitArith(other);
              return emitOp(other);
            });
    if (failed(result))
      return failure();
  }
  return success();
}

/// The C++ expression computing `op` from its operand expressions, for the
/// arith ops index, i32 and f32 scalar code uses. Index values are sizes and
/// offsets, never negative, so the unsigned index ops are plain / and %.
static std::optional<std::string> arithExpression(Operation *op, ArrayRef<std::string> in) {
  auto binary = [&](StringRef symbol) { return in[0] + " " + symbol.str() + " " + in[1]; };
  auto unsignedOk = [&]() { return op->getResult(0).getType().isIndex(); };
  auto cast = [&](Type to) -> std::optional<std::string> {
    std::optional<std::string> type = scalarTypeName(to);
    if (!type)
      return std::nullopt;
    return *type + "(" + in[0] + ")";
  };
  using Result = std::optional<std::string>;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case<arith::AddIOp, arith::AddFOp>([&](auto) { return binary("+"); })
      .Case<arith::SubIOp, arith::SubFOp>([&](auto) { return binary("-"); })
      .Case<arith::MulIOp, arith::MulFOp>([&](auto) { return binary("*"); })
      .Case<arith::DivSIOp, arith::DivFOp>([&](auto) { return binary("/"); })
      .Case<arith::RemSIOp>([&](auto) { return binary("%"); })
      .Case<arith::FloorDivSIOp>([&](auto) {
        // The .tile `//` (and, through it, `%`): C++ division truncates, so
        // step down when the remainder's sign differs from the divisor's.
        std::string a = "(" + in[0] + ")", b = "(" + in[1] + ")";
        return "(" + a + " / " + b + " - (" + a + " % " + b + " != 0 && (" + a + " < 0) != (" +
               b + " < 0)))";
      })
      .Case<arith::DivUIOp>([&](auto) { return unsignedOk() ? Result(binary("/")) : Result(); })
      .Case<arith::RemUIOp>([&](auto) { return unsignedOk() ? Result(binary("%")) : Result(); })
      .Case<arith::MinSIOp, arith::MinUIOp, arith::MaxSIOp, arith::MaxUIOp>([&](auto) -> Result {
        bool isMin = isa<arith::MinSIOp, arith::MinUIOp>(op);
        if (isa<arith::MinUIOp, arith::MaxUIOp>(op) && !unsignedOk())
          return std::nullopt;
        return std::string(isMin ? "std::min" : "std::max") + "<" +
               *scalarTypeName(op->getResult(0).getType()) + ">(" + in[0] + ", " + in[1] + ")";
      })
      .Case<arith::MaxNumFOp, arith::MaximumFOp>(
          [&](auto) { return "std::fmax(" + in[0] + ", " + in[1] + ")"; })
      .Case<arith::MinNumFOp, arith::MinimumFOp>(
          [&](auto) { return "std::fmin(" + in[0] + ", " + in[1] + ")"; })
      .Case<arith::NegFOp>([&](auto) { return "-" + in[0]; })
      .Case<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp, arith::TruncIOp,
            arith::SIToFPOp, arith::FPToSIOp, arith::ExtFOp, arith::TruncFOp>(
          [&](Operation *castOp) { return cast(castOp->getResult(0).getType()); })
      .Case<arith::CmpIOp>([&](arith::CmpIOp cmp) -> Result {
        using P = arith::CmpIPredicate;
        switch (cmp.getPredicate()) {
        case P::eq: return binary("==");
        case P::ne: return binary("!=");
        case P::slt: case P::ult: return binary("<");
        case P::sle: case P::ule: return binary("<=");
        case P::sgt: case P::ugt: return binary(">");
        case P::sge: case P::uge: return binary(">=");
        }
        return std::nullopt;
      })
      .Case<arith::SelectOp>([&](auto) { return in[0] + " ? " + in[1] + " : " + in[2]; })
      .Default([](Operation *) { return std::nullopt; });
}

LogicalResult FunctionEmitter::emitArith(Operation *op) {
  if (isa<arith::ConstantOp>(op)) {
    if (!literalFor(cast<arith::ConstantOp>(op).getValue()))
      return op->emitError("C++ emission cannot spell this constant");
    return success(); // inlined at every use
  }
  SmallVector<std::string> operands;
  for (Value operand : op->getOperands())
    operands.push_back(operandExpr(operand));
  std::optional<std::string> text =
      op->getNumResults() == 1 ? arithExpression(op, operands) : std::nullopt;
  Type type = op->getNumResults() == 1 ? op->getResult(0).getType() : Type();
  std::optional<std::string> cppType = type ? scalarTypeName(type) : std::nullopt;
  if (!text || !cppType)
    return op->emitError("C++ emission does not support '") << op->getName() << "' here";
  std::string prefix = type.isIndex() ? "idx" : type.isInteger(1) ? "cond" : "val";
  std::string name = names.numbered(prefix);
  names.bind(op->getResult(0), name);
  os << "const " << *cppType << " " << name << " = " << *text << ";\n";
  return success();
}

LogicalResult FunctionEmitter::emitFor(Operation *op) {
  auto loop = cast<scf::ForOp>(op);
  if (loop.getNumResults() != 0)
    return loop.emitError("C++ emission does not support loop-carried values");
  std::optional<std::string> type = scalarTypeName(loop.getInductionVar().getType());
  if (!type)
    return loop.emitError("C++ emission cannot spell the induction variable type");
  static constexpr const char *kLoopNames[] = {"i", "j", "k", "l"};
  std::string iv = names.unique(loopDepth < 4 ? kLoopNames[loopDepth] : "i");
  names.bind(loop.getInductionVar(), iv);
  std::string step = expr(loop.getStep());
  os << "for (" << *type << " " << iv << " = " << expr(loop.getLowerBound()) << "; " << iv
     << " < " << expr(loop.getUpperBound()) << "; "
     << (step == "1" ? "++" + iv : iv + " += " + step) << ") {\n";
  os.indent();
  ++loopDepth;
  LogicalResult body = emitBlock(*loop.getBody());
  --loopDepth;
  os.unindent();
  os << "}\n";
  return body;
}

LogicalResult FunctionEmitter::emitIf(Operation *op) {
  auto branch = cast<scf::IfOp>(op);
  if (branch.getNumResults() != 0)
    return branch.emitError("C++ emission does not support scf.if with results");
  os << "if (" << expr(branch.getCondition()) << ") {\n";
  os.indent();
  if (failed(emitBlock(*branch.thenBlock())))
    return failure();
  os.unindent();
  if (Block *elseBlock = branch.elseBlock(); elseBlock && !elseBlock->without_terminator().empty()) {
    os << "} else {\n";
    os.indent();
    if (failed(emitBlock(*elseBlock)))
      return failure();
    os.unindent();
  }
  os << "}\n";
  return success();
}
