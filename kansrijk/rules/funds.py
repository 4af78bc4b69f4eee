"""The funds' criteria as data, with their sources, for loaders and tests.

Where each value was found is documented in the repository's parameter notes (PARAMETERS.md §6);
the titles below are what families see, so they name the public source, never our files.

Each entry is a template for `rule_from_dict`: the screener app stores it as a versioned row
owned by the fund's organisation (who keeps it up to date in the editor). `provider` and
`municipality` are filled in by whoever stores it. Values known only from a secondary source,
or that vary locally, are marked `unverified` and shown to users as such.

Voedselbank: the leefgeld norm of Voedselbanken Nederland is known for 2024 (€ 315 for one
person, € 115 for every further person, per month) but NOT for 2025 or 2026. We do not guess:
from 2025 the row answers `available: false` with that reason.
"""

from __future__ import annotations

from typing import Any

from kansrijk.rules.order import RANK_JARIGE_JOB, RANK_JEUGDFONDS, RANK_KINDERHULP, RANK_LEERGELD, RANK_OTHER_FUND

VOEDSELBANK_NORM_UNKNOWN = (
    "De leefgeldnorm van de Voedselbank voor dit jaar hebben we niet gevonden. Wij gokken niet. "
    "Vraag de Voedselbank of een hulpverlener of u een voedselpakket kunt krijgen."
)

