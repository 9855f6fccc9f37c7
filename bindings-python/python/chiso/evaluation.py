"""Scoring, composites, ranking and progress: the evaluation of a period and its building
blocks, with Python values in and out."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union, get_args

from chiso import _chiso
from chiso._convert import Number, decimal, decimal_text, value_in, value_out
from chiso._types import ExportFormat, GapKind, Lang, Method, MissingPolicy, RankingColumn, Ties
from chiso.catalogue import Catalogue
from chiso.table import Chart, Table
from chiso.vocabulary import _DEFAULTS

__all__ = ["Evaluation", "RankingTable", "combine", "progress", "rank", "score"]

# The core's ranking table: its columns, in order (held to the core by test_vocabulary.py).
_RANKING = list(get_args(RankingColumn))
_SCORES = [
    "unit",
    "indicator",
    "layer",
    "pillar",
    "period",
    "value",
    "origin",
    "fraction",
    "points",
    "weight",
    "progress",
    "off_track",
    "explained",
]
_PROGRESS = ["unit", "indicator", "period", "status", "ratio", "target_year", "baseline_period"]
_GAP_COLUMNS = ["missing", "no_evidence", "invalid", "late", "overdue"]
_QUALITY = ["unit", "quality", "completeness", "missing", "late", "overdue", "no_evidence", "invalid"]


class RankingTable(Table):
    """A peer group's ranking: one row per unit in rank order, ranks and scores as ``Decimal``.
    ``to_svg()`` draws it as the core's bar chart."""

    __slots__ = ("_evaluation", "peer_group")

    def __init__(self, evaluation: Evaluation, peer_group: str, rows: List[Dict[str, Any]], lang: Lang) -> None:
        super().__init__(peer_group, _RANKING, rows, lang)
        self._evaluation = evaluation
        self.peer_group = peer_group

    def chart(self, lang: Optional[Lang] = None) -> Chart:
        """The bar chart (Jupyter shows it inline)."""
        return Chart(self.to_svg(lang), f"ranking {self.peer_group}")

    def to_svg(self, lang: Optional[Lang] = None) -> str:
        """The ranking as an SVG bar chart, bars coloured by band."""
        return self._evaluation._native.ranking_svg(self.peer_group, lang or self.lang)


