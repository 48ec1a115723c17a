"""Tests of the ingest stage: real articles, headers, JSONL, folders and every bad-input kind."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_corpus import CASES, FRENCH, write_corpus
from graphbuilder.ingest import IngestError, parse_header, read_inputs, valid_date
from graphbuilder.model import Document

DEV = Path(__file__).resolve().parents[2] / "shared/corpus/dev"
DEV_FILES = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []


def _read(*paths: Path | str, **options) -> list[Document | IngestError]:
    """Everything read_inputs yields for `paths`."""
    return list(read_inputs(paths, **options))


def _titles() -> dict[str, str]:
    """Article titles from the dev corpus's SOURCES.md (the Wikinews page name of each file)."""
    sources = (DEV / "SOURCES.md").read_text(encoding="utf-8")
    rows = re.findall(r"`([^`]+\.txt)` \| <https://fr\.wikinews\.org/wiki/([^>]+)>", sources)
    return {name: page.replace("_", " ") for name, page in rows}


@pytest.mark.skipif(not DEV_FILES, reason="dev corpus absent")
@pytest.mark.parametrize("path", DEV_FILES, ids=lambda path: path.name)
def test_dev_article(path: Path) -> None:
    [document] = _read(path)
    gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    title = _titles().get(path.name, "Plusieurs roquettes ont frappé")
    assert isinstance(document, Document)
    assert document.name == path.name == gold["document"]
    assert document.text == path.read_bytes().decode("utf-8")
    assert document.published == gold["published"]
    assert document.text[document.body_start:].startswith(title)
    assert document.text[:document.body_start] == f" date {gold['published']} "


@pytest.mark.skipif(not DEV_FILES, reason="dev corpus absent")
def test_dev_folder_is_read_sorted() -> None:
    documents = _read(DEV)
    assert [document.name for document in documents] == [path.name for path in DEV_FILES]


def test_header_with_full_date() -> None:
    text = " date 2020-02-16 Attaque à Bagdad\nTexte."
    assert parse_header(text) == ("2020-02-16", 17)
    assert text[17:].startswith("Attaque")


@pytest.mark.parametrize("text, expected", [
    (" date 2020-02 Texte", ("2020-02", 14)),
    (" date 2020-02\nTexte", ("2020-02", 13)),
    (" date 2020-02", ("2020-02", 13)),
    (" date 2020-13 Texte", (None, 14)),
    (" date 2020-02-30 Texte", (None, 17)),
    (" date 2024-02-29 Texte", ("2024-02-29", 17)),
    (" date yesterday Texte", (None, 16)),
    ("date 2020-02 Texte", (None, 0)),
    ("Le texte, sans date 2020-02 ", (None, 0)),
    ("", (None, 0)),
])
def test_parse_header(text: str, expected: tuple[str | None, int]) -> None:
    assert parse_header(text) == expected


@given(st.text())
def test_parse_header_never_raises(text: str) -> None:
    for candidate in (text, " date " + text):
        published, body_start = parse_header(candidate)
        assert 0 <= body_start <= len(candidate)
        assert published is None or valid_date(published) == published


@given(st.dates(), st.booleans(), st.text())
def test_parse_header_reads_any_real_date(day, month_only: bool, rest: str) -> None:
    date = day.isoformat()[:7] if month_only else day.isoformat()
    header = f" date {date} "
    assert parse_header(header + rest) == (date, len(header))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_one_document_or_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        [item] = _read(path)
    assert isinstance(item, (Document, IngestError))


def test_jsonl_with_a_broken_line_in_the_middle(tmp_path: Path) -> None:
    good = [{"id": f"d{i}", "text": FRENCH, "date": "2020-02-16"} for i in range(3)]
    lines = [json.dumps(good[0]), '{"id": "bad", "text": "Plus', json.dumps(good[1]), json.dumps(good[2])]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    assert [item.name for item in items] == ["d0", "articles.jsonl:2", "d1", "d2"]
    assert "not valid JSON" in items[1].reason
    assert str(items[1]) == f"articles.jsonl:2: {items[1].reason}"
    assert all(item.text == FRENCH and item.published == "2020-02-16" for item in items if isinstance(item, Document))


