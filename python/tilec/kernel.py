"""tilec.compile and the Kernel it returns: parameters, C++, IR of every stage, the compile
report, and runs on the CPU model or the reference interpreter."""
import os
from dataclasses import dataclass

import numpy as np

from . import _core
from .arrays import as_parameter_array, is_torch_tensor, to_torch
from .errors import InputError

TARGETS = ("a2a3", "a5")
STAGES = ("tile", "formed", "tasks", "ascend", "cpp")  # the stages of `tilec --emit`


@dataclass(frozen=True)
class Param:
    """One kernel parameter: `direction` is "in" or "out"; scalars have shape ()."""
    name: str
    shape: tuple
    dtype: str
    direction: str
    scalar: bool


def _is_path(path_or_source):
    if isinstance(path_or_source, os.PathLike):
        return True
    text = str(path_or_source)
    return "\n" not in text and text.endswith((".tile", ".mlir"))


def compile(path_or_source, target="a2a3", fuse=True, defines=None, import_dirs=(), kernel=None,
            source_name="<source>"):
    """Compiles a .tile/.mlir file (a path, or a str ending in .tile/.mlir without a newline)
    or .tile source text, as `tilec FILE --target=TARGET --fuse=FUSE -D NAME=VALUE -I DIR`.
    `kernel` picks one of several kernels in the file. Raises tilec.CompileError (with file,
    line, col) when it does not compile, FileNotFoundError for a missing file."""
    if _is_path(path_or_source):
        path, source = os.fspath(path_or_source), ""
        if not os.path.isfile(path):
            raise FileNotFoundError(f"no such .tile/.mlir file: {path}")
    else:
        path, source = "", str(path_or_source)
    core = _core.compile(path=path, source=source, source_name=source_name, target=target,
                         fuse=fuse, defines=[(k, str(v)) for k, v in (defines or {}).items()],
                         import_dirs=[os.fspath(d) for d in import_dirs], kernel=kernel or "")
    return Kernel(core, fuse)


class RunResult:
    """The outputs of a run by name (numpy arrays, bf16 as float32; torch tensors when the
    inputs were torch tensors) and, on the model, what `tile-run --report` writes."""

    def __init__(self, outputs, report=None):
        self.outputs = outputs
        self.report = report

    def __getitem__(self, name):
        return self.outputs[name]

    def _figure(self, key):
        if self.report is None:
            raise AttributeError(f"'{key}' is measured by the model; this run interpreted")
        return self.report[key]

    @property
    def modeled_us(self):
        """The kernel's modelled time on the target, µs."""
        return self._figure("modeled_us")

    @property
    def roofline(self):
        """bound_us, bound_by (cube/vector/memory), ratio, cube_us, vector_us, memory_us."""
        return self._figure("roofline")

    @property
    def pipe_busy_us(self):
        """Busy time per pipe (S, V, M, MTE1, MTE2, MTE3, FIX) summed over cores, µs."""
        return self._figure("pipe_busy_us")

    @property
    def launches(self):
        """One dict per launch: task, core, blocks, start_us, modeled_us."""
        return self._figure("launches")


