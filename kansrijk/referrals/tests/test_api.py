"""The API as external checks use it: paths, payloads, status codes and the error format."""

import pytest
from django.core import mail

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.referrals.models import Concern, Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory

pytestmark = pytest.mark.django_db

CONCERN = {
    "children": [{"first_name": "Sam", "birth_year": 2016, "school": "primary"}],
    "municipality": "GM1640",
    "signals": ["no_club", "money_stress"],
    "note": "Sam wil graag voetballen.",
    "wishes": "voetballen bij de club",
}


def _raise(teacher):
    response = client_for(teacher).post("/api/v1/concerns", CONCERN, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def _consent(client, concern_id, organisation):
    payload = {
        "given_by": "parent",
        "organisations": [str(organisation.pk)],
        "purpose": "Sport aanvragen",
        "method": "in_person",
    }
    return client.post(f"/api/v1/concerns/{concern_id}/consents", payload, content_type="application/json")


def test_the_signals_list_gives_codes_and_dutch_labels(teacher):
    response = client_for(teacher).get("/api/v1/concerns/signals")
    assert response.status_code == 200
    codes = {item["code"]: item["label"] for item in response.json()}
    assert codes["no_breakfast"] == "Geen ontbijt"
    assert {"no_club", "misses_trips", "clothing", "no_treat", "money_stress"} <= set(codes)


def test_a_teacher_raises_a_concern_and_the_wishes_are_stored_structured(teacher):
    body = _raise(teacher)
    assert body["children"] == [{"first_name": "Sam", "birth_year": 2016, "school": "primary"}]
    assert body["signals"] == ["no_club", "money_stress"]
    assert body["wishes"] == [{"child": None, "need": "", "text": "voetballen bij de club"}]
    concern = Concern.objects.get(pk=body["id"])
    assert concern.organisation == teacher.organisation


@pytest.mark.parametrize(
    ("field", "change", "label"),
    [
        ("note", {"note": "BSN moeder 123.456.782"}, "Notitie"),
        ("wishes", {"wishes": "fiets, bsn 111222333"}, "Wensen"),
        ("children", {"children": [{"first_name": "123456782", "birth_year": 2016}]}, "Voornaam"),
    ],
)
def test_a_bsn_in_free_text_is_refused_naming_the_field(teacher, field, change, label):
    response = client_for(teacher).post("/api/v1/concerns", {**CONCERN, **change}, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == field
    assert label in error["message"]
    assert "BSN" in error["message"]
    assert not Concern.objects.exists()


def test_an_unknown_signal_or_municipality_is_a_400(teacher):
    client = client_for(teacher)
    bad_signal = client.post("/api/v1/concerns", {**CONCERN, "signals": ["nope"]}, content_type="application/json")
    assert bad_signal.status_code == 400
    assert bad_signal.json()["errors"][0]["field"] == "signals"
    bad_place = client.post("/api/v1/concerns", {**CONCERN, "municipality": "GM9999"}, content_type="application/json")
    assert bad_place.status_code == 400
    assert bad_place.json()["errors"][0]["field"] == "municipality"


def test_referral_without_consent_is_a_409_with_a_message(teacher, sport_service):
    concern = _raise(teacher)
    response = client_for(teacher).post(
        "/api/v1/referrals",
        {"concern": concern["id"], "service": str(sport_service.pk), "note": "Graag"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "toestemming" in response.json()["detail"]
    assert not Referral.objects.exists()


def test_the_whole_loop_through_the_api(teacher, fund_worker, fund, sport_service, django_capture_on_commit_callbacks):
    concern = _raise(teacher)
    teacher_client, fund_client = client_for(teacher), client_for(fund_worker)
    assert _consent(teacher_client, concern["id"], fund).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        created = teacher_client.post(
            "/api/v1/referrals",
            {"concern": concern["id"], "service": str(sport_service.pk), "note": "Graag"},
            content_type="application/json",
        )
    assert created.status_code == 201, created.content
    referral_id = created.json()["id"]
    assert len(mail.outbox) == 1
    assert fund_worker.user.email in mail.outbox[0].to
    for step in ("accepted", "in_progress"):
        answer = fund_client.post(
            f"/api/v1/referrals/{referral_id}/transitions", {"to": step}, content_type="application/json"
        )
        assert answer.status_code == 200, answer.content
    with django_capture_on_commit_callbacks(execute=True):
        done = fund_client.post(
            f"/api/v1/referrals/{referral_id}/transitions",
            {"to": "done", "reason": "Contributie voetbal betaald", "amount_cents": 22500},
            content_type="application/json",
        )
    assert done.status_code == 200
    seen = teacher_client.get(f"/api/v1/referrals/{referral_id}").json()
    assert seen["status"] == "done"
    assert seen["delivered_amount_cents"] == 22500
    assert [s["to_status"] for s in seen["history"]] == ["sent", "accepted", "in_progress", "done"]
    assert mail.outbox[-1].to == [teacher.user.email]


def test_the_receiver_sees_only_what_it_needs(fund_worker, fund):
    referral = ReferralFactory(receiver=fund)
    body = client_for(fund_worker).get(f"/api/v1/referrals/{referral.pk}").json()
    shared = body["shared"]
    assert shared["children"] == [{"first_name": "Sam", "birth_year": 2016, "school": "primary"}]
    assert shared["municipality"] == "Leudal"
    assert [w["text"] for w in shared["wishes"]] == ["voetballen"]  # the school-trip wish is not for a sports fund
    assert "signals" not in body
    assert "signs" not in str(body)
    assert body["allowed_transitions"] == ["accepted", "declined"]


def test_an_illegal_transition_is_a_409_with_a_message(fund_worker, fund):
    referral = ReferralFactory(receiver=fund)
    response = client_for(fund_worker).post(
        f"/api/v1/referrals/{referral.pk}/transitions", {"to": "done"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert "kan niet" in response.json()["detail"]
    assert response.json()["errors"] == [{"field": "to", "message": response.json()["detail"]}]


def test_the_receiver_may_not_withdraw_and_the_referrer_may_not_accept(fund_worker, fund, teacher):
    referral = ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=teacher.organisation))
    withdraw = client_for(fund_worker).post(
        f"/api/v1/referrals/{referral.pk}/transitions",
        {"to": "withdrawn", "reason": "x"},
        content_type="application/json",
    )
    accept = client_for(teacher).post(
        f"/api/v1/referrals/{referral.pk}/transitions", {"to": "accepted"}, content_type="application/json"
    )
    assert withdraw.status_code == 403
    assert accept.status_code == 403
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_another_organisation_gets_404_everywhere_like_a_missing_id(other_coordinator, teacher):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation))
    consent = referral.consent
    concern_id = referral.concern_id
    client = client_for(other_coordinator)
    missing = "00000000-0000-0000-0000-000000000000"
    for path in (f"/api/v1/concerns/{concern_id}", f"/api/v1/referrals/{referral.pk}"):
        assert client.get(path).status_code == 404
        assert client.get(path).json() == client.get(path.rsplit("/", 1)[0] + "/" + missing).json()
    assert (
        client.post(f"/api/v1/concerns/{concern_id}/consents", {}, content_type="application/json").status_code == 404
    )
    assert client.post(f"/api/v1/concerns/{concern_id}/consents/{consent.pk}/withdraw").status_code == 404
    assert (
        client.post(
            f"/api/v1/referrals/{referral.pk}/transitions", {"to": "accepted"}, content_type="application/json"
        ).status_code
        == 404
    )
    refer = client.post(
        "/api/v1/referrals",
        {"concern": str(concern_id), "service": str(referral.service_id)},
        content_type="application/json",
    )
    assert refer.status_code == 400
    assert refer.json()["errors"][0]["field"] == "concern"
    assert client.get("/api/v1/referrals").json()["count"] == 0
    assert client.get("/api/v1/concerns").json() == []


def test_the_referral_list_shows_only_what_the_caller_may_see_and_filters_by_status(fund_worker, fund):
    mine = ReferralFactory(receiver=fund)
    ReferralFactory(receiver=fund, accepted=True)
    ReferralFactory()  # to another fund
    client = client_for(fund_worker)
    assert client.get("/api/v1/referrals").json()["count"] == 2
    sent = client.get("/api/v1/referrals?status=sent").json()
    assert [r["id"] for r in sent["results"]] == [str(mine.pk)]


def test_reads_are_audited_with_object_id_and_list_size(fund_worker, fund):
    referral = ReferralFactory(receiver=fund)
    client = client_for(fund_worker)
    client.get(f"/api/v1/referrals/{referral.pk}")
    client.get("/api/v1/referrals")
    read = AuditEvent.objects.get(action="referral.read")
    assert read.object_id == str(referral.pk)
    assert read.actor == fund_worker.user
    listed = AuditEvent.objects.get(action="referral.list")
    assert listed.detail["count"] == 1


def test_consent_for_a_child_under_16_cannot_come_from_the_young_person(teacher, fund):
    concern = _raise(teacher)
    payload = {"given_by": "young_person", "organisations": [str(fund.pk)], "purpose": "Sport", "method": "phone"}
    response = client_for(teacher).post(
        f"/api/v1/concerns/{concern['id']}/consents", payload, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "given_by"


def test_a_consent_lists_only_existing_organisations(teacher):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern)
    payload = {
        "given_by": "parent",
        "organisations": ["00000000-0000-0000-0000-000000000001"],
        "purpose": "x",
        "method": "phone",
    }
    response = client_for(teacher).post(
        f"/api/v1/concerns/{concern.pk}/consents", payload, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "organisations"
