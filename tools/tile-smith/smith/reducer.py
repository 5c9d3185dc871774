"""Automatic reduction of a finding (greedy delta debugging over the kernel tree).

Candidates, tried until none is accepted: drop a statement (a let's uses become a
fresh input of its type), unwrap a loop or a scope, replace an expression by an
operand of its element type (of another shape when its users broadcast it, or when it is
an output's only, whole write: the output takes the operand's shape) or by a fresh input, shrink every use of one dimension
size, drop unused parameters. A candidate is kept when it still analyses
(check.analyze) and `predicate(kernel)` (the oracle: same finding class and
signature) holds.
"""
import copy
import time

from .analysis import Invalid
from .check import Env, analyze
from .generator import used_names
from .tree import Expr, Param, Stmt, expressions, statements


class RecordingEnv(Env):
    """An Env that remembers the Info of every expression it evaluates, by id."""

    def __init__(self, kernel):
        super().__init__(kernel)
        self.seen = {}

    def expr(self, e):
        info = super().expr(e)
        self.seen[id(e)] = info
        return info


def expression_infos(kernel):
    env = RecordingEnv(kernel)
    for s in kernel.body:
        env.stmt(s)
    return env.seen


def body_at(kernel, path):
    body = kernel.body
    for i in path[:-1]:
        body = body[i].body
    return body


def fresh_param(kernel, info, prefix="r"):
    names = {p.name for p in kernel.params}
    n = 0
    while f"{prefix}{n}" in names:
        n += 1
    p = Param(f"{prefix}{n}", info.dtype, tuple(info.shape))
    kernel.params.insert(0, p)
    return Expr("param", [], {"name": p.name})


def replace_node(kernel, target, replacement):
    """Replace the node with id `target` (in place) by `replacement`."""
    def walk(e):
        for i, a in enumerate(e.args):
            if id(a) == target:
                e.args[i] = replacement
                return True
            if walk(a):
                return True
        return False

    for _, s in statements(kernel.body):
        if s.expr is not None:
            if id(s.expr) == target:
                s.expr = replacement
                return True
            if walk(s.expr):
                return True
    return False


def substitute_var(kernel, name, make):
    def walk(e):
        for i, a in enumerate(e.args):
            if a.op == "var" and a.attrs["name"] == name:
                e.args[i] = make()
            else:
                walk(a)

    for _, s in statements(kernel.body):
        if s.expr is not None:
            if s.expr.op == "var" and s.expr.attrs["name"] == name:
                s.expr = make()
            else:
                walk(s.expr)


def prune(kernel):
    """Drop unused inputs, and outputs nothing writes (keeping at least one)."""
    used = used_names(kernel)
    written = {s.name for _, s in statements(kernel.body) if s.kind == "assign"}
    keep = [p for p in kernel.params if (p.out and p.name in written) or (not p.out and p.name in used)]
    if not any(p.out for p in keep):
        keep += [p for p in kernel.params if p.out][:1]
    kernel.params = keep
    sizes = {d for p in keep if p.shape for d in p.shape}
    kernel.dim_names = {size: name for size, name in kernel.dim_names.items() if size in sizes}
    kernel.consts = [c for c in kernel.consts if c[0] in kernel.dim_names.values()]


