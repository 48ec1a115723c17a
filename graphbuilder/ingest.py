"""Read articles (.txt files, folders of them, .jsonl files) into Documents, reporting bad inputs.

A bad input never stops the run: `read_inputs` yields an `IngestError` for it and goes on.
Text is kept exactly as decoded (no newline translation, only a byte-order mark is dropped),
so evidence offsets index into the article as read. HTML pages are refused rather than
stripped, since offsets into stripped text would not index the file.
"""
from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .lang import function_words
from .model import Document

HEADER = re.compile(r" date (\S{1,40})(?!\S) ?")
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
FRENCH_TAG = re.compile(r"fr(?:[-_][a-z]{2})?", re.IGNORECASE)
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
)
LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]  # tried when UTF-8 fails
FOLDER_SUFFIXES = (".txt", ".jsonl")
SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.02
HTML_START = re.compile(r"\s*(?:<!doctype html|<html[\s>]|<\?xml)", re.IGNORECASE)
CLOSING_TAG = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*\s*>")
MAX_CLOSING_TAGS = 4
WORD = re.compile(r"[^\W\d_]+['’]?")
LANGUAGE_SAMPLE = 20_000  # characters of the body the language check looks at
MIN_LANGUAGE_WORDS = 20  # shorter bodies are not checked ...
MIN_LANGUAGE_CHARS = 300  # ... unless long in characters (scripts written without spaces)
MIN_FRENCH_RATIO = 0.15  # French articles: 30-60 % function words; English: about 5 %


class IngestError(Exception):
    """A bad input: `name` is the document (or `file.jsonl:LINE`), `reason` says what is wrong."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class _Rejected(Exception):
    """Internal: the input is refused for the reason given; the caller names the document."""


def valid_date(value: object) -> str | None:
    """`value` if it is a real ISO month or day ("2020-02", "2020-02-16"), else None."""
    match = ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return value


def parse_header(text: str) -> tuple[str | None, int]:
    """(published, body_start) from a ` date 2020-02[-16] ` header; a bad date gives (None, end of header)."""
    match = HEADER.match(text)
    if match is None:
        return None, 0
    return valid_date(match.group(1)), match.end()


def read_inputs(
    paths: Iterable[Path | str],
    *,
    max_bytes: int = 5_000_000,
    check_language: bool = True,
    on_warning: Callable[[IngestError], None] | None = None,
) -> Iterator[Document | IngestError]:
    """Documents of text files, .jsonl files and folders of both, with an IngestError per bad input.

    Folders are read recursively in sorted order, skipping hidden entries and other extensions; a
    file given directly is read as text unless it ends in .jsonl. Never raises for a bad input, a
    missing path included. A document kept despite a problem (invalid date, non-UTF-8 encoding)
    is also reported to `on_warning`.
    """
    reader = _Reader(max_bytes, check_language, on_warning or (lambda warning: None))
    first_source: dict[str, str] = {}
    for path in map(Path, paths):
        for item in reader.read(path):
            if isinstance(item, Document) and item.name in first_source:
                item = IngestError(item.name, f"duplicate name (first read from {first_source[item.name]})")
            elif isinstance(item, Document):
                first_source[item.name] = item.source
            yield item


@dataclass(frozen=True)
class _Reader:
    """The reading options, shared by the file and JSONL readers."""

    max_bytes: int
    check_language: bool
    warn: Callable[[IngestError], None]

    def read(self, path: Path) -> Iterator[Document | IngestError]:
        """Items of one given path: a folder, a .jsonl file or a text file."""
        if path.is_dir():
            for file in _folder_files(path):
                yield from self.read(file)
        elif not path.exists():
            yield IngestError(str(path), "no such file or folder")
        elif path.suffix.lower() == ".jsonl":
            yield from self.jsonl_file(path)
        else:
            yield self.text_file(path)

    def text_file(self, path: Path) -> Document | IngestError:
        """The Document of a text file, or why it is refused."""
        name = self.file_name(path)
        try:
            data = _read_bytes(path, self.max_bytes)
            if not data:
                raise _Rejected("file is empty")
            text, encoding = _decode(data)
            document = self.document(name, text, str(path))
        except _Rejected as rejected:
            return IngestError(name, str(rejected))
        if encoding in LEGACY_ENCODINGS:
            self.warn(IngestError(name, f"not UTF-8; decoded as {encoding}"))
        return document

    def file_name(self, path: Path) -> str:
        """The file's name as text; a name whose bytes are not UTF-8 is read as CP1252, with a warning."""
        raw = os.fsencode(path.name)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("cp1252", errors="replace")
            self.warn(IngestError(name, f"file name {raw!r} is not UTF-8; read as cp1252"))
            return name

    def jsonl_file(self, path: Path) -> Iterator[Document | IngestError]:
        """The Documents of a JSONL file's lines, with an IngestError for each bad line."""
        file_name = self.file_name(path)
        try:
            stream = path.open("rb")
        except OSError as error:
            yield IngestError(file_name, _unreadable(error))
            return
        records = 0
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                records += 1
                try:
                    yield self.record(line, f"{path}:{number}")
                except _Rejected as rejected:
                    yield IngestError(f"{file_name}:{number}", str(rejected))
        if not records:
            yield IngestError(file_name, "file has no JSON lines")

    def record(self, line: bytes, source: str) -> Document:
        """The Document of one JSONL line `{"id", "text", "date"?, "lang"?}`."""
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise _Rejected("line is not valid UTF-8") from None
        except json.JSONDecodeError as error:
            cut = "" if line.endswith(b"\n") else "last line is cut off (file truncated?): "
            raise _Rejected(f"{cut}not valid JSON: {error.msg} (character {error.pos + 1})") from None
        if not isinstance(record, dict):
            raise _Rejected("JSON value is not an object")
        lang = record.get("lang", "fr")
        if not (isinstance(lang, str) and FRENCH_TAG.fullmatch(lang)):
            raise _Rejected(f"language {lang!r} is not supported (only 'fr')")
        doc_id = record.get("id")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
            raise _Rejected('"id" is missing or not a string')
        text = record.get("text")
        if not isinstance(text, str) or not text:
            raise _Rejected('"text" is missing or empty')
        if SURROGATE.search(f"{doc_id}{text}"):
            raise _Rejected("invalid Unicode: unpaired surrogate escape (\\udXXX)")
        size = len(text.encode("utf-8"))
        if size > self.max_bytes:
            raise _Rejected(_over_limit("text", size, self.max_bytes))
        return self.document(str(doc_id), text, source, record.get("date"))

    def document(self, name: str, text: str, source: str, date: object = None) -> Document:
        """A checked Document; `date` (from JSONL) overrides the header's date."""
        published, body_start = parse_header(text)
        _check_text(text, body_start, self.check_language)
        if date is not None:
            published = valid_date(date)
            if published is None:
                self.warn(IngestError(name, f"date {date!r} is not a real YYYY-MM(-DD); published left empty"))
        elif body_start and published is None:
            header = text[:body_start].strip()
            self.warn(IngestError(name, f"header {header!r} has no real YYYY-MM(-DD) date; published left empty"))
        return Document(name=name, text=text, published=published, body_start=body_start, source=source)


