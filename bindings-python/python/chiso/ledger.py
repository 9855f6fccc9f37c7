"""The ledger ("sổ cái"): every submitted value and decision, append-only and hash-chained."""

from __future__ import annotations

import json
from decimal import Decimal  # noqa: F401  (used in the doctest)
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from chiso import _chiso
from chiso._convert import Time, datetime_of, time_text, value_out
from chiso._convert import text as _text
from chiso.observations import columns_of
from chiso.table import Table
from chiso.vocabulary import _DEFAULTS

__all__ = ["Ledger"]

_SNAPSHOT = ["unit", "item", "period", "value", "revision", "approved_at", "evidence"]


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
    def from_jsonl(cls, text: str, *, verified: bool = True, head: Optional[str] = None) -> Ledger:
        """Reads JSON Lines; raises ``DataError`` naming every bad line.

        The ledger is trusted only if its chain holds (and passes through ``head``, a head hash
        published earlier, when one is given): otherwise ``LedgerError`` (code
        ``ledger.tampered``) names the first entry found wrong, as the ``chiso`` program and the
        JavaScript package refuse it. ``verified=False`` reads a ledger to inspect it
        (:meth:`verify` says what is wrong), never to evaluate it.
        """
        if verified or head is not None:
            return cls(_chiso.Ledger.from_jsonl_verified(text, head))
        return cls(_chiso.Ledger.from_jsonl(text))

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"], *, head: Optional[str] = None) -> Ledger:
        """Reads a JSON Lines file (UTF-8), verified: its chain must hold and pass through
        ``head`` when one is given (``LedgerError`` otherwise). A ledger kept by a store (with its
        anchor, or in a database) is opened with :class:`chiso.Store` instead."""
        with open(path, encoding="utf-8") as f:
            return cls.from_jsonl(f.read(), verified=True, head=head)

    @classmethod
    def from_observations(
        cls,
        data: Union[Any, Sequence[Mapping[str, Any]]],
        *,
        by: str,
        at: Time,
        source: str = _DEFAULTS["source"],
        approve: bool = True,
    ) -> Ledger:
        """A new ledger holding a table of observations (see :meth:`import_observations`)."""
        ledger = cls()
        ledger.import_observations(data, by=by, at=at, source=source, approve=approve)
        return ledger

    def import_observations(
        self,
        data: Union[Any, Sequence[Mapping[str, Any]]],
        *,
        by: str,
        at: Time,
        source: str = _DEFAULTS["source"],
        approve: bool = True,
    ) -> int:
        """Appends a table of observations (a pandas DataFrame, or a list of dicts) with columns
        ``unit``, ``item``, ``period``, ``value`` and optionally ``submitted_at``,
        ``submitted_by``, ``source``, ``measure``, ``comment``, ``estimated``.

        Each row becomes a submission, approved at once by ``by`` at ``at`` when ``approve``: the
        importer vouches for data kept elsewhere (a statistics office's export, say). Rows without
        ``submitted_at`` / ``submitted_by`` / ``source`` take ``at`` / ``by`` / ``source``.
        The rows are recorded as batch entries whose hash commits to every row (a Merkle root,
        see ``docs/ledger-format.md``). Returns how many sequence numbers they took, one per row
        and one per approval, as if each were an entry; a bad cell raises ``DataError`` naming its row and
        column (``/17/period``) and nothing is appended. The GIL is released while the entries
        are hashed.

        >>> ledger = Ledger.from_observations(
        ...     [{"unit": "DN", "item": "B01", "period": "2026-05", "value": Decimal("87.5")}],
        ...     by="thong_ke", at="2026-06-10T08:00:00")
        >>> len(ledger), ledger.status(1)
        (2, 'approved')
        """
        columns, rows = columns_of(data)
        return self._native.import_columns(columns, rows, by, time_text(at, "at"), source, approve)

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the ledger as JSON Lines."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_jsonl())

    def append(self, action: Union[str, Mapping[str, Any]], *, recorded_at: Optional[Time] = None) -> Dict[str, Any]:
        """Appends an action without organisation rules (see :meth:`Reporting.append`); returns the entry.

        With ``recorded_at``, the entry is stamped at that time as a store's clock stamps it
        (format 2): lateness and "as of" are then judged from it, and no time the action claims
        may be later. A durable ledger is kept by :class:`chiso.Store`, which stamps from its own clock.

        Raises ``LedgerError`` (a malformed evidence hash, a decision on a decided revision or
        before its submission, a text too long to read back) and leaves the ledger unchanged.
        """
        recorded = time_text(recorded_at, "recorded_at") if recorded_at is not None else None
        result: Dict[str, Any] = json.loads(self._native.append_json(_text(action), recorded))
        return result

    def verify(self, head: Optional[str] = None) -> Dict[str, Any]:
        """Checks the chain: ``valid``, ``entries``, ``head`` and the ``first_problem`` found."""
        result: Dict[str, Any] = json.loads(self._native.verify_json(head))
        return result

    def snapshot(self, period: str, as_of: Optional[Time] = None) -> Table:
        """The values in force for ``period`` (as approvals stood at ``as_of``): one row per unit
        and item, the value as Python (``Decimal``, ``bool``, text, ``None`` when missing), with
        the revision, approval time and evidence it came from."""
        as_of_text = time_text(as_of) if as_of is not None else None
        rows = [
            {
                "unit": s["unit"],
                "item": s["item"],
                "period": s["period"],
                "value": value_out(s["value"]),
                "revision": s["revision"],
                "approved_at": datetime_of(s["approved_at"]),
                "evidence": s.get("evidence", []),
            }
            for s in json.loads(self._native.snapshot_json(period, as_of_text))
        ]
        return Table(f"snapshot {period}", _SNAPSHOT, rows)

    def status(self, sequence: int) -> Optional[str]:
        """``"submitted"``, ``"approved"`` or ``"returned"`` for a submission's sequence number."""
        return self._native.status(sequence)

    def assignments(self) -> Table:
        """The assignments made in the ledger and still in force (a withdrawal ends one early or
        removes it): the entry that made each (what a ``withdraw`` names), unit, item, role,
        focal officer, from, to, assigned by. With the assignments file, what the rules,
        quality checks and evaluations read."""
        columns = ["entry", "unit", "item", "role", "focal_officer", "from", "to", "assigned_by"]
        rows: List[Dict[str, Any]] = [
            {c: a.get(c) for c in columns} for a in json.loads(self._native.assignments_json())
        ]
        return Table("ledger assignments", columns, rows)

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
