//===- HostEmitter.cpp - an ascend.kernel's host program as C++ -----------===//
//
// The host program allocates the kernel's GM scratch tensors and launches its
// tasks in order through tilec::runtime::HostApi. A gm_reshape is the same
// pointer under another shape, so it reuses the source's C++ name.
//
//===----------------------------------------------------------------------===//
#include "compiler/target/Emitters.h"
#include "compiler/target/FunctionEmitter.h"
#include "compiler/target/TypeSpelling.h"

#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::target;

namespace {

class HostEmitter : public FunctionEmitter {
public:
  HostEmitter(ascend::KernelOp kernel, const SourceNames &sourceNames, raw_indented_ostream &os)
      : FunctionEmitter(os), kernel(kernel), sourceNames(sourceNames) {}

  LogicalResult emit();

private:
  LogicalResult emitOp(Operation *op) override;
  LogicalResult emitParameters();
  LogicalResult emitLaunch(ascend::LaunchOp launch);
  LogicalResult emitMixedLaunch(ascend::LaunchMixedOp launch);
  /// The launch's GM pointer and scalar slot arrays, declared under
  /// `taskName`: their names (`nullptr` when empty) and lengths.
  FailureOr<SmallVector<std::string>> emitLaunchArguments(Operation *launch, ValueRange args,
                                                          const std::string &taskName);
  LogicalResult emitRing(ascend::AllocRingOp alloc);
  LogicalResult emitConstant(ascend::GmConstantOp constant);

  ascend::KernelOp kernel;
  const SourceNames &sourceNames;
};

} // namespace

LogicalResult HostEmitter::emitParameters() {
  unsigned gmIndex = 0, scalarIndex = 0;
  bool any = false;
  for (BlockArgument argument : kernel.getArguments()) {
    std::string name =
        names.unique(sourceNames.kernelArgument(kernel, argument.getArgNumber()));
    names.bind(argument, name);
    bool global = isa<ascend::GlobalTensorType>(argument.getType());
    unsigned index = global ? gmIndex++ : scalarIndex++;
    if (argument.use_empty())
      continue;
    any = true;
    if (global) {
      os << "void *" << name << " = params[" << index << "];\n";
      continue;
    }
    std::optional<std::string> type = scalarTypeName(argument.getType());
    std::optional<std::string> value =
        scalarFromSlot(argument.getType(), "scalars[" + std::to_string(index) + "]");
    if (!type || !value)
      return kernel.emitError("cannot pass a scalar of type ") << argument.getType();
    os << "const " << *type << " " << name << " = " << *value << ";\n";
  }
  if (any)
    os << "\n";
  return success();
}

LogicalResult HostEmitter::emit() {
  os << "// Host program of kernel " << kernel.getSymName() << ".\n";
  printList(os, ("extern \"C\" void tilec_kernel_" + kernel.getSymName() + "(").str(),
            {"tilec::runtime::HostApi *host", "void *const *params", "const int64_t *scalars"},
            ") {\n");
  os.indent();
  if (failed(emitParameters()) || failed(emitBlock(kernel.getBody().front())))
    return failure();
  os.unindent();
  os << "}\n";
  return success();
}

FailureOr<SmallVector<std::string>>
HostEmitter::emitLaunchArguments(Operation *launch, ValueRange args, const std::string &taskName) {
  SmallVector<std::string> globals, scalarSlots;
  for (Value operand : args) {
    if (isa<ascend::GlobalTensorType, ascend::RingType>(operand.getType())) {
      globals.push_back(expr(operand));
      continue;
    }
    std::optional<std::string> slot = slotFromScalar(operand.getType(), expr(operand));
    if (!slot)
      return launch->emitError("cannot pass a scalar of type ") << operand.getType();
    scalarSlots.push_back(*slot);
  }

  // The launch spans several lines, so its source line leads instead of trailing.
  if (std::optional<std::string> line = tileSourceLine(launch->getLoc()))
    os << "// " << *line << "\n";
  std::string gmArray = "nullptr", scalarArray = "nullptr";
  if (!globals.empty()) {
    gmArray = names.unique(taskName + "_gm");
    printList(os, "void *const " + gmArray + "[] = {", globals, "};\n");
  }
  if (!scalarSlots.empty()) {
    scalarArray = names.unique(taskName + "_scalars");
    printList(os, "const int64_t " + scalarArray + "[] = {", scalarSlots, "};\n");
  }
  return SmallVector<std::string>{gmArray, std::to_string(globals.size()), scalarArray,
                                  std::to_string(scalarSlots.size())};
}

