"""Errors raise tilec exceptions carrying what the tools print: file, line, col, message."""
import numpy as np
import pytest

import tilec
from conftest import kernel_path, run_tool

UNDEFINED_NAME = """\
kernel k(x: tensor<[4, 8], f32>, out y: tensor<[4, 8], f32>) {
  y = exp(z)
}
"""


def test_compile_error_is_located_in_source_text():
    with pytest.raises(tilec.CompileError) as caught:
        tilec.compile(UNDEFINED_NAME, source_name="bad.tile")
    error = caught.value
    assert (error.file, error.line, error.col) == ("bad.tile", 2, 11)
    assert "z" in error.diagnostics[0]["message"]
    assert str(error).startswith("bad.tile:2:11: error: ")


def test_compile_error_text_is_what_tilec_prints(tmp_path):
    path = tmp_path / "bad.tile"
    path.write_text(UNDEFINED_NAME)
    status, _, stderr = run_tool("tilec", path, check=False)
    assert status == 1
    with pytest.raises(tilec.CompileError) as caught:
        tilec.compile(path)
    assert str(caught.value) + "\n" == stderr
    assert (caught.value.file, caught.value.line) == (str(path), 2)


def test_target_check_errors_come_from_the_pipeline():
    # i64 tensors are not supported by the a2a3 tile ISA; tilec rejects them at the source.
    source = "kernel k(x: tensor<[4, 8], i64>, out y: tensor<[4, 8], i64>) {\n  y = x\n}\n"
    with pytest.raises(tilec.CompileError) as caught:
        tilec.compile(source)
    assert caught.value.file == "<source>" and caught.value.line >= 1


def test_run_error_is_located_at_the_failing_op():
    kernel = tilec.compile(kernel_path("rope.tile"))
    with pytest.raises(tilec.RunError) as caught:
        kernel.interpret(scalars={"start_pos": 1000}, seed=1)  # rows 1000..1127 of a 1024-row table
    assert caught.value.file == kernel_path("rope.tile") and caught.value.line > 0


def test_the_model_rejects_what_the_interpreter_rejects():
    kernel = tilec.compile(kernel_path("rope.tile"))
    with pytest.raises(tilec.RunError, match="TLOAD .* does not start inside any GM tensor"):
        kernel.run(scalars={"start_pos": 1000}, seed=1)


def test_inputs_are_checked_by_name_shape_and_type():
    kernel = tilec.compile(kernel_path("rmsnorm.tile"))
    gamma = np.ones(1024, np.float32)
    with pytest.raises(tilec.InputError, match=r"input 'x': expected shape \[128, 1024\] bf16, "
                                               r"found \[128, 1000\] f32"):
        kernel.run({"x": np.zeros((128, 1000), np.float32), "gamma": gamma})
    with pytest.raises(tilec.InputError, match="has no input w"):
        kernel.run({"w": gamma}, seed=0)
    with pytest.raises(tilec.InputError, match="missing inputs: x"):
        kernel.run({"gamma": gamma})
    with pytest.raises(ValueError, match="found \\[128, 1024\\] i64"):
        kernel.run({"x": np.zeros((128, 1024), np.int64), "gamma": gamma})


def test_integer_inputs_must_fit_their_type():
    kernel = tilec.compile(kernel_path("matmul_w8a8.tile"))
    with pytest.raises(tilec.InputError, match=r"input 'a': values \[300, 300\] do not fit i8"):
        kernel.run({"a": np.full((128, 1024), 300)}, seed=0)


HUGE = """\
kernel huge(x: tensor<[1000000, 1000000], f32>, out y: tensor<[1000000, 1000000], f32>) {
  y = x * 2.0
}
"""


def test_a_run_too_large_for_host_memory_is_refused_before_anything_is_drawn():
    # 8 TB of parameters (24 TB with the interpreter's values): the same check and message as
    # tile-run, raised before the random inputs are drawn.
    kernel = tilec.compile(HUGE, source_name="huge.tile")
    with pytest.raises(tilec.RunError, match=r"^the run needs at least 8000\.0 GB of host memory "
                                             r"\(largest: x 4000\.0 GB, y 4000\.0 GB\) but "):
        kernel.run(seed=1)
    with pytest.raises(tilec.RunError, match=r"^the run needs at least 24000\.0 GB"):
        kernel.interpret(seed=1)


def test_a_file_without_a_kernel_is_located_and_asks_for_none(tmp_path):
    for path, text in ((tmp_path / "empty.mlir", ""), (tmp_path / "module.mlir", "module {}\n"),
                       (tmp_path / "empty.tile", "")):
        path.write_text(text)
        with pytest.raises(tilec.CompileError, match="the file defines no kernel") as caught:
            tilec.compile(path)
        assert (caught.value.file, caught.value.line, caught.value.col) == (str(path), 1, 1)
        assert "--kernel" not in str(caught.value)
