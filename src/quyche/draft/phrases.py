"""The drafter's phrase data (``quyche/data/draft_phrases.yaml``): loading, selectors, placeholders.

A value that varies is a mapping ``{selector: value, …, default: value}``; :func:`pick` returns the value of
the first selector that holds. A selector joins facts with " + "; a fact is a flag name, ``not <flag>``,
``tk:<template kind>``, ``type:<type>`` or ``kind:<kind>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Formatter
from typing import Any

import yaml

from quyche.text import nfc

# Keys that make a mapping a clause (``{text, when, gen, points}``) rather than a selector mapping.
CLAUSE_KEYS = frozenset(("text", "when", "gen", "points"))


class PhraseError(ValueError):
    """The phrase data names an unknown placeholder, fact or generator."""


@dataclass(frozen=True, slots=True)
class Facts:
    flags: Mapping[str, bool]
    template_kind: str
    type: str
    kind: str

    def holds(self, selector: str) -> bool:
        return all(self._one(part.strip()) for part in selector.split("+"))

    def _one(self, fact: str) -> bool:
        if fact == "default":
            return True
        if fact.startswith("not "):
            return not self._one(fact[4:].strip())
        for prefix, value in (("tk:", self.template_kind), ("type:", self.type), ("kind:", self.kind)):
            if fact.startswith(prefix):
                return fact[len(prefix):] == value
        try:
            return self.flags[fact]
        except KeyError:
            raise PhraseError(f"unknown fact “{fact}” in draft_phrases.yaml") from None


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_tree(v) for v in value]
    if isinstance(value, dict):
        return {nfc(str(k)): _nfc_tree(v) for k, v in value.items()}
    return value


@cache
def phrases() -> dict[str, Any]:
    text = resources.files("quyche.data").joinpath("draft_phrases.yaml").read_text(encoding="utf-8")
    data = _nfc_tree(yaml.safe_load(text))
    assert isinstance(data, dict)
    return data


def get(path: str) -> Any:
    """A value by dotted path ("bases.local.superior_regulation"); article keys contain dots, so
    ``articles`` is looked up with :func:`article`."""
    node: Any = phrases()
    for part in path.split("."):
        node = node[part]
    return node


def article(key: str) -> dict[str, Any] | None:
    found = phrases()["articles"].get(key)
    return found if isinstance(found, dict) else None


def is_selector_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and not (set(value) & CLAUSE_KEYS)


def pick(value: Any, facts: Facts) -> Any:
    """Resolve nested selector mappings to a value; None when no selector holds and there is no default."""
    while is_selector_map(value):
        for selector, choice in value.items():
            if facts.holds(selector):
                value = choice
                break
        else:
            return None
    return value


class _Vars(dict[str, str]):
    def __missing__(self, key: str) -> str:
        raise PhraseError(f"unknown placeholder “{{{key}}}” in draft_phrases.yaml")


_FORMATTER = Formatter()


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with its {placeholders} filled; an unknown one raises :class:`PhraseError`."""
    return nfc(_FORMATTER.vformat(template, (), _Vars(values)))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}