FUNDS: tuple[dict[str, Any], ...] = (
    {
        "key": "jeugdfonds_sport_cultuur",
        "kind": "fund",
        "label": "Jeugdfonds Sport & Cultuur",
        "rank": RANK_JEUGDFONDS,
        "needs": ("sport", "cultuur"),
        "start": "2024-01-01",
        "income_test": "bijstandsnorm",
        "income_limit_percent": 120,
        "child_age_min": 4,
        "child_age_max": 17,
        "payment_route": "provider",
        "applies_via": "intermediary",
        "how_to_apply": "Een intermediair (school, wijkteam of hulpverlener) vraagt het voor u aan. "
        "Het fonds betaalt de club of de les direct.",
        "how_to_apply_en": "An intermediary (school, neighbourhood team or care worker) applies for you. "
        "The fund pays the club or the lessons directly.",
        "apply_intermediary": "De school, het wijkteam of een hulpverlener",
        "apply_intermediary_en": "The school, the neighbourhood team or a care worker",
        "apply_url": "https://www.jeugdfondssportencultuur.nl",
        "unverified": True,
        "source": {
            "title": "Lokale criteria Jeugdfonds Sport & Cultuur (voorbeelden: Purmerend, Kaag en Braassem, "
            "Maassluis ≤ 120%; Velsen ≤ 110%)",
            "href": "https://www.jeugdfondssportencultuur.nl",
        },
    },
    {
        "key": "leergeld",
        "kind": "fund",
        "label": "Stichting Leergeld",
        "rank": RANK_LEERGELD,
        "needs": ("schoolkosten", "fiets", "computer"),
        "start": "2024-01-01",
        "income_test": "bijstandsnorm",
        "income_limit_percent": 120,
        "child_age_min": 4,
        "child_age_max": 17,
        "payment_route": "goods",
        "applies_via": "self",
        "how_to_apply": "U kunt zelf contact opnemen met Leergeld bij u in de buurt. Iemand komt bij u thuis "
        "langs om te kijken wat uw kind nodig heeft.",
        "how_to_apply_en": "You can contact Leergeld near you yourself. Someone visits you at home "
        "to see what your child needs.",
        "apply_url": "https://www.leergeld.nl",
        "unverified": True,
        "source": {
            "title": "Leergeld: 120% van het bijstandsniveau als landelijke richtlijn, kinderen 4–18 "
            "(leergeldvenlo.nl, per 1-1-2024)",
            "href": "https://www.leergeldvenlo.nl",
        },
    },
    {
        "key": "kinderhulp",
        "kind": "fund",
        "label": "Nationaal Fonds Kinderhulp",
        "rank": RANK_KINDERHULP,
        "needs": ("schoolkosten", "kleding", "fiets", "computer", "sport", "cultuur", "uitje"),
        "start": "2024-01-01",
        "income_test": "none",
        "child_age_min": 0,
        "child_age_max": 20,
        "payment_route": "provider",
        "applies_via": "professional",
        "how_to_apply": "Alleen een professional kan het aanvragen: bijvoorbeeld school, wijkteam, Leergeld of "
        "uw bewindvoerder. Kinderhulp kijkt niet naar uw inkomen.",
        "how_to_apply_en": "Only a professional can apply: for example the school, the neighbourhood team, "
        "Leergeld or your financial administrator. Kinderhulp does not look at your income.",
        "apply_intermediary": "De school, het wijkteam, Leergeld of uw bewindvoerder",
        "apply_intermediary_en": "The school, the neighbourhood team, Leergeld or your financial administrator",
        "apply_url": "https://www.kinderhulp.nl/wat-wij-doen/werkwijze/aanvraag/aanvraag-voorwaarden/",
        "source": {
            "title": "Kinderhulp: aanvraagvoorwaarden (geen inkomenstoets; kind 0–21; via een professional)",
            "href": "https://www.kinderhulp.nl/wat-wij-doen/werkwijze/aanvraag/aanvraag-voorwaarden/",
        },
    },
    {
        "key": "jarige_job",
        "kind": "fund",
        "label": "Stichting Jarige Job",
        "rank": RANK_JARIGE_JOB,
        "needs": ("verjaardag",),
        "start": "2024-01-01",
        "income_test": "none",
        "child_age_min": 1,
        "child_age_max": 17,
        "amount_per_child": 3500,
        "payment_route": "goods",
        "applies_via": "self",
        "how_to_apply": "U of uw hulpverlener vraagt een verjaardagsbox aan op de website van Jarige Job.",
        "how_to_apply_en": "You or your care worker can ask for a birthday box on the Jarige Job website.",
        "apply_url": "https://www.jarigejob.nl",
        "unverified": True,
        "source": {
            "title": "Jarige Job: verjaardagsbox (~€ 35), ouders en hulpverleners vragen aan; leeftijden 1–18 "
            "(nhnieuws.nl 2022, voedselbankalphen.nl; geen inkomensgrens gevonden)",
            "href": "https://www.jarigejob.nl",
        },
    },
    {
        "key": "voedselbank",
        "kind": "fund",
        "label": "Voedselbank",
        "rank": RANK_OTHER_FUND,
        "needs": ("voedsel",),
        "start": "2024-01-01",
        "end": "2024-12-31",
        "income_test": "leefgeld",
        "leefgeld_base": 31500,
        "leefgeld_per_person": 11500,
        "payment_route": "goods",
        "applies_via": "intermediary",
        "how_to_apply": "Een hulpverlener (bijvoorbeeld het wijkteam of schuldhulp) meldt u aan bij de Voedselbank.",
        "how_to_apply_en": "A care worker (for example the neighbourhood team or debt counselling) registers you "
        "with the Voedselbank (food bank).",
        "apply_url": "https://voedselbankennederland.nl",
        "apply_intermediary": "Het wijkteam of de schuldhulp van uw gemeente",
        "apply_intermediary_en": "The neighbourhood team or your municipality's debt counselling",
        "unverified": True,
        "source": {
            "title": "Leefgeldnorm Voedselbanken Nederland 2024: 1 persoon € 315, elke volgende persoon € 115 "
            "(voedselbanknederveluwe.nl, voedselbankalblasserdam.nl)",
            "href": "https://www.voedselbanknederveluwe.nl",
        },
    },
    {
        "key": "voedselbank",
        "kind": "fund",
        "label": "Voedselbank",
        "rank": RANK_OTHER_FUND,
        "needs": ("voedsel",),
        "start": "2025-01-01",
        "income_test": "leefgeld",
        "payment_route": "goods",
        "applies_via": "intermediary",
        "how_to_apply": "Een hulpverlener (bijvoorbeeld het wijkteam of schuldhulp) meldt u aan bij de Voedselbank.",
        "how_to_apply_en": "A care worker (for example the neighbourhood team or debt counselling) registers you "
        "with the Voedselbank (food bank).",
        "apply_url": "https://voedselbankennederland.nl",
        "apply_intermediary": "Het wijkteam of de schuldhulp van uw gemeente",
        "apply_intermediary_en": "The neighbourhood team or your municipality's debt counselling",
        "unknown_reason": VOEDSELBANK_NORM_UNKNOWN,
        "source": {
            "title": "Leefgeldnorm Voedselbanken Nederland 2025/2026: niet gevonden",
            "href": "https://voedselbankennederland.nl",
        },
    },
    {
        "key": "speelgoedbank",
        "kind": "fund",
        "label": "Speelgoedbank",
        "rank": RANK_OTHER_FUND,
        "needs": ("speelgoed",),
        "start": "2024-01-01",
        "income_test": "none",
        "child_age_min": 0,
        "child_age_max": 17,
        "payment_route": "goods",
        "applies_via": "intermediary",
        "how_to_apply": "Een hulpverlener of de Voedselbank verwijst u door. Vraag naar de voorwaarden.",
        "how_to_apply_en": "A care worker or the Voedselbank (food bank) refers you. Ask about the conditions.",
        "apply_url": "https://www.speelgoedbank.nl",
        "apply_intermediary": "Een hulpverlener of de Voedselbank",
        "apply_intermediary_en": "A care worker or the Voedselbank (food bank)",
        "unverified": True,
        "source": {
            "title": "Speelgoedbank: geen landelijke criteria gevonden; voorwaarden verschillen per plaats",
            "href": "https://www.speelgoedbank.nl",
        },
    },
)
