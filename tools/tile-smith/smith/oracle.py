"""The differential oracle: tilec accepts or rejects properly, and accepted kernels agree.

For one module and one target:
 1. tilec (fused and unfused) on the file. A rejection names a line: its kernel
    is counted under the limit's reason (tools.LIMITS) and dropped, and tilec
    runs again; a crash, internal error or unexplained rejection is a finding.
 2. Every kernel left runs on the same inputs in the reference interpreter and
    on the CPU model, fused and unfused. Each output of each pair of the three
    must agree within the bound analysis.py derives for it (0: bit for bit).
 3. A kernel with a matmul also runs fused with every matmul that can pair
    with its consumer paired (--pair-cube-vector --pair-always: the shapes
    here are too small for pairing to pay, and it would not happen otherwise),
    and every other matmul's work items in weight streaming's order, column by
    column (--stream-weights=always, for the same reason). Both keep the
    numerics, so its outputs must equal the fused ones bit for bit.
 4. With a pto-isa checkout (pto_isa.py), the module's C++ is built against
    pto-isa's headers and each kernel runs on its CPU simulator; its outputs
    must agree with the fused model's within the analysis' bound (another
    correct implementation: its sums, transcendentals and some casts round
    differently, analysis.cast). A kernel needing what the simulator lacks
    (pto_isa.SIMULATOR_GAPS) is skipped there.
The unfused lowering also launches matmuls of the same A apart (--join-matmuls=false), so
fused against unfused checks the joined launches.
"""
import copy
import os
import re
import shutil
from dataclasses import dataclass, field

import numpy as np

from .check import analyze
from .tools import Verdict
from .tree import COMMON_FILE, RUNTIME_DIM, common_text, expressions, render_module, statements

MODES = ("interpret", "fused", "unfused")
# Pairs of modes compared within the analysis' bound, and pairs that must match bit for bit.
BOUNDED_PAIRS = (("interpret", "fused"), ("interpret", "unfused"), ("fused", "unfused"),
                 ("fused", "pto-isa"))
EXACT_PAIRS = (("fused", "paired"),)


@dataclass
class Finding:
    kind: str           # crash, internal-error, mismatch, ...
    target: str
    kernel: object      # the tree.Kernel that shows it
    message: str
    signature: tuple = ()


@dataclass
class ModuleResult:
    generated: int = 0
    accepted: int = 0
    rejected: dict = field(default_factory=dict)   # reason -> count
    findings: list = field(default_factory=list)
    # Outputs compared: bit for bit (bound 0), within a bound under a tenth of their
    # largest magnitude, and within a looser bound (a weak check).
    exact: int = 0
    bounded: int = 0
    loose: int = 0
    # Kernels given a run-time dim: accepted and run with it, and dropped back to constant rows
    # because the language rejects the dim where the generator put it (demote()).
    runtime_dim: int = 0
    demoted: int = 0
    # Kernels with a matmul run paired, and those of them in which a mixed launch ran.
    paired_runs: int = 0
    paired: int = 0
    # Kernels whose fused run launched joined matmuls.
    joined: int = 0
    # Kernels run on pto-isa's simulator (with a checkout), and those it cannot build
    # (pto_isa.SIMULATOR_GAPS).
    pto_isa: int = 0
    pto_isa_gaps: int = 0


def has_matmul(kernel):
    return any(e.op == "matmul" for _, e in expressions(kernel))


def bf16_to_f32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def f32_to_bf16_bits(values):
    bits = values.astype(np.float32).view(np.uint32)
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)


def write_inputs(kernel, directory, seed):
    """Seeded inputs by the generator's distributions (see check.INPUT_RANGE)."""
    os.makedirs(directory, exist_ok=True)
    for index, p in enumerate(kernel.params):
        if p.out:
            continue
        rng = np.random.default_rng([seed, index])
        path = os.path.join(directory, p.name + ".npy")
        # A run-time dim's tensors have its value's rows (tile-run reads the value from them).
        shape = (kernel.runtime_dim[1],) + p.shape[1:] if p.rows_dim else p.shape
        if p.shape is None:
            np.save(path, np.array(p.value, dtype=np.float32 if p.dtype == "f32" else np.int32))
        elif p.kind == "index":
            np.save(path, rng.integers(0, p.bound, size=shape, dtype=np.int32))
        elif p.dtype in ("i8", "i32"):
            np.save(path, rng.integers(-127, 128, size=shape).astype(np.int8 if p.dtype == "i8" else np.int32))
        else:
            values = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
            if p.dtype == "bf16":
                np.save(path, f32_to_bf16_bits(values))
            else:
                np.save(path, values.astype(np.float16 if p.dtype == "f16" else np.float32))


