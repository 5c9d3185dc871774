"""The exceptions tilec raises: every one carries what the compiler or runner reported.

`diagnostics` lists each located message as a dict (severity, file, line, col, message, and
`text`, the form tilec prints with the source line and a caret); `file`, `line` and `col`
are those of the first error (None when it has no location)."""


class Error(Exception):
    """Base of tilec's errors; str(error) is the text tilec or tile-run would print."""

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.message = message
        self.diagnostics = list(diagnostics)
        located = [d for d in self.diagnostics if d["severity"] == "error" and d["file"]]
        first = located[0] if located else None
        self.file = first["file"] if first else None
        self.line = first["line"] if first else None
        self.col = first["col"] if first else None


class CompileError(Error):
    """The source does not compile: a frontend, verifier or pipeline error."""


class RunError(Error):
    """A run failed: the model's checks, the host compile of the C++, or the interpreter."""


class InputError(Error, ValueError):
    """An input, expected output or option does not fit the kernel (name, shape, type)."""
