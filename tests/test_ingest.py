"""Reading articles: each input format, the bad files a folder can hold, and ids.

The fixtures in ``tests/fixtures/ingest`` are invented but realistic news
articles, one per format; bad files are written by the tests themselves.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope.errors import MESSAGES, InputError
from eventscope.ingest import (
    article_id,
    detect_language,
    normalize_text,
    parse_feed,
    parse_html,
    parse_jsonl,
    parse_text,
    read_articles,
)
from eventscope.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

TBILISI_BODY = (
    "TBILISI, April 16 - Thousands of demonstrators marched through central Tbilisi on "
    "Monday evening to protest a draft law that would require media outlets receiving "
    "foreign grants to register with the justice ministry.\n\n"
    "Protesters gathered outside the parliament building on Rustaveli Avenue, waving "
    "Georgian and European flags. Police said 14 people were detained after scuffles near "
    "the main entrance, and two officers were treated for minor injuries.\n\n"
    "The governing party says the bill will increase transparency. Opposition leaders "
    "called for another rally on Wednesday."
)
SANTOS_BODY = (
    "Dockworkers at the port of Santos walked off the job on Thursday, halting container "
    "traffic at three terminals. Union leaders said the strike would continue until the "
    "port authority agreed to talks on pay."
)


def read(path: Path | str, **options: object) -> list[Article | InputError]:
    return list(read_articles(path, **options))  # type: ignore[arg-type]


def articles_of(results: list[Article | InputError]) -> list[Article]:
    return [result for result in results if isinstance(result, Article)]


def errors_of(results: list[Article | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


def only_article(path: Path | str, **options: object) -> Article:
    results = read(path, **options)
    assert errors_of(results) == []
    (article,) = articles_of(results)
    return article


def only_error(path: Path | str, **options: object) -> InputError:
    results = read(path, **options)
    assert articles_of(results) == []
    (error,) = errors_of(results)
    return error


# Plain text


def test_text_file_gives_title_metadata_and_body() -> None:
    path = FIXTURES / "tbilisi_march.txt"
    article = only_article(path)
    assert article.title == "Thousands march in Tbilisi against draft media law"
    assert article.published == dt.date(2024, 4, 16)
    assert article.outlet == "Caucasus Wire"
    assert article.url == "https://caucasuswire.example/2024/04/16/tbilisi-march"
    assert article.language == "en"
    assert article.text == TBILISI_BODY
    assert article.origin == str(path)
    assert article.article_id == article_id(TBILISI_BODY)


def test_text_without_dashes_line_is_all_body_and_has_no_title() -> None:
    article = only_article(FIXTURES / "checkpoint_attack.txt")
    assert article.title is None
    assert article.published is None
    assert article.outlet is None
    assert article.text.startswith("Gunmen attacked a police checkpoint on the outskirts of ")
    assert article.text.endswith("No group has claimed responsibility for the attack.")
    assert article.text.count("\n\n") == 1


def test_header_starting_with_metadata_has_no_title() -> None:
    article = parse_text("outlet: Delta Daily\n-----\nTroops fired on a crowd.", "a.txt")
    assert (article.title, article.outlet, article.text) == (
        None,
        "Delta Daily",
        "Troops fired on a crowd.",
    )


def test_dashes_line_with_nothing_after_it_is_es104() -> None:
    with pytest.raises(InputError) as caught:
        parse_text("Riot in Port Harcourt\npublished: 2024-01-02\n-----\n\n  \n", "riot.txt")
    assert str(caught.value) == "[ES104] riot.txt: " + MESSAGES["ES104"]


def test_header_line_that_is_not_metadata_names_its_line() -> None:
    content = "Riot in Port Harcourt\n\npublished: 2024-01-02\nYouths set fire to a bus\n---\nBody."
    with pytest.raises(InputError) as caught:
        parse_text(content, "riot.txt")
    assert caught.value.code == "ES115"
    assert str(caught.value).startswith("[ES115] riot.txt: line 4: 'Youths set fire to a bus'")


def test_unknown_metadata_key_is_es116() -> None:
    with pytest.raises(InputError) as caught:
        parse_text("Riot in Port Harcourt\nauthor: J. Okafor\n-----\nBody.", "riot.txt")
    assert str(caught.value) == (
        "[ES116] riot.txt: line 2: unknown metadata key 'author'; "
        "use one of published, outlet, url, language"
    )


def test_metadata_key_given_twice_is_es117() -> None:
    content = "Riot\nOutlet: A\noutlet: B\n-----\nBody."
    with pytest.raises(InputError) as caught:
        parse_text(content, "riot.txt")
    assert (caught.value.code, str(caught.value).split(": ")[1]) == ("ES117", "line 3")


@pytest.mark.parametrize("value", ["16/04/2024", "2024-02-30", "April 16, 2024", "20240416"])
def test_published_that_is_not_a_day_is_es109(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(f"Riot\npublished: {value}\n-----\nBody.", "riot.txt")
    assert str(caught.value) == f"[ES109] riot.txt: bad publication date {value!r}; use YYYY-MM-DD"


# JSON Lines


def test_jsonl_bad_middle_line_is_an_error_and_the_others_are_read() -> None:
    path = FIXTURES / "wire.jsonl"
    results = read(path)
    assert [type(result).__name__ for result in results] == ["Article", "InputError", "Article"]
    first, error, third = results
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(error, InputError)
    assert error.code == "ES107"
    assert error.subject == str(path)
    assert str(error).startswith(f"[ES107] {path}: line 2: not valid JSON (column 74: ")
    assert first.origin == f"{path}:1"
    assert first.title == "Dockworkers strike shuts Santos terminals"
    assert first.text == SANTOS_BODY
    assert first.outlet == "Southern Cone Report"
    assert first.url == "https://scr.example/santos-strike"
    assert first.published == dt.date(2024, 3, 7)  # the day of its own -03:00 offset
    assert third.origin == f"{path}:3"
    assert third.title == "Students detained after campus sit-in"
    assert third.url is None
    assert third.published == dt.date(2024, 3, 8)
    assert third.text.endswith(
        "\nThe students were demanding the reinstatement of two expelled union leaders."
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('["a list"]', "[ES114] w.jsonl: line 2: expected a JSON object, got an array"),
        ('{"title": "No text"}', "[ES108] w.jsonl: line 2: no non-empty 'text' field"),
        ('{"text": "  "}', "[ES108] w.jsonl: line 2: no non-empty 'text' field"),
        (
            '{"text": "Police fired.", "title": 7}',
            "[ES119] w.jsonl: line 2: field 'title' must be a string, got a number",
        ),
        (
            '{"text": "Police fired.", "published": "last Tuesday"}',
            (
                "[ES118] w.jsonl: line 2: bad publication date 'last Tuesday'; "
                "use YYYY-MM-DD or an ISO datetime"
            ),
        ),
    ],
)
def test_jsonl_line_errors_name_the_line(line: str, expected: str) -> None:
    content = '{"text": "Soldiers opened fire on a crowd in the market."}\n' + line + "\n"
    first, second = parse_jsonl(content, "w.jsonl")
    assert isinstance(first, Article)
    assert isinstance(second, InputError)
    assert str(second) == expected


def test_jsonl_id_field_is_ignored_and_blank_lines_are_skipped() -> None:
    content = '\n{"id": "x-1", "text": "Rebels seized the town."}\n\n'
    (article,) = parse_jsonl(content, "w.jsonl")
    assert isinstance(article, Article)
    assert article.article_id == article_id("Rebels seized the town.")
    assert article.origin == "w.jsonl:2"


# HTML


HARBOUR_BODY = (
    "Riot police fired tear gas at hundreds of fishermen who blocked the road to the port "
    "of Nouadhibou on Monday, a day after the authorities closed the old harbour for "
    "dredging works.\n\n"
    "The fishermen, many of whom have moored their boats in the harbour for decades, burned "
    "tyres and threw stones at officers. A hospital official said nine people were treated "
    "for breathing problems and two for head wounds.\n\n"
    "The regional governor said the closure was temporary and that compensation would be "
    "paid to boat owners. Fishermen's associations said they had not been consulted and "
    "promised to return to the port on Tuesday."
)


def test_html_page_gives_main_text_without_navigation_or_footer() -> None:
    path = FIXTURES / "harbour_clashes.html"
    article = only_article(path)
    assert article.title == "Police and fishermen clash over harbour closure"
    assert article.text == HARBOUR_BODY
    assert article.outlet == "Coastal Herald"
    assert article.published == dt.date(2024, 5, 21)
    assert article.url == "https://coastalherald.example/news/2024/05/harbour-clashes"
    assert article.language == "en"
    assert article.origin == str(path)


def test_html_page_without_text_is_es111() -> None:
    with pytest.raises(InputError) as caught:
        parse_html("<html><head><title>Live</title></head><body></body></html>", "live.html")
    assert str(caught.value) == "[ES111] live.html: no article text found in the HTML page"


def test_xml_file_holding_a_web_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    shutil.copy(FIXTURES / "harbour_clashes.html", path)
    assert only_article(path).text == HARBOUR_BODY


# Feeds


def test_rss_items_become_articles_with_feed_metadata() -> None:
    path = FIXTURES / "sahel_monitor.rss"
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.origin == f"{path}#1"
    assert first.title == "Convoy ambushed near Gao"
    assert first.text == (
        "Suspected militants ambushed a supply convoy on the road between Gao and Ansongo on "
        "Tuesday, killing at least seven soldiers, two security sources said.\n\n"
        "The army said it had launched an operation to find the attackers."
    )
    assert first.url == "https://sahelmonitor.example/2024/06/convoy-ambushed-near-gao"
    assert first.outlet == "Sahel Monitor"
    # 21:40 at -05:00 is 12 June in UTC, but the feed dated it 11 June.
    assert first.published == dt.date(2024, 6, 11)
    assert second.origin == f"{path}#2"
    assert second.title == "Traders protest new checkpoint fees in Niamey"
    assert second.text.startswith("Hundreds of traders closed their shops at the Grand Market")
    assert second.published == dt.date(2024, 6, 12)
    assert second.outlet == "Sahel Monitor"


def test_atom_entry_takes_html_content_and_published_date() -> None:
    path = FIXTURES / "andes_bulletin.atom"
    article = only_article(path)
    assert article.origin == f"{path}#1"
    assert article.title == "Miners block highway in Puno over water dispute"
    assert article.outlet == "Andes Bulletin"
    assert article.url == "https://andesbulletin.example/2024/07/puno-highway-blockade"
    assert article.published == dt.date(2024, 7, 1)
    assert article.text == (
        "Several hundred informal miners blocked the highway between Juliaca and Puno on "
        "Monday, demanding that the regional government cancel a decision to divert water "
        "from the Coata river.\n\n"
        "Police said the blockade was peaceful and that no arrests had been made."
    )


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs</title><description>&lol9;</description></item>
</channel></rss>
"""


