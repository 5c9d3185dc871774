"""A campaign: modules of generated kernels through the oracle on 1..n worker processes.

Module i has seed `seed + i` and runs on target `targets[i % len(targets)]`, so a
campaign covers both targets and gives the same results whatever the number of
workers. Each finding is reduced in the worker that found it and written to the
findings directory as a .tile ready to become a regression test (its header
says what it shows) plus the kernel tree as JSON (`tile-smith.py check` reruns it).
"""
import json
import multiprocessing
import os
import queue
import re
import time
from dataclasses import asdict

from .generator import Options, generate_module
from .oracle import Oracle
from .pto_isa import PtoIsa
from .reducer import reduce
from .tools import Tools
from .tree import Kernel, Param, Stmt, Expr, render_module


def kernel_to_json(kernel):
    return asdict(kernel)


def kernel_from_json(data):
    def expr(d):
        attrs = dict(d["attrs"])
        for key in ("items", "cols"):
            if attrs.get(key) is not None:
                attrs[key] = [tuple(i) for i in attrs[key]] if key == "items" else tuple(attrs[key])
        if "shape" in attrs:
            attrs["shape"] = tuple(attrs["shape"])
        return Expr(d["op"], [expr(a) for a in d["args"]], attrs)

    def stmt(d):
        attrs = dict(d["attrs"])
        if "shape" in attrs:
            attrs["shape"] = tuple(attrs["shape"])
        return Stmt(d["kind"], d["name"], tuple(d["names"]), expr(d["expr"]) if d["expr"] else None,
                    [tuple(i) for i in d["items"]] if d["items"] is not None else None, attrs,
                    [stmt(s) for s in d["body"]])

    params = [Param(p["name"], p["dtype"], tuple(p["shape"]) if p["shape"] is not None else None, p["out"],
                    p["kind"], p["bound"], p["value"], p.get("rows_dim", False)) for p in data["params"]]
    runtime_dim = data.get("runtime_dim")  # (bound, value)
    return Kernel(data["name"], params, [stmt(s) for s in data["body"]], [tuple(c) for c in data["consts"]],
                  {int(size): name for size, name in data["dim_names"].items()},
                  tuple(runtime_dim) if runtime_dim else None)


class Worker:
    def __init__(self, config):
        self.config = config
        self.tools = Tools(config["bin_dir"], host_flags=config["host_flags"], host_cxx=config["host_cxx"])
        pto_isa = PtoIsa(self.tools, config["pto_isa"], config["pto_isa_cxx"]) if config.get("pto_isa") else None
        self.oracle = Oracle(self.tools, config["work_dir"], pto_isa)

    def run(self, index):
        cfg = self.config
        seed = cfg["seed"] + index
        target = cfg["targets"][index % len(cfg["targets"])]
        options = Options(**cfg["options"])
        module = generate_module(seed, options)
        started = time.monotonic()
        result = self.oracle.run_module(module.kernels, target, seed, f"m{seed}-{os.getpid()}")
        written = []
        for n, finding in enumerate(result.findings):
            reduced = finding.kernel
            if cfg["reduce_seconds"] > 0:
                tag = f"r{seed}-{n}-{os.getpid()}"

                def predicate(kernel, finding=finding):
                    return self.oracle.still_fails(kernel, finding.target, finding.signature, seed, tag)

                reduced = reduce(finding.kernel, predicate, cfg["reduce_seconds"])
            written.append(self.write_finding(seed, n, finding, reduced))
        return index, target, result, written, time.monotonic() - started

    def write_finding(self, seed, n, finding, kernel):
        os.makedirs(self.config["findings_dir"], exist_ok=True)
        stem = os.path.join(self.config["findings_dir"], f"{finding.kind}-seed{seed}-{n}")
        message = re.sub(r"\s+", " ", finding.message)
        header = (f"# tile-smith finding: {finding.kind} on {finding.target} (module seed {seed})\n"
                  f"# {message[:600]}\n"
                  f"# rerun: tools/tile-smith/tile-smith.py check {os.path.basename(stem)}.json "
                  f"--target {finding.target}\n")
        with open(stem + ".tile", "w") as f:
            f.write(render_module([kernel], header=header, standalone=True))
        with open(stem + ".json", "w") as f:
            json.dump({"target": finding.target, "seed": seed, "kind": finding.kind, "message": finding.message,
                       "signature": list(finding.signature), "kernel": kernel_to_json(kernel)}, f)
        return stem + ".tile", finding.kind, finding.target, message[:300] + "\n" + render_module([kernel], standalone=True)


