//===- PipelineFlags.cpp - the pipeline's choices as command-line flags ---===//
#include "compiler/pipeline/PipelineFlags.h"

using namespace llvm;
using namespace tilec;

PipelineFlags::PipelineFlags(cl::OptionCategory &category)
    : fuse("fuse",
           cl::desc("Fuse row-wise chains into one task each (--fuse=false: one task per op, "
                    "the unfused baseline)"),
           cl::init(true), cl::cat(category)),
      pairCubeVector(
          "pair-cube-vector",
          cl::desc("Run a matmul and the fused chain that alone reads its product as one mixed "
                   "launch (AIC pushes output blocks into a ring of slots, in GM or on a5 in the "
                   "AIVs' UB, the AIVs pop them), and a matmul and the fused chain that alone "
                   "computes its A (the AIVs push A's row blocks into a ring of GM slots, the AIC "
                   "pops them), where that keeps the cube cores as busy and is estimated faster "
                   "(docs/design.md, \"Cube -> vector pairing\", \"Vector -> cube pairing\"); "
                   "--pair-cube-vector=false: every task its own launch"),
          cl::init(true), cl::cat(category)),
      pairAlways("pair-always",
                 cl::desc("With --pair-cube-vector, pair every matmul that can, also where the "
                          "ring has too few slots to keep the cube cores busy or pairing is "
                          "estimated slower: it tests the paired lowering on small shapes"),
                 cl::init(false), cl::cat(category)),
      joinMatmuls("join-matmuls",
                  cl::desc("Run matmuls of the same A as one launch where that is estimated "
                           "faster (docs/design.md, \"Joined matmuls\"); --join-matmuls=false: "
                           "one launch each"),
                  cl::init(true), cl::cat(category)),
      streamWeights(
          "stream-weights",
          cl::desc("Which matmuls take their work items column by column, so that each byte of "
                   "their weights crosses HBM once (docs/design.md, \"Weight streaming\")"),
          cl::values(clEnumValN(conversion::StreamWeights::automatic, "auto",
                                "where estimated faster: weights beyond the L2 (default)"),
                     clEnumValN(conversion::StreamWeights::always, "always",
                                "every unpaired matmul of more than one row block: no faster, "
                                "it tests the order on small shapes"),
                     clEnumValN(conversion::StreamWeights::never, "never",
                                "none: the same blockings, row block by row block")),
          cl::init(conversion::StreamWeights::automatic), cl::cat(category)) {}

void PipelineFlags::applyTo(PipelineOptions &options) const {
  options.fuse = fuse;
  options.pairCubeVector = pairCubeVector;
  options.pairAlways = pairAlways;
  options.joinMatmuls = joinMatmuls;
  options.streamWeights = streamWeights;
}
