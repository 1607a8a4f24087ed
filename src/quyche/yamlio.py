"""YAML loading for packaged data and user files: libyaml's C loader when available (≈10× faster)."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # SafeLoader when built without libyaml


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no tags, no object construction)."""
    return yaml.load(text, Loader=_Loader)
