"""The package spells every enumeration as the core does: each ``Literal`` of ``chiso._types``
against the core's vocabulary, value for value and in order."""

import typing

import pytest

import chiso
from chiso import _types


def test_every_literal_spells_the_core_vocabulary():
    core = chiso.vocabulary()
    assert set(_types.VOCABULARY_NAMES) == set(core), "an enumeration without its Literal, or one the core lost"
    for name, literal in _types.VOCABULARY_NAMES.items():
        assert list(typing.get_args(literal)) == list(core[name]), name


def test_every_exported_literal_is_one_of_the_vocabulary():
    literals = {
        name
        for name in _types.__all__
        if typing.get_origin(getattr(_types, name)) is typing.Literal
    }
    assert {id(getattr(_types, n)) for n in literals} == {id(v) for v in _types.VOCABULARY_NAMES.values()}


def test_labels_come_from_the_core_in_both_languages():
    assert chiso.label("progress_status", "on_track") == "Đúng tiến độ"
    assert chiso.label("progress_status", "limited_progress", lang="en") == "Limited progress"
    assert chiso.label("timeliness", "missing") == "Quá hạn, chưa nộp"
    # The form once spoke of four kinds of unit; the core has seven.
    assert len(chiso.vocabulary()["unit_kind"]) == 7


@pytest.mark.parametrize(
    ("name", "code", "lang", "argument"),
    [("olympics", "gold", "vi", "name"), ("ties", "olympic", "vi", "code"), ("ties", "dense", "fr", "language")],
)
def test_an_unknown_word_is_a_typed_error(name, code, lang, argument):
    with pytest.raises(chiso.ArgumentError) as raised:
        chiso.label(name, code, lang=lang)
    assert raised.value.code == "argument.invalid"
    assert f"not a valid {argument}" in raised.value.message_en
    assert raised.value.message_vi


def test_the_vocabulary_is_a_copy():
    words = chiso.vocabulary()
    words["layer"].clear()
    assert len(chiso.vocabulary()["layer"]) == 3


def test_every_error_category_is_an_exception_of_the_package():
    # The core decides each error's category; Python raises the exception of that name, as
    # JavaScript names its Error.
    for code in chiso.vocabulary()["error_category"]:
        name = "".join(part.capitalize() for part in code.split("_")) + "Error"
        exception = getattr(chiso, name)
        assert issubclass(exception, chiso.ChisoError), name


def test_unreadable_input_is_a_data_error_in_every_front_door():
    with pytest.raises(chiso.DataError) as raised:
        chiso.Ledger.from_jsonl("{]\n")
    assert raised.value.code == "input.invalid"
