//===- SourceNames.h - names and lines from the .tile source ------*- C++ -*-===//
#ifndef TILEC_COMPILER_TARGET_SOURCENAMES_H
#define TILEC_COMPILER_TARGET_SOURCENAMES_H

#include "dialects/Ascend/AscendOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <optional>
#include <string>

namespace tilec::target {

/// "rmsnorm.tile:7" when `loc` (or a location inside it) points into a .tile
/// file; the directory is dropped so the text does not depend on the cwd.
std::optional<std::string> tileSourceLine(mlir::Location loc);

/// Name hints for the GM tensors and scalars a kernel and its tasks pass
/// around: the kernel parameter's source name (a NameLoc, or the `name:` its
/// location points at in the .tile file), else `gm<i>` / `scalar<i>` by
/// position in the `gm` / `scalars` arrays; scratch tensors are `scratch<i>`
/// in kernel order. A task argument takes the name of what every launch
/// passes it, when that has one.
class SourceNames {
public:
  explicit SourceNames(mlir::ModuleOp module);

  std::string kernelArgument(ascend::KernelOp kernel, unsigned index) const;
  std::string scratch(ascend::AllocGmOp alloc) const;
  std::string taskArgument(ascend::TaskOp task, unsigned index) const;

private:
  std::optional<std::string> nameOf(mlir::Location loc) const;
  std::optional<std::string> declaredName(mlir::Location loc) const;
  /// The source name of a launch operand (through gm_reshape), if it has one.
  std::optional<std::string> launchedName(mlir::Value operand) const;

  llvm::DenseMap<mlir::Operation *, unsigned> scratchNumbers;
  /// The launches of each task, in module order.
  llvm::DenseMap<mlir::StringAttr, llvm::SmallVector<ascend::LaunchOp>> launches;
  /// .tile sources read for parameter names (null when unreadable).
  mutable llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> sources;
};

/// `gm<i>`, `ring<i>` or `scalar<i>`: the position of argument `index`
/// among the arguments of its kind (global tensors, rings or scalars).
std::string positionalName(mlir::TypeRange argumentTypes, unsigned index);

} // namespace tilec::target

#endif
