//===- SourceNames.cpp - names and lines from the .tile source ------------===//
#include "compiler/target/SourceNames.h"

#include "llvm/Support/Path.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::target;

std::optional<std::string> tilec::target::tileSourceLine(Location loc) {
  std::optional<std::string> found;
  loc->walk([&](Location inner) {
    auto fileLoc = dyn_cast<FileLineColLoc>(inner);
    if (!fileLoc || !fileLoc.getFilename().getValue().ends_with(".tile"))
      return WalkResult::advance();
    found = (llvm::sys::path::filename(fileLoc.getFilename().getValue()) + ":" +
             Twine(fileLoc.getLine()))
                .str();
    return WalkResult::interrupt();
  });
  return found;
}

/// The name a NameLoc gives `loc`, if any.
static std::optional<std::string> nameOf(Location loc) {
  if (auto named = dyn_cast<NameLoc>(loc))
    return named.getName().getValue().str();
  return std::nullopt;
}

std::string tilec::target::positionalName(TypeRange argumentTypes, unsigned index) {
  bool global = isa<tile::GlobalTensorType>(argumentTypes[index]);
  unsigned position = 0;
  for (Type type : argumentTypes.take_front(index))
    position += isa<tile::GlobalTensorType>(type) == global;
  return (global ? "gm" : "scalar") + std::to_string(position);
}

SourceNames::SourceNames(ModuleOp module) {
  for (auto kernel : module.getOps<tile::KernelOp>()) {
    unsigned next = 0;
    kernel.walk([&](tile::AllocGmOp alloc) { scratchNumbers[alloc] = next++; });
    kernel.walk([&](ascend::LaunchOp launch) {
      launches[launch.getTaskAttr().getAttr()].push_back(launch);
    });
  }
}

std::string SourceNames::kernelArgument(tile::KernelOp kernel, unsigned index) const {
  if (std::optional<std::string> name = nameOf(kernel.getArgument(index).getLoc()))
    return *name;
  return positionalName(kernel.getArgumentTypes(), index);
}

std::string SourceNames::scratch(tile::AllocGmOp alloc) const {
  return "scratch" + std::to_string(scratchNumbers.lookup(alloc));
}

std::optional<std::string> SourceNames::launchedName(Value operand) const {
  while (auto reshape = operand.getDefiningOp<ascend::GmReshapeOp>())
    operand = reshape.getSource();
  if (auto alloc = operand.getDefiningOp<tile::AllocGmOp>())
    return scratch(alloc);
  auto argument = dyn_cast<BlockArgument>(operand);
  if (!argument || !isa<tile::KernelOp>(argument.getOwner()->getParentOp()))
    return std::nullopt;
  return nameOf(argument.getLoc());
}

std::string SourceNames::taskArgument(ascend::TaskOp task, unsigned index) const {
  if (std::optional<std::string> name = nameOf(task.getArgument(index).getLoc()))
    return *name;
  auto it = launches.find(task.getSymNameAttr());
  std::optional<std::string> agreed;
  if (it != launches.end()) {
    for (ascend::LaunchOp launch : it->second) {
      std::optional<std::string> name = launchedName(launch.getArgs()[index]);
      if (!name || (agreed && *agreed != *name)) {
        agreed.reset();
        break;
      }
      agreed = name;
    }
  }
  return agreed ? *agreed : positionalName(task.getArgumentTypes(), index);
}