_worker = None


def _init(config):
    global _worker
    _worker = Worker(config)


def _run(index):
    return _worker.run(index)


class Summary:
    def __init__(self):
        self.modules = self.generated = self.accepted = 0
        self.rejected = {}
        self.outputs = [0, 0, 0]       # bit-exact, bounded, loose
        self.runtime_dim = [0, 0]      # run with a run-time dim, demoted to constant rows
        self.paired = [0, 0]           # kernels with a matmul run paired, a mixed launch in them
        self.joined = 0                # kernels whose fused run launched joined matmuls
        self.pto_isa = [0, 0]          # kernels run on pto-isa's simulator, skipped for its gaps
        self.findings = []            # (path, kind, target, message)
        self.by_target = {}

    def add(self, target, result, written):
        self.modules += 1
        self.generated += result.generated
        self.accepted += result.accepted
        t = self.by_target.setdefault(target, [0, 0])
        t[0] += result.generated
        t[1] += result.accepted
        for i, n in enumerate((result.exact, result.bounded, result.loose)):
            self.outputs[i] += n
        self.runtime_dim[0] += result.runtime_dim
        self.runtime_dim[1] += result.demoted
        self.paired[0] += result.paired_runs
        self.paired[1] += result.paired
        self.joined += result.joined
        self.pto_isa[0] += result.pto_isa
        self.pto_isa[1] += result.pto_isa_gaps
        for reason, n in result.rejected.items():
            self.rejected[reason] = self.rejected.get(reason, 0) + n
        self.findings += written

    def report(self, seconds, jobs):
        crashes = sum(1 for f in self.findings if f[1] in ("crash", "hang"))
        mismatches = sum(1 for f in self.findings if f[1] == "mismatch")
        lines = [f"tile-smith: {self.modules} modules, {seconds:.0f} s on {jobs} workers",
                 f"generated   {self.generated}",
                 f"accepted    {self.accepted} ({100.0 * self.accepted / max(self.generated, 1):.1f} %)"]
        for target, (g, a) in sorted(self.by_target.items()):
            lines.append(f"  {target:<8}  {a} of {g}")
        lines.append(f"  run-time dim  {self.runtime_dim[0]} run below their bound "
                     f"({self.runtime_dim[1]} more given constant rows: the language rejects the dim there)")
        lines.append(f"  paired        {self.paired[0]} with a matmul run paired too, a mixed launch "
                     f"in {self.paired[1]}")
        lines.append(f"  joined        {self.joined} launched matmuls of the same A as one (fused; unfused "
                     f"launches them apart)")
        ran, gaps = self.pto_isa
        lines.append(f"  pto-isa       {ran} built against pto-isa's headers and run on its simulator"
                     + (f", {gaps} not: the simulator lacks an element type its NPU headers take"
                        if gaps else "" if ran else " (--pto-isa: a checkout)"))
        exact, bounded, loose = self.outputs
        lines.append(f"outputs     {exact + bounded + loose} compared: {exact} bit for bit, {bounded} within a "
                     f"bound < 10 % of their magnitude, {loose} within a looser bound")
        lines.append(f"rejected    {sum(self.rejected.values())}")
        for reason, n in sorted(self.rejected.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {reason:<24}{n}")
        lines.append(f"mismatches  {mismatches}")
        lines.append(f"crashes     {crashes}")
        lines.append(f"findings    {len(self.findings)}")
        for path, kind, target, message in self.findings:
            lines.append(f"  {kind} on {target}: {path}\n    " + message.replace("\n", "\n    "))
        return "\n".join(lines)


def run_campaign(config, modules=None, seconds=None, jobs=2, progress=None):
    """Runs `modules` modules (or as many as start within `seconds`); returns the Summary."""
    summary = Summary()
    started = time.monotonic()
    limit = modules if modules is not None else 10 ** 9
    done = queue.Queue()
    with multiprocessing.Pool(jobs, initializer=_init, initargs=(config,)) as pool:
        submitted = finished = 0
        while True:
            in_time = seconds is None or time.monotonic() - started < seconds
            while in_time and submitted < limit and submitted - finished < 2 * jobs:
                pool.apply_async(_run, (submitted,), callback=done.put, error_callback=done.put)
                submitted += 1
            if finished == submitted:
                break
            outcome = done.get()
            finished += 1
            if isinstance(outcome, BaseException):
                raise outcome
            index, target, result, written, took = outcome
            summary.add(target, result, written)
            if progress:
                progress(summary, time.monotonic() - started)
    summary.findings.sort()
    return summary
