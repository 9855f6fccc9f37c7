"""Formulas and periods through Python."""

from decimal import Decimal

from datetime import date

import pytest

import chiso


def test_plain_python_values_cross_exactly():
    run = chiso.run_formula("a + b", {"a": Decimal("0.1"), "b": Decimal("0.2")})
    assert run["value"] == {"number": "0.3"}
    assert chiso.run_formula("if(ok, n, 0)", {"ok": True, "n": 7})["value"] == {"number": "7"}
    assert chiso.run_formula("a + 1", {"a": None})["value"] == {"missing": "no_data"}


def test_floats_are_refused():
    with pytest.raises(TypeError):
        chiso.run_formula("a", {"a": 0.1})


def test_check_against_the_embedded_catalogue():
    report = chiso.check_formula("100 * A07 / nothing_here")
    assert [f["code"] for f in report["findings"]] == ["reference.unknown_code"]
    # "100 * A07 / " is 12 characters: the name starts at byte 12, column 13.
    assert report["findings"][0]["span"] == {"start": 12, "end": 24, "line": 1, "column": 13}


def test_describe_in_both_languages():
    assert chiso.describe_formula("prev(A07)", "en") == "[Digital economy share of GDP] (previous period)"
    assert chiso.describe_formula("prev(A07)") == "[Tỷ trọng kinh tế số trong GDP] kỳ trước"
    with pytest.raises(chiso.FormulaError) as info:
        chiso.describe_formula("1 +")
    assert info.value.code == "formula.invalid"
    assert info.value.findings[0]["code"] == "formula.unexpected"


def test_periods():
    assert chiso.parse_period("2026q2") == "2026-Q2"
    info = chiso.describe_period("2026-Q2", {"calendar": {"kind": "calendar"}, "due_working_days": 0})
    assert (info["start"], info["end"], info["deadline"]) == (date(2026, 4, 1), date(2026, 6, 30), date(2026, 6, 30))
    with pytest.raises(chiso.PeriodError) as info_err:
        chiso.parse_period("2026-13")
    assert info_err.value.code == "period.invalid"
    with pytest.raises(chiso.DataError) as bad:
        chiso.describe_period("2026", {"calendar": {"kind": "cutoff", "day": 40}, "due_working_days": 5})
    assert bad.value.code == "input.invalid"
    assert bad.value.path == "/calendar/day"
