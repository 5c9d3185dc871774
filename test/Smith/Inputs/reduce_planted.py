"""Reduces generated kernels against a planted finding: the predicate holds while
the kernel still calls `exp` (no compiler involved). Prints each reduction."""
import sys

sys.path.insert(0, sys.argv[1])
from smith.check import analyze  # noqa: E402
from smith.generator import Options, generate_kernel  # noqa: E402
from smith.reducer import reduce  # noqa: E402
from smith.tree import render_kernel  # noqa: E402

options = Options(depth=4)
found = 0
for index in range(200):
    kernel = generate_kernel(1234, index, options)
    text = render_kernel(kernel)
    if "exp(" not in text or text.count("\n") < 8:
        continue
    reduced = reduce(kernel, lambda k: "exp(" in render_kernel(k), budget_seconds=60)
    analyze(reduced)  # still a valid kernel
    small = render_kernel(reduced)
    print(f"kernel {index}: {len(text)} -> {len(small)} bytes, {small.count(chr(10))} lines, "
          f"exp {'kept' if 'exp(' in small else 'lost'}")
    print(small)
    found += 1
    if found == 3:
        break
print(f"reduced {found}")
