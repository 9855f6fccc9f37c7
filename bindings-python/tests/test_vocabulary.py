"""The package spells every enumeration as the core does: each ``Literal`` of ``chiso._types``
against the core's vocabulary, value for value and in order."""

import typing
from decimal import Decimal

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


# --- Defaults, cells and writing: decided in the core alone --------------------------------------


def test_no_signature_spells_a_default_of_its_own():
    """Every keyword default of the package that is a word of the vocabulary (a language, a tie
    policy, a method…) or a number is read from the core's ``defaults()``: a literal one is a
    copy that can drift, and fails here."""
    import ast
    import pathlib

    words = {code for values in chiso.vocabulary().values() for code in values}
    package = pathlib.Path(chiso.__file__).parent
    copies = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AnnAssign)):
                defaults = node.args.defaults + node.args.kw_defaults if isinstance(node, ast.FunctionDef) else [node.value]
                for d in defaults:
                    if isinstance(d, ast.Constant) and isinstance(d.value, str) and d.value in words | {"import", "chiso"}:
                        copies.append(f"{path.name}:{d.lineno}: {d.value!r}")
                    if isinstance(d, ast.Constant) and type(d.value) is int:
                        copies.append(f"{path.name}:{d.lineno}: {d.value!r}")
    assert copies == []


def test_the_defaults_are_the_cores_and_a_call_without_options_uses_them():
    import inspect

    from chiso.vocabulary import defaults

    decided = defaults()
    assert decided["ranking"] == {"ties": "competition", "round_to": 4}
    assert (decided["method"], decided["missing_policy"], decided["lang"]) == ("weighted_mean", "zero", "vi")
    parameters = inspect.signature(chiso.rank).parameters
    assert parameters["ties"].default == "competition" and parameters["round_to"].default == 4
    # Ranked with the defaults: 0.12345 and 0.12346 are both 0.1235 at 4 places, so they tie.
    ranks = {r["unit"]: r["rank"] for r in chiso.rank({"A": Decimal("0.12345"), "B": Decimal("0.12346"), "C": Decimal("0.1")})}
    assert ranks == {"A": Decimal(1), "B": Decimal(1), "C": Decimal(3)}
    # A table's rows name no source: the core's.
    ledger = chiso.Ledger.from_observations([{"unit": "DN", "item": "B01", "period": "2026-05", "value": "1"}], by="x", at="2026-06-10")
    assert '"system":"import"' in ledger.to_jsonl()


# Text cells are golden vectors (testdata/vectors/cell); these are the cells only Python has.
TYPED_CELLS = [
    (Decimal("12.50"), {"number": "12.50"}),
    (Decimal("1E-7"), {"number": "0.0000001"}),
    (7, {"number": "7"}),
    (True, {"bool": True}),
    (None, {"missing": "no_data"}),
]


@pytest.mark.parametrize(("cell", "value"), TYPED_CELLS)
def test_one_cell_rule_for_a_formula_a_record_and_a_dataframe(cell, value):
    pd = pytest.importorskip("pandas")
    assert chiso.run_formula("x", {"x": cell})["value"] == value
    row = {"unit": "DN", "item": "B01", "period": "2026-05", "value": cell}
    for table in ([row], pd.DataFrame([row], dtype=object)):
        ledger = chiso.Ledger.from_observations(table, by="x", at="2026-06-10")
        got = ledger.snapshot("2026-05")[0]["value"]
        expected = chiso._convert.value_out(value)
        assert (type(got), str(got)) == (type(expected), str(expected)), (table, cell)


def test_tables_write_numbers_dates_and_yes_no_in_the_cores_style():
    import datetime as dt

    rows = [{"n": Decimal("0.9600"), "at": dt.datetime(2026, 9, 21, 8, 5), "day": dt.date(2026, 9, 21), "ok": True}]
    vi = chiso.Table("t", ["n", "at", "day", "ok"], rows, lang="vi")._repr_html_()
    en = chiso.Table("t", ["n", "at", "day", "ok"], rows, lang="en")._repr_html_()
    for cell in ["0,9600", "21/09/2026 08:05", "21/09/2026", "có"]:
        assert f">{cell}<" in vi, cell
    for cell in ["0.9600", "21 Sep 2026 08:05", "21 Sep 2026", "yes"]:
        assert f">{cell}<" in en, cell


def test_a_refused_value_is_named_by_its_key():
    with pytest.raises(chiso.DataError) as caught:
        chiso.run_formula("a + b", {"a": Decimal(1), "b": "0.00000000000000000000000000001"})
    assert [(f["code"], f["path"]) for f in caught.value.findings] == [("json.inexact_decimal", "/b")]


def test_a_decimal_too_fine_for_the_core_is_still_shown_in_a_table():
    # Decimal(1) / 300 has 30 places: not an exact decimal of the core, but a table shows it.
    from chiso.vocabulary import written

    shown = written(Decimal(1) / 300, "vi")
    assert shown.startswith("0,00333") and len(shown) == 32
