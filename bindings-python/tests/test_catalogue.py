"""The catalogue through Python: loading, listing, errors."""

import json

import pytest

import chiso
from conftest import ROOT, VECTORS


@pytest.fixture(scope="module")
def nq57():
    return chiso.Catalogue.nq57()


def test_nq57_has_the_three_layers(nq57):
    counts = {layer: len(nq57.indicators(layer)) for layer in "abc"}
    assert counts["a"] >= 30 and counts["b"] >= 20 and counts["c"] >= 20
    assert len(nq57) == sum(counts.values())
    assert nq57.id == "nq57"
    assert repr(nq57).startswith("<Catalogue nq57 ")


def test_indicator_passport_fields_cross_as_core_json(nq57):
    a07 = nq57.indicator("A07")
    assert a07["layer"] == "a"
    assert a07["name"]["en"] == "Digital economy share of GDP"
    # Decimals cross as strings, never floats.
    assert a07["targets"][0] == {"comparator": ">=", "value": "30", "scope": "national", "year": 2030}
    assert a07["responsibility"]["lead_agency"] == "MIC"


def test_unknown_code_raises_a_catalogue_error(nq57):
    with pytest.raises(chiso.CatalogueError) as info:
        nq57.indicator("Z99")
    err = info.value
    assert isinstance(err, chiso.ChisoError) and isinstance(err, ValueError)
    assert err.code == "catalogue.unknown_code"
    assert err.message_vi == "Không có chỉ số hay chỉ tiêu dữ liệu nào mã `Z99`."
    assert err.findings == []


def test_bad_layer_raises_an_argument_error(nq57):
    with pytest.raises(chiso.ArgumentError) as info:
        nq57.indicators("d")
    assert info.value.code == "argument.invalid"
    assert "`a`, `b`, `c`" in info.value.message_en


def test_invalid_catalogue_lists_every_finding():
    text = (VECTORS / "catalogue-validation" / "many-findings" / "input.json").read_text(encoding="utf-8")
    with pytest.raises(chiso.CatalogueError) as info:
        chiso.Catalogue.from_json(text)
    err = info.value
    assert err.code == "catalogue.invalid"
    assert err.path == "/title/vi"
    assert [f["code"] for f in err.findings][:2] == ["text.empty", "code.duplicate"]
    assert len(err.findings) == 6


def test_malformed_json_is_a_finding_not_a_crash():
    report = chiso.check_catalogue("{")
    assert report["valid"] is False
    assert report["findings"][0]["code"] == "json.syntax"
    assert report["findings"][0]["span"]["line"] == 1


def test_round_trip_through_dict(nq57):
    again = chiso.Catalogue.from_dict(nq57.to_dict())
    assert again.to_json() == nq57.to_json()
    assert nq57.diff(again)["indicators"] == {"added": [], "removed": [], "changed": []}


def test_load_from_path():
    minimal = chiso.Catalogue.load(str(ROOT / "examples" / "catalogues" / "minimal.json"))
    assert [i["code"] for i in minimal.indicators()] == ["B01"]
    assert minimal.validate() == []


def test_diff_reports_field_changes():
    path = ROOT / "examples" / "catalogues" / "minimal.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    old = chiso.Catalogue.from_dict(data)
    data["indicators"][0]["targets"][0]["value"] = "85"
    new = chiso.Catalogue.from_dict(data)
    change = old.diff(new)["indicators"]["changed"][0]
    assert change == {"code": "B01", "fields": [{"path": "/targets/0/value", "old": "80", "new": "85"}]}
