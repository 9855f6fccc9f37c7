"""Reporting periods ("kỳ báo cáo"): canonical names, dates and deadlines."""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional

from chiso import _chiso
from chiso._convert import date_of

__all__ = ["describe_period", "describe_period_json", "parse_period"]


def parse_period(text: str) -> str:
    """The period in canonical form: ``parse_period("2026Q2") == "2026-Q2"``."""
    return _chiso.parse_period(text)


def describe_period_json(text: str, calendar_json: Optional[str] = None) -> str:
    """:func:`describe_period` as the core's JSON text."""
    return _chiso.describe_period(text, calendar_json)


def describe_period(text: str, calendar: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Dates, months, parents, neighbours and deadline of a period; the dates as ``datetime.date``.

    ``calendar`` is a reporting calendar such as
    ``{"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5, "holidays": ["2026-09-02"]}``;
    by default the cut-off calendar of Nghị định 09/2019 with five working days to report.

    >>> describe_period("2026-Q3")["deadline"]
    datetime.date(2026, 9, 21)
    """
    calendar_json = json.dumps(calendar) if calendar is not None else None
    result: Dict[str, Any] = json.loads(describe_period_json(text, calendar_json))
    for key in ("start", "end", "deadline", "data_from", "data_to"):
        if isinstance(result.get(key), str):
            result[key] = date_of(result[key])
    return result
