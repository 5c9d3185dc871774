// The op kinds of TileOpKinds.td: each tile op declares exactly the kinds
// listed here, so a trait added to or dropped from an op (which would change
// what fuses, what slices push through, which instructions are selected)
// fails this test; so does a new op not listed.
#include "dialects/Tile/TileOps.h"

#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

using namespace mlir;
using namespace tilec;

namespace {

using Kinds = std::set<std::string>;

/// The kinds an op declares, by name.
Kinds kindsOf(RegisteredOperationName op) {
  Kinds kinds;
  auto add = [&](bool has, const char *kind) {
    if (has)
      kinds.insert(kind);
  };
  add(op.hasTrait<tile::kind::Elementwise>(), "elementwise");
  add(op.hasTrait<tile::kind::UnaryMath>(), "unary");
  add(op.hasTrait<tile::kind::BinaryMath>(), "binary");
  add(op.hasTrait<tile::kind::BroadcastsOperands>(), "broadcasts");
  add(op.hasTrait<tile::kind::RowWise>(), "row-wise");
  add(op.hasTrait<tile::kind::ReadsWholeRows>(), "whole-rows");
  add(op.hasTrait<tile::kind::ReadsWholeColumns>(), "whole-columns");
  add(op.hasTrait<tile::kind::View>(), "view");
  add(op.hasTrait<tile::kind::Composite>(), "composite");
  add(op.hasInterface<tile::ReductionOpInterface>(), "reduction");
  return kinds;
}

const Kinds kBinary = {"elementwise", "binary", "broadcasts", "row-wise"};
const Kinds kUnary = {"elementwise", "unary", "row-wise"};
const Kinds kRowReduction = {"reduction", "row-wise", "whole-rows"};
const Kinds kColReduction = {"reduction", "whole-columns"};

const std::map<std::string, Kinds> kExpected = {
    {"tile.kernel", {}},
    {"tile.return", {}},
    {"tile.scope", {}},
    {"tile.yield", {}},
    {"tile.alloc_gm", {}},
    {"tile.load", {}},
    {"tile.load_rows", {}},
    {"tile.store", {}},
    {"tile.slice", {"view"}},
    {"tile.insert", {"view"}},
    {"tile.reshape", {"view"}},
    {"tile.full", {"row-wise"}},
    {"tile.broadcast", {"broadcasts", "row-wise"}},
    {"tile.add", kBinary},
    {"tile.sub", kBinary},
    {"tile.mul", kBinary},
    {"tile.div", kBinary},
    {"tile.max", kBinary},
    {"tile.min", kBinary},
    {"tile.neg", kUnary},
    {"tile.abs", kUnary},
    {"tile.exp", kUnary},
    {"tile.log", kUnary},
    {"tile.sqrt", kUnary},
    {"tile.rsqrt", kUnary},
    {"tile.recip", kUnary},
    {"tile.cast", {"elementwise", "row-wise"}},
    {"tile.row_sum", kRowReduction},
    {"tile.row_max", kRowReduction},
    {"tile.row_min", kRowReduction},
    {"tile.col_sum", kColReduction},
    {"tile.col_max", kColReduction},
    {"tile.col_min", kColReduction},
    {"tile.matmul", {}},
    {"tile.transpose", {}},
    {"tile.gather", {"row-wise", "whole-rows"}},
    {"tile.interleave", {"row-wise"}},
    {"tile.rms_norm", {"composite"}},
    {"tile.quant_int8", {"composite"}},
    {"tile.rope", {"composite"}},
    {"tile.topk", {"composite"}},
    {"tile.row_argmax", {"composite"}},
    {"tile.sigmoid", {"composite"}},
    {"tile.silu", {"composite"}},
    {"tile.gelu", {"composite"}},
    {"tile.pow", {"composite"}},
    {"tile.cmp", {"elementwise", "broadcasts", "row-wise"}},
    {"tile.select", {"elementwise", "broadcasts", "row-wise"}},
    {"tile.iota", {"row-wise"}},
};

std::string describe(const Kinds &kinds) {
  std::string text;
  for (const std::string &kind : kinds)
    text += (text.empty() ? "" : ", ") + kind;
  return "{" + text + "}";
}

class TileOpKinds : public ::testing::Test {
protected:
  TileOpKinds() { context.loadDialect<tile::TileDialect>(); }
  MLIRContext context;
};

TEST_F(TileOpKinds, EveryOpDeclaresItsKinds) {
  unsigned tileOps = 0;
  for (RegisteredOperationName op : context.getRegisteredOperations()) {
    if (op.getDialectNamespace() != "tile")
      continue;
    ++tileOps;
    std::string name = op.getStringRef().str();
    auto expected = kExpected.find(name);
    ASSERT_NE(expected, kExpected.end()) << name << " is not listed: add its kinds here";
    EXPECT_EQ(describe(kindsOf(op)), describe(expected->second)) << name;
  }
  EXPECT_EQ(tileOps, kExpected.size());
}

TEST_F(TileOpKinds, ReductionsNameTheirAxisAndCombiner) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(R"mlir(
    tile.kernel @k(%x: !tile.gm<4x8xf32>) {
      %c0 = arith.constant 0 : index
      %a = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
      %0 = tile.row_sum %a : tensor<4x8xf32> -> tensor<4x1xf32>
      %1 = tile.row_max %a : tensor<4x8xf32> -> tensor<4x1xf32>
      %2 = tile.row_min %a : tensor<4x8xf32> -> tensor<4x1xf32>
      %3 = tile.col_sum %a : tensor<4x8xf32> -> tensor<1x8xf32>
      %4 = tile.col_max %a : tensor<4x8xf32> -> tensor<1x8xf32>
      %5 = tile.col_min %a : tensor<4x8xf32> -> tensor<1x8xf32>
      tile.return
    }
  )mlir", &context);
  ASSERT_TRUE(module);
  std::vector<std::string> seen;
  module->walk([&](tile::ReductionOpInterface op) {
    seen.push_back(op->getName().stripDialect().str() + ":" +
                   stringifyReductionAxis(op.getReductionAxis()).str() + ":" +
                   stringifyCombiner(op.getCombiner()).str() + ":" +
                   std::to_string(op.getReducedDim()));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"row_sum:row:sum:1", "row_max:row:max:1",
                                            "row_min:row:min:1", "col_sum:col:sum:0",
                                            "col_max:col:max:0", "col_min:col:min:0"}));
}

TEST_F(TileOpKinds, ReductionVerifierChecksTheKeptDimension) {
  std::string diagnostic;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnostic = diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(R"mlir(
    tile.kernel @k(%x: !tile.gm<4x8xf32>) {
      %c0 = arith.constant 0 : index
      %a = tile.load %x[%c0, %c0] : !tile.gm<4x8xf32> -> tensor<4x8xf32>
      %0 = tile.col_sum %a : tensor<4x8xf32> -> tensor<4x1xf32>
      tile.return
    }
  )mlir", &context);
  EXPECT_FALSE(module);
  EXPECT_EQ(diagnostic, "'tile.col_sum' op result shape must be [1, 8], found [4, 1]");
}

} // namespace