def test_jsonl_text_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x.txt", "text": f" date 2019-12 {FRENCH}"}) + "\n", encoding="utf-8")
    [document] = _read(path)
    assert (document.name, document.published, document.body_start) == ("x.txt", "2019-12", 14)
    assert document.source == f"{path}:1"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.kind)
def test_bad_input_kind(case, tmp_path: Path) -> None:
    path = write_corpus(tmp_path)[case.kind]
    warnings: list[IngestError] = []
    items = _read(path, on_warning=warnings.append)
    assert len(items) == len(case.expect)
    for item, expect in zip(items, case.expect):
        if expect == "ok":
            assert isinstance(item, Document), item
        else:
            assert isinstance(item, IngestError) and expect in item.reason, item
    assert all(case.warning in warning.reason for warning in warnings)
    assert bool(warnings) == bool(case.warning)


def test_decoded_text_is_right(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)
    kinds = ("utf16_le_bom", "utf16_be_bom", "utf8_bom", "latin1_french", "cp1252_quotes", "crlf")
    documents = {kind: _read(paths[kind])[0] for kind in kinds}
    for kind in ("utf16_le_bom", "utf16_be_bom", "utf8_bom"):
        assert documents[kind].text == f" date 2020-02 {FRENCH}"
        assert documents[kind].published == "2020-02"
    assert "frappé" in documents["latin1_french"].text and documents["latin1_french"].published == "2020-02"
    assert "n’a revendiqué" in documents["cp1252_quotes"].text
    assert "œuvres… —" in documents["cp1252_quotes"].text
    assert "\r\n" in documents["crlf"].text and documents["crlf"].published == "2020-02-16"


def test_size_limit_message(tmp_path: Path) -> None:
    [error] = _read(write_corpus(tmp_path)["huge"])
    assert re.fullmatch(r"file is 5\.\d MB, over the 5\.0 MB limit \(--max-bytes\)", error.reason)
    assert isinstance(_read(tmp_path / "huge.txt", max_bytes=10_000_000)[0], Document)


def test_language_check_can_be_turned_off(tmp_path: Path) -> None:
    path = write_corpus(tmp_path)["english"]
    assert isinstance(_read(path, check_language=False)[0], Document)


def test_short_text_skips_language_check(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(" date 2020-02 Rockets hit Baghdad.", encoding="utf-8")
    assert isinstance(_read(path)[0], Document)


def test_folder_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/1.jsonl", "a.txt", "notes.json", "c/.hidden.txt", ".git/x.txt", "img.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "b/1.jsonl").write_text(json.dumps({"id": "j", "text": FRENCH}) + "\n", encoding="utf-8")
    for name in ("b/2.txt", "a.txt", "notes.json", "c/.hidden.txt", ".git/x.txt", "img.png"):
        (tmp_path / name).write_text(FRENCH, encoding="utf-8")
    assert [item.name for item in _read(tmp_path)] == ["a.txt", "j", "2.txt"]


def test_given_file_with_other_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(FRENCH, encoding="utf-8")
    [document] = _read(path)
    assert document.name == "article.md" and document.text == FRENCH


def test_duplicate_names_are_reported(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(FRENCH, encoding="utf-8")
    first, second = _read(tmp_path)
    assert isinstance(first, Document)
    assert isinstance(second, IngestError) and "duplicate name" in second.reason
    assert str(tmp_path / "a/x.txt") in second.reason


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    [error] = _read(tmp_path / "nope.txt")
    assert isinstance(error, IngestError) and "no such file" in error.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(FRENCH, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [error] = _read(path)
    assert error.reason == "cannot read the file (Permission denied)"
