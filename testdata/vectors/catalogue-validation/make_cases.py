#!/usr/bin/env python3
"""Writes the catalogue-validation cases: each a mutation of the minimal valid catalogue, with
the findings expected from reading the validation rules (not from running chiso)."""

import copy
import json
import pathlib

HERE = pathlib.Path(__file__).parent
BASE = json.loads((HERE / "../../../examples/catalogues/minimal.json").read_text(encoding="utf-8"))
IND = "/indicators/0"


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def case(name, mutate=None, expected=(), raw=None):
    """`mutate(doc)` edits a copy of the base; `expected` lists (code, path[, severity])."""
    doc = copy.deepcopy(BASE)
    if mutate:
        mutate(doc)
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (folder / "input.json").write_text(raw if raw is not None else dump(doc), encoding="utf-8")
    findings = [
        {"code": e[0], "severity": e[2] if len(e) > 2 else "error", "path": e[1]} for e in expected
    ]
    (folder / "expected.json").write_text(json.dumps(findings, indent=2) + "\n", encoding="utf-8")


def ind(doc):
    return doc["indicators"][0]


def target(doc):
    return ind(doc)["targets"][0]


UNUSED_BOTH = [
    ("data_element.unused", "/data_elements/0", "warning"),
    ("data_element.unused", "/data_elements/1", "warning"),
]

case("valid-minimal")
# Cut inside the string value of the second agency's code: the reader stops there.
case("json-syntax", raw=dump(BASE)[:400], expected=[("json.syntax", "/agencies/1/code")])
case("json-unknown-field", lambda d: ind(d).update(precison=ind(d).pop("precision")),
     [("json.unknown_field", f"{IND}/precison")])
case("json-missing-field", lambda d: ind(d).pop("concept"), [("json.missing_field", IND)])
case("json-unknown-variant", lambda d: ind(d).update(layer="d"), [("json.unknown_variant", f"{IND}/layer")])
case("json-invalid-type", lambda d: ind(d).update(precision="1"), [("json.invalid_type", f"{IND}/precision")])
case("json-invalid-decimal", lambda d: ind(d).update(weight=1), [("json.invalid_decimal", f"{IND}/weight")])
case("json-invalid-value", lambda d: d.update(effective_from="2026-13-01"), [("json.invalid_value", "/effective_from")])
case("text-empty", lambda d: ind(d)["name"].update(en=" "), [("text.empty", f"{IND}/name/en")])
case("code-invalid", lambda d: ind(d).update(code="B-01"), [("code.invalid", f"{IND}/code")])
case("code-duplicate", lambda d: d["agencies"].append(copy.deepcopy(d["agencies"][0])),
     [("code.duplicate", "/agencies/2/code")])
case("catalogue-no-indicators", lambda d: d.update(indicators=[]),
     [("catalogue.no_indicators", "/indicators")] + UNUSED_BOTH)
case("reference-unknown-group", lambda d: ind(d).update(group="CPS_X"), [("reference.unknown_group", f"{IND}/group")])
case("reference-unknown-agency", lambda d: ind(d)["responsibility"].update(lead_agency="BTTTT"),
     [("reference.unknown_agency", f"{IND}/responsibility/lead_agency")])
case("reference-unknown-code", lambda d: ind(d)["method"].update(expression="100 * hs_truc_tuyen / hs_tong_so"),
     [("reference.unknown_code", f"{IND}/method/expression"), ("data_element.unused", "/data_elements/1", "warning")])
case("reference-self", lambda d: ind(d)["method"].update(expression="B01 + 100 * hs_truc_tuyen / hs_tong"),
     [("reference.self", f"{IND}/method/expression")])
case("formula-syntax", lambda d: ind(d)["method"].update(expression="100 × hs_truc_tuyen / hs_tong"),
     [("formula.syntax", f"{IND}/method/expression")] + UNUSED_BOTH)
case("formula-empty", lambda d: ind(d)["method"].update(expression="  "),
     [("formula.empty", f"{IND}/method/expression")] + UNUSED_BOTH)
case("target-missing-field", lambda d: target(d).pop("value"), [("target.missing_field", f"{IND}/targets/0")])
case("target-unexpected-field", lambda d: target(d).update(min="1"),
     [("target.unexpected_field", f"{IND}/targets/0/min")])
case("target-range-unordered", lambda d: ind(d)["targets"].__setitem__(0, {
    "comparator": "range", "min": "50", "max": "40.5", "scope": "each_unit", "year": 2030}),
     [("target.range_unordered", f"{IND}/targets/0")])
