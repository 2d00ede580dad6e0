"""resolve_actor and the knowledge base: names, titles, groups and places, without the model."""

from __future__ import annotations

import pycountry
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
        ("outlets", {"name", "aliases", "country", "state_affiliated", "domains", "provenance"}),
        ("igos", {"name", "aliases", "code", "sector", "provenance"}),
        (
            "organisations",
            {"name", "aliases", "country", "sector", "start", "end", "provenance"},
        ),
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


#: Tables whose rows record facts about one actor each, so each carries its provenance.
FACT_TABLES = ("officials", "organisations", "outlets", "igos")
#: Actor codes that are not countries: the UN system, the EU and its bodies, any other IGO,
#: and Kosovo's user-assigned code.
NON_COUNTRY_CODES = frozenset({"UNO", "EUR", "IGO", "XKX"})


@pytest.mark.parametrize("table", FACT_TABLES)
def test_every_fact_row_has_provenance(table):
    rows = load_table(table)
    missing = [row["name"] for row in rows if not row.get("provenance")]
    assert not missing, f"{table}: rows without provenance: {missing}"


@pytest.mark.parametrize(("table", "column"), [(t, "country") for t in FACT_TABLES[:3]])
def test_fact_tables_use_known_codes(table, column):
    known = {c.alpha_3 for c in pycountry.countries} | NON_COUNTRY_CODES
    bad = [row["name"] for row in load_table(table) if row[column] not in known]
    assert not bad, bad


def test_igo_codes_and_state_marks():
    assert {row["code"] for row in load_table("igos")} <= {"UNO", "EUR", "IGO"}
    assert {row["state_affiliated"] for row in load_table("outlets")} <= {"0", "1"}


def test_knowledge_base_size():
    kb = knowledge_base()
    assert len(kb.people) >= 300
    assert len(load_table("outlets")) >= 150
    assert len(load_table("igos")) >= 60
    assert load_table("organisations")
    assert len(kb.country_names) >= 190
    assert len(kb.roles) >= 100


@pytest.mark.parametrize(
    ("text", "provenance"),
    [
        ("Kyodo News", "cooperative news agency"),
        ("RIA Novosti", "Rossiya Segodnya"),
        ("NATO", "military alliance"),
        ("Sergei Ryabkov", "Deputy Foreign Minister of Russia"),
        ("the CIA", "intelligence agency"),
    ],
)
def test_resolution_carries_provenance(text, provenance):
    assert provenance in (resolve_actor(text)["provenance"] or "")


def test_places_and_bare_descriptions_have_no_provenance():
    assert resolve_actor("Paris")["provenance"] is None
    assert resolve_actor("a Russian diplomat")["provenance"] is None


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


@pytest.mark.parametrize(
    ("text", "type_", "sector", "code_2", "role"),
    [
        ("Defence Minister General Amir Haddad", "PERSON", "GOV", "MIL", "defense minister"),
        ("Lieutenant General Amir Haddad", "PERSON", "MIL", None, "general"),
        ("an army officer", "PERSON", "MIL", None, "officer"),
        ("an intelligence agency officer", "PERSON", "SPY", None, "officer"),
        ("the Russian army", "ORG", "MIL", None, "army"),
        ("a Russian newspaper", "MEDIA", "JRN", None, "newspaper"),
        ("Iranian state broadcaster", "MEDIA", "GOV", "JRN", "state broadcaster"),
    ],
)
def test_rank_yields_to_office_and_head_word_gives_type(text, type_, sector, code_2, role):
    got = resolve_actor(text)
    assert (got["type"], got["sector"], got["code_2"], got["role"]) == (
        type_,
        sector,
        code_2,
        role,
    )
