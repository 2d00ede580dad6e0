from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import CommuniqueError
from communique.pipeline import Failure
from communique.readers import Overrides, content_id, heading_title, read_path

TEXT = (
    "Envoys Meet in Geneva\n"
    "The special envoys of the two governments met in Geneva on Monday and agreed to "
    "meet again next month, the foreign ministry said in a statement.\n"
)


def test_plain_text_title_from_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (doc,) = list(read_path(str(path)))
    assert not isinstance(doc, Failure)
    assert doc.article.title == "Envoys Meet in Geneva"
    assert doc.article.id == content_id(TEXT)
    assert doc.article.language == "en"


def test_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    obj = {"id": "x1", "text": TEXT, "published": "2024-01-02", "outlet": "a.org"}
    path.write_text(json.dumps(obj), encoding="utf-8")
    (doc,) = list(read_path(str(path), Overrides(published="2025-03-04", outlet="b.org")))
    assert not isinstance(doc, Failure)
    assert doc.article.id == "x1"
    assert doc.article.published == "2025-03-04"
    assert doc.article.outlet == "b.org"


def test_html_keeps_headings(tmp_path: Path) -> None:
    body = " ".join(["The two delegations met in Geneva and discussed trade and security."] * 6)
    html = (
        "<html><head><title>Envoys Meet</title></head><body><article>"
        f"<h1>Envoys Meet in Geneva</h1><p>{body}</p>"
        f"<h2>What Comes Next?</h2><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = list(read_path(str(path)))
    assert not isinstance(doc, Failure)
    assert "What Comes Next?" in doc.article.text.split("\n")
    assert "<p>" not in doc.article.text


def test_jsonl_goes_on_past_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": TEXT}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": TEXT, "published": "yesterday"}),
        json.dumps({"id": "e", "text": TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(str(path)))
    assert [isinstance(r, Failure) for r in results] == [False, True, True, True, False]
    messages = [r.message for r in results if isinstance(r, Failure)]
    assert messages[0].startswith("[E006]")
    assert messages[1].startswith("[E007]")
    assert messages[2].startswith("[E005]")


@pytest.mark.parametrize(
    "content,code",
    [
        (b"", "E003"),
        (b"\x00\x01\x02binary", "E002"),
        (b"\xff\xfe\xfa not utf8", "E002"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommuniqueError) as info:
        list(read_path(str(path)))
    assert info.value.code == code


def test_missing_file() -> None:
    with pytest.raises(CommuniqueError) as info:
        list(read_path("/no/such/file.txt"))
    assert info.value.code == "E001"


def test_other_language_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Außenminister beider Länder trafen sich am Montag in Genf und vereinbarten, "
        "die Gespräche im nächsten Monat fortzusetzen, teilte das Ministerium mit. "
        "Beide Seiten sprachen von einem konstruktiven Treffen ohne konkrete Ergebnisse.",
        encoding="utf-8",
    )
    with pytest.raises(CommuniqueError) as info:
        list(read_path(str(path)))
    assert info.value.code == "E004"


def test_declared_language_is_refused() -> None:
    with pytest.raises(CommuniqueError) as info:
        list(_from_obj({"text": TEXT, "language": "fr"}))
    assert info.value.code == "E004"


def _from_obj(obj: dict[str, object]) -> list[object]:
    from communique.readers import article_from_object

    return [article_from_object(obj, "<test>", Overrides())]


def test_heading_title_rules() -> None:
    assert heading_title("A Short Heading\nBody text.") == "A Short Heading"
    assert heading_title("A sentence that ends.\nMore.") is None
    assert heading_title("Only one line") is None
