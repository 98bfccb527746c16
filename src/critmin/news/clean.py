"""Repair damaged text so that matching never breaks on it.

:func:`clean_text` runs ftfy (mojibake such as ``â€™``, HTML entities left in text), then
normalises what ftfy leaves alone: curly quotes and apostrophes to ASCII, dashes kept but
non-breaking and odd spaces to a plain space, soft hyphens and zero-width characters dropped,
control characters removed, and a stray letter of another script standing where an apostrophe
was (``Kazakhstanвs``) turned back into an apostrophe. Pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, is_bad

from critmin.news.prefilter import any_of, required_chars

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u2010": "-",
        "\u2011": "-",
        "\r": None,
    }
)

# A Cyrillic or Greek letter wedged between Latin letters before a possessive/contraction
# ending: "Kazakhstanвs", "donЂt" are apostrophes decoded in the wrong code page.
_STRAY_APOSTROPHE = re.compile(
    r"(?<=[A-Za-z])[\u0370-\u03ff\u0400-\u04ff\u0080-\u009f](?=(?:s|t|re|ll|ve|d|m)\b)"
)
_FTFY = ftfy.TextFixerConfig(normalization="NFC", explain=False)
#: Characters one of which every sequence ftfy's badness test flags contains (read off its
#: pattern): a text with none of them is not bad, and the slow test is skipped.
_SUSPICIOUS = any_of(required_chars(BADNESS_RE))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_SPACES = re.compile(r"[ ]{2,}")
_BLANKS = re.compile(r"\n[ ]*\n(?:[ ]*\n)+")


def clean_text(text: str) -> str:
    """Return ``text`` repaired and normalised for matching.

    Parameters
    ----------
    text
        Text as decoded from a file or feed, possibly damaged.

    Returns
    -------
    str
        NFC-normalised text with ASCII quotes, plain spaces, no soft hyphens or zero-width
        characters, at most one blank line between paragraphs, and stripped line ends.
    """
    if not text:
        return ""
    # ftfy is the slow part: run it only where it has something to repair (mojibake by its own
    # badness test, HTML entities, or other damage it knows); quotes and spaces are ours below
    plain = "&" not in text and (text.isascii() or not _SUSPICIOUS.search(text) or not is_bad(text))
    fixed = text if plain else ftfy.fix_text(text, _FTFY)
    fixed = fixed.translate(_TRANSLATE)
    if not fixed.isascii():  # the stray letters are all outside ASCII
        fixed = _STRAY_APOSTROPHE.sub("'", fixed)
    fixed = _CONTROL.sub("", fixed)
    fixed = unicodedata.normalize("NFC", fixed)
    fixed = _SPACES.sub(" ", fixed)
    fixed = "\n".join(line.strip() for line in fixed.split("\n"))
    fixed = _BLANKS.sub("\n\n", fixed)
    return fixed.strip()
