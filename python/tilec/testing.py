"""Validation in one call, as the seed kernel library's `run_jit(kernel, specs, golden_fn,
compare_fn=ratio_allclose(...))`: run a kernel on the model (or the interpreter), compute the
golden on the same inputs, compare every output under its tolerance, raise on a mismatch.

    from tilec.testing import validate, ratio_allclose
    validate("kernels-dsl/rope.tile", rope_golden, scalars={"start_pos": 896}, seed=2,
             tolerances={"y": ratio_allclose(atol=0, rtol=1/128, ratio=0.001)})

A point passes when |actual - expected| <= atol + rtol * |expected|; an output passes when at
most ratio * N points fail and it holds no NaN/Inf (the rule of tile-run --compare, computed by
the same code). Usable from pytest: a mismatch raises ValidationError, an AssertionError whose
message is the comparison table."""
from dataclasses import dataclass

from .kernel import Kernel, compile

RUNNERS = ("model", "interpret")


@dataclass(frozen=True)
class Tolerance:
    atol: float = 0.0
    rtol: float = 0.0
    ratio: float = 0.0  # fraction of the points allowed to fail


def allclose(atol=0.0, rtol=0.0):
    """Every point within atol + rtol * |expected| (numpy.allclose's rule)."""
    return Tolerance(atol, rtol, 0.0)


def ratio_allclose(atol=0.0, rtol=0.0, ratio=0.0):
    """At most `ratio` of the points outside atol + rtol * |expected|."""
    return Tolerance(atol, rtol, ratio)


def exact():
    """Every point equal."""
    return Tolerance()


class ValidationError(AssertionError):
    """Some output differs from the golden beyond its tolerance; `comparisons` has the rows."""

    def __init__(self, message, comparisons):
        super().__init__(message)
        self.comparisons = comparisons


@dataclass
class Validation:
    """A passed validation: the run, the inputs it used and one comparison row per output
    (name, max_abs_error, max_rel_error, failing, total, atol, rtol, ratio, passed, problem)."""
    result: object
    inputs: dict
    comparisons: list
    table: str


def _tolerance(value):
    if isinstance(value, Tolerance):
        return value
    if isinstance(value, (tuple, list)) and 2 <= len(value) <= 3:
        return Tolerance(*map(float, value))
    return None


def validate(kernel, golden, inputs=None, scalars=None, seed=0, tolerances=None, runner="model",
             **compile_options):
    """Runs `kernel` (a tilec.Kernel, or a path/source compiled with `compile_options`) on
    `inputs` (a dict by name, the rest random from `seed` as tile-run --random makes them)
    and checks its outputs against `golden(inputs) -> {output: expected}`, where the golden
    sees every input as the kernel got it (bf16 as float32 values) and may give a bf16
    output as float32 values or uint16 bits. `tolerances`: {output: Tolerance or (atol,
    rtol[, ratio])}; an output not named gets the kernel's tolerance table, else its type's
    (integers exact, floats one bf16/f16 step or 4 f32 ulps). Returns a Validation; raises
    ValidationError when an output fails."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner '{runner}' (runners: {', '.join(RUNNERS)})")
    if not isinstance(kernel, Kernel):
        kernel = compile(kernel, **compile_options)
    tolerance_specs = {}
    for name, value in (tolerances or {}).items():
        tolerance = _tolerance(value)
        if tolerance is None:
            raise ValueError(f"tolerance of '{name}': expected a Tolerance or (atol, rtol[, "
                             f"ratio]), found {value!r}")
        tolerance_specs[name] = (tolerance.atol, tolerance.rtol, tolerance.ratio)
    unknown = sorted(set(tolerance_specs) - {p.name for p in kernel.outputs})
    if unknown:
        raise ValueError(f"tolerances name no output of '{kernel.name}': {', '.join(unknown)} "
                         f"(outputs: {', '.join(p.name for p in kernel.outputs)})")

    prepared = kernel.prepare_inputs(inputs, scalars, seed)
    run = kernel.run if runner == "model" else kernel.interpret
    result = run(prepared)
    expected = golden({name: array.copy() for name, array in prepared.items()})
    rows, table = kernel.compare(result.outputs, expected, tolerance_specs)
    if not all(row["passed"] for row in rows):
        raise ValidationError(f"kernel '{kernel.name}' on the {runner} differs from the golden:"
                              f"\n{table}", rows)
    return Validation(result, prepared, rows, table)
