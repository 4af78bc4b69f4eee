"""Background work: the family's question after six days (and forgetting what is past its period);
the professional's reminder after six weeks."""

from __future__ import annotations

from django_tasks import task

from kansrijk.takeup.services import family_questions_run, take_up_reminders_run


@task()
def family_questions() -> int:
    """E-mail the follow-up question that is due and delete follow-ups past 60 days; returns how many mailed."""
    return family_questions_run()


@task()
def take_up_reminders() -> int:
    """Remind once per open concern with nothing recorded after six weeks; returns how many."""
    return take_up_reminders_run()
