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
