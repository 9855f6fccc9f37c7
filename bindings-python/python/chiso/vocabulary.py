"""The core's vocabulary: every enumeration's values, their one spelling and their labels.

>>> import chiso
>>> chiso.vocabulary()["progress_status"]["on_track"]["vi"]
'Đúng tiến độ'
>>> chiso.label("ties", "dense", lang="en")
'Dense (1, 2, 2, 3)'
"""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from typing import Any, Dict, Union

from chiso import _chiso
from chiso._types import Lang

# The core's defaults, read once: the package's keyword defaults are taken from here, so the
# signatures show the core's choice and none is spelled in the package.
_DEFAULTS: Dict[str, Any] = json.loads(_chiso.defaults_json())
_LANG: Lang = _DEFAULTS["lang"]

__all__ = ["defaults", "label", "vocabulary", "written", "written_date", "written_yes_no"]


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


def label(name: str, code: str, lang: Lang = _LANG) -> str:
    """The label of the value ``code`` of the enumeration ``name``, in ``lang``.

    Raises :class:`chiso.ArgumentError` for a name, value or language the core does not know."""
    return _chiso.vocabulary_label(name, code, lang)


def defaults() -> Dict[str, Any]:
    """What a call takes when an option is left out, as the core decides it: the keyword
    defaults of :func:`chiso.combine`, :func:`chiso.rank` and the imports are read from here.

    >>> defaults()["ranking"]
    {'ties': 'competition', 'round_to': 4}
    """
    fresh: Dict[str, Any] = json.loads(json.dumps(_DEFAULTS))
    return fresh


@lru_cache(maxsize=2)
def _style(lang: str) -> Dict[str, str]:
    style: Dict[str, str] = json.loads(_chiso.style_json(lang))
    return style


def written(number: object, lang: Lang = _LANG) -> str:
    """``number`` (a ``Decimal`` or its text) as the core writes it for people in ``lang``, its
    places kept: ``Decimal("96.7")`` is ``96,7`` in Vietnamese; ``None`` is the core's missing mark.

    >>> from decimal import Decimal
    >>> written(Decimal("0.9600"), "vi"), written(None, "en")
    ('0,9600', '—')
    """
    if number is None:
        return _style(lang)["missing"]
    return _chiso.write_decimal(str(number), lang)


def written_date(moment: Union[_dt.datetime, _dt.date], lang: Lang = _LANG) -> str:
    """A date or a time as the core writes it for people in ``lang``.

    >>> import datetime as dt
    >>> written_date(dt.date(2026, 9, 21), "vi"), written_date(dt.datetime(2026, 9, 21, 8, 5), "en")
    ('21/09/2026', '21 Sep 2026 08:05')
    """
    if isinstance(moment, _dt.datetime):
        return _chiso.write_date(moment.replace(microsecond=0, tzinfo=None).isoformat(), lang)
    return _chiso.write_date(moment.isoformat(), lang)


def written_yes_no(value: bool, lang: Lang = _LANG) -> str:
    """A yes/no as the core says it in ``lang`` (``có`` / ``không``)."""
    return _chiso.write_yes_no(value, lang)
