"""Pins the C++ tilec emits: a SHA-256 per (source, target, fusion).

  pin_cpp.py --tilec BIN --root SRC MANIFEST            check: exit 1 naming every change
  pin_cpp.py --tilec BIN --root SRC MANIFEST --update   rewrite the hashes

MANIFEST lines are `<sha256> <source relative to SRC> <target> <fused|unfused>`; `#` starts a
comment. To pin a new source, add its lines with any hash and run --update. A change in the
emitted C++ must be intended: review the diff of the C++ (not only of the hashes) before
updating.
"""
import argparse
import concurrent.futures
import hashlib
import pathlib
import subprocess
import sys


def emit(tilec, root, source, target, mode):
    command = [tilec, str(root / source), f"--target={target}", f"--fuse={mode == 'fused'}".lower()]
    done = subprocess.run(command, capture_output=True)
    if done.returncode != 0:
        return None, done.stderr.decode(errors="replace").strip()
    return hashlib.sha256(done.stdout).hexdigest(), ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tilec", required=True)
    parser.add_argument("--root", required=True, type=pathlib.Path)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("manifest", type=pathlib.Path)
    args = parser.parse_args()

    header, entries = [], []
    for line in args.manifest.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            header.append(line)
            continue
        digest, source, target, mode = line.split()
        entries.append((digest, source, target, mode))

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda e: emit(args.tilec, args.root, *e[1:]), entries))

    failures = 0
    for (pinned, source, target, mode), (actual, error) in zip(entries, results):
        if actual is None:
            print(f"error: {source} --target={target} ({mode}) does not compile: {error}")
            failures += 1
        elif actual != pinned and not args.update:
            print(f"changed: {source} --target={target} ({mode})")
            failures += 1
    if args.update and failures == 0:
        lines = header + [f"{actual} {source} {target} {mode}"
                          for (_, source, target, mode), (actual, _) in zip(entries, results)]
        args.manifest.write_text("\n".join(lines) + "\n")
    print(f"{len(entries) - failures} pinned, {failures} changed or failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
