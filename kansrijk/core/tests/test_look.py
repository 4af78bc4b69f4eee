"""The look: NL Design System selects with their arrow, spacing from the theme's tokens."""

import re
from pathlib import Path

import pytest
from django import forms

KANSRIJK = Path(__file__).resolve().parents[2]
PROJECT_CSS = sorted((KANSRIJK / "static" / "kansrijk").glob("*.css"))
SPACING = re.compile(r"(?<![-\w])((?:margin|padding)(?:-[a-z-]+)?|(?:row-|column-)?gap)\s*:\s*([^;}]+)")
HARD_CODED = re.compile(r"(?<![-\w])\d*\.?\d+(px|rem|em|pt|vh|vw|%)")
# Spacing values that may stay hard-coded, with the reason (none today).
EXCEPTIONS: dict[str, str] = {}


def hard_coded_spacing(css: str) -> list[str]:
    return [
        f"{name}: {value.strip()}"
        for name, value in SPACING.findall(css)
        if HARD_CODED.search(value) and f"{name}: {value.strip()}" not in EXCEPTIONS
    ]


def test_the_spacing_check_finds_hard_coded_values():
    assert hard_coded_spacing(".a { padding: 0.5rem 1rem; gap: 8px; margin: 0 auto; }") == [
        "padding: 0.5rem 1rem",
        "gap: 8px",
    ]
    assert hard_coded_spacing(".a { margin-block-end: var(--basis-space-block-md); padding: 0; }") == []


@pytest.mark.parametrize("path", PROJECT_CSS, ids=lambda p: p.name)
def test_project_css_takes_spacing_from_the_theme_tokens(path):
    assert PROJECT_CSS, "no project CSS found"
    assert hard_coded_spacing(path.read_text()) == []


def test_the_select_arrow_comes_from_the_utrecht_token():
    css = (KANSRIJK / "static" / "kansrijk" / "kansrijk.css").read_text()
    assert "--utrecht-select-background-image: url(" in css
    # The Utrecht component draws the token as its background, for single selects with this class.
    vendor = (KANSRIJK / "static" / "vendor" / "utrecht" / "index.css").read_text()
    assert re.search(
        r"\.utrecht-select--html-select:not\(\[multiple\]\) \{[^}]*var\(--utrecht-select-background-image\)", vendor
    )


@pytest.mark.parametrize("widget", [forms.Select, forms.SelectMultiple, forms.NullBooleanSelect])
def test_every_form_select_is_the_utrecht_select(widget):
    class Form(forms.Form):
        choice = forms.ChoiceField(choices=[("a", "A")], widget=widget(attrs={"class": "kr-extra", "required": True}))

    html = str(Form()["choice"])
    assert 'class="utrecht-select utrecht-select--html-select kr-extra"' in html
    assert html.count("class=") == 1 and " required" in html


def test_every_select_written_in_a_template_is_the_utrecht_select():
    offenders = []
    for template in KANSRIJK.rglob("templates/**/*.html"):
        for tag in re.findall(r"<select\b[^>]*>", template.read_text()):
            if "utrecht-select--html-select" not in tag:
                offenders.append(f"{template.relative_to(KANSRIJK)}: {tag}")
    assert offenders == []
