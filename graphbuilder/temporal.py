"""Date expressions: find them in text and resolve them against the publication date.

The words and the phrase templates of each language are data (`lang/<code>/temporal.json`); a
template is a regular expression where a space matches any whitespace, `'` any apostrophe, and
`{slot}` (or `{slot2}` for the second end of a range) a word list of the data file.
"""
from __future__ import annotations

import json
import re
from calendar import monthrange
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from graphbuilder.model import TimeValue

LANG_DIR = Path(__file__).parent / "lang"
YEAR = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])"
CUE_SLOTS = ("weekday", "month", "day", "year", "season", "unit", "deictic")  # digits, or words of these

Groups = dict[str, str | None]


@dataclass(frozen=True)
class Lexicon:
    """The temporal vocabulary of one language (normalised keys) and its compiled templates."""

    weekdays: dict[str, int]  # Monday is 0
    months: dict[str, int]
    seasons: dict[str, tuple[int, int]]  # first and last month
    numbers: dict[str, int]
    units: dict[str, str]  # "day" | "week" | "month" | "year"
    shifts: dict[str, int]  # -1 last, +1 next
    deictic: dict[str, int]  # offset in days from the publication day
    dayparts: tuple[str, ...]  # "matin", "nuit"
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern) in data order
    cue: re.Pattern[str]  # found in every date expression: text without it has none (checked at load)


@dataclass(frozen=True)
class _Anchor:
    """The publication date; `day` is None when only the month is known."""

    year: int
    month: int
    day: int | None

    @property
    def iso(self) -> str:
        """The publication date as ISO month or day."""
        return f"{self.year}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


class _Match(NamedTuple):
    """One template match: its span, its kind and its named groups."""

    start: int
    end: int
    kind: str
    groups: Groups


def _norm(word: str) -> str:
    """Lower-case `word` with one kind of apostrophe and single spaces."""
    return " ".join(word.lower().replace("’", "'").split())


def _alternation(words: Iterable[str]) -> str:
    """Regex matching any of `words`, longest first; a never-matching one if there are none."""
    ordered = sorted({_norm(w) for w in words}, key=len, reverse=True)
    escaped = [r"\s+".join(re.escape(part) for part in w.split()).replace("'", "['’]") for w in ordered]
    return "|".join(escaped) or "(?!)"


