"""tile-smith.py gen | campaign | check | reduce (see docs/testing.md)."""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

from .campaign import kernel_from_json, run_campaign
from .generator import Options, generate_module
from .oracle import Oracle
from .pto_isa import PtoIsa
from .reducer import reduce
from .tools import Tools, fast_host
from .tree import COMMON_FILE, common_text, render_module

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def options_from(args):
    # `gen` promises modules tilec accepts; whether a run-time dim is allowed where the generator
    # puts it is tilec's to say, so only the campaign (which demotes rejected ones) adds them.
    runtime_dim = args.runtime_dim if args.runtime_dim is not None else \
        (Options.runtime_dim if args.command == "campaign" else 0.0)
    return Options(kernels_per_module=args.kernels_per_module, runtime_dim=runtime_dim)


def cmd_gen(args):
    options = options_from(args)
    for seed in range(args.seed, args.seed + args.count):
        module = generate_module(seed, options)
        if args.out_dir:
            os.makedirs(args.out_dir, exist_ok=True)
            with open(os.path.join(args.out_dir, f"smith-{seed}.tile"), "w") as f:
                f.write(module.text(standalone=args.standalone))
            if not args.standalone:
                with open(os.path.join(args.out_dir, COMMON_FILE), "w") as f:
                    f.write(common_text())
        else:
            sys.stdout.write(module.text(standalone=True))
    return 0


def cmd_campaign(args):
    work = tempfile.mkdtemp(prefix="tile-smith-")
    config = {"seed": args.seed, "targets": args.targets.split(","), "bin_dir": args.bin_dir,
              "host_flags": args.host_flag, "host_cxx": args.host_cxx, "work_dir": work, "findings_dir": os.path.abspath(args.findings),
              "pto_isa": args.pto_isa, "pto_isa_cxx": args.pto_isa_cxx,
              "reduce_seconds": args.reduce_seconds,
              "options": {"kernels_per_module": args.kernels_per_module,
                          "runtime_dim": options_from(args).runtime_dim}}
    modules = None
    if args.kernels:
        modules = -(-args.kernels // args.kernels_per_module)
    elif args.modules:
        modules = args.modules
    last = [0.0]

    def progress(summary, elapsed):
        if args.progress and elapsed - last[0] >= args.progress:
            last[0] = elapsed
            print(f"[{elapsed:6.0f} s] generated {summary.generated} accepted {summary.accepted} "
                  f"findings {len(summary.findings)}", flush=True)

    started = time.monotonic()
    try:
        summary = run_campaign(config, modules=modules, seconds=args.seconds, jobs=args.jobs, progress=progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(summary.report(time.monotonic() - started, args.jobs))
    accepted = summary.accepted / max(summary.generated, 1)
    if args.min_accepted and accepted < args.min_accepted:
        print(f"tile-smith: only {100 * accepted:.1f} % accepted (at least {100 * args.min_accepted:.0f} % expected)")
        return 1
    return 1 if summary.findings else 0


def load_finding(path):
    with open(path) as f:
        data = json.load(f)
    return data, kernel_from_json(data["kernel"])


def oracle_in(args, work):
    tools = Tools(args.bin_dir, host_flags=args.host_flag, host_cxx=args.host_cxx)
    return Oracle(tools, work, PtoIsa(tools, args.pto_isa, args.pto_isa_cxx) if args.pto_isa else None)


def cmd_check(args):
    data, kernel = load_finding(args.finding)
    with tempfile.TemporaryDirectory(prefix="tile-smith-") as work:
        result = oracle_in(args, work).run_module([kernel], args.target or data["target"], data["seed"], "check")
    for f in result.findings:
        print(f"{f.kind} on {f.target}: {f.message}")
    if not result.findings:
        print("no finding" + ("" if result.accepted else f" (rejected: {', '.join(result.rejected)})"))
    return 1 if result.findings else 0


def cmd_reduce(args):
    data, kernel = load_finding(args.finding)
    signature = tuple(data["signature"])
    with tempfile.TemporaryDirectory(prefix="tile-smith-") as work:
        oracle = oracle_in(args, work)
        reduced = reduce(kernel, lambda k: oracle.still_fails(k, data["target"], signature, data["seed"], "reduce"),
                         args.seconds, log=(lambda m: print(m, file=sys.stderr)) if args.verbose else None)
    sys.stdout.write(render_module([reduced], standalone=True))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tile-smith.py", description=__doc__)
    parser.add_argument("--bin-dir", default=os.path.join(ROOT, "build", "bin"), help="where tilec and tile-run are")
    parser.add_argument("--host-flag", action="append", default=[],
                        help="tile-run --host-flag for the model's C++ (e.g. -O0: faster compiles)")
    parser.add_argument("--host-cxx", default="", help="tile-run --host-cxx: the host compiler of the model's C++")
    parser.add_argument("--fast-host", action="store_true",
                        help="compile the model's C++ fast: clang++ -O0 -ffp-contract=off if installed, else -O0")
    parser.add_argument("--pto-isa", help="a pto-isa checkout: also build each module against its headers and "
                        "run each kernel on its CPU simulator (the oracle's step 4)")
    parser.add_argument("--pto-isa-cxx", default="clang++-22", help="the compiler of the pto-isa builds")
    parser.add_argument("--kernels-per-module", type=int, default=10)
    parser.add_argument("--runtime-dim", type=float,
                        help=f"the share of kernels given a run-time dim (campaign: {Options.runtime_dim}, gen: 0)")
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("gen", help="print (or write) generated modules")
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--count", type=int, default=1)
    gen.add_argument("--out-dir", help=f"write smith-SEED.tile files (and the {COMMON_FILE} they import)")
    gen.add_argument("--standalone", action="store_true", help="define the shared consts in each file")
    gen.set_defaults(func=cmd_gen)

    camp = sub.add_parser("campaign", help="generate, check and reduce; exit 1 on any finding")
    camp.add_argument("--seed", type=int, default=0)
    group = camp.add_mutually_exclusive_group()
    group.add_argument("--kernels", type=int, help="at least this many kernels")
    group.add_argument("--modules", type=int)
    group.add_argument("--seconds", type=float, help="start modules for this long")
    camp.add_argument("--jobs", type=int, default=2)
    camp.add_argument("--targets", default="a2a3,a5")
    camp.add_argument("--findings", default="smith-findings", help="where reduced findings go")
    camp.add_argument("--reduce-seconds", type=float, default=300, help="budget per finding (0: no reduction)")
    camp.add_argument("--min-accepted", type=float, default=0, help="fail below this accepted fraction")
    camp.add_argument("--progress", type=float, default=0, help="print a progress line every N seconds")
    camp.set_defaults(func=cmd_campaign)

    check = sub.add_parser("check", help="rerun the oracle on a finding's .json")
    check.add_argument("finding")
    check.add_argument("--target")
    check.set_defaults(func=cmd_check)

    red = sub.add_parser("reduce", help="reduce a finding's .json again; prints the kernel")
    red.add_argument("finding")
    red.add_argument("--seconds", type=float, default=600)
    red.add_argument("--verbose", action="store_true")
    red.set_defaults(func=cmd_reduce)

    args = parser.parse_args(argv)
    if args.fast_host:
        args.host_cxx, flags = fast_host()
        args.host_flag = flags + args.host_flag
    if args.command == "campaign" and not (args.kernels or args.modules or args.seconds):
        args.modules = 1
    return args.func(args)
