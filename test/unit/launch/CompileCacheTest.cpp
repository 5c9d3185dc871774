// The compile cache: misses compile, hits skip the compiler, and the key
// follows everything that decides the shared object's bytes.
#include "test/unit/launch/LaunchTestSupport.h"

#include "runtime/launch/CacheKey.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <set>

namespace tilec::launch::testing {
namespace {

const char *const kProbeSource = "extern \"C\" int tilec_probe() { return 7; }\n";

std::set<std::string> filesIn(const std::string &dir) {
  std::set<std::string> names;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(dir, error), end; it != end && !error;
       it.increment(error))
    names.insert(llvm::sys::path::filename(it->path()).str());
  return names;
}

void writeFile(const std::string &path, const std::string &text) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  ASSERT_FALSE(error) << error.message();
  os << text;
}

TEST(CompileCacheTest, TheSecondCompileOfASourceIsAHit) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path();
  Result<CompiledObject> cold = compileSharedObject(kProbeSource, options);
  ASSERT_TRUE(bool(cold)) << cold.error();
  EXPECT_FALSE(cold->cacheHit);
  EXPECT_EQ(cold->key.size(), 64u);
  EXPECT_EQ(cold->path, dir.path() + "/" + cold->key + ".so");

  Result<CompiledObject> warm = compileSharedObject(kProbeSource, options);
  ASSERT_TRUE(bool(warm)) << warm.error();
  EXPECT_TRUE(warm->cacheHit);
  EXPECT_EQ(warm->path, cold->path);
  // The object and its source, and no temporary left behind.
  EXPECT_EQ(filesIn(dir.path()), (std::set<std::string>{cold->key + ".so", cold->key + ".cpp"}));
}

TEST(CompileCacheTest, TheKeyFollowsSourceFlagsAndCompiler) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path();
  Result<CompiledObject> base = compileSharedObject(kProbeSource, options);
  ASSERT_TRUE(bool(base)) << base.error();

  Result<CompiledObject> edited = compileSharedObject(std::string(kProbeSource) + "\n", options);
  ASSERT_TRUE(bool(edited)) << edited.error();
  EXPECT_FALSE(edited->cacheHit);
  EXPECT_NE(edited->key, base->key);

  options.extraFlags = {"-DTILEC_PROBE=1"};
  Result<CompiledObject> flagged = compileSharedObject(kProbeSource, options);
  ASSERT_TRUE(bool(flagged)) << flagged.error();
  EXPECT_FALSE(flagged->cacheHit);
  EXPECT_NE(flagged->key, base->key);

  CacheKeyInputs inputs{kProbeSource, compileFlags({}), "g++ 1.0", {dir.path()}};
  std::string key = cacheKey(inputs);
  inputs.compilerVersion = "g++ 1.1";
  EXPECT_NE(cacheKey(inputs), key);
}

TEST(CompileCacheTest, TheKeyCoversRepositoryHeadersTransitively) {
  TempDir root;
  writeFile(root.path() + "/a.h", "#include \"b.h\"\n#include <vector>\n");
  writeFile(root.path() + "/b.h", "int b();\n");
  const std::string source = "  #  include \"a.h\"\n#include \"absent.h\"\n";
  EXPECT_EQ(includedFiles(source, {root.path()}),
            (std::vector<std::string>{root.path() + "/a.h", root.path() + "/b.h"}));

  CacheKeyInputs inputs{source, {}, "g++", {root.path()}};
  std::string before = cacheKey(inputs);
  writeFile(root.path() + "/b.h", "int b(int);\n");
  EXPECT_NE(cacheKey(inputs), before);
}

// A generated file includes <pto/pto-inst.hpp> from the model's include root,
// which forwards to the repository's headers: editing those must change the
// key too. The first directory holding a path wins, as with -I.
TEST(CompileCacheTest, TheKeyFollowsAngleIncludesThroughEveryIncludeDir) {
  TempDir root, second;
  llvm::sys::fs::create_directories(second.path() + "/pto");
  writeFile(second.path() + "/pto/inst.h", "#include \"model.h\"\n");
  writeFile(root.path() + "/model.h", "int model();\n");
  writeFile(second.path() + "/model.h", "int shadowed();\n");
  const std::string source = "#include <pto/inst.h>\n#include <vector>\n";
  std::vector<std::string> included = includedFiles(source, {root.path(), second.path()});
  EXPECT_EQ(std::set<std::string>(included.begin(), included.end()),
            (std::set<std::string>{root.path() + "/model.h", second.path() + "/pto/inst.h"}));

  CacheKeyInputs inputs{source, {}, "g++", {root.path(), second.path()}};
  std::string before = cacheKey(inputs);
  writeFile(root.path() + "/model.h", "int model(int);\n");
  EXPECT_NE(cacheKey(inputs), before);
}