def _compile(template: str, slots: dict[str, str]) -> re.Pattern[str]:
    """Compile a data template into a case-insensitive pattern with one named group per slot."""
    body = template.replace("'", "['’]").replace(" ", r"\s+")
    body = re.sub(r"\{([a-z_]+?)(2?)\}", lambda m: f"(?P<{m[1]}{m[2]}>{slots[m[1]]})", body)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _index(entries: list[str], first: int) -> dict[str, int]:
    """Map each "|"-separated variant of the entries to its position counted from `first`."""
    return {_norm(v): i for i, entry in enumerate(entries, first) for v in entry.split("|")}


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Read and compile `lang/<lang>/temporal.json` (cached per language)."""
    data = json.loads((LANG_DIR / lang / "temporal.json").read_text(encoding="utf-8"))
    weekdays, months = _index(data["weekdays"], 0), _index(data["months"], 1)
    keyed = ("seasons", "numbers", "units", "shifts", "deictic")
    words = {key: {_norm(k): v for k, v in data[key].items()} for key in keyed}
    slots = {
        "weekday": _alternation(weekdays),
        "month": _alternation(months),
        "day": rf"{DAY}(?:{_alternation(data['ordinals'])})?(?!\d)",
        "year": YEAR,
        "count": rf"\d+|{_alternation(words['numbers'])}",
        "part": _alternation(data["parts"]),
        "daypart": _alternation(data["dayparts"]),
        "season": _alternation(words["seasons"]),
        "unit": _alternation(words["units"]),
        "shift": _alternation(words["shifts"]),
        "deictic": _alternation(words["deictic"]),
    }
    patterns = tuple((kind, _compile(t, slots)) for kind, ts in data["patterns"].items() for t in ts)
    unknown = {kind for kind, _ in patterns} - _RESOLVERS.keys()
    if unknown:
        raise ValueError(f"unknown template kinds in {lang}/temporal.json: {sorted(unknown)}")
    uncued = [t for ts in data["patterns"].values() for t in ts
              if not any("{" + slot in t for slot in CUE_SLOTS) and not any(w in t for w in data.get("cues", []))]
    if uncued:
        raise ValueError(f"templates of {lang}/temporal.json with no cue slot or cue word: {uncued}")
    cue = re.compile(rf"\d|(?<!\w)(?:{'|'.join(slots[s] for s in CUE_SLOTS if s not in ('day', 'year'))}"
                     rf"|{_alternation(data.get('cues', []))})(?!\w)", re.IGNORECASE)
    seasons = {k: (v[0], v[1]) for k, v in words["seasons"].items()}
    return Lexicon(
        weekdays, months, seasons, words["numbers"], words["units"], words["shifts"], words["deictic"],
        tuple(_norm(w) for w in data["dayparts"]), patterns, cue
    )


def _anchor(published: str | None) -> _Anchor | None:
    """The publication date parsed from "YYYY-MM" or "YYYY-MM-DD", or None."""
    m = re.match(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?", published or "")
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return _Anchor(year, month, day)


def _day_value(day: date) -> TimeValue:
    """A day as a TimeValue."""
    return TimeValue(day.isoformat(), "day")


def _month_value(year: int, month: int) -> TimeValue:
    """A month as a TimeValue."""
    return TimeValue(f"{year}-{month:02d}", "month")


def _year_for(anchor: _Anchor, there: tuple[int, ...], shift: int, lookahead: int) -> int:
    """Year of (month[, day]) `there`: after publication if shift > 0, before it if shift < 0,
    else the latest year putting it at most `lookahead` months after the publication month."""
    now = (anchor.year, anchor.month, anchor.day or 32)[: len(there) + 1]
    years = (anchor.year + 1, anchor.year, anchor.year - 1)
    if shift > 0:
        return min(y for y in years if (y, *there) > now)
    if shift < 0:
        return max(y for y in years if (y, *there) < now)
    return max(y for y in years if 12 * (y - anchor.year) + there[0] - anchor.month <= lookahead)


def _day_of_month(
    day: int, month: int, year: int | None, shift: int, anchor: _Anchor | None
) -> TimeValue | None:
    """A day of a month; without a year, the one near the publication (up to ~2 months after it)."""
    if year is None and anchor is None:
        return None
    if year is None:
        year = _year_for(anchor, (month, day), shift, lookahead=2)
    try:
        return _day_value(date(year, month, day))
    except ValueError:
        return None


def _month(month: int, year: int | None, shift: int, anchor: _Anchor | None) -> TimeValue | None:
    """A month; without a year, the most recent one on or before the publication month."""
    if year is None and anchor is None:
        return None
    return _month_value(year if year is not None else _year_for(anchor, (month,), shift, lookahead=0), month)


def _weekday(weekday: int, shift: int, anchor: _Anchor | None) -> TimeValue | None:
    """A weekday: the latest on or before the publication day (strictly before or after if shifted)."""
    if anchor is None or anchor.day is None:
        return None
    today = date(anchor.year, anchor.month, anchor.day)
    if shift > 0:
        return _day_value(today + timedelta((weekday - today.weekday()) % 7 or 7))
    back = (today.weekday() - weekday) % 7
    return _day_value(today - timedelta(back or 7 if shift < 0 else back))


def _day(text: str) -> int:
    """Day number of "3" or "1er"."""
    return int(re.match(r"\d+", text)[0])


def _point(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """A day, month, year or weekday, completed from the publication date when partial."""
    shift = lex.shifts.get(_norm(g.get("shift") or ""), 0)
    year = int(g["year"]) if g.get("year") else None
    if g.get("month"):
        month = lex.months[_norm(g["month"])]
        if g.get("day"):
            return _day_of_month(_day(g["day"]), month, year, shift, anchor)
        return _month(month, year, shift, anchor)
    if year is not None:
        return TimeValue(str(year), "year")
    if g.get("weekday"):
        return _weekday(lex.weekdays[_norm(g["weekday"])], shift, anchor)
    return None


def _since(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """"Since X": the range from X to the publication date, at X's precision."""
    start = _point(g, anchor, lex)
    if start is None or anchor is None:
        return None
    begin = start.value + "-01" if start.granularity == "year" else start.value
    end = anchor.iso[: len(begin)]
    return TimeValue(f"{begin}/{end}", "range") if begin[: len(end)] <= end else None


def _range(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """From one day to another: "du 3 au 5 mars", "dans la nuit de samedi à dimanche"."""
    end = _point({k[:-1]: v for k, v in g.items() if k.endswith("2")}, anchor, lex)
    if end is None or end.granularity != "day":
        return None
    last = date.fromisoformat(end.value)
    if not g.get("day"):
        first = last - timedelta((last.weekday() - lex.weekdays[_norm(g["weekday"])]) % 7)
        return TimeValue(f"{first}/{last}", "range")
    day = _day(g["day"])
    month = lex.months[_norm(g["month"])] if g.get("month") else last.month
    year = int(g["year"]) if g.get("year") else last.year - ((month, day) > (last.month, last.day))
    try:
        first = date(year, month, day)
    except ValueError:
        return None
    return TimeValue(f"{first}/{last}", "range") if first <= last else None


def _shifted(anchor: _Anchor | None, unit: str, n: int) -> TimeValue | None:
    """The publication day, month or year moved by `n` units (weeks count as 7 days)."""
    if anchor is None:
        return None
    if unit == "year":
        return TimeValue(str(anchor.year + n), "year")
    if unit == "month":
        year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + n, 12)
        return _month_value(year, month0 + 1)
    if anchor.day is None:
        return None
    days = n * (7 if unit == "week" else 1)
    return _day_value(date(anchor.year, anchor.month, anchor.day) + timedelta(days))


