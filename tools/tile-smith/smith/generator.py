"""Random, valid .tile kernels: seeded and deterministic (same seed, same module).

A kernel is a few statements ("features"), each writing one or more outputs:
an expression stored whole, a loop writing row blocks, a carried loop
accumulation, lets reused later, inserts into a let tensor, quant_int8, a
cube scope feeding a vector scope through scratch, a matmul's product through the flagship's
epilogue, a matmul of a computed A (the input norm's prologue), matmuls of the same A, row gathers, rank-3/4 broadcasts, an output read back and
overwritten while the value read is live; a quarter of the
kernels take their token rows as a run-time dim (`dim T <= R`) and run below the bound.
Expressions come from expressions.py.
"""
import random
from dataclasses import dataclass, field

from .analysis import Info, Invalid
from .check import Env, analyze
from .expressions import Expressions, E, const as const_f32, count, I8_N_STEP
from .tree import COMMON_CONSTS, Expr, Kernel, Param, Stmt, expressions, render_module, statements

DIMS = (1, 2, 3, 4, 5, 7, 8, 16, 16, 17, 24, 32, 32, 33, 48, 63, 64, 64, 65, 96, 100, 127, 128,
        128, 129, 255, 256, 256, 512, 1000, 1024, 2048, 4096)


@dataclass
class Options:
    max_elements: int = 1 << 17      # per tensor: the interpreter and model stay fast
    dims: tuple = DIMS
    kernels_per_module: int = 10
    depth: int = 3
    runtime_dim: float = 0.25        # the share of kernels whose token rows become a run-time dim


@dataclass
class Module:
    seed: int
    kernels: list = field(default_factory=list)

    def text(self, standalone=False):
        return render_module(self.kernels, header=f"# tile-smith seed {self.seed}\n", standalone=standalone)