def test_billion_laughs_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.rss"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    error = only_error(path)
    assert error.code == "ES112"
    assert str(error) == (
        f"[ES112] {path}: not a readable RSS/Atom feed "
        "(it declares a DTD subset or entities, which are refused)"
    )


def test_feed_without_entries_is_es113() -> None:
    content = "<rss version='2.0'><channel><title>Quiet Wire</title></channel></rss>"
    with pytest.raises(InputError) as caught:
        parse_feed(content, "quiet.rss")
    assert str(caught.value) == "[ES113] quiet.rss: feed has no entries with text"


def test_broken_feed_is_es112() -> None:
    with pytest.raises(InputError) as caught:
        parse_feed("<rss><channel><item><title>Cut off", "cut.rss")
    assert caught.value.code == "ES112"
    assert str(caught.value).startswith("[ES112] cut.rss: not a readable RSS/Atom feed (")
    assert "no element found" in str(caught.value)


def test_feed_entry_without_text_is_es120_and_the_others_are_read() -> None:
    content = (
        "<rss version='2.0'><channel><title>Delta Daily</title>"
        "<item><title>Photo gallery</title><link>https://dd.example/g</link></item>"
        "<item><title>Pipeline attacked</title>"
        "<description>Militants blew up an oil pipeline near Warri on Friday.</description></item>"
        "</channel></rss>"
    )
    error, article = parse_feed(content, "delta.rss")
    assert str(error) == "[ES120] delta.rss: entry 1: no text in its content or summary; skipped"
    assert isinstance(article, Article)
    assert (article.title, article.origin) == ("Pipeline attacked", "delta.rss#2")


