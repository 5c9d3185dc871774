#!/usr/bin/env python3
"""Checks the goldens themselves: bf16 bit patterns, hand-computed tiny cases of every kernel,
and the command-line tools end to end on a small kernel."""
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from common import bf16_to_f32, f32_to_bf16, rint  # noqa: E402
from decode_gqa import decode_gqa  # noqa: E402
from decode_qkv_rope import decode_qkv_rope  # noqa: E402
from flash_prefill import flash_prefill  # noqa: E402
from matmul_w8a8 import int8_matmul_exact, matmul_w8a8  # noqa: E402
from prefill_qkv_rope import prefill_qkv_rope  # noqa: E402
from quant_int8 import quant_int8  # noqa: E402
from rmsnorm import rmsnorm  # noqa: E402
from rope import rope  # noqa: E402


def from_bits(*bits):
    return np.array(bits, dtype=np.uint32).view(np.float32)


def bf16(*values):
    return f32_to_bf16(np.array(values, dtype=np.float32))


class Bf16Test(unittest.TestCase):
    def test_decode(self):
        self.assertEqual(bf16_to_f32(np.uint16(0x3F80)), 1.0)
        self.assertEqual(bf16_to_f32(np.uint16(0xC000)), -2.0)
        self.assertTrue(np.isnan(bf16_to_f32(np.uint16(0x7FC0))))

    def test_round_to_nearest_even(self):
        cases = {0x3F800000: 0x3F80, 0x3F808000: 0x3F80, 0x3F818000: 0x3F82,
                 0x3F808001: 0x3F81, 0x3F80FFFF: 0x3F81, 0x80000000: 0x8000,
                 0xBF818000: 0xBF82}
        for f32_bits, bf16_bits in cases.items():
            self.assertEqual(f32_to_bf16(from_bits(f32_bits))[0], bf16_bits, hex(f32_bits))

    def test_specials(self):
        self.assertEqual(f32_to_bf16(from_bits(0x7F800000))[0], 0x7F80)  # +Inf
        self.assertEqual(f32_to_bf16(from_bits(0xFF800000))[0], 0xFF80)  # -Inf
        self.assertEqual(f32_to_bf16(from_bits(0x7F7FFFFF))[0], 0x7F80)  # FLT_MAX overflows
        self.assertEqual(f32_to_bf16(from_bits(0xFF7F8000))[0], 0xFF80)  # tie overflows
        self.assertEqual(f32_to_bf16(from_bits(0x7FC00000))[0], 0x7FC0)
        for nan in (0x7F800001, 0x7FFFFFFF, 0xFF800001):  # payload only in dropped bits
            out = f32_to_bf16(from_bits(nan))[0]
            self.assertTrue(np.isnan(bf16_to_f32(out)), hex(nan))
            self.assertEqual(out >> 15, nan >> 31)

    def test_rint_half_to_even(self):
        np.testing.assert_array_equal(rint(np.array([0.5, 1.5, 2.5, -2.5])), [0, 2, 2, -2])


