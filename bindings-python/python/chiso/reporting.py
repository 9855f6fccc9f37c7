"""A reporting round's set-up: what appends, access checks, quality reports and evaluations
are checked against."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from chiso import _chiso
from chiso._convert import Time, date_of, datetime_of, decimal, time_text, value_out
from chiso._convert import text as _text
from chiso._types import Lang
from chiso.catalogue import Catalogue
from chiso.evaluation import Evaluation
from chiso.ledger import Ledger
from chiso.table import Table
from chiso.vocabulary import _DEFAULTS, written

__all__ = ["QualityReport", "Reporting"]

_FINDINGS = ["item", "code", "dimension", "severity", "period", "revision", "message"]
_ITEMS = ["item", "expected", "status", "revision", "value", "timeliness", "findings"]


class QualityReport(Dict[str, Any]):
    """A unit's data-quality report for a period ("đúng, đủ, sạch, sống"): a dict of the core's
    report with ``completeness``, ``score`` and each dimension's ``points`` as ``Decimal``,
    ``as_of`` a ``datetime`` and ``deadline`` a ``date``; its findings and items as tables."""

    lang: Lang = _DEFAULTS["lang"]

    def findings(self) -> Table:
        """Every finding: item, code, dimension, severity, period, revision and the message."""
        key = "message_vi" if self.lang == "vi" else "message_en"
        rows = [dict({k: f.get(k) for k in _FINDINGS[:-1]}, message=f.get(key)) for f in self["findings"]]
        return Table(f"{self['unit']} {self['period']}", _FINDINGS, rows, self.lang)

    def item_checks(self) -> Table:
        """Each item checked: expected or not, its status, revision, value and timeliness."""
        rows = [{k: i.get(k) for k in _ITEMS} for i in self["items"]]
        return Table(f"{self['unit']} {self['period']}", _ITEMS, rows, self.lang)

    def to_pandas(self) -> Any:
        """The findings as a DataFrame."""
        return self.findings().to_pandas()

    def _repr_html_(self) -> str:
        vi = self.lang == "vi"
        head = (
            f"<p><b>{'Chất lượng dữ liệu' if vi else 'Data quality'} {self['unit']} · {self['period']}</b>: "
            f"{'điểm' if vi else 'score'} {_show(self['score'], vi)}/100, "
            f"{'đầy đủ' if vi else 'complete'} {_show(self['completeness'], vi)}% "
            f"({self['reported']}/{self['expected']})</p>"
        )
        return head + self.findings()._repr_html_()


def _show(d: Optional[Decimal], vi: bool) -> str:
    return written(d, "vi" if vi else "en")


def _quality(report: Dict[str, Any]) -> QualityReport:
    out = QualityReport(report)
    out["completeness"] = decimal(report["completeness"])
    out["score"] = decimal(report["score"])
    out["as_of"] = datetime_of(report["as_of"])
    out["deadline"] = date_of(report["deadline"])
    out["dimensions"] = [dict(d, points=decimal(d.get("points"))) for d in report["dimensions"]]
    out["items"] = [dict(i, value=value_out(i["value"]) if i.get("value") else None) for i in report["items"]]
    return out


def _read(folder: Union[str, "os.PathLike[str]"], name: str) -> Optional[str]:
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


class Reporting:
    """What a reporting round is checked against: the catalogue, the organisation tree, the
    assignments and the reporting calendar. Appends under the rules, answers access questions,
    makes the data-quality report ("đúng, đủ, sạch, sống") and evaluates periods.

    ``org``, ``assignments`` and ``calendar`` are JSON text or the equivalent Python data.
    """

    __slots__ = ("_catalogue", "_native")

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

    @classmethod
    def load(cls, folder: Union[str, "os.PathLike[str]"], catalogue: Optional[Catalogue] = None) -> Reporting:
        """The set-up kept in a folder: ``org.json``, ``assignments.json`` and, if present,
        ``calendar.json`` (the layout of the bundled sample); the NQ57 catalogue by default."""
        org, assignments = _read(folder, "org.json"), _read(folder, "assignments.json")
        if org is None or assignments is None:
            raise FileNotFoundError(f"{folder} must hold org.json and assignments.json")
        return cls(catalogue or Catalogue.nq57(), org, assignments, _read(folder, "calendar.json"))

    @property
    def catalogue(self) -> Catalogue:
        return self._catalogue

    def org(self) -> Dict[str, Any]:
        """The organisation chart: units (with parents and kinds) and peer groups."""
        result: Dict[str, Any] = json.loads(self._native.org_json())
        return result

    def units(self) -> Table:
        """The units of the chart: id, name (in the catalogue's language), kind and parent."""
        lang = self._catalogue.lang
        rows = [
            {"unit": u["id"], "name": u["name"][lang], "kind": u["kind"], "parent": u.get("parent")}
            for u in self.org()["units"]
        ]
        return Table("units", ["unit", "name", "kind", "parent"], rows, lang)

    def assignments(self) -> Table:
        """The assignments as given: unit, item, role, focal officer, from, to, assigned by."""
        columns = ["unit", "item", "role", "focal_officer", "from", "to", "assigned_by"]
        rows: List[Dict[str, Any]] = [{c: a.get(c) for c in columns} for a in json.loads(self._native.assignments_json())]
        return Table("assignments", columns, rows, self._catalogue.lang)

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

    def quality_json(self, ledger: Ledger, unit: str, period: str, as_of: Time) -> str:
        """:meth:`quality` as the core's JSON text (byte-identical in every binding)."""
        return self._native.quality_json(ledger._native, unit, period, time_text(as_of))

    def quality(self, ledger: Ledger, unit: str, period: str, as_of: Time) -> QualityReport:
        """The data-quality report of ``unit`` for ``period`` as of ``as_of`` (a ``datetime``, or
        ``YYYY-MM-DDTHH:MM:SS``): completeness, the 0–100 score, each dimension's points, every
        item and every finding. Shown as a table in Jupyter."""
        report = _quality(json.loads(self.quality_json(ledger, unit, period, as_of)))
        report.lang = self._catalogue.lang
        return report

    def evaluate_json(
        self, ledger: Ledger, period: str, as_of: Time, scheme: Union[None, str, Mapping[str, Any]] = None
    ) -> str:
        """:meth:`evaluate` of a ledger as the core's JSON text (byte-identical in every binding)."""
        scheme_json = _text(scheme) if scheme is not None else None
        return self._native.evaluate_json(ledger._native, period, time_text(as_of), scheme_json)

    def evaluate(
        self,
        data: Union[Ledger, Any, Sequence[Mapping[str, Any]]],
        period: str,
        as_of: Time,
        scheme: Union[None, str, Mapping[str, Any]] = None,
        *,
        imported_by: str = _DEFAULTS["imported_by"],
    ) -> Evaluation:
        """Evaluates ``period`` as approvals stood at ``as_of``: every unit's indicators valued,
        scored, combined and ranked in its peer group, with progress, data quality and rank
        stability. The GIL is released meanwhile.

        ``data`` is a :class:`Ledger`, or a table of observations (a DataFrame or a list of dicts,
        see :meth:`Ledger.import_observations`) taken as approved by ``imported_by`` at ``as_of``.
        ``scheme`` (JSON text or data) declares the method; the default otherwise.
        """
        ledger = data if isinstance(data, Ledger) else Ledger.from_observations(data, by=imported_by, at=as_of)
        scheme_json = _text(scheme) if scheme is not None else None
        native = self._native.evaluate(ledger._native, period, time_text(as_of), scheme_json)
        return Evaluation(native, self._catalogue)

    def __repr__(self) -> str:
        return f"<chiso.Reporting {self._catalogue.id}: {len(self.org()['units'])} units>"
