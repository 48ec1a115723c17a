"""Language resources: each language is a folder of data files (gazetteer, lexicon, temporal words)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Resources:
    """The data files of one language, loaded."""

    code: str
    model: str
    gazetteer: tuple[dict[str, Any], ...]  # actors and places, one dict per line of the data files
    lexicon: dict[str, Any]


def lang_path(code: str) -> Path:
    """Folder of a language's data files; raises ValueError for an unsupported language."""
    path = LANG_DIR / code
    if not (path / "lexicon.json").is_file():
        raise ValueError(f"language {code!r} is not supported (no {path / 'lexicon.json'})")
    return path


@lru_cache(maxsize=None)
def resources(code: str = "fr") -> Resources:
    """Load (once) the gazetteer and lexicon of a language."""
    path = lang_path(code)
    lexicon = json.loads((path / "lexicon.json").read_text(encoding="utf-8"))
    gazetteer = tuple(
        json.loads(line)
        for name in ("gazetteer.jsonl", "places.jsonl")  # actors, then places
        if (path / name).is_file()
        for line in (path / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    return Resources(code=code, model=lexicon["model"], gazetteer=gazetteer, lexicon=lexicon)


@lru_cache(maxsize=None)
def function_words(code: str) -> frozenset[str]:
    """A language's function words (lang/<code>/stop_words.txt), used to recognise its documents."""
    lines = (lang_path(code) / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
