"""chiso — chỉ số: Vietnam's Resolution 57-NQ/TW indicator set, computed the same way everywhere.

A thin, typed layer over the native module ``chiso._chiso``: the rules live in the Rust core;
this package turns Python values (``Decimal``, ``datetime``, pandas DataFrames) into the core's
shapes and the core's results into Python values, tables and charts.

>>> import chiso
>>> nq57 = chiso.Catalogue.nq57()
>>> chiso.score("B05", Decimal("68"), 2026, catalogue=nq57)
Decimal('0.8')

Every error is a :class:`ChisoError` (a ``ValueError``) with ``code``, ``path``,
``message_vi``, ``message_en`` and ``findings``; its subclass names the category:
:class:`CatalogueError`, :class:`FormulaError`, :class:`PeriodError`, :class:`DataError`
(input that cannot be read), :class:`LedgerError`, :class:`PolicyError`, :class:`StoreError`,
:class:`ArgumentError`, and :class:`InternalError` (a bug, never a crash).
"""

from __future__ import annotations

from decimal import Decimal  # noqa: F401  (used in the doctest)

from chiso import _chiso
from chiso._chiso import (
    ArgumentError,
    CatalogueError,
    ChisoError,
    DataError,
    FormulaError,
    InternalError,
    LedgerError,
    PeriodError,
    PolicyError,
    StoreError,
)
from chiso._types import ExportFormat, Lang, Layer, Method, MissingPolicy, ProgressStatus, Ties
from chiso.catalogue import Catalogue, catalogue_schema, check_catalogue, check_catalogue_json
from chiso.evaluation import Evaluation, RankingTable, combine, progress, rank, score
from chiso.form import check_field, check_field_json
from chiso.formula import check_formula, describe_formula, run_formula, run_formula_json
from chiso.ledger import Ledger
from chiso.period import describe_period, describe_period_json, parse_period
from chiso.reporting import QualityReport, Reporting
from chiso.store import Store
from chiso.table import Chart, Table
from chiso.vocabulary import label, vocabulary

__version__: str = _chiso.__version__

__all__ = [
    "ArgumentError",
    "Catalogue",
    "CatalogueError",
    "Chart",
    "ChisoError",
    "DataError",
    "Evaluation",
    "ExportFormat",
    "FormulaError",
    "InternalError",
    "Lang",
    "Layer",
    "Ledger",
    "LedgerError",
    "Method",
    "MissingPolicy",
    "PeriodError",
    "PolicyError",
    "ProgressStatus",
    "QualityReport",
    "RankingTable",
    "Reporting",
    "Store",
    "StoreError",
    "Table",
    "Ties",
    "__version__",
    "catalogue_schema",
    "check_catalogue",
    "check_catalogue_json",
    "check_field",
    "check_field_json",
    "check_formula",
    "combine",
    "describe_formula",
    "describe_period",
    "describe_period_json",
    "label",
    "parse_period",
    "progress",
    "rank",
    "run_formula",
    "run_formula_json",
    "score",
    "vocabulary",
]
