"""resolve_actor and the knowledge base: names, titles, groups and places, without the model."""

from __future__ import annotations

import pytest

from communique.actors import knowledge_base, normalise, resolve_actor
from communique.lexicon import load_table


@pytest.mark.parametrize(
    ("text", "date", "name", "type_", "country", "sector", "role"),
    [
        (
            "Russian Foreign Minister",
            "2025-02-22",
            "Sergei Lavrov",
            "PERSON",
            "RUS",
            "GOV",
            "foreign minister",
        ),
        ("Sergei Lavrov", None, "Sergei Lavrov", "PERSON", "RUS", "GOV", "foreign minister"),
        ("the Kremlin", None, "Kremlin", "ORG", "RUS", "GOV", None),
        ("Reuters", None, "Reuters", "MEDIA", "GBR", "JRN", None),
        ("Saudi Arabia", None, "Saudi Arabia", "GPE", "SAU", None, None),
        (
            "US Secretary of State",
            "2024-06-01",
            "Antony Blinken",
            "PERSON",
            "USA",
            "GOV",
            "secretary of state",
        ),
        (
            "US Secretary of State",
            "2025-03-01",
            "Marco Rubio",
            "PERSON",
            "USA",
            "GOV",
            "secretary of state",
        ),
        (
            "Kremlin spokesman Dmitry Peskov",
            None,
            "Dmitry Peskov",
            "PERSON",
            "RUS",
            "GOV",
            "spokesperson",
        ),
        (
            "Chinese Foreign Minister",
            "2023-03-01",
            "Qin Gang",
            "PERSON",
            "CHN",
            "GOV",
            "foreign minister",
        ),
    ],
)
def test_resolves_names_and_titles(text, date, name, type_, country, sector, role):
    got = resolve_actor(text, date=date)
    assert (got["name"], got["type"], got["country"], got["sector"], got["role"]) == (
        name,
        type_,
        country,
        sector,
        role,
    )


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        ("Vladimir Putin", "1999-01-01", "RUS", "SPY"),
        ("Vladimir Putin", "2009-06-01", "RUS", "GOV"),
        ("Angela Merkel", "2023-01-01", "DEU", "ELI"),
        ("a former Iranian foreign minister", None, "IRN", "ELI"),
        ("Pakistan's ambassador to Japan", None, "PAK", "GOV"),
        ("three Egyptian fishermen", None, "EGY", "UNK"),
        ("Vietnamese rebels", None, "VNM", "REB"),
        ("Kenyan riot police", None, "KEN", "COP"),
        ("Brazil's Defense Ministry", None, "BRA", "GOV"),
        ("the Pentagon", None, "USA", "MIL"),
        ("KYIV", None, "UKR", "GOV"),
        ("russia", None, "RUS", None),
        ("Deutsche Welle", None, "DEU", "GOV"),
        ("Taliban", "2019-01-01", "AFG", "REB"),
        ("Taliban", "2023-01-01", "AFG", "GOV"),
        ("European Union diplomats", None, "EUR", "GOV"),
        ("professor of history at a university in Wales", None, "GBR", "EDU"),
    ],
)
def test_country_and_sector(text, date, country, sector):
    got = resolve_actor(text, date=date)
    assert (got["country"], got["sector"]) == (country, sector)


@pytest.mark.parametrize("text", ["Frank", "a parcel of old letters", "us", "Zorblax Quint"])
def test_unknown_stays_empty(text):
    got = resolve_actor(text)
    assert got["country"] is None
    assert got["sector"] is None


def test_state_media_flag():
    assert resolve_actor("Xinhua")["flags"] == ["state_media"]
    assert resolve_actor("Bloomberg")["flags"] == []


def test_code_2_for_defence_ministers():
    got = resolve_actor("Defense Minister")
    assert (got["sector"], got["code_2"]) == ("GOV", "MIL")


def test_normalise_folds_accents_case_and_apostrophes():
    assert normalise("  Jüri   RATAS’s ") == "juri ratas's"


def test_ambiguous_words_need_capitals():
    assert resolve_actor("turkey")["country"] is None
    assert resolve_actor("Turkey")["country"] == "TUR"


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        (
            "officials",
            {
                "name",
                "aliases",
                "country",
                "role",
                "sector",
                "start",
                "end",
                "gender",
                "provenance",
            },
        ),
        ("outlets", {"name", "aliases", "country", "state_affiliated", "domains"}),
        ("igos", {"name", "aliases", "code", "sector"}),
        ("roles", {"role", "sector", "code_2", "canonical", "kind", "gender", "weak"}),
        ("countries", {"alias", "code", "kind", "sector", "name"}),
    ],
)
def test_tables_have_their_columns(table, columns):
    rows = load_table(table)
    assert rows
    assert columns <= set(rows[0])


def test_officials_dates_are_iso_and_ordered():
    for row in load_table("officials"):
        for col in ("start", "end"):
            value = row[col]
            assert not value or (len(value) == 10 and value[4] == "-" and value[7] == "-"), row
        if row["start"] and row["end"]:
            assert row["start"] < row["end"], row
        assert row["provenance"], row


def test_knowledge_base_size():
    kb = knowledge_base()
    assert len(kb.people) >= 300
    assert len(load_table("outlets")) >= 150
    assert len(load_table("igos")) >= 60


@pytest.mark.parametrize(
    ("text", "type_", "country", "sector"),
    [
        ("Middle East", "LOC", None, None),
        ("WASHINGTON", "GPE", "USA", "GOV"),
        ("Gaza", "LOC", "PSE", None),
        ("Abkhazia", "GPE", "GEO", "PRE"),
        ("the Kremlin's", "ORG", "RUS", "GOV"),
    ],
)
def test_places_regions_and_datelines(text, type_, country, sector):
    got = resolve_actor(text)
    assert (got["type"], got["country"], got["sector"]) == (type_, country, sector)
