//===- SemaIndex.cpp - slices x[a:b, i]: sizes and bounds -----------------===//
//
// A slice's size must be a compile-time constant even when its bounds are
// not (x[t0:t0+64]). Index expressions are therefore viewed as linear forms
// over run-time symbols, so that `stop - start` can cancel them.
//
//===----------------------------------------------------------------------===//
#include "compiler/frontend/Sema.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/Support/MathExtras.h"

namespace tilec::frontend {
namespace {

/// constant + Σ coefficient · term, where a term is a symbol or an opaque expression.
using Term = llvm::PointerUnion<const Symbol *, const Expr *>;
struct Linear {
  int64_t constant = 0;
  llvm::MapVector<Term, int64_t> terms;
  bool overflow = false; // the constant or a coefficient does not fit in 64 bits

  void add(const Linear &other, int64_t scale) {
    overflow |= other.overflow || addScaled(constant, other.constant, scale);
    for (auto [term, coefficient] : other.terms)
      overflow |= addScaled(terms[term], coefficient, scale);
  }
  /// sum += value · scale; true on overflow.
  static bool addScaled(int64_t &sum, int64_t value, int64_t scale) {
    int64_t product;
    return llvm::MulOverflow(value, scale, product) || llvm::AddOverflow(sum, product, sum);
  }
  bool isConstant() const {
    return llvm::all_of(terms, [](const auto &t) { return t.second == 0; });
  }
};

constexpr unsigned kMaxLinearDepth = 32;

Linear linearize(const Expr &expr, unsigned depth = 0) {
  Linear result;
  if (expr.type.kind == Type::IntConst) {
    result.constant = expr.intValue;
    return result;
  }
  auto opaque = [&]() {
    result.terms[Term(&expr)] = 1;
    return result;
  };
  if (depth > kMaxLinearDepth)
    return opaque();
  if (auto *name = dyn_cast<NameExpr>(&expr)) {
    Symbol *symbol = name->symbol;
    if (symbol && symbol->definition)
      return linearize(*symbol->definition, depth + 1);
    if (symbol)
      result.terms[Term(symbol)] = 1;
    return symbol ? result : opaque();
  }
  if (auto *unary = dyn_cast<UnaryExpr>(&expr)) {
    result.add(linearize(*unary->operand, depth + 1), -1);
    return result;
  }
  auto *binary = dyn_cast<BinaryExpr>(&expr);
  if (!binary)
    return opaque();
  Linear lhs = linearize(*binary->lhs, depth + 1), rhs = linearize(*binary->rhs, depth + 1);
  switch (binary->op) {
  case BinaryOp::Add: result.add(lhs, 1); result.add(rhs, 1); return result;
  case BinaryOp::Sub: result.add(lhs, 1); result.add(rhs, -1); return result;
  case BinaryOp::Mul:
    if (rhs.isConstant()) {
      result.add(lhs, rhs.constant);
      return result;
    }
    if (lhs.isConstant()) {
      result.add(rhs, lhs.constant);
      return result;
    }
    return opaque();
  default: return opaque();
  }
}

/// The smallest and largest value of a linear form, when every symbol in it
/// has known bounds; sets `overflow` when they do not fit in 64 bits.
std::optional<std::pair<int64_t, int64_t>> range(const Linear &form, bool &overflow) {
  int64_t lo = form.constant, hi = form.constant;
  for (auto [term, coefficient] : form.terms) {
    if (coefficient == 0)
      continue;
    // Only loop variables with constant bounds have known ranges.
    const Symbol *symbol = llvm::dyn_cast<const Symbol *>(term);
    if (!symbol || symbol->kind != Symbol::LoopVar || !symbol->minValue)
      return std::nullopt;
    int64_t a, b;
    overflow |= llvm::MulOverflow(coefficient, *symbol->minValue, a) ||
                llvm::MulOverflow(coefficient, *symbol->maxValue, b) ||
                llvm::AddOverflow(lo, std::min(a, b), lo) || llvm::AddOverflow(hi, std::max(a, b), hi);
  }
  return std::make_pair(lo, hi);
}

} // namespace

bool Sema::checkIndexItem(IndexExpr &index, IndexItem &item, int64_t dimSize, unsigned dim, int64_t &size) {
  if (item.step) {
    diags.error(item.step->loc, "slice steps are not supported: expected 'a:b'; use gather(x, even) or "
                                "gather(x, odd) to take every other column");
    return false;
  }
  bool ok = true;
  for (Expr *bound : {item.start.get(), item.stop.get()}) {
    if (!bound)
      continue;
    if (dim == 0 && bound == item.stop.get())
      allowDimAt(*bound, /*asSliceStop=*/true);
    // The first item may already be checked as a possible row-gather index.
    Type type = bound->type.isError() ? checkExpr(*bound) : bound->type;
    if (!type.isError() && !type.isInteger()) {
      diags.error(bound->loc, "expected an integer index, found " + type.str());
      ok = false;
    }
    ok &= !type.isError();
  }
  if (!ok)
    return false;
  Linear start = item.start ? linearize(*item.start) : Linear();
  Linear stop;
  if (!item.isRange) {
    stop = start;
    stop.overflow |= llvm::AddOverflow(stop.constant, int64_t(1), stop.constant);
  } else if (item.stop) {
    stop = linearize(*item.stop);
  } else {
    stop.constant = dimSize;
  }
  Linear extent = stop;
  extent.add(start, -1);
  auto overflowError = [&] {
    diags.error(item.loc, "index arithmetic overflows 64-bit integers in dimension " + llvm::Twine(dim) +
                              ": expected indices within [0, " + llvm::Twine(dimSize) + ")");
    return false;
  };
  if (extent.overflow)
    return overflowError();
  if (!extent.isConstant()) {
    diags.error(item.loc, "the size of a slice must be a compile-time constant: expected 'a:a+N', found bounds "
                          "whose difference depends on run-time values");
    return false;
  }
  size = extent.constant;
  if (size <= 0) {
    diags.error(item.loc, "expected a non-empty slice in dimension " + llvm::Twine(dim) + ", found size " +
                              llvm::Twine(size));
    return false;
  }
  bool overflow = false;
  std::optional<std::pair<int64_t, int64_t>> bounds = range(start, overflow);
  int64_t end = 0;
  if (bounds)
    overflow |= llvm::AddOverflow(bounds->second, size, end);
  if (overflow)
    return overflowError();
  if (bounds && (bounds->first < 0 || end > dimSize)) {
    diags.error(item.loc, "index out of bounds in dimension " + llvm::Twine(dim) + ": expected indices within [0, " +
                              llvm::Twine(dimSize) + "), found [" + llvm::Twine(bounds->first) + ", " +
                              llvm::Twine(end) + ")");
    return false;
  }
  if (size > dimSize) {
    diags.error(item.loc, "a slice of size " + llvm::Twine(size) + " does not fit in dimension " + llvm::Twine(dim) +
                              ": expected at most " + llvm::Twine(dimSize));
    return false;
  }
  return true;
}

Type Sema::checkIndex(IndexExpr &index) {
  Type base = checkExpr(*index.base);
  if (base.isError())
    return Type::error();
  if (!base.isTensorLike()) {
    diags.error(index.loc, "expected a tensor before '[', found " + base.str());
    return Type::error();
  }
  if (base.kind == Type::Global && !isa<NameExpr>(index.base.get())) {
    diags.error(index.loc, "expected a tensor name before '['");
    return Type::error();
  }
  size_t rank = base.shape.size();
  if (index.items.size() > rank) {
    diags.error(index.items[rank].loc, "too many indices: expected at most " + llvm::Twine(rank) + " for " +
                                           base.str() + ", found " + llvm::Twine(index.items.size()));
    return Type::error();
  }
  // x[rows, a:b] with an i32 index tensor gathers rows of a global table.
  IndexItem &first = index.items.front();
  if (!first.isRange && first.start && !first.step) {
    Type rows = checkValue(*first.start);
    if (rows.isError())
      return Type::error();
    if (rows.kind == Type::Tensor) {
      if (base.kind != Type::Global || rank != 2 || rows.shape.size() != 1 || rows.dtype != DType::I32) {
        diags.error(first.loc, "a row gather expects a rank-1 i32 index tensor into a rank-2 global tensor, found " +
                                   rows.str() + " into " + base.str());
        return Type::error();
      }
      index.gathersRows = true;
      int64_t columns = base.shape[1];
      if (index.items.size() == 2) {
        if (!index.items[1].isRange) {
          diags.error(index.items[1].loc, "expected a column range 'a:b' after the row indices");
          return Type::error();
        }
        if (!checkIndexItem(index, index.items[1], base.shape[1], 1, columns))
          return Type::error();
      }
      index.sizes = {rows.shape[0], columns};
      return Type::tensor(Type::Tensor, index.sizes, base.dtype);
    }
  }
  llvm::SmallVector<int64_t, 4> shape;
  index.sizes.clear();
  bool ok = true;
  for (size_t dim = 0; dim < rank; ++dim) {
    int64_t size = base.shape[dim];
    if (dim < index.items.size()) {
      IndexItem &item = index.items[dim];
      ok &= checkIndexItem(index, item, base.shape[dim], dim, size);
      if (!item.isRange) {
        index.sizes.push_back(1);
        continue;
      }
    }
    index.sizes.push_back(size);
    shape.push_back(size);
  }
  if (!ok)
    return Type::error();
  if (shape.empty()) {
    diags.error(index.loc, "indexing every dimension selects one element, and tensor elements cannot be read as "
                           "scalars: expected at least one range like 'i:i+1'");
    return Type::error();
  }
  return Type::tensor(Type::Tensor, shape, base.dtype);
}

} // namespace tilec::frontend
