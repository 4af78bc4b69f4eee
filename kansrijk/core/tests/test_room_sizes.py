"""Smaller rooms (ADR 0027): no module outside migrations over 400 lines and no function over
60 lines, tests, bench and scripts included. A function's lines run from its first decorator
to its last line; a method counts as a function, a class does not (its module does).

`EXCEPTIONS` names what may be larger, each with its reason in ADR 0027; an exception that is
no longer needed fails too, so the list only shrinks."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCANNED_DIRS = ("kansrijk", "config", "bench", "scripts")
SKIPPED = ("migrations", "node_modules", "__pycache__", "vendor", ".venv", "data")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# "path" for a module, "path::function" for a function (path relative to the repository root).
EXCEPTIONS: dict[str, str] = {}


def _python_files() -> list[Path]:
    found = []
    for directory in SCANNED_DIRS:
        for path in sorted((ROOT / directory).rglob("*.py")):
            if not any(part in SKIPPED for part in path.relative_to(ROOT).parts):
                found.append(path)
    return found


def oversized(name: str, source: str) -> dict[str, int]:
    """What in `source` (the module `name`) is over the limits: {"name" or "name::function": lines}."""
    found = {}
    lines = len(source.splitlines())
    if lines > MAX_MODULE_LINES:
        found[name] = lines
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                found[f"{name}::{node.name}"] = length
    return found


def _tree_oversized() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in _python_files():
        found.update(oversized(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
    return found


def test_no_module_or_function_is_over_its_size_outside_the_exceptions():
    too_big = {name: lines for name, lines in _tree_oversized().items() if name not in EXCEPTIONS}
    assert too_big == {}, "split these by use case (CONTRIBUTING.md, ADR 0027): " + ", ".join(
        f"{name} ({lines} lines)" for name, lines in sorted(too_big.items())
    )


def test_every_exception_is_still_needed_and_has_a_reason():
    found = _tree_oversized()
    assert [name for name in EXCEPTIONS if name not in found] == []
    assert all(reason.strip() for reason in EXCEPTIONS.values())
    adr = (ROOT / "docs" / "adr" / "0027-smaller-rooms.md").read_text(encoding="utf-8")
    assert [name for name in EXCEPTIONS if name not in adr] == []


def test_the_scan_sees_the_tree():
    files = {path.relative_to(ROOT).as_posix() for path in _python_files()}
    assert "kansrijk/socialmap/search/query.py" in files
    assert "bench/socialmap_search.py" in files
    assert not any("/migrations/" in name for name in files)


def _function(name: str, body_lines: int, decorators: int = 0) -> str:
    return "@staticmethod\n" * decorators + f"def {name}():\n" + "    x = 1\n" * body_lines


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (_function("fits", 59), {}),
        (_function("too_long", 60), {"m.py::too_long": 61}),
        (_function("decorated", 59, decorators=1), {"m.py::decorated": 61}),
        ("class A:\n" + textwrap.indent(_function("method", 61), "    "), {"m.py::method": 62}),
        ("x = 1\n" * 400, {}),
        ("x = 1\n" * 401, {"m.py": 401}),
    ],
)
def test_the_size_check_counts_functions_methods_decorators_and_modules(source, expected):
    assert oversized("m.py", source) == expected
