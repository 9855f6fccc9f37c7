"""The reporting form's field check: a value typed as an official types it (``12,5``,
``1.234,5``, ``12.5``, ``87 %``, ``có``), read exactly as the web form reads it.

>>> import chiso
>>> check = chiso.check_field("A07", "12,5")
>>> check["valid"], check["value"]
(True, {'number': '12.5'})
>>> chiso.check_field("gdp", "1.234")["findings"][0]["code"]
'field.ambiguous_number'
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from chiso import _chiso
from chiso.catalogue import Catalogue

__all__ = ["check_field", "check_field_json"]


def check_field_json(item: str, text: str, catalogue: Optional[Catalogue] = None) -> str:
    """The check of ``text`` typed into the field of ``item``, as the core's JSON."""
    return _chiso.check_field(item, text, catalogue._native if catalogue is not None else None)


def check_field(item: str, text: str, catalogue: Optional[Catalogue] = None) -> Dict[str, Any]:
    """``text`` typed into the field of ``item`` (an indicator or data element of ``catalogue``,
    NQ57 by default): ``blank``, ``valid``, the ``value`` read (``{"number": "12.5"}``), its
    ``display`` in both languages, and ``findings`` with codes and messages. An unknown item
    raises :class:`CatalogueError`."""
    result: Dict[str, Any] = json.loads(check_field_json(item, text, catalogue))
    return result
