"""lit's format for test/Conformance (see lit.local.cfg): one test per kernel in kernels-dsl/
and in this folder's kernels/ (kernels reduced from conformance findings), target (a2a3, a5) and lowering (fused, unfused), named e.g. Conformance/rmsnorm-a5-unfused,
plus Conformance/bf16-is-bf16; each runs conformance.py. Without a pto-isa checkout
(config.pto_isa_dir, from -DTILEC_PTO_ISA_DIR) those are UNSUPPORTED and say why.
Conformance/compare-selftest (compare_selftest.py) checks the comparison and always runs.

A module rather than code in lit.local.cfg so that lit's worker processes can unpickle it."""
import os
import re
import subprocess

import lit.Test
import lit.formats

HERE = os.path.dirname(os.path.abspath(__file__))
# The comparison's own test; it needs no pto-isa, so it always runs.
SELFTEST = "compare-selftest"


def kernel_files(kernels_dir):
    """Every .tile under kernels_dir that defines a kernel (not the imported configs)."""
    for root, _, files in sorted(os.walk(kernels_dir)):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".tile"):
                with open(path) as source:
                    if re.search(r"^kernel\s", source.read(), re.M):
                        yield path


def kernels_of(path):
    """(test name, conformance.py's kernel arguments) per kernel of the file: a file of one
    kernel is named after the file; each kernel of a file of several after the kernel."""
    with open(path) as source:
        names = re.findall(r"^kernel\s+(\w+)", source.read(), re.M)
    if len(names) == 1:
        return [(os.path.splitext(os.path.basename(path))[0], [path])]
    return [(name, [path, "--kernel", name]) for name in names]


def test_arguments(src_root):
    """conformance.py's arguments by test name."""
    arguments = {"bf16-is-bf16": ["--bf16-check"]}
    kernels_dirs = (os.path.join(src_root, "kernels-dsl"), os.path.join(HERE, "kernels"))
    for path in (path for directory in kernels_dirs for path in kernel_files(directory)):
        for kernel, kernel_args in kernels_of(path):
            for target in ("a2a3", "a5"):
                arguments[f"{kernel}-{target}-fused"] = kernel_args + ["--target", target]
                arguments[f"{kernel}-{target}-unfused"] = kernel_args + ["--target", target,
                                                                         "--unfused"]
    return arguments


class ConformanceFormat(lit.formats.base.TestFormat):
    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        if path_in_suite != ("Conformance",):
            return  # include/ holds headers, no tests
        for name in sorted([SELFTEST, *test_arguments(localConfig.tilec_src_root)]):
            yield lit.Test.Test(testSuite, path_in_suite + (name,), localConfig)

    def execute(self, test, litConfig):
        config = test.config
        if test.path_in_suite[-1] == SELFTEST:
            return self.run([config.python_executable, os.path.join(HERE, "compare_selftest.py")])
        if not config.pto_isa_dir:
            return (lit.Test.UNSUPPORTED,
                    "the pto-isa conformance test needs a pto-isa checkout: configure with "
                    "-DTILEC_PTO_ISA_DIR=<dir holding include/pto/pto-inst.hpp>")
        command = [config.python_executable, os.path.join(HERE, "conformance.py"),
                   *test_arguments(config.tilec_src_root)[test.path_in_suite[-1]],
                   "--work", test.getExecPath() + ".tmp", "--tools", config.tilec_tools_dir,
                   "--src-root", config.tilec_src_root, "--pto-isa", config.pto_isa_dir,
                   "--cxx", config.pto_isa_cxx]
        return self.run(command)

    @staticmethod
    def run(command):
        result = subprocess.run(command, capture_output=True, text=True)
        return (lit.Test.PASS if result.returncode == 0 else lit.Test.FAIL,
                result.stdout + result.stderr)