def candidates(kernel):
    """Smaller variants of `kernel`, biggest cuts first (generated lazily)."""
    try:
        infos = expression_infos(kernel)
    except Invalid:
        return
    paths = [p for p, _ in statements(kernel.body)]
    for path in reversed(paths):  # drop a statement
        k = copy.deepcopy(kernel)
        body = body_at(k, path)
        removed = body.pop(path[-1])
        if removed.kind == "let":
            info = infos.get(id(body_at(kernel, path)[path[-1]].expr))
            if info is not None:
                substitute_var(k, removed.name, lambda: fresh_param(k, info))
        yield k
    for path in paths:  # unwrap a loop (its variable becomes 0) or a scope
        s = body_at(kernel, path)[path[-1]]
        if s.kind in ("for", "scope"):
            k = copy.deepcopy(kernel)
            body = body_at(k, path)
            inner = body.pop(path[-1])
            if inner.kind == "for":
                rename_index(inner.body, inner.name, str(inner.attrs["start"]))
            body[path[-1]:path[-1]] = inner.body
            yield k
    whole_outputs = sole_whole_writes(kernel)
    for path, e in expressions(kernel):  # an operand, or a fresh input
        info = infos.get(id(e))
        if info is None:
            continue
        for a in e.args:
            ai = infos.get(id(a))
            if ai is None or ai.dtype != info.dtype:
                continue
            if ai.shape == info.shape:
                yield replaced(kernel, e, lambda k, a=a: copy.deepcopy(a))
                continue
            # Another shape: the users may still broadcast it (analysis decides); an
            # output written whole by this expression alone takes the operand's shape.
            candidate = replaced(kernel, e, lambda k, a=a: copy.deepcopy(a))
            statement = body_at(kernel, path)[path[-1]]
            if statement.expr is e and statement.name in whole_outputs:
                candidate.param(statement.name).shape = tuple(ai.shape)
            yield candidate
        if e.op not in ("param", "var", "load", "const", "full") and info.shape:
            yield replaced(kernel, e, lambda k: fresh_param(k, info))
    sizes = sorted({d for p in kernel.params if p.shape for d in p.shape if d > 1}, reverse=True)
    for size in sizes:  # shrink one dimension size everywhere
        for smaller in sorted({1, 2, size // 2, 16 if size > 16 else 1}):
            if smaller < size:
                yield shrink(kernel, size, smaller)


def sole_whole_writes(kernel):
    """Outputs whose only write is one assignment of the whole tensor."""
    writes = {}
    for _, s in statements(kernel.body):
        if s.kind == "assign":
            writes.setdefault(s.name, []).append(s)
    return {name for name, found in writes.items()
            if len(found) == 1 and found[0].items is None and kernel.param(name) is not None}


def replaced(kernel, node, make):
    """A copy of kernel with `node` replaced by make(copy)."""
    index = [id(e) for _, e in expressions(kernel)].index(id(node))
    k = copy.deepcopy(kernel)
    target = expressions(k)[index][1]
    replace_node(k, id(target), make(k))
    return k


def rename_index(body, name, value):
    def walk(e):
        if e.op == "load":
            e.attrs["items"] = [(it[0], value if it[1] == name else it[1], *it[2:]) if it[0] != "all" else it
                                for it in e.attrs["items"]]
        for a in e.args:
            walk(a)

    for _, s in statements(body):
        if s.expr is not None:
            walk(s.expr)
        if s.items is not None:
            s.items = [(it[0], value if it[1] == name else it[1], *it[2:]) if it[0] != "all" else it
                       for it in s.items]


def shrink(kernel, size, smaller):
    k = copy.deepcopy(kernel)

    def shape(t):
        return tuple(smaller if d == size else d for d in t)

    def items(its):
        return [(it[0], it[1], smaller if it[2] == size else it[2]) if it[0] == "range" else it for it in its]

    def walk(e):
        if "shape" in e.attrs:
            e.attrs["shape"] = shape(e.attrs["shape"])
        if "items" in e.attrs:
            e.attrs["items"] = items(e.attrs["items"])
        for a in e.args:
            walk(a)

    for p in k.params:
        if p.shape:
            p.shape = shape(p.shape)
        if p.kind == "index" and p.bound == size:
            p.bound = smaller
    if k.runtime_dim and k.runtime_dim[0] == size:
        k.runtime_dim = (smaller, min(k.runtime_dim[1], smaller))
    for _, s in statements(k.body):
        if s.expr is not None:
            walk(s.expr)
        if s.items is not None:
            s.items = items(s.items)
        if "shape" in s.attrs:
            s.attrs["shape"] = shape(s.attrs["shape"])
        if s.kind == "for":
            for key in ("stop", "step"):
                if s.attrs[key] == size:
                    s.attrs[key] = smaller
    return k


def size_of(kernel):
    from .tree import render_kernel
    return len(render_kernel(kernel))


def reduce(kernel, predicate, budget_seconds=600, log=None):
    """The smallest variant of `kernel` found for which predicate holds."""
    deadline = time.monotonic() + budget_seconds
    best = copy.deepcopy(kernel)
    prune(best)
    tried = 0
    progress = True
    while progress and time.monotonic() < deadline:
        progress = False
        for candidate in candidates(best):
            if time.monotonic() > deadline:
                break
            prune(candidate)
            if size_of(candidate) >= size_of(best):
                continue
            try:
                analyze(candidate)
            except Invalid:
                continue
            tried += 1
            if predicate(candidate):
                best = candidate
                progress = True
                if log:
                    log(f"reduce: {size_of(best)} bytes after {tried} tries")
                break
    return best