def _folder_files(folder: Path) -> list[Path]:
    """The .txt and .jsonl files under `folder`, sorted, skipping hidden files and folders."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, or _Rejected if it is over `max_bytes` or cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Rejected(_over_limit("file", size, max_bytes))
        return path.read_bytes()
    except OSError as error:
        raise _Rejected(_unreadable(error)) from None


def _unreadable(error: OSError) -> str:
    """Reason for an OS error while reading."""
    return f"cannot read the file ({error.strerror or error})"


def _over_limit(what: str, size: int, limit: int) -> str:
    """Reason for an input over the size limit."""
    return f"{what} is {_size(size)}, over the {_size(limit)} limit (--max-bytes)"


def _size(count: int) -> str:
    """A byte count in MB, or in bytes when small."""
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def _decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and its encoding: by byte-order mark, else UTF-8, else a Western code page."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise _Rejected(f"binary file: looks like {kind}, not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                raise _Rejected(f"has a {encoding} byte-order mark but is not valid {encoding}") from None
    if b"\x00" in data:
        raise _Rejected("binary file: contains NUL bytes (or is UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise _Rejected("unknown text encoding: not UTF-8, UTF-16 or a Western European code page")
    return str(best), best.encoding


def _check_text(text: str, body_start: int, check_language: bool) -> None:
    """Raise _Rejected if `text` is blank, binary, header-only, HTML or (if checked) not French."""
    if not text.strip():
        raise _Rejected("contains only whitespace")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_RATIO * len(text):
        raise _Rejected(f"binary data: {controls / len(text):.0%} control characters")
    body = text[body_start:]
    if not body.strip():
        raise _Rejected("only a date header, no article text")
    if HTML_START.match(body) or len(CLOSING_TAG.findall(body)) > MAX_CLOSING_TAGS:
        raise _Rejected("looks like an HTML page: save the article as plain text (offsets index the file)")
    if check_language:
        _check_french(body[:LANGUAGE_SAMPLE])


def _check_french(sample: str) -> None:
    """Raise _Rejected if too few words of `sample` are French function words (short samples pass)."""
    words = WORD.findall(sample.lower())
    if len(words) < MIN_LANGUAGE_WORDS and len(sample) < MIN_LANGUAGE_CHARS:
        return
    french = function_words("fr")
    ratio = sum(word in french for word in words) / max(len(words), 1)
    if ratio < MIN_FRENCH_RATIO:
        expected = f"expected {MIN_FRENCH_RATIO:.0%} or more"
        raise _Rejected(f"language does not look like French ({ratio:.0%} French function words, {expected})")
