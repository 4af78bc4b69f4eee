"""Serializers of the alliance API. They shape data only; rules live in `services.py`."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.alliance.constants import MAX_REACH, Activity, Coverage, ReachUnit, TargetGroup, TrafficLight
from kansrijk.alliance.models import PledgeSignature, ProgressReport
from kansrijk.alliance.services import CommitmentInput, IndicatorInput
from kansrijk.core.api_fields import BoundedInteger, LongText, ShortText
from kansrijk.core.validators import INT32_MAX
from kansrijk.organisations.constants import Kind

MAX_INDICATORS = 10


class AllianceErrorItemSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="Input field the message is about; empty for the whole request.")
    message = serializers.CharField(help_text="What is wrong (Dutch).")


class AllianceErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Summary of the error.")
    errors = AllianceErrorItemSerializer(many=True, help_text="One entry per problem.")  # type: ignore[assignment]


class OrganisationRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(help_text="Organisation id.")
    name = serializers.CharField(help_text="Name.")
    kind = serializers.ChoiceField(choices=Kind.choices, help_text="Kind of organisation.")
    kind_label = serializers.CharField(source="get_kind_display", help_text="Kind of organisation (Dutch label).")


class PartnerSerializer(serializers.Serializer[PledgeSignature]):
    organisation = OrganisationRefSerializer(help_text="The partner.")
    municipalities = serializers.SerializerMethodField(
        help_text="CBS codes of the municipalities it works in; empty means national."
    )
    signed_on = serializers.DateField(help_text="Date the pledge was signed.")
    pledge_version = serializers.IntegerField(
        source="pledge_version.number", help_text="Version of the pledge text signed."
    )
    signatory_role = serializers.CharField(help_text="Role of the representative who signed.")

    def get_municipalities(self, signature: PledgeSignature) -> list[str]:
        return [m.code for m in signature.organisation.municipalities.all()]


class IndicatorSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True, help_text="Indicator id (use it in progress reports).")
    name = ShortText(max_length=200, help_text="What is measured.")
    unit = ShortText(max_length=50, required=False, allow_blank=True, default="", help_text="Unit.")
    target = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0, help_text="Target per year.")


class ReportStatusSerializer(serializers.Serializer[Any]):
    light = serializers.ChoiceField(choices=TrafficLight.choices, help_text="green, amber or red.")
    label = serializers.CharField(help_text="Text of the traffic light (Dutch).")  # type: ignore[assignment]
    due_from = serializers.DateField(help_text="From this day the next report is due (amber).")
    due_on = serializers.DateField(help_text="After this day the report is overdue (red).")


class CommitmentSerializer(serializers.Serializer[Any]):
    """A commitment row: the commitment's public fields and its report status."""

    id = serializers.UUIDField(source="commitment.id", help_text="Commitment id.")
    organisation = OrganisationRefSerializer(source="commitment.organisation", help_text="The partner.")
    title = serializers.CharField(source="commitment.title", help_text="Short name.")
    activity = serializers.ChoiceField(
        source="commitment.activity", choices=Activity.choices, help_text="Alliance activity."
    )
    activity_label = serializers.CharField(
        source="commitment.get_activity_display", help_text="Activity (Dutch label)."
    )
    description = serializers.CharField(source="commitment.description", help_text="What exactly will be done.")
    target_group = serializers.ChoiceField(
        source="commitment.target_group", choices=TargetGroup.choices, help_text="Who."
    )
    age_min = serializers.IntegerField(source="commitment.age_min", help_text="Youngest age reached.")
    age_max = serializers.IntegerField(source="commitment.age_max", help_text="Oldest age reached.")
    is_national = serializers.BooleanField(source="commitment.is_national", help_text="Carried out nationally.")
    municipalities = serializers.SerializerMethodField(help_text="CBS codes; empty when national.")
    planned_reach = serializers.IntegerField(source="commitment.planned_reach", help_text="Planned reach per year.")
    reach_unit = serializers.ChoiceField(source="commitment.reach_unit", choices=ReachUnit.choices, help_text="Unit.")
    starts_on = serializers.DateField(source="commitment.starts_on", help_text="Start date.")
    ends_on = serializers.DateField(source="commitment.ends_on", help_text="End date.")
    indicators = IndicatorSerializer(source="commitment.indicators.all", many=True, help_text="Indicators and targets.")
    contact_name = serializers.CharField(source="commitment.contact_name", help_text="Contact person.")
    contact_email = serializers.EmailField(source="commitment.contact_email", help_text="Contact e-mail.")
    last_reported_on = serializers.DateField(allow_null=True, help_text="Date of the latest progress report.")
    report_status = ReportStatusSerializer(source="status", help_text="Traffic light of the yearly report.")

    def get_municipalities(self, row: Any) -> list[str]:
        return [m.code for m in row.commitment.municipalities.all()]