class KernelGen:
    def __init__(self, rng, name, options):
        self.rng = rng
        self.options = options
        self.kernel = Kernel(name, [], [])
        self.env = Env(self.kernel)
        self.x = Expressions(rng, self.kernel, self.env, options)
        self.outputs = 0

    def dim(self, lo=1, hi=4096):
        return self.rng.choice([d for d in self.options.dims if lo <= d <= hi])

    def shape2(self):
        for _ in range(20):
            r, c = self.dim(), self.dim()
            if count((r, c)) <= self.options.max_elements:
                return (r, c)
        return (16, 64)

    def new_output(self, shape, dtype):
        self.outputs += 1
        p = Param(f"y{self.outputs}", dtype, tuple(shape), out=True)
        self.kernel.params.append(p)
        self.env.globals[p.name] = Info(tuple(shape), dtype, 0.0, 0.0)
        self.env.outputs.add(p.name)
        return p

    def emit(self, stmt):
        self.env.stmt(stmt)
        self.kernel.body.append(stmt)

    def out_dtype(self):
        return self.rng.choice(("f32", "f32", "f32", "bf16", "f16", "i32", "i8"))

    def value(self, shape, dtype, depth=None):
        """An expression of (shape, dtype), `depth` levels deep (default: the options')."""
        depth = self.options.depth if depth is None else depth
        return self.x.gen(shape, dtype, depth)

    # -- features -----------------------------------------------------------
    def feature_store(self):
        shape = self.shape2() if self.rng.random() < 0.75 else self.shape_nd()
        dtype = self.out_dtype()
        out = self.new_output(shape, dtype)
        self.emit(Stmt("assign", name=out.name, expr=self.value(shape, dtype)))

    def shape_nd(self):
        rank = self.rng.choice((1, 3, 3, 4))
        for _ in range(20):
            shape = tuple(self.dim(1, 128) for _ in range(rank))
            if count(shape) <= self.options.max_elements:
                return shape
        return (4, 8, 16)[:rank] if rank <= 3 else (2, 3, 4, 8)

    def feature_let(self):
        shape = self.shape2()
        dtype = self.rng.choice(("f32", "f32", "f16", "i32"))
        name = self.x.fresh("t")
        self.emit(Stmt("let", name=name, expr=self.value(shape, dtype, 2)))

    def feature_row_loop(self):
        """for i in range|parallel(0, R, S) { y[i:i+S, :] = f(x[i:i+S, :], ...) }"""
        rng = self.rng
        step = rng.choice((1, 2, 4, 8, 16, 32, 64))
        trips = rng.choice((1, 2, 3, 4, 8))
        cols = self.dim(1, 2048)
        rows = step * trips
        if count((rows, cols)) > self.options.max_elements:
            return
        dtype = self.out_dtype()
        out = self.new_output((rows, cols), dtype)
        var = self.x.fresh("i")
        body_src = self.x.new_param((rows, cols), rng.choice(("f32", "bf16", "f16")))
        window = E("load", name=body_src.name, items=[("range", var, step)])
        outside = dict(self.env.locals)  # the body's let is visible only inside the loop
        body_let = self.x.fresh("row")
        base = window if body_src.dtype == "f32" else E("cast", window, dtype="f32")
        lets = [Stmt("let", name=body_let, expr=base)]
        self.env.locals[body_let] = self.env.expr(base)
        expr = self.to_dtype(E(rng.choice(("add", "mul", "sub")), E("var", name=body_let),
                                 self.value((step, cols), "f32", 2)), dtype)
        self.env.locals = outside
        loop = rng.choice(("range", "parallel"))
        body = lets + [Stmt("assign", name=out.name, items=[("range", var, step)], expr=expr)]
        self.emit(Stmt("for", name=var, attrs={"loop": loop, "start": 0, "stop": rows, "step": step},
                       body=body))

    def feature_carried(self):
        """let acc = zeros(..); for k in pipeline|range(0, C, S) { acc = acc + row_sum(x[:, k:k+S]) }"""
        rng = self.rng
        rows = self.dim(1, 512)
        step = rng.choice((8, 16, 32, 64, 128))
        trips = rng.choice((1, 2, 3, 4))
        if count((rows, step * trips)) > self.options.max_elements:
            return
        src = self.x.new_param((rows, step * trips), "f32")
        acc = self.x.fresh("acc")
        self.emit(Stmt("let", name=acc, expr=E("full", shape=(rows, 1), value=0, dtype="f32", zeros=True)))
        var = self.x.fresh("k")
        window = E("load", name=src.name, items=[("all",), ("range", var, step)])
        red = rng.choice(("row_sum", "row_max", "row_min"))
        update = E("add" if red == "row_sum" else red[4:], E("var", name=acc), E(red, window))
        loop = rng.choice(("pipeline", "range"))
        attrs = {"loop": loop, "start": 0, "stop": step * trips, "step": step}
        if loop == "pipeline":
            attrs["stages"] = rng.choice((1, 2, 3))
        self.emit(Stmt("for", name=var, attrs=attrs, body=[Stmt("assign", name=acc, expr=update)]))
        out = self.new_output((rows, 1), "f32")
        self.emit(Stmt("assign", name=out.name, expr=E("var", name=acc)))

    def feature_k_loop(self):
        """acc = matmul(a[:, k:k+S], b[k:k+S, :], acc=acc) (or acc + matmul(..)) over a pipelined K loop."""
        rng = self.rng
        m, n = self.dim(1, 256), self.dim(1, 256)
        step = rng.choice((16, 32, 64, 128))
        k = step * rng.choice((1, 2, 3, 4))
        if max(count((m, k)), count((k, n))) > self.options.max_elements:
            return
        operand = rng.choice(("bf16", "f16", "i8", "f32"))
        result = "i32" if operand == "i8" else "f32"
        a, b = self.x.new_param((m, k), operand), self.x.new_param((k, n), operand)
        acc = self.x.fresh("acc")
        self.emit(Stmt("let", name=acc, expr=E("full", shape=(m, n), value=0, dtype=result, zeros=True)))
        var = self.x.fresh("k")
        mm_args = [E("load", name=a.name, items=[("all",), ("range", var, step)]),
                   E("load", name=b.name, items=[("range", var, step)])]
        if rng.random() < 0.5:
            update = Expr("matmul", mm_args + [E("var", name=acc)], {})
        else:
            update = E("add", E("var", name=acc), Expr("matmul", mm_args, {}))
        loop = rng.choice(("pipeline", "range"))
        attrs = {"loop": loop, "start": 0, "stop": k, "step": step}
        if loop == "pipeline":
            attrs["stages"] = rng.choice((1, 2))
        self.emit(Stmt("for", name=var, attrs=attrs, body=[Stmt("assign", name=acc, expr=update)]))
        out = self.new_output((m, n), result)
        self.emit(Stmt("assign", name=out.name, expr=E("var", name=acc)))

    def feature_limit_probe(self):
        """A statement at a documented limit, so the rejection paths run too (the oracle
        expects a located error naming the limit, never a crash)."""
        rng = self.rng
        probe = rng.choice(("cast", "window", "wide_row", "deep_k"))
        if probe == "cast":        # i32 -> bf16 has no single-rounding chain on either target
            x = self.x.new_param((16, 32), "i32")
            out = self.new_output((16, 32), "bf16")
            expr = E("cast", E("param", name=x.name), dtype="bf16", round="rint")
        elif probe == "window":    # a window over two leading dims
            x = self.x.new_param((4, 8, 16), "f32")
            out = self.new_output((2, 4, 16), "f32")
            expr = E("load", name=x.name, items=[("range", "1", 2), ("range", "2", 4)])
        elif probe == "wide_row":  # a row reduction keeps rows whole: 2^17 f32 do not fit UB
            x = self.x.new_param((2, 1 << 17), "f32")
            out = self.new_output((2, 1), "f32")
            expr = E("row_sum", E("param", name=x.name))
        else:                      # K not a multiple of K0 is one cube step, too deep for L0
            a, b = self.x.new_param((16, 5000), "bf16"), self.x.new_param((5000, 16), "bf16")
            out = self.new_output((16, 16), "f32")
            expr = E("matmul", E("param", name=a.name), E("param", name=b.name))
        self.emit(Stmt("assign", name=out.name, expr=expr))

    def feature_insert(self):
        """let t = zeros([R, C]); t[a:b, :] = v; y = t ..."""
        rows, cols = self.shape2()
        if rows < 2:
            return
        name = self.x.fresh("buf")
        self.emit(Stmt("let", name=name, expr=E("full", shape=(rows, cols), value=0, dtype="f32", zeros=True)))
        part = self.rng.randint(1, rows - 1)
        start = self.rng.randint(0, rows - part)
        items = [("range", str(start), part), ("all",)]
        self.emit(Stmt("assign", name=name, items=items, expr=self.value((part, cols), "f32", 2)))
        out = self.new_output((rows, cols), "f32")
        self.emit(Stmt("assign", name=out.name, expr=self.value_using(name, (rows, cols))))

    def to_dtype(self, value, dtype):
        """value (f32) as dtype: a cast with a rounding mode where it narrows."""
        if dtype == "f32":
            return value
        return E("cast", value, dtype=dtype, round=self.rng.choice(("rint", "round", "floor", "ceil", "trunc")))

    def value_using(self, name, shape):
        v = E("var", name=name)
        return E(self.rng.choice(("add", "mul", "sub")), v, self.value(shape, "f32", 1))

    def feature_quant(self):
        rows, cols = self.shape2()
        src = self.x.gen((rows, cols), self.rng.choice(("bf16", "f32", "f16")), 1)
        q, s = self.x.fresh("q"), self.x.fresh("scale")
        self.emit(Stmt("quant", names=(q, s), expr=src,
                       attrs={"scale_max": self.rng.choice((127.0, 100.0)), "amax_eps": self.rng.choice((1e-4, 1e-2))}))
        yq = self.new_output((rows, cols), "i8")
        ys = self.new_output((rows, 1), "f32")
        self.emit(Stmt("assign", name=yq.name, expr=E("var", name=q)))
        self.emit(Stmt("assign", name=ys.name, expr=E("var", name=s)))

    def feature_scopes(self):
        """A cube scope writes a matmul to scratch; a vector scope (tokens=N sometimes) reads it."""
        rng = self.rng
        m, k, n = self.dim(1, 512), self.dim(1, 1024), self.dim(1, 512)
        if max(count((m, k)), count((k, n))) > self.options.max_elements:
            return
        operand = rng.choice(("bf16", "f16", "i8"))
        acc = "i32" if operand == "i8" else "f32"
        mid = self.x.fresh("mid")
        self.emit(Stmt("scratch", name=mid, attrs={"shape": (m, n), "dtype": acc}))
        a = self.x.new_param((m, k), operand)
        b = self.x.new_param((k, n), operand)
        mm = E("matmul", E("param", name=a.name), E("param", name=b.name))
        self.emit(Stmt("scope", name=self.x.fresh("proj"), attrs={"core": "cube"},
                       body=[Stmt("assign", name=mid, expr=mm)]))
        out = self.new_output((m, n), self.rng.choice(("f32", "bf16")))
        loaded = E("param", name=mid)
        value = loaded if acc == "f32" else E("cast", loaded, dtype="f32", round="rint")
        value = E("mul", value, E("param", name=self.x.new_param((n,), "f32").name))
        if rng.random() < 0.5:
            value = E("add", value, E("row_max", value))
        if out.dtype != "f32":
            value = E("cast", value, dtype=out.dtype, round=rng.choice(("rint", "round", "trunc")))
        attrs = {"core": "vector"}
        if rng.random() < 0.5:
            attrs["tokens"] = rng.choice([t for t in (1, 2, 4, 8, 16) if m % t == 0])
        self.emit(Stmt("scope", name=self.x.fresh("epilogue"), attrs=attrs,
                       body=[Stmt("assign", name=out.name, expr=value)]))

    def feature_epilogue(self):
        """y = chain(matmul(a, b)): the flagship's dequant, scale and norm on a matmul's product,
        which fusion makes one vector scope reading all of its rows, the shape cube -> vector
        pairing takes (the oracle's paired mode runs it so)."""
        rng = self.rng
        operand = rng.choice(("bf16", "f16", "i8"))
        m, k = 16 * rng.randint(1, 16), 16 * rng.choice((1, 2, 4, 8))
        n = n_step(operand) * rng.randint(1, 8)
        a, b = self.x.new_param((m, k), operand), self.x.new_param((k, n), operand)
        value = E("matmul", E("param", name=a.name), E("param", name=b.name))
        if operand == "i8":
            value = E("cast", value, dtype="f32", round="rint")
        value = E("mul", value, E("param", name=self.x.new_param((n,), "f32").name))
        if rng.random() < 0.5:
            value = Expr("rms_norm", [value], {"eps": rng.choice((1e-6, 1e-3))})
        out = self.new_output((m, n), rng.choice(("f32", "bf16")))
        if out.dtype != "f32":
            value = E("cast", value, dtype=out.dtype, round=rng.choice(("rint", "round", "trunc")))
        self.emit(Stmt("assign", name=out.name, expr=value))

    def feature_prologue(self):
        """y = matmul(chain(x), b): an input scaling, normed or not, rounded to the cube's operand
        type or quantized to int8 (its scale another output, stored between the two), which
        fusion makes one vector scope that alone computes the matmul's A, the shape vector -> cube
        pairing takes (the oracle's paired mode runs it so)."""
        rng = self.rng
        operand = rng.choice(("bf16", "f16", "i8"))
        m, k = 16 * rng.randint(1, 16), 16 * rng.choice((1, 2, 4, 8))
        n = n_step(operand) * rng.randint(1, 8)
        x = self.x.new_param((m, k), rng.choice(("f32", "bf16" if operand == "i8" else operand)))
        value = E("param", name=x.name)
        if x.dtype != "f32":
            value = E("cast", value, dtype="f32")
        if rng.random() < 0.5:
            value = Expr("rms_norm", [value], {"eps": rng.choice((1e-6, 1e-3))})
        value = E("mul", value, E("param", name=self.x.new_param((k,), "f32").name))
        if operand == "i8":
            q, scale = self.x.fresh("q"), self.x.fresh("scale")
            self.emit(Stmt("quant", names=(q, scale), expr=value,
                           attrs={"scale_max": 127.0, "amax_eps": rng.choice((1e-4, 1e-2))}))
            self.emit(Stmt("assign", name=self.new_output((m, 1), "f32").name,
                           expr=E("var", name=scale)))
            value = E("var", name=q)
        else:
            value = E("cast", value, dtype=operand, round=rng.choice(("rint", "round", "trunc")))
        b = self.x.new_param((k, n), operand)
        out = self.new_output((m, n), "i32" if operand == "i8" else "f32")
        self.emit(Stmt("assign", name=out.name, expr=E("matmul", value, E("param", name=b.name))))

    def feature_siblings(self):
        """let a = x or bf16(x * w); y_i = matmul(a, b_i) [* s_i] for two or three B: matmuls of the
        same A, which tilec joins into one launch (ascend.joined) where that is estimated faster,
        their B loaded where the first matmul is."""
        rng = self.rng
        operand = rng.choice(("bf16", "f16", "i8"))
        m, k = 16 * rng.randint(1, 16), 16 * rng.choice((1, 2, 4, 8))
        x = self.x.new_param((m, k), operand)
        value = E("param", name=x.name)
        if operand != "i8" and rng.random() < 0.5:   # the flagship's normalised activations
            scaled = E("mul", E("cast", value, dtype="f32"), E("param", name=self.x.new_param((k,), "f32").name))
            value = E("cast", scaled, dtype=operand, round="rint")
        a = self.x.fresh("a")
        self.emit(Stmt("let", name=a, expr=value))
        product = "i32" if operand == "i8" else "f32"
        for _ in range(rng.choice((2, 2, 3))):
            n = n_step(operand) * rng.randint(1, 8)
            b = self.x.new_param((k, n), operand)
            value = E("matmul", E("var", name=a), E("param", name=b.name))
            if rng.random() < 0.5:
                if operand == "i8":
                    value = E("cast", value, dtype="f32", round="rint")
                value = E("mul", value, E("param", name=self.x.new_param((n,), "f32").name))
            out = self.new_output((m, n), product if value.op == "matmul" else "f32")
            self.emit(Stmt("assign", name=out.name, expr=value))

    def feature_row_gather(self):
        rng = self.rng
        table_rows, cols, n = self.dim(2, 1024), self.dim(2, 512), self.dim(1, 256)
        if max(count((table_rows, cols)), count((n, cols))) > self.options.max_elements:
            return
        table = self.x.new_param((table_rows, cols), rng.choice(("bf16", "f32", "f16")))
        idx = self.x.new_param((n,), "i32", kind="index", bound=table_rows)
        take = rng.randint(1, cols)
        start = rng.randint(0, cols - take)
        cols_item = ("range", str(start), take) if take < cols else None
        rows = E("load_rows", E("param", name=idx.name), name=table.name, cols=cols_item)
        out = self.new_output((n, take), "f32")
        value = rows if table.dtype == "f32" else E("cast", rows, dtype="f32")
        self.emit(Stmt("assign", name=out.name, expr=E("mul", value, self.value((n, take), "f32", 1))))

    def feature_bcast_nd(self):
        """Rank-3/4 elementwise math with broadcasts of size-1 and missing leading dims."""
        shape = self.shape_nd()
        if len(shape) < 3:
            shape = (2,) + shape + (1,) * (2 - len(shape)) if len(shape) < 2 else (2,) + shape
        out = self.new_output(shape, "f32")
        self.emit(Stmt("assign", name=out.name, expr=self.value(shape, "f32", 2)))

    def feature_reread(self):
        """y = f; [let b = g;] let old = y; y = b or h(old); z = k(old): a tensor read from an output
        keeps its values when the output is stored into afterwards, even with a value computed
        before the read (compiler/conversion/GmHazards.h)."""
        shape = self.shape2()
        out = self.new_output(shape, "f32")
        self.emit(Stmt("assign", name=out.name, expr=self.value(shape, "f32", 2)))
        early = None
        if self.rng.random() < 0.5:
            early = self.x.fresh("next")
            self.emit(Stmt("let", name=early, expr=self.value(shape, "f32", 2)))
        old = self.x.fresh("old")
        self.emit(Stmt("let", name=old, expr=E("param", name=out.name)))
        overwrite = E("var", name=early) if early else self.value_using(old, shape)
        self.emit(Stmt("assign", name=out.name, expr=overwrite))
        after = self.new_output(shape, "f32")
        self.emit(Stmt("assign", name=after.name, expr=self.value_using(old, shape)))

    FEATURES = (("store", 6), ("let", 2), ("row_loop", 2), ("carried", 1), ("insert", 1), ("quant", 1),
                ("scopes", 1), ("row_gather", 1), ("bcast_nd", 2), ("k_loop", 1), ("limit_probe", 1),
                ("reread", 1), ("epilogue", 1), ("siblings", 1), ("prologue", 1))

    def build(self):
        rng = self.rng
        names = [n for n, w in self.FEATURES for _ in range(w)]
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            getattr(self, "feature_" + rng.choice(names))()
        if not self.outputs:
            self.feature_store()
        used = used_names(self.kernel)
        self.kernel.params = [p for p in self.kernel.params if p.out or p.name in used]
        self.kernel.params.sort(key=lambda p: p.out)
        self.name_dims()
        analyze(self.kernel)  # must hold by construction
        if rng.random() < self.options.runtime_dim:
            self.make_rows_runtime()
        return self.kernel

    def make_rows_runtime(self):
        """Declares a first dimension R of the tensor parameters (rank 2 or more) as a run-time
        dim `dim T <= R` (the most common one no window or row gather reads in part), writes `T`
        for R in the parameters' and the body's shapes of rank 2 or more and `:` for a window of
        all R rows, and picks the value the inputs have: 1, R - 1, or any in between. Where the
        language does not allow the dim (constant rows meeting `T` rows, …) tilec says so and the
        oracle demotes the kernel to constant rows (oracle.demote)."""
        kernel = self.kernel
        tensors = [p for p in kernel.params if p.shape and len(p.shape) >= 2]
        firsts = [p.shape[0] for p in tensors if p.shape[0] > 1]
        by_name = {p.name: p for p in tensors}
        loads = [e for _, e in expressions(kernel) if e.op in ("load", "load_rows") and e.attrs["name"] in by_name]
        for e in loads:
            rows = by_name[e.attrs["name"]].shape[0]
            first = e.attrs["items"][0] if e.op == "load" else None
            if first is None or not (first[0] == "all" or (first[0] == "range" and first[1] == "0"
                                                             and first[2] in (0, rows))):
                firsts = [d for d in firsts if d != rows]
        if not firsts:
            return
        rows = max(sorted(set(firsts)), key=firsts.count)
        for p in tensors:
            p.rows_dim = p.shape[0] == rows
        for e in loads:
            if by_name[e.attrs["name"]].rows_dim:
                e.attrs["items"] = [("all",)] + list(e.attrs["items"][1:])
        shaped = [s.attrs for _, s in statements(kernel.body)] + [e.attrs for _, e in expressions(kernel)]
        for attrs in shaped:
            shape = attrs.get("shape")
            if shape and len(shape) >= 2 and shape[0] == rows:
                attrs["rows_dim"] = True
        value = self.rng.choice((1, rows - 1, self.rng.randint(1, rows)))
        kernel.runtime_dim = (rows, max(value, 1))

    def name_dims(self):
        """Spell up to two parameter dim sizes by consts (shared ones, or const expressions)."""
        rng = self.rng
        sizes = sorted({d for p in self.kernel.params if p.shape for d in p.shape if d > 1})
        for size in rng.sample(sizes, min(len(sizes), rng.choice((0, 1, 2)))):
            shared = {c[2]: c[0] for c in COMMON_CONSTS if isinstance(c[2], int)}
            if size in shared and rng.random() < 0.7:
                self.kernel.dim_names[size] = shared[size]
                continue
            name = f"{self.kernel.name}_d{size}"
            forms = [str(size), f"{size + 3} - 3", f"{size * 4 + 1} // 4", f"({size * 2}) / 2",
                     f"-{size} % {size + 7} - 7 + {size}"]
            if size % 2 == 0:
                forms.append(f"{size // 2} * 2")
            self.kernel.consts.append((name, rng.choice(forms)))
            self.kernel.dim_names[size] = name


