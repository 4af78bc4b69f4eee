"""A check that no developer text reaches people: file names, scheme keys, field names, cents, ids.

`assert_no_developer_text(html_or_text)` takes a page's HTML (only what a reader sees or hears
is checked: text and the `title`, `alt`, `aria-label` and `placeholder` attributes; scripts,
styles, hidden inputs and URLs are skipped) or plain text (a PDF's, an e-mail's).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w.-]+\.\w+")
PATTERNS: dict[str, re.Pattern[str]] = {
    "a file name (.md)": re.compile(r"\w\.md\b", re.IGNORECASE),
    "a file name (.yaml)": re.compile(r"\w\.ya?ml\b", re.IGNORECASE),
    "a section reference to our files (§)": re.compile(r"§\s*\d"),
    "an identifier (snake_case)": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "an internal id (UUID)": re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I),
    "an amount in cents": re.compile(r"\b\d+\s*(?:cent|cents|eurocent)\b", re.IGNORECASE),
    "a scheme key (GM0000/)": re.compile(r"\bGM\d{4}/"),
}
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
SKIP_TAGS = {"script", "style", "template"}


class _Visible(HTMLParser):
    """Collects what a reader sees or hears."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        self.parts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html_or_text: str) -> str:
    """The text a reader gets: from HTML, the visible text and read-out attributes; else as is."""
    if "<" not in html_or_text or not re.search(r"<[a-zA-Z!/]", html_or_text):
        return html_or_text
    parser = _Visible()
    parser.feed(html_or_text)
    return "\n".join(parser.parts)


def developer_text(html_or_text: str) -> list[str]:
    """The developer text found: one line per finding, with what it is and its surroundings."""
    text = URL.sub(" ", visible_text(html_or_text))
    found = []
    for what, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            found.append(f"{what}: {match.group(0)!r} in …{around}…")
    return found


def assert_no_developer_text(html_or_text: str) -> None:
    found = developer_text(html_or_text)
    assert not found, "Developer text reaches people:\n" + "\n".join(found)
