"""Types, value ranges and error bounds of a tile-smith kernel.

Every value gets an Info: shape, dtype, an interval [lo, hi] holding every
element, and `err`, a bound on how far two correct implementations (the
reference interpreter and the CPU model, fused or not) may differ on it.

err is 0 where the math fixes the result: integer math, IEEE-rounded float ops
(+ - * / sqrt recip, max, min, neg, abs), casts and data movement, applied to
inputs that are themselves exact. It becomes positive where the order or the
implementation of the math is free (per op, see docs/testing.md):
  row/col sums    (sqrt(n) + log2(n) + 2) * u * n * max|x|   (summation order)
  matmul          (sqrt(K) + log2(K) + 2) * u_f32 * K * max|a| * max|b|
  exp log rsqrt   2 ulp of the result (libm vs. the model's instruction)
  rms_norm        (sqrt(C) + log2(C) + 8) * u_f32 * max|result|
and, once positive, propagates through every later op by its derivative bound
(plus one rounding step of the result type: two different inputs may round
apart). The oracle accepts |model - interpreter| <= err per element, so err = 0
means bit for bit.

Analysis raises Invalid for a kernel the language or the value discipline does
not allow (wrong shapes, log of a possibly negative value, overflow); the
generator and the reducer use that to stay within valid kernels.
"""
import math
from dataclasses import dataclass, replace

FLOATS = ("f32", "f16", "bf16")
INTS = ("i8", "i32")
UNIT = {"f32": 2.0 ** -24, "f16": 2.0 ** -11, "bf16": 2.0 ** -8}
TINY = {"f32": 2.0 ** -149, "f16": 2.0 ** -24, "bf16": 2.0 ** -133}
# Largest magnitude a value may reach: far from overflow, so every
# implementation computes finite, comparable numbers.
LIMIT = {"f32": 1e7, "f16": 3e4, "bf16": 1e7, "i8": 127, "i32": 2 ** 24}
INT_RANGE = {"i8": (-128, 127), "i32": (-2 ** 31, 2 ** 31 - 1)}
ARITH = ("f32", "f16", "i32")  # element types of vector arithmetic


class Invalid(Exception):
    """The kernel is not one tile-smith may emit (the message says why)."""


@dataclass(frozen=True)
class Info:
    shape: tuple
    dtype: str
    lo: float
    hi: float
    err: float = 0.0

    @property
    def mag(self):
        return max(abs(self.lo), abs(self.hi))


def rounding(dtype, mag):
    """How far two roundings of nearby values to dtype can land apart."""
    if dtype in INTS:
        return 1.0
    return 2 * UNIT[dtype] * mag + TINY[dtype]


