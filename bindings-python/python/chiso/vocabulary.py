"""The core's vocabulary: every enumeration's values, their one spelling and their labels.

>>> import chiso
>>> chiso.vocabulary()["progress_status"]["on_track"]["vi"]
'Đúng tiến độ'
>>> chiso.label("ties", "dense", lang="en")
'Dense (1, 2, 2, 3)'
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Dict

from chiso import _chiso
from chiso._types import Lang

__all__ = ["label", "vocabulary", "written"]


@lru_cache(maxsize=1)
def _words() -> Dict[str, Dict[str, Dict[str, str]]]:
    return {
        words["name"]: {word["code"]: dict(word["label"]) for word in words["words"]}
        for words in json.loads(_chiso.vocabulary_json())
    }


def vocabulary() -> Dict[str, Dict[str, Dict[str, str]]]:
    """Each enumeration by name (``layer``, ``ties``, ``progress_status``…): its values in the
    core's order, each with its label in ``vi`` and ``en``. A fresh copy: change it freely."""
    return {name: {code: dict(label) for code, label in words.items()} for name, words in _words().items()}


def label(name: str, code: str, lang: Lang = "vi") -> str:
    """The label of the value ``code`` of the enumeration ``name``, in ``lang``.

    Raises :class:`chiso.ArgumentError` for a name, value or language the core does not know."""
    return _chiso.vocabulary_label(name, code, lang)


@lru_cache(maxsize=2)
def _style(lang: str) -> Dict[str, str]:
    style: Dict[str, str] = json.loads(_chiso.style_json(lang))
    return style


def written(number: object, lang: Lang = "vi") -> str:
    """``number`` (a ``Decimal`` or its text) as the core writes it for people in ``lang``:
    ``Decimal("96.7")`` is ``96,7`` in Vietnamese; ``None`` is the core's missing mark.

    >>> from decimal import Decimal
    >>> written(Decimal("0.9600"), "vi"), written(None, "en")
    ('0,9600', '—')
    """
    style = _style(lang)
    if number is None:
        return style["missing"]
    return str(number).replace(".", style["decimal"])

