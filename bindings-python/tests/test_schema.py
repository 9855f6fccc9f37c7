"""The committed JSON Schema validates the embedded catalogue and the examples (with the
reference jsonschema implementation), and rejects what validation rejects at the type level."""

import json

import jsonschema
import pytest

import chiso
from conftest import ROOT

SCHEMA = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "examples" / "catalogues").glob("*.json"))


def test_committed_schema_is_what_the_library_generates():
    assert chiso.catalogue_schema() == SCHEMA


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_embedded_catalogue_conforms():
    jsonschema.validate(chiso.Catalogue.nq57().to_dict(), SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_conform(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_float_weight_and_an_unknown_field():
    data = json.loads((ROOT / "examples" / "catalogues" / "minimal.json").read_text(encoding="utf-8"))
    data["indicators"][0]["weight"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    data["indicators"][0]["weight"] = "1.5"
    data["indicators"][0]["precison"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
