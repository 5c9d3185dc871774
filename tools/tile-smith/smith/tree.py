"""The kernels tile-smith builds: expression trees and statements, printed as .tile.

Nodes hold only what the source says (op, operands, attributes). Types, value
ranges and error bounds are recomputed from them by analysis.py, so the reducer
can edit a tree freely and ask again whether it is still a valid kernel.
"""
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

Shape = Tuple[int, ...]


@dataclass
class Expr:
    """One expression. `op` names the form; see render_expr for each one's operands and attrs."""
    op: str
    args: List["Expr"] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)


@dataclass
class Param:
    name: str
    dtype: str              # bf16 f16 f32 i8 i32
    shape: Optional[Shape]  # None: a scalar parameter
    out: bool = False
    # Inputs: how values are drawn ("uniform": floats in [-1, 1], integers in
    # [-127, 127]; "index": row indices in [0, bound); "scalar": exactly `value`).
    kind: str = "uniform"
    bound: int = 0
    value: float = 0.0
    rows_dim: bool = False  # its first dimension is the kernel's run-time dim (Kernel.runtime_dim)


@dataclass
class Stmt:
    """let / assign / quant (let q, s = quant_int8) / scratch / for / scope."""
    kind: str
    name: str = ""
    names: Tuple[str, ...] = ()
    expr: Optional[Expr] = None
    items: Optional[list] = None   # assign: slice items of the written region, None: all of it
    attrs: dict = field(default_factory=dict)
    body: List["Stmt"] = field(default_factory=list)


@dataclass
class Kernel:
    name: str
    params: List[Param]
    body: List[Stmt]
    consts: List[Tuple[str, str]] = field(default_factory=list)  # emitted before the kernel
    dim_names: dict = field(default_factory=dict)  # a parameter dim size -> the const that spells it
    # (bound, value): a run-time dim `dim T <= BOUND` (RUNTIME_DIM) counting the first dimension of
    # the rows_dim parameters and shapes, which analysis sees at the bound and the inputs have at `value`.
    runtime_dim: Optional[Tuple[int, int]] = None

    def param(self, name):
        return next((p for p in self.params if p.name == name), None)


def statements(body, path=()):
    """(path, stmt) of every statement, depth first."""
    for i, s in enumerate(body):
        yield path + (i,), s
        yield from statements(s.body, path + (i,))


def expressions(kernel):
    """(stmt path, expr) of every expression node, parents before children."""
    out = []

    def walk(path, e):
        out.append((path, e))
        for a in e.args:
            walk(path, a)

    for path, s in statements(kernel.body):
        if s.expr is not None:
            walk(path, s.expr)
    return out


def fmt_float(value):
    text = repr(float(value))
    return text if ("e" in text or "." in text) else text + ".0"


def render_item(item):
    """A slice item: ("idx", text) single index, ("range", start_text, size) a:a+size, ("all",)."""
    if item[0] == "all":
        return ":"
    if item[0] == "idx":
        return item[1]
    start, size = item[1], item[2]
    if start == "0":
        return f":{size}" if size else ":"
    try:
        return f"{start}:{int(start) + size}"
    except ValueError:
        return f"{start}:{start} + {size}"


def render_items(items):
    return "[" + ", ".join(render_item(i) for i in items) + "]"


# The run-time dim a kernel declares (Kernel.runtime_dim), by its one name.
RUNTIME_DIM = "T"


def render_shape(shape, rows_dim=False):
    """A shape literal; `rows_dim`: its first dimension is the kernel's run-time dim."""
    dims = [str(d) for d in shape]
    if rows_dim:
        dims[0] = RUNTIME_DIM
    return "[" + ", ".join(dims) + "]"


BINARY_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "div": "/"}


def render_expr(e: Expr) -> str:
    op, a, at = e.op, e.args, e.attrs
    if op in ("param", "var"):
        return at["name"]
    if op == "load":                       # a window of a global tensor
        return at["name"] + render_items(at["items"])
    if op == "load_rows":                  # table[idx, a:b]
        cols = at.get("cols")
        return f"{at['name']}[{render_expr(a[0])}" + (f", {render_item(cols)}]" if cols else "]")
    if op == "const":                      # a scalar operand
        return at["text"]
    if op == "full":
        if at["value"] == 0 and at.get("zeros"):
            return f"zeros({render_shape(at['shape'], at.get('rows_dim'))}, {at['dtype']})"
        value = at["value"]
        text = str(int(value)) if at["dtype"] in ("i8", "i32") else fmt_float(value)
        return f"full({render_shape(at['shape'], at.get('rows_dim'))}, {text}, {at['dtype']})"
    if op in BINARY_SYMBOLS and not at.get("call"):
        return f"({render_expr(a[0])} {BINARY_SYMBOLS[op]} {render_expr(a[1])})"
    if op == "neg" and not at.get("call"):
        return f"-{render_expr(a[0])}"
    if op == "vslice":
        return f"({render_expr(a[0])}){render_items(at['items'])}" if a[0].op not in ("var",) \
            else f"{render_expr(a[0])}{render_items(at['items'])}"
    if op == "cast":
        text = f"cast({render_expr(a[0])}, {at['dtype']}"
        if at.get("round"):
            text += f", round={at['round']}"
        if at.get("sat") is not None:
            text += f", sat={'true' if at['sat'] else 'false'}"
        return text + ")"
    if op == "matmul":
        text = f"matmul({render_expr(a[0])}, {render_expr(a[1])}"
        if len(a) > 2:
            text += f", acc={render_expr(a[2])}"
        if at.get("out"):
            text += f", out={at['out']}"
        return text + ")"
    if op == "gather":
        pattern = at["pattern"]
        return f"gather({render_expr(a[0])}, " + (f"pattern={pattern})" if at.get("kw") else f"{pattern})")
    if op in ("reshape", "broadcast"):
        return f"{op}({render_expr(a[0])}, {render_shape(at['shape'], at.get('rows_dim'))})"
    if op == "rms_norm":
        gamma = f", {render_expr(a[1])}" if len(a) > 1 else ""
        return f"rms_norm({render_expr(a[0])}{gamma}, eps={fmt_float(at['eps'])})"
    if op == "rope":
        return f"rope({', '.join(render_expr(x) for x in a)}, offset={at['offset']})"
    # every other form is a call with positional operands
    return f"{op}({', '.join(render_expr(x) for x in a)})"


