"""tilec from Python: compile `.tile` kernels, run them on the CPU model of the Ascend AI Core
or on the reference interpreter, and validate them against goldens (docs/python.md).

    import tilec
    kernel = tilec.compile("kernels-dsl/rmsnorm.tile")
    result = kernel.run(seed=1)              # seeded random inputs, as tile-run --random 1
    result.outputs["y"], result.modeled_us, result.roofline

bf16 tensors go in as float32 values (rounded to nearest even) or uint16 bit patterns, and come
out as float32 values (exact); see tilec.bf16_values and tilec.bf16_bits."""
from .bf16 import bf16_bits, bf16_values
from .errors import CompileError, Error, InputError, RunError
from .kernel import STAGES, TARGETS, Kernel, Param, RunResult, compile
from . import testing  # noqa: E402 (after kernel, which it uses)

__all__ = ["compile", "Kernel", "Param", "RunResult", "Error", "CompileError", "RunError",
           "InputError", "bf16_bits", "bf16_values", "STAGES", "TARGETS", "testing"]
