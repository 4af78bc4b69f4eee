from django.urls import path

from kansrijk.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.token_list, name="tokens"),
    path("<uuid:token_id>/intrekken/", views.token_revoke, name="token_revoke"),
]
