"""tilec.testing.validate: passes within the tolerances, fails with the table beyond them."""
import numpy as np
import pytest

from conftest import kernel_path
from rmsnorm import rmsnorm

import tilec
from tilec.testing import ValidationError, allclose, exact, ratio_allclose, validate

POINTS = 8 * 256


@pytest.fixture(scope="module")
def kernel():
    return tilec.compile(kernel_path("rmsnorm.tile"), defines={"T": 8, "D": 256})


def golden_with_wrong_points(count):
    """rmsnorm's golden with `count` points moved far off (y is returned as float32 values)."""
    def golden(inputs):
        y = tilec.bf16_values(rmsnorm(inputs["x"], inputs["gamma"])["y"])
        y.reshape(-1)[:count] += 100.0
        return {"y": y}
    return golden


def test_a_wrong_golden_fails_with_the_table(kernel):
    with pytest.raises(ValidationError) as caught:
        validate(kernel, golden_with_wrong_points(3), seed=1, runner="interpret",
                 tolerances={"y": allclose(0, 1 / 128)})
    assert "FAIL" in str(caught.value) and "3 / 2048" in str(caught.value)
    assert caught.value.comparisons[0]["failing"] == 3
    assert isinstance(caught.value, AssertionError)


def test_ratio_allclose_allows_its_fraction_of_points(kernel):
    validation = validate(kernel, golden_with_wrong_points(2), seed=1, runner="interpret",
                          tolerances={"y": ratio_allclose(0, 1 / 128, 2 / POINTS)})
    assert validation.comparisons[0]["failing"] == 2 and validation.comparisons[0]["passed"]
    with pytest.raises(ValidationError):
        validate(kernel, golden_with_wrong_points(3), seed=1, runner="interpret",
                 tolerances={"y": (0, 1 / 128, 2 / POINTS)})


def test_default_tolerance_is_the_types(kernel):
    # No tolerance given: bf16 outputs may be one bf16 step off, no more.
    validate(kernel, golden_with_wrong_points(0), seed=1, runner="interpret")
    with pytest.raises(ValidationError):
        validate(kernel, golden_with_wrong_points(1), seed=1, runner="interpret")


def test_golden_may_return_bf16_bits(kernel):
    validation = validate(kernel, lambda i: rmsnorm(i["x"], i["gamma"]), seed=2,
                          runner="interpret", tolerances={"y": allclose(0, 1 / 128)})
    assert validation.comparisons[0]["total"] == POINTS
    assert validation.result["y"].dtype == np.float32


def test_bad_specs_are_value_errors(kernel):
    golden = golden_with_wrong_points(0)
    with pytest.raises(ValueError, match="name no output of 'rmsnorm': z"):
        validate(kernel, golden, tolerances={"z": exact()})
    with pytest.raises(ValueError, match="expected a Tolerance"):
        validate(kernel, golden, tolerances={"y": 0.1})
    with pytest.raises(ValueError, match="unknown runner 'gpu'"):
        validate(kernel, golden, runner="gpu")
    with pytest.raises(tilec.InputError, match="missing expected output y"):
        validate(kernel, lambda i: {}, runner="interpret")
