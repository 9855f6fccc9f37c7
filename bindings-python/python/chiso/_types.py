"""The string literals chiso's enums cross as (checked by the core; listed here for type checkers)."""

from __future__ import annotations

from typing import Literal

__all__ = [
    "ExportFormat",
    "Lang",
    "Layer",
    "Method",
    "MissingPolicy",
    "ProgressStatus",
    "Ties",
]

#: The two languages of every message and report.
Lang = Literal["vi", "en"]
#: A layer of the indicator set: A central steering, B management, C in-depth by field.
Layer = Literal["a", "b", "c"]
#: How a composite combines its parts.
Method = Literal["weighted_mean", "geometric_mean", "points"]
#: What a missing value costs in a composite.
MissingPolicy = Literal["zero", "rescale", "last_value"]
#: How tied scores are ranked.
Ties = Literal["competition", "dense", "average", "ordinal"]
#: The ranking exports.
ExportFormat = Literal["csv", "sdmx_csv", "json", "html"]
#: Progress towards a target (the Open SDG statuses).
ProgressStatus = Literal["on_track", "needs_acceleration", "limited_progress", "deterioration", "cannot_assess"]
