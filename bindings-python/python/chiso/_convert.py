"""Python values to and from the core's JSON shapes: decimals as ``decimal.Decimal``, times as
``datetime.datetime``, dates as ``datetime.date``, never a float."""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from chiso import _chiso

#: A number as chiso takes it: exact, so never a float.
Number = Union[Decimal, int, str]
#: A time as chiso takes it.
Time = Union[_dt.datetime, _dt.date, str]


def error(kind: type, code: str, path: Optional[str], vi: str, en: str) -> Exception:
    """A chiso exception raised by the Python layer, carrying the same attributes as the core's."""
    e: Any = kind(en)
    e.code, e.path, e.message_vi, e.message_en, e.findings = code, path, vi, en, []
    exception: Exception = e
    return exception


def time_text(t: Time, name: str = "as_of") -> str:
    """``YYYY-MM-DDTHH:MM:SS`` for a ``datetime`` (naive: Vietnam's local time), a ``date`` (its
    midnight) or text (checked by the core)."""
    if isinstance(t, _dt.datetime):
        if t.tzinfo is not None:
            raise error(
                _chiso.ArgumentError,
                "argument.invalid",
                name,
                f"`{name}` phải là giờ địa phương không kèm múi giờ (giờ Việt Nam).",
                f"`{name}` must be a naive local time (Vietnam time), without a time zone.",
            )
        return t.replace(microsecond=0).isoformat()
    if isinstance(t, _dt.date):
        return t.isoformat() + "T00:00:00"
    return t


def decimal(text: Optional[str]) -> Optional[Decimal]:
    """A decimal the core wrote as text, or None."""
    return None if text is None else Decimal(text)


def decimal_text(x: Union[None, Number]) -> Optional[str]:
    """A number as the core reads it."""
    if isinstance(x, float):
        raise TypeError("chiso takes exact numbers: pass a decimal.Decimal or a str, not a float")
    return None if x is None else str(x)


def datetime_of(text: Optional[str]) -> Optional[_dt.datetime]:
    """A time the core wrote, or None."""
    return None if text is None else _dt.datetime.fromisoformat(text)


def date_of(text: Optional[str]) -> Optional[_dt.date]:
    """A date the core wrote, or None."""
    return None if text is None else _dt.date.fromisoformat(text)


def value_in(x: Any, path: str = "") -> Dict[str, Any]:
    """A Python value in the core's value shape, read by the core's one cell rule (as a
    DataFrame's cell is): ``None`` is missing, text that reads as a number is that number, blank
    text is missing. A float is refused: a single value is given exactly (a ``Decimal``). A
    refusal names the value by ``path`` (``/x``)."""
    if isinstance(x, dict):
        return x  # already the core's shape, such as {"missing": "not_applicable"}
    if isinstance(x, float):
        raise TypeError("chiso takes exact numbers: pass a decimal.Decimal or a str, not a float")
    if x is not None and not isinstance(x, (bool, int, Decimal, str)):
        raise TypeError(f"cannot use {type(x).__name__} as a chiso value")
    shape: Dict[str, Any] = json.loads(_chiso.value_json(x, path))
    return shape


def value_out(v: Mapping[str, Any]) -> Union[None, Decimal, bool, str]:
    """A core value as Python: a number as ``Decimal``, ``bool``, text, or None when missing
    (the reason is in the value's ``missing`` field)."""
    if "number" in v:
        return Decimal(v["number"])
    if "bool" in v:
        flag: bool = v["bool"]
        return flag
    if "text" in v:
        text: str = v["text"]
        return text
    return None


def text(data: Union[str, Mapping[str, Any], Sequence[Any]]) -> str:
    """JSON text as given, or the JSON of Python data (dates and decimals as the core writes them)."""
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=_json_default)


def _json_default(x: Any) -> Any:
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, (_dt.datetime, _dt.date)):
        return time_text(x) if isinstance(x, _dt.datetime) else x.isoformat()
    raise TypeError(f"cannot write {type(x).__name__} as JSON")


def loads(text: str) -> Any:
    """The core's JSON as Python data."""
    return json.loads(text)
