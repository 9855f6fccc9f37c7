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

__all__ = ["label", "vocabulary"]


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
