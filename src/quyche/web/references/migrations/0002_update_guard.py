"""Database-level guard: rows of ReferenceChange are never updated (see quyche.web.immutable)."""

from django.db import migrations

from quyche.web.immutable import update_guard


class Migration(migrations.Migration):
    dependencies = [("references", "0001_initial")]

    operations = [
        update_guard("references", "referencechange", "ReferenceChange: bản ghi bất biến, không được sửa"),
    ]