case("target-year-out-of-range", lambda d: target(d).update(year=3030),
     [("target.year_out_of_range", f"{IND}/targets/0/year")])
case("target-value-out-of-range", lambda d: ind(d).update(value_type="ratio"),
     [("target.value_out_of_range", f"{IND}/targets/0/value")])
# A text indicator with a numeric formula and a numeric target: both are wrong.
case("target-type-mismatch", lambda d: ind(d).update(value_type="text"),
     [("formula.result_type", f"{IND}/method/expression"), ("target.type_mismatch", f"{IND}/targets/0/comparator")])
case("formula-result-type", lambda d: ind(d).update(value_type="yes_no", targets=[]),
     [("formula.result_type", f"{IND}/method/expression")])
case("formula-type", lambda d: ind(d)["method"].update(expression='100 * hs_truc_tuyen / "hs_tong"'),
     [("formula.type", f"{IND}/method/expression"), ("data_element.unused", "/data_elements/1", "warning")])


def cycle(d):
    second = copy.deepcopy(ind(d))
    second.update(code="B02")
    second["method"]["expression"] = "B01 * hs_tong"
    ind(d)["method"]["expression"] = "100 * hs_truc_tuyen / hs_tong + prev(B01) + B02"
    d["indicators"].append(second)


# B01 -> B02 -> B01 in the same period is a circle; prev(B01) inside B01 is not.
case("reference-cycle", cycle, [("reference.cycle", f"{IND}/method/expression")])
case("target-duplicate", lambda d: ind(d)["targets"].append(dict(target(d), value="90")),
     [("target.duplicate", f"{IND}/targets/1")])
case("weight-negative", lambda d: ind(d).update(weight="-1"), [("weight.negative", f"{IND}/weight")])
case("max-points-negative", lambda d: ind(d).update(max_points="-0.5"), [("max_points.negative", f"{IND}/max_points")])
case("precision-out-of-range", lambda d: ind(d).update(precision=13), [("precision.out_of_range", f"{IND}/precision")])
case("explanation-no-target", lambda d: ind(d).update(explanation="when_off_track", targets=[]),
     [("explanation.no_target", f"{IND}/explanation")])
case("direction-band-without-range", lambda d: ind(d).update(direction="inside_band"),
     [("direction.band_without_range", f"{IND}/direction")])
case("evidence-no-documents", lambda d: ind(d)["evidence"].pop("documents"),
     [("evidence.no_documents", f"{IND}/evidence")])
case("data-element-unused", lambda d: d["data_elements"].append(dict(d["data_elements"][1], code="hs_qua_han")),
     [("data_element.unused", "/data_elements/2", "warning")])

# `<=` orders numbers; B01 > 50 is a yes/no comparison, so the sides cannot be compared.
case("rule-type-mismatch", lambda d: d.update(validation_rules=[{
    "code": "R1", "name": {"vi": "Quy tắc", "en": "Rule"},
    "left": {"expression": "hs_truc_tuyen"}, "operator": "<=",
    "right": {"expression": "B01 > 50"}, "severity": "error"}]),
     [("rule.type_mismatch", "/validation_rules/0/operator")])
# A rule's formula counts as a use of the data element, and its codes are checked.
case("rule-valid-uses-element", lambda d: (
    d["data_elements"].append(dict(d["data_elements"][1], code="hs_qua_han")),
    d.update(validation_rules=[{
        "code": "R1", "name": {"vi": "Quy tắc", "en": "Rule"},
        "left": {"expression": "hs_qua_han"}, "operator": "<=",
        "right": {"expression": "hs_tongg", "missing": "zero"}, "severity": "warning"}])),
     [("reference.unknown_code", "/validation_rules/0/right/expression")])


def many(d):
    d["title"]["vi"] = ""
    d["groups"][0]["children"][0]["code"] = "CPS"
    ind(d).update(layer="c", explanation="when_off_track", targets=[
        {"comparator": "range", "min": "90", "max": "80", "value": "85", "scope": "national", "year": 1999},
    ])


case("many-findings", many, [
    ("text.empty", "/title/vi"),
    ("code.duplicate", "/groups/0/children/0/code"),
    ("reference.unknown_group", f"{IND}/group"),
    ("target.unexpected_field", f"{IND}/targets/0/value"),
    ("target.range_unordered", f"{IND}/targets/0"),
    ("target.year_out_of_range", f"{IND}/targets/0/year"),
])
