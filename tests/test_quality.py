from __future__ import annotations

from communique.quality import casing_flags, spelling_flags


def test_casing_of_known_names() -> None:
    flags = casing_flags("Talks between russia and the United states, and CHINA.")
    messages = [f.message for f in flags]
    assert any("'russia'" in m for m in messages)
    assert any("'United states'" in m for m in messages)
    assert not any("CHINA" in m for m in messages)
    assert all(f.kind == "text_issue" for f in flags)


def test_correct_casing_gives_no_flag() -> None:
    assert casing_flags("Russia and the United States met in Oman.") == []


def test_misspellings_and_transpositions() -> None:
    flags = spelling_flags("The goverment said it wiht hold talks untill May with three envoys.")
    found = {f.message.split("'")[1] for f in flags}
    assert found == {"goverment", "wiht", "untill"}


def test_names_and_contractions_are_not_misspellings() -> None:
    assert spelling_flags("Ryabkov said the talks aren’t over and Kyiv agreed.") == []


def test_british_spellings_are_not_misspellings() -> None:
    text = (
        "The defence ministries analysed the programme and the organisation's favourite "
        "proposal at the centre, travelling light; the goverment did not."
    )
    found = {f.message.split("'")[1] for f in spelling_flags(text)}
    assert found == {"goverment"}
