"""The developer-text check itself: it finds what it must, and leaves people's text alone."""

from __future__ import annotations

import pytest

from kansrijk.core.testing.developer_text import assert_no_developer_text, developer_text


@pytest.mark.parametrize(
    "text",
    [
        "Bron: Leergeld — PARAMETERS.md §6",
        "zie parameters/kinderbijslag.yaml",
        "Lees § 6 van onze notities",
        "Regeling jeugdfonds_sport_cultuur",
        "Verwijzing 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "Bedrag: 25000 cent",
        "Regeling GM1640/kindpakket",
        '<p title="ouder1_netto">Inkomen</p>',
    ],
)
def test_developer_text_is_found(text):
    assert developer_text(text)
    with pytest.raises(AssertionError, match="Developer text"):
        assert_no_developer_text(text)


def test_peoples_text_urls_hidden_fields_and_scripts_are_left_alone():
    html = (
        '<p>Kindpakket Leudal: € 250 per kind. <a href="/x?kind_leeftijd=6">Meer over GM1640</a></p>'
        '<input type="hidden" name="ouder1_netto" value="1500"><script>var some_name = 1;</script>'
        "<p>Zie https://www.example.nl/some_page.md of mail info_desk@example.nl</p>"
    )
    assert developer_text(html) == []
