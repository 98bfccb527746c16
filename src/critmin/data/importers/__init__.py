"""Importers for publishers' files: a pure ``parse_*`` over text/rows and a thin ``read_*``.

Each ``read_*`` returns a :class:`critmin.model.ParseResult`; rows that cannot be used are
returned as :class:`critmin.model.ImportIssue` with file and line, never silently dropped.
"""
