"""chiso — chỉ số: Vietnam's Resolution 57-NQ/TW indicator set, computed the same way everywhere.

A thin layer over the native module ``chiso._chiso``: the rules live in the Rust core; this
package turns the core's JSON into Python objects.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional

from chiso import _chiso
from chiso._chiso import ArgumentError, CatalogueError, ChisoError, FormulaError, LedgerError, PeriodError, PolicyError

__version__: str = _chiso.__version__

__all__ = [
    "ArgumentError",
    "Catalogue",
    "CatalogueError",
    "ChisoError",
    "FormulaError",
    "LedgerError",
    "PeriodError",
    "PolicyError",
    "check_catalogue",
    "check_formula",
    "describe_formula",
    "describe_period",
    "describe_period_json",
    "parse_period",
    "run_formula",
    "run_formula_json",
    "check_catalogue_json",
    "catalogue_schema",
    "__version__",
]


class Catalogue:
    """A versioned indicator catalogue: indicators with their full passports.

    >>> nq57 = Catalogue.nq57()
    >>> nq57.indicator("A07")["unit"]["vi"]
    '% GDP'
    """

    __slots__ = ("_native",)

    def __init__(self, native: _chiso.Catalogue) -> None:
        self._native = native

    @classmethod
    def nq57(cls) -> Catalogue:
        """The embedded NQ57 catalogue (Layer A official; B and C illustrative)."""
        return cls(_chiso.Catalogue.nq57())

    @classmethod
    def from_json(cls, text: str) -> Catalogue:
        """Reads and validates a catalogue; raises ``CatalogueError`` listing every finding."""
        return cls(_chiso.Catalogue.from_json(text))

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Catalogue:
        """Reads a catalogue from the dict ``json.loads`` would give."""
        return cls.from_json(json.dumps(data, ensure_ascii=False))

    @classmethod
    def load(cls, path: str) -> Catalogue:
        """Reads a catalogue file (UTF-8 JSON)."""
        with open(path, encoding="utf-8") as f:
            return cls.from_json(f.read())

    @property
    def id(self) -> str:
        return self._native.id

    @property
    def version(self) -> str:
        return self._native.version

    def to_json(self) -> str:
        """The catalogue as JSON (decimals as strings)."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The catalogue as plain Python data."""
        result: Dict[str, Any] = json.loads(self._native.to_json())
        return result

    def validate(self) -> List[Dict[str, Any]]:
        """Every finding (errors and warnings) about this catalogue."""
        findings: List[Dict[str, Any]] = json.loads(self._native.validate_json())["findings"]
        return findings

    def indicators(self, layer: Optional[str] = None) -> List[Dict[str, Any]]:
        """The indicators, optionally of one layer (``"a"``, ``"b"`` or ``"c"``)."""
        result: List[Dict[str, Any]] = json.loads(self._native.indicators_json(layer))
        return result

    def indicator(self, code: str) -> Dict[str, Any]:
        """One indicator; raises ``CatalogueError`` for an unknown code."""
        result: Dict[str, Any] = json.loads(self._native.indicator_json(code))
        return result

    def diff(self, new: Catalogue) -> Dict[str, Any]:
        """What changed from this version to ``new``, field by field."""
        result: Dict[str, Any] = json.loads(_chiso.diff_catalogues(self._native, new._native))
        return result

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return repr(self._native)


def check_catalogue_json(text: str) -> str:
    """Checks catalogue JSON; returns the core's report as JSON text (byte-identical in every binding)."""
    return _chiso.check_catalogue(text)


def check_catalogue(text: str) -> Dict[str, Any]:
    """Checks catalogue JSON and returns the report: ``valid``, counts and every finding."""
    result: Dict[str, Any] = json.loads(_chiso.check_catalogue(text))
    return result


def catalogue_schema() -> Dict[str, Any]:
    """The JSON Schema of the catalogue format."""
    result: Dict[str, Any] = json.loads(_chiso.catalogue_schema())
    return result


def _value(x: Any) -> Dict[str, Any]:
    """A Python value in the core's value shape: numbers as decimal strings, never floats."""
    if isinstance(x, dict):
        return x  # already the core's shape, such as {"missing": "not_applicable"}
    if x is None:
        return {"missing": "no_data"}
    if isinstance(x, bool):
        return {"bool": x}
    if isinstance(x, (int, Decimal)):
        return {"number": str(x)}
    if isinstance(x, float):
        raise TypeError("chiso takes exact numbers: pass a decimal.Decimal or a str, not a float")
    if isinstance(x, str):
        return {"text": x}
    raise TypeError(f"cannot use {type(x).__name__} as a chiso value")


def run_formula_json(expression: str, values_json: str, catalogue: Optional[Catalogue] = None) -> str:
    """Checks, describes and evaluates a formula on values given as the core's JSON."""
    native = catalogue._native if catalogue is not None else None
    return _chiso.run_formula(expression, values_json, native)


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
    payload = json.dumps({k: _value(v) for k, v in (values or {}).items()}, ensure_ascii=False)
    result: Dict[str, Any] = json.loads(run_formula_json(expression, payload, catalogue))
    return result


def check_formula(expression: str, catalogue: Optional[Catalogue] = None) -> Dict[str, Any]:
    """Every finding about ``expression`` against a catalogue (the embedded NQ57 one by default)."""
    native = catalogue._native if catalogue is not None else None
    result: Dict[str, Any] = json.loads(_chiso.check_formula(expression, native))
    return result


def describe_formula(expression: str, lang: str = "vi", catalogue: Optional[Catalogue] = None) -> str:
    """``expression`` in words, with indicator and data element names in place of codes."""
    native = catalogue._native if catalogue is not None else None
    return _chiso.describe_formula(expression, lang, native)


def parse_period(text: str) -> str:
    """The period in canonical form: ``parse_period("2026Q2") == "2026-Q2"``."""
    return _chiso.parse_period(text)


def describe_period_json(text: str, calendar_json: Optional[str] = None) -> str:
    """:func:`describe_period` as the core's JSON text."""
    return _chiso.describe_period(text, calendar_json)


def describe_period(text: str, calendar: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Dates, months, parents, neighbours and deadline of a period.

    ``calendar`` is a reporting calendar such as
    ``{"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5, "holidays": ["2026-09-02"]}``;
    by default the cut-off calendar of Nghị định 09/2019 with five working days to report.
    """
    calendar_json = json.dumps(calendar) if calendar is not None else None
    result: Dict[str, Any] = json.loads(describe_period_json(text, calendar_json))
    return result
