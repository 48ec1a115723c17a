"""Bad and awkward inputs for the ingest stage, one file per kind.

Run `python tests/fuzz_corpus.py OUT_DIR` to write them; tests import `CASES` and `write_corpus`.
Each case says what `read_inputs` must yield for its file, in order: "ok" for a Document, else
a word that the IngestError's reason must contain.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

FRENCH = (
    "Plusieurs roquettes ont frappé dimanche près de l’ambassade américaine dans la capitale "
    "irakienne, a déclaré une source militaire, lors de la dernière d’une série d’attaques contre "
    "des intérêts américains en Irak. Aucun groupe n’a revendiqué l’attaque, qui n’a pas fait de "
    "victimes selon les premiers éléments de l’enquête. Les « forces de sécurité » ont bouclé le quartier."
)
ENGLISH = (
    "Several rockets struck near the American embassy in the Iraqi capital on Sunday, a military "
    "source said, in the latest of a series of attacks against American interests in Iraq. No group "
    "claimed responsibility for the attack, which caused no casualties according to early findings."
)
ARABIC = (
    "سقطت عدة صواريخ يوم الأحد قرب السفارة الأمريكية في العاصمة العراقية بغداد، وفق ما أفاد مصدر "
    "عسكري، في أحدث هجوم ضمن سلسلة من الهجمات التي تستهدف المصالح الأمريكية في العراق. ولم تتبن "
    "أي جهة المسؤولية عن الهجوم الذي لم يسفر عن إصابات بحسب المعلومات الأولية."
)
RUSSIAN = (
    "В воскресенье несколько ракет упали рядом с посольством США в столице Ирака, сообщил военный "
    "источник. Это последняя из серии атак на американские объекты в стране."
)
HTML = (
    "<!DOCTYPE html>\n<html><head><title>Attaque</title></head><body>"
    f"<h1>Attaque à Bagdad</h1><p>{FRENCH}</p><p>Suite.</p></body></html>\n"
)


@dataclass(frozen=True)
class Case:
    """One kind of input: its file name, its bytes, and what reading it must yield."""

    kind: str
    filename: str
    data: bytes
    expect: tuple[str, ...]
    warning: str = ""  # a word of the warning it must raise, if any


def _jsonl(*records: object) -> bytes:
    """JSONL bytes of `records`, a str record being written as a raw line."""
    lines = (record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records)
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _good(doc_id: str) -> dict[str, str]:
    """A valid JSONL record."""
    return {"id": doc_id, "text": FRENCH, "date": "2020-02-16", "lang": "fr"}


CASES = [
    Case("empty", "empty.txt", b"", ("empty",)),
    Case("whitespace", "whitespace.txt", b" \n\t\r\n   \n", ("whitespace",)),
    Case("nul_bytes", "nul.txt", FRENCH.encode() + b"\x00\x00\x01\x00", ("NUL",)),
    Case("fake_pdf", "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", ("PDF",)),
    Case("png", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", ("PNG",)),
    Case("jpeg", "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", ("JPEG",)),
    Case("gif", "anim.txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", ("GIF",)),
    Case("zip", "archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x13" * 40, ("ZIP",)),
    Case("elf", "program.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40, ("ELF",)),
    Case("random_binary", "noise.txt", bytes(range(1, 256)) * 8, ("encoding",)),
    Case("utf16_le_bom", "utf16le.txt", b"\xff\xfe" + f" date 2020-02 {FRENCH}".encode("utf-16-le"), ("ok",)),
    Case("utf16_be_bom", "utf16be.txt", b"\xfe\xff" + f" date 2020-02 {FRENCH}".encode("utf-16-be"), ("ok",)),
    Case("utf16_no_bom", "utf16nobom.txt", FRENCH.encode("utf-16-le"), ("NUL",)),
    Case("utf8_bom", "bom.txt", b"\xef\xbb\xbf" + f" date 2020-02 {FRENCH}".encode(), ("ok",)),
    Case("latin1_french", "latin1.txt", f" date 2020-02 {FRENCH.replace('’', chr(39))}".encode("latin-1"), ("ok",), "cp1252"),
    Case("cp1252_quotes", "cp1252.txt", f"{FRENCH} Les œuvres… — fin.".encode("cp1252"), ("ok",), "cp1252"),
    Case("cyrillic_cp1251", "cp1251.txt", RUSSIAN.encode("cp1251"), ("encoding",)),
    Case("crlf", "crlf.txt", f" date 2020-02-16 Titre\r\n\r\n{FRENCH}\r\n".encode(), ("ok",)),
    Case("huge", "huge.txt", (FRENCH + "\n").encode() * (5_000_000 // len(FRENCH) + 1), ("limit",)),
    Case("long_single_line", "oneline.txt", (FRENCH + " ").encode() * 3_000, ("ok",)),
    Case("bad_month", "badmonth.txt", f" date 2020-13 {FRENCH}".encode(), ("ok",), "date"),
    Case("bad_day", "badday.txt", f" date 2020-02-30 {FRENCH}".encode(), ("ok",), "date"),
    Case("word_date", "yesterday.txt", f" date yesterday {FRENCH}".encode(), ("ok",), "date"),
    Case("header_only", "header.txt", b" date 2020-02 \n", ("header",)),
    Case("html", "page.txt", HTML.encode(), ("HTML",)),
    Case("english", "english.txt", ENGLISH.encode(), ("French",)),
    Case("arabic", "arabic.txt", ARABIC.encode(), ("French",)),
    Case("few_controls", "fewcontrols.txt", f"{FRENCH}\x1b[0m\x07".encode(), ("ok",)),
    Case("many_controls", "controls.txt", "".join(c + "\x01\x02" for c in FRENCH).encode(), ("control",)),
    Case("jsonl_broken_line", "broken.jsonl", _jsonl(_good("a"), '{"id": "b", "text": ', _good("c"), _good("d")),
         ("ok", "not valid JSON", "ok", "ok")),
    Case("jsonl_missing_text", "notext.jsonl", _jsonl(_good("e"), {"id": "f", "date": "2020-02"}, {"id": "g", "text": ""}),
         ("ok", "text", "text")),
    Case("jsonl_wrong_lang", "english.jsonl", _jsonl({"id": "h", "text": ENGLISH, "lang": "en"}), ("language 'en' is not supported",)),
    Case("jsonl_truncated", "truncated.jsonl", _jsonl(_good("i"), _good("j"))[:-1] + b'\n{"id": "k", "text": "Plusieurs ro',
         ("ok", "ok", "cut off")),
    Case("jsonl_bad_date", "baddate.jsonl", _jsonl({"id": "l", "text": FRENCH, "date": "2020-02-30"}), ("ok",), "date"),
    Case("jsonl_not_object", "list.jsonl", _jsonl([1, 2, 3], "null"), ("object", "object")),
    Case("jsonl_missing_id", "noid.jsonl", _jsonl({"text": FRENCH}), ("id",)),
    Case("jsonl_surrogate", "surrogate.jsonl", b'{"id": "m", "text": "Bagdad \\ud800 roquettes"}\n', ("Unicode",)),
    Case("jsonl_not_utf8", "latin1.jsonl", json.dumps(_good("n"), ensure_ascii=False).encode("latin-1", "replace") + b"\n",
         ("UTF-8",)),
    Case("jsonl_empty", "empty.jsonl", b"\n\n", ("no JSON lines",)),
    Case("latin1_file_name", "attaque_\udce9t\udce9.txt", f" date 2020-02 {FRENCH}".encode(), ("ok",), "file name"),
]


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every case's file into `folder`; return the path of each kind."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in CASES:
        paths[case.kind] = folder / case.filename
        paths[case.kind].write_bytes(case.data)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/fuzz_corpus.py OUT_DIR")
    for kind, path in write_corpus(Path(sys.argv[1])).items():
        print(f"{kind}\t{path}")
