"""Database-level guard: rows of ProfileVersion are never updated (see quyche.web.immutable)."""

from django.db import migrations

from quyche.web.immutable import update_guard


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    operations = [
        update_guard("organizations", "profileversion", "ProfileVersion: bản ghi bất biến, không được sửa"),
    ]
