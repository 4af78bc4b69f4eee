"""Each app's public surface (issue #15, ADR 0024): other apps import only its `services`,
`selectors`, `models` and `constants`.

The check walks grimp's graph of direct imports (every import: module level, inside a
function, under `TYPE_CHECKING`). An import from one app into another is allowed when the
imported module is one of the four public modules of that app (or inside them, if one is a
package), or when one of the exceptions below says so. Each exception names who may import
what, and why. An app that needs something of another app that is not public exports it
through its `selectors` (reads) or `services` (writes), or moves it to `constants`.

Not listed because nothing needs them: template tags, `apps` and `urls` are loaded by
Django by name (`INSTALLED_APPS`, `{% load %}`, `config/urls.py`, which is outside
`kansrijk`), so no app imports another's. The root package `kansrijk` (its version) is no app.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import grimp
import pytest

PUBLIC = frozenset({"services", "selectors", "models", "constants"})

# (importer pattern, imported pattern, why). Patterns are fnmatch patterns on module names.
ALLOWED: tuple[tuple[str, str, str], ...] = (
    (
        "kansrijk.*",
        "kansrijk.core.*",
        "core is the shared kernel below every app (layout, the API error format and the domain errors, input "
        "limits, suppression, the erasure log): every module of it is a helper meant for all apps",
    ),
    (
        "kansrijk.*.admin",
        "kansrijk.audit.admin",
        "staff pages of every app share the audited admin base (`AuditedModelAdmin`, `facts_html`); it writes "
        "audit rows, so it lives in audit, not in core",
    ),
    (
        "kansrijk.screener.*",
        "kansrijk.rules*",
        "rules is a pure library; its whole tree is the surface for the apps allowed to import it (the "
        "'protected' contract in pyproject.toml says which)",
    ),
    (
        "kansrijk.core.money",
        "kansrijk.rules.money",
        "the Django-side adapter of the exact money arithmetic (ADR 0026); nothing else of rules",
    ),
    ("kansrijk.policy.*", "kansrijk.rules*", "as for screener"),
    ("kansrijk.outcomes.*", "kansrijk.rules*", "as for screener"),
    # Test code: builds its world from other apps' factories (and the shared fixtures).
    ("kansrijk.*.tests.*", "kansrijk.*.tests.factories*", "tests build their data with any app's factories"),
    ("kansrijk.*.tests.*", "kansrijk.conftest", "the project-wide fixtures"),
    ("kansrijk.*.tests.*", "kansrijk.demo.*", "the demo world is a believable fixture (loaded as data)"),
    (
        "kansrijk.conftest",
        "kansrijk.*",
        "the project-wide fixtures set up what every test needs (sessions that passed TOTP, an empty audit trail, "
        "the municipalities); they are test scaffolding, not an app",
    ),
    (
        "kansrijk.*.tests.*",
        "kansrijk.*.urls",
        "meta-tests walk an app's routes to check each one (read audit, access)",
    ),
    (
        "kansrijk.policy.*",
        "kansrijk.screener.preview",
        "the what-if runs over the very population the scheme editor's preview uses (#17); it moves to "
        "rules.reform with the population, and screener.selectors cannot re-export it (honesty imports selectors)",
    ),
    (
        "kansrijk.core.tests.*",
        "kansrijk.*",
        "core's meta-tests check a convention across every app (every form's input limits, every URL's "
        "access), so they reach into each app on purpose",
    ),
)


def _app(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""  # "" for the root package


def _is_public(imported: str) -> bool:
    parts = imported.split(".")
    return len(parts) >= 3 and parts[2] in PUBLIC


def _is_allowed(importer: str, imported: str) -> bool:
    return any(fnmatchcase(importer, who) and fnmatchcase(imported, what) for who, what, _ in ALLOWED)


def surface_breaches(package: str) -> list[str]:
    """Every import from one app of `package` into a non-public module of another, as 'a -> b (l. n)'."""
    graph = grimp.build_graph(package, cache_dir=None)
    breaches = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if _app(importer) == _app(imported) or "." not in imported or _is_public(imported):
                continue
            if _is_allowed(importer, imported):
                continue
            lines = sorted(d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported))
            breaches.append(f"{importer} -> {imported} (l. {', '.join(map(str, lines))})")
    return breaches


def test_apps_import_only_each_others_public_surface() -> None:
    breaches = surface_breaches("kansrijk")
    assert breaches == [], (
        "imports past another app's public surface (services, selectors, models, constants); export what "
        "is needed through selectors or services, or add an exception with its reason:\n" + "\n".join(breaches)
    )


def test_every_exception_is_still_used() -> None:
    # An exception nobody needs any more is an open door: remove it.
    graph = grimp.build_graph("kansrijk", cache_dir=None)
    used = {
        (who, what)
        for importer in graph.modules
        for imported in graph.find_modules_directly_imported_by(importer)
        if _app(importer) != _app(imported) and not _is_public(imported)
        for who, what, _ in ALLOWED
        if fnmatchcase(importer, who) and fnmatchcase(imported, what)
    }
    # policy and outcomes are being built (issue #15): their rules exception is kept for them.
    unused = [(who, what) for who, what, _ in ALLOWED if (who, what) not in used and "policy" not in who]
    unused = [(who, what) for who, what in unused if "outcomes" not in who]
    assert unused == []


def test_a_private_import_from_another_app_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "surface_demo"
    for path, text in {
        "__init__.py": "",
        "shop/__init__.py": "",
        "shop/selectors.py": "def price(): return 1\n",
        "shop/pricing.py": "RATE = 2\n",
        "till/__init__.py": "",
        "till/views.py": "from surface_demo.shop.selectors import price\nfrom surface_demo.shop import pricing\n",
    }.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert surface_breaches("surface_demo") == ["surface_demo.till.views -> surface_demo.shop.pricing (l. 2)"]