class CommitmentInputSerializer(serializers.Serializer[Any]):
    organisation = serializers.UUIDField(required=False, help_text="Your organisation; optional if you manage one.")
    title = ShortText(max_length=200, help_text="Short name.")
    activity = serializers.ChoiceField(choices=Activity.choices, help_text="Alliance activity.")
    description = LongText(help_text="What exactly will be done.")
    target_group = serializers.ChoiceField(choices=TargetGroup.choices, help_text="Who it is for.")
    age_min = BoundedInteger(min_value=0, max_value=27, default=0, help_text="Youngest age.")
    age_max = BoundedInteger(min_value=0, max_value=27, default=17, help_text="Oldest age.")
    is_national = serializers.BooleanField(default=False, help_text="National; then leave `municipalities` empty.")
    municipalities = serializers.ListField(
        child=ShortText(max_length=6),
        max_length=400,
        default=list,
        help_text='CBS codes, e.g. `["GM1640"]` (at most 400).',
    )
    planned_reach = BoundedInteger(min_value=1, max_value=MAX_REACH, help_text="Planned reach per year.")
    reach_unit = serializers.ChoiceField(choices=ReachUnit.choices, help_text="children or families.")
    starts_on = serializers.DateField(help_text="Start date.")
    ends_on = serializers.DateField(help_text="End date.")
    contact_name = ShortText(max_length=200, help_text="Contact person.")
    contact_email = serializers.EmailField(max_length=254, help_text="Contact e-mail (public).")
    indicators = IndicatorSerializer(
        many=True, max_length=MAX_INDICATORS, help_text="At least one indicator with a target (at most 10)."
    )  # type: ignore[call-arg]  # stubs lack many+max_length

    def to_input(self) -> CommitmentInput:
        data = self.validated_data
        return CommitmentInput(
            title=data["title"],
            activity=data["activity"],
            description=data["description"],
            target_group=data["target_group"],
            age_min=data["age_min"],
            age_max=data["age_max"],
            is_national=data["is_national"],
            municipality_codes=tuple(data["municipalities"]),
            planned_reach=data["planned_reach"],
            reach_unit=data["reach_unit"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            indicators=tuple(IndicatorInput(i["name"], i["target"], i.get("unit", "")) for i in data["indicators"]),
        )


class IndicatorValueSerializer(serializers.Serializer[Any]):
    indicator_id = BoundedInteger(
        min_value=1, max_value=INT32_MAX, help_text="Id of one of the commitment's indicators."
    )
    value = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True, required=False, help_text="Value reached this year."
    )


class ProgressInputSerializer(serializers.Serializer[Any]):
    year = BoundedInteger(min_value=2000, max_value=2100, help_text="Year the report is about.")
    what_was_done = LongText(help_text="What was done.")
    realised_reach = BoundedInteger(min_value=0, max_value=MAX_REACH, help_text="Children or families reached.")
    indicator_values = IndicatorValueSerializer(
        many=True, max_length=MAX_INDICATORS, default=list, help_text="Indicator results."
    )  # type: ignore[call-arg]  # stubs lack many+max_length
    obstacles = LongText(required=False, allow_blank=True, default="", help_text="What got in the way.")
    structural_barriers = LongText(required=False, allow_blank=True, default="", help_text="Structural barriers seen.")


class ProgressReportSerializer(serializers.Serializer[ProgressReport]):
    id = serializers.UUIDField(help_text="Report id.")
    commitment = serializers.UUIDField(source="commitment_id", help_text="Commitment id.")
    year = serializers.IntegerField(help_text="Year reported on.")
    reported_on = serializers.DateField(help_text="Date filed.")
    what_was_done = serializers.CharField(help_text="What was done.")
    realised_reach = serializers.IntegerField(help_text="Reached.")
    indicator_values = serializers.JSONField(help_text="`[{indicator_id, indicator, unit, target, value}]`.")
    obstacles = serializers.CharField(help_text="What got in the way.")
    structural_barriers = serializers.CharField(help_text="Structural barriers seen.")


class PartnerRefSerializer(serializers.Serializer[Any]):
    organisation_id = serializers.UUIDField(help_text="Organisation id.")
    name = serializers.CharField(help_text="Name.")
    kind = serializers.ChoiceField(choices=Kind.choices, help_text="Kind of organisation.")
    kind_label = serializers.CharField(help_text="Kind (Dutch label).")
    via = serializers.ListField(
        child=serializers.CharField(), help_text="Where it was found: `inzet`, `sociale kaart`."
    )


class ActivityCoverageSerializer(serializers.Serializer[Any]):
    activity = serializers.ChoiceField(choices=Activity.choices, help_text="Alliance activity.")
    label = serializers.CharField(help_text="Activity (Dutch label).")  # type: ignore[assignment]
    level = serializers.ChoiceField(choices=Coverage.choices, help_text="covered (≥2 partners), thin (1), missing (0).")
    level_label = serializers.CharField(help_text="Coverage (Dutch label).")
    partner_count = serializers.SerializerMethodField(help_text="Distinct local partners active for the activity.")
    partners = PartnerRefSerializer(many=True, help_text="Local partners (count towards coverage).")
    national_partners = PartnerRefSerializer(many=True, help_text="National commitments (do not count).")

    def get_partner_count(self, item: Any) -> int:
        return len(item.partners)


class ServiceRefSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Service name.")
    organisation_id = serializers.UUIDField(help_text="Organisation offering it.")
    organisation_name = serializers.CharField(help_text="Name of the organisation.")
    activities = serializers.ListField(child=serializers.CharField(), help_text="Activities it counts for.")


class MunicipalityRefSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="CBS code.")
    name = serializers.CharField(help_text="Name.")


class CoverageSerializer(serializers.Serializer[Any]):
    municipality = MunicipalityRefSerializer(help_text="The municipality.")
    date = serializers.DateField(source="today", help_text="The day the coverage was computed for.")
    has_signed = serializers.BooleanField(help_text="The municipality itself signed the pledge.")
    activities = ActivityCoverageSerializer(many=True, help_text="One entry per alliance activity.")
    gaps = serializers.SerializerMethodField(help_text="Activities nobody covers locally.")
    local_organisations = OrganisationRefSerializer(many=True, help_text="Organisations working in the municipality.")
    services = ServiceRefSerializer(many=True, help_text="Social-map services there.")
    social_map_available = serializers.BooleanField(help_text="False while the social map is not installed.")

    def get_gaps(self, result: Any) -> list[str]:
        return [item.activity for item in result.gaps]
