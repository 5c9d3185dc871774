#!/usr/bin/env python3
"""Compiles sources with the build's own commands (compile_commands.json) after adding, to each
of LLVM's and MLIR's include directories, the C++ library headers that libc++abi-22-dev and
libc++-22-dev install there (cxxabi.h, __cxxabi_config.h, c++/v1), each made to stop the compile
with an #error. The build passes those directories to the compiler after its own headers, so
the commands must still compile; a build that put them first (-I, -isystem) fails here.

  check_include_order.py BUILD_DIR "DIR;DIR..." SOURCE_SUFFIX...

Each directory is replaced by a view in a temporary directory (links to its entries plus the
stopping headers), so nothing outside the temporary directory changes. Prints one line per
source: "compiles: SOURCE" or "shadowed: SOURCE" and the compiler's output; exit 1 on any."""
import json
import os
import shlex
import subprocess
import sys
import tempfile

STOPPERS = ("cxxabi.h", "__cxxabi_config.h", os.path.join("c++", "v1", "cxxabi.h"))


def view_of(directory, view):
    """`view` holding links to `directory`'s entries and the stopping headers."""
    os.makedirs(view)
    for name in os.listdir(directory):
        if name not in ("cxxabi.h", "__cxxabi_config.h", "c++"):
            os.symlink(os.path.join(directory, name), os.path.join(view, name))
    for header in STOPPERS:
        path = os.path.join(view, header)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(f'#error "{header} came from LLVM\'s include directory, not the C++ library"\n')


def redirected(arg, views):
    """`arg` naming a view instead of its directory (alone, or after a flag as in -I/dir)."""
    for directory, view in views.items():
        if arg == directory or (arg.startswith("-") and arg.endswith(directory)):
            return arg[: len(arg) - len(directory)] + view
    return arg


def main():
    build, directories, suffixes = sys.argv[1], sys.argv[2].split(";"), sys.argv[3:]
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    failed = False
    with tempfile.TemporaryDirectory(prefix="include-order-") as work:
        views = {}
        for directory in dict.fromkeys(d for d in directories if d):
            views[directory] = os.path.join(work, f"include{len(views)}")
            view_of(directory, views[directory])
        for suffix in suffixes:
            entry = next((e for e in commands if e["file"].endswith(suffix)), None)
            if entry is None:
                sys.exit(f"no compile command for a source ending in {suffix}")
            args = [redirected(arg, views) for arg in shlex.split(entry["command"])]
            if args == shlex.split(entry["command"]):
                sys.exit(f"the command of {suffix} names none of {', '.join(views)}")
            args.append("-fsyntax-only")
            result = subprocess.run(args, cwd=entry["directory"], capture_output=True, text=True)
            if result.returncode == 0:
                print(f"compiles: {suffix}")
            else:
                failed = True
                print(f"shadowed: {suffix}\n{result.stderr}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