# Compressed files


def test_gzipped_text_file_is_decompressed() -> None:
    path = FIXTURES / "nairobi_remand.txt.gz"
    article = only_article(path)
    assert article.title == "Court remands 22 protesters after Nairobi clashes"
    assert article.outlet == "Rift Valley Post"
    assert article.published == dt.date(2024, 6, 27)
    assert article.origin == str(path)
    assert article.text == (
        "A magistrate in Nairobi on Thursday ordered 22 people arrested during Tuesday's "
        "protests against the finance bill to be held for another ten days while police "
        "complete their investigations.\n\n"
        "Defence lawyers said several of the detainees were students who had been picked up "
        "far from the scene of the clashes."
    )


def test_truncated_gzip_is_es121(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes((FIXTURES / "nairobi_remand.txt.gz").read_bytes()[:-12])
    error = only_error(path)
    assert error.code == "ES121"
    assert error.subject == str(path)


# Identity


def test_same_body_from_two_paths_has_the_same_id(tmp_path: Path) -> None:
    text_file = tmp_path / "santos.txt"
    text_file.write_text(
        "Port strike in Santos\r\noutlet: Another Outlet\r\n-----\r\n\r\n"
        + SANTOS_BODY.replace(". ", ".  ")
        + "\r\n",
        encoding="utf-8",
    )
    from_text = only_article(text_file)
    from_jsonl = articles_of(read(FIXTURES / "wire.jsonl"))[0]
    assert from_text.title != from_jsonl.title
    assert from_text.article_id == from_jsonl.article_id == article_id(SANTOS_BODY)
    assert from_text.text == from_jsonl.text


def test_article_id_is_sha256_of_the_normalized_body() -> None:
    expected = hashlib.sha256(b"Police fired tear gas.\n\nTwo were hurt.").hexdigest()[:16]
    assert article_id("  Police fired\ttear gas.\r\n\r\n\r\nTwo were hurt. ") == expected
    assert article_id("Police fired tear gas.\nTwo were hurt.") != expected


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789.,'", min_size=1, max_size=8)
LINES = st.lists(st.lists(WORDS, min_size=1, max_size=5), min_size=1, max_size=3)
PARAGRAPHS = st.lists(LINES, min_size=1, max_size=3)
SPACES = st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0", "\u2003", "\f"])
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r", " \n", "\n\t", "\u2028"])
PARAGRAPH_BREAKS = st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n\n", "\n \n", "\r\r\r", "\n\t\n\n"])
EDGES = st.sampled_from(["", " ", "\n", "\r\n\t", "\n\n\n  "])


@given(paragraphs=PARAGRAPHS, data=st.data())
def test_article_id_ignores_whitespace_and_line_endings(
    paragraphs: list[list[list[str]]], data: st.DataObject
) -> None:
    canonical = "\n\n".join("\n".join(" ".join(line) for line in p) for p in paragraphs)
    messy = data.draw(EDGES)
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            messy += data.draw(PARAGRAPH_BREAKS)
        for l_index, line in enumerate(paragraph):
            if l_index:
                messy += data.draw(LINE_ENDS)
            messy += data.draw(SPACES) if data.draw(st.booleans()) else ""
            for w_index, word in enumerate(line):
                messy += (data.draw(SPACES) if w_index else "") + word
    messy += data.draw(EDGES)
    assert normalize_text(messy) == canonical
    assert article_id(messy) == article_id(canonical)


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


# Folders and bad files


def test_folder_yields_every_good_article_and_one_error_per_bad_file(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "tbilisi_march.txt", tmp_path / "a_tbilisi.txt")
    nested = tmp_path / "wires"
    nested.mkdir()
    shutil.copy(FIXTURES / "wire.jsonl", nested / "wire.ndjson")
    shutil.copy(FIXTURES / "sahel_monitor.rss", nested / "sahel.xml")
    (tmp_path / "b_empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "c_photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    latin1 = "Manifestation à Thiès\n-----\nLa police a dispersé les élèves devant le lycée."
    (tmp_path / "d_latin1.txt").write_bytes(latin1.encode("latin-1"))
    (tmp_path / "e_report.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("Not read: hidden.", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("Not read: hidden folder.", encoding="utf-8")

    results = read(tmp_path)

    assert [(r.origin if isinstance(r, Article) else r.code) for r in results] == [
        str(tmp_path / "a_tbilisi.txt"),
        "ES103",
        "ES105",
        "ES106",
        "ES126",
        str(nested / "sahel.xml#1"),
        str(nested / "sahel.xml#2"),
        str(nested / "wire.ndjson:1"),
        "ES107",
        str(nested / "wire.ndjson:3"),
    ]
    errors = {error.code: str(error) for error in errors_of(results)}
    assert errors["ES103"] == f"[ES103] {tmp_path / 'b_empty.txt'}: file is empty"
    assert errors["ES105"] == (
        f"[ES105] {tmp_path / 'c_photo.txt'}: looks like a binary file, not text"
    )
    assert errors["ES106"] == (
        f"[ES106] {tmp_path / 'd_latin1.txt'}: not valid UTF-8 "
        "(byte 0xe0 at line 1, column 15); re-encode the file as UTF-8"
    )
    assert errors["ES126"] == (
        f"[ES126] {tmp_path / 'e_report.docx'}: not an article format (.docx); skipped"
    )
    assert errors["ES107"].startswith(f"[ES107] {nested / 'wire.ndjson'}: line 2: ")


def test_folder_without_article_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    error = read(tmp_path)[-1]
    assert error.code == "ES124"
    assert error.subject == str(tmp_path)


def test_missing_path_is_es101(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "story.txt"
    assert str(only_error(path)) == f"[ES101] {path}: no such file or directory"


def test_single_file_with_unknown_extension_is_es102(tmp_path: Path) -> None:
    path = tmp_path / "story.pdf"
    path.write_bytes(b"%PDF-1.7")
    error = only_error(path)
    assert error.code == "ES102"
    assert "unknown input format '.pdf'" in str(error)


def test_utf8_and_utf16_byte_order_marks_are_accepted(tmp_path: Path) -> None:
    content = "Strike in Accra\n-----\nTeachers in Accra stayed away from classrooms on Monday."
    (tmp_path / "a.txt").write_bytes(content.encode("utf-8-sig"))
    (tmp_path / "b.txt").write_bytes(content.encode("utf-16"))
    first, second = read(tmp_path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == second.title == "Strike in Accra"
    assert first.text == second.text


# Language


def test_french_article_is_refused_as_es110() -> None:
    path = FIXTURES / "manifestation_lyon.txt"
    error = only_error(path)
    assert error.code == "ES110"
    assert str(error) == f"[ES110] {path}: article is in 'French', not English; skipped"
    assert error.article_id is not None


def test_spanish_jsonl_line_is_refused_and_named_by_its_line() -> None:
    spanish = (
        "Cientos de personas se manifestaron el domingo en el centro de Valparaíso para "
        "exigir la liberación de los estudiantes detenidos. Carabineros utilizaron gases "
        "lacrimógenos para dispersar a los manifestantes. Según la fiscalía, once personas "
        "fueron detenidas."
    )
    results = read("-", stdin=io.StringIO(json.dumps({"text": spanish}) + "\n"))
    (error,) = results
    assert isinstance(error, InputError)
    assert str(error) == "[ES110] <stdin>:1: article is in 'Spanish', not English; skipped"


def test_min_english_zero_keeps_non_english_with_its_language() -> None:
    article = only_article(FIXTURES / "manifestation_lyon.txt", min_english=0.0)
    assert article.language == "fr"


def test_short_text_is_not_judged() -> None:
    article = only_article("-", stdin=io.StringIO("Koma ndiyo koma."))
    assert (article.text, article.language) == ("Koma ndiyo koma.", None)


def test_detect_language_of_english_news() -> None:
    code, probability = detect_language(SANTOS_BODY)
    assert code == "en"
    assert probability > 0.9


# Publication dates


def test_published_argument_fills_only_missing_dates() -> None:
    default = dt.date(2024, 1, 31)
    own = only_article(FIXTURES / "tbilisi_march.txt", published=default)
    missing = only_article(FIXTURES / "checkpoint_attack.txt", published=default)
    assert own.published == dt.date(2024, 4, 16)
    assert missing.published == default


def test_no_date_anywhere_stays_none() -> None:
    assert only_article(FIXTURES / "checkpoint_attack.txt").published is None


# Standard input


@pytest.mark.parametrize(
    ("fixture", "origin", "title"),
    [
        ("wire.jsonl", "<stdin>:1", "Dockworkers strike shuts Santos terminals"),
        ("sahel_monitor.rss", "<stdin>#1", "Convoy ambushed near Gao"),
        ("andes_bulletin.atom", "<stdin>#1", "Miners block highway in Puno over water dispute"),
        ("harbour_clashes.html", "<stdin>", "Police and fishermen clash over harbour closure"),
        ("tbilisi_march.txt", "<stdin>", "Thousands march in Tbilisi against draft media law"),
    ],
)
def test_standard_input_format_is_sniffed(fixture: str, origin: str, title: str) -> None:
    stdin = io.StringIO((FIXTURES / fixture).read_text(encoding="utf-8"))
    first = articles_of(read("-", stdin=stdin))[0]
    assert (first.origin, first.title) == (origin, title)


def test_standard_input_bytes_are_checked_like_a_file() -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Émeute à Thiès".encode("latin-1")), encoding="utf-8")
    error = only_error("-", stdin=stdin)
    assert error.code == "ES106"
    assert error.subject == "<stdin>"


def test_empty_standard_input_is_es103() -> None:
    assert str(only_error("-", stdin=io.StringIO(" \n"))) == "[ES103] <stdin>: file is empty"


def test_gzip_fixture_is_really_compressed() -> None:
    data = (FIXTURES / "nairobi_remand.txt.gz").read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert gzip.decompress(data).startswith(b"Court remands 22 protesters")
