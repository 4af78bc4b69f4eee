import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_is_in_dutch(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert "Samen tegen kinderarmoede" in html


def test_the_language_switch_shows_english_without_javascript(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Together against child poverty" in html


def test_english_pages_live_under_en(client):
    assert "Together against child poverty" in client.get("/en/").content.decode()


def test_pages_carry_a_content_security_policy_with_a_nonce(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "default-src 'self'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_every_page_has_a_skip_link_to_the_main_content(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert 'id="main"' in html


def test_api_errors_are_json_with_a_message(client):
    response = client.get("/api/v1/organisations")
    assert response.status_code == 401
    assert response.json() == {"detail": response.json()["detail"], "errors": []}
