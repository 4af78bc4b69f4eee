"""No import cycles inside `kansrijk` (issue #15, ADR 0024).

A cycle means two modules can only be understood (and changed, and loaded) together; the
two we had (`demo.world` <-> `demo.loaders`, `socialmap.hsds.importing` <-> `.rules`) were
broken by making one side plain data or plain functions. The check walks grimp's graph of
direct imports (grimp ships with import-linter) — every import counts: at module level, inside
a function, and under `TYPE_CHECKING` — and reports every strongly connected group of modules.
The second test builds a tiny package with a cycle and shows that the same check finds it.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest


def import_cycles(package: str) -> list[list[str]]:
    """Every group of modules of `package` that import each other in a ring, sorted; [] if none."""
    graph = grimp.build_graph(package, cache_dir=None)
    edges = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    return _strongly_connected(edges)


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that each reach all the others (a module that imports itself is a group too)."""
    reach = {module: _reachable(edges, module) for module in edges}
    groups: set[tuple[str, ...]] = set()
    for module, reached in reach.items():
        if module in reached:
            groups.add(tuple(sorted(other for other in reached if module in reach[other])))
    return sorted(list(group) for group in groups)


def _reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(edges.get(module, ()))
    return seen


def _explain(graph_package: str, groups: list[list[str]]) -> str:
    return "\n".join(" <-> ".join(group) for group in groups) + (
        f"\nimport cycles in {graph_package}: make one side plain data or functions the other calls (ADR 0024)"
    )


def test_kansrijk_has_no_import_cycles() -> None:
    groups = import_cycles("kansrijk")
    assert groups == [], _explain("kansrijk", groups)


def _package(tmp_path: Path, files: dict[str, str]) -> str:
    name = f"cyclic_{tmp_path.name.replace('-', '_')}"
    root = tmp_path / name
    root.mkdir()
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text.replace("PKG", name))
    return name


@pytest.fixture
def on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_the_check_finds_a_cycle_that_is_put_back(on_path: Path) -> None:
    # The hsds shape as it was: the importer imports the rules, the rules import the importer
    # (only for typing); plus a third module outside the ring, which must not be reported.
    name = _package(
        on_path,
        {
            "__init__.py": "",
            "importing.py": "from PKG import rules\n",
            "rules.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PKG.importing import Importer\n"
            ),
            "tables.py": "from PKG import rules\n",
        },
    )
    assert import_cycles(name) == [[f"{name}.importing", f"{name}.rules"]]


def test_the_check_finds_a_cycle_through_an_import_inside_a_function(on_path: Path) -> None:
    # The demo shape as it was: world imports the loaders inside `load()`, a loader imports world.
    name = _package(
        on_path,
        {
            "__init__.py": "",
            "world.py": "def load():\n    from PKG.loaders import LOADERS\n    return LOADERS\n",
            "loaders/__init__.py": "from PKG.loaders import alliance\nLOADERS = [alliance]\n",
            "loaders/alliance.py": "from PKG.world import load\n",
        },
    )
    assert import_cycles(name) == [[f"{name}.loaders", f"{name}.loaders.alliance", f"{name}.world"]]


def test_the_check_passes_a_package_without_cycles(on_path: Path) -> None:
    name = _package(
        on_path,
        {"__init__.py": "", "a.py": "from PKG import b\n", "b.py": "from PKG import c\n", "c.py": "X = 1\n"},
    )
    assert import_cycles(name) == []
