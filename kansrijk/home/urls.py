from django.urls import path

from kansrijk.home import views

app_name = "home"
urlpatterns = [
    path("mijn-kansrijk/", views.dashboard, name="dashboard"),
]
