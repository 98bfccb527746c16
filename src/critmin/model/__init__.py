"""The nouns of critmin as typed records, without any I/O."""

from critmin.model.records import (
    BASES,
    MEASURES,
    STAGES,
    ImportIssue,
    Observation,
    ParseResult,
    Source,
)

__all__ = [
    "BASES",
    "MEASURES",
    "STAGES",
    "ImportIssue",
    "Observation",
    "ParseResult",
    "Source",
]
