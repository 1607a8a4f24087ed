"""The rule catalogue shipped as data (src/quyche/data/*.yaml) agrees with ../shared/spec/rules.md.

Loads the YAML files directly (no quyche import). Where the spec folder is present, the rule IDs of
rules.md §11 and the wrong/right example cells are read from it; otherwise the copy of the 90 IDs below
is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "quyche" / "data"
SPEC_RULES = ROOT.parent / "shared" / "spec" / "rules.md"

SEVERITIES = ("info", "warning", "error")  # ascending
CONFIDENCES = {"H", "M", "L"}
DOC_HEADINGS = ("yeu_cau", "vi_sao", "vi_du_sai", "vi_du_dung", "cach_sua", "can_cu")
FAMILIES = {"TYP": 7, "FMT": 29, "STR": 5, "REF": 9, "ORG": 10, "MEET": 9, "TERM": 7, "TPL": 5, "CNT": 9}

# rules.md §11, used when the spec folder is not available.
INDEX_IDS = [
    "TYP-REGIME-MIXED",
    "TYP-ALLOWED",
    "TYP-QCLV-IS-QC",
    "TYP-AUTHORITY",
    "TYP-QC-ISSUER",
    "TYP-SIGN-TM",
    "TYP-NO-KT",
    "FMT-PAGE-SIZE",
    "FMT-PAGE-MARGINS",
    "FMT-FONT-FAMILY",
    "FMT-PAGE-NUMBER",
    "FMT-HEADER-TITLE",
    "FMT-HEADER-ORG-POS",
    "FMT-HEADER-ORG-SUPERIOR",
    "FMT-HEADER-ORG-ISSUER",
    "FMT-HEADER-STAR",
    "FMT-NUMBER-POS",
    "FMT-NUMBER-PATTERN",
    "FMT-NUMBER-TYPE-MATCH",
    "FMT-NUMBER-ORG-ABBR",
    "FMT-NUMBER-SEQUENCE",
    "FMT-DATE-POS",
    "FMT-DATE-PATTERN",
    "FMT-TITLE-TYPE",
    "FMT-TITLE-SUMMARY",
    "FMT-TITLE-QC-ATTACHED",
    "FMT-BODY-TEXT",
    "FMT-BODY-PART-CHAPTER",
    "FMT-BODY-ARTICLE",
    "FMT-BODY-CLAUSE",
    "FMT-BODY-CANCU",
    "FMT-SIGN-BLOCK",
    "FMT-SIGN-TITLE",
    "FMT-SIGN-NAME",
    "FMT-RECIPIENTS-LABEL",
    "FMT-RECIPIENTS-ITEMS",
    "STR-ARTICLE-CONTINUITY",
    "STR-CHAPTER-ORDER",
    "STR-ZONES-PRESENT",
    "STR-CANCU-DUPLICATE",
    "STR-EMPTY-CHAPTER",
    "REF-SUPERSEDED",
    "REF-ANACHRONISM",
    "REF-FUNCTIONS-MISMATCH",
    "REF-FUNCTIONS-MISSING",
    "REF-DISTRICT-LEVEL",
    "REF-DIEULE-MISSING",
    "REF-THIHANH-MISSING",
    "REF-LOCAL-BASES-MISSING",
    "REF-UNKNOWN-CITATION",
    "ORG-BTV-THRESHOLD",
    "ORG-CHIUY-THRESHOLD",
    "ORG-CHIUY-MAX",
    "ORG-PBT-MAX",
    "ORG-ISSUER-NAME",
    "ORG-SUPERIOR-LINE",
    "ORG-KIND-MISMATCH",
    "ORG-BODY-NOT-IN-PROFILE",
    "ORG-SIGNER-ROLE",
    "ORG-PROFILE-COUNTS",
    "MEET-CB-MONTHLY",
    "MEET-CB-CHUYENDE",
    "MEET-CB-DURATION",
    "MEET-CB-PREP",
    "MEET-QUORUM-2-3",
    "MEET-VOTE-MAJORITY",
    "MEET-DU-BCH-QUARTERLY",
    "MEET-DU-BTV-MONTHLY",
    "MEET-DBCS-PLENARY",
    "TERM-KHOA-FILLED",
    "TERM-NHIEMKY-PRESENT",
    "TERM-MATCH-PROFILE",
    "TERM-AS-OF-DATE",
    "TERM-RANGE-VALID",
    "TERM-DATE-VALID",
    "TERM-DATE-FUTURE",
    "TPL-PLACEHOLDER",
    "TPL-MODEL-VERBATIM",
    "TPL-FOREIGN-ORG-NAME",
    "TPL-MODEL-LABEL-LEFT",
    "TPL-DRAFT-MARK",
    "CNT-SCOPE",
    "CNT-PRINCIPLES",
    "CNT-RESP-BODIES",
    "CNT-MEETING-REGIME",
    "CNT-REPORTING",
    "CNT-RELATIONS",
    "CNT-IMPLEMENTATION",
    "CNT-AMEND-AUTHORITY",
    "CNT-SEND-SUPERIOR",
]

# Part names are a contract with the rule code: {rule: {part: (severity, confidence, flag)}}.
# Every rule not listed here has exactly the one part "main".
MULTI_PART: dict[str, dict[str, tuple[str, str, bool]]] = {
    "TYP-ALLOWED": {"state_type": ("error", "H", False), "new_in_399": ("info", "L", True)},
    "TYP-QC-ISSUER": {"dang_uy": ("warning", "H", False), "chi_bo": ("warning", "M", False)},
    "FMT-FONT-FAMILY": {"legacy": ("error", "H", False), "not_tnr": ("warning", "M", False)},
    "FMT-HEADER-TITLE": {"text": ("error", "H", False), "style": ("warning", "H", False)},
    "FMT-HEADER-STAR": {"missing": ("error", "H", False), "short_line": ("warning", "H", True)},
    "FMT-NUMBER-POS": {"position": ("error", "H", False), "style": ("warning", "H", False)},
    "FMT-NUMBER-PATTERN": {
        "state_order": ("error", "H", False),
        "padding": ("warning", "H", False),
        "colon": ("info", "H", True),
    },
    "FMT-NUMBER-SEQUENCE": {"no_register": ("info", "H", False), "register": ("warning", "H", False)},
    "FMT-DATE-POS": {"position": ("error", "H", False), "style": ("warning", "H", False)},
    "FMT-DATE-PATTERN": {"numeric": ("error", "H", False), "padding": ("warning", "H", False)},
    "FMT-TITLE-TYPE": {"style": ("error", "H", False), "size": ("warning", "H", False)},
    # rules.md: "warning ⚑", M (a) / L (b); the L part is capped at info by the binding severity rule.
    "FMT-TITLE-QC-ATTACHED": {"standalone": ("warning", "M", True), "attached": ("info", "L", True)},
    "STR-CHAPTER-ORDER": {"chapter": ("warning", "M", False), "clause": ("info", "L", True)},
    "STR-ZONES-PRESENT": {"missing": ("error", "H", False), "order": ("warning", "M", False)},
    "REF-SUPERSEDED": {
        "link_h_before_doc": ("error", "H", False),
        "link_h_after_doc": ("warning", "H", False),
        "link_m": ("warning", "M", False),
        "link_l": ("info", "L", True),
    },
    "REF-DIEULE-MISSING": {"missing": ("error", "H", False), "not_first": ("info", "H", False)},
    "REF-THIHANH-MISSING": {"quy_dinh": ("warning", "M", False), "huong_dan": ("info", "L", True)},
    "ORG-PBT-MAX": {"chi_bo": ("error", "H", False), "dang_uy_xa": ("warning", "H", False)},
    "ORG-SUPERIOR-LINE": {"profile": ("error", "H", False), "kind": ("info", "L", True)},
    "ORG-PROFILE-COUNTS": {
        "chi_bo_min": ("error", "H", False),
        "co_so_size": ("warning", "M", False),
        "xa_committee": ("warning", "H", False),
    },
    "MEET-CB-DURATION": {
        "below_min": ("error", "H", False),
        "not_stated": ("info", "H", False),
        "before_42hd": ("info", "H", False),
    },
    # rules.md gives "warning (other đảng ủy)" with confidence L; capped at info ⚑ (binding severity rule).
    "MEET-QUORUM-2-3": {
        "dn_cap_tren": ("error", "H", False),
        "dang_uy_khac": ("info", "L", True),
        "chi_bo": ("info", "L", True),
    },
    "MEET-DU-BCH-QUARTERLY": {"dn_cap_tren": ("error", "H", False), "other": ("info", "L", True)},
    "MEET-DU-BTV-MONTHLY": {"dn_cap_tren": ("error", "H", False), "other": ("info", "L", True)},
    "TERM-NHIEMKY-PRESENT": {"dang_uy": ("error", "H", False), "chi_bo": ("warning", "M", False)},
    "TERM-DATE-VALID": {"impossible": ("error", "H", False), "outside_term": ("warning", "H", False)},
    "TPL-PLACEHOLDER": {
        "final": ("error", "H", False),
        "draft": ("info", "H", False),
        "neu_co": ("info", "L", True),
    },
    "CNT-RELATIONS": {"superior": ("warning", "M", False), "others": ("info", "L", True)},
}

PART_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ID_RE = re.compile(r"\b[A-Z]{3,4}(?:-[A-Z0-9]+)+\b")


def _load(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Any]:
    data = _load("rules.yaml")
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def rules(catalogue: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in catalogue["rules"]}


@pytest.fixture(scope="module")
def doctypes() -> dict[str, Any]:
    data = _load("doctypes.yaml")
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def competence() -> dict[str, Any]:
    data = _load("competence.yaml")
    assert isinstance(data, dict)
    return data


def _spec_text() -> str | None:
    return SPEC_RULES.read_text(encoding="utf-8") if SPEC_RULES.is_file() else None


def _index_ids() -> list[str]:
    text = _spec_text()
    if text is None:
        return INDEX_IDS
    section = text.split("## 11. Index of rule IDs", 1)[1]
    return ID_RE.findall(section)


def _spec_examples() -> dict[str, tuple[str, str]]:
    """Wrong/right cells of every 'Examples' table of rules.md (empty without the spec)."""
    text = _spec_text()
    if text is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    in_table = False
    for line in text.splitlines():
        if line.startswith("| ID | Wrong"):
            in_table = True
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        if in_table and not line.startswith("|---"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            out[cells[0]] = (cells[1], cells[2])
    return out


def _strings(node: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [s for i, v in enumerate(node) for s in _strings(v, f"{path}[{i}]")]
    return []


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# ---- rule IDs ------------------------------------------------------------------------------------


def test_index_has_90_unique_ids() -> None:
    ids = _index_ids()
    assert len(ids) == 90
    assert len(set(ids)) == 90
    assert set(ids) == set(INDEX_IDS), "hard-coded copy of rules.md §11 is out of date"


def test_every_index_id_present_exactly_once(catalogue: dict[str, Any]) -> None:
    counts = Counter(r["id"] for r in catalogue["rules"])
    duplicates = sorted(i for i, n in counts.items() if n > 1)
    assert not duplicates, f"IDs listed twice: {duplicates}"
    index = _index_ids()
    assert sorted(set(index) - set(counts)) == [], "IDs of rules.md §11 missing from rules.yaml"
    assert sorted(set(counts) - set(index)) == [], "IDs in rules.yaml that are not in rules.md §11"


def test_families(catalogue: dict[str, Any]) -> None:
    per_family = Counter(r["family"] for r in catalogue["rules"])
    assert dict(per_family) == FAMILIES
    for r in catalogue["rules"]:
        assert r["id"].split("-")[0] == r["family"], r["id"]
    assert {k: v["rules"] for k, v in catalogue["families"].items()} == FAMILIES


def test_header(catalogue: dict[str, Any]) -> None:
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", catalogue["version"])
    profiles = catalogue["format_profiles"]
    assert set(profiles) == {"HD36-2018", "HD05-2026"}
    assert profiles["HD36-2018"]["from"] is None
    assert profiles["HD05-2026"]["inherits"] == "HD36-2018"
    assert profiles["HD05-2026"]["confirmed"] is False
    assert str(profiles["HD05-2026"]["from"]) == "2026-05-27"
    regs = catalogue["authority_regulations"]
    assert [r["id"] for r in regs] == ["66-QĐ/TW", "399-QĐ/TW"]
    assert str(regs[0]["date"]) == "2017-02-06"
    assert str(regs[0]["until"]) == "2026-01-08"
    assert str(regs[1]["date"]) == "2026-01-09"
    assert regs[1]["until"] is None


# ---- parts, severity and confidence --------------------------------------------------------------


def test_parts_are_valid(rules: dict[str, dict[str, Any]]) -> None:
    for rid, rule in rules.items():
        parts = rule["parts"]
        assert isinstance(parts, dict) and parts, rid
        for name, part in parts.items():
            where = f"{rid}.{name}"
            assert PART_NAME.match(name), where
            assert set(part) == {"severity", "confidence", "flag"}, where
            assert part["severity"] in SEVERITIES, where
            assert part["confidence"] in CONFIDENCES, where
            assert isinstance(part["flag"], bool), where


def test_binding_severity_rule(rules: dict[str, dict[str, Any]]) -> None:
    """spec README: H may be error; M at most warning; L is info and flagged; flagged at most warning."""
    for rid, rule in rules.items():
        for name, part in rule["parts"].items():
            where = f"{rid}.{name}"
            severity, confidence, flag = part["severity"], part["confidence"], part["flag"]
            if confidence == "M":
                assert _rank(severity) <= _rank("warning"), f"{where}: M part above warning"
            if confidence == "L":
                assert severity == "info", f"{where}: L part above info"
                assert flag, f"{where}: L part must ship flagged"
            if flag:
                assert _rank(severity) <= _rank("warning"), f"{where}: flagged part above warning"


def test_multi_part_names_are_exact(rules: dict[str, dict[str, Any]]) -> None:
    for rid, rule in rules.items():
        parts = rule["parts"]
        if rid in MULTI_PART:
            expected = MULTI_PART[rid]
            assert list(parts) == list(expected), f"{rid}: parts {list(parts)} != {list(expected)}"
            for name, (severity, confidence, flag) in expected.items():
                got = (parts[name]["severity"], parts[name]["confidence"], parts[name]["flag"])
                assert got == (severity, confidence, flag), f"{rid}.{name}: {got}"
        else:
            assert list(parts) == ["main"], (
                f"{rid}: single-part rule must have only 'main', has {list(parts)}"
            )


def test_multi_part_table_names_catalogue_ids() -> None:
    assert set(MULTI_PART) <= set(_index_ids())


# ---- texts ---------------------------------------------------------------------------------------


def test_docs_complete(rules: dict[str, dict[str, Any]]) -> None:
    for rid, rule in rules.items():
        doc = rule["doc"]
        assert set(doc) == set(DOC_HEADINGS), f"{rid}: doc headings {sorted(doc)}"
        for heading in DOC_HEADINGS:
            value = doc[heading]
            assert isinstance(value, str) and value.strip(), f"{rid}: empty doc.{heading}"
        for key in ("name", "citation", "fix"):
            assert isinstance(rule[key], str) and rule[key].strip(), f"{rid}: empty {key}"
        assert isinstance(rule["fix_safe"], bool), rid


def test_examples_copy_the_spec(rules: dict[str, dict[str, Any]]) -> None:
    spec = _spec_examples()
    for rid, rule in rules.items():
        ex = rule["examples"]
        assert set(ex) == {"wrong", "right"}, rid
        assert ex["wrong"].strip() and ex["right"].strip(), rid
        assert rule["doc"]["vi_du_sai"] == ex["wrong"], rid
        assert rule["doc"]["vi_du_dung"] == ex["right"], rid
        if spec:
            assert (ex["wrong"], ex["right"]) == spec[rid], f"{rid}: examples differ from rules.md"


def test_sources_are_urls(rules: dict[str, dict[str, Any]]) -> None:
    for rid, rule in rules.items():
        assert isinstance(rule["sources"], list), rid
        for url in rule["sources"]:
            assert isinstance(url, str) and re.match(r"^https?://\S+$", url), f"{rid}: {url!r}"


@pytest.mark.parametrize("name", ["rules.yaml", "doctypes.yaml", "competence.yaml"])
def test_text_is_nfc(name: str) -> None:
    raw = (DATA / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw), f"{name} is not NFC"
    for path, text in _strings(_load(name)):
        assert unicodedata.is_normalized("NFC", text), f"{name}{path} is not NFC"


# ---- aliases -------------------------------------------------------------------------------------


def test_aliases_point_to_existing_ids(catalogue: dict[str, Any], rules: dict[str, dict[str, Any]]) -> None:
    aliases = catalogue["aliases"]
    assert isinstance(aliases, dict) and aliases
    for alias, target in aliases.items():
        assert target in rules, f"alias {alias} -> unknown {target}"
        assert alias not in rules, f"alias {alias} shadows a catalogue ID"
    assert aliases["REG-MIXED"] == "TYP-REGIME-MIXED"
    assert aliases["FMT-SIGN-NO-KT"] == "TYP-NO-KT"


# ---- document types and competence ---------------------------------------------------------------


def test_doctypes(doctypes: dict[str, Any]) -> None:
    types = doctypes["types"]
    names = [t["name"] for t in types]
    assert len(names) == len(set(names))
    for t in types:
        where = t["name"]
        assert t["name"] == t["name"].upper(), where
        assert t["confidence"] in CONFIDENCES, where
        assert isinstance(t["abbreviations"], list), where
        assert set(t["lists"]) <= {"66", "399"}, where
        assert isinstance(t["state_only"], bool), where
        assert t["kind"] in {"party", "administrative", "copy", "state"}, where
        assert t["state_only"] == (t["kind"] == "state"), where
        if t["state_only"]:
            assert t["lists"] == [] and t["abbreviations"] == [], where
    kinds = Counter(t["kind"] for t in types)
    assert kinds["party"] == 25 and kinds["administrative"] == 8, kinds
    state = {t["name"] for t in types if t["state_only"]}
    assert state == {"NGHỊ ĐỊNH", "THÔNG TƯ", "CÔNG ĐIỆN", "HỢP ĐỒNG", "GIẤY ỦY QUYỀN", "LỆNH", "SẮC LỆNH"}
    by_name = {t["name"]: t for t in types}
    assert by_name["QUY CHẾ"]["abbreviations"] == ["QC"]
    assert by_name["QUY ĐỊNH"]["abbreviations"] == ["QĐ", "QĐi"]
    assert by_name["PHƯƠNG ÁN"]["lists"] == ["399"]
    assert by_name["BẢN SAO"]["abbreviations"] == ["BS"]


def test_competence(competence: dict[str, Any], doctypes: dict[str, Any]) -> None:
    names = {t["name"] for t in doctypes["types"]}
    assert competence["needs_confirmation"] is True
    rows = competence["types"]
    assert len({r["type"] for r in rows}) == len(rows)
    for row in rows:
        where = row["type"]
        assert where in names, f"{where} not in doctypes.yaml"
        for body in ("dang_uy", "ban_thuong_vu", "chi_bo"):
            assert isinstance(row[body], bool), where
        assert row["confidence"] in CONFIDENCES, where
        assert row["needs_confirmation"] is True, where
    by_type = {r["type"]: r for r in rows}
    assert (by_type["QUY CHẾ"]["ban_thuong_vu"], by_type["QUY CHẾ"]["chi_bo"]) == (False, True)
    assert by_type["QUY ĐỊNH"]["chi_bo"] is False
    assert not by_type["HƯỚNG DẪN"]["chi_bo"] and by_type["HƯỚNG DẪN"]["ban_thuong_vu"]
    for t in ("CHỈ THỊ", "THÔNG TRI"):
        assert not any(by_type[t][b] for b in ("dang_uy", "ban_thuong_vu", "chi_bo")), t
