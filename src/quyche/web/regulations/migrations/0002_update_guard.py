"""Database-level guards (see quyche.web.immutable): a regulation version's content never changes and an
issued version does not change at all; citations are never updated."""

from django.db import migrations

from quyche.web.immutable import update_guard

VERSION_CONTENT = (
    "regulation", "number", "file", "sha256", "filename", "size", "source_format", "uploaded_by", "uploaded_at",
    "structure", "findings", "not_applicable", "ruleset", "catalogue_version", "skeleton_version", "as_of",
    "profile_version", "note",
)


class Migration(migrations.Migration):
    dependencies = [("regulations", "0001_initial")]

    operations = [
        update_guard(
            "regulations", "regulationversion",
            "RegulationVersion: phiên bản đã ban hành hoặc nội dung phiên bản không được sửa",
            frozen=VERSION_CONTENT, locked_when="issued_at",
        ),
        update_guard("regulations", "versioncitation", "VersionCitation: bản ghi bất biến, không được sửa"),
    ]
