"""Every golden vector, through the Python binding: same findings, same bytes as Rust."""

import json

import pytest

import chiso
from conftest import VECTORS

CASES = sorted(p for p in (VECTORS / "catalogue-validation").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_catalogue_validation(case):
    text = (case / "input.json").read_text(encoding="utf-8")
    output = chiso.check_catalogue_json(text)
    assert output == (case / "output.json").read_text(encoding="utf-8")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = [{k: f[k] for k in ("code", "severity", "path")} for f in json.loads(output)["findings"]]
    assert got == expected


def test_there_are_cases():
    assert len(CASES) >= 30


FORMULA_CASES = sorted(p for p in (VECTORS / "formula").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", FORMULA_CASES, ids=[c.name for c in FORMULA_CASES])
def test_formula(case):
    data = json.loads((case / "input.json").read_text(encoding="utf-8"))
    output = chiso.run_formula_json(data["expression"], json.dumps(data["values"]))
    assert output == (case / "output.json").read_text(encoding="utf-8")
    run = json.loads(output)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = {
        "valid": run["valid"],
        "codes": [f["code"] for f in run["findings"]],
        "result_type": run["result_type"],
        "value": run["value"],
    }
    assert got == expected


PERIOD_CASES = sorted(p for p in (VECTORS / "period").iterdir() if p.is_dir())


def _compact(text):
    """The expectation without whitespace between tokens, keeping field order (as the Rust runner)."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("case", PERIOD_CASES, ids=[c.name for c in PERIOD_CASES])
def test_period(case):
    data = json.loads((case / "input.json").read_text(encoding="utf-8"))
    try:
        output = chiso.describe_period_json(data["period"], json.dumps(data["calendar"]))
    except chiso.PeriodError as e:
        error = {k: getattr(e, k) for k in ("code", "path", "message_vi", "message_en", "findings")}
        output = json.dumps({"error": error}, ensure_ascii=False, separators=(",", ":"))
    assert output == _compact((case / "expected.json").read_text(encoding="utf-8"))


FIELD_CASES = sorted(p for p in (VECTORS / "field").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", FIELD_CASES, ids=[c.name for c in FIELD_CASES])
def test_field(case):
    data = json.loads((case / "input.json").read_text(encoding="utf-8"))
    output = chiso.check_field_json(data["item"], data["text"])
    assert output == (case / "output.json").read_text(encoding="utf-8")
    check = json.loads(output)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = {
        "blank": check["blank"],
        "valid": check["valid"],
        "value": check["value"],
        "display_vi": (check["display"] or {}).get("vi"),
        "codes": [f["code"] for f in check["findings"]],
    }
    assert got == expected


def test_an_unknown_field_item_is_a_catalogue_error():
    with pytest.raises(chiso.CatalogueError) as e:
        chiso.check_field("Z99", "1")
    assert e.value.code == "catalogue.unknown_code"


CELLS = json.loads((VECTORS / "cell" / "cells.json").read_text(encoding="utf-8"))


def test_there_are_cell_cases():
    assert len(CELLS) >= 15


@pytest.mark.parametrize("case", CELLS, ids=[repr(c["cell"]) for c in CELLS])
def test_cell(case):
    """A table's text cell, read by the core's one cell rule: as a formula's value, in records and
    in a DataFrame alike."""
    pd = pytest.importorskip("pandas")
    cell, value, why = case["cell"], case["value"], case["why"]
    row = {"unit": "DN", "item": "B01", "period": "2026-05", "value": cell}
    if "error" in value:
        with pytest.raises(chiso.DataError) as caught:
            chiso.run_formula("x", {"x": cell})
        assert value["error"] in {f["code"] for f in caught.value.findings}, why
        for table in ([row], pd.DataFrame([row])):
            with pytest.raises(chiso.DataError) as caught:
                chiso.Ledger.from_observations(table, by="x", at="2026-06-10")
            assert [(f["code"], f["path"]) for f in caught.value.findings] == [(value["error"], "/0/value")], why
        return
    assert chiso.run_formula("x", {"x": cell})["value"] == value, why
    expected = chiso._convert.value_out(value)
    for table in ([row], pd.DataFrame([row])):
        got = chiso.Ledger.from_observations(table, by="x", at="2026-06-10").snapshot("2026-05")[0]["value"]
        # Compared as written: Decimal's == holds 12.50 equal to 12.5, the scale matters here.
        assert (type(got), str(got)) == (type(expected), str(expected)), why
