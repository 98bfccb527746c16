"""Read articles from files: plain text, Markdown, HTML, RSS/Atom feeds, JSON and JSONL.

``read_articles(path)`` does the I/O (size check before reading, binary sniffing, encoding
detection) and hands decoded text to the pure ``parse_*`` functions, which return
:class:`~critmin.news.records.Article` records with cleaned text. Active content (scripts,
styles, navigation) is dropped by the HTML extractor and never executed or kept.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from critmin import settings
from critmin.errors import DataError
from critmin.news import frontmatter
from critmin.news.clean import clean_text
from critmin.news.records import Article

#: File suffixes and the format each means.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)


class ArticleError(DataError):
    """An article file that cannot be read: too large, binary, undecodable or malformed."""


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def max_article_bytes() -> int:
    """The configured size limit (setting ``max_article_bytes``)."""
    try:
        return int(settings.get("max_article_bytes"))
    except ValueError as exc:
        raise ArticleError(f"setting max_article_bytes is not an integer: {exc}") from exc


def read_articles(
    path: Path | str, *, max_bytes: int | None = None, lines: range | None = None
) -> list[Article]:
    """Read every article in one file.

    Parameters
    ----------
    path
        A ``.txt``, ``.md``, ``.html``, ``.rss``/``.atom``/``.xml``, ``.json`` or ``.jsonl`` file.
        Other suffixes are sniffed.
    max_bytes
        Refuse files larger than this [bytes]; default the ``max_article_bytes`` setting. The
        size is checked before anything is read.
    lines
        For JSON Lines only: read just these (1-based) line numbers (a partition of a batch).

    Returns
    -------
    list of Article
        Empty for an empty (or whitespace-only) file.

    Raises
    ------
    ArticleError
        Missing, oversize, binary or undecodable file, or malformed JSON.
    """
    path = Path(path)
    limit = max_article_bytes() if max_bytes is None else max_bytes
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ArticleError("no such file", file=name) from exc
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror}", file=name) from exc
    if not path.is_file():
        raise ArticleError("not a regular file", file=name)
    if size > limit:
        raise ArticleError(
            f"file is {size:,} bytes, over the {limit:,}-byte limit "
            "(setting max_article_bytes / CRITMIN_MAX_ARTICLE_BYTES)",
            file=name,
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror}", file=name) from exc
    if len(data) > limit:
        raise ArticleError(f"file grew past the {limit:,}-byte limit while reading", file=name)
    return parse_bytes(data, source=name, fmt=FORMATS.get(path.suffix.lower()), lines=lines)


def parse_bytes(
    data: bytes, *, source: str = "<bytes>", fmt: str | None = None, lines: range | None = None
) -> list[Article]:
    """Decode ``data`` and parse it as ``fmt`` (sniffed when ``None``); pure.

    ``lines`` restricts JSON Lines to those 1-based line numbers.
    """
    if not data.strip():
        return []
    text = decode(data, source=source)
    if not text.strip():
        return []
    fmt = fmt or sniff_format(text)
    if fmt == "markdown":
        return _one(parse_markdown(text, source=source))
    if fmt == "html":
        return _one(parse_html(text, source=source))
    if fmt == "feed":
        return parse_feed(text, source=source)
    if fmt == "json":
        return parse_json(text, source=source)
    if fmt == "jsonl":
        return parse_jsonl(text, source=source, lines=lines)
    return _one(parse_text(text, source=source))


def _one(article: Article | None) -> list[Article]:
    return [article] if article is not None else []


def decode(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode bytes as UTF-8, else the encoding charset-normalizer detects; refuse binary."""
    head = data[:8192]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ArticleError(f"binary file ({what}), not an article", file=source)
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise ArticleError("binary file (contains NUL bytes), not an article", file=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise ArticleError("cannot detect the text encoding (binary or damaged file)", file=source)
    text = data.decode(best.encoding, errors="replace")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 20):
        raise ArticleError("binary file (mostly control characters), not an article", file=source)
    return text


def sniff_format(text: str) -> str:
    """Guess the format of decoded text from its first characters."""
    head = text.lstrip()[:512].lower()
    if head.startswith(("<?xml", "<rss", "<feed")) or "<rss" in head or "<feed" in head:
        return "feed"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head:
        return "html"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0].strip()
        if first.endswith("}") and "\n" in text.strip():
            return "jsonl"
        return "json"
    if head.startswith("["):
        return "json"
    if head.startswith("---\n") or head.startswith("# "):
        return "markdown"
    return "text"


def _make(
    body: str,
    *,
    title: str,
    published: str,
    publisher: str,
    url: str,
    source: str,
    fmt: str,
) -> Article | None:
    text = clean_text(body)
    if not text:
        return None
    return Article(
        id=article_id(text),
        text=text,
        title=clean_text(title),
        published=iso_date(published),
        publisher=clean_text(publisher),
        url=url.strip(),
        source=source,
        format=fmt,
    )


