"""Prints what tile-smith's --fast-host makes of host compilers: one that rejects
_Float16 (as clang before 15 does on x86) is not chosen. argv: tile-smith dir, tmp dir."""
import os
import shutil
import sys

sys.path.insert(0, sys.argv[1])
from smith.tools import compiles_model_types, fast_host  # noqa: E402

fake_dir = sys.argv[2]
os.makedirs(fake_dir, exist_ok=True)
old_clang = os.path.join(fake_dir, "clang++")
with open(old_clang, "w") as script:
    script.write("#!/bin/sh\necho \"error: _Float16 is not supported on this target\" >&2\nexit 1\n")
os.chmod(old_clang, 0o755)

print("rejecting compiler takes the types:", compiles_model_types(old_clang))
print("g++ takes the types:", compiles_model_types(shutil.which("g++")))
os.environ["PATH"] = fake_dir  # only the rejecting clang++ is on PATH
print("fast host:", fast_host())
