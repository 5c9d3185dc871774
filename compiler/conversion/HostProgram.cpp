//===- HostProgram.cpp - the lowered kernel as an ascend.kernel ----------===//
//
// A type converter maps `!tile.gm` to `!ascend.gm`; conversion patterns
// rewrite the host-program ops the tile dialect still owns after the
// lowering (the kernel, its scratch allocations and terminator) and drop the
// casts through which the lowering saw the kernel's tensors. Tile ops and tile
// types are illegal, so anything the lowering left behind is an error at it.
//
//===----------------------------------------------------------------------===//
#include "compiler/conversion/HostProgram.h"

#include "dialects/Ascend/AscendOps.h"
#include "dialects/Tile/TileOps.h"

#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::conversion;

namespace {

/// A cast hostGlobal made: one `!tile.gm` in, its `!ascend.gm` out.
bool isHostGlobalCast(UnrealizedConversionCastOp cast) {
  return cast.getInputs().size() == 1 && cast.getOutputs().size() == 1 &&
         isa<tile::GlobalTensorType>(cast.getInputs()[0].getType()) &&
         isa<ascend::GlobalTensorType>(cast.getOutputs()[0].getType());
}

ascend::GlobalTensorType hostTypeOf(tile::GlobalTensorType type) {
  return ascend::GlobalTensorType::get(type.getContext(), type.getShape(),
                                       type.getElementType());
}

class GlobalTensorConverter : public TypeConverter {
public:
  GlobalTensorConverter() {
    addConversion([](Type type) { return type; });
    addConversion([](tile::GlobalTensorType type) -> Type { return hostTypeOf(type); });
  }
};

/// The kernel's argument attributes with the output mark renamed.
ArrayAttr hostArgAttrs(tile::KernelOp kernel) {
  ArrayAttr argAttrs = kernel.getArgAttrsAttr();
  if (!argAttrs)
    return argAttrs;
  SmallVector<Attribute> renamed;
  for (auto attrs : argAttrs.getAsRange<DictionaryAttr>()) {
    NamedAttrList list(attrs);
    if (list.erase(tile::KernelOp::getOutputAttrName()))
      list.set(ascend::KernelOp::getOutputAttrName(), UnitAttr::get(kernel.getContext()));
    renamed.push_back(list.getDictionary(kernel.getContext()));
  }
  return ArrayAttr::get(kernel.getContext(), renamed);
}

struct KernelToHostProgram : OpConversionPattern<tile::KernelOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(tile::KernelOp kernel, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    TypeConverter::SignatureConversion signature(kernel.getNumArguments());
    if (failed(converter.convertSignatureArgs(kernel.getArgumentTypes(), signature)))
      return rewriter.notifyMatchFailure(kernel, "a parameter type has no ascend form");
    auto type = FunctionType::get(kernel.getContext(), signature.getConvertedTypes(), {});
    auto host = ascend::KernelOp::create(rewriter, kernel.getLoc(), kernel.getSymNameAttr(),
                                         TypeAttr::get(type), hostArgAttrs(kernel), ArrayAttr());
    host->setDiscardableAttrs(kernel->getDiscardableAttrDictionary());
    rewriter.inlineRegionBefore(kernel.getBody(), host.getBody(), host.getBody().end());
    if (failed(rewriter.convertRegionTypes(&host.getBody(), converter, &signature)))
      return rewriter.notifyMatchFailure(kernel, "could not convert the body's argument types");
    rewriter.eraseOp(kernel);
    return success();
  }
};

struct ReturnToHostProgram : OpConversionPattern<tile::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(tile::ReturnOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ascend::ReturnOp>(op);
    return success();
  }
};

struct AllocGmToHostProgram : OpConversionPattern<tile::AllocGmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(tile::AllocGmOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ascend::AllocGmOp>(op, hostTypeOf(op.getType()));
    return success();
  }
};

/// Once the viewed value is `!ascend.gm` itself, the cast is the value.
struct DropHostGlobalCast : OpConversionPattern<UnrealizedConversionCastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(UnrealizedConversionCastOp cast, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    if (!isHostGlobalCast(cast))
      return rewriter.notifyMatchFailure(cast, "not a cast made by hostGlobal");
    rewriter.replaceOp(cast, adaptor.getInputs());
    return success();
  }
};

} // namespace

Value tilec::conversion::hostGlobal(Value global, OpBuilder::Listener *listener) {
  auto type = dyn_cast<tile::GlobalTensorType>(global.getType());
  if (!type)
    return global;
  for (Operation *user : global.getUsers())
    if (auto cast = dyn_cast<UnrealizedConversionCastOp>(user); cast && isHostGlobalCast(cast))
      return cast.getOutputs()[0];
  OpBuilder builder(global.getContext(), listener);
  builder.setInsertionPointAfterValue(global);
  return UnrealizedConversionCastOp::create(builder, global.getLoc(), TypeRange{hostTypeOf(type)},
                                            global)
      .getResult(0);
}

Value tilec::conversion::tileGlobalOf(Value global) {
  auto cast = global.getDefiningOp<UnrealizedConversionCastOp>();
  if (cast && isHostGlobalCast(cast))
    return cast.getInputs()[0];
  return global;
}

LogicalResult tilec::conversion::closeHostPrograms(ModuleOp module) {
  MLIRContext *context = module.getContext();
  GlobalTensorConverter converter;
  ConversionTarget target(*context);
  target.addIllegalDialect<tile::TileDialect>();
  target.addDynamicallyLegalOp<UnrealizedConversionCastOp>(
      [](UnrealizedConversionCastOp cast) { return !isHostGlobalCast(cast); });
  target.markUnknownOpDynamicallyLegal([&](Operation *op) {
    auto function = dyn_cast<FunctionOpInterface>(op);
    return converter.isLegal(op) &&
           (!function || converter.isLegal(function.getArgumentTypes()));
  });
  RewritePatternSet patterns(context);
  patterns.add<KernelToHostProgram, ReturnToHostProgram, AllocGmToHostProgram,
               DropHostGlobalCast>(converter, context);
  return applyPartialConversion(module, target, std::move(patterns));
}
