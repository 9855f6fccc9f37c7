"""chiso — chỉ số: Vietnam's Resolution 57-NQ/TW indicator set, computed the same way everywhere.

A thin layer over the native module ``chiso._chiso``: the rules live in the Rust core; this
package turns the core's JSON into Python objects.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from chiso import _chiso
from chiso._chiso import ArgumentError, CatalogueError, ChisoError, FormulaError, LedgerError, PeriodError, PolicyError

__version__: str = _chiso.__version__

__all__ = [
    "ArgumentError",
    "Catalogue",
    "CatalogueError",
    "ChisoError",
    "FormulaError",
    "Ledger",
    "LedgerError",
    "PeriodError",
    "PolicyError",
    "Evaluation",
    "Reporting",
    "combine",
    "progress",
    "rank",
    "score",
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


def _text(data: Union[str, Mapping[str, Any], Sequence[Any]]) -> str:
    """JSON text as given, or the JSON of Python data."""
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)


class Ledger:
    """The append-only, hash-chained ledger of submissions and decisions ("sổ cái").

    >>> ledger = Ledger()
    >>> entry = ledger.append({"kind": "submit", "submission": {"unit": "DN", "item": "B01",
    ...     "period": "2026-05", "value": {"number": "87.5"}, "source": {"kind": "form"},
    ...     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}})
    >>> entry["sequence"], ledger.verify()["valid"]
    (1, True)
    """

    __slots__ = ("_native",)

    def __init__(self, native: Optional[_chiso.Ledger] = None) -> None:
        self._native = native if native is not None else _chiso.Ledger()

    @classmethod
    def from_jsonl(cls, text: str) -> Ledger:
        """Reads JSON Lines; raises ``ArgumentError`` naming every bad line. Verify before trusting it."""
        return cls(_chiso.Ledger.from_jsonl(text))

    @classmethod
    def load(cls, path: str) -> Ledger:
        """Reads a JSON Lines file (UTF-8)."""
        with open(path, encoding="utf-8") as f:
            return cls.from_jsonl(f.read())

    def save(self, path: str) -> None:
        """Writes the ledger as JSON Lines."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_jsonl())

    def append(self, action: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Appends an action without organisation rules (see :meth:`Reporting.append`); returns the entry.

        Raises ``LedgerError`` (a malformed evidence hash, a decision on a decided revision) and
        leaves the ledger unchanged.
        """
        result: Dict[str, Any] = json.loads(self._native.append_json(_text(action)))
        return result

    def verify(self, head: Optional[str] = None) -> Dict[str, Any]:
        """Checks the chain: ``valid``, ``entries``, ``head`` and the ``first_problem`` found."""
        result: Dict[str, Any] = json.loads(self._native.verify_json(head))
        return result

    def snapshot(self, period: str, as_of: Optional[str] = None) -> List[Dict[str, Any]]:
        """The values in force for ``period``, with the revision and evidence each came from."""
        result: List[Dict[str, Any]] = json.loads(self._native.snapshot_json(period, as_of))
        return result

    def status(self, sequence: int) -> Optional[str]:
        """``"submitted"``, ``"approved"`` or ``"returned"`` for a submission's sequence number."""
        return self._native.status(sequence)

    @property
    def head(self) -> str:
        """The hash of the last entry: publish it to make later rewriting detectable."""
        return self._native.head

    def to_jsonl(self) -> str:
        return self._native.to_jsonl()

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return repr(self._native)


class Reporting:
    """What a reporting round is checked against: the catalogue, the organisation tree, the
    assignments and the reporting calendar. Appends under the rules, answers access questions
    and makes the data-quality report ("đúng, đủ, sạch, sống").

    ``org``, ``assignments`` and ``calendar`` are JSON text or the equivalent Python data.
    """

    __slots__ = ("_native", "_catalogue")

    def __init__(
        self,
        catalogue: Catalogue,
        org: Union[str, Mapping[str, Any]],
        assignments: Union[str, Sequence[Mapping[str, Any]]],
        calendar: Union[None, str, Mapping[str, Any]] = None,
    ) -> None:
        calendar_json = _text(calendar) if calendar is not None else None
        self._native = _chiso.Reporting(catalogue._native, _text(org), _text(assignments), calendar_json)
        self._catalogue = catalogue

    def append(self, ledger: Ledger, actor: str, action: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
        """Appends for ``actor`` if the rules allow it; raises ``LedgerError`` or ``PolicyError``
        (with ``code``, ``message_vi``, ``message_en``) and leaves the ledger unchanged."""
        result: Dict[str, Any] = json.loads(self._native.append_json(ledger._native, actor, _text(action)))
        return result

    def refusal(self, actor: str, request: Union[str, Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
        """None if ``actor`` may make ``request`` (such as ``{"action": "read", "unit": "DN"}``);
        otherwise the reason, with ``message_vi`` and ``message_en``."""
        text = self._native.policy_json(actor, _text(request))
        if text is None:
            return None
        result: Dict[str, Any] = json.loads(text)
        return result

    def may(self, actor: str, request: Union[str, Mapping[str, Any]]) -> bool:
        """Whether ``actor`` may make ``request``."""
        return self.refusal(actor, request) is None

    def quality_json(self, ledger: Ledger, unit: str, period: str, as_of: str) -> str:
        """:meth:`quality` as the core's JSON text (byte-identical in every binding)."""
        return self._native.quality_json(ledger._native, unit, period, as_of)

    def quality(self, ledger: Ledger, unit: str, period: str, as_of: str) -> Dict[str, Any]:
        """The data-quality report of ``unit`` for ``period`` as of ``as_of`` (``YYYY-MM-DDTHH:MM:SS``):
        completeness, the 0–100 score, each dimension's points, every item and every finding."""
        result: Dict[str, Any] = json.loads(self.quality_json(ledger, unit, period, as_of))
        return result

    def evaluate_json(
        self, ledger: Ledger, period: str, as_of: str, scheme: Union[None, str, Mapping[str, Any]] = None
    ) -> str:
        """:meth:`evaluate` as the core's JSON text (byte-identical in every binding)."""
        scheme_json = _text(scheme) if scheme is not None else None
        return self._native.evaluate_json(ledger._native, period, as_of, scheme_json)

    def evaluate(
        self, ledger: Ledger, period: str, as_of: str, scheme: Union[None, str, Mapping[str, Any]] = None
    ) -> "Evaluation":
        """Evaluates ``period`` from the revisions approved by ``as_of``: every unit's indicators
        valued, scored, combined and ranked in its peer group, with progress, data quality and rank
        stability. ``scheme`` (JSON text or data) declares the method; the default otherwise."""
        return Evaluation(self.evaluate_json(ledger, period, as_of, scheme), self._catalogue)


class Evaluation:
    """The result of :meth:`Reporting.evaluate`: ``data`` is the evaluation as Python data (decimals
    as strings, exactly as the core writes them); the methods give the report and the exports."""

    __slots__ = ("_json", "_catalogue", "data")

    def __init__(self, text: str, catalogue: "Catalogue") -> None:
        self._json = text
        self._catalogue = catalogue
        self.data: Dict[str, Any] = json.loads(text)

    def to_json(self) -> str:
        """The evaluation as the core's JSON text, with lineage."""
        return self._json

    def ranking(self, peer_group: Optional[str] = None) -> List[Dict[str, Any]]:
        """The rows of one peer group's ranking (the first group when none is named); ``KeyError``
        for a group the evaluation does not have."""
        for group in self.data["rankings"]:
            if peer_group is None or group["peer_group"] == peer_group:
                rows: List[Dict[str, Any]] = group["rows"]
                return rows
        raise KeyError(f"no peer group {peer_group!r} in this evaluation")

    def unit(self, unit: str) -> Dict[str, Any]:
        """One unit's result: score, layers, pillars, indicators with lineage, quality; ``KeyError``
        for a unit not evaluated."""
        for u in self.data["units"]:
            if u["unit"] == unit:
                result: Dict[str, Any] = u
                return result
        raise KeyError(f"unit {unit!r} was not evaluated")

    def report(self) -> Dict[str, Any]:
        """The structured summary and the national narrative (sentences in both languages, each
        with the ids of the numbers it states)."""
        result: Dict[str, Any] = json.loads(_chiso.report_json(self._json, self._catalogue._native))
        return result

    def narrative(self, lang: str = "vi", unit: Optional[str] = None) -> str:
        """The narrative as Markdown: national, or one unit's with its sub-units' sections merged in."""
        return _chiso.narrative(self._json, self._catalogue._native, lang, unit)

    def export(self, format: str, lang: str = "vi") -> str:
        """The ranking tables as ``csv``, ``sdmx_csv``, ``json`` or ``html`` (in ``lang``)."""
        return _chiso.export_ranking(self._json, format, lang)

    def __repr__(self) -> str:
        return f"<chiso.Evaluation {self.data['period']}: {len(self.data['units'])} units>"


def _decimal_text(x: Union[None, str, int, Decimal]) -> Optional[str]:
    return None if x is None else str(x)


def score(
    indicator: str,
    value: Any,
    year: int,
    rule: Optional[Mapping[str, Any]] = None,
    peers: Optional[Sequence[Union[str, int, Decimal]]] = None,
    catalogue: Optional["Catalogue"] = None,
) -> Optional[Decimal]:
    """The fraction 0–1 ``value`` earns on ``indicator`` in ``year`` (None when it cannot be scored),
    by the indicator's own rule unless ``rule`` is given; ``peers`` for min–max and z-score."""
    request: Dict[str, Any] = {"indicator": indicator, "value": _value(value), "year": year}
    if rule is not None:
        request["rule"] = rule
    if peers is not None:
        request["peers"] = [str(p) for p in peers]
    native = (catalogue or Catalogue.nq57())._native
    out = json.loads(_chiso.score_json(native, json.dumps(request)))
    return None if out["fraction"] is None else Decimal(out["fraction"])


def combine(
    parts: Sequence[Mapping[str, Any]], method: str = "weighted_mean", missing: str = "zero", round_to: Optional[int] = None
) -> Optional[Decimal]:
    """A composite of ``parts`` (each ``{"weight", "points", "fraction"}``, fraction None when
    missing) by ``weighted_mean``, ``geometric_mean`` or ``points`` (the DTI form)."""
    request = {
        "method": method,
        "missing": missing,
        "round_to": round_to,
        "parts": [{k: _decimal_text(v) for k, v in p.items() if v is not None} for p in parts],
    }
    out = json.loads(_chiso.combine_json(json.dumps(request)))
    return None if out["fraction"] is None else Decimal(out["fraction"])


def rank(
    scores: Mapping[str, Union[None, str, Decimal]], ties: str = "competition", round_to: Optional[int] = 4
) -> List[Dict[str, Any]]:
    """Ranks units by score (higher is better) under a tie policy, on scores rounded half up to
    ``round_to`` places first (None ranks on the exact scores)."""
    request = {
        "scores": [{"unit": u, "score": _decimal_text(s)} for u, s in scores.items()],
        "rule": {"ties": ties, "round_to": round_to},
    }
    rows: List[Dict[str, Any]] = json.loads(_chiso.rank_json(json.dumps(request)))
    return rows


def progress(target: Mapping[str, Any], baseline: Sequence[Any], latest: Sequence[Any]) -> Dict[str, Any]:
    """Progress towards ``target`` (a catalogue target) from ``baseline`` to ``latest``, each a
    ``(period, value)`` pair: ``{"status", "ratio"}`` (on_track, needs_acceleration, ...)."""
    request = {
        "target": target,
        "baseline": {"period": baseline[0], "value": str(baseline[1])},
        "latest": {"period": latest[0], "value": str(latest[1])},
    }
    result: Dict[str, Any] = json.loads(_chiso.progress_json(json.dumps(request)))
    return result