LogicalResult HostEmitter::emitLaunch(ascend::LaunchOp launch) {
  auto task = SymbolTable::lookupNearestSymbolFrom<ascend::TaskOp>(launch, launch.getTaskAttr());
  if (!task)
    return launch.emitError("launches an unknown task");
  std::string taskName = task.getSymName().str();
  FailureOr<SmallVector<std::string>> arrays =
      emitLaunchArguments(launch, launch.getArgs(), taskName);
  if (failed(arrays))
    return failure();
  bool cube = task.getCore() == ascend::CoreType::aic;
  SmallVector<std::string> call = {"\"" + taskName + "\"", "tilec_task_" + taskName,
                                   cube ? "tilec::isa::CoreKind::Cube"
                                        : "tilec::isa::CoreKind::Vector",
                                   "/*blocks=*/" + std::to_string(launch.getBlocks())};
  call.append(arrays->begin(), arrays->end());
  printList(os, "host->launch(", call, ");\n");
  return success();
}

/// Both tasks get the same arguments; the launch is named after the pair.
LogicalResult HostEmitter::emitMixedLaunch(ascend::LaunchMixedOp launch) {
  std::string cube = launch.getCube().str(), vector = launch.getVector().str();
  FailureOr<SmallVector<std::string>> arrays =
      emitLaunchArguments(launch, launch.getArgs(), cube + "_" + vector);
  if (failed(arrays))
    return failure();
  SmallVector<std::string> call = {"\"" + cube + "+" + vector + "\"", "tilec_task_" + cube,
                                   "tilec_task_" + vector,
                                   "/*blocks=*/" + std::to_string(launch.getBlocks())};
  call.append(arrays->begin(), arrays->end());
  printList(os, "host->launchMixed(", call, ");\n");
  return success();
}

/// One ring of GM slots per cluster of the widest mixed launch it is passed to.
LogicalResult HostEmitter::emitRing(ascend::AllocRingOp alloc) {
  int64_t clusters = 0;
  for (Operation *user : alloc->getUsers())
    if (auto launch = dyn_cast<ascend::LaunchMixedOp>(user))
      clusters = std::max<int64_t>(clusters, launch.getBlocks());
  if (clusters == 0)
    return alloc.emitError("a ring no mixed launch is passed to");
  std::string name = names.unique("ring");
  names.bind(alloc.getResult(), name);
  // A ring in the AIVs' UB has no GM slots: its tasks' TPipes get none.
  if (alloc.getType().inUb())
    os << "void *" << name << " = nullptr; // its slots are in each cluster's AIV UB";
  else
    os << "void *" << name << " = host->allocScratch("
       << clusters * alloc.getType().getNumBytes() << ", \"" << name << "\");";
  endStatement(alloc);
  return success();
}

/// A constant table: its values as a static array copied into a GM tensor.
LogicalResult HostEmitter::emitConstant(ascend::GmConstantOp constant) {
  auto values = dyn_cast<DenseIntElementsAttr>(constant.getValue());
  if (!values || !values.getElementType().isInteger(32))
    return constant.emitError("C++ emission supports i32 constant tables only");
  std::string name = names.unique("table");
  names.bind(constant.getResult(), name);
  os << "static const int32_t " << name << "_data[] = {\n";
  os.indent();
  int column = 0;
  for (const APInt &value : values.getValues<APInt>()) {
    os << value.getSExtValue() << ",";
    os << (++column % 16 == 0 ? "\n" : " ");
  }
  if (column % 16 != 0)
    os << "\n";
  os.unindent();
  os << "};\n";
  os << "void *" << name << " = host->allocScratch(sizeof(" << name << "_data), \"" << name
     << "\");\n";
  os << "std::memcpy(" << name << ", " << name << "_data, sizeof(" << name << "_data));";
  endStatement(constant);
  return success();
}

LogicalResult HostEmitter::emitOp(Operation *op) {
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](ascend::AllocGmOp alloc) {
        std::string name = names.unique(sourceNames.scratch(alloc));
        names.bind(alloc.getResult(), name);
        os << "void *" << name << " = host->allocScratch(" << alloc.getType().getNumBytes()
           << ", \"" << name << "\");";
        endStatement(op);
        return success();
      })
      .Case([&](ascend::GmConstantOp constant) { return emitConstant(constant); })
      .Case([&](ascend::GmReshapeOp reshape) {
        names.bind(reshape.getResult(), expr(reshape.getSource()));
        return success();
      })
      .Case([&](ascend::LaunchOp launch) { return emitLaunch(launch); })
      .Case([&](ascend::LaunchMixedOp launch) { return emitMixedLaunch(launch); })
      .Case([&](ascend::AllocRingOp alloc) { return emitRing(alloc); })
      .Case([&](ascend::ReturnOp) { return success(); })
      .Default([&](Operation *other) {
        return other->emitError("C++ emission does not support '")
               << other->getName() << "' in a host program";
      });
}

LogicalResult tilec::target::emitHostProgram(ascend::KernelOp kernel,
                                             const SourceNames &sourceNames,
                                             raw_indented_ostream &os) {
  return HostEmitter(kernel, sourceNames, os).emit();
}
