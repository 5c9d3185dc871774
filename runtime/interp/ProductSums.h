//===- ProductSums.h - matrix product sums in index order -------*- C++ -*-===//
//
// The interpreter's matmul rule (docs/runtime.md): every sum adds the
// products in double, in index order, starting from the accumulator. This
// kernel computes exactly that, blocked for the cache, vectorised across
// output columns and spread over the host cores; each output element is still
// summed by one thread in k order with the same operations, so the result is
// bit-identical to the straightforward triple loop, whatever the blocking,
// vector width or thread count.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_RUNTIME_INTERP_PRODUCTSUMS_H
#define TILEC_RUNTIME_INTERP_PRODUCTSUMS_H

#include <cstdint>

namespace tilec::interp {

/// sums[i·cols + j] += lhs[i·inner + k] · rhs[k·cols + j] for k = 0, 1, ...,
/// inner − 1 in that order, each product and each sum rounded to double, for
/// every i < rows and j < cols (row-major operands).
void addProductsInOrder(const double *lhs, const double *rhs, double *sums, int64_t rows,
                        int64_t inner, int64_t cols);

} // namespace tilec::interp

#endif
