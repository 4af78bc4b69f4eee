from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kansrijk.home.selectors import attention_list_for


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    blocks = attention_list_for(user=request.user)
    return render(
        request,
        "home/dashboard.html",
        {"blocks": blocks, "has_work": any(block.count for block in blocks)},
    )