class Evaluation:
    """The result of :meth:`Reporting.evaluate`, held natively: tables for pandas, the report,
    the exports and the charts are made from it on demand."""

    __slots__ = ("_catalogue", "_data", "_native")

    def __init__(self, native: _chiso.Evaluation, catalogue: Catalogue) -> None:
        self._native = native
        self._catalogue = catalogue
        self._data: Optional[Dict[str, Any]] = None

    @classmethod
    def from_json(cls, text: str, catalogue: Optional[Catalogue] = None) -> Evaluation:
        """An evaluation read back from its JSON (names come from ``catalogue``, NQ57 by default)."""
        return cls(_chiso.Evaluation.from_json(text), catalogue or Catalogue.nq57())

    @property
    def lang(self) -> Lang:
        return self._catalogue.lang

    @property
    def period(self) -> str:
        return self._native.period

    @property
    def data(self) -> Dict[str, Any]:
        """The evaluation as the core's JSON data (decimals as text, exactly as published)."""
        if self._data is None:
            self._data = json.loads(self._native.to_json())
        return self._data

    def to_json(self) -> str:
        """The evaluation as the core's JSON text, with lineage."""
        return self._native.to_json()

    def peer_groups(self) -> List[str]:
        """The peer groups ranked."""
        return self._native.peer_groups()

    def ranking(self, peer_group: Optional[str] = None) -> RankingTable:
        """One peer group's ranking (the first group when none is named); ``KeyError`` for a group
        the evaluation does not have."""
        groups = self.peer_groups()
        name = groups[0] if peer_group is None and groups else peer_group
        if name not in groups:
            raise KeyError(f"no peer group {peer_group!r} in this evaluation")
        rows = [row for row in self._ranking_rows() if row["peer_group"] == name]
        return RankingTable(self, str(name), rows, self.lang)

    def _ranking_rows(self) -> List[Dict[str, Any]]:
        """The core's ranking table, every peer group's rows, numbers as ``Decimal``."""
        table = json.loads(self._native.ranking_table_json(self.lang))
        columns = [(c["key"], c["number"]) for c in table["columns"]]
        return [
            {key: decimal(cell) if number else cell for (key, number), cell in zip(columns, row)}
            for row in table["rows"]
        ]

    def rankings(self) -> Table:
        """Every peer group's ranking in one table."""
        return Table(f"rankings {self.period}", _RANKING, self._ranking_rows(), self.lang)

    def unit(self, unit: str) -> Dict[str, Any]:
        """One unit's result as the core's data: score, layers, pillars, indicators with lineage,
        quality; ``KeyError`` for a unit not evaluated."""
        for u in self.data["units"]:
            if u["unit"] == unit:
                result: Dict[str, Any] = u
                return result
        raise KeyError(f"unit {unit!r} was not evaluated")

    def units(self) -> Table:
        """One row per unit: its total and layer scores, rank and band, data quality."""
        layers = sorted({n["layer"] for u in self.data["units"] for n in u["layers"]})
        places = {r["unit"]: r for g in self.data["rankings"] for r in g["rows"]}
        rows = []
        for u in self.data["units"]:
            place = places.get(u["unit"], {})
            quality = u.get("quality") or {}
            row = {
                "unit": u["unit"],
                "name": u["name"][self.lang],
                "parent": u.get("parent"),
                "peer_group": u.get("peer_group"),
                "score": decimal(u.get("score")),
                "rank": decimal(place.get("rank")),
                "band": place.get("band", {}).get("number") if place.get("band") else None,
                "quality": decimal(quality.get("score")),
                "completeness": decimal(quality.get("completeness")),
            }
            for n in u["layers"]:
                row[f"layer_{n['layer']}"] = decimal(n.get("score"))
            rows.append(row)
        columns = ["unit", "name", "parent", "peer_group", "score"] + [f"layer_{x}" for x in layers]
        columns += ["rank", "band", "quality", "completeness"]
        return Table(f"units {self.period}", columns, rows, self.lang)

    def scores(self) -> Table:
        """One row per unit and indicator: the value scored (``Decimal``, ``bool``, text or
        ``None``), where it came from, the fraction and points earned, progress and off-track."""
        rows = [
            {
                "unit": u["unit"],
                "indicator": i["indicator"],
                "layer": i["layer"],
                "pillar": i["pillar"],
                "period": i["period"],
                "value": value_out(i["value"]),
                "origin": i["origin"],
                "fraction": decimal(i.get("fraction")),
                "points": decimal(i.get("points")),
                "weight": decimal(i.get("weight")),
                "progress": i["progress"]["status"],
                "off_track": "off_track" in i,
                "explained": "explanation" in i,
            }
            for u in self.data["units"]
            for i in u["indicators"]
        ]
        return Table(f"scores {self.period}", _SCORES, rows, self.lang)

    def progress(self) -> Table:
        """One row per unit and indicator: the progress status towards the scheme's year (by
        default each indicator's next milestone), the ratio of the pace achieved to the pace
        needed, and the year of the target judged against."""
        rows = [
            {
                "unit": u["unit"],
                "indicator": i["indicator"],
                "period": i["period"],
                "status": i["progress"]["status"],
                "ratio": decimal(i["progress"].get("ratio")),
                "target_year": (i["progress"].get("target") or {}).get("year"),
                "baseline_period": i.get("baseline_period"),
            }
            for u in self.data["units"]
            for i in u["indicators"]
        ]
        return Table(f"progress {self.period}", _PROGRESS, rows, self.lang)

    def quality(self) -> Table:
        """One row per unit: the data-quality score and completeness, and its gaps by kind."""
        # The gap kinds' codes are the core's (``GapKind``, held to it by test_vocabulary.py),
        # in its order; the columns only name them.
        kinds = dict(zip(_GAP_COLUMNS, get_args(GapKind)))
        rows = []
        for u in self.data["units"]:
            q = u.get("quality") or {}
            gaps = [g["code"] for g in q.get("gaps", [])]
            row: Dict[str, Any] = {"unit": u["unit"], "quality": decimal(q.get("score")),
                                   "completeness": decimal(q.get("completeness"))}
            row.update({k: gaps.count(code) for k, code in kinds.items()})
            rows.append(row)
        return Table(f"quality {self.period}", _QUALITY, rows, self.lang)

    def profile(self, unit: str, lang: Optional[Lang] = None) -> Chart:
        """One unit's profile chart: total, layers and pillars against its peer group's median."""
        return Chart(self._native.profile_svg(unit, lang or self.lang), f"profile {unit}")

    def report(self) -> Dict[str, Any]:
        """The structured summary and the national narrative (sentences in both languages, each
        with the ids of the numbers it states)."""
        result: Dict[str, Any] = json.loads(self._native.report_json(self._catalogue._native))
        return result

    def narrative(self, lang: Lang = _DEFAULTS["lang"], unit: Optional[str] = None) -> str:
        """The narrative as Markdown: national, or one unit's with its sub-units' sections merged in."""
        return self._native.narrative(self._catalogue._native, lang, unit)

    def export(self, format: ExportFormat, lang: Lang = _DEFAULTS["lang"]) -> str:
        """The ranking tables as ``csv``, ``sdmx_csv``, ``json`` or ``html`` (in ``lang``)."""
        return self._native.export(format, lang)

    def _repr_html_(self) -> str:
        return "".join(self.ranking(g)._repr_html_() for g in self.peer_groups())

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return f"<chiso.Evaluation {self.period}: {len(self)} units>"


