"""Forms of the family check (two steps, earlier answers carried in hidden fields, nothing stored)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from kansrijk.core.money import ConfirmMoneyForm, MoneyField
from kansrijk.core.validators import BoundedIntegerField, ShortTextField
from kansrijk.rules.money import format_cents, format_euros_nl
from kansrijk.screener.constants import School
from kansrijk.screener.selectors import municipality_choices, municipality_for_postcode, postcode_is_valid

YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]
MAX_CHILDREN = 8


# Above these, a value is probably a typing mistake: the form asks to confirm it (amount written out).
PLAUSIBLE_NET_MONTHLY = 20_000_00
PLAUSIBLE_GROSS_YEARLY = 500_000_00
PLAUSIBLE_RENT_MONTHLY = 5_000_00
PLAUSIBLE_ASSETS = 1_000_000_00


def euros(
    label: Any, help_text: Any = "", required: bool = True, plausible_max_cents: int | None = None, missing: Any = ""
) -> MoneyField:
    """A money input in euros as Dutch people type them; cleans to integer cents."""
    field = MoneyField(label=label, help_text=help_text, required=required, plausible_max_cents=plausible_max_cents)
    if missing:
        field.error_messages["required"] = missing
    return field


def number(label: Any, low: int, high: int, missing: Any, help_text: Any = "", **kwargs: Any) -> forms.IntegerField:
    """A whole number within its bounds, with B1 errors that say what to do (not Django's "Dit veld is vereist.")."""
    between = _("Vul een getal van %(low)s tot en met %(high)s in.") % {"low": low, "high": high}
    field = BoundedIntegerField(label=label, min_value=low, max_value=high, help_text=help_text, **kwargs)
    field.error_messages.update(
        {"required": missing, "invalid": _("Vul alleen cijfers in, zonder punt of komma. Bijvoorbeeld: 2.")}
    )
    for validator in field.validators:
        if isinstance(validator, MinValueValidator | MaxValueValidator):
            validator.message = between
    return field


def choice(label: Any, choices: Any, missing: Any, **kwargs: Any) -> forms.ChoiceField:
    """A choice with a B1 error that says what to do."""
    return forms.ChoiceField(
        label=label, choices=choices, error_messages={"required": missing, "invalid_choice": missing}, **kwargs
    )


class StartForm(forms.Form):
    """Step 1: where you live and who belongs to your family (sent with GET: no personal money data).

    Where you live: a postcode (placed by the postcode table) or a municipality; a postcode we
    cannot place is answered with the question for the municipality (the select below it)."""

    postcode = ShortTextField(
        label=_("Wat is uw postcode?"),
        required=False,
        max_length=7,
        help_text=_("Bijvoorbeeld 6093 AB. U kunt ook hieronder uw gemeente kiezen."),
    )
    gemeente = choice(
        _("In welke gemeente woont u?"),
        [],
        _("Kies de gemeente waar u woont uit de lijst."),
        required=False,
        help_text=_("Dit hoeft niet als u uw postcode invult."),
    )
    partner = choice(
        _("Woont u samen met een partner?"),
        YES_NO,
        _("Kies ja of nee: woont u samen met een partner?"),
        widget=forms.RadioSelect,
        initial="nee",
    )
    kinderen = number(
        _("Hoeveel kinderen wonen bij u?"),
        0,
        MAX_CHILDREN,
        _("Vul in hoeveel kinderen bij u wonen. Bijvoorbeeld: 2."),
        initial=1,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Kies uw gemeente")), *municipality_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        postcode = (data.get("postcode") or "").strip()
        if data.get("gemeente") or "postcode" in self.errors:
            return data
        if not postcode:
            self.add_error("gemeente", _("Vul uw postcode in of kies uw gemeente."))
        elif not postcode_is_valid(postcode):
            self.add_error("postcode", _("Vul een postcode in zoals 6093 AB."))
        elif (code := municipality_for_postcode(postcode)) is not None:
            data["gemeente"] = code
        else:
            message = _("Postcode %(postcode)s kennen we nog niet. In welke gemeente woont u? Kies uw gemeente.")
            self.add_error("gemeente", message % {"postcode": postcode})
        return data


class FieldGroup:
    """Some bound fields of a form, rendered by `includes/form_fields.html` inside a fieldset."""

    def __init__(self, legend: Any, fields: list[forms.BoundField]) -> None:
        self.legend = legend
        self.fields = fields

    def __iter__(self) -> Iterator[forms.BoundField]:
        return iter(self.fields)

    def non_field_errors(self) -> list[str]:
        return []


class DetailsForm(ConfirmMoneyForm):
    """Step 2: ages, incomes, children, savings and rent. Step 1's answers are hidden fields."""

    gemeente = ShortTextField(widget=forms.HiddenInput)
    partner = forms.ChoiceField(choices=YES_NO, widget=forms.HiddenInput)
    kinderen = BoundedIntegerField(min_value=0, max_value=MAX_CHILDREN, widget=forms.HiddenInput)

    def __init__(self, *args: Any, adults: int, children: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.adults, self.children = adults, children
        for number in range(1, adults + 1):
            self._adult_fields(number)
        for number in range(1, children + 1):
            self.fields[f"kind{number}_leeftijd"] = _number(
                _("Leeftijd van kind %(n)s") % {"n": number},
                0,
                25,
                _("Vul de leeftijd van kind %(n)s in, in jaren. Bijvoorbeeld: 6.") % {"n": number},
                help_text=_("In jaren."),
            )
            self.fields[f"kind{number}_school"] = choice(
                _("School van kind %(n)s") % {"n": number},
                School.choices,
                _("Kies naar welke school kind %(n)s gaat.") % {"n": number},
            )
        self.fields["vermogen"] = euros(
            _("Hoeveel spaargeld en bezit heeft uw gezin?"), _("Spaargeld, een auto van veel waarde. In euro."), False
        )
        self.fields["huur"] = euros(
            _("Hoeveel kale huur betaalt u per maand?"),
            _("Zonder servicekosten. Vul 0 in als u een koophuis hebt."),
            missing=_("Vul in hoeveel huur u per maand betaalt, bijvoorbeeld 650. Hebt u een koophuis? Vul dan 0 in."),
        )

    def _adult_fields(self, number: int) -> None:
        you = number == 1
        prefix = f"ouder{number}"
        self.fields[f"{prefix}_leeftijd"] = _number(
            _("Uw leeftijd") if you else _("Leeftijd van uw partner"),
            16,
            120,
            _("Vul uw leeftijd in, in jaren. Bijvoorbeeld: 35.")
            if you
            else _("Vul de leeftijd van uw partner in, in jaren. Bijvoorbeeld: 35."),
        )
        self.fields[f"{prefix}_netto"] = euros(
            _("Uw netto inkomen per maand") if you else _("Netto inkomen van uw partner per maand"),
            _("Wat u elke maand op uw rekening krijgt van werk of uitkering. Zonder toeslagen en kinderbijslag."),
            plausible_max_cents=PLAUSIBLE_NET_MONTHLY,
            missing=_("Vul uw netto inkomen per maand in, bijvoorbeeld 1500. Geen inkomen? Vul dan 0 in.")
            if you
            else _("Vul het netto inkomen van uw partner per maand in, bijvoorbeeld 1500. Geen inkomen? Vul 0 in."),
        )
        self.fields[f"{prefix}_bruto"] = euros(
            _("Uw bruto inkomen per jaar") if you else _("Bruto inkomen van uw partner per jaar"),
            _("Ongeveer. Dit staat op uw jaaropgave. Vul 0 in als u geen inkomen hebt."),
            plausible_max_cents=PLAUSIBLE_GROSS_YEARLY,
            missing=_("Vul uw bruto inkomen per jaar in, bijvoorbeeld 21000. Geen inkomen? Vul dan 0 in.")
            if you
            else _("Vul het bruto inkomen van uw partner per jaar in, bijvoorbeeld 21000. Geen inkomen? Vul 0 in."),
        )
        self.fields[f"{prefix}_verzekerd"] = choice(
            _("Hebt u een zorgverzekering?") if you else _("Heeft uw partner een zorgverzekering?"),
            YES_NO,
            _("Kies ja of nee: hebt u een zorgverzekering?")
            if you
            else _("Kies ja of nee: heeft uw partner een zorgverzekering?"),
            widget=forms.RadioSelect,
            initial="ja",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.confirm_money()
        for n in range(1, self.adults + 1):
            net, gross = data.get(f"ouder{n}_netto"), data.get(f"ouder{n}_bruto")
            if net is not None and gross is not None and gross < net:
                self.ask_confirmation(
                    f"ouder{n}_bruto",
                    _("U vulde een jaarinkomen van %(gross)s in. Dat is minder dan het maandinkomen van %(net)s.")
                    % {"gross": format_euros_nl(gross), "net": format_euros_nl(net)},
                )
        return data

    def _names(self, names: list[str]) -> list[forms.BoundField]:
        return [self[name] for name in self.confirmation_fields(names)]

    def groups(self) -> list[FieldGroup]:
        found = [
            FieldGroup(
                _("Over u") if n == 1 else _("Over uw partner"), self._names([f"ouder{n}_{k}" for k in ADULT_KEYS])
            )
            for n in range(1, self.adults + 1)
        ]
        found += [
            FieldGroup(_("Kind %(n)s") % {"n": n}, [self[f"kind{n}_leeftijd"], self[f"kind{n}_school"]])
            for n in range(1, self.children + 1)
        ]
        found.append(FieldGroup(_("Geld en wonen"), self._names(["vermogen", "huur"])))
        return found

    def payload(self, on: str) -> dict[str, Any]:
        """The screening contract's request for these answers."""
        data = self.cleaned_data
        adults = [
            {
                "age": data[f"ouder{n}_leeftijd"],
                "net_income_monthly": money(data[f"ouder{n}_netto"]),
                "taxable_income_yearly": money(data[f"ouder{n}_bruto"]),
                "insured": data[f"ouder{n}_verzekerd"] == "ja",
            }
            for n in range(1, self.adults + 1)
        ]
        children = [
            {"age": data[f"kind{n}_leeftijd"], "school": data[f"kind{n}_school"]} for n in range(1, self.children + 1)
        ]
        household = {
            "adults": adults,
            "children": children,
            "partners": self.adults == 2,
            "assets": money(data.get("vermogen") or 0),
            "rent_monthly": money(data["huur"]),
        }
        return {"date": on, "municipality": data["gemeente"], "household": household}


ADULT_KEYS = ("leeftijd", "netto", "bruto", "verzekerd")
_number = number  # inside DetailsForm.__init__, `number` is the loop variable


def money(cents: int) -> str:
    return format_cents(cents)


def details_form(data: Any, initial: dict[str, Any] | None = None) -> DetailsForm | None:
    """Step 2's form for step 1's answers in `data` (GET or POST), or None when those are not valid."""
    start = StartForm({key: data.get(key) for key in ("postcode", "gemeente", "partner", "kinderen")})
    if not start.is_valid():
        return None
    adults = 2 if start.cleaned_data["partner"] == "ja" else 1
    children = start.cleaned_data["kinderen"]
    bound = data if "huur" in data else None
    form = DetailsForm(bound, adults=adults, children=children, initial={**start.cleaned_data, **(initial or {})})
    return form
