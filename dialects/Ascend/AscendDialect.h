//===- AscendDialect.h - the ascend dialect ---------------------*- C++ -*-===//
#ifndef TILEC_DIALECTS_ASCEND_ASCENDDIALECT_H
#define TILEC_DIALECTS_ASCEND_ASCENDDIALECT_H

#include "dialects/Tile/TileDialect.h"
#include "mlir/IR/Dialect.h"

#include "dialects/Ascend/AscendDialect.h.inc"

#endif
