"""Kernel.run and Kernel.interpret: the same inputs, outputs and figures as tile-run."""
import numpy as np

import tilec
from conftest import kernel_path, run_tool

RMSNORM = kernel_path("rmsnorm.tile")
PIPES = {"S", "V", "M", "MTE1", "MTE2", "MTE3", "FIX"}


def load_tensor(path):
    array = np.load(path)
    return tilec.bf16_values(array) if array.dtype == np.uint16 else array


def test_random_inputs_and_outputs_are_tile_runs(tmp_path):
    kernel = tilec.compile(RMSNORM)
    run_tool("tile-run", RMSNORM, "--random", 3, "--save-inputs", tmp_path / "in",
             "--outputs", tmp_path / "out", "--progress=never")
    inputs = kernel.random_inputs(seed=3)
    for name, array in inputs.items():
        np.testing.assert_array_equal(array, load_tensor(tmp_path / "in" / f"{name}.npy"))
    result = kernel.run(seed=3)
    np.testing.assert_array_equal(result["y"], load_tensor(tmp_path / "out" / "y.npy"))


def test_model_figures_are_tile_runs_report(tmp_path):
    kernel = tilec.compile(RMSNORM)
    result = kernel.run(seed=1)
    run_tool("tile-run", RMSNORM, "--random", 1, "--report", tmp_path / "report.json",
             "--progress=never")
    import json
    with open(tmp_path / "report.json") as f:
        expected = json.load(f)
    assert result.modeled_us == expected["modeled_us"] > 0
    assert result.roofline == expected["roofline"]
    assert set(result.pipe_busy_us) == PIPES
    assert result.pipe_busy_us == expected["pipe_busy_us"]
    assert result.report["gm_bytes"] == expected["gm_bytes"]
    assert result.report["l2"] == expected["l2"]
    assert len(result.launches) == sum(l["runs"] for l in kernel.report()["launches"])


def test_model_agrees_with_the_interpreter():
    kernel = tilec.compile(kernel_path("quant_int8.tile"))
    inputs = kernel.prepare_inputs(seed=5)
    model, reference = kernel.run(inputs), kernel.interpret(inputs)
    assert reference.report is None
    rows, table = kernel.compare(model.outputs, reference.outputs)
    assert all(row["passed"] for row in rows), table
    assert [row["name"] for row in rows] == ["q", "scale"]


def test_inputs_by_position_and_scalars_by_name():
    kernel = tilec.compile(kernel_path("rope.tile"))
    inputs = kernel.random_inputs(seed=4, scalars={"start_pos": 5})
    by_name = kernel.interpret(inputs)["y"]
    by_position = kernel.interpret([inputs["x"], inputs["freqs_cos"], inputs["freqs_sin"]],
                                   scalars={"start_pos": 5})["y"]
    np.testing.assert_array_equal(by_name, by_position)
    moved = kernel.interpret(inputs, scalars={"start_pos": 6})["y"]
    assert not np.array_equal(moved, by_name)


def test_a5_runs_on_the_a5_model():
    result = tilec.compile(RMSNORM, target="a5").run(seed=1)
    assert result.report["target"] == "a5"
