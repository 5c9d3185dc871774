//===- AscendDialect.h - the ascend dialect ---------------------*- C++ -*-===//
#ifndef TILEC_DIALECTS_ASCEND_ASCENDDIALECT_H
#define TILEC_DIALECTS_ASCEND_ASCENDDIALECT_H

#include "mlir/IR/Dialect.h"
#include "mlir/IR/DialectImplementation.h"

// The attributes come first: the typed helpers of the dialect's discardable
// attributes (e.g. TargetAttrHelper) return them.
#include "dialects/Ascend/AscendEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/Ascend/AscendAttrs.h.inc"

#include "dialects/Ascend/AscendDialect.h.inc"

#endif