class Kernel:
    """A compiled kernel (see tilec.compile)."""

    def __init__(self, core, fuse):
        self._core = core
        self.fuse = fuse
        self.params = tuple(Param(name, tuple(shape), dtype, "out" if output else "in", scalar)
                            for name, shape, dtype, output, scalar in core.parameters)

    name = property(lambda self: self._core.name)
    target = property(lambda self: self._core.target)
    cpp = property(lambda self: self._core.cpp, doc="the C++ `tilec FILE` writes")
    inputs = property(lambda self: [p for p in self.params if p.direction == "in"])
    outputs = property(lambda self: [p for p in self.params if p.direction == "out"])

    def __repr__(self):
        return f"<tilec.Kernel {self.name} on {self.target}: {', '.join(p.name for p in self.params)}>"

    def ir(self, stage):
        """The module as `tilec --emit=STAGE` prints it; STAGE in tilec.STAGES."""
        return self._core.ir(stage)

    def report(self):
        """The `tilec --report` data: launches (task, core, blocks, runs, on_chip_bytes,
        fused_ops, chunk_rows, double_buffered, gm_read, gm_written), gm_bytes,
        unfused_gm_bytes (None when compiled unfused), parameter_bytes and matmul_macs (the
        kernel's multiply-accumulates per operand type, the work bound's cube term)."""
        return self._core.summary()

    def report_text(self):
        """The text `tilec --report` prints."""
        return self._core.report_text()

    def random_inputs(self, seed=0, scalars=None, ranges=None):
        """Inputs by name as `tile-run --random SEED` makes them: index tensors and i32 scalars
        within what the kernel's indexing allows; `scalars` fixes scalar values (--set),
        `ranges` gives {name: (lo, hi)} (--range). bf16 as float32 values."""
        sets = [f"{name}={value}" for name, value in (scalars or {}).items()]
        specs = [f"{name}={lo},{hi}" for name, (lo, hi) in (ranges or {}).items()]
        arrays = self._core.random_inputs(seed, sets, specs)
        return {p.name: a for p, a in zip(self.inputs, arrays)}

    def prepare_inputs(self, inputs=None, scalars=None, seed=None):
        """Every input by name as the kernel receives it (bf16 as float32 values, rounded):
        `inputs` by name (a dict) or the tensor inputs in order (a list), `scalars` by name
        (over `inputs`);
        inputs neither gives are random (`seed`), or an InputError names them."""
        given = {}
        if isinstance(inputs, dict):
            given.update(inputs)
        elif inputs is not None:
            tensors = [p for p in self.inputs if not p.scalar]
            if len(inputs) != len(tensors):
                raise InputError(f"{len(inputs)} inputs given, the kernel takes "
                                 f"{len(tensors)}: {', '.join(p.name for p in tensors)}")
            given.update(zip((p.name for p in tensors), inputs))
        given.update(scalars or {})
        unknown = sorted(set(given) - {p.name for p in self.inputs})
        if unknown:
            raise InputError(f"kernel '{self.name}' has no input {', '.join(unknown)} "
                             f"(inputs: {', '.join(p.name for p in self.inputs)})")
        missing = [p.name for p in self.inputs if p.name not in given]
        if missing and seed is None:
            raise InputError(f"missing inputs: {', '.join(missing)} (give them, or a seed)")
        if missing:
            scalar_sets = {p.name: given[p.name] for p in self.inputs
                           if p.scalar and p.name in given}
            given.update({name: array for name, array in
                          self.random_inputs(seed, scalars=scalar_sets).items()
                          if name in missing})
        prepared = {}
        for p in self.inputs:
            array = as_parameter_array(given[p.name], p)
            prepared[p.name] = _core.bf16_values(array) if p.dtype == "bf16" else array
        return prepared

    def _run(self, inputs, scalars, seed, execute, interpreter):
        # tile-run's check: refuse a run too large for the host before drawing anything.
        self._core.check_host_memory(interpreter)
        prepared = self.prepare_inputs(inputs, scalars, seed)
        outputs, report = execute([prepared[p.name] for p in self.inputs])
        named = dict(zip((p.name for p in self.outputs), outputs))
        if isinstance(inputs, dict) and any(map(is_torch_tensor, inputs.values())) or \
                isinstance(inputs, (list, tuple)) and any(map(is_torch_tensor, inputs)):
            named = {p.name: to_torch(named[p.name], p.dtype) for p in self.outputs}
        return RunResult(named, report)

    def run(self, inputs=None, scalars=None, seed=None, progress="auto"):
        """Runs the kernel's C++ on the CPU model of the target's AI Core (as tile-run):
        returns a RunResult with the outputs, modeled_us, roofline, pipe_busy_us and the whole
        report. `progress`: auto (on a terminal, after 2 s), always or never. Raises
        tilec.RunError when the model rejects the kernel, tilec.InputError for bad inputs."""
        return self._run(inputs, scalars, seed, lambda a: self._core.run_model(a, progress),
                         interpreter=False)

    def interpret(self, inputs=None, scalars=None, seed=None):
        """Runs the kernel on the reference interpreter of the tile dialect (tile-run
        --interpret); the RunResult has outputs only."""
        return self._run(inputs, scalars, seed, lambda a: (self._core.interpret(a), None),
                         interpreter=True)

    def compare(self, outputs, expected, tolerances=None):
        """Compares outputs with expected ones (dicts by output name; bf16 expected as float32
        values or uint16 bits) as tile-run --compare does: rows of max_abs_error,
        max_rel_error, failing, total, passed, and the table text. `tolerances`:
        {name: (atol, rtol, ratio)}; others get the kernel's table, else their type's."""
        names = [p.name for p in self.outputs]
        for what, given in (("output", outputs), ("expected output", expected)):
            missing = [n for n in names if n not in given]
            if missing:
                raise InputError(f"missing {what} {', '.join(missing)} of kernel '{self.name}'")
        def arrays(values):
            return [as_parameter_array(values[p.name], p) for p in self.outputs]
        return self._core.compare(arrays(outputs), arrays(expected), dict(tolerances or {}))
