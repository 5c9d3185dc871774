#include "runtime/launch/CacheKey.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <set>

namespace tilec::launch {
namespace {

/// The targets of the `#include "..."` and `#include <...>` lines of `text`.
std::vector<std::string> includeLines(llvm::StringRef text) {
  std::vector<std::string> paths;
  llvm::SmallVector<llvm::StringRef> lines;
  text.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    line = line.ltrim();
    if (!line.consume_front("#"))
      continue;
    line = line.ltrim();
    if (!line.consume_front("include"))
      continue;
    line = line.ltrim();
    char close = line.consume_front("\"") ? '"' : line.consume_front("<") ? '>' : '\0';
    if (close == '\0')
      continue;
    paths.push_back(line.take_until([&](char c) { return c == close; }).str());
  }
  return paths;
}

/// Adds `text`'s includes (and theirs) found under one of `dirs` to `seen`.
void collectIncludes(llvm::StringRef text, const std::vector<std::string> &dirs,
                     std::set<std::string> &seen) {
  for (const std::string &include : includeLines(text)) {
    for (const std::string &dir : dirs) {
      llvm::SmallString<256> path(dir);
      llvm::sys::path::append(path, include);
      auto buffer = llvm::MemoryBuffer::getFile(path);
      if (!buffer)
        continue;
      if (seen.insert(path.str().str()).second)
        collectIncludes((*buffer)->getBuffer(), dirs, seen);
      break;
    }
    // Found in no directory: the compiler's own search paths.
  }
}

void hashField(llvm::SHA256 &hash, llvm::StringRef field) {
  // Length-prefixed, so no two field lists hash the same bytes.
  hash.update(std::to_string(field.size()) + ":");
  hash.update(field);
}

} // namespace

std::vector<std::string> includedFiles(const std::string &source,
                                       const std::vector<std::string> &includeDirs) {
  std::set<std::string> seen;
  collectIncludes(source, includeDirs, seen);
  return std::vector<std::string>(seen.begin(), seen.end());
}

std::string cacheKey(const CacheKeyInputs &inputs) {
  llvm::SHA256 hash;
  hashField(hash, inputs.source);
  for (const std::string &flag : inputs.flags)
    hashField(hash, flag);
  hashField(hash, inputs.compilerVersion);
  for (const std::string &path : includedFiles(inputs.source, inputs.includeDirs)) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    hashField(hash, path);
    hashField(hash, buffer ? (*buffer)->getBuffer() : llvm::StringRef());
  }
  return llvm::toHex(hash.final(), /*LowerCase=*/true);
}

} // namespace tilec::launch
