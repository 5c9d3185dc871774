//===- TaskParameters.cpp - a task's kernel parameters and launch entry ---===//
//
// A task's kernel takes its GM tensor and ring arguments as `__gm__ T *`, then
// its scalars. Its launch trampoline, `tilec_task_<name>`
// (runtime/isa/LaunchAbi.h), printed after every kernel, binds the core and
// calls the kernel with the GM pointers and scalar slots of the launch ABI.
//
//===----------------------------------------------------------------------===//
#include "compiler/target/TaskParameters.h"
#include "compiler/target/Emitters.h"
#include "compiler/target/TypeSpelling.h"

using namespace mlir;
using namespace tilec;
using namespace tilec::target;

SmallVector<BlockArgument> tilec::target::kernelParameters(ascend::TaskOp task) {
  SmallVector<BlockArgument> parameters;
  for (bool global : {true, false})
    for (BlockArgument argument : task.getArguments())
      if (isa<ascend::GlobalTensorType, ascend::RingType>(argument.getType()) == global)
        parameters.push_back(argument);
  return parameters;
}

ascend::GlobalTensorType tilec::target::ringSlotsTensor(ascend::RingType ring) {
  return ascend::GlobalTensorType::get(ring.getContext(),
                                       {ring.getSlots() * ring.getRows(), ring.getCols()},
                                       ring.getElement());
}

/// The C++ element type of a GM tensor or ring argument; none for a scalar.
static FailureOr<std::optional<std::string>> gmElementType(ascend::TaskOp task, Type type) {
  if (auto ring = dyn_cast<ascend::RingType>(type))
    type = ringSlotsTensor(ring);
  auto global = dyn_cast<ascend::GlobalTensorType>(type);
  if (!global)
    return std::optional<std::string>();
  if (std::optional<std::string> element = elementTypeName(global.getElementType()))
    return element;
  return task.emitError("cannot spell GM element type ") << global.getElementType();
}

FailureOr<std::string> tilec::target::kernelParameterType(ascend::TaskOp task, Type type) {
  FailureOr<std::optional<std::string>> element = gmElementType(task, type);
  if (failed(element))
    return failure();
  if (*element)
    return "__gm__ " + **element + " *";
  if (std::optional<std::string> scalar = scalarTypeName(type))
    return *scalar;
  return task.emitError("cannot pass a scalar of type ") << type;
}

LogicalResult tilec::target::emitTaskTrampoline(ascend::TaskOp task, raw_indented_ostream &os) {
  unsigned gmIndex = 0, scalarIndex = 0;
  SmallVector<std::string> arguments;
  for (BlockArgument argument : kernelParameters(task)) {
    Type type = argument.getType();
    FailureOr<std::optional<std::string>> element = gmElementType(task, type);
    if (failed(element))
      return failure();
    if (*element) {
      arguments.push_back("static_cast<" + **element + " *>(gm[" + std::to_string(gmIndex++) +
                          "])");
      continue;
    }
    std::optional<std::string> value =
        scalarFromSlot(type, "scalars[" + std::to_string(scalarIndex++) + "]");
    if (!value)
      return task.emitError("cannot pass a scalar of type ") << type;
    arguments.push_back(*value);
  }
  printList(os, ("extern \"C\" void tilec_task_" + task.getSymName() + "(").str(),
            {"tilec::isa::CoreContext *core", "void *const *gm", "const int64_t *scalars",
             "int32_t block_idx", "int32_t block_dim"},
            ") {\n");
  os.indent();
  os << "tilec::isa::BindCore bind(*core, block_idx, block_dim);\n";
  printList(os, (task.getSymName() + "(").str(), arguments, ");\n");
  os.unindent();
  os << "}\n";
  return success();
}
