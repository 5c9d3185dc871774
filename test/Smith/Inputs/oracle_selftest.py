"""The oracle's verdict classes, its comparison rule and the error bounds it uses."""
import sys

sys.path.insert(0, sys.argv[1])
import numpy as np  # noqa: E402

from smith.check import analyze  # noqa: E402
from smith.oracle import compare  # noqa: E402
from smith.tools import classify  # noqa: E402
from smith.tree import Expr, Kernel, Param, Stmt  # noqa: E402

cases = [
    (0, ""),
    (1, "m.tile:3:7: error: cannot convert 'i32' to 'bf16' on a2a3: no chain of at most 3 legal conversions"),
    (1, "m.tile:4:2: error: 'ascend.tcolexpanddiv' op right operand must be [1, 24], found [1, 1]"),
    (1, "m.tile:5:9: error: a message no documented limit explains"),
    (1, "error: unlocated trouble"),
    (-6, "tilec: Assertion `x' failed."),
]
for rc, err in cases:
    v = classify(rc, err)
    print(f"classify {rc}: {v.kind} {v.reason} line {v.line}")
print("hang:", classify(0, "", timed_out=True).reason)

one = np.array([1.0, 2.0, np.nan])
print("equal:", compare(one, one.copy(), 0.0))
print("ulp:", compare(np.array([1.0]), np.array([np.nextafter(np.float32(1), 2, dtype=np.float32)], dtype=np.float64), 0.0))
print("within:", compare(np.array([1.0]), np.array([1.0 + 1e-6]), 1e-5))
print("nan:", compare(np.array([np.nan]), np.array([1.0]), 1.0))


def bound(expr, dtype="f32", shape=(8, 16), extra=(), simulator_casts=False):
    params = [Param("x", dtype, shape), Param("w", dtype, shape), *extra, Param("y", expr[1], expr[2], out=True)]
    k = Kernel("k", params, [Stmt("assign", name="y", expr=expr[0])])
    return analyze(k, simulator_casts)["y"].err


x, w = Expr("param", [], {"name": "x"}), Expr("param", [], {"name": "w"})
print("add f32:", bound((Expr("add", [x, w]), "f32", (8, 16))))
print("row_sum f32 > 0:", bound((Expr("row_sum", [x]), "f32", (8, 1))) > 0)
print("row_max f32:", bound((Expr("row_max", [x]), "f32", (8, 1))))
print("exp f32 > 0:", bound((Expr("exp", [x]), "f32", (8, 16))) > 0)
print("mul i32:", bound((Expr("mul", [x, w]), "i32", (8, 16)), dtype="i32"))
print("cast of a sum to bf16 >= 2^-8:",
      bound((Expr("cast", [Expr("row_sum", [x])], {"dtype": "bf16", "round": "rint"}), "bf16", (8, 1))) >= 2 ** -8)
# Against pto-isa's simulator, which rounds float -> float casts to nearest even whatever their
# mode: a cast of exact values to f16 by another mode may land one step apart; rint stays exact.
for mode in ("round", "rint"):
    for simulator_casts in (False, True):
        cast = Expr("cast", [Expr("add", [x, w])], {"dtype": "f16", "round": mode})
        print(f"cast to f16 round={mode}, float casts {'rint' if simulator_casts else 'by mode'}:",
              bound((cast, "f16", (8, 16)), simulator_casts=simulator_casts))

# pto-isa builds its simulator cannot do (an element type its NPU headers take) skip the kernel.
from smith.pto_isa import SIMULATOR_GAPS  # noqa: E402


def simulator_gap(message):
    return any(gap.search(message) for gap in SIMULATOR_GAPS)


def requirement(header, type_name):
    """A clang error of a pto-isa CPU header's type static_assert, as the build prints it."""
    return (f"/pto-isa/include/pto/cpu/{header}:40:9: error: static assertion failed due to "
            f"requirement '(std::is_same_v<{type_name}, __bf16> && std::is_same_v<{type_name}, "
            f"__bf16>) || ...': Not supported data type")


print("simulator gap, TCOLMAX of i32:", simulator_gap(requirement("TColMax.hpp", "int")))
print("simulator gap, TCOLSUM of i16:", simulator_gap(requirement("TColSum.hpp", "short")))
print("simulator gap, TCOLMAX of i64:", simulator_gap(requirement("TColMax.hpp", "long")))
print("simulator gap, TROWSUM of i32:", simulator_gap(requirement("TRowSum.hpp", "int")))
odd = Expr("cast", [x], {"dtype": "i32", "round": "odd", "sat": True})
print("cast to i32 round=odd, by the model:", bound((odd, "i32", (8, 16))))
print("cast to i32 round=odd, on the simulator:", bound((odd, "i32", (8, 16)), simulator_casts=True))
print("simulator gap, TCVT bf16 -> f16:", simulator_gap("static_cast from '__bf16' to '_Float16' is not allowed"))