def n_step(operand):
    """The step of a feature's matmul N: 16, whole 32-column blocks for i8."""
    return I8_N_STEP if operand == "i8" else 16


def used_names(kernel):
    names = set()

    def expr(e):
        if "name" in e.attrs:
            names.add(e.attrs["name"])
        for item in e.attrs.get("items", ()):
            if item[0] != "all":
                names.add(item[1])
        if e.op == "const":
            names.add(e.attrs["text"])
        for a in e.args:
            expr(a)

    def stmt(s):
        if s.expr is not None:
            expr(s.expr)
        names.add(s.name)
        for item in s.items or ():
            if item[0] != "all":
                names.add(item[1])
        for inner in s.body:
            stmt(inner)

    for s in kernel.body:
        stmt(s)
    return names


def generate_kernel(seed, index, options=None):
    options = options or Options()
    for attempt in range(20):
        rng = random.Random(f"{seed}:{index}:{attempt}")
        try:
            return KernelGen(rng, f"k{index}", options).build()
        except Invalid:
            continue
    raise RuntimeError(f"no valid kernel for seed {seed} index {index}")


def generate_module(seed, options=None):
    options = options or Options()
    module = Module(seed)
    for i in range(options.kernels_per_module):
        module.kernels.append(generate_kernel(seed, i, options))
    return module
