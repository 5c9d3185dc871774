"""Random expressions of a requested type (shape, dtype), valid by construction.

Each candidate form is built, checked by check.Env (types, ranges, error
bounds) and dropped when invalid, so what comes out always analyses. Operands
that need a domain get a guard written in the language itself
(log(abs(x) + 0.5), exp(min(x, 4.0)), a / (abs(b) + 0.5), ...).
"""
from .analysis import Invalid
from .check import input_info
from .tree import COMMON_CONSTS, Expr, Param

FLOAT_ARITH = ("f32", "f16")
ROUNDS = ("rint", "round", "floor", "ceil", "trunc", "odd", "none")
# Casts tile-smith writes: every pair some target chains, weighted to the ones both do.
CAST_SOURCES = {
    "f32": ("bf16", "f16", "i8", "i32", "bf16", "f16"),
    "f16": ("f32", "bf16", "i8", "f32", "i32"),
    "i32": ("f32", "f16", "bf16", "i8", "f32"),
    "bf16": ("f32", "f16", "i8", "f32"),
    "i8": ("f16", "f32", "i32", "bf16", "f16"),
}
NARROW = {("f32", "bf16"), ("f32", "f16"), ("bf16", "f16"), ("f16", "bf16"), ("i32", "f32"),
          ("i32", "f16")}
# An i8 matmul's N is a multiple of this, else a located error (docs/testing.md, `matmul-i8-n`);
# any M and K lower.
I8_N_STEP = 32


def count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def E(op, *args, **attrs):
    return Expr(op, list(args), attrs)


def const(value, dtype="f32"):
    text = str(int(value)) if dtype == "i32" else repr(float(value))
    return E("const", value=value, dtype=dtype, text=text)



def element_bytes(dtype):
    return {"f32": 4, "i32": 4, "bf16": 2, "f16": 2, "i8": 1}[dtype]