def load_output(path, dtype):
    data = np.load(path)
    if dtype == "bf16":
        return bf16_to_f32(data).astype(np.float64)
    return data.astype(np.float64)


def load_outputs(directory, bounds):
    """A run's outputs (those `bounds` names) by name, as float64."""
    return {name: load_output(os.path.join(directory, name + ".npy"), info.dtype)
            for name, info in bounds.items()}


def compare(a, b, bound):
    """None when a and b agree within bound (0: equal), else a description."""
    if a.shape != b.shape:
        return f"shapes {a.shape} and {b.shape}"
    finite = np.isfinite(a) & np.isfinite(b)
    same_special = (~np.isfinite(a)) & (~np.isfinite(b)) & ((a == b) | (np.isnan(a) & np.isnan(b)))
    diff = np.where(finite, np.abs(a - b), np.where(same_special, 0.0, np.inf))
    bad = diff > bound
    if not bad.any():
        return None
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return (f"{int(bad.sum())} / {bad.size} points differ by more than {bound:.3g} "
            f"(max {float(diff.max()):.4g}); first at {list(first)}: {a[first]!r} vs {b[first]!r}")


def kernel_lines(text, kernels):
    """(first line, kernel) of each kernel in the rendered module."""
    starts, names = [], {k.name: k for k in kernels}
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("kernel "):
            starts.append((number, names[line[len("kernel "):].split("(")[0]]))
    return starts


def kernel_at(text, kernels, line):
    owner = None
    for start, kernel in kernel_lines(text, kernels):
        if start <= line:
            owner = kernel
    return owner


# The frontend's errors for a run-time dim where the language does not allow one
# (docs/language.md, "Run-time dims").
RUNTIME_DIM_RULES = re.compile(r"run-time (dim|rows)")


def rejects_runtime_dim(verdict):
    """Whether tilec rejected a kernel for where its run-time dim is used."""
    return verdict.kind != "accepted" and verdict.reason not in ("crash", "hang") and \
        bool(RUNTIME_DIM_RULES.search(verdict.message))


def demote(kernel):
    """The kernel with constant rows where it had its run-time dim."""
    constant = copy.deepcopy(kernel)
    constant.runtime_dim = None
    for p in constant.params:
        p.rows_dim = False
    for _, s in statements(constant.body):
        s.attrs.pop("rows_dim", None)
    for _, e in expressions(constant):
        e.attrs.pop("rows_dim", None)
    return constant


