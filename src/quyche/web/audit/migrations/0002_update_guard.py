"""Database-level guard: rows of AuditLog are never updated (see quyche.web.immutable)."""

from django.db import migrations

from quyche.web.immutable import update_guard


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        update_guard("audit", "auditlog", "AuditLog: bản ghi bất biến, không được sửa"),
    ]
