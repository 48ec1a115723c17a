"""Shared fixtures: the real model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
BENCH = ROOT.parent / "shared" / "corpus" / "bench" / "wikinews-fr"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def pipeline():
    """The French pipeline (spaCy fr_core_news_md + gazetteer ruler), loaded once."""
    from graphbuilder.pipeline import Pipeline

    return Pipeline("fr")


@pytest.fixture(scope="session")
def extract(pipeline):
    """Extract a French text given as a string (with an optional ` date ...` header)."""
    from graphbuilder.ingest import parse_header
    from graphbuilder.model import Document

    def run(text: str, name: str = "t.txt"):
        published, body_start = parse_header(text)
        return pipeline.process(Document(name=name, text=text, published=published, body_start=body_start))

    return run


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory):
    """A store built from examples/articles (the seed article among them)."""
    from graphbuilder.build import build
    from graphbuilder.store import open_store

    store = open_store(tmp_path_factory.mktemp("store") / "examples.oxigraph")
    report = build([EXAMPLES], store)
    assert report.built, report.skipped
    return store
