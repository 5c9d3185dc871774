"""bf16 in and out: float32 values rounded to nearest even, uint16 bit patterns, float32 out."""
import numpy as np
import pytest

import tilec
from conftest import kernel_path

ONE_ULP = 2.0 ** -7  # of bf16 at 1.0


def test_bf16_values_round_to_nearest_even():
    values = np.array([1.0, 1 + ONE_ULP / 2, 1 + 1.5 * ONE_ULP, 1 + 0.75 * ONE_ULP, -3.0],
                      np.float32)
    assert tilec.bf16_values(values).tolist() == [1.0, 1.0, 1 + 2 * ONE_ULP, 1 + ONE_ULP, -3.0]
    assert tilec.bf16_values(values).dtype == np.float32


def test_bf16_bits_and_back():
    bits = tilec.bf16_bits(np.array([1.0, -2.0, 0.0, np.inf], np.float32))
    assert bits.dtype == np.uint16
    assert bits.tolist() == [0x3F80, 0xC000, 0x0000, 0x7F80]
    assert tilec.bf16_values(bits).tolist() == [1.0, -2.0, 0.0, np.inf]
    assert np.isnan(tilec.bf16_values(np.array([np.nan], np.float32)))[0]


def test_inputs_as_values_or_bits_give_the_same_run():
    kernel = tilec.compile(kernel_path("rmsnorm.tile"), defines={"T": 8, "D": 256})
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 256)).astype(np.float32)
    gamma = rng.standard_normal(256)  # float64: rounded to float32, then to bf16
    unrounded = kernel.interpret({"x": x, "gamma": gamma})["y"]
    as_bits = kernel.interpret({"x": tilec.bf16_bits(x),
                                "gamma": tilec.bf16_bits(gamma.astype(np.float32))})["y"]
    assert unrounded.dtype == np.float32
    np.testing.assert_array_equal(unrounded, as_bits)
    # The outputs are bf16 values: rounding them again changes nothing.
    np.testing.assert_array_equal(tilec.bf16_values(unrounded), unrounded)


def test_goldens_see_the_rounded_inputs():
    kernel = tilec.compile(kernel_path("rmsnorm.tile"), defines={"T": 8, "D": 256})
    x = np.full((8, 256), 1 + ONE_ULP / 2, np.float32)
    prepared = kernel.prepare_inputs({"x": x}, seed=0)
    assert np.all(prepared["x"] == 1.0)


def test_torch_tensors_in_and_out():
    torch = pytest.importorskip("torch")
    kernel = tilec.compile(kernel_path("rmsnorm.tile"), defines={"T": 8, "D": 256})
    x = torch.randn(8, 256).to(torch.bfloat16)
    gamma = torch.ones(256, dtype=torch.bfloat16)
    y = kernel.interpret({"x": x, "gamma": gamma})["y"]
    assert y.dtype == torch.bfloat16
    expected = kernel.interpret({"x": x.float().numpy(), "gamma": np.ones(256, np.float32)})["y"]
    np.testing.assert_array_equal(y.float().numpy(), expected)
