"""The pto-isa oracle: a module's C++ compiled, unmodified, against pto-isa's CPU simulator and run.

tilec's C++ must be PTO source that pto-isa's headers accept (docs/runtime-isa.md, "Conformance
with pto-isa"). With a pto-isa checkout (`--pto-isa`), every module tilec accepts is built as
test/Conformance/conformance.py builds a kernel, and each kernel runs on the simulator
(pto-isa-run) on the inputs the model ran. A build the headers reject and a run that fails are
findings; the outputs are compared with the model's fused run within the analysis' bound.
"""
import os
import re
import sys

from .tools import Verdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "Conformance"))
import conformance  # noqa: E402  (the harness's build command)

# The first compiler diagnostic of a failed build, without its file and position.
FIRST_ERROR = re.compile(r"error: (.*)")
# Element types pto-isa's NPU headers take for an instruction but its CPU simulator does not
# build, matched on the compiler's errors: a kernel using them is skipped here, not a finding.
SIMULATOR_GAPS = [
    # TCOLMAX and TCOLSUM of i16 / i32: a2a3's TColReduceOps.hpp and TColSum.hpp and a5's
    # TColReduceOps.hpp take them; the simulator's TColMax.hpp and TColSum.hpp static_assert
    # floats (and 8-bit integers for TCOLMAX).
    re.compile(r"cpu/TCol(Max|Sum)\.hpp:\d+:\d+: error: static assertion failed due to requirement "
               r"'\(std::is_same_v<(int|short), "),
    # TCVT bf16 -> f16: a5's TCvt.hpp has it; the simulator converts floats by static_cast,
    # which clang refuses between __bf16 (the harness's bfloat16_t) and _Float16.
    re.compile(r"static_cast from '__bf16' to '_Float16' is not allowed"),
]


class PtoIsa:
    def __init__(self, tools, checkout, cxx):
        self.tools = tools
        self.checkout = checkout
        self.cxx = cxx
        self.runner = os.path.join(os.path.dirname(tools.tilec), "pto-isa-run")

    def build(self, path, target, obj):
        """Compiles the module at `path` for `target` into `obj`; a Verdict (accepted: built;
        rejected: it needs what the simulator lacks, SIMULATOR_GAPS)."""
        cpp = obj + ".cpp"
        rc, _, err, hung = self.tools.run([self.tools.tilec, path, f"--target={target}", "-o", cpp])
        if hung or rc != 0:
            return Verdict("finding", "pto-isa-build", f"tilec: {err.strip()[:300]}")
        command = conformance.compile_command(self.cxx, target, self.checkout, ROOT,
                                              ["-fPIC", "-shared", cpp, "-o", obj])
        rc, _, err, hung = self.tools.run(command)
        if hung:
            return Verdict("finding", "hang", "the pto-isa build timed out")
        if rc != 0:
            first = FIRST_ERROR.search(err)
            message = first[1] if first else err.strip()[-300:]
            if any(gap.search(err) for gap in SIMULATOR_GAPS):
                return Verdict("rejected", "simulator-gap", message[:300])
            return Verdict("finding", "pto-isa-build", message[:300])
        return Verdict("accepted")

    def run(self, path, kernel, obj, inputs, outputs, dims):
        """pto-isa-run of `kernel` on `inputs` (dims: run-time dim values by name); a Verdict."""
        rc, _, err, hung = self.tools.run([self.runner, path, f"--kernel={kernel}", f"--object={obj}",
                                           f"--inputs={inputs}", f"--outputs={outputs}",
                                           *[f"-D{name}={value}" for name, value in dims.items()]])
        if hung:
            return Verdict("finding", "hang", "the pto-isa run timed out")
        if rc != 0:
            return Verdict("finding", "pto-isa-run", f"exit {rc}: {err.strip()[-300:]}")
        return Verdict("accepted")
