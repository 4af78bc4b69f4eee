"""Serializers of the referrals API: input shapes (validated again by the services) and output."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.core.api_fields import BoundedInteger, LongText, ShortText
from kansrijk.core.suppression import SmallCellCountField
from kansrijk.referrals.constants import SIGN_BY_CODE, SIGNS, ConsentMethod, DeclineReason, GivenBy, School, Status
from kansrijk.referrals.services import FIRST_NAME_LENGTH, MAX_AMOUNT_CENTS, MAX_CHILDREN, WISH_LENGTH


class DeclineReasonSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Stable code of the reason, sent as `reason_code` when declining.")
    label = serializers.CharField(help_text="Dutch label.")  # type: ignore[assignment]


class SignSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Stable code of the sign, used in `signals`.")
    label = serializers.CharField(help_text="Dutch label.")  # type: ignore[assignment]
    guidance = serializers.CharField(help_text="Short guidance for professionals (Dutch).")


class ChildInSerializer(serializers.Serializer[Any]):
    first_name = ShortText(max_length=FIRST_NAME_LENGTH, help_text="First name or initials; never a full name.")
    birth_year = BoundedInteger(
        required=False, min_value=1900, max_value=2100, help_text="Year of birth (or give `age`)."
    )
    age = BoundedInteger(required=False, min_value=0, max_value=25, help_text="Age in years.")
    school = serializers.ChoiceField(choices=School.choices, default=School.PRIMARY, help_text="Kind of school.")


class ConcernInSerializer(serializers.Serializer[Any]):
    children = ChildInSerializer(many=True, max_length=MAX_CHILDREN, help_text="1 to 10 children of one family.")  # type: ignore[call-arg]  # stubs lack many+max_length
    municipality = ShortText(max_length=6, help_text="CBS code of the family's municipality, e.g. GM1640.")
    signals = serializers.ListField(
        child=ShortText(max_length=40),
        max_length=len(SIGNS),
        required=False,
        default=list,
        help_text="Codes of the signs observed (see GET /concerns/signals).",
    )
    note = LongText(required=False, allow_blank=True, default="", help_text="Free note (no BSN).")
    wishes = ShortText(
        max_length=WISH_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="The child's own wishes as free text (no BSN).",
    )
    organisation = serializers.UUIDField(
        required=False, help_text="Your organisation; needed only if you work for more than one."
    )


class ConsentInSerializer(serializers.Serializer[Any]):
    given_by = serializers.ChoiceField(choices=GivenBy.choices, help_text="Parent, guardian or the young person (16+).")
    organisations = serializers.ListField(
        child=serializers.UUIDField(), max_length=100, help_text="Organisations it may go to."
    )
    purpose = LongText(help_text="What the data may be shared for.")
    method = serializers.ChoiceField(choices=ConsentMethod.choices, help_text="How consent was given.")
    expires_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Last day consent is valid (after today); default CONSENT_DEFAULT_DAYS (one year) from now.",
    )


class ConsentSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    given_by = serializers.CharField()
    purpose = serializers.CharField()
    method = serializers.CharField()
    organisations = serializers.SerializerMethodField()
    given_at = serializers.DateTimeField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(help_text="When consent ends; expired consent is not valid.")
    valid = serializers.BooleanField(source="is_valid", help_text="False once withdrawn or expired.")

    def get_organisations(self, consent: Any) -> list[str]:
        return [str(o.pk) for o in consent.organisations.all()]


class ChildSerializer(serializers.Serializer[Any]):
    first_name = serializers.CharField()
    birth_year = serializers.IntegerField()
    school = serializers.CharField()


class WishSerializer(serializers.Serializer[Any]):
    child = serializers.IntegerField(allow_null=True, help_text="Index of the child, or null for the family.")
    need = serializers.CharField(help_text="Need code of the social map's taxonomy, or empty.")
    text = serializers.CharField(help_text="The wish in the child's own words.")


class ReferralBriefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    service = serializers.UUIDField(source="service_id", allow_null=True)
    service_name = serializers.CharField()
    receiver = serializers.UUIDField(source="receiver_id")
    status = serializers.CharField(help_text="sent, accepted, declined, in_progress, done or withdrawn.")
    created_at = serializers.DateTimeField()
    status_changed_at = serializers.DateTimeField()


class ReferralListItemSerializer(ReferralBriefSerializer):
    children = serializers.CharField(help_text="The children as initials and age, e.g. 'S., 9 jaar'.")
    days_waiting = serializers.IntegerField(
        allow_null=True, help_text="Days since an open referral was sent; null once finished."
    )


class ConcernSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    organisation = serializers.UUIDField(source="organisation_id")
    municipality = serializers.CharField(source="municipality_id")
    children = ChildSerializer(many=True, source="children.all")
    signals = serializers.ListField(child=serializers.CharField(), source="signs")
    note = serializers.CharField()
    wishes = WishSerializer(many=True)
    consents = ConsentSerializer(many=True, source="consents.all")
    referrals = ReferralBriefSerializer(many=True, source="referrals.all")
    created_at = serializers.DateTimeField()


class ReferralInSerializer(serializers.Serializer[Any]):
    concern = serializers.UUIDField(help_text="The concern to refer.")
    service = serializers.UUIDField(help_text="HSDS id of the service.")
    note = LongText(required=False, allow_blank=True, default="", help_text="Note for the receiver.")


class TransitionInSerializer(serializers.Serializer[Any]):
    to = serializers.ChoiceField(choices=Status.choices, help_text="The status to move to.")
    reason = LongText(required=False, allow_blank=True, default="", help_text="Why (decline, withdraw).")
    reason_code = serializers.ChoiceField(
        choices=DeclineReason.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="For `declined` (required there): a code from GET /referrals/decline-reasons.",
    )
    delivered_what = LongText(
        required=False, allow_blank=True, default="", help_text="For `done`: the help delivered (else `reason`)."
    )
    amount_cents = BoundedInteger(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=MAX_AMOUNT_CENTS,
        default=None,
        help_text="For `done`: amount in euro cents (at most 100,000 euros).",
    )


class StepSerializer(serializers.Serializer[Any]):
    from_status = serializers.CharField(help_text="Status before; empty for the first step.")
    to_status = serializers.CharField()
    at = serializers.DateTimeField()
    organisation = serializers.CharField(source="organisation.name", allow_null=True, default=None)
    actor = serializers.SerializerMethodField()
    reason = serializers.CharField()

    def get_actor(self, step: Any) -> str:
        return (step.actor.full_name or step.actor.email) if step.actor else "Kansrijk"


class SharedSerializer(serializers.Serializer[Any]):
    children = ChildSerializer(many=True)
    municipality = serializers.CharField()
    wishes = WishSerializer(many=True)
    note = serializers.CharField()


class ContactSerializer(serializers.Serializer[Any]):
    organisation = serializers.CharField(help_text="Name of the referring organisation.")
    name = serializers.CharField(help_text="Name of the referring professional (may be empty).")
    email = serializers.CharField(help_text="E-mail of the referring professional, else of the organisation.")
    phone = serializers.CharField(help_text="Phone number of the referring organisation (may be empty).")
    organisation_email = serializers.CharField(help_text="Public e-mail of the referring organisation.")


class ReferralSerializer(ReferralBriefSerializer):
    referrer = serializers.UUIDField(source="referrer_id")
    version = serializers.IntegerField(help_text="Raised by every step.")
    delivered_what = serializers.CharField()
    delivered_amount_cents = serializers.IntegerField(allow_null=True)
    decline_reason = serializers.CharField(help_text="Coded reason when declined (see /referrals/decline-reasons).")
    history = StepSerializer(many=True, source="steps.all")
    shared = SharedSerializer(
        allow_null=True, help_text="What the receiver may see; null when consent was withdrawn or withdrawn."
    )
    allowed_transitions = serializers.ListField(child=serializers.CharField())
    referrer_contact = ContactSerializer(help_text="Who referred and how to reach them.")


def signs_for(codes: list[str]) -> list[dict[str, str]]:
    return [{"code": c, "label": str(SIGN_BY_CODE[c].label)} for c in codes if c in SIGN_BY_CODE]


class MunicipalityFiguresSerializer(serializers.Serializer[Any]):
    """A municipality's figures: counts only, small ones suppressed (ADR 0013)."""

    municipality = serializers.CharField(source="code", help_text="CBS code.")
    concerns = SmallCellCountField(help_text="Concerns raised about families living there; null means 1 to 9.")
    referrals_by_status = serializers.DictField(
        source="status_counts",
        child=SmallCellCountField(),
        help_text="Referrals per status (`sent`, `accepted`, ...); null means 1 to 9.",
    )
    barriers_by_category = serializers.DictField(
        source="barrier_counts",
        child=SmallCellCountField(),
        help_text="Structural barriers per category; null means 1 to 9.",
    )
