"""Formulas ("công thức tính"): check, describe in words, evaluate on exact values."""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional

from chiso import _chiso
from chiso._convert import value_in
from chiso._types import Lang
from chiso.catalogue import Catalogue
from chiso.vocabulary import _DEFAULTS

__all__ = ["check_formula", "describe_formula", "run_formula", "run_formula_json"]


def _native(catalogue: Optional[Catalogue]) -> Optional[_chiso.Catalogue]:
    return catalogue._native if catalogue is not None else None


def run_formula_json(expression: str, values_json: str, catalogue: Optional[Catalogue] = None) -> str:
    """Checks, describes and evaluates a formula on values given as the core's JSON."""
    return _chiso.run_formula(expression, values_json, _native(catalogue))


def run_formula(
    expression: str, values: Optional[Mapping[str, Any]] = None, catalogue: Optional[Catalogue] = None
) -> Dict[str, Any]:
    """Checks, describes and evaluates ``expression``.

    ``values`` maps codes (and ``prev(code)``, ``last_year(code)``) to ``Decimal``, ``int``,
    ``bool``, ``str`` or ``None`` (missing). Without a catalogue the names and types come from
    the values.

    >>> run_formula("100 * a / b", {"a": 1, "b": 4})["value"]
    {'number': '25'}
    """
    payload = json.dumps({k: value_in(v, f"/{k}") for k, v in (values or {}).items()}, ensure_ascii=False)
    result: Dict[str, Any] = json.loads(run_formula_json(expression, payload, catalogue))
    return result


def check_formula(expression: str, catalogue: Optional[Catalogue] = None) -> Dict[str, Any]:
    """Every finding about ``expression`` against a catalogue (the embedded NQ57 one by default)."""
    result: Dict[str, Any] = json.loads(_chiso.check_formula(expression, _native(catalogue)))
    return result


def describe_formula(expression: str, lang: Lang = _DEFAULTS["lang"], catalogue: Optional[Catalogue] = None) -> str:
    """``expression`` in words, with indicator and data element names in place of codes."""
    return _chiso.describe_formula(expression, lang, _native(catalogue))
