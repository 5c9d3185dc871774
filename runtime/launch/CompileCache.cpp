#include "runtime/launch/CompileCache.h"

#include "runtime/launch/CacheKey.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include <unistd.h>

namespace tilec::launch {
namespace {

namespace fs = llvm::sys::fs;

Error failure(const std::string &message) { return Error{message}; }

/// A fresh, unused path `<dir>/<stem>-XXXXXX<suffix>`.
std::string uniquePath(const std::string &dir, const std::string &stem,
                       const std::string &suffix) {
  llvm::SmallString<256> model(dir);
  llvm::sys::path::append(model, stem + "-%%%%%%%%" + suffix);
  llvm::SmallString<256> path;
  fs::createUniquePath(model, path, /*MakeAbsolute=*/false);
  return path.str().str();
}

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

/// Writes `text` to `path` through a temporary file and a rename.
Status writeAtomically(const std::string &path, llvm::StringRef text) {
  std::string dir = llvm::sys::path::parent_path(path).str();
  std::string temp = uniquePath(dir, llvm::sys::path::filename(path).str(), ".tmp");
  {
    std::error_code error;
    llvm::raw_fd_ostream os(temp, error);
    if (error)
      return failure("cannot write " + temp + ": " + error.message());
    os << text;
  }
  if (std::error_code error = fs::rename(temp, path)) {
    fs::remove(temp);
    return failure("cannot move " + temp + " to " + path + ": " + error.message());
  }
  return Status();
}

Result<std::string> findCompiler(const CompileOptions &options) {
  std::string name = options.compiler.empty() ? TILEC_HOST_CXX : options.compiler;
  if (llvm::sys::path::is_absolute(name))
    return name;
  auto found = llvm::sys::findProgramByName(name);
  if (!found)
    return failure("host compiler '" + name + "' not found on PATH");
  return *found;
}

/// `compiler --version`, remembered per compiler for the process.
Result<std::string> compilerVersion(const std::string &compiler,
                                    const std::string &scratchDir) {
  static std::mutex mutex;
  static std::map<std::string, std::string> versions;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = versions.find(compiler); it != versions.end())
    return it->second;
  std::string out = uniquePath(scratchDir, "version", ".txt");
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(out),
                                                llvm::StringRef(out)};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(compiler, {compiler, "--version"},
                                         std::nullopt, redirects, 0, 0, &message);
  std::string version = readFile(out);
  fs::remove(out);
  if (status != 0)
    return failure("cannot run '" + compiler + " --version': " +
                   (message.empty() ? version : message));
  return versions[compiler] = version;
}

/// Compiles `sourcePath` into `<dir>/<key>.so`; on failure the compiler's
/// diagnostics.
Status compile(const std::string &compiler, const std::vector<std::string> &flags,
               const std::string &sourcePath, const std::string &objectPath) {
  std::string dir = llvm::sys::path::parent_path(objectPath).str();
  std::string stem = llvm::sys::path::stem(objectPath).str();
  std::string temp = uniquePath(dir, stem, ".so.tmp");
  std::string log = uniquePath(dir, stem, ".log");
  std::vector<llvm::StringRef> args = {compiler};
  args.insert(args.end(), flags.begin(), flags.end());
  args.insert(args.end(), {"-o", temp, sourcePath});
  std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(log),
                                                llvm::StringRef(log)};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(compiler, args, std::nullopt, redirects, 0, 0,
                                         &message);
  std::string diagnostics = readFile(log);
  fs::remove(log);
  if (status != 0) {
    fs::remove(temp);
    return failure("the host compiler failed on " + sourcePath + " (" +
                   (message.empty() ? "exit status " + std::to_string(status) : message) +
                   ")" + (diagnostics.empty() ? "" : ":\n" + diagnostics));
  }
  if (std::error_code error = fs::rename(temp, objectPath)) {
    fs::remove(temp);
    return failure("cannot move " + temp + " to " + objectPath + ": " + error.message());
  }
  return Status();
}

