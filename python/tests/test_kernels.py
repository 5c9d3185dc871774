"""One test per kernel of kernels-dsl/: the model's outputs against the independent numpy
goldens of test/Kernels/golden, with the tolerances the lit tests of test/Kernels use, written
with tilec.testing."""
import numpy as np
import prefill_qkv_rope as prefill_golden
from decode_gqa import decode_gqa
from decode_qkv_rope import decode_qkv_rope
from flash_prefill import flash_prefill
from matmul_w8a8 import matmul_w8a8
from quant_int8 import quant_int8
from rmsnorm import rmsnorm
from rope import rope

from conftest import kernel_path
from tilec.testing import exact, ratio_allclose, validate

# compare.py --preset qkv_rope: the acceptance table of dsv4_prefill_qkv_rope.md.
QKV_ROPE = {"q": ratio_allclose(1e-4, 1 / 128, 0.005), "kv": ratio_allclose(1e-4, 1 / 128, 0.005),
            "qr": ratio_allclose(1.0, 0.0, 0.0), "qr_scale": ratio_allclose(2.5e-5, 5e-3, 0.005)}


def test_rmsnorm():
    # Row sums in f32 on the model, in f64 in the golden: one bf16 step apart at most.
    validate(kernel_path("rmsnorm.tile"), lambda i: rmsnorm(i["x"], i["gamma"]), seed=3,
             tolerances={"y": ratio_allclose(0, 1 / 128, 0)})


def test_quant_int8():
    validate(kernel_path("quant_int8.tile"), lambda i: quant_int8(i["x"]), seed=3,
             tolerances={"q": exact(), "scale": exact()})


def test_rope_at_the_last_table_rows():
    validation = validate(kernel_path("rope.tile"),
                          lambda i: rope(i["x"], i["freqs_cos"], i["freqs_sin"], i["start_pos"]),
                          scalars={"start_pos": 896}, seed=2, tolerances={"y": exact()})
    assert validation.inputs["start_pos"] == 896


def test_rope_on_the_interpreter():
    validate(kernel_path("rope.tile"),
             lambda i: rope(i["x"], i["freqs_cos"], i["freqs_sin"], i["start_pos"]),
             seed=1, tolerances={"y": exact()}, runner="interpret")


def test_matmul_w8a8():
    validate(kernel_path("matmul_w8a8.tile"),
             lambda i: matmul_w8a8(i["a"], i["a_scale"], i["b"], i["b_scale"]), seed=3,
             tolerances={"c": exact()})


def test_prefill_qkv_rope_small():
    validate(kernel_path("deepseek_v4/prefill_qkv_rope.tile"),
             lambda i: prefill_golden.prefill_qkv_rope(i, i["start_pos"]),
             defines={"T": 32}, scalars={"start_pos": 7}, seed=6, tolerances=QKV_ROPE)


def test_decode_qkv_rope():
    validate(kernel_path("deepseek_v4/decode_qkv_rope.tile"),
             lambda i: decode_qkv_rope(i, i["positions"]), seed=7, tolerances=QKV_ROPE)


def test_decode_gqa():
    # One valid position, a few, most and all S = 512 of them.
    validate(kernel_path("attention/decode_gqa.tile"), decode_gqa, seed=5,
             inputs={"lens": np.array([1, 37, 300, 512], np.int32)})


def test_flash_prefill_small():
    # P rounded to bf16 per KV block against the running max: within 2^-8 · max|v| of the
    # exact golden, plus one bf16 step (test/Kernels/model-attention.test).
    validate(kernel_path("attention/flash_prefill.tile"), flash_prefill, defines={"H": 1, "S": 512},
             seed=5, tolerances={"o": (2 ** -8, 2 ** -7, 0)})
