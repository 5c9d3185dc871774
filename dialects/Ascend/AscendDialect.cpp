//===- AscendDialect.cpp - registration of the ascend dialect -------------===//
#include "dialects/Ascend/AscendDialect.h"
#include "dialects/Ascend/AscendOps.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec::ascend;

#include "dialects/Ascend/AscendDialect.cpp.inc"
#include "dialects/Ascend/AscendEnums.cpp.inc"
#include "dialects/Ascend/AscendInterfaces.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "dialects/Ascend/AscendAttrs.cpp.inc"

void AscendDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Ascend/AscendOps.cpp.inc"
      >();
  registerTypes();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/Ascend/AscendAttrs.cpp.inc"
      >();
}