/// The cache holds code tile-run loads and runs: a directory someone else can
/// write to could hand it any shared object, so only a private one is used.
Status guardCacheDir(const std::string &dir) {
  fs::file_status status;
  if (std::error_code error = fs::status(dir, status))
    return failure("cannot inspect the compile cache " + dir + ": " + error.message());
  if (status.getUser() != ::geteuid())
    return failure("the compile cache " + dir +
                   " belongs to another user, who could plant code tile-run would load; set "
                   "TILEC_CACHE_DIR to a directory of your own");
  if (status.permissions() & (fs::group_write | fs::others_write)) {
    char mode[16];
    std::snprintf(mode, sizeof mode, "%04o", unsigned(status.permissions()));
    return failure("the compile cache " + dir + " (mode " + mode +
                   ") is writable by other users, who could plant code tile-run would load; "
                   "make it private (chmod 700 " + dir + ") or set TILEC_CACHE_DIR to a "
                   "private directory");
  }
  return Status();
}

std::string resolveIncludeRoot(const CompileOptions &options) {
  return options.includeRoot.empty() ? TILEC_SOURCE_ROOT : options.includeRoot;
}

/// The repository root (for "runtime/isa/...") and the model's include root,
/// which holds the <pto/pto-inst.hpp> and <tilec/launch.h> a generated file
/// includes.
std::vector<std::string> includeDirs(const CompileOptions &options) {
  std::string root = resolveIncludeRoot(options);
  llvm::SmallString<256> modelIncludes(root);
  llvm::sys::path::append(modelIncludes, "runtime", "isa", "include");
  return {root, modelIncludes.str().str()};
}

} // namespace

std::string resolveCacheDir(const CompileOptions &options) {
  if (!options.cacheDir.empty())
    return options.cacheDir;
  if (const char *env = std::getenv("TILEC_CACHE_DIR"); env && *env)
    return env;
  llvm::SmallString<256> dir;
  if (!llvm::sys::path::home_directory(dir))
    dir = llvm::sys::path::get_separator();
  llvm::sys::path::append(dir, ".cache", "tilec");
  return dir.str().str();
}

std::vector<std::string> compileFlags(const CompileOptions &options) {
  std::vector<std::string> flags = {"-std=c++17", "-O2", "-march=native", "-fPIC", "-shared"};
  for (const std::string &dir : includeDirs(options))
    flags.push_back("-I" + dir);
  flags.insert(flags.end(), options.extraFlags.begin(), options.extraFlags.end());
  return flags;
}

Result<CompiledObject> compileSharedObject(const std::string &source,
                                           const CompileOptions &options) {
  std::string dir = resolveCacheDir(options);
  if (std::error_code error = fs::create_directories(dir, /*IgnoreExisting=*/true, fs::owner_all))
    return failure("cannot create the compile cache " + dir + ": " + error.message());
  if (Status guarded = guardCacheDir(dir); !guarded)
    return Error{guarded.error()};
  Result<std::string> compiler = findCompiler(options);
  if (!compiler)
    return Error{compiler.error()};
  Result<std::string> version = compilerVersion(*compiler, dir);
  if (!version)
    return Error{version.error()};

  CompiledObject object;
  std::vector<std::string> flags = compileFlags(options);
  object.key = cacheKey({source, flags, *version, includeDirs(options)});
  llvm::SmallString<256> objectPath(dir), sourcePath(dir);
  llvm::sys::path::append(objectPath, object.key + ".so");
  llvm::sys::path::append(sourcePath, object.key + ".cpp");
  object.path = objectPath.str().str();
  object.cacheHit = fs::exists(objectPath);
  if (object.cacheHit)
    return object;
  if (Status written = writeAtomically(sourcePath.str().str(), source); !written)
    return Error{written.error()};
  if (Status compiled = compile(*compiler, flags, sourcePath.str().str(), object.path);
      !compiled)
    return Error{compiled.error()};
  return object;
}

} // namespace tilec::launch
