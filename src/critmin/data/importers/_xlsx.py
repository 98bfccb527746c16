"""Open one sheet of an Excel workbook as rows, translating openpyxl's errors into DataError.

Shared by the xlsx importers (World Bank WGI, IEA) so that a missing file, a corrupt workbook
and a missing sheet read the same way everywhere. The workbook is opened read-only (streaming,
much less memory) with cached formula values, and closed before returning.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from critmin.data.shipped import relative
from critmin.errors import DataError

#: A sheet as read: one tuple of cell values per row, row 1 first, column A first.
Rows = list[tuple[object, ...]]


def read_sheet(path: Path, sheet: str) -> tuple[str, Rows]:
    """Read every row of ``sheet`` in the workbook at ``path``.

    Parameters
    ----------
    path
        The ``.xlsx`` file.
    sheet
        The sheet's name as shown on its tab.

    Returns
    -------
    tuple
        The file name used in provenance (relative to the raw folder for shipped files) and
        the rows, contiguous from row 1 and column A (empty cells are ``None``).

    Raises
    ------
    DataError
        If the file is missing, is not a readable workbook, or has no such sheet.
    """
    path = Path(path)
    file = relative(path)
    if not path.is_file():
        raise DataError("file not found", file=str(path))
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML, key and value errors alike
        raise DataError(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})", file=file
        ) from exc
    try:
        if sheet not in book.sheetnames:
            raise DataError(f"sheet {sheet!r} not found; sheets are {book.sheetnames}", file=file)
        rows = list(book[sheet].iter_rows(min_row=1, min_col=1, values_only=True))
    except DataError:
        raise
    except Exception as exc:  # a damaged sheet part surfaces only while iterating
        raise DataError(
            f"cannot read sheet {sheet!r} ({type(exc).__name__}: {exc})", file=file
        ) from exc
    finally:
        book.close()
    return file, rows


def cell_ref(row: int, column: int) -> str:
    """``C12`` for row 12, column 3 (both 1-based)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"