def iso_date(value: object) -> str:
    """An ISO date (YYYY-MM-DD) from a date, datetime or string; "" if it is not one."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    for fmt in ("%a, %d %b %Y %H:%M:%S %z", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


_TITLE_LINE = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def parse_markdown(text: str, *, source: str = "<markdown>") -> Article | None:
    """Parse Markdown with optional YAML front matter (title, published/date, publisher, url)."""
    meta: dict[str, Any] = {}
    body = text.lstrip("\ufeff")
    if body.startswith("---\n"):
        end = body.find("\n---", 4)
        if end != -1:
            try:
                loaded = frontmatter.load(body[4:end])
            except yaml.YAMLError as exc:
                raise ArticleError(f"front matter is not valid YAML: {exc}", file=source) from exc
            if isinstance(loaded, dict):
                meta = loaded
            body = body[end + 4 :]
    title = str(meta.get("title") or "")
    lines = []
    for line in body.split("\n"):
        m = _TITLE_LINE.match(line)
        if m:
            if not title:
                title = m.group(1).strip()
            if m.group(1).strip() == title:
                continue
            lines.append(m.group(1))
            continue
        if "[" in line:  # a link needs its bracket; emphasis its * or _
            line = _MD_LINK.sub(r"\1", line)
        if "*" in line or "_" in line:
            line = _MD_EMPH.sub(r"\2", line)
        lines.append(line)
    return _make(
        "\n".join(lines),
        title=title,
        published=str(meta.get("published") or meta.get("date") or ""),
        publisher=str(meta.get("publisher") or ""),
        url=str(meta.get("url") or ""),
        source=source,
        fmt="markdown",
    )


def parse_text(text: str, *, source: str = "<text>") -> Article | None:
    """Parse plain text; a short first line followed by a blank line is taken as the title."""
    body = text.lstrip("\ufeff").replace("\r\n", "\n")
    title = ""
    first, sep, rest = body.lstrip().partition("\n")
    if sep and rest.startswith("\n") and len(first) < 150 and not first.rstrip().endswith("."):
        title, body = first.strip(), rest
    return _make(body, title=title, published="", publisher="", url="", source=source, fmt="text")


def parse_html(text: str, *, source: str = "<html>") -> Article | None:
    """Extract the main text of an HTML page with trafilatura (no scripts, styles, navigation)."""
    import trafilatura

    try:
        extracted = trafilatura.extract(
            text,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_links=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on damaged markup
        raise ArticleError(f"cannot parse HTML: {exc}", file=source) from exc
    if not extracted:
        body = strip_html(text)
        return _make(body, title="", published="", publisher="", url="", source=source, fmt="html")
    data = json.loads(extracted)
    title = str(data.get("title") or "")
    lines = [line for line in str(data.get("text") or "").split("\n")]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    return _make(
        "\n\n".join(lines),
        title=title,
        published=str(data.get("date") or ""),
        publisher=str(data.get("sitename") or data.get("hostname") or ""),
        url=str(data.get("source") or ""),
        source=source,
        fmt="html",
    )


class _TextOnly(HTMLParser):
    """Collect text outside script/style/nav elements."""

    _SKIP = frozenset({"script", "style", "nav", "noscript", "iframe", "object", "template"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "article"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment without scripts, styles or navigation (stdlib parser)."""
    if "<" not in fragment:
        return html.unescape(fragment)
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def parse_feed(text: str, *, source: str = "<feed>") -> list[Article]:
    """Parse an RSS or Atom document (never fetched: the text is given) into articles."""
    import feedparser

    parsed = feedparser.parse(text.encode("utf-8"))
    if parsed.get("bozo") and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        raise ArticleError(f"not a readable RSS/Atom feed: {problem}", file=source)
    articles = []
    for n, entry in enumerate(parsed.get("entries", []), start=1):
        body = ""
        content = entry.get("content")
        if content:
            body = " ".join(str(c.get("value", "")) for c in content)
        if not body:
            body = str(entry.get("summary") or entry.get("description") or "")
        published = ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            y, mo, d = (int(v) for v in stamp[:3])
            published = datetime(y, mo, d, tzinfo=UTC).date().isoformat()
        article = _make(
            strip_html(body),
            title=strip_html(str(entry.get("title") or "")),
            published=published,
            publisher=str(parsed.get("feed", {}).get("title") or ""),
            url=str(entry.get("link") or ""),
            source=f"{source}#{n}",
            fmt="feed",
        )
        if article is not None:
            articles.append(article)
    return articles


def _from_record(record: object, *, source: str, line: int | None) -> Article | None:
    if not isinstance(record, dict):
        raise ArticleError("an article record must be a JSON object", file=source, line=line)
    body = record.get("text") or record.get("body") or record.get("content")
    if not isinstance(body, str):
        raise ArticleError("article record has no 'text' string", file=source, line=line)
    suffix = f"#{line}" if line is not None else ""
    return _make(
        strip_html(body) if "<" in body else body,
        title=str(record.get("title") or ""),
        published=str(record.get("published") or record.get("date") or ""),
        publisher=str(record.get("publisher") or ""),
        url=str(record.get("url") or ""),
        source=f"{source}{suffix}",
        fmt="json",
    )


def parse_json(text: str, *, source: str = "<json>") -> list[Article]:
    """Parse one JSON article record ``{url, title, published, publisher, text}`` or a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON: {exc.msg}", file=source, line=exc.lineno) from exc
    records: Iterable[object] = data if isinstance(data, list) else [data]
    articles = []
    for n, record in enumerate(records, start=1):
        article = _from_record(record, source=source, line=n if isinstance(data, list) else None)
        if article is not None:
            articles.append(article)
    return articles


def parse_jsonl(text: str, *, source: str = "<jsonl>", lines: range | None = None) -> list[Article]:
    """Parse JSON Lines, one article record per line; blank lines are skipped.

    ``lines`` keeps only those 1-based line numbers (a partition of a large batch).
    """
    articles = []
    for n, line in enumerate(text.split("\n"), start=1):
        if lines is not None and n not in lines:
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"invalid JSON: {exc.msg}", file=source, line=n) from exc
        article = _from_record(record, source=source, line=n)
        if article is not None:
            articles.append(article)
    return articles
