#!/usr/bin/env python3
"""The flagship's outputs computed with torch on the CPU: the reference a kernel engineer would
validate against (a benchmark, not a test; torch is not a dependency of tilec).

Written from the kernel's math (kernels-dsl/deepseek_v4/prefill_qkv_rope.tile), with the accuracy
policy of the numpy goldens (test/Kernels/golden/common.py): elementwise steps in f32, row sums and
float matmuls accumulated in f64 and rounded once, the int8 matmul exact. Inputs and outputs are
the .npy files of tile-run (--save-inputs, --outputs): bf16 as uint16 bit patterns.

  bench/flagship_torch.py --inputs DIR [--outputs DIR] [--runs N] [--report FILE.json]

prints (and with --report writes as JSON) the median seconds of the computation alone, warm: torch
imported, the inputs already torch tensors, one untimed run first (as tile-run's figure is taken
with a warm compile cache). torch uses every core. Exits 2 with a message when torch is absent.
bench/run.py runs this for docs/performance.md ("Turnaround").
"""
import argparse
import json
import os
import re
import statistics
import sys
import time

import numpy as np

EPS = 1e-6
SCALE_MAX = 127.0
AMAX_EPS = 1e-4
TORCH_MISSING = 2  # exit code
# name -> on-disk dtype ("bf16" files are uint16 bit patterns)
INPUTS = {"x": "bf16", "norm_w": "f32", "wq_a": "bf16", "wq_b": "i8", "wq_b_scale": "f32",
          "wkv": "bf16", "freqs_cos": "bf16", "freqs_sin": "bf16", "gamma_cq": "bf16",
          "gamma_ckv": "bf16", "start_pos": "i32"}


def load_inputs(torch, directory):
    """{name: torch tensor}: bf16 decoded to f32 values, other dtypes as stored."""
    tensors = {}
    for name, dtype in INPUTS.items():
        array = np.load(os.path.join(directory, name + ".npy"), allow_pickle=False)
        if dtype == "bf16":  # torch has no uint16: reinterpret the bits as int16, then bf16
            tensor = torch.from_numpy(array.view(np.int16)).view(torch.bfloat16).float()
        else:
            tensor = torch.from_numpy(array)
        tensors[name] = tensor
    return tensors


def forward(torch, p):
    """The kernel's outputs {q, kv, qr, qr_scale}; bf16 outputs as torch.bfloat16."""
    f32, f64 = torch.float32, torch.float64

    def rms_normalize(x):
        mean_sq = (x * x).to(f64).sum(-1, keepdim=True).to(f32) / x.shape[-1]
        return x * (1.0 / torch.sqrt((mean_sq + EPS).to(f64))).to(f32)

    def matmul_f32(a, b):
        return (a.to(f64) @ b.to(f64)).to(f32)

    def round_bf16(x):
        return x.to(torch.bfloat16).to(f32)

    x = p["x"].reshape(-1, p["x"].shape[-1])
    tokens, seq = x.shape[0], p["x"].shape[1]
    head_dim = p["wkv"].shape[1]
    heads = p["wq_b"].shape[1] // head_dim
    rope = p["freqs_cos"].shape[1]
    positions = (int(p["start_pos"]) + torch.arange(seq)).repeat(tokens // seq)
    cos = p["freqs_cos"][positions, : rope // 2]
    sin = p["freqs_sin"][positions, : rope // 2]

    def rope_tail(values):
        """bf16 of values, the last `rope` columns rotated in interleaved (even, odd) pairs."""
        tail = values[..., -rope:]
        even, odd = tail[..., 0::2], tail[..., 1::2]
        c, s = (cos, sin) if values.dim() == 2 else (cos[:, None, :], sin[:, None, :])
        out = values.clone()
        out[..., -rope::2] = even * c - odd * s
        out[..., -rope + 1::2] = even * s + odd * c
        return out.to(torch.bfloat16)

    xn = round_bf16(rms_normalize(x) * p["norm_w"])
    qn = round_bf16(rms_normalize(matmul_f32(xn, p["wq_a"])) * p["gamma_cq"])
    amax = torch.clamp(qn.abs().amax(-1, keepdim=True), min=AMAX_EPS)
    s = amax.new_tensor(SCALE_MAX) / amax  # `scalar / tensor` would be reciprocal(tensor) · scalar
    qr = torch.clamp(torch.round(qn * s), -SCALE_MAX, SCALE_MAX).to(torch.int8)
    qr_scale = 1.0 / s
    # Every partial sum of K int8 products is an integer below 2^24 when K·128² <= 2^24, so the
    # f32 product is exact; larger K needs f64.
    exact = f32 if qr.shape[1] * 128 * 128 <= 2 ** 24 else f64
    qi = (qr.to(exact) @ p["wq_b"].to(exact)).to(f32)
    qf = (qi * qr_scale) * p["wq_b_scale"].reshape(1, -1)
    qh = rms_normalize(qf.reshape(tokens, heads, head_dim))
    kvn = rms_normalize(matmul_f32(xn, p["wkv"])) * p["gamma_ckv"]
    return {"q": rope_tail(qh), "kv": rope_tail(kvn), "qr": qr, "qr_scale": qr_scale}


def write_outputs(torch, outputs, directory):
    os.makedirs(directory, exist_ok=True)
    for name, tensor in outputs.items():
        if tensor.dtype == torch.bfloat16:
            array = tensor.view(torch.int16).numpy().view(np.uint16)
        else:
            array = tensor.numpy()
        np.save(os.path.join(directory, name + ".npy"), array, allow_pickle=False)


def timed_runs(torch, inputs, runs):
    """(median seconds of `runs` timed computations after an untimed one, the outputs)."""
    with torch.no_grad():
        outputs = forward(torch, inputs)
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            outputs = forward(torch, inputs)
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), outputs


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", required=True, metavar="DIR")
    parser.add_argument("--outputs", metavar="DIR")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--report", metavar="FILE.json")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("flagship_torch.py: torch is not installed (e.g. apt-get install python3-torch)",
              file=sys.stderr)
        sys.exit(TORCH_MISSING)
    torch.set_num_threads(os.cpu_count())
    seconds, outputs = timed_runs(torch, load_inputs(torch, args.inputs), args.runs)
    if args.outputs:
        write_outputs(torch, outputs, args.outputs)
    report = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "blas": re.search(r"BLAS_INFO=(\w+)", torch.__config__.show()).group(1),
              "seconds": seconds}
    if args.report:
        with open(args.report, "w") as f:
            json.dump(report, f)
    print(f"torch {report['torch']}, {report['threads']} threads: {seconds:.3f} s")


if __name__ == "__main__":
    main()
