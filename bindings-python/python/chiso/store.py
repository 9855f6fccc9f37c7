"""Durable ledgers ("sổ cái" kept on disk or in a database): the same stores the CLI and the
portals use, so a notebook appends exactly as they do."""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Union

from chiso import _chiso
from chiso._convert import text as _text
from chiso.ledger import Ledger
from chiso.reporting import Reporting

__all__ = ["Store"]


class Store:
    """A ledger kept durably: a JSON Lines file (``"so_cai.jsonl"``), an SQLite database
    (``"sqlite:so_cai.db"``) or PostgreSQL (``"postgres://user@host/db"``).

    Opening reads the whole ledger and verifies it against its anchor (the last acknowledged
    head): a ledger cut or emptied behind the store's back raises ``StoreError``, an edited one
    ``LedgerError``. Each append takes the store's lock, stamps the entry with the store's own
    clock (``recorded_at``), and returns only once the entry is durable.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> store = Store(os.path.join(folder, "so_cai.jsonl"))
    >>> entry = store.append({"kind": "submit", "submission": {"unit": "DN", "item": "B01",
    ...     "period": "2026-05", "value": {"number": "87.5"}, "source": {"kind": "form"},
    ...     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}})
    >>> entry["sequence"], entry["format"], store.anchor == {"sequence": 1, "hash": entry["hash"]}
    (1, 2, True)
    >>> len(Store(os.path.join(folder, "so_cai.jsonl")).ledger())
    1
    """

    __slots__ = ("_native",)

    def __init__(self, location: str, *, create: bool = True) -> None:
        self._native = _chiso.Store(location, create)

    @property
    def backend(self) -> str:
        """``file``, ``sqlite`` or ``postgres``."""
        return self._native.backend

    def append(
        self,
        action: Union[str, Mapping[str, Any]],
        *,
        actor: Optional[str] = None,
        reporting: Optional[Reporting] = None,
    ) -> Dict[str, Any]:
        """Appends an action and returns the entry once durable. With ``actor`` and ``reporting``
        the unit, item, cycle and access policy are checked as :meth:`Reporting.append` does.
        Raises ``LedgerError``, ``PolicyError`` or ``StoreError``; nothing is then appended."""
        if (actor is None) != (reporting is None):
            raise TypeError("actor and reporting go together")
        if actor is not None and reporting is not None:
            text = self._native.append_as_json(reporting._native, actor, _text(action))
        else:
            text = self._native.append_json(_text(action))
        result: Dict[str, Any] = json.loads(text)
        return result

    def ledger(self) -> Ledger:
        """The ledger as it stands, with what other writers appended meanwhile (a copy)."""
        return Ledger(self._native.ledger())

    @property
    def anchor(self) -> Optional[Dict[str, Any]]:
        """The last acknowledged head, ``{"sequence", "hash"}``, or None before the first append."""
        text = self._native.anchor_json()
        if text is None:
            return None
        result: Dict[str, Any] = json.loads(text)
        return result

    def __repr__(self) -> str:
        return f"<chiso Store ({self.backend})>"