def render_stmt(s: Stmt, indent: str, out: list):
    if s.kind == "let":
        out.append(f"{indent}let {s.name} = {render_expr(s.expr)}")
    elif s.kind == "scratch":
        out.append(f"{indent}let {s.name} = scratch({render_shape(s.attrs['shape'], s.attrs.get('rows_dim'))}, {s.attrs['dtype']})")
    elif s.kind == "quant":
        out.append(f"{indent}let {s.names[0]}, {s.names[1]} = quant_int8({render_expr(s.expr)}, "
                   f"scale_max={fmt_float(s.attrs['scale_max'])}, amax_eps={fmt_float(s.attrs['amax_eps'])})")
    elif s.kind == "assign":
        target = s.name + (render_items(s.items) if s.items is not None else "")
        out.append(f"{indent}{target} = {render_expr(s.expr)}")
    elif s.kind == "for":
        at = s.attrs
        bounds = ", ".join(str(x) for x in (at["start"], at["stop"], at["step"]))
        if at["loop"] == "pipeline":
            bounds += f", stages={at['stages']}"
        out.append(f"{indent}for {s.name} in {at['loop']}({bounds}) {{")
        for inner in s.body:
            render_stmt(inner, indent + "  ", out)
        out.append(f"{indent}}}")
    elif s.kind == "scope":
        core = s.attrs["core"] + (f"(tokens={s.attrs['tokens']})" if s.attrs.get("tokens") else "")
        out.append(f'{indent}scope "{s.name}" on {core} {{')
        for inner in s.body:
            render_stmt(inner, indent + "  ", out)
        out.append(f"{indent}}}")
    else:
        raise ValueError(f"unknown statement kind {s.kind}")


def render_param(p: Param, dim_names=None):
    if p.shape is None:
        return f"{p.name}: {p.dtype}"
    names = dim_names or {}
    dims = [names.get(d, str(d)) for d in p.shape]
    if p.rows_dim:
        dims[0] = RUNTIME_DIM
    shape = "[" + ", ".join(dims) + "]"
    return f"{'out ' if p.out else ''}{p.name}: tensor<{shape}, {p.dtype}>"


def render_kernel(k: Kernel) -> str:
    lines = [f"const {name} = {value}" for name, value in k.consts]
    params = [f"dim {RUNTIME_DIM} <= {k.runtime_dim[0]}"] if k.runtime_dim else []
    params += [render_param(p, k.dim_names) for p in k.params]
    params = ",\n    ".join(params)
    lines.append(f"kernel {k.name}(\n    {params}) {{")
    for s in k.body:
        render_stmt(s, "  ", lines)
    lines.append("}")
    return "\n".join(lines) + "\n"


# Consts every module imports (import "smith_common.tile"); kernels use them as
# scalars and dimension sizes. A standalone rendering (a finding, a fuzz seed)
# defines them in place instead.
COMMON_FILE = "smith_common.tile"
COMMON_CONSTS = (("SM_HALF", "0.5", 0.5), ("SM_TWO", "2", 2), ("SM_SIXTEEN", "4 * 4", 16),
                 ("SM_TILE", "SM_SIXTEEN * 2", 32), ("SM_EPS", "1e-5", 1e-5))


def common_text():
    return "# tile-smith's shared consts\n" + "".join(f"const {n} = {t}\n" for n, t, _ in COMMON_CONSTS)


def render_module(kernels, header="", standalone=False):
    body = "\n".join(render_kernel(k) for k in kernels)
    parts = [header] if header else []
    if "SM_" in body:
        parts.append("".join(f"const {n} = {t}\n" for n, t, _ in COMMON_CONSTS) if standalone
                     else f'import "{COMMON_FILE}"\n')
    parts.append(body)
    return "\n".join(parts)
