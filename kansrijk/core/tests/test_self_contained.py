"""A fresh clone runs on its own: no code, test, fixture, script or bench file refers to a path
outside the repository (a data folder beside the checkout, a home directory, a path climbing
above the repository root). What the project needs is copied into it, with its attribution."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
THIS = Path(__file__).resolve()
SCANNED_DIRS = ("kansrijk", "config", "bench", "scripts")
SCANNED_FILES = ("Makefile", "pyproject.toml", "manage.py", "package.json")
SUFFIXES = {".py", ".json", ".yaml", ".yml", ".toml", ".sh", ".cfg", ".ini", ".mjs", ".js", ".html", ".csv", ".txt"}
SKIPPED = ("node_modules", "__pycache__", "vendor", ".venv")
MAX_BYTES = 2_000_000  # large data files (the HSDS compiled schemas) hold no paths of ours

# Written in pieces so that this file does not match itself.
OUTSIDE = [
    (re.compile(r"\.\./" + "shared"), "a folder beside the checkout"),
    (re.compile(r"[\"'/]" + "shared" + r"[\"']?\s*/\s*[\"']data"), "the shared data folder"),
    (re.compile("/" + r"work/"), "a path of the machine it was written on"),
    (re.compile(r"/(home|Users)/[A-Za-z_][\w.-]*/"), "a home directory"),
    (re.compile(r"(?<![\w.])/root/"), "a home directory"),
    (re.compile(r"/\s*[\"']\.\.[\"']"), "a path climbing with '..'"),
]
# `Path(__file__)` followed by `.parent`s and `.parents[n]`: how many levels it climbs.
CLIMB = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\s*\.\s*parent(?!s)|\s*\.\s*parents\[\d+\])+)")


def _files() -> list[Path]:
    found = [ROOT / name for name in SCANNED_FILES if (ROOT / name).exists()]
    for directory in SCANNED_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if (
                path.is_file()
                and path.suffix in SUFFIXES
                and not any(part in SKIPPED for part in path.relative_to(ROOT).parts)
                and path.stat().st_size <= MAX_BYTES
                and path != THIS
            ):
                found.append(path)
    return found


def _levels(chain: str) -> int:
    """Levels above the file itself: `.parent` is its folder (1), `.parents[n]` is n + 1."""
    levels = 0
    for part in re.findall(r"parents\[(\d+)\]|parent", chain):
        levels = int(part) + 1 if part else levels + 1
    return levels


def outside_references(path: Path, text: str) -> list[str]:
    """The places in `text` (the content of `path`) that refer to something outside the repository."""
    problems = []
    relative = path.relative_to(ROOT)
    for pattern, what in OUTSIDE:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{relative}:{line}: {what} ({match.group(0)!r})")
    allowed = len(relative.parts)  # parents[len - 1] of the file is the repository root
    for match in CLIMB.finditer(text):
        if _levels(match.group(1)) > allowed:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{relative}:{line}: climbs above the repository root ({match.group(0)!r})")
    return problems


def test_no_project_file_refers_to_a_path_outside_the_repository():
    files = _files()
    assert len(files) > 200, "the scan found too few files to mean anything"
    problems = [
        problem
        for path in files
        for problem in outside_references(path, path.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert problems == []


def test_the_check_finds_each_kind_of_outside_path():
    helper = ROOT / "kansrijk" / "socialmap" / "tests" / "helpers.py"
    cases = [
        # Spelled in pieces, so that this test's own source does not look like such a path.
        'SHARED = Path(__file__).resolve().parents[3] / ".." / "sha' + 'red" / "data" / "hsds"',
        'CSV = ROOT.parent / "sha' + 'red" / "data" / "cbs" / "x.csv"',
        "DATA = '../" + "shared/data/geo'",
        "open('/" + "work/shared/data/x.csv')",
        "p = '/home/alice/data.csv'",
        "p = Path(__file__).parent.parent.parent.parent.parent",
        "p = Path(__file__).resolve().parents[4]",
    ]
    for case in cases:
        assert outside_references(helper, case), case
    assert outside_references(helper, "p = Path(__file__).resolve().parents[3]") == []
    assert outside_references(helper, "p = Path(__file__).resolve().parent / 'data' / 'hsds'") == []
