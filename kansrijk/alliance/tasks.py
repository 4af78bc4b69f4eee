"""Background tasks of the alliance (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from kansrijk.alliance.services import report_reminders_send


@task()
def send_report_reminders() -> int:
    """Remind coordinators of commitments whose yearly report is due or overdue.
    Meant to run once a day (cron: `kansrijk alliance-reminders`)."""
    return report_reminders_send()
