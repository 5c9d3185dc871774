"""lit's format for test/Conformance (see lit.local.cfg): one test per kernel in kernels-dsl/
and in this folder's kernels/ (kernels reduced from conformance findings), target (a2a3, a5) and lowering (fused, unfused), named e.g. Conformance/rmsnorm-a5-unfused;
one per kernel of PAIRED_KERNELS (the pairing tests', whose mixed launches the default lowering
makes) on a2a3, named e.g. Conformance/pair-cube-vector-a2a3-paired, and of PAIRED_A5_KERNELS on
a5 (a ring in UB); one per kernel of
UNPAIRED_KERNELS compiled with --pair-cube-vector=false on a2a3, named e.g.
Conformance/prefill_qkv_rope-a2a3-unpaired; those of LARGE_DIM_CASES (the flagship at
T = 1024) and STREAMED_CASES (work items column by column, e.g. Conformance/wide-a2a3-streamed),
and HAND_WRITTEN_CASES (hand-written mixed launches, e.g. Conformance/mixed-launch-ub-a5); plus
Conformance/bf16-is-bf16; each runs conformance.py. Conformance/smith-pto-isa runs
a small tile-smith campaign with its pto-isa oracle. Without a pto-isa checkout
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
# A small tile-smith campaign whose oracle also builds each module against pto-isa's headers and
# runs its kernels on the simulator (docs/testing.md, "On pto-isa's simulator").
SMITH = "smith-pto-isa"
SMITH_MODULES = 4


def kernel_files(kernels_dir):
    """Every .tile under kernels_dir that defines a kernel (not the imported configs)."""
    for root, _, files in sorted(os.walk(kernels_dir)):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".tile"):
                with open(path) as source:
                    if re.search(r"^kernel\s", source.read(), re.M):
                        yield path


# A run-time dim runs below its bound, where the last chunk of token rows is partial: at 77, or
# one less than a smaller literal bound.
RUNTIME_DIM_VALUE = 77


def runtime_dim_values(header):
    """conformance.py's --set arguments for the run-time dims (`dim T <= BOUND`) of a kernel
    header."""
    values = []
    for name, bound in re.findall(r"\bdim\s+(\w+)\s*<=\s*(\w+)", header):
        value = min(RUNTIME_DIM_VALUE, int(bound) - 1) if bound.isdigit() else RUNTIME_DIM_VALUE
        values += ["--set", f"{name}={max(value, 1)}"]
    return values


def kernels_of(path):
    """(test name, conformance.py's kernel arguments) per kernel of the file: a file of one
    kernel is named after the file; each kernel of a file of several after the kernel."""
    with open(path) as source:
        kernels = re.findall(r"^kernel\s+(\w+)\s*\(([^)]*)\)", source.read(), re.M)
    if len(kernels) == 1:
        name, header = kernels[0]
        return [(os.path.splitext(os.path.basename(path))[0], [path, *runtime_dim_values(header)])]
    return [(name, [path, "--kernel", name, *runtime_dim_values(header)])
            for name, header in kernels]


# From the source root: the pairing tests' kernels, which tilec turns into mixed launches
# (docs/design.md, "Cube -> vector pairing" and "Vector -> cube pairing"), and the kernels of kernels-dsl/ that pair by default,
# whose fused cases run paired, so their unpaired C++ runs here.
PAIRED_KERNELS = ("test/Conversion/pair-cube-vector.tile",
                  "test/Conversion/Inputs/pair-cube-vector-whole.tile",
                  "test/Conversion/pair-cube-vector-runtime-rows.tile",
                  "test/Conversion/pair-vector-cube.tile",
                  "test/Conversion/Inputs/pair-vector-cube-quant.tile")
# Of those, the one whose a5 pairing puts the ring in the AIVs' UB (pto-isa's own TPipe on a5),
# and the vector -> cube one (a GM ring on a5 too: a5's UB -> L1 ring is not built).
PAIRED_A5_KERNELS = ("test/Conversion/pair-cube-vector.tile", "test/Conversion/pair-vector-cube.tile")
UNPAIRED_KERNELS = ("kernels-dsl/deepseek_v4/prefill_qkv_rope.tile",
                    "kernels-dsl/deepseek_v4/decode_qkv_rope.tile")

# Cases at a larger value of a run-time dim (test name: source, --set), for what T = 77 never
# reaches: at T = 1024 the order differences first move a row's quantisation scale (row 864 at
# seed 1), which conformance.py's DEEPSEEK_BOUNDS allow for.
LARGE_DIM_CASES = {"prefill_qkv_rope-a2a3-fused-T1024":
                   ("kernels-dsl/deepseek_v4/prefill_qkv_rope.tile", "T=1024")}

# Weight streaming's order on the simulator (--stream-weights=always; docs/design.md, "Weight
# streaming"): the kernels of its test, joined matmuls at T = 300 (three row blocks, the last
# partial) and a static matmul of four row blocks (test name: conformance.py's arguments).
STREAMED_CASES = {"joined-a2a3-streamed": ["--kernel", "joined", "--set", "T=300"],
                  "wide-a2a3-streamed": ["--kernel", "wide"]}
STREAMED_SOURCE = "test/Runtime/stream-weights.tile"


# Hand-written ascend-level mixed launches (test/Target/Inputs), each run with the kernel that
# gives its meaning (test/Runtime/Inputs): cube -> vector through a ring of GM slots on a2a3 and
# a ring in the AIVs' UB on a5 (pto-isa's own TPipe, TPUSH and TPOP on the simulator), and
# vector -> cube through GM slots on a2a3.
HAND_WRITTEN_CASES = {
    "mixed-launch-a2a3": ("test/Target/Inputs/mixed-launch.mlir", "a2a3", "mixed-launch.tile"),
    "mixed-launch-ub-a5": ("test/Target/Inputs/mixed-launch-ub.mlir", "a5", "mixed-launch.tile"),
    "mixed-launch-v2c-a2a3": ("test/Target/Inputs/mixed-launch-v2c.mlir", "a2a3",
                              "mixed-launch-v2c.tile"),
}


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
    for path in PAIRED_KERNELS:
        for kernel, kernel_args in kernels_of(os.path.join(src_root, path)):
            arguments[f"{kernel}-a2a3-paired"] = kernel_args + ["--target", "a2a3", "--expect-mixed"]
    for path in PAIRED_A5_KERNELS:
        for kernel, kernel_args in kernels_of(os.path.join(src_root, path)):
            arguments[f"{kernel}-a5-paired"] = kernel_args + ["--target", "a5", "--expect-mixed"]
    for path in UNPAIRED_KERNELS:
        for kernel, kernel_args in kernels_of(os.path.join(src_root, path)):
            arguments[f"{kernel}-a2a3-unpaired"] = kernel_args + ["--target", "a2a3", "--unpaired"]
    for name, (path, value) in LARGE_DIM_CASES.items():
        arguments[name] = [os.path.join(src_root, path), "--set", value, "--target", "a2a3"]
    for name, kernel_args in STREAMED_CASES.items():
        arguments[name] = [os.path.join(src_root, STREAMED_SOURCE), *kernel_args, "--target", "a2a3",
                           "--stream-weights"]
    for name, (module, target, meaning) in HAND_WRITTEN_CASES.items():
        arguments[name] = [os.path.join(src_root, "test/Runtime/Inputs", meaning), "--target",
                           target, "--ascend", os.path.join(src_root, module)]
    return arguments


class ConformanceFormat(lit.formats.base.TestFormat):
    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        if path_in_suite != ("Conformance",):
            return  # include/ holds headers, no tests
        for name in sorted([SELFTEST, SMITH, *test_arguments(localConfig.tilec_src_root)]):
            yield lit.Test.Test(testSuite, path_in_suite + (name,), localConfig)

    def execute(self, test, litConfig):
        config = test.config
        if test.path_in_suite[-1] == SELFTEST:
            return self.run([config.python_executable, os.path.join(HERE, "compare_selftest.py")])
        if not config.pto_isa_dir:
            return (lit.Test.UNSUPPORTED,
                    "the pto-isa conformance test needs a pto-isa checkout: configure with "
                    "-DTILEC_PTO_ISA_DIR=<dir holding include/pto/pto-inst.hpp>")
        if test.path_in_suite[-1] == SMITH:
            return self.run_smith(config, test.getExecPath() + ".findings")
        command = [config.python_executable, os.path.join(HERE, "conformance.py"),
                   *test_arguments(config.tilec_src_root)[test.path_in_suite[-1]],
                   "--work", test.getExecPath() + ".tmp", "--tools", config.tilec_tools_dir,
                   "--src-root", config.tilec_src_root, "--pto-isa", config.pto_isa_dir,
                   "--cxx", config.pto_isa_cxx]
        return self.run(command)

    def run_smith(self, config, findings):
        """The campaign must end without findings, having run kernels on the simulator."""
        smith = os.path.join(config.tilec_src_root, "tools", "tile-smith", "tile-smith.py")
        status, output = self.run([config.python_executable, smith, "--bin-dir", config.tilec_tools_dir,
                                   "--fast-host", "--pto-isa", config.pto_isa_dir,
                                   "--pto-isa-cxx", config.pto_isa_cxx, "campaign",
                                   "--modules", str(SMITH_MODULES), "--seed", "1", "--findings", findings,
                                   "--reduce-seconds", "60"])
        ran = re.search(r"^  pto-isa +(\d+) built", output, re.M)
        if status == lit.Test.PASS and not (ran and int(ran[1]) > 0):
            return lit.Test.FAIL, output + "\nno kernel ran on pto-isa's simulator"
        return status, output

    @staticmethod
    def run(command):
        result = subprocess.run(command, capture_output=True, text=True)
        return (lit.Test.PASS if result.returncode == 0 else lit.Test.FAIL,
                result.stdout + result.stderr)
