"""The indicator catalogue ("bộ chỉ số"): load, validate, compare, list."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Union

from chiso import _chiso
from chiso._convert import text as _text
from chiso._types import Lang, Layer
from chiso.table import Table
from chiso.vocabulary import _DEFAULTS

__all__ = ["Catalogue", "catalogue_schema", "check_catalogue", "check_catalogue_json"]

_LISTED = ["code", "layer", "name", "unit", "cycle", "direction", "group", "status", "weight"]


class Catalogue:
    """A versioned indicator catalogue: indicators with their full passports.

    >>> nq57 = Catalogue.nq57()
    >>> nq57.indicator("A07")["unit"]["vi"]
    '% GDP'
    >>> len(nq57.indicators("a"))
    33
    """

    __slots__ = ("_native", "lang")

    def __init__(self, native: _chiso.Catalogue) -> None:
        self._native = native
        #: The language of listings and tables (``"vi"`` or ``"en"``).
        self.lang: Lang = _DEFAULTS["lang"]

    @classmethod
    def nq57(cls) -> Catalogue:
        """The embedded NQ57 catalogue (Layer A official; B and C illustrative)."""
        return cls(_chiso.Catalogue.nq57())

    @classmethod
    def from_json(cls, text: str) -> Catalogue:
        """Reads and validates a catalogue; raises ``CatalogueError`` listing every finding."""
        return cls(_chiso.Catalogue.from_json(text))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Catalogue:
        """Reads a catalogue from the dict ``json.loads`` would give."""
        return cls.from_json(_text(data))

    @classmethod
    def load(cls, source: Union[str, "os.PathLike[str]", Mapping[str, Any]]) -> Catalogue:
        """A catalogue from a file path, JSON text (anything starting with ``{``) or a dict."""
        if isinstance(source, Mapping):
            return cls.from_dict(source)
        if isinstance(source, str) and source.lstrip().startswith("{"):
            return cls.from_json(source)
        with open(source, encoding="utf-8") as f:
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

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the catalogue as JSON."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_json())

    def validate(self) -> List[Dict[str, Any]]:
        """Every finding (errors and warnings) about this catalogue."""
        findings: List[Dict[str, Any]] = json.loads(self._native.validate_json())["findings"]
        return findings

    def indicators(self, layer: Optional[Layer] = None) -> List[Dict[str, Any]]:
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

    def table(self, layer: Optional[Layer] = None) -> Table:
        """The listing: code, layer, name and unit (in :attr:`lang`), cycle, direction, group,
        status and weight (``Decimal``), one row per indicator."""
        rows = [
            {
                "code": i["code"],
                "layer": i["layer"].upper(),
                "name": i["name"][self.lang],
                "unit": i["unit"][self.lang],
                "cycle": i["cycle"],
                "direction": i.get("direction"),
                "group": i.get("group"),
                "status": i.get("status"),
                "weight": Decimal(i["weight"]) if "weight" in i else None,
            }
            for i in self.indicators(layer)
        ]
        title = f"{self.id} {self.version}"
        return Table(title, _LISTED, rows, self.lang)

    def to_pandas(self, layer: Optional[Layer] = None) -> Any:
        """The listing (:meth:`table`) as a DataFrame."""
        return self.table(layer).to_pandas()

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

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