class Expressions:
    """Expression generator bound to one kernel under construction (its params and lets)."""

    def __init__(self, rng, kernel, env, options):
        self.rng = rng
        self.kernel = kernel
        self.env = env
        self.options = options
        self.counter = 0

    # -- names and leaves ---------------------------------------------------
    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def new_param(self, shape, dtype, kind="uniform", bound=0):
        name = self.fresh("in" if kind != "index" else "idx")
        p = Param(name, dtype, tuple(shape), kind=kind, bound=bound)
        self.kernel.params.append(p)
        self.env.globals[name] = input_info(p)
        return p

    def info(self, e):
        return self.env.expr(e)

    def leaf(self, shape, dtype):
        rng = self.rng
        lets = [n for n, i in self.env.locals.items() if i.shape == tuple(shape) and i.dtype == dtype]
        roll = rng.random()
        if lets and roll < 0.3:
            return E("var", name=rng.choice(lets))
        # The lowering takes windows with at most one leading dim wider than 1
        # ("cannot lower a window spanning several leading dimensions").
        if roll < 0.45 and shape and count(shape) * 4 < self.options.max_elements and \
                sum(1 for d in shape[:-1] if d > 1) <= 1:
            return self.window_of_bigger(shape, dtype)
        if roll < 0.5 and shape:
            value = rng.choice((0, 1, -2, 3)) if dtype in ("i8", "i32") else rng.choice((0.5, -1.25, 2.0, 0.0))
            return E("full", shape=tuple(shape), value=value, dtype=dtype, zeros=value == 0)
        p = self.new_param(shape, dtype)
        return E("param", name=p.name)

    def window_of_bigger(self, shape, dtype):
        """x[a:a+n, ...] of a new, bigger input (static offsets; a dropped leading index sometimes)."""
        rng = self.rng
        big, items = [], []
        if rng.random() < 0.25:  # a single index drops a leading dimension
            extent = rng.choice((2, 3, 4))
            big.append(extent)
            items.append(("idx", str(rng.randrange(extent))))
        for d in shape:
            extra = rng.choice((0, 0, 1, 3, 8, 16)) if d > 1 else rng.choice((0, 2))
            start = rng.randint(0, extra)
            big.append(d + extra)
            if extra and rng.random() < 0.15:  # a run-time start: an i32 parameter
                offset = Param(self.fresh("off"), "i32", None, kind="scalar", value=start)
                self.kernel.params.append(offset)
                self.env.scalars[offset.name] = "i32"
                items.append(("range", offset.name, d))
            else:
                items.append(("all",) if extra == 0 and rng.random() < 0.5 else ("range", str(start), d))
        while items and items[-1][0] == "all" and rng.random() < 0.5:
            items.pop()           # missing trailing dims are taken whole
        if not items:
            items = [("all",)]
        p = self.new_param(tuple(big), dtype)
        return E("load", name=p.name, items=items)

    # -- the generator --------------------------------------------------------
    def gen(self, shape, dtype, depth):
        """An expression of exactly (shape, dtype) with about `depth` levels."""
        shape = tuple(shape)
        for _ in range(6):
            try:
                e = self.attempt(shape, dtype, depth)
                info = self.info(e)
                if info.shape == shape and info.dtype == dtype:
                    return e
            except Invalid:
                continue
        e = self.leaf(shape, dtype) if dtype != "i32" or self.rng.random() < 0.5 else \
            E("param", name=self.new_param(shape, dtype).name)
        self.info(e)
        return e

    def attempt(self, shape, dtype, depth):
        rng = self.rng
        if depth <= 0:
            return self.leaf(shape, dtype)
        forms = ["leaf", "binary", "binary", "scalar", "unary", "cast", "cast"]
        rank2 = len(shape) == 2
        if dtype in ("f32", "f16", "i32"):
            forms += ["binary", "minmax"]
            if rank2 and (shape[0] == 1 or shape[1] == 1):
                forms += ["reduce", "reduce"]
        if rank2 and dtype != "i8":
            forms += ["gather", "interleave", "vslice"]
        if rank2 and dtype in ("f32", "i32"):
            forms += ["matmul"]
        if rank2 and dtype == "f32":
            forms += ["rms_norm", "rope"]
        if shape:
            forms += ["reshape", "broadcast"]
        form = rng.choice(forms)
        return getattr(self, "form_" + form)(shape, dtype, depth - 1)

    def form_leaf(self, shape, dtype, depth):
        return self.leaf(shape, dtype)

    def operand_shape(self, shape):
        """A shape that broadcasts to `shape`: some dims 1, maybe fewer leading dims."""
        rng = self.rng
        out = [d if rng.random() < 0.7 else 1 for d in shape]
        drop = rng.choice((0, 0, 0, 1, 2)) if len(shape) > 1 else 0
        return tuple(out[min(drop, len(out) - 1):])

    def form_binary(self, shape, dtype, depth):
        if dtype not in ("f32", "f16", "i32"):
            raise Invalid("no arithmetic")
        rng = self.rng
        op = rng.choice(("add", "sub", "mul", "mul", "div") if dtype != "i32" else ("add", "sub", "mul"))
        first, second = shape, self.operand_shape(shape)
        if rng.random() < 0.5:
            first, second = second, first
        if rng.random() < 0.3:  # both partial: [R, 1] * [1, C]
            first = self.operand_shape(shape)
        a = self.gen(first, dtype, depth)
        b = self.gen(second, dtype, depth)
        if op == "div":
            b = E("add", E("abs", b), const(rng.choice((0.5, 1.0, 2.0))))
        call = rng.random() < 0.1
        return E(op, a, b, call=call)

    def form_minmax(self, shape, dtype, depth):
        a = self.gen(shape, dtype, depth)
        b = self.gen(self.operand_shape(shape), dtype, depth)
        return E(self.rng.choice(("max", "min")), a, b)

    def form_scalar(self, shape, dtype, depth):
        if dtype not in ("f32", "i32"):
            raise Invalid("scalars combine with f32 and i32 only")
        rng = self.rng
        a = self.gen(shape, dtype, depth)
        op = rng.choice(("add", "sub", "mul", "max", "min", "div"))
        if dtype == "i32":
            op = rng.choice(("add", "sub", "mul", "max", "min"))
            s = const(rng.choice((1, 2, 3, -5, 100)), "i32")
            if rng.random() < 0.2:
                s = E("const", value=2, dtype="i32", text="SM_TWO")
        else:
            scalars = [p for p in self.kernel.params if p.shape is None and p.dtype == "f32"]
            if op != "div" and rng.random() < 0.2:
                if not scalars or rng.random() < 0.5:
                    p = Param(self.fresh("alpha"), "f32", None, kind="scalar", value=rng.choice((0.5, -1.5, 3.0)))
                    self.kernel.params.append(p)
                    scalars.append(p)
                    self.env.scalars[p.name] = "f32"
                p = rng.choice(scalars)
                s = E("const", value=p.value, dtype="f32", text=p.name)
            elif rng.random() < 0.2:
                name, _, value = rng.choice([c for c in COMMON_CONSTS if c[0] != "SM_EPS"])
                s = E("const", value=value, dtype="f32", text=name)
            else:
                s = const(rng.choice((0.5, 2.0, -3.0, 1e-3, 0.125, 7.0)))
        return E(op, s, a) if op in ("add", "mul") and rng.random() < 0.5 else E(op, a, s)

    def form_unary(self, shape, dtype, depth):
        rng = self.rng
        if dtype not in FLOAT_ARITH:
            raise Invalid("unary of non-float")
        op = rng.choice(("neg", "abs", "exp", "log", "sqrt", "rsqrt", "recip", "exp", "neg"))
        x = self.gen(shape, dtype, depth)
        half = const(0.5) if dtype == "f32" else None
        guard = (lambda v: E("add", E("abs", v), half)) if half else \
            (lambda v: E("add", E("abs", v), E("full", shape=shape, value=0.5, dtype=dtype)))
        if op == "exp":
            info = self.info(x)
            if info.hi > 4:
                x = E("min", x, const(4.0)) if dtype == "f32" else \
                    E("min", x, E("full", shape=shape, value=4.0, dtype=dtype))
        elif op in ("log", "rsqrt", "recip"):
            x = guard(x)
        elif op == "sqrt":
            x = E("abs", x)
        return E(op, x, call=rng.random() < 0.3)

    def form_reduce(self, shape, dtype, depth):
        rng = self.rng
        rows, cols = shape
        kind = rng.choice(("sum", "max", "min", "sum"))
        other = rng.choice(self.options.dims)
        if cols == 1 and (rows == 1 or rng.random() < 0.6):
            src = (rows, other)
            op = "row_" + kind
        else:
            src = (other, cols)
            op = "col_" + kind
        if count(src) > self.options.max_elements:
            raise Invalid("too big")
        return E(op, self.gen(src, dtype, depth))

    def form_cast(self, shape, dtype, depth):
        rng = self.rng
        src = rng.choice(CAST_SOURCES[dtype])
        x = self.gen(shape, src, depth)
        attrs = {"dtype": dtype}
        narrowing = (src, dtype) in NARROW or (dtype in ("i8", "i32") and src in ("f32", "f16", "bf16"))
        if narrowing or rng.random() < 0.3:
            if not (src in ("i8", "i32") and dtype in ("i8", "i32")):
                attrs["round"] = rng.choice(ROUNDS[:-1]) if narrowing else rng.choice(ROUNDS)
        if dtype in ("i8", "i32") and rng.random() < 0.4:
            # Only f16 wraps into i8 exactly (others run through f16: an error).
            attrs["sat"] = rng.random() < 0.5 or (dtype == "i8" and src != "f16")
        return Expr("cast", [x], attrs)

    def form_matmul(self, shape, dtype, depth):
        rng = self.rng
        m, n = shape
        k = rng.choice(self.options.dims)
        if k > 4095 or count((m, k)) > self.options.max_elements or count((k, n)) > self.options.max_elements \
                or m * k * n > 1 << 24:
            raise Invalid("too big")
        operand = "i8" if dtype == "i32" else rng.choice(("bf16", "f16", "f32", "bf16"))
        if operand == "i8" and n % I8_N_STEP:
            raise Invalid("i8 matmul N must be a multiple of 32")
        a = self.gen((m, k), operand, depth - 1)
        b = self.gen((k, n), operand, depth - 1)
        args = [a, b]
        if rng.random() < 0.2:
            args.append(self.gen(shape, dtype, 0))
        return Expr("matmul", args, {"out": dtype} if rng.random() < 0.3 else {})

    def form_rms_norm(self, shape, dtype, depth):
        rng = self.rng
        x = self.gen(shape, rng.choice(("f32", "bf16", "f16")), depth)
        eps = rng.choice((1e-6, 1e-5, 1e-3)) if self.info(x).err == 0 else rng.choice((0.1, 1.0))
        args = [x]
        if rng.random() < 0.6:
            args.append(E("param", name=self.new_param((shape[1],), rng.choice(("f32", "bf16"))).name))
        return Expr("rms_norm", args, {"eps": eps})

    def form_rope(self, shape, dtype, depth):
        rng = self.rng
        rows, cols = shape
        if cols < 2:
            raise Invalid("rope needs a pair")
        # Each f32 half of the rotated columns fills whole 32-byte blocks (8 columns).
        offsets = [o for o in (0, 0, 2, cols // 2, cols - 16, cols % 16)
                   if 0 <= o < cols and (cols - o) % 16 == 0]
        if not offsets:
            raise Invalid("rope halves must fill whole 32-byte blocks")
        offset = rng.choice(offsets)
        half = (cols - offset) // 2
        x = self.gen(shape, rng.choice(("f32", "bf16")), depth)
        cos = self.gen((rows, half), "f32", 0)
        sin = self.gen((rows, half), "f32", 0)
        return Expr("rope", [x, cos, sin], {"offset": offset})

    def form_gather(self, shape, dtype, depth):
        rows, cols = shape
        if count((rows, 2 * cols)) > self.options.max_elements:
            raise Invalid("too big")
        if cols * element_bytes(dtype) % 32:
            raise Invalid("the kept columns must fill whole 32-byte blocks")
        x = self.gen((rows, 2 * cols), dtype, depth)
        return E("gather", x, pattern=self.rng.choice(("even", "odd")), kw=self.rng.random() < 0.3)

    def form_interleave(self, shape, dtype, depth):
        rows, cols = shape
        if cols % 2:
            raise Invalid("odd columns")
        if cols // 2 * element_bytes(dtype) % 32:
            raise Invalid("each half must fill whole 32-byte blocks")
        return E("interleave", self.gen((rows, cols // 2), dtype, depth), self.gen((rows, cols // 2), dtype, depth))

    def form_vslice(self, shape, dtype, depth):
        rng = self.rng
        rows, cols = shape
        big = (rows + rng.choice((0, 1, 5, 16)), cols + rng.choice((0, 0, 2, 8)))
        if count(big) > self.options.max_elements:
            raise Invalid("too big")
        x = self.gen(big, dtype, depth)
        items = [("range", str(rng.randint(0, big[0] - rows)), rows),
                 ("range", str(rng.randint(0, big[1] - cols)), cols)]
        return E("vslice", x, items=items)

    def form_reshape(self, shape, dtype, depth):
        total = count(shape)
        options = [(total,)]
        for d in (2, 4, 8, 16, 32, 64):
            if total % d == 0 and total // d > 0:
                options += [(total // d, d), (d, total // d)]
                if d <= 8 and (total // d) % 2 == 0:
                    options.append((d, 2, total // d // 2))
        src = self.rng.choice([o for o in options if o != shape] or options)
        return E("reshape", self.gen(src, dtype, depth), shape=shape)

    def form_broadcast(self, shape, dtype, depth):
        src = self.operand_shape(shape)
        if src == shape:
            src = tuple(1 if i == 0 else d for i, d in enumerate(shape))
        return E("broadcast", self.gen(src, dtype, depth), shape=shape)
