"""Walks a tile-smith kernel: the Info of every expression and the bound of every output.

`analyze(kernel)` returns {output name: Info}; it raises analysis.Invalid when the
kernel breaks the language's rules or the value discipline (see analysis.py).
"""
from dataclasses import replace

from . import analysis as A
from .analysis import Info, Invalid

INPUT_RANGE = {"f32": 1.0, "f16": 1.0, "bf16": 1.0, "i8": 127, "i32": 127}


def input_info(p) -> Info:
    """What an input parameter holds (the oracle draws its values so)."""
    if p.kind == "index":
        return Info(p.shape, p.dtype, 0, p.bound - 1)
    r = INPUT_RANGE[p.dtype]
    return Info(p.shape, p.dtype, -r, r)


def join(a: Info, b: Info) -> Info:
    return Info(a.shape, a.dtype, min(a.lo, b.lo), max(a.hi, b.hi), max(a.err, b.err))


def window_shape(shape, items, allow_dynamic=True):
    """Shape of x[items]: single indices drop their dim, missing trailing dims are whole."""
    if len(items) > len(shape):
        raise Invalid("more slice items than dimensions")
    out = []
    for dim, item in zip(shape, items):
        if item[0] == "all":
            out.append(dim)
            continue
        start = item[1]
        size = 1 if item[0] == "idx" else item[2]
        if size < 1:
            raise Invalid("empty slice")
        try:
            if int(start) < 0 or int(start) + size > dim:
                raise Invalid("slice outside the tensor")
        except ValueError:
            if not allow_dynamic:
                raise Invalid("dynamic slice start")
            if size > dim:
                raise Invalid("slice wider than the tensor")
        if item[0] == "range":
            out.append(size)
    out.extend(shape[len(items):])
    if not out:
        raise Invalid("every dimension indexed")
    return tuple(out)


