"""Chain the rows written before the hash chain existed, oldest first (ADR 0010)."""

import secrets

from django.db import migrations

from kansrijk.audit import chain


def chain_existing_rows(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    prev, seq = chain.GENESIS, 0
    for event in AuditEvent.objects.order_by("timestamp", "id").iterator(chunk_size=2000):
        seq += 1
        event.seq = seq
        event.personal_salt = secrets.token_hex(16)
        event.personal_digest = chain.digest_of(event)
        event.prev_hash = prev
        event.row_hash = chain.hash_of(event, prev_hash=prev)
        event.save(update_fields=["seq", "personal_salt", "personal_digest", "prev_hash", "row_hash"])
        prev = event.row_hash
    AuditChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "row_hash": prev})


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_hash_chain_fields")]
    operations = [migrations.RunPython(chain_existing_rows, migrations.RunPython.noop)]
