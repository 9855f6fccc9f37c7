"""chiso — chỉ số: Vietnam's Resolution 57-NQ/TW indicator set, computed the same way everywhere.

A thin layer over the native module ``chiso._chiso``: the rules live in the Rust core; this
package turns the core's JSON into Python objects.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from chiso import _chiso
from chiso._chiso import ArgumentError, CatalogueError, ChisoError, FormulaError, PeriodError

__version__: str = _chiso.__version__

__all__ = [
    "ArgumentError",
    "Catalogue",
    "CatalogueError",
    "ChisoError",
    "FormulaError",
    "PeriodError",
    "check_catalogue",
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