class Env:
    def __init__(self, kernel, simulator_casts=False):
        self.kernel = kernel
        self.simulator_casts = simulator_casts  # analysis.cast
        self.globals = {}   # global tensor name -> Info of its content
        self.locals = {}    # let name -> Info
        self.scalars = {}   # scalar name -> dtype ("index" for loop variables)
        self.outputs = set()
        for p in kernel.params:
            if p.shape is None:
                self.scalars[p.name] = p.dtype
            elif p.out:
                self.globals[p.name] = Info(p.shape, p.dtype, 0.0, 0.0)
                self.outputs.add(p.name)
            else:
                self.globals[p.name] = input_info(p)

    def expr(self, e) -> Info:
        op, at = e.op, e.attrs
        if op == "param":
            if at["name"] not in self.globals:
                raise Invalid(f"unknown global {at['name']}")
            return self.globals[at["name"]]
        if op == "var":
            if at["name"] not in self.locals:
                raise Invalid(f"unknown name {at['name']}")
            return self.locals[at["name"]]
        if op == "load":
            g = self.globals.get(at["name"])
            if g is None:
                raise Invalid(f"unknown global {at['name']}")
            return replace(g, shape=window_shape(g.shape, at["items"]))
        if op == "load_rows":
            g = self.globals.get(at["name"])
            idx = self.expr(e.args[0])
            if g is None or len(g.shape) != 2 or len(idx.shape) != 1 or idx.dtype != "i32":
                raise Invalid("row gather operands")
            if idx.lo < 0 or idx.hi >= g.shape[0] or idx.err:
                raise Invalid("row indices outside the table")
            cols = window_shape((g.shape[1],), [at["cols"]])[0] if at.get("cols") else g.shape[1]
            return replace(g, shape=(idx.shape[0], cols))
        if op == "const":
            v = at["value"]
            return Info((), at["dtype"], v, v)
        if op == "full":
            v = at["value"]
            if at["dtype"] in A.INTS and v != int(v):
                raise Invalid("integer full of a float")
            return A.checked(Info(tuple(at["shape"]), at["dtype"], v, v))
        args = [self.expr(a) for a in e.args]
        if op in ("add", "sub", "mul", "div", "max", "min"):
            return A.binary(op, *self.scalar_operands(args))
        if op in ("neg", "abs", "exp", "log", "sqrt", "rsqrt", "recip"):
            if not args[0].shape:
                raise Invalid("unary of a scalar")
            return A.unary(op, args[0])
        if op in ("row_sum", "row_max", "row_min", "col_sum", "col_max", "col_min"):
            return A.reduction(op, args[0])
        if op == "cast":
            return A.cast(args[0], at["dtype"], at.get("round"), at.get("sat"), self.simulator_casts)
        if op == "matmul":
            return A.matmul(args[0], args[1], args[2] if len(args) > 2 else None, at.get("out"))
        if op == "gather":
            x = args[0]
            if len(x.shape) != 2 or x.shape[1] % 2 or x.dtype == "i8":
                raise Invalid("gather operand")
            return replace(x, shape=(x.shape[0], x.shape[1] // 2))
        if op == "interleave":
            a, b = args
            if a.shape != b.shape or a.dtype != b.dtype or len(a.shape) != 2 or a.dtype == "i8":
                raise Invalid("interleave operands")
            return replace(join(a, b), shape=(a.shape[0], 2 * a.shape[1]))
        if op == "reshape":
            x = args[0]
            if _count(x.shape) != _count(at["shape"]):
                raise Invalid("reshape changes the element count")
            return replace(x, shape=tuple(at["shape"]))
        if op == "broadcast":
            x = args[0]
            if A.broadcast_shapes(x.shape, at["shape"]) != tuple(at["shape"]):
                raise Invalid("broadcast to a smaller shape")
            return replace(x, shape=tuple(at["shape"]))
        if op == "vslice":
            return replace(args[0], shape=window_shape(args[0].shape, at["items"], allow_dynamic=True))
        if op == "rms_norm":
            return A.rms_norm(args[0], args[1] if len(args) > 1 else None, at["eps"])
        if op == "rope":
            return A.rope(args[0], args[1], args[2], at["offset"])
        raise Invalid(f"unknown op {op}")

    def scalar_operands(self, args):
        """A scalar operand takes the tensor's dtype (f32/i32 only) and a rank-0 shape."""
        a, b = args
        for x, y in ((a, b), (b, a)):
            if not x.shape and not y.shape:
                raise Invalid("scalar arithmetic")
            if not x.shape:
                if y.dtype not in ("f32", "i32") or (y.dtype == "i32" and x.lo != int(x.lo)):
                    raise Invalid(f"scalar with a {y.dtype} tensor")
        if not a.shape:
            a = replace(a, dtype=b.dtype)
        if not b.shape:
            b = replace(b, dtype=a.dtype)
        return a, b

    def stmt(self, s, in_scope=False):
        if s.kind == "let":
            if s.name in self.locals or s.name in self.globals:
                raise Invalid(f"{s.name} redefined")
            self.locals[s.name] = self.expr(s.expr)
        elif s.kind == "scratch":
            self.globals[s.name] = Info(tuple(s.attrs["shape"]), s.attrs["dtype"], 0.0, 0.0)
        elif s.kind == "quant":
            q, scale = A.quant_int8(self.expr(s.expr), s.attrs["scale_max"], s.attrs["amax_eps"])
            self.locals[s.names[0]], self.locals[s.names[1]] = q, scale
        elif s.kind == "assign":
            self.assign(s)
        elif s.kind == "for":
            trips = max(1, min(8, -(-(s.attrs["stop"] - s.attrs["start"]) // s.attrs["step"])))
            for _ in range(trips):  # enough to bound what the iterations carry
                saved = dict(self.locals)
                for inner in s.body:
                    self.stmt(inner, in_scope)
                self.locals = {k: v for k, v in self.locals.items() if k in saved}
        elif s.kind == "scope":
            saved = dict(self.locals)
            for inner in s.body:
                self.stmt(inner, True)
            self.locals = {k: v for k, v in self.locals.items() if k in saved}
        else:
            raise Invalid(f"unknown statement {s.kind}")

    def assign(self, s):
        value = self.expr(s.expr)
        if s.name in self.globals:
            g = self.globals[s.name]
            if s.name not in self.outputs and not self.is_scratch(s.name):
                raise Invalid(f"{s.name} is an input")
            shape = g.shape if s.items is None else window_shape(g.shape, s.items)
            if value.shape != shape or value.dtype != g.dtype:
                raise Invalid(f"write of {value.shape} {value.dtype} to {shape} {g.dtype}")
            self.globals[s.name] = join(g, value)
        elif s.name in self.locals:
            old = self.locals[s.name]
            shape = old.shape if s.items is None else window_shape(old.shape, s.items)
            if value.shape != shape or value.dtype != old.dtype:
                raise Invalid(f"write of {value.shape} {value.dtype} to {shape} {old.dtype}")
            self.locals[s.name] = value if s.items is None else join(old, value)
        else:
            raise Invalid(f"assignment to unknown {s.name}")

    def is_scratch(self, name):
        return self.kernel.param(name) is None


def _count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def analyze(kernel, simulator_casts=False):
    """{output name: Info} of a valid kernel; raises Invalid otherwise. simulator_casts: the
    bounds against pto-isa's CPU simulator, which rounds some casts its own way (analysis.cast)."""
    env = Env(kernel, simulator_casts)
    for s in kernel.body:
        env.stmt(s)
    if not env.outputs:
        raise Invalid("no output")
    return {name: env.globals[name] for name in sorted(env.outputs)}
