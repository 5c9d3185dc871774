"""Running tilec and tile-run, and reading what they said.

Every tilec answer falls in one class:
  accepted        exit 0
  rejected        exit 1 with a located `file:line:col: error:` whose message is a
                  documented limit (LIMITS below: the reason it is counted under)
  finding         anything else: a signal or abnormal exit status (crash), a
                  timeout (hang), an unlocated error, an op that fails its verifier
                  after a pass (invalid IR), or a located error no limit explains
"""
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)

# Rejections that are genuine, documented limits of the language or the targets
# (docs/testing.md lists them with the reason each exists).
LIMITS = [
    ("cast-chain", r"cannot convert '\w+' to '\w+' on \w+: no chain"),
    ("cast-wrap", r"cannot convert '\w+' to '\w+' without saturation on \w+"),
    ("window-leading-dims", r"cannot lower a window spanning several leading dimensions"),
    ("ub-row", r"needs whole (rows|columns) of .* in UB"),
    ("on-chip-overflow", r"(?i)\b(ub|l1|l0a|l0b|l0c) overflow: buffer"),
    ("matmul-blocking", r"no blocking of the .* matmul fits"),
    ("tokens-chunk", r"tokens=\d+|does not divide|do not fit UB"),
    ("interleave-i8", r"interleaving 'i8' is not supported"),
    ("matmul-i8-n", r"an i8 matmul needs N to be a multiple of 32"),
    ("gather-blocks", r"(keeps|halves have) \d+ \w+ columns \(\d+ bytes\); they must fill whole 32-byte blocks"),
    ("matmul-acc", r"with an accumulator is not lowered yet"),
    ("matmul-dim", r"matmul dimension .* exceeds|larger than the cube's"),
]
# How tile-run's summary names the cores of a mixed launch, and a joined matmul's launch (the
# .tile lines of all its matmuls).
MIXED_LAUNCH = "(aic+aiv"
JOINED_LAUNCH = re.compile(r"_matmul_l\d+_l\d+")
# Located errors that are the compiler's own fault, not the kernel's.
INTERNAL = re.compile(r"'(ascend|tile|scf|arith)\.\w+' op |failed to verify|still has a tensor result|"
                      r"run --|C\+\+ emission|cannot spell|no C\+\+ tile type|has no vector lowering|"
                      r"is not a unary vector op|launches an unknown task|memory planning reserved|"
                      r"event ids of that pair")


@dataclass
class Verdict:
    kind: str          # accepted / rejected / finding
    reason: str = ""   # the limit (rejected) or the finding class
    message: str = ""
    line: int = 0      # of the first located error
    mixed: bool = False  # accepted: a mixed launch (cube -> vector pairing) ran
    joined: bool = False  # accepted: a launch of joined matmuls ran

    def signature(self):
        """What a reduced kernel must still show: the class and the message without numbers."""
        return (self.kind, self.reason, re.sub(r"[0-9]+", "N", self.message)[:120])


def classify(returncode, stderr, timed_out=False):
    if timed_out:
        return Verdict("finding", "hang", "timed out")
    if returncode == 0:
        return Verdict("accepted")
    match = LOCATED.search(stderr)
    if returncode != 1 or returncode < 0:
        return Verdict("finding", "crash", stderr.strip().splitlines()[-1][:300] if stderr.strip() else
                       f"exit status {returncode}", int(match["line"]) if match else 0)
    if not match:
        return Verdict("finding", "unlocated-error", stderr.strip()[:300])
    message, line = match["msg"], int(match["line"])
    for reason, pattern in LIMITS:
        if re.search(pattern, message):
            return Verdict("rejected", reason, message, line)
    if INTERNAL.search(message):
        return Verdict("finding", "internal-error", message, line)
    return Verdict("finding", "unexplained-rejection", message, line)


class Tools:
    def __init__(self, bin_dir, timeout=600, host_flags=(), host_cxx=""):
        self.tilec = os.path.join(bin_dir, "tilec")
        self.tile_run = os.path.join(bin_dir, "tile-run")
        self.timeout = timeout
        self.host_flags = list(host_flags)
        self.host_cxx = host_cxx

    def run(self, argv):
        try:
            p = subprocess.run(argv, capture_output=True, text=True, timeout=self.timeout)
            return p.returncode, p.stdout, p.stderr, False
        except subprocess.TimeoutExpired:
            return -1, "", "", True

    def compile(self, path, target, fuse=True):
        """tilec on the file, as `execute` compiles it (unfused: matmuls launched apart too)."""
        apart = [] if fuse else ["--join-matmuls=false"]
        rc, _, err, hung = self.run([self.tilec, path, f"--target={target}", f"--fuse={str(fuse).lower()}",
                                     *apart, "-o", os.devnull])
        return classify(rc, err, hung)

    def execute(self, path, kernel, inputs, outputs, mode, target, dims=None):
        """tile-run in `mode` (interpret / fused / unfused / paired: fused, every matmul that can
        pair with its consumer paired, even where that idles cube cores, and every other one's
        work items column by column, weight streaming's order); a Verdict (accepted =
        ran; `mixed` when a mixed launch ran, `joined` when a launch of joined matmuls did). The
        unfused lowering, one task per op, launches every matmul on its own too
        (--join-matmuls=false), so fused against unfused also checks the joined launches. `dims`:
        the run-time dims' values (else tile-run counts them in the inputs, or takes the bound)."""
        argv = [self.tile_run, path, f"--kernel={kernel}", f"--inputs={inputs}", f"--outputs={outputs}",
                *[f"--set={name}={value}" for name, value in (dims or {}).items()]]
        if mode == "interpret":
            argv.append("--interpret")
        else:
            argv += [f"--target={target}", f"--fuse={'false' if mode == 'unfused' else 'true'}"]
            if mode == "unfused":
                argv.append("--join-matmuls=false")
            if mode == "paired":
                argv += ["--pair-cube-vector", "--pair-always", "--stream-weights=always"]
            argv += [f"--host-flag={flag}" for flag in self.host_flags]
            if self.host_cxx:
                argv.append(f"--host-cxx={self.host_cxx}")
        rc, out, err, hung = self.run(argv)
        if hung:
            return Verdict("finding", "hang", f"{mode} run timed out")
        if rc == 0:
            return Verdict("accepted", mixed=MIXED_LAUNCH in out, joined=bool(JOINED_LAUNCH.search(out)))
        if rc < 0 or rc > 1:
            return Verdict("finding", "crash", f"{mode}: exit {rc}: {err.strip()[-300:]}")
        return Verdict("finding", f"{mode}-error", err.strip()[:400])


def compiles_model_types(cxx):
    """Whether `cxx` takes the model's element types: the CPU model stores f16 as
    _Float16, which clang before 15 rejects on x86 ("not supported on this target")."""
    probe = subprocess.run([cxx, "-std=c++17", "-fsyntax-only", "-x", "c++", "-"],
                           input="_Float16 half(float f) { return _Float16(f); }\n",
                           capture_output=True, text=True, check=False)
    return probe.returncode == 0


def fast_host():
    """(compiler, flags) that compile the model's C++ fastest: clang++ at -O0 when an
    installed one takes the model's types (about 2x g++ -O0), else the default
    compiler at -O0. Contraction stays off, as with g++ in ISO mode, so every a*b+c
    rounds twice as written."""
    for name in ("clang++-22", "clang++"):
        path = shutil.which(name)
        if path and compiles_model_types(path):
            return path, ["-O0", "-ffp-contract=off"]
    return "", ["-O0"]