TEST(CompileCacheTest, CompilerErrorsNameTheKeptSource) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path();
  Result<CompiledObject> object = compileSharedObject("int broken( {\n", options);
  ASSERT_FALSE(bool(object));
  EXPECT_NE(object.error().find("the host compiler failed on " + dir.path()), std::string::npos)
      << object.error();
  EXPECT_NE(object.error().find(".cpp:1:"), std::string::npos) << object.error();
  for (const std::string &file : filesIn(dir.path()))
    EXPECT_EQ(llvm::sys::path::extension(file), ".cpp") << "left behind: " << file;
}

TEST(CompileCacheTest, TheCacheDirComesFromOptionsThenEnvironmentThenHome) {
  const char *saved = std::getenv("TILEC_CACHE_DIR");
  std::string savedValue = saved ? saved : "";
  setenv("TILEC_CACHE_DIR", "/tmp/from-env", 1);
  EXPECT_EQ(resolveCacheDir({}), "/tmp/from-env");
  CompileOptions options;
  options.cacheDir = "/tmp/from-options";
  EXPECT_EQ(resolveCacheDir(options), "/tmp/from-options");
  unsetenv("TILEC_CACHE_DIR");
  llvm::SmallString<128> home;
  ASSERT_TRUE(llvm::sys::path::home_directory(home));
  EXPECT_EQ(resolveCacheDir({}), home.str().str() + "/.cache/tilec");
  if (saved)
    setenv("TILEC_CACHE_DIR", savedValue.c_str(), 1);
}

const char *const kKernelSource =
    "namespace tilec::runtime { struct HostApi; }\n"
    "extern \"C\" void tilec_kernel_probe(tilec::runtime::HostApi *, void *const *,\n"
    "                                     const long *) {}\n";

TEST(CompileCacheTest, ACorruptCachedObjectIsRebuilt) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path();
  Result<LoadedKernel> first = loadKernel(kKernelSource, "probe", options);
  ASSERT_TRUE(bool(first)) << first.error();
  std::string path = first->object.path;
  first = Error{"released"}; // unmaps the object before it is overwritten
  writeFile(path, "\x7f" "ELF cut short by a full disk");

  Result<LoadedKernel> healed = loadKernel(kKernelSource, "probe", options);
  ASSERT_TRUE(bool(healed)) << healed.error();
  EXPECT_FALSE(healed->object.cacheHit);
  EXPECT_NE(healed->entry, nullptr);
  Result<LoadedKernel> warm = loadKernel(kKernelSource, "probe", options);
  ASSERT_TRUE(bool(warm)) << warm.error();
  EXPECT_TRUE(warm->object.cacheHit);
}

TEST(CompileCacheTest, ACacheOthersCanWriteToIsRefused) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path() + "/shared";
  ASSERT_FALSE(llvm::sys::fs::create_directory(options.cacheDir));
  ASSERT_FALSE(llvm::sys::fs::setPermissions(options.cacheDir, llvm::sys::fs::all_all));
  Result<CompiledObject> object = compileSharedObject(kProbeSource, options);
  ASSERT_FALSE(bool(object));
  EXPECT_NE(object.error().find("(mode 0777) is writable by other users"), std::string::npos)
      << object.error();
  EXPECT_NE(object.error().find("chmod 700 " + options.cacheDir), std::string::npos);
  EXPECT_TRUE(filesIn(options.cacheDir).empty()) << "nothing compiled into it";
}

TEST(CompileCacheTest, ANewCacheIsPrivate) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path() + "/new/cache";
  Result<CompiledObject> object = compileSharedObject(kProbeSource, options);
  ASSERT_TRUE(bool(object)) << object.error();
  llvm::sys::fs::file_status status;
  ASSERT_FALSE(llvm::sys::fs::status(options.cacheDir, status));
  EXPECT_EQ(status.permissions(), llvm::sys::fs::owner_all);
}

TEST(CompileCacheTest, AMissingKernelNamesItsSymbol) {
  TempDir dir;
  CompileOptions options;
  options.cacheDir = dir.path();
  Result<LoadedKernel> loaded = loadKernel(kProbeSource, "absent", options);
  ASSERT_FALSE(bool(loaded));
  EXPECT_NE(loaded.error().find("no kernel 'absent'"), std::string::npos) << loaded.error();
  EXPECT_NE(loaded.error().find("tilec_kernel_absent"), std::string::npos) << loaded.error();
}

} // namespace
} // namespace tilec::launch::testing
