//===- SourceNames.cpp - names and lines from the .tile source ------------===//
#include "compiler/target/SourceNames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
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

/// The parameter name at `loc` in its .tile source: the identifier there,
/// followed by the ':' of `name: type`. Nothing when the file is unreadable
/// (IR saved and emitted elsewhere) or the text there is not a parameter.
std::optional<std::string> SourceNames::declaredName(Location loc) const {
  auto fileLoc = dyn_cast<FileLineColLoc>(loc);
  if (!fileLoc || !fileLoc.getFilename().getValue().ends_with(".tile"))
    return std::nullopt;
  StringRef path = fileLoc.getFilename().getValue();
  auto [it, inserted] = sources.try_emplace(path);
  if (inserted) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file = llvm::MemoryBuffer::getFile(path);
    if (file)
      it->second = std::move(*file);
  }
  if (!it->second)
    return std::nullopt;
  StringRef text = it->second->getBuffer();
  for (unsigned line = 1; line < fileLoc.getLine() && !text.empty(); ++line)
    text = text.split('\n').second;
  text = text.split('\n').first;
  if (fileLoc.getColumn() == 0 || fileLoc.getColumn() > text.size())
    return std::nullopt;
  text = text.drop_front(fileLoc.getColumn() - 1);
  StringRef name = text.take_while([](char c) { return llvm::isAlnum(c) || c == '_'; });
  // `name: type`, or a run-time dim's `name <= bound` (after `dim`).
  StringRef rest = text.drop_front(name.size()).ltrim();
  if (name.empty() || llvm::isDigit(name.front()) ||
      !(rest.starts_with(":") || rest.starts_with("<=")))
    return std::nullopt;
  return name.str();
}

/// The source name of `loc`: a NameLoc's name, else the parameter declared there.
std::optional<std::string> SourceNames::nameOf(Location loc) const {
  if (auto named = dyn_cast<NameLoc>(loc))
    return named.getName().getValue().str();
  return declaredName(loc);
}

std::string tilec::target::positionalName(TypeRange argumentTypes, unsigned index) {
  auto kind = [](Type type) -> StringRef {
    if (isa<ascend::GlobalTensorType>(type))
      return "gm";
    return isa<ascend::RingType>(type) ? "ring" : "scalar";
  };
  StringRef own = kind(argumentTypes[index]);
  unsigned position = 0;
  for (Type type : argumentTypes.take_front(index))
    position += kind(type) == own;
  return own.str() + std::to_string(position);
}

SourceNames::SourceNames(ModuleOp module) {
  for (auto kernel : module.getOps<ascend::KernelOp>()) {
    unsigned next = 0;
    kernel.walk([&](ascend::AllocGmOp alloc) { scratchNumbers[alloc] = next++; });
    kernel.walk([&](ascend::LaunchOp launch) {
      launches[launch.getTaskAttr().getAttr()].push_back(launch);
    });
  }
}

std::string SourceNames::kernelArgument(ascend::KernelOp kernel, unsigned index) const {
  if (std::optional<std::string> name = nameOf(kernel.getArgument(index).getLoc()))
    return *name;
  return positionalName(kernel.getArgumentTypes(), index);
}

std::string SourceNames::scratch(ascend::AllocGmOp alloc) const {
  return "scratch" + std::to_string(scratchNumbers.lookup(alloc));
}

std::optional<std::string> SourceNames::launchedName(Value operand) const {
  while (auto reshape = operand.getDefiningOp<ascend::GmReshapeOp>())
    operand = reshape.getSource();
  if (auto alloc = operand.getDefiningOp<ascend::AllocGmOp>())
    return scratch(alloc);
  auto argument = dyn_cast<BlockArgument>(operand);
  if (!argument || !isa<ascend::KernelOp>(argument.getOwner()->getParentOp()))
    return std::nullopt;
  return nameOf(argument.getLoc());
}

std::string SourceNames::taskArgument(ascend::TaskOp task, unsigned index) const {
  // A task argument's own location is usually its kernel parameter's or the
  // scratch op's; only an explicit NameLoc is taken from it.
  if (auto named = dyn_cast<NameLoc>(task.getArgument(index).getLoc()))
    return named.getName().getValue().str();
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