def broadcast_shapes(a, b):
    rank = max(len(a), len(b))
    a = (1,) * (rank - len(a)) + tuple(a)
    b = (1,) * (rank - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise Invalid(f"shapes {a} and {b} do not broadcast")
        out.append(max(x, y))
    return tuple(out)


def checked(info: Info) -> Info:
    if info.mag > LIMIT[info.dtype]:
        raise Invalid(f"values up to {info.mag:g} exceed the {info.dtype} limit")
    return info


def propagate(dtype, err, mag, extra=0.0):
    """err of a result: the operands' contribution, then a rounding if any differs."""
    if err == 0 and extra == 0:
        return 0.0
    return err + extra + (rounding(dtype, mag) if dtype in FLOATS else 0.0)


def binary(op, a: Info, b: Info) -> Info:
    if a.dtype != b.dtype:
        raise Invalid(f"{op} of {a.dtype} and {b.dtype}")
    if a.dtype not in ARITH:
        raise Invalid(f"no {a.dtype} arithmetic")
    shape = broadcast_shapes(a.shape, b.shape)
    dt = a.dtype
    if op in ("add", "sub"):
        if op == "sub":
            b = replace(b, lo=-b.hi, hi=-b.lo)
        lo, hi, err = a.lo + b.lo, a.hi + b.hi, a.err + b.err
    elif op == "mul":
        corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        lo, hi = min(corners), max(corners)
        err = a.err * b.mag + b.err * a.mag + a.err * b.err
    elif op == "div":
        if dt == "i32":
            raise Invalid("tile-smith keeps clear of integer division")
        if b.lo <= 0 <= b.hi:
            raise Invalid("division by a value that may be 0")
        least = min(abs(b.lo), abs(b.hi))
        if b.err > least / 4:
            raise Invalid("divisor too uncertain")
        corners = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
        lo, hi = min(corners), max(corners)
        err = a.err / least + 2 * a.mag * b.err / (least * least)
    else:  # max / min
        fn = max if op == "max" else min
        lo, hi, err = fn(a.lo, b.lo), fn(a.hi, b.hi), max(a.err, b.err)
        return checked(Info(shape, dt, lo, hi, err))
    mag = max(abs(lo), abs(hi))
    return checked(Info(shape, dt, lo, hi, propagate(dt, err, mag)))


def unary(op, x: Info) -> Info:
    dt = x.dtype
    if op in ("neg", "abs"):
        if dt not in ("f32", "f16"):
            raise Invalid(f"{op} of {dt}")
        if op == "neg":
            return Info(x.shape, dt, -x.hi, -x.lo, x.err)
        lo = 0.0 if x.lo <= 0 <= x.hi else min(abs(x.lo), abs(x.hi))
        return Info(x.shape, dt, lo, x.mag, x.err)
    if dt not in ("f32", "f16"):
        raise Invalid(f"{op} of {dt}")
    if op == "exp":
        if x.hi + x.err > 9:
            raise Invalid("exp of a value that may exceed 9")
        lo, hi = math.exp(x.lo), math.exp(x.hi)
        return checked(Info(x.shape, dt, lo, hi, hi * math.expm1(x.err) + 2 * rounding(dt, hi)))
    if op == "log":
        if x.lo - x.err <= 1e-3:
            raise Invalid("log of a value that may be <= 0")
        lo, hi = math.log(x.lo), math.log(x.hi)
        mag = max(abs(lo), abs(hi), 1.0)
        return Info(x.shape, dt, lo, hi, x.err / (x.lo - x.err) + 2 * rounding(dt, mag))
    if op == "sqrt":
        if x.lo < 0:
            raise Invalid("sqrt of a value that may be negative")
        lo, hi = math.sqrt(x.lo), math.sqrt(x.hi)
        return Info(x.shape, dt, lo, hi, propagate(dt, math.sqrt(x.err), hi))
    if op == "rsqrt":
        if x.lo - x.err <= 1e-3:
            raise Invalid("rsqrt of a value that may be <= 0")
        lo, hi = 1 / math.sqrt(x.hi), 1 / math.sqrt(x.lo)
        slope = 0.5 * (x.lo - x.err) ** -1.5
        return checked(Info(x.shape, dt, lo, hi, x.err * slope + 3 * rounding(dt, hi)))
    if op == "recip":
        if x.lo <= 0 <= x.hi or min(abs(x.lo), abs(x.hi)) <= 4 * x.err:
            raise Invalid("recip of a value that may be 0")
        least = min(abs(x.lo), abs(x.hi))
        lo, hi = sorted((1 / x.lo, 1 / x.hi))
        return checked(Info(x.shape, dt, lo, hi, propagate(dt, 2 * x.err / (least * least), 1 / least)))
    raise Invalid(f"unknown unary {op}")


def order_error(n, dtype, total):
    """Bound on how much two summation orders of n terms with sum|x| <= total differ."""
    if dtype in INTS or n <= 1:
        return 0.0
    return (math.sqrt(n) + math.log2(n) + 2) * UNIT[dtype] * total


def reduction(op, x: Info) -> Info:
    if len(x.shape) != 2:
        raise Invalid(f"{op} of rank {len(x.shape)}")
    if x.dtype not in ARITH:
        raise Invalid(f"{op} of {x.dtype}")
    rows, cols = x.shape
    row = op.startswith("row")
    n = cols if row else rows
    shape = (rows, 1) if row else (1, cols)
    if op.endswith("sum"):
        lo, hi = n * x.lo, n * x.hi
        err = propagate(x.dtype, n * x.err, n * x.mag, order_error(n, x.dtype, n * x.mag))
        return checked(Info(shape, x.dtype, lo, hi, err))
    return Info(shape, x.dtype, x.lo, x.hi, x.err)


def cast(x: Info, dtype, rnd, sat, simulator_casts=False) -> Info:
    """simulator_casts: the bound against pto-isa's CPU simulator, whose casts round float ->
    float to nearest even whatever their mode and float -> integer by `odd` to nearest with ties
    to odd (the model: toward zero, then odd if inexact): such a cast may land one step apart."""
    if dtype == x.dtype:
        raise Invalid("cast to the same type")
    narrowing = (dtype in INTS and x.dtype in FLOATS) or \
        (x.dtype, dtype) in {("f32", "bf16"), ("f32", "f16"), ("bf16", "f16"), ("f16", "bf16"),
                             ("i32", "f32"), ("i32", "f16"), ("i32", "i8")}
    if narrowing and x.dtype not in INTS and not rnd:
        raise Invalid("a narrowing cast needs a rounding mode")
    if x.dtype in INTS and dtype in INTS and rnd:
        raise Invalid("integer casts do not round")
    if dtype in INTS:
        lo_int, hi_int = INT_RANGE[dtype]
        lo, hi = math.floor(x.lo - x.err), math.ceil(x.hi + x.err)
        if lo < lo_int or hi > hi_int:
            if sat is False:             # wraps: anything in range
                return Info(x.shape, dtype, lo_int, hi_int, 0.0 if x.err == 0 else hi_int - lo_int)
            lo, hi = max(lo, lo_int), min(hi, hi_int)
        err = 0.0 if x.err == 0 else math.ceil(x.err) + 1.0
        if simulator_casts and rnd == "odd":
            err += 1.0
        return Info(x.shape, dtype, lo, hi, err)
    mag = x.mag
    if dtype == "f16" and mag > LIMIT["f16"]:
        raise Invalid("f16 overflow")
    mode_ignored = simulator_casts and narrowing and rnd not in (None, "rint", "none")
    return Info(x.shape, dtype, x.lo, x.hi,
                propagate(dtype, x.err, mag, rounding(dtype, mag) if mode_ignored else 0.0))


def matmul(a: Info, b: Info, acc, out) -> Info:
    if len(a.shape) != 2 or len(b.shape) != 2 or a.shape[1] != b.shape[0]:
        raise Invalid(f"matmul of {a.shape} and {b.shape}")
    if a.dtype != b.dtype or a.dtype == "i32":
        raise Invalid(f"matmul of {a.dtype} and {b.dtype}")
    result = "i32" if a.dtype == "i8" else "f32"
    if out and out != result:
        raise Invalid("matmul out= is not the accumulator type")
    k = a.shape[1]
    mag = k * a.mag * b.mag
    err = k * (a.err * b.mag + b.err * a.mag + a.err * b.err)
    lo, hi, shape = -mag, mag, (a.shape[0], b.shape[1])
    if acc is not None:
        if acc.shape != shape or acc.dtype != result:
            raise Invalid("matmul accumulator type")
        lo, hi, err = lo + acc.lo, hi + acc.hi, err + acc.err
    # An accumulator is one more term of the sum (the model rounds the product first).
    terms = k + (acc is not None)
    err = propagate(result, err, max(abs(lo), abs(hi)), order_error(terms, result, mag + (acc.mag if acc else 0)))
    return checked(Info(shape, result, lo, hi, err))


def rms_norm(x: Info, gamma, eps) -> Info:
    if len(x.shape) != 2 or x.dtype not in FLOATS:
        raise Invalid("rms_norm of a non-float or non-rank-2 value")
    cols = x.shape[1]
    # |x_i| / sqrt(mean(x^2) + eps) <= sqrt(C), and <= max|x| / sqrt(eps)
    mag = min(math.sqrt(cols), x.mag / math.sqrt(eps))
    err = (math.sqrt(cols) + math.log2(max(cols, 2)) + 8) * UNIT["f32"] * mag
    if x.err:  # d(x r)/dx with r <= eps^-1/2 and |dr/dmean| <= eps^-3/2 / 2
        err += x.err * (eps ** -0.5 + x.mag * x.mag * eps ** -1.5)
    if gamma is not None:
        if gamma.shape not in ((cols,),) or gamma.dtype not in FLOATS:
            raise Invalid("rms_norm gamma shape")
        err = err * gamma.mag + mag * gamma.err
        mag *= gamma.mag
    return checked(Info(x.shape, "f32", -mag, mag, err))


def rope(x: Info, cos: Info, sin: Info, offset) -> Info:
    if len(x.shape) != 2 or x.dtype not in FLOATS:
        raise Invalid("rope of a non-float or non-rank-2 value")
    rows, cols = x.shape
    if offset < 0 or (cols - offset) <= 0 or (cols - offset) % 2:
        raise Invalid("rope offset")
    for t in (cos, sin):
        if t.shape != (rows, (cols - offset) // 2) or t.dtype not in FLOATS:
            raise Invalid("rope table shape")
    mag = x.mag * (cos.mag + sin.mag)
    err = x.err * (cos.mag + sin.mag) + x.mag * (cos.err + sin.err)
    return checked(Info(x.shape, "f32", -max(mag, x.mag), max(mag, x.mag), propagate("f32", err, mag)))


def quant_int8(x: Info, scale_max, amax_eps):
    """(q, scale) of quant_int8: exact from exact inputs (abs, row_max, IEEE ops, rint)."""
    if len(x.shape) != 2 or x.dtype not in FLOATS:
        raise Invalid("quant_int8 of a non-float or non-rank-2 value")
    rows = x.shape[0]
    q_err = 0.0 if x.err == 0 else 255.0
    s_err = 0.0 if x.err == 0 else max(x.mag, amax_eps) / scale_max
    q = Info(x.shape, "i8", -127, 127, q_err)
    scale = Info((rows, 1), "f32", amax_eps / scale_max, max(x.mag, amax_eps) / scale_max, s_err)
    return q, scale
