"""Evaluation through the Python binding: the golden vectors byte for byte, the convenience
functions with Python values, and the main job on the bundled sample."""

import json
from decimal import Decimal

import pytest

import chiso
from chiso import _chiso
from conftest import VECTORS

CASES = json.loads((VECTORS / "evaluation" / "cases.json").read_text(encoding="utf-8"))
NQ57 = chiso.Catalogue.nq57()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_building_block_vectors(case):
    request = json.dumps(case["input"], ensure_ascii=False)
    call = {
        "score": lambda r: _chiso.score_json(NQ57._native, r),
        "combine": _chiso.combine_json,
        "rank": _chiso.rank_json,
        "progress": _chiso.progress_json,
    }[case["call"]]
    assert call(request) == case["output"]


PIPELINE = sorted(p for p in (VECTORS / "evaluation-pipeline").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", PIPELINE, ids=[c.name for c in PIPELINE])
def test_pipeline_vectors(case):
    data = json.loads((case / "input.json").read_text(encoding="utf-8"))
    reporting = chiso.Reporting(NQ57, data["org"], data["assignments"], data["calendar"])
    ledger = chiso.Ledger()
    for action in data["actions"]:
        ledger.append(action)
    evaluation = reporting.evaluate(ledger, data["period"], data["as_of"], data["scheme"])
    assert evaluation.to_json() == (case / "output.json").read_text(encoding="utf-8")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert {u["unit"]: u["score"] for u in evaluation.data["units"]} == expected["scores"]
    # The tables carry Decimals; the expectations were written as the core's text.
    def text(x):
        return None if x is None else str(x)

    assert [[r["unit"], text(r["rank"]), text(r["movement"])] for r in evaluation.ranking("tinh")] == expected["ranking"]


def test_there_are_vectors():
    assert len(CASES) >= 30 and len(PIPELINE) >= 2


def test_convenience_functions_take_python_values():
    # 68 / 85 = 0.8 on B05's 2026 target.
    assert chiso.score("B05", Decimal("68"), 2026) == Decimal("0.8")
    assert chiso.score("B05", None, 2026) is None  # missing is not zero
    assert chiso.score("B15", True, 2026) == Decimal("1")
    with pytest.raises(TypeError):
        chiso.score("B05", 68.0, 2026)
    # DTI: (0.5·100 + 0.8·200 + 0·150) / 450 = 0.4667.
    parts = [{"points": 100, "fraction": "0.5"}, {"points": 200, "fraction": "0.8"}, {"points": 150, "fraction": None}]
    assert chiso.combine(parts, method="points", round_to=4) == Decimal("0.4667")
    assert chiso.combine(parts, method="points", missing="rescale") == Decimal("0.7")
    ranked = chiso.rank({"A": "0.63304", "B": "0.63296", "C": Decimal("0.7")}, round_to=3)
    assert [(r["unit"], r["rank"]) for r in ranked] == [("C", Decimal(1)), ("A", Decimal(2)), ("B", Decimal(2))]
    target = {"comparator": ">=", "value": "80", "scope": "national", "year": 2030}
    got = chiso.progress(target, ("2025", 40), ("2026", 45))
    assert got == {"status": "needs_acceleration", "ratio": Decimal("0.6250")}
    with pytest.raises(chiso.DataError) as caught:
        chiso.combine(parts, method="median")
    assert caught.value.findings[0]["code"] == "json.unknown_variant"


def _read(path):
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_evaluation():
    sample = VECTORS.parent.parent / "examples" / "data" / "sample"
    reporting = chiso.Reporting(
        NQ57, _read(sample / "org.json"), _read(sample / "assignments.json"), _read(sample / "calendar.json")
    )
    ledger = chiso.Ledger.load(str(sample / "ledger.jsonl"))
    return reporting.evaluate(ledger, "2026-Q3", "2026-10-15T00:00:00")


def test_the_main_job_on_the_sample(sample_evaluation):
    e = sample_evaluation
    groups = {g["peer_group"]: len(g["rows"]) for g in e.data["rankings"]}
    assert groups == {"bo_nganh": 17, "tinh_thanh": 34}
    # Competition ranks: each rank is 1 + the number of units strictly ahead.
    rows = e.ranking("tinh_thanh")
    for r in rows:
        ahead = sum(1 for o in rows if o["score"] > r["score"])
        assert r["rank"] == ahead + 1
    # Can Tho did not report its 5G stations in Q3: C02 missing, scored 0 under the default policy.
    c02 = next(i for i in e.unit("CT")["indicators"] if i["indicator"] == "C02")
    assert (c02["origin"], c02["fraction"]) == ("missing", None)
    report = e.report()
    assert report["summary"]["period"] == "2026-Q3"
    sentences = [s for sec in report["narrative"]["sections"] for p in sec["parts"] for s in p["sentences"]]
    assert all(s["vi"] and s["en"] for s in sentences)
    assert any("unit/" in x for s in sentences for x in s["lineage"])
    # Dong Nai's report merges its two communes' sections under their names.
    dn = e.narrative("en", unit="DN")
    assert "### Bien Hoa ward" in dn and "### Long Khanh commune" in dn
    csv = e.export("csv")
    assert csv.splitlines()[0].startswith("peer_group,rank,unit,name_vi,name_en,score")
    assert len(csv.splitlines()) == 1 + 17 + 34
    assert e.export("html", "vi").startswith("<!DOCTYPE html>")
    with pytest.raises(chiso.ArgumentError):
        e.export("xlsx")
    with pytest.raises(KeyError):
        e.unit("XX")
    with pytest.raises(KeyError):
        e.ranking("xa_phuong")
