//===- KernelWork.h - the multiply-accumulates a kernel's math does -*- C++ -*-===//
//
// The work roofline's cube term (docs/performance.md, "The work's bound") is
// the kernel's own multiply-accumulates at the cube's peak rate: M x K x N of
// every tile.matmul, at the shapes the kernel has, not the padded fractals
// and block rows a lowering runs. tilec --report counts them at the token
// count the kernel was compiled for, tile-run at the run's.
//
//===----------------------------------------------------------------------===//
#ifndef TILEC_DIALECTS_TILE_KERNELWORK_H
#define TILEC_DIALECTS_TILE_KERNELWORK_H

#include "base/DType.h"
#include "base/TargetDescription.h"
#include "dialects/Tile/TileOps.h"

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <map>
#include <optional>

namespace tilec::tile {

/// Multiply-accumulates of the kernel's matmuls per operand type: each
/// matmul's M x K x N for every trip of the loops around it. A loop's bounds
/// fold from constants, outer loop variables and `arguments` (the values of
/// the kernel's integer arguments a caller knows); nullopt when a bound of a
/// loop around a matmul does not.
std::optional<std::map<DType, uint64_t>>
matmulMacs(KernelOp kernel, const llvm::DenseMap<mlir::Value, int64_t> &arguments = {});

/// Microseconds of `macs` on every cube core of `target` at its peak rate.
double cubeWorkMicros(const target::TargetDescription &target,
                      const std::map<DType, uint64_t> &macs);

} // namespace tilec::tile

#endif
