"""Tests of date finding and resolution against the publication date (French news phrasings)."""
from __future__ import annotations

import json

import pytest

from graphbuilder import temporal
from graphbuilder.model import TimeValue
from graphbuilder.temporal import contains, dateline_date, find_dates, resolve


@pytest.mark.parametrize(
    ("expression", "published", "value", "granularity"),
    [
        # absolute and partial days
        ("le 16 février", "2020-02", "2020-02-16", "day"),
        ("16 février", "2020-02-20", "2020-02-16", "day"),
        ("le 16 mai", "2020-02", "2019-05-16", "day"),
        ("le 5 janvier", "2019-12-20", "2020-01-05", "day"),
        ("le 28 juillet 2016", "2016-07-29", "2016-07-28", "day"),
        ("Le 28 juillet 2016", None, "2016-07-28", "day"),
        ("1er octobre 2017", None, "2017-10-01", "day"),
        ("ce 20 septembre", "2017-09-23", "2017-09-20", "day"),
        ("le 8 février prochain", "2017-01-25", "2017-02-08", "day"),
        ("le 16 février dernier", "2020-02-10", "2019-02-16", "day"),
        # months and years
        ("en janvier 2012", None, "2012-01", "month"),
        ("en mai 2015", "2016-07-29", "2015-05", "month"),
        ("en 2020", None, "2020", "year"),
        ("fin 2019", "2020-02", "2019", "year"),
        ("fin décembre", "2020-02", "2019-12", "month"),
        ("Fin décembre", "2020-02-16", "2019-12", "month"),
        ("début janvier", "2020-02", "2020-01", "month"),
        ("mi-mars", "2020-02", "2019-03", "month"),
        ("décembre", "2020-02", "2019-12", "month"),
        ("en février", "2020-02", "2020-02", "month"),
        ("en octobre dernier", "2020-10-05", "2019-10", "month"),
        ("au mois d'août", "2020-02", "2019-08", "month"),
        # weekdays
        ("dimanche", "2020-02-16", "2020-02-16", "day"),
        ("ce dimanche", "2020-02-16", "2020-02-16", "day"),
        ("ce dimanche matin", "2020-02-16", "2020-02-16", "day"),
        ("samedi", "2020-02-16", "2020-02-15", "day"),
        ("Samedi", "2017-04-16", "2017-04-15", "day"),
        ("mardi soir", "2017-04-16", "2017-04-11", "day"),
        ("ce mercredi", "2017-01-25", "2017-01-25", "day"),
        ("ce mercredi 25 janvier", "2017-01-25", "2017-01-25", "day"),
        ("ce mercredi 25 janvier", "2017-01", "2017-01-25", "day"),
        ("mardi dernier", "2020-02-11", "2020-02-04", "day"),
        ("samedi prochain", "2020-02-15", "2020-02-22", "day"),
        # deictic words
        ("hier", "2020-02-16", "2020-02-15", "day"),
        ("hier", "2020-03-01", "2020-02-29", "day"),
        ("hier soir", "2020-02-16", "2020-02-15", "day"),
        ("avant-hier", "2020-02-16", "2020-02-14", "day"),
        ("aujourd'hui", "2020-02-16", "2020-02-16", "day"),
        ("aujourd’hui", "2020-02-16", "2020-02-16", "day"),
        ("ce matin", "2020-02-16", "2020-02-16", "day"),
        ("ce soir", "2020-02-16", "2020-02-16", "day"),
        ("cet après-midi", "2017-10-01", "2017-10-01", "day"),
        # counted and named units
        ("il y a deux semaines", "2020-02-16", "2020-02-02", "day"),
        ("il y a 3 jours", "2020-02-16", "2020-02-13", "day"),
        ("il y a deux mois", "2020-02-16", "2019-12", "month"),
        ("il y a un an", "2020-02-16", "2019", "year"),
        ("l'an dernier", "2020-02-16", "2019", "year"),
        ("l’année dernière", "2020-02", "2019", "year"),
        ("le mois dernier", "2020-01-10", "2019-12", "month"),
        ("cette année", "2020-02", "2020", "year"),
        # ranges
        ("depuis octobre", "2020-02", "2019-10/2020-02", "range"),
        ("depuis 2007", "2017-01-25", "2007-01/2017-01", "range"),
        ("depuis le 3 janvier", "2020-02-16", "2020-01-03/2020-02-16", "range"),
        ("dans la nuit du samedi 3 au dimanche 4 juin", "2017-06-04", "2017-06-03/2017-06-04", "range"),
        ("du 3 au 5 mars", "2020-03-10", "2020-03-03/2020-03-05", "range"),
        ("du 28 décembre au 3 janvier 2020", None, "2019-12-28/2020-01-03", "range"),
        ("entre le 20 et le 23 septembre", "2017-09-23", "2017-09-20/2017-09-23", "range"),
        ("dans la nuit de samedi à dimanche", "2020-02-17", "2020-02-15/2020-02-16", "range"),
        ("à l'été 2011", "2017-01-25", "2011-06/2011-09", "range"),
        ("la semaine dernière", "2020-02-16", "2020-02-03/2020-02-09", "range"),  # Monday to Sunday
        ("cette semaine", "2017-01-08", "2017-01-02/2017-01-08", "range"),
    ],
)
def test_resolve(expression: str, published: str | None, value: str, granularity: str) -> None:
    assert resolve(expression, published) == TimeValue(value, granularity)


