"""Tables and charts for notebooks: rows as plain dicts, ``to_pandas()`` when pandas is
installed, and rich display in Jupyter (HTML tables, SVG charts drawn by the core)."""

from __future__ import annotations

import datetime as _dt
import html
import importlib
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Sequence, overload

from chiso._types import Lang
from chiso.vocabulary import _DEFAULTS, written, written_date, written_yes_no

__all__ = ["Chart", "Table", "pandas"]


def pandas() -> Any:
    """The pandas module, imported only when a DataFrame is asked for."""
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("this needs pandas: pip install 'chiso[pandas]'") from e


def _cell(x: Any, lang: Lang) -> str:
    if x is None:
        return ""
    if isinstance(x, bool):
        return written_yes_no(x, lang)
    if isinstance(x, Decimal):
        return written(x, lang)
    if isinstance(x, (_dt.datetime, _dt.date)):
        return written_date(x, lang)
    return str(x)


class Table(Sequence[Dict[str, Any]]):
    """Rows with named columns, in order. A sequence of dicts (``table[0]["score"]``); decimals
    are ``Decimal``, times ``datetime``, missing values ``None``.

    >>> t = Table("demo", ["unit", "score"], [{"unit": "HN", "score": Decimal("0.9")}])
    >>> t[0]["score"], len(t)
    (Decimal('0.9'), 1)
    """

    __slots__ = ("columns", "lang", "name", "rows")

    def __init__(self, name: str, columns: Sequence[str], rows: List[Dict[str, Any]], lang: Lang = _DEFAULTS["lang"]) -> None:
        self.name = name
        self.columns = list(columns)
        self.rows = rows
        self.lang = lang

    @overload
    def __getitem__(self, index: int) -> Dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> List[Dict[str, Any]]: ...
    def __getitem__(self, index: Any) -> Any:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self.rows == other.rows
        if isinstance(other, list):
            return self.rows == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def to_records(self) -> List[Dict[str, Any]]:
        """The rows as a new list of dicts (for those without pandas)."""
        return [dict(r) for r in self.rows]

    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame``: decimals stay ``Decimal`` (object columns, exact),
        times become ``datetime64``; ``df["score"].astype(float)`` when a float is wanted."""
        pd = pandas()
        frame = pd.DataFrame({c: [r.get(c) for r in self.rows] for c in self.columns}, columns=self.columns)
        for c in self.columns:
            if self.rows and all(isinstance(r.get(c), _dt.datetime) or r.get(c) is None for r in self.rows):
                if any(r.get(c) is not None for r in self.rows):
                    frame[c] = pd.to_datetime(frame[c])
        return frame

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        shown = self.rows[:200]
        body = "".join(
            "<tr>"
            + "".join(
                f'<td style="text-align:{"right" if isinstance(r.get(c), (Decimal, int)) and not isinstance(r.get(c), bool) else "left"}">'
                f"{html.escape(_cell(r.get(c), self.lang))}</td>"
                for c in self.columns
            )
            + "</tr>"
            for r in shown
        )
        more = ""
        if len(self.rows) > len(shown):
            more = (
                f"<p>… {len(self.rows) - len(shown)} dòng nữa</p>"
                if self.lang == "vi"
                else f"<p>… {len(self.rows) - len(shown)} more rows</p>"
            )
        caption = html.escape(self.name)
        return (
            f'<table class="chiso"><caption style="text-align:left;font-weight:bold">{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
        )

    def __repr__(self) -> str:
        return f"<chiso.Table {self.name}: {len(self.rows)} rows × {len(self.columns)} columns>"


class Chart:
    """An SVG chart drawn by the core (the same picture a portal or the web form shows);
    Jupyter displays it inline."""

    __slots__ = ("_svg", "title")

    def __init__(self, svg: str, title: str) -> None:
        self._svg = svg
        self.title = title

    def to_svg(self) -> str:
        """The chart as SVG text."""
        return self._svg

    def save(self, path: str) -> None:
        """Writes the SVG to ``path``."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self._svg)

    def _repr_svg_(self) -> str:
        return self._svg

    def __repr__(self) -> str:
        return f"<chiso.Chart {self.title}>"
