#!/usr/bin/env python3
"""Writes the policy cases: an organisation tree, the assignments, and requests, each with the
answer the access rules give (null when allowed, else the reason), worked out by reading the
rules:

- a unit submits only for itself, only what is assigned to it for the period (a computed
  indicator's inputs come with it);
- only a unit above may approve or return (decide), never the unit itself;
- a unit reads itself and the units below it;
- a unit assigns only to units below it, in its own name, only items it holds (a root holds all).
"""

import json
import pathlib

HERE = pathlib.Path(__file__).parent


def unit(uid, kind, parent=None):
    u = {"id": uid, "name": {"vi": f"Đơn vị {uid}", "en": f"Unit {uid}"}, "kind": kind}
    if parent:
        u["parent"] = parent
    return u


ORG = {"units": [unit("BCD", "central"), unit("DN", "province", "BCD"), unit("HN", "province", "BCD"),
                 unit("DN_X1", "commune", "DN")]}
ASSIGNMENTS = [{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "Trần Thị B", "from": "2026-Q1",
                "assigned_by": "BCD"}]


def submit(unit_id, item, period):
    return {"action": "submit", "unit": unit_id, "item": item, "period": period}


def assign(unit_id, item, by):
    return {"action": "assign", "assignment": {"unit": unit_id, "item": item, "role": "implementing",
                                               "focal_officer": "Lê Văn C", "from": "2026-Q3", "assigned_by": by}}


CASES = [
    ("DN", submit("DN", "sandbox_van_hanh", "2026-Q2"), None),  # input of the assigned C01
    ("DN", submit("DN", "C01", "2026-Q2"), None),  # the indicator itself (explanations)
    ("DN", submit("DN", "sandbox_van_hanh", "2025-Q4"), {"reason": "not_assigned"}),  # before `from`
    ("HN", submit("DN", "sandbox_van_hanh", "2026-Q2"), {"reason": "not_own_unit"}),
    ("HN", submit("HN", "sandbox_van_hanh", "2026-Q2"), {"reason": "not_assigned"}),
    ("XX", submit("XX", "C01", "2026-Q2"), {"reason": "unknown_unit", "unit": "XX"}),
    ("BCD", {"action": "decide", "unit": "DN"}, None),
    ("DN", {"action": "decide", "unit": "DN"}, {"reason": "not_above"}),
    ("HN", {"action": "decide", "unit": "DN"}, {"reason": "not_above"}),
    ("BCD", {"action": "decide", "unit": "DN_X1"}, None),  # any ancestor, not only the parent
    ("BCD", {"action": "decide", "unit": "ZZ"}, {"reason": "unknown_unit", "unit": "ZZ"}),
    ("DN", {"action": "read", "unit": "DN"}, None),
    ("DN", {"action": "read", "unit": "DN_X1"}, None),
    ("DN", {"action": "read", "unit": "BCD"}, {"reason": "outside_subtree"}),
    ("HN", {"action": "read", "unit": "DN"}, {"reason": "outside_subtree"}),
    ("BCD", assign("HN", "B05", "BCD"), None),  # the root holds every item
    ("DN", assign("DN_X1", "C01", "DN"), None),  # DN holds C01
    ("DN", assign("DN_X1", "B05", "DN"), {"reason": "not_held"}),
    ("HN", assign("DN_X1", "C01", "HN"), {"reason": "not_below"}),
    ("DN", assign("DN_X1", "C01", "BCD"), {"reason": "not_below"}),  # only in one's own name
    ("DN", assign("ZZ", "C01", "DN"), {"reason": "unknown_unit", "unit": "ZZ"}),
]

folder = HERE / "matrix"
folder.mkdir(exist_ok=True)
(folder / "input.json").write_text(json.dumps(
    {"org": ORG, "assignments": ASSIGNMENTS, "requests": [{"actor": a, "request": r} for a, r, _ in CASES]},
    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
(folder / "expected.json").write_text(json.dumps([e for _, _, e in CASES], indent=2) + "\n", encoding="utf-8")
