"""The string literals chiso's enums cross as, for type checkers.

Each ``Literal`` spells the values of one enumeration of the core's vocabulary
(:func:`chiso.vocabulary`), in the core's order; ``VOCABULARY_NAMES`` says which. A test holds
every one to the core's list, so a value added or renamed in the core fails here first.
"""

from __future__ import annotations

from typing import Dict, Literal

__all__ = [
    "Bottleneck",
    "Cycle",
    "Direction",
    "ErrorCategory",
    "ExportFormat",
    "GapKind",
    "InvalidPolicy",
    "Lang",
    "Layer",
    "Method",
    "MissingPolicy",
    "Origin",
    "ProgressStatus",
    "QualityDimension",
    "RankingColumn",
    "Status",
    "Ties",
    "Timeliness",
    "UnitKind",
    "ValueType",
    "VOCABULARY_NAMES",
]

#: The two languages of every message and report.
Lang = Literal["vi", "en"]
#: A layer of the indicator set: A central steering, B management, C in-depth by field.
Layer = Literal["a", "b", "c"]
#: How often an item is reported.
Cycle = Literal["monthly", "quarterly", "half_yearly", "yearly"]
#: What kind of value an item holds.
ValueType = Literal["number", "percent", "ratio", "rank", "count", "yes_no", "text"]
#: Which way is better for an indicator.
Direction = Literal["higher_is_better", "lower_is_better", "inside_band"]
#: What kind of body a unit is.
UnitKind = Literal["central", "ministry", "province", "commune", "party_committee", "department", "other"]
#: Where a submitted value stands.
Status = Literal["submitted", "approved", "returned"]
#: Whether a value came in on time.
Timeliness = Literal["on_time", "late", "missing", "not_yet_due"]
#: The category of an off-track indicator's bottleneck.
Bottleneck = Literal["institutions", "finance", "human_resources", "infrastructure", "data", "coordination", "other"]
#: A dimension of data quality: correct, complete, clean, live.
QualityDimension = Literal["correct", "complete", "clean", "live"]
#: A kind of data gap (the quality finding's code).
GapKind = Literal["complete.missing", "correct.no_evidence", "correct.rule", "live.late", "live.overdue"]
#: How a composite combines its parts.
Method = Literal["weighted_mean", "geometric_mean", "points"]
#: What a missing value costs in a composite.
MissingPolicy = Literal["zero", "rescale", "last_value"]
#: What an evaluation does with a value failing an error-level rule.
InvalidPolicy = Literal["missing", "scored"]
#: How tied scores are ranked.
Ties = Literal["competition", "dense", "average", "ordinal"]
#: Where a scored value came from.
Origin = Literal["approved", "merged", "imputed", "missing"]
#: Progress towards a target (the Open SDG statuses).
ProgressStatus = Literal["on_track", "needs_acceleration", "limited_progress", "deterioration", "cannot_assess"]
#: The ranking exports.
ExportFormat = Literal["csv", "sdmx_csv", "json", "html"]

#: The columns of a ranking table, in order (``RankingTable``'s columns).
RankingColumn = Literal[
    "peer_group", "rank", "unit", "name", "score", "previous_rank", "movement", "band", "quality",
    "rank_min", "rank_median", "rank_max",
]

#: The kind of an error, which names the exception raised (``DataError`` for ``data``).
ErrorCategory = Literal["catalogue", "period", "formula", "data", "ledger", "policy", "argument", "store", "internal"]

#: Each ``Literal`` above by the name of the core's enumeration it spells.
VOCABULARY_NAMES: Dict[str, object] = {
    "lang": Lang,
    "layer": Layer,
    "cycle": Cycle,
    "value_type": ValueType,
    "direction": Direction,
    "unit_kind": UnitKind,
    "status": Status,
    "timeliness": Timeliness,
    "bottleneck": Bottleneck,
    "quality_dimension": QualityDimension,
    "gap_kind": GapKind,
    "method": Method,
    "missing_policy": MissingPolicy,
    "invalid_policy": InvalidPolicy,
    "ties": Ties,
    "origin": Origin,
    "progress_status": ProgressStatus,
    "export_format": ExportFormat,
    "ranking_column": RankingColumn,
    "error_category": ErrorCategory,
}
