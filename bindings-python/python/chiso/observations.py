"""Observations (one value per unit, item and period) from a pandas DataFrame or a list of
records, handed to the core column by column.

Columns: ``unit``, ``item``, ``period``, ``value`` are required; ``submitted_at``,
``submitted_by``, ``source`` (a system's name, or ``"form"``), ``measure``, ``comment`` and
``estimated`` are optional, and any other column is refused (a misspelt column is not silently
ignored). A value is a number (``Decimal``, ``int``, text holding a decimal, or a float, read as
the shortest decimal that prints as it: ``0.1`` is 0.1), a ``bool``, or other text; an empty
cell (``NaN``, ``None``) is a missing value, never zero.
"""

from __future__ import annotations

import datetime as _dt
import math
import sys
from array import array
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Sequence, Tuple, Union

from chiso._convert import time_text
from chiso.table import pandas

__all__ = ["Columns", "columns_of"]

#: Each column as pandas factorizes it: a code per row (little-endian int64, -1 for an empty
#: cell) and the distinct values.
Columns = Dict[str, Tuple[bytes, List[Any]]]


def _is_frame(data: Any) -> bool:
    return type(data).__module__.startswith("pandas") and hasattr(data, "columns")


def columns_of(data: Union[Any, Sequence[Mapping[str, Any]]]) -> Tuple[Columns, int]:
    """The columns of a DataFrame or of records, and the number of rows."""
    if _is_frame(data):
        return _frame_columns(data), len(data)
    rows = list(data)
    return _record_columns(rows), len(rows)


def _frame_columns(frame: Any) -> Columns:
    pd = pandas()
    out: Columns = {}
    for name in frame.columns:
        series = frame[name]
        codes, uniques = pd.factorize(series)
        if getattr(series.dtype, "tz", None) is not None:
            raise TypeError(f"column {name!r}: times must be naive local times (Vietnam time), without a time zone")
        if hasattr(uniques, "strftime"):
            values: List[Any] = uniques.strftime("%Y-%m-%dT%H:%M:%S").tolist()
        else:
            values = [_plain(v) for v in uniques.tolist()]
        out[str(name)] = (codes.astype("<i8").tobytes(), values)
    return out


def _plain(v: Any) -> Any:
    """A distinct value as the core reads it (times as text)."""
    if isinstance(v, (_dt.datetime, _dt.date)):
        return time_text(v, "submitted_at")
    return v


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, Decimal) and v.is_nan())


def _record_columns(rows: List[Mapping[str, Any]]) -> Columns:
    names: Dict[str, None] = {}
    for r in rows:
        names.update(dict.fromkeys(r))
    out: Columns = {}
    for name in names:
        index: Dict[Any, int] = {}
        uniques: List[Any] = []
        codes = array("q")
        for r in rows:
            v = r.get(name)
            if _empty(v):
                codes.append(-1)
                continue
            key = (type(v), v)
            k = index.get(key)
            if k is None:
                k = index[key] = len(uniques)
                uniques.append(_plain(v))
            codes.append(k)
        if sys.byteorder != "little":  # pragma: no cover
            codes.byteswap()
        out[name] = (codes.tobytes(), uniques)
    return out