def score(
    indicator: str,
    value: Any,
    year: int,
    rule: Optional[Mapping[str, Any]] = None,
    peers: Optional[Sequence[Number]] = None,
    catalogue: Optional[Catalogue] = None,
) -> Optional[Decimal]:
    """The fraction 0–1 ``value`` earns on ``indicator`` in ``year`` (None when it cannot be scored),
    by the indicator's own rule unless ``rule`` is given; ``peers`` for min–max and z-score.

    >>> score("B05", Decimal("68"), 2026)
    Decimal('0.8')
    """
    request: Dict[str, Any] = {"indicator": indicator, "value": value_in(value, "/value"), "year": year}
    if rule is not None:
        request["rule"] = rule
    if peers is not None:
        request["peers"] = [decimal_text(p) for p in peers]
    native = (catalogue or Catalogue.nq57())._native
    out = json.loads(_chiso.score_json(native, json.dumps(request)))
    return decimal(out["fraction"])


def combine(
    parts: Sequence[Mapping[str, Any]],
    method: Method = _DEFAULTS["method"],
    missing: MissingPolicy = _DEFAULTS["missing_policy"],
    round_to: Optional[int] = None,
) -> Optional[Decimal]:
    """A composite of ``parts`` (each ``{"weight", "points", "fraction"}``, fraction None when
    missing) by ``weighted_mean``, ``geometric_mean`` or ``points`` (the DTI form).

    >>> combine([{"fraction": Decimal("0.5")}, {"fraction": Decimal("1")}])
    Decimal('0.75')
    """
    request = {
        "method": method,
        "missing": missing,
        "round_to": round_to,
        "parts": [{k: decimal_text(v) for k, v in p.items() if v is not None} for p in parts],
    }
    out = json.loads(_chiso.combine_json(json.dumps(request)))
    return decimal(out["fraction"])


def rank(
    scores: Mapping[str, Optional[Number]],
    ties: Ties = _DEFAULTS["ranking"]["ties"],
    round_to: Optional[int] = _DEFAULTS["ranking"]["round_to"],
) -> List[Dict[str, Any]]:
    """Ranks units by score (higher is better) under a tie policy, on scores rounded half up to
    ``round_to`` places first (None ranks on the exact scores). Ranks and scores are ``Decimal``
    (an average rank may be 2.5).

    >>> [(r["unit"], r["rank"]) for r in rank({"A": Decimal("0.7"), "B": Decimal("0.9")})]
    [('B', Decimal('1')), ('A', Decimal('2'))]
    """
    request = {
        "scores": [{"unit": u, "score": decimal_text(s)} for u, s in scores.items()],
        "rule": {"ties": ties, "round_to": round_to},
    }
    rows: List[Dict[str, Any]] = json.loads(_chiso.rank_json(json.dumps(request)))
    return [dict(r, rank=decimal(r.get("rank")), score=decimal(r.get("score"))) for r in rows]


def progress(
    target: Mapping[str, Any], baseline: Tuple[str, Number], latest: Tuple[str, Number]
) -> Dict[str, Any]:
    """Progress towards ``target`` (a catalogue target) from ``baseline`` to ``latest``, each a
    ``(period, value)`` pair: ``{"status", "ratio"}``, the ratio a ``Decimal``.

    >>> target = {"comparator": ">=", "value": "80", "scope": "national", "year": 2030}
    >>> progress(target, ("2025", 40), ("2026", 45))
    {'status': 'needs_acceleration', 'ratio': Decimal('0.6250')}
    """
    request = {
        "target": target,
        "baseline": {"period": baseline[0], "value": decimal_text(baseline[1])},
        "latest": {"period": latest[0], "value": decimal_text(latest[1])},
    }
    result: Dict[str, Any] = json.loads(_chiso.progress_json(json.dumps(request)))
    result["ratio"] = decimal(result.get("ratio"))
    return result



