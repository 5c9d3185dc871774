// The one mapping between DType and MLIR element types.
#include "dialects/Tile/ElementTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace tilec;

namespace {

TEST(ElementTypes, EveryDTypeRoundTrips) {
  mlir::MLIRContext context;
  for (DType dtype : kAllDTypes)
    EXPECT_EQ(dtypeOf(mlirTypeOf(&context, dtype)), dtype) << name(dtype);
}

TEST(ElementTypes, SpellsIntegersSignlessExceptU8) {
  mlir::MLIRContext context;
  mlir::Builder b(&context);
  EXPECT_EQ(mlirTypeOf(&context, DType::I8), b.getI8Type());
  EXPECT_EQ(mlirTypeOf(&context, DType::I32), b.getI32Type());
  EXPECT_EQ(mlirTypeOf(&context, DType::U8), b.getIntegerType(8, /*isSigned=*/false));
  EXPECT_EQ(mlirTypeOf(&context, DType::BF16), b.getBF16Type());
}

TEST(ElementTypes, ReadsIntegersByWidthAndUi8AsU8) {
  mlir::MLIRContext context;
  mlir::Builder b(&context);
  EXPECT_EQ(dtypeOf(b.getIntegerType(8, /*isSigned=*/false)), DType::U8);
  EXPECT_EQ(dtypeOf(b.getIntegerType(8, /*isSigned=*/true)), DType::I8);
  EXPECT_EQ(dtypeOf(b.getIntegerType(16, /*isSigned=*/true)), DType::I16);
  EXPECT_EQ(dtypeOf(b.getIntegerType(32, /*isSigned=*/false)), DType::I32);
  EXPECT_EQ(dtypeOf(b.getIntegerType(64, /*isSigned=*/false)), DType::I64);
}

TEST(ElementTypes, OtherTypesHaveNoDType) {
  mlir::MLIRContext context;
  mlir::Builder b(&context);
  for (mlir::Type type : {mlir::Type(b.getIndexType()), mlir::Type(b.getI1Type()),
                          mlir::Type(b.getF64Type()), mlir::Type(b.getIntegerType(4))})
    EXPECT_EQ(dtypeOf(type), std::nullopt);
}

} // namespace
