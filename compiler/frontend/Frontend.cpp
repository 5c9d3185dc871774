//===- Frontend.cpp - parse, import, check and generate -------------------===//
#include "compiler/frontend/Frontend.h"
#include "compiler/frontend/IRGen.h"
#include "compiler/frontend/Parser.h"
#include "compiler/frontend/Sema.h"

#include "dialects/Tile/TileDialect.h"

#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace tilec::frontend {
namespace {

/// Parses the main file and, depth first, every file it imports. `ordered`
/// lists imported files before the files that import them.
class ProgramLoader {
public:
  ProgramLoader(DiagnosticSink &diags, const FrontendOptions &options) : diags(diags), options(options) {}

  SourceFile *load(unsigned bufferId) {
    auto file = std::make_unique<SourceFile>();
    file->bufferId = bufferId;
    llvm::StringRef text = diags.getSourceMgr().getMemoryBuffer(bufferId)->getBuffer();
    Parser(text, diags).parseFile(*file);
    SourceFile *raw = file.get();
    loading.insert(identifier(bufferId));
    for (DeclPtr &decl : raw->decls)
      if (auto *import = dyn_cast<ImportDecl>(decl.get()))
        loadImport(*import, bufferId);
    loading.erase(identifier(bufferId));
    ordered.push_back(std::move(file));
    return raw;
  }

  std::vector<std::unique_ptr<SourceFile>> ordered;

private:
  llvm::StringRef identifier(unsigned bufferId) {
    return diags.getSourceMgr().getMemoryBuffer(bufferId)->getBufferIdentifier();
  }

  std::optional<std::string> resolve(llvm::StringRef path, unsigned fromBuffer) {
    llvm::SmallVector<std::string, 4> dirs;
    dirs.push_back(llvm::sys::path::parent_path(identifier(fromBuffer)).str());
    dirs.insert(dirs.end(), options.importDirs.begin(), options.importDirs.end());
    for (const std::string &dir : dirs) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, path);
      llvm::ErrorOr<llvm::vfs::Status> status = options.files->status(candidate);
      if (status && status->isRegularFile()) {
        llvm::sys::path::remove_dots(candidate, /*remove_dot_dot=*/true);
        return candidate.str().str();
      }
    }
    return std::nullopt;
  }

  void loadImport(ImportDecl &import, unsigned fromBuffer) {
    std::optional<std::string> path = resolve(import.path, fromBuffer);
    if (!path) {
      diags.error(import.loc, "cannot find imported file \"" + import.path +
                                  "\": expected it next to the importing file or in an -I directory");
      return;
    }
    if (loading.contains(*path)) {
      diags.error(import.loc, "import cycle: \"" + import.path + "\" is already being imported");
      return;
    }
    if (!loaded.insert(*path).second)
      return; // imported before: its definitions are already shared
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = options.files->getBufferForFile(*path);
    if (!buffer) {
      diags.error(import.loc, "cannot read imported file \"" + *path + "\": " + buffer.getError().message());
      return;
    }
    unsigned id = diags.getSourceMgr().AddNewSourceBuffer(std::move(*buffer), import.loc);
    load(id);
  }

  DiagnosticSink &diags;
  const FrontendOptions &options;
  llvm::StringSet<> loading, loaded;
};

std::vector<ConstOverride> parseOverrides(DiagnosticSink &diags, const FrontendOptions &options) {
  std::vector<ConstOverride> overrides;
  for (const auto &[name, value] : options.constOverrides) {
    // Each value gets its own buffer so that errors in it point into it.
    auto buffer = llvm::MemoryBuffer::getMemBufferCopy(value, "-D " + name);
    llvm::StringRef text = buffer->getBuffer();
    llvm::SMLoc loc = llvm::SMLoc::getFromPointer(text.data());
    diags.getSourceMgr().AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    ConstOverride override;
    override.name = name;
    override.loc = loc;
    override.runtimeDimKernel = options.runtimeDimKernel;
    override.value = Parser(text, diags).parseStandaloneExpr();
    if (override.value)
      overrides.push_back(std::move(override));
  }
  return overrides;
}

} // namespace

std::optional<FrontendOptions> frontendOptionsFromFlags(const std::vector<std::string> &defines,
                                                        const std::vector<std::string> &importDirs,
                                                        std::string &error) {
  FrontendOptions options;
  for (const std::string &define : defines) {
    auto [name, value] = llvm::StringRef(define).split('=');
    if (name.empty() || value.empty()) {
      error = "-D expects NAME=VALUE, found '" + define + "'";
      return std::nullopt;
    }
    options.constOverrides.emplace_back(name.str(), value.str());
  }
  options.importDirs = importDirs;
  return options;
}

mlir::OwningOpRef<mlir::ModuleOp> compileTileSource(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &ctx,
                                                    const FrontendOptions &options) {
  ctx.loadDialect<tile::TileDialect, mlir::arith::ArithDialect, mlir::scf::SCFDialect>();
  DiagnosticSink diags(sourceMgr, ctx);
  std::vector<ConstOverride> overrides = parseOverrides(diags, options);
  ProgramLoader loader(diags, options);
  SourceFile *main = loader.load(sourceMgr.getMainFileID());
  if (diags.errorCount())
    return nullptr;

  Sema sema(diags, overrides);
  for (std::unique_ptr<SourceFile> &file : loader.ordered)
    if (file.get() != main)
      sema.checkImportedFile(*file);
  sema.checkMainFile(*main);
  sema.checkOverridesUsed();
  llvm::SMLoc fileStart = llvm::SMLoc::getFromPointer(
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())->getBufferStart());
  // Without a kernel there is nothing to compile: an empty C++ file would
  // hide the mistake (a file of consts is meant to be imported).
  if (llvm::none_of(main->decls, [](const DeclPtr &decl) { return isa<KernelDecl>(decl.get()); }))
    diags.error(fileStart, "the file defines no kernel; compile a file with at least one "
                           "'kernel' (a file of consts only is meant for 'import')");
  if (diags.errorCount())
    return nullptr;

  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::ModuleOp::create(diags.loc(fileStart));
  IRGen irgen(diags, *module);
  for (DeclPtr &decl : main->decls)
    if (auto *kernel = dyn_cast<KernelDecl>(decl.get()))
      irgen.emitKernel(*kernel);
  if (mlir::failed(mlir::verify(*module)))
    return nullptr;
  return module;
}

} // namespace tilec::frontend