def _ago(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """"N units ago", at the unit's precision (days for weeks)."""
    count = g["count"]
    n = int(count) if count.isdigit() else lex.numbers[_norm(count)]
    return _shifted(anchor, lex.units[_norm(g["unit"])], -n)


def _unit_shift(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """"Last/this/next year, month or week" (a week as the range of its days, Monday to Sunday)."""
    unit = lex.units[_norm(g["unit"])]
    n = lex.shifts.get(_norm(g.get("shift") or ""), 0)
    if unit != "week":
        return _shifted(anchor, unit, n)
    if anchor is None or anchor.day is None:
        return None
    published = date(anchor.year, anchor.month, anchor.day)
    monday = published - timedelta(published.weekday() - 7 * n)
    return TimeValue(f"{monday.isoformat()}/{(monday + timedelta(6)).isoformat()}", "range")


def _deictic(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """"Hier", "aujourd'hui", "ce matin": the publication day moved by the word's offset."""
    return _shifted(anchor, "day", lex.deictic[_norm(g["deictic"])])


def _season(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """A season of a given year, as a month range."""
    year, (first, last) = int(g["year"]), lex.seasons[_norm(g["season"])]
    return TimeValue(f"{year}-{first:02d}/{year + (last < first)}-{last:02d}", "range")


def _unresolved(g: Groups, anchor: _Anchor | None, lex: Lexicon) -> TimeValue | None:
    """Relative to another event ("la veille", "le samedi suivant"): no value."""
    return None


_RESOLVERS: dict[str, Callable[[Groups, _Anchor | None, Lexicon], TimeValue | None]] = {
    "anaphoric": _unresolved, "range": _range, "since": _since, "ago": _ago, "deictic": _deictic,
    "unit_shift": _unit_shift, "season": _season, "point": _point,
}


def _matches(text: str, start: int, end: int, lex: Lexicon) -> list[_Match]:
    """All template matches inside text[start:end], in data order (none without a cue: one scan, not one per template)."""
    if lex.cue.search(text, start, end) is None:
        return []
    return [
        _Match(m.start(), m.end(), kind, m.groupdict())
        for kind, pattern in lex.patterns
        for m in pattern.finditer(text, start, end)
    ]


def _select(matches: list[_Match]) -> list[_Match]:
    """Leftmost-longest non-overlapping matches (data order breaks ties)."""
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if not chosen or m.start >= chosen[-1].end:
            chosen.append(m)
    return chosen


def find_dates(
    text: str, start: int, end: int, published: str | None, lang: str = "fr"
) -> list[tuple[int, int, TimeValue]]:
    """Resolved date expressions of text[start:end], as (start, end, value) with offsets into `text`."""
    lex, anchor = load_lexicon(lang), _anchor(published)
    found = []
    for m in _select(_matches(text, start, end, lex)):
        value = _RESOLVERS[m.kind](m.groups, anchor, lex)
        if value is not None:
            found.append((m.start, m.end, value))
    return found


def resolve(expression: str, published: str | None, lang: str = "fr") -> TimeValue | None:
    """Value of the date expression that is the whole of `expression`, or None."""
    lex, text = load_lexicon(lang), expression.strip()
    whole = [m for m in _matches(text, 0, len(text), lex) if (m.start, m.end) == (0, len(text))]
    return _RESOLVERS[whole[0].kind](whole[0].groups, _anchor(published), lex) if whole else None


def _bounds(value: str) -> tuple[date, date]:
    """First and last day covered by an ISO day, month, year or "A/B" range."""
    first, _, last = value.partition("/")
    lo = [int(p) for p in first.split("-")] + [1, 1]
    hi = [int(p) for p in (last or first).split("-")]
    year, month = hi[0], hi[1] if len(hi) > 1 else 12
    return date(*lo[:3]), date(year, month, hi[2] if len(hi) > 2 else monthrange(year, month)[1])


def contains(outer: str, inner: str) -> bool:
    """Whether the ISO day, month, year or range `inner` lies within `outer`."""
    outer_lo, outer_hi = _bounds(outer)
    inner_lo, inner_hi = _bounds(inner)
    return outer_lo <= inner_lo and inner_hi <= outer_hi


DASHES = ("–", "—", "-")  # what ends a dateline
DATELINE = re.compile(rf"(\s*\([^()\n]{{1,20}}\))?\s*\.?\s*[{''.join(DASHES)}]|,[^.\n]{{1,40}}?\s\.\s*[{''.join(DASHES)}]")
# "13 mars 2016 . –", "26 juillet 2016, Normandie . –", "7 septembre 2023 (AFP) –"


def is_dateline(text: str, end: int) -> bool:
    """Whether the date expression ending at `end` is a dateline (followed by a dash), not an event date."""
    return DATELINE.match(text, end) is not None


def dateline_date(text: str, start: int = 0, lang: str = "fr") -> str | None:
    """The full date of a dateline near the start of an article ("13 mars 2016 . –"), if any."""
    for s, e, value in find_dates(text, start, min(len(text), start + 300), None, lang):
        if value.granularity == "day" and is_dateline(text, e):
            return value.value
    return None
