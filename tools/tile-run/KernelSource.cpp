//===- KernelSource.cpp - loading .tile/.mlir and picking the kernel ------===//
#include "KernelSource.h"
#include "RunErrors.h"

#include "compiler/pipeline/Registration.h"
#include "runtime/interp/KernelSignature.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace tilec::run {

mlir::OwningOpRef<mlir::ModuleOp> loadKernelModule(std::unique_ptr<llvm::MemoryBuffer> buffer,
                                                   llvm::SourceMgr &sourceMgr,
                                                   mlir::MLIRContext &context,
                                                   const frontend::FrontendOptions &options) {
  bool mlirModule = llvm::sys::path::extension(buffer->getBufferIdentifier()) == ".mlir";
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  if (mlirModule)
    return mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  return frontend::compileTileSource(sourceMgr, context, options);
}

tile::KernelOp selectKernel(mlir::ModuleOp module, const std::string &name) {
  llvm::SmallVector<tile::KernelOp> kernels(module.getOps<tile::KernelOp>());
  if (kernels.empty()) { // nothing to choose from: the file is what needs fixing
    // An empty file's module is at line 0; point at the file's start instead.
    mlir::Location at = module.getLoc();
    if (auto file = mlir::dyn_cast<mlir::FileLineColLoc>(at); file && file.getLine() == 0)
      at = mlir::FileLineColLoc::get(file.getFilename(), 1, 1);
    mlir::emitError(at, "the file defines no kernel: a tile.kernel op is needed");
    return nullptr;
  }
  for (tile::KernelOp kernel : kernels)
    if (name.empty() ? kernels.size() == 1 : kernel.getSymName() == name)
      return kernel;
  llvm::SmallVector<llvm::StringRef> names;
  for (tile::KernelOp kernel : kernels)
    names.push_back(kernel.getSymName());
  std::string available = llvm::join(names, ", ");
  if (name.empty())
    reportError("the file defines " + llvm::Twine(kernels.size()) +
                " kernels; choose one with --kernel (kernels: " + available + ")");
  else
    reportError("no kernel '" + name + "' (kernels: " + available + ")");
  return nullptr;
}

/// The identifier starting at `loc` in one of the buffers of `sourceMgr`
/// (after the `%` of an SSA name in .mlir sources).
static std::string identifierAt(mlir::FileLineColLoc loc, llvm::SourceMgr &sourceMgr) {
  for (unsigned id = 1; id <= sourceMgr.getNumBuffers(); ++id) {
    if (sourceMgr.getMemoryBuffer(id)->getBufferIdentifier() != loc.getFilename().getValue())
      continue;
    llvm::SMLoc start = sourceMgr.FindLocForLineAndColumn(id, loc.getLine(), loc.getColumn());
    if (!start.isValid())
      return "";
    const char *begin = start.getPointer();
    const char *bufferEnd = sourceMgr.getMemoryBuffer(id)->getBufferEnd();
    if (begin != bufferEnd && *begin == '%')
      ++begin;
    const char *end = begin;
    while (end != bufferEnd && (llvm::isAlnum(*end) || *end == '_'))
      ++end;
    return std::string(begin, end);
  }
  return "";
}

void nameParametersFromSource(tile::KernelOp kernel, llvm::SourceMgr &sourceMgr) {
  mlir::Builder builder(kernel.getContext());
  for (unsigned index = 0; index < kernel.getNumArguments(); ++index) {
    if (kernel.getArgAttr(index, interp::kParameterNameAttr))
      continue;
    auto loc = mlir::dyn_cast<mlir::FileLineColLoc>(kernel.getArgument(index).getLoc());
    if (!loc)
      continue;
    std::string name = identifierAt(loc, sourceMgr);
    if (!name.empty())
      kernel.setArgAttr(index, interp::kParameterNameAttr, builder.getStringAttr(name));
  }
}

static mlir::DialectRegistry tilecDialects() {
  mlir::DialectRegistry registry;
  registerDialects(registry);
  return registry;
}

OpenedKernel::OpenedKernel() : context(tilecDialects()), diagnostics(sourceMgr, &context) {
  context.loadAllAvailableDialects();
  context.printOpOnDiagnostic(false); // the caret under the source line says enough
}

bool OpenedKernel::load(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &name,
                        const frontend::FrontendOptions &options, bool nameParameters) {
  module = loadKernelModule(std::move(buffer), sourceMgr, context, options);
  if (!module)
    return false;
  kernel = selectKernel(*module, name);
  if (!kernel)
    return false;
  if (nameParameters)
    nameParametersFromSource(kernel, sourceMgr);
  return true;
}

std::unique_ptr<OpenedKernel> openKernel(const std::string &path, const std::string &name,
                                         const frontend::FrontendOptions &options) {
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> buffer = mlir::openInputFile(path, &message);
  if (!buffer) {
    reportError(message);
    return nullptr;
  }
  auto opened = std::make_unique<OpenedKernel>();
  if (!opened->load(std::move(buffer), name, options))
    return nullptr;
  return opened;
}

} // namespace tilec::run