@pytest.mark.parametrize(
    ("expression", "published"),
    [
        ("samedi", "2020-02"),  # weekday with only the month known
        ("ce dimanche matin", "2020-02"),
        ("hier", "2020-02"),
        ("hier", None),
        ("le 16 février", None),
        ("fin décembre", None),
        ("il y a deux semaines", None),
        ("depuis octobre", None),
        ("depuis 2007", None),
        ("la veille", "2020-02-16"),
        ("le lendemain", "2020-02-16"),
        ("le samedi suivant", "2020-02-16"),
        ("cette année-là", "2020-02-16"),
        ("la semaine dernière", "2020-02"),  # a week needs the publication day
        ("quelques jours plus tard", "2020-02-16"),
        ("récemment", "2020-02-16"),
        ("plus tôt", "2020-02-16"),
        ("il y a quelques jours", "2020-02-16"),
        ("le 31 février", "2020-02"),
        ("à 15 h 24", "2020-02-16"),
    ],
)
def test_resolve_gives_nothing(expression: str, published: str | None) -> None:
    assert resolve(expression, published) is None


def _found(
    text: str, published: str | None, start: int = 0, end: int | None = None
) -> list[tuple[str, str, str]]:
    """find_dates as (surface text, value, granularity) triples."""
    end = len(text) if end is None else end
    return [(text[s:e], v.value, v.granularity) for s, e, v in find_dates(text, start, end, published)]


def test_find_dates_in_article_with_header() -> None:
    text = (
        " date 2020-02 Plusieurs roquettes ont frappé ce dimanche matin près de l’ambassade américaine. "
        "Il s’agit de la 19e attaque depuis octobre contre l’ambassade. Le 16 février à 15 h 24, une roquette "
        "est tombée. Fin décembre, une attaque à la roquette sur la base du K1 a fait un mort."
    )
    assert _found(text, "2020-02", start=14) == [
        ("depuis octobre", "2019-10/2020-02", "range"),
        ("Le 16 février", "2020-02-16", "day"),
        ("Fin décembre", "2019-12", "month"),
    ]


def test_find_dates_offsets_index_the_whole_text() -> None:
    text = "Titre. À 19 h 30 UTC samedi, deux explosions ont retenti. Le 28 juillet 2016, rien."
    start = text.index("À")
    found = find_dates(text, start, len(text), "2016-12-10")
    assert [(text[s:e], v) for s, e, v in found] == [
        ("samedi", TimeValue("2016-12-10", "day")),
        ("Le 28 juillet 2016", TimeValue("2016-07-28", "day")),
    ]
    assert all(start <= s < e <= len(text) for s, e, _ in found)


def test_find_dates_respects_the_window() -> None:
    text = "Hier, rien. Dans la nuit du samedi 3 au dimanche 4 juin, une attaque. Mardi soir, rien."
    start, end = text.index("Dans"), text.index(" Mardi")
    assert _found(text, "2017-06-04", start, end) == [
        ("Dans la nuit du samedi 3 au dimanche 4 juin", "2017-06-03/2017-06-04", "range"),
    ]


def test_find_dates_without_publication_date_keeps_only_absolute_dates() -> None:
    text = "Hier, le groupe a annoncé dimanche la rupture, décidée le 28 juillet 2016, il y a deux semaines."
    assert _found(text, None) == [("le 28 juillet 2016", "2016-07-28", "day")]


