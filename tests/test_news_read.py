"""Readers and hostile input: every bad file gives a clear error or a clean empty result."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from critmin.errors import CritminError, DataError
from critmin.news.clean import clean_text
from critmin.news.extract import extract_events
from critmin.news.read import ArticleError, parse_bytes, read_articles

DATA = Path(__file__).parent / "data" / "news"


def test_markdown_front_matter_and_title():
    (article,) = read_articles(DATA / "dev" / "d01-kazakhstan-rare-earth-enterprises.md")
    assert article.published == "2025-09-08"
    assert article.publisher == "Interfax-Kazakhstan"
    assert article.title == "Tokayev orders launch of rare earth enterprises"
    assert not article.text.startswith("#")
    assert article.format == "markdown"


def test_text_title_line():
    (article,) = read_articles(DATA / "dev" / "d03-china-graphite-controls.txt")
    assert article.title == "Beijing tightens graphite exports"
    assert article.text.startswith("BEIJING")


def test_html_drops_scripts_styles_navigation_and_footer():
    (article,) = read_articles(DATA / "dev" / "d33-sareco-html.html")
    assert "Stepnogorsk" in article.text
    for active in ("trackingId", "document.write", "alert(", "font-family", "Subscribe", "Home"):
        assert active not in article.text
    assert article.published == "2012-11-02"


def test_html_with_only_scripts_is_empty_not_an_error(tmp_path: Path):
    page = tmp_path / "evil.html"
    page.write_text(
        "<html><head><script>fetch('http://x'); alert(1)</script></head>"
        "<body><script>while(true){}</script><style>p{}</style></body></html>"
    )
    articles = read_articles(page)
    assert all("alert" not in a.text and "fetch" not in a.text for a in articles)
    assert [e for a in articles for e in extract_events(a)] == []


def test_json_and_jsonl_records(tmp_path: Path):
    record = {
        "url": "https://example.org/a",
        "title": "T",
        "published": "2024-05-01",
        "publisher": "P",
        "text": "Indonesia banned exports of nickel ore on Monday.",
    }
    one = tmp_path / "a.json"
    one.write_text(json.dumps(record))
    (a,) = read_articles(one)
    assert a.url == "https://example.org/a" and a.published == "2024-05-01"
    many = tmp_path / "b.jsonl"
    many.write_text(json.dumps(record) + "\n\n" + json.dumps({**record, "text": "Other."}) + "\n")
    assert [x.source.rsplit("#", 1)[1] for x in read_articles(many)] == ["1", "3"]


def test_bad_jsonl_line_is_named(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": broken\n')
    with pytest.raises(ArticleError, match=r"bad\.jsonl:2: invalid JSON"):
        read_articles(bad)


def test_record_without_text(tmp_path: Path):
    bad = tmp_path / "x.json"
    bad.write_text('{"title": "no body"}')
    with pytest.raises(ArticleError, match="no 'text'"):
        read_articles(bad)


def test_rss_feed(tmp_path: Path):
    feed = tmp_path / "feed.rss"
    feed.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Curbs</title><link>https://example.org/1</link>
        <pubDate>Tue, 03 Dec 2024 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;China banned exports of gallium to the United States.&lt;/p&gt;
        &lt;script&gt;alert(1)&lt;/script&gt;</description></item>
        </channel></rss>"""
    )
    (a,) = read_articles(feed)
    assert a.published == "2024-12-03" and a.url == "https://example.org/1"
    assert "alert" not in a.text
    (event,) = extract_events(a)
    assert event.type == "export_ban" and set(event.countries) == {"CN", "US"}


def test_empty_and_whitespace_files_give_nothing(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_bytes(b"  \n\n\t \n")
    assert read_articles(empty) == []
    assert read_articles(blank) == []


def test_200_mb_file_refused_by_size_before_reading(tmp_path: Path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 200 MB on paper, nothing written
        fh.truncate(200 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(ArticleError, match=r"over the .*-byte limit") as info:
        read_articles(huge)
    assert str(huge) in str(info.value)
    assert time.perf_counter() - started < 5  # refused, not read (generous bound, not a benchmark)


def test_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "a.txt"
    path.write_text("China banned exports of gallium. " * 10)
    monkeypatch.setenv("CRITMIN_MAX_ARTICLE_BYTES", "100")
    with pytest.raises(ArticleError, match="100-byte limit"):
        read_articles(path)


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x01\x02\x03binary\x00\xff" * 100,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        bytes(range(256)) * 40,
    ],
)
def test_binary_input_is_refused_clearly(tmp_path: Path, payload: bytes):
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    with pytest.raises(ArticleError, match=r"binary|encoding") as info:
        read_articles(path)
    assert isinstance(info.value, CritminError) and isinstance(info.value, DataError)
    assert str(path) in str(info.value)


def test_invalid_utf8_is_decoded_or_refused_never_crashes(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Gécamines said Congo’s cobalt exports were halted.".encode("cp1252"))
    (a,) = read_articles(path)
    assert "Gécamines" in a.text and "Congo's" in a.text
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Rare earth \xc3\x28 prices rose 5% \xa0\xff in China on Monday.")
    try:
        articles = read_articles(broken)
    except ArticleError:
        return
    assert all("\ufffd" not in a.text for a in articles)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(ArticleError, match="no such file"):
        read_articles(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="not a regular file"):
        read_articles(tmp_path)


def test_clean_text_repairs_damage():
    damaged = (
        "Kazakhstanâ€™s rare\u00adearth plan\u00a0now \u201cfinal\u201d. "
        "Tokayev\u0432s order\u200b."
    )
    assert clean_text(damaged) == "Kazakhstan's rareearth plan now \"final\". Tokayev's order."


def test_damaged_text_still_matches():
    text = (
        "ASTANA \u2014 Kazakhstanâ€™s President Tokayev\u00a0ordered the launch of three "
        "rare\u2011earth plants."
    )
    events = extract_events(text, published="2025-09-08")
    assert [(e.type, e.countries, e.commodities) for e in events] == [
        ("new_capacity", ("KZ",), ("rare-earths",))
    ]


def test_parse_bytes_sniffs_format():
    html = b"<!DOCTYPE html><html><body><p>China banned exports of antimony.</p></body></html>"
    (a,) = parse_bytes(html)
    assert a.format == "html" and "<p>" not in a.text
