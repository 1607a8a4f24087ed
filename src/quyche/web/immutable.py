"""Rows that never change once written (profile versions, issued regulation versions, history, audit).

Three layers, so no path through the ORM or around it changes such a row by accident:

1. the model: ``save()`` of an existing row and ``delete()`` raise :class:`ImmutableError`
   (subclasses may allow named transitions, e.g. issuing a draft);
2. the manager: ``QuerySet.update()`` and ``bulk_update()`` raise; ``QuerySet.delete()`` goes through
   each object's ``delete()``;
3. the database: a ``BEFORE UPDATE`` trigger (SQLite and PostgreSQL) refuses the change
   (:func:`update_guard`). Deletes are left to the ORM layers and to ``on_delete=PROTECT`` foreign keys,
   so that ``flush`` and a restore into an empty database keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from django.db import migrations, models, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

M = TypeVar("M", bound=models.Model)


class ImmutableError(Exception):
    """A write to a row that may not change; the message says which and why (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class GuardedQuerySet(models.QuerySet[M]):
    """``update()`` / ``bulk_update()`` refused; ``delete()`` asks every object."""

    def update(self, **kwargs: Any) -> int:
        raise ImmutableError(f"Không được sửa hàng loạt {self.model._meta.verbose_name}: bản ghi bất biến")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        raise ImmutableError(f"Không được sửa hàng loạt {self.model._meta.verbose_name}: bản ghi bất biến")

    def delete(self) -> tuple[int, dict[str, int]]:
        total = 0
        counts: dict[str, int] = {}
        with transaction.atomic(using=self.db):
            for obj in self:
                n, per_model = obj.delete()
                total += n
                for label, k in per_model.items():
                    counts[label] = counts.get(label, 0) + k
        return total, counts

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class ImmutableModel(models.Model):
    """Insert-only model. Subclasses override :meth:`check_change` / :meth:`check_delete` to allow more."""

    immutable_reason: ClassVar[str] = "bản ghi đã lưu không được sửa hay xóa"

    objects = GuardedQuerySet.as_manager()

    class Meta:
        abstract = True

    def check_change(self) -> None:
        """Raise :class:`ImmutableError` unless this existing row may be saved as it is now."""
        raise ImmutableError(f"{self._meta.verbose_name} #{self.pk}: {self.immutable_reason}")

    def check_delete(self) -> None:
        raise ImmutableError(f"{self._meta.verbose_name} #{self.pk}: {self.immutable_reason}")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            if self.pk is not None:
                kwargs["force_insert"] = True  # a new object with a chosen pk must not overwrite a row
        else:
            self.check_change()
        super().save(*args, **kwargs)

    def delete(self, using: Any = None, keep_parents: bool = False) -> tuple[int, dict[str, int]]:
        self.check_delete()
        return super().delete(using=using, keep_parents=keep_parents)


# ---------------------------------------------------------------------------------------------- database
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION quyche_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'check_violation';
END
$$;
"""


def _condition(vendor: str, qn: Callable[[str], str], frozen: Sequence[str], locked_when: str | None) -> str:
    if vendor == "postgresql":
        parts = [f"OLD.{qn(c)} IS DISTINCT FROM NEW.{qn(c)}" for c in frozen]
    else:
        parts = [f"OLD.{qn(c)} IS NOT NEW.{qn(c)}" for c in frozen]
    if locked_when is not None:
        parts.append(f"OLD.{qn(locked_when)} IS NOT NULL")
    return " OR ".join(parts) if parts else "1 = 1"


def _sql(op: str, vendor: str, table: str, name: str, condition: str, message: str) -> list[str]:
    msg = message.replace("'", "''")
    if vendor == "sqlite":
        if op == "drop":
            return [f"DROP TRIGGER IF EXISTS {name}"]
        return [
            f"CREATE TRIGGER {name} BEFORE UPDATE ON {table} FOR EACH ROW WHEN {condition} "
            f"BEGIN SELECT RAISE(ABORT, '{msg}'); END"
        ]
    if vendor == "postgresql":
        if op == "drop":
            return [f"DROP TRIGGER IF EXISTS {name} ON {table}"]
        return [
            _PG_FUNCTION,
            f"CREATE TRIGGER {name} BEFORE UPDATE ON {table} FOR EACH ROW WHEN ({condition}) "
            f"EXECUTE FUNCTION quyche_refuse_update('{msg}')",
        ]
    return []  # other databases: the model and manager layers still apply


def update_guard(
    app_label: str,
    model_name: str,
    message: str,
    *,
    frozen: Sequence[str] = (),
    locked_when: str | None = None,
) -> migrations.RunPython:
    """Migration operation: a ``BEFORE UPDATE`` trigger on the model's table.

    With neither ``frozen`` nor ``locked_when`` every update is refused. ``frozen`` columns may never
    change; a row whose ``locked_when`` column is not NULL may not change at all (an issued version)."""

    def run(op: str) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
        def apply(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
            model = apps.get_model(app_label, model_name)
            conn = schema_editor.connection
            qn = schema_editor.quote_name
            table = qn(model._meta.db_table)
            name = qn(f"{model._meta.db_table}_guard")
            cols = [model._meta.get_field(f).column for f in frozen]
            lock = model._meta.get_field(locked_when).column if locked_when else None
            cond = _condition(conn.vendor, qn, cols, lock)
            for statement in _sql(op, conn.vendor, table, name, cond, message):
                schema_editor.execute(statement, None)  # None: no %-placeholder parsing

        return apply

    return migrations.RunPython(run("create"), run("drop"))