def test_find_dates_mixed_sentence() -> None:
    text = (
        "Le groupe, affaibli depuis 2007 et chassé à l'été 2011, a frappé ce mercredi 25 janvier ; une "
        "élection est prévue le 8 février prochain, l'attaque d'hier soir n'a pas été revendiquée."
    )
    assert _found(text, "2017-01-25") == [
        ("depuis 2007", "2007-01/2017-01", "range"),
        ("à l'été 2011", "2011-06/2011-09", "range"),
        ("ce mercredi 25 janvier", "2017-01-25", "day"),
        ("le 8 février prochain", "2017-02-08", "day"),
        ("hier soir", "2017-01-24", "day"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le président a condamné l'attaque contre l'ambassade.",
        "Deux passantes ont été tuées vers 13 h 45 (UTC+2), puis à 15 h 24.",
        "Quelques jours plus tard, la veille du 14 juillet, le groupe a récemment revendiqué l'attaque.",
        "Ce jour-là, 2 000 soldats et 30 véhicules sont arrivés à la gare Saint-Charles à Marseille.",
        "Le samedi suivant, les combats ont repris plus tôt que prévu.",
    ],
)
def test_find_dates_without_dates(text: str) -> None:
    assert find_dates(text, 0, len(text), "2020-02-16") == []


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2019-12", "2019-12-28", True),
        ("2019-10/2020-02", "2020-02-16", True),
        ("2019-10/2020-02", "2019-12", True),
        ("2007/2017-01", "2007-01/2017-01", True),
        ("2020", "2020-12-31", True),
        ("2017-06-03/2017-06-04", "2017-06-04", True),
        ("2019-12", "2020-01-01", False),
        ("2020-02-16", "2020-02", False),
        ("2016-06/2016-07", "2016-05-31", False),
    ],
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert contains(outer, inner) is expected


def test_other_language_from_its_data_folder(tmp_path, monkeypatch) -> None:
    lexicon = {
        "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "months": ["january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december"],
        "seasons": {}, "ordinals": ["st", "nd", "rd", "th"], "numbers": {"two": 2},
        "units": {"day": "day", "days": "day", "weeks": "week"}, "shifts": {"last": -1},
        "deictic": {"yesterday": -1}, "parts": ["early", "late"], "dayparts": ["night"],
        "patterns": {
            "ago": ["{count} {unit} ago"],
            "deictic": ["{deictic}"],
            "point": ["(?:on )?{month} {day}(?:, {year})?", "{shift} {weekday}", "(?:{part} )?{month}"],
        },
    }
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "temporal.json").write_text(json.dumps(lexicon), encoding="utf-8")
    monkeypatch.setattr(temporal, "LANG_DIR", tmp_path)
    temporal.load_lexicon.cache_clear()
    try:
        text = "On March 5th, 2019 and yesterday, two weeks ago, last Tuesday, late December."
        found = find_dates(text, 0, len(text), "2020-02-16", "xx")
        assert [(text[s:e], v.value) for s, e, v in found] == [
            ("On March 5th, 2019", "2019-03-05"),
            ("yesterday", "2020-02-15"),
            ("two weeks ago", "2020-02-02"),
            ("last Tuesday", "2020-02-11"),
            ("late December", "2019-12"),
        ]
        assert resolve("dimanche", "2020-02-16", "xx") is None
    finally:
        temporal.load_lexicon.cache_clear()


@pytest.mark.parametrize("text, expected", [
    ("Titre\n\n13 mars 2016 . – Des tirs", "2016-03-13"),
    ("Titre\n\n26 juillet 2016, Normandie . –\nAu cours d'une messe", "2016-07-26"),
    ("Des morts\n\n1er janvier 2017, 1 h 30 UTC+3 . – Au moins 35 personnes", "2017-01-01"),
    ("Il a parlé le 13 mars 2016, a-t-il précisé.", None),
])
def test_dateline_with_a_place_or_an_hour(text, expected):
    assert dateline_date(text) == expected


def test_a_template_without_a_cue_is_refused(tmp_path, monkeypatch) -> None:
    data = json.loads((temporal.LANG_DIR / "fr" / "temporal.json").read_text(encoding="utf-8"))
    data["patterns"]["anaphoric"].append("peu après")  # no digit, weekday, month… nor cue word: the prefilter would miss it
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "temporal.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(temporal, "LANG_DIR", tmp_path)
    temporal.load_lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match="peu après"):
            temporal.load_lexicon("xx")
    finally:
        temporal.load_lexicon.cache_clear()