class KernelTest(unittest.TestCase):
    def test_rmsnorm(self):
        # mean(x²) = 7.5, rsqrt = 0.36515; gamma scales and flips signs.
        y = rmsnorm(np.array([[1, 2, 3, 4]], np.float32), np.array([1, 1, -1, 2], np.float32))
        np.testing.assert_array_equal(bf16_to_f32(y["y"]),
                                      [[0.365234375, 0.73046875, -1.09375, 2.921875]])

    def test_quant_int8(self):
        x = np.array([[0.5, -1.0, 0, 0], [127, 2.5, -3.5, 0.5], [0, 0, 0, 0]], np.float32)
        out = quant_int8(x)
        np.testing.assert_array_equal(out["q"], [[64, -127, 0, 0], [127, 2, -4, 0], [0, 0, 0, 0]])
        self.assertEqual(out["q"].dtype, np.int8)
        one = np.float32(1)
        np.testing.assert_array_equal(out["scale"], np.array(
            [[one / np.float32(127)], [one], [one / (np.float32(127) / np.float32(1e-4))]]))

    def test_rope(self):
        x = np.array([[5, 7, 1, 2], [1, -2**-8, 1, -2**-8]], np.float32)
        cos = np.array([[9], [0], [1], [9]], np.float32)  # rows 1, 2 used (start_pos 1)
        sin = np.array([[9], [1], [1], [9]], np.float32)
        y = bf16_to_f32(rope(x, cos, sin, np.int32(1))["y"])
        # Row 0: cos 0, sin 1 swaps the pair with a sign. Row 1: 1 + 2^-8 ties to 1.
        np.testing.assert_array_equal(y, [[5, 7, -2, 1], [1, -2**-8, 1, 1 - 2**-8]])

    def test_matmul_w8a8(self):
        a = np.array([[1, 2], [3, 4]], np.int8)
        b = np.array([[5, 6], [7, 8]], np.int8)
        c = matmul_w8a8(a, np.array([[1], [0.5]], np.float32), b, np.array([1, 2], np.float32))
        np.testing.assert_array_equal(bf16_to_f32(c["c"]), [[19, 44], [21.5, 50]])

    def test_int8_matmul_is_exact(self):
        for k in (1024, 3000):  # the f32 and the f64 path
            a = np.full((1, k), -128, np.int8)
            b = np.full((k, 2), -128, np.int8)
            b[0, 1] = 127
            got = int8_matmul_exact(a, b)
            self.assertEqual(got[0, 0], k * 16384)
            self.assertEqual(got[0, 1], (k - 1) * 16384 - 128 * 127)

    def qkv_params(self, batch):
        """D = 2, Q_LORA = 2, H = 1, HEAD_DIM = 4 (NOPE 2, ROPE 2), MAX_POS = 2."""
        f = lambda rows: np.array(rows, np.float32)
        return {"x": np.tile(f([[[2, 2]]]), (batch, 1, 1)), "norm_w": f([1, 1]),
                "wq_a": f([[1, 0], [0, 1]]), "wq_b": np.array([[1, 0, 0, 0], [0, 1, 1, 0]], np.int8),
                "wq_b_scale": f([[1, 1, 1, 1]]), "wkv": f([[1, 0, 0, 0], [0, 0, 0, 2]]),
                "freqs_cos": f([[1, 9], [0, 9]]), "freqs_sin": f([[0, 9], [1, 9]]),
                "gamma_cq": f([1, 1]), "gamma_ckv": f([1, 1, 1, 1])}

    # xn = qa = qn = [1, 1]; qr = [127, 127]; qf ≈ [1, 1, 1, 0] -> qh = qf · 1.1547;
    # kvf = [1, 0, 0, 2] -> kvn = kvf · 0.894427. Position 1 rotates by cos 0, sin 1.
    Q_ROTATED = [1.15625, 1.15625, 0, 1.15625]
    Q_PLAIN = [1.15625, 1.15625, 1.15625, 0]
    KV_ROTATED = [0.89453125, 0, -1.7890625, 0]
    KV_PLAIN = [0.89453125, 0, 0, 1.7890625]

    def check_qkv(self, out, q_rows, kv_rows):
        np.testing.assert_array_equal(bf16_to_f32(out["q"]), np.array(q_rows)[:, None, :])
        np.testing.assert_array_equal(bf16_to_f32(out["kv"]), kv_rows)
        np.testing.assert_array_equal(out["qr"], [[127, 127]] * len(q_rows))
        np.testing.assert_array_equal(
            out["qr_scale"], np.full((len(q_rows), 1), np.float32(1) / np.float32(127)))

    def test_prefill_qkv_rope(self):
        self.check_qkv(prefill_qkv_rope(self.qkv_params(1), np.int32(1)),
                       [self.Q_ROTATED], [self.KV_ROTATED])
        self.check_qkv(prefill_qkv_rope(self.qkv_params(1), np.int32(0)),
                       [self.Q_PLAIN], [self.KV_PLAIN])

    def test_decode_qkv_rope(self):
        out = decode_qkv_rope(self.qkv_params(2), np.array([[1], [0]], np.int32))
        self.check_qkv(out, [self.Q_ROTATED, self.Q_PLAIN], [self.KV_ROTATED, self.KV_PLAIN])

    def test_decode_gqa(self):
        # B = 2, HQ = 4 over HKV = 2 (G = 2), S = 3, D = 4. Keys of zeros make every visible
        # position equally likely: request 0 sees 1 position (o = its value row), request 1
        # sees 3 (P = bf16(1/3) = 0.333984375 each).
        q = np.ones((2, 4, 4), np.float32)
        k = np.zeros((2, 2, 3, 4), np.float32)
        v = np.arange(2 * 2 * 3 * 4, dtype=np.float32).reshape(2, 2, 3, 4)
        o = bf16_to_f32(decode_gqa({"q": q, "k": k, "v": v, "lens": np.array([1, 3], np.int32)})["o"])
        np.testing.assert_array_equal(o[0], v[0, [0, 0, 1, 1], 0])
        third = np.float32(0.333984375)
        expected = bf16_to_f32(f32_to_bf16(third * v[1].sum(axis=1, dtype=np.float64)))
        np.testing.assert_array_equal(o[1], expected[[0, 0, 1, 1]])

    def test_decode_gqa_scores(self):
        # One head, S = 2, D = 4: s = [0, 2·4/√4 = 4]; softmax = [1/(1+e^4), e^4/(1+e^4)].
        q = np.full((1, 1, 4), 2, np.float32)
        k = np.array([[[[0, 0, 0, 0], [1, 1, 1, 1]]]], np.float32)
        v = np.array([[[[1, 0, 0, 0], [0, 1, 0, 0]]]], np.float32)
        o = bf16_to_f32(decode_gqa({"q": q, "k": k, "v": v, "lens": np.array([2], np.int32)})["o"])
        p = bf16_to_f32(f32_to_bf16(np.array([1, np.e ** 4], np.float32) / np.float32(1 + np.e ** 4)))
        np.testing.assert_array_equal(o, [[[p[0], p[1], 0, 0]]])

    def test_flash_prefill(self):
        # One head, S = 3, keys of zeros: position t averages the values of positions 0 .. t.
        v = np.array([[[3, 0], [1, 2], [2, -2]]], np.float32)
        out = flash_prefill({"q": np.ones((1, 3, 2), np.float32), "k": np.zeros((1, 3, 2), np.float32),
                             "v": v})
        np.testing.assert_array_equal(bf16_to_f32(out["o"]), [[[3, 0], [2, 1], [2, 0]]])


