from django.urls import path

from kansrijk.takeup import views

app_name = "takeup"
urlpatterns = [
    path("wat-kan-ik-krijgen/later-vragen/", views.family_start, name="family_start"),
    path("wat-kan-ik-krijgen/hoe-ging-het/", views.family_answer, name="family_answer"),
    path("zorgen/<uuid:concern_id>/gebruik/", views.concern_take_up, name="concern"),
]
