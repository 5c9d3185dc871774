# lit configuration for the FileCheck suites under test/ (one folder per layer).
import os
import lit.formats

config.name = "tilec"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".tile", ".test"]
config.excludes = ["Inputs", "unit", "golden", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tilec_obj_root, "test")

# Our tools first, then FileCheck/not/count from LLVM 22, then the system.
config.environment["PATH"] = os.pathsep.join(
    [config.tilec_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
for var in ["HOME", "TMPDIR", "TILEC_CACHE_DIR"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%kernels", os.path.join(config.tilec_src_root, "kernels-dsl")))
config.substitutions.append(("%golden", os.path.join(config.tilec_src_root, "test", "Kernels", "golden")))
# The source root, for compiling generated C++ against the runtime headers.
config.substitutions.append(("%src_root", config.tilec_src_root))
config.substitutions.append(("%obj_root", config.tilec_obj_root))
config.substitutions.append(("%llvm_include_dirs", config.llvm_include_dirs))
# The built Python package's directory, for PYTHONPATH (python/).
config.substitutions.append(("%tilec_pythonpath", config.tilec_python_dir))
config.substitutions.append(("%generated_docs", config.generated_docs_dir))
# The built tools' directory, for scripts that run them (tools/tile-smith).
config.substitutions.append(("%bindir", config.tilec_tools_dir))
