//===- StreamWeights.h - which matmuls stream their weights -----*- C++ -*-===//
//
// tile-select-strategy's stream-weights option, and tilec's and tile-run's
// --stream-weights: which matmuls order their work items column by column
// (`stream_weights` of #ascend.blocking; docs/design.md, "Weight streaming").
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_COMPILER_CONVERSION_STREAMWEIGHTS_H
#define TILEC_COMPILER_CONVERSION_STREAMWEIGHTS_H

namespace tilec::conversion {

enum class StreamWeights {
  automatic, ///< where the estimate says (weights beyond the L2)
  always,    ///< every unpaired matmul of more than one row block (tests the order)
  never,     ///< none: the blockings chosen, row block by row block
};

} // namespace tilec::conversion

#endif