class Oracle:
    def __init__(self, tools, workdir, pto_isa=None):
        self.tools = tools
        self.workdir = workdir
        self.pto_isa = pto_isa  # a pto_isa.PtoIsa, or None

    def compile_all(self, kernels, target, result, path):
        """The kernels tilec accepts (fused and unfused), after counting rejections and findings."""
        kernels = list(kernels)
        while kernels:
            text = render_module(kernels)
            with open(path, "w") as f:
                f.write(text)
            verdict = self.tools.compile(path, target, fuse=True)
            if verdict.kind == "accepted":
                verdict = self.tools.compile(path, target, fuse=False)
                if verdict.kind == "rejected":
                    verdict.reason = "unfused:" + verdict.reason
            if verdict.kind == "accepted":
                return kernels
            culprit = kernel_at(text, kernels, verdict.line) if verdict.line else None
            if culprit is None:
                culprit = self.isolate(kernels, target, path)
            if culprit.runtime_dim and rejects_runtime_dim(verdict):
                kernels[kernels.index(culprit)] = demote(culprit)
                result.demoted += 1
                continue
            if verdict.kind == "rejected":
                result.rejected[verdict.reason] = result.rejected.get(verdict.reason, 0) + 1
            else:
                result.findings.append(Finding(verdict.reason, target, culprit, verdict.message,
                                               verdict.signature()))
            kernels.remove(culprit)
        return kernels

    def isolate(self, kernels, target, path):
        """The first kernel that fails alone (for unlocated failures)."""
        for kernel in kernels:
            with open(path, "w") as f:
                f.write(render_module([kernel]))
            if self.tools.compile(path, target).kind != "accepted" or \
                    self.tools.compile(path, target, fuse=False).kind != "accepted":
                return kernel
        return kernels[0]

    def run_module(self, kernels, target, seed, tag):
        result = ModuleResult(generated=len(kernels))
        directory = os.path.join(self.workdir, tag)
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        with open(os.path.join(directory, COMMON_FILE), "w") as f:
            f.write(common_text())
        path = os.path.join(directory, "module.tile")
        accepted = self.compile_all(kernels, target, result, path)
        result.accepted = len(accepted)
        result.runtime_dim = sum(1 for kernel in accepted if kernel.runtime_dim)
        builds = self.build_pto_isa(accepted, target, path, directory, result) if self.pto_isa else {}
        for kernel in accepted:
            finding = self.check_kernel(path, kernel, target, seed, directory, result,
                                        builds.get(kernel.name))
            if finding:
                result.findings.append(finding)
                continue
            for info in analyze(kernel).values():
                if info.err == 0:
                    result.exact += 1
                elif info.err < 0.1 * info.mag:
                    result.bounded += 1
                else:
                    result.loose += 1
        shutil.rmtree(directory, ignore_errors=True)
        return result

    def build_pto_isa(self, kernels, target, path, directory, result):
        """(module path, object) by kernel name, for the kernels whose C++ pto-isa's headers build:
        the module's at once, else each kernel's alone; a kernel whose build fails is a finding."""
        obj = os.path.join(directory, "module.so")
        if kernels and self.pto_isa.build(path, target, obj).kind == "accepted":
            return {kernel.name: (path, obj) for kernel in kernels}
        builds = {}
        for kernel in kernels:
            alone = os.path.join(directory, f"{kernel.name}.tile")
            with open(alone, "w") as f:
                f.write(render_module([kernel]))
            verdict = self.pto_isa.build(alone, target, alone + ".so")
            if verdict.kind == "accepted":
                builds[kernel.name] = (alone, alone + ".so")
            elif verdict.kind == "rejected":
                result.pto_isa_gaps += 1
            else:
                result.findings.append(Finding(verdict.reason, target, kernel, verdict.message,
                                               verdict.signature()))
        return builds

    def check_kernel(self, path, kernel, target, seed, directory, result, pto_build=None):
        bounds = analyze(kernel)
        inputs = os.path.join(directory, kernel.name + "-in")
        write_inputs(kernel, inputs, seed)
        outputs = {}
        # Every run at the generator's value of the run-time dim, also where no input counts it.
        dims = {RUNTIME_DIM: kernel.runtime_dim[1]} if kernel.runtime_dim else {}
        modes = MODES + (("paired",) if has_matmul(kernel) else ())
        for mode in modes:
            out = os.path.join(directory, f"{kernel.name}-{mode}")
            verdict: Verdict = self.tools.execute(path, kernel.name, inputs, out, mode, target, dims)
            if verdict.kind != "accepted":
                return Finding(verdict.reason, target, kernel, verdict.message,
                               ("finding", verdict.reason, verdict.message[:60]))
            if mode == "paired":
                result.paired_runs += 1
                result.paired += verdict.mixed
            if mode == "fused":
                result.joined += verdict.joined
            outputs[mode] = load_outputs(out, bounds)
        if pto_build:
            out = os.path.join(directory, f"{kernel.name}-pto-isa")
            # pto-isa-run takes a run-time dim's value as a scalar input too.
            for name, value in dims.items():
                np.save(os.path.join(inputs, name + ".npy"), np.int32(value))
            module, obj = pto_build
            verdict = self.pto_isa.run(module, kernel.name, obj, inputs, out, dims)
            if verdict.kind != "accepted":
                return Finding(verdict.reason, target, kernel, verdict.message, verdict.signature())
            result.pto_isa += 1
            outputs["pto-isa"] = load_outputs(out, bounds)
        # pto-isa's simulator rounds some casts its own way (analysis.cast).
        pto_bounds = analyze(kernel, simulator_casts=True) if "pto-isa" in outputs else {}
        for name, info in bounds.items():
            for (a, b), bound in [(pair, pto_bounds[name].err if pair[1] == "pto-isa" else info.err)
                                  for pair in BOUNDED_PAIRS if pair[1] in outputs] + \
                                 [(pair, 0) for pair in EXACT_PAIRS if pair[1] in outputs]:
                problem = compare(outputs[a][name], outputs[b][name], bound)
                if problem:
                    return Finding("mismatch", target, kernel, f"output {name} ({info.dtype}): {a} vs {b}: {problem}",
                                   ("finding", "mismatch", f"{a}-{b}"))
        return None

    def still_fails(self, kernel, target, signature, seed, tag):
        """The reducer's predicate: does `kernel` alone show a finding with this signature?"""
        result = self.run_module([kernel], target, seed, tag)
        return any(f.signature == signature for f in result.findings)
