"""News intelligence: articles to events with evidence, developments and their open questions.

Pure core: :func:`read_articles` (the one function here that opens files), :func:`extract_events`,
:func:`group_developments`, :func:`propose_scenario`, :func:`evaluate`. The store side is in
:mod:`critmin.news.ingest`.
"""

from critmin.news.developments import QUESTIONS, group_developments, propose_scenario
from critmin.news.evaluate import evaluate
from critmin.news.extract import extract_events
from critmin.news.read import ArticleError, read_articles
from critmin.news.records import EVENT_TYPES, Answer, Article, Development, Event, Quantity

__all__ = [
    "EVENT_TYPES",
    "QUESTIONS",
    "Answer",
    "Article",
    "ArticleError",
    "Development",
    "Event",
    "Quantity",
    "evaluate",
    "extract_events",
    "group_developments",
    "propose_scenario",
    "read_articles",
]