def run(script, *args):
    return subprocess.run([sys.executable, os.path.join(HERE, script), *args],
                          capture_output=True, text=True)


class ToolsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = lambda name: os.path.join(self.tmp.name, name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_gen_inputs_distributions(self):
        self.assertEqual(run("gen_inputs.py", "rope", "--outputs", self.dir("in"),
                             "--set", "start_pos=128").returncode, 0)
        x = np.load(self.dir("in/x.npy"))
        self.assertEqual((x.dtype, x.shape), (np.uint16, (128, 128)))
        self.assertLessEqual(np.abs(bf16_to_f32(x)).max(), 1.0)
        self.assertEqual(np.load(self.dir("in/start_pos.npy")), 128)
        cos = bf16_to_f32(np.load(self.dir("in/freqs_cos.npy")))
        sin = bf16_to_f32(np.load(self.dir("in/freqs_sin.npy")))
        np.testing.assert_array_equal(cos[0], 1)
        self.assertEqual(sin[1, 0], bf16_to_f32(f32_to_bf16(np.float32(np.sin(1.0)))))

        self.assertEqual(run("gen_inputs.py", "matmul_w8a8", "--outputs", self.dir("mm")).returncode, 0)
        a = np.load(self.dir("mm/a.npy"))
        scale = np.load(self.dir("mm/b_scale.npy"))
        self.assertTrue(a.dtype == np.int8 and a.min() >= -127 and a.max() <= 127)
        self.assertTrue(scale.dtype == np.float32 and scale.min() >= 0.5e-2 and scale.max() <= 1.5e-2)

    def test_run_and_compare(self):
        self.assertEqual(run("gen_inputs.py", "rmsnorm", "--outputs", self.dir("in")).returncode, 0)
        self.assertEqual(run("rmsnorm.py", "--inputs", self.dir("in"),
                             "--outputs", self.dir("out")).returncode, 0)
        y = np.load(self.dir("out/y.npy"))
        self.assertEqual((y.dtype, y.shape), (np.uint16, (128, 1024)))
        self.assertEqual(run("compare.py", "--actual", self.dir("out"),
                             "--expected", self.dir("out")).returncode, 0)

        os.makedirs(self.dir("off"))
        y[0, 0] += 1  # one bf16 ulp
        np.save(self.dir("off/y.npy"), y)
        args = ["--actual", self.dir("off"), "--expected", self.dir("out")]
        exact = run("compare.py", *args)
        self.assertEqual(exact.returncode, 1)
        self.assertIn("1 / 131072", exact.stdout)
        self.assertEqual(run("compare.py", *args, "--tol", "y=0,0.0079,0").returncode, 0)
        self.assertEqual(run("compare.py", *args, "--tol", "y=0,0,1e-5").returncode, 0)

        y[1, 1] = 0x7FC0  # NaN fails whatever the tolerance
        np.save(self.dir("off/y.npy"), y)
        self.assertEqual(run("compare.py", *args, "--tol", "y=1,1,1").returncode, 1)

    def test_wrong_input_dtype(self):
        os.makedirs(self.dir("in"))
        np.save(self.dir("in/x.npy"), np.zeros((2, 4), np.float32))
        np.save(self.dir("in/gamma.npy"), np.zeros(4, np.uint16))
        result = run("rmsnorm.py", "--inputs", self.dir("in"), "--outputs", self.dir("out"))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("input 'x'", result.stderr)
        self.assertIn("expected bf16 stored as uint16, found float32", result.stderr)
        self.assertFalse(os.path.exists(self.dir("out")))


if __name__ == "__main__":
    unittest.main(verbosity=1)
