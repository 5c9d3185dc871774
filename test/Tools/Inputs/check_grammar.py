"""Checks editors/tile.tmLanguage.json against the frontend and the kernel library.

A small TextMate tokenizer (single-line `match` rules, earliest match wins, ties to the first
rule listed) scopes every line of the given .tile files; the check fails when a builtin the
frontend knows (compiler/frontend/Builtins.cpp) is missing from the grammar, a keyword of the
lexer (compiler/frontend/Lexer.cpp) is not scoped, or a sample token gets the wrong scope.
Prints one line per finding and a summary.
"""
import json
import re
import sys


def rules(grammar):
    for include in grammar["patterns"]:
        yield grammar["repository"][include["include"][1:]]


def tokenize(line, compiled):
    """[(text, scope)] for the scoped pieces of `line`."""
    pieces, pos = [], 0
    while pos < len(line):
        best = None
        for rule, regex in compiled:
            m = regex.search(line, pos)
            if m and m.end() > m.start() and (best is None or m.start() < best[1].start()):
                best = (rule, m)
        if best is None:
            break
        rule, m = best
        if "captures" in rule:
            for group, capture in rule["captures"].items():
                if m.group(int(group)) is not None:
                    pieces.append((m.group(int(group)), capture["name"]))
        else:
            pieces.append((m.group(0), rule["name"]))
        pos = m.end()
    return pieces


def main():
    grammar_path, builtins_cpp, lexer_cpp, *sources = sys.argv[1:]
    grammar = json.load(open(grammar_path))
    compiled = [(rule, re.compile(rule["match"])) for rule in rules(grammar)]
    problems = []

    def scope_of(line, text):
        return {t: s for t, s in tokenize(line, compiled)}.get(text)

    builtins = sorted(set(re.findall(r'\{K::\w+, "([a-z_0-9]+)"', open(builtins_cpp).read())))
    for name in builtins:
        if scope_of(f"  y = {name}(x)", name) != "support.function.builtin.tile":
            problems.append(f"builtin '{name}' is not scoped as a builtin")

    keywords = re.findall(r'\.Case\("([a-z]+)", TokenKind::Kw', open(lexer_cpp).read())
    for word in keywords:
        if scope_of(f"{word} x", word) is None and scope_of(f"{word} name", word) is None:
            problems.append(f"keyword '{word}' of the lexer is not scoped")

    samples = [
        ("kernel rmsnorm(x: tensor<[T, D], bf16>) {", "rmsnorm", "entity.name.function.tile"),
        ("kernel rmsnorm(x: tensor<[T, D], bf16>) {", "tensor", "storage.type.tile"),
        ("kernel rmsnorm(x: tensor<[T, D], bf16>) {", "bf16", "storage.type.tile"),
        ("const EPS = 1e-6  # epsilon", "EPS", "entity.name.function.tile"),
        ("const EPS = 1e-6  # epsilon", "1e-6", "constant.numeric.tile"),
        ("const EPS = 1e-6  # epsilon", "# epsilon", "comment.line.number-sign.tile"),
        ('import "dsv4_config.tile"', '"dsv4_config.tile"', "string.quoted.double.tile"),
        ("for h in parallel(0, H) {", "parallel", "support.function.loop.tile"),
        ("y = cast(x, bf16, round=rint)", "round", "variable.parameter.tile"),
        ("y = cast(x, bf16, round=rint)", "rint", "constant.language.tile"),
        ("scope \"norm\" on vector(tokens=16) {", "vector", "constant.language.tile"),
        ("let r = row_sum(x) * 0.5", "0.5", "constant.numeric.tile"),
        ("let range_end = x", "range_end", None),
    ]
    for line, text, expected in samples:
        if scope_of(line, text) != expected:
            problems.append(f"in {line!r}: {text!r} scoped {scope_of(line, text)}, expected {expected}")

    lines = 0
    for path in sources:
        for line in open(path):
            lines += 1
            for text, scope in tokenize(line.rstrip("\n"), compiled):
                if scope == "support.function.builtin.tile" and text not in builtins:
                    problems.append(f"{path}: {text!r} scoped as a builtin the frontend lacks")

    for problem in problems:
        print("problem:", problem)
    print(f"{len(builtins)} builtins, {len(keywords)} keywords, {len(samples)} samples, "
          f"{lines} library lines: {len(problems)} problems")
    return 1 if problems else 0


sys.exit(main())
