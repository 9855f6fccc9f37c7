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


# --- The full matrix: every role, every tree position, every action -----------------------------
#
# Actors of each role (the root, a ministry, a province, a commune, and an id the tree does not
# know) act on targets in every position relative to them (themselves, their parent, an ancestor
# further up, a child, a grandchild, a sibling, a unit in another branch, an unknown id), with
# every action. The answers come from `answer` below: the rules above written out again in
# Python, independently of the Rust code, so the two must agree on every request.

M_ORG = {"units": [
    unit("BCD", "central"),
    unit("BKHCN", "ministry", "BCD"),
    unit("DN", "province", "BCD"), unit("DN_X1", "commune", "DN"), unit("DN_X2", "commune", "DN"),
    unit("DN_X1_T1", "commune", "DN_X1"),  # a hamlet-level unit, to have grandchildren
    unit("HN", "province", "BCD"),
]}
M_ASSIGNMENTS = [
    {"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "Trần Thị B", "from": "2026-Q1",
     "assigned_by": "BCD"},
    {"unit": "DN_X1", "item": "C01", "role": "implementing", "focal_officer": "Lê Văn C", "from": "2026-Q2",
     "assigned_by": "DN"},
    {"unit": "BKHCN", "item": "C01", "role": "lead", "focal_officer": "Phạm Văn D", "from": "2026-Q1",
     "assigned_by": "BCD"},
]
PARENT = {u["id"]: u.get("parent") for u in M_ORG["units"]}


def ancestors(uid):
    """The units strictly above `uid`, nearest first."""
    out, at = [], PARENT.get(uid)
    while at:
        out.append(at)
        at = PARENT.get(at)
    return out


def answer(actor, request):
    """The access rules, as the docs state them."""
    unknown = lambda uid: {"reason": "unknown_unit", "unit": uid}
    if actor not in PARENT:
        return unknown(actor)
    kind = request["action"]
    if kind == "submit":
        u = request["unit"]
        if u not in PARENT:
            return unknown(u)
        if actor != u:
            return {"reason": "not_own_unit"}
        covered = any(a["unit"] == u and a["item"] == request["item"] and a["from"] <= request["period"]
                      for a in M_ASSIGNMENTS)  # quarters of one form compare as text
        return None if covered else {"reason": "not_assigned"}
    if kind == "decide":
        u = request["unit"]
        if u not in PARENT:
            return unknown(u)
        return None if actor in ancestors(u) else {"reason": "not_above"}
    if kind == "read":
        u = request["unit"]
        if u not in PARENT:
            return unknown(u)
        return None if u == actor or actor in ancestors(u) else {"reason": "outside_subtree"}
    if kind == "assign":
        a = request["assignment"]
        if a["unit"] not in PARENT:
            return unknown(a["unit"])
        if actor not in ancestors(a["unit"]) or a["assigned_by"] != actor:
            return {"reason": "not_below"}
        holds = PARENT[actor] is None or any(x["unit"] == actor and x["item"] == a["item"] for x in M_ASSIGNMENTS)
        return None if holds else {"reason": "not_held"}
    raise ValueError(kind)


# Each role's actor, and the unit in each position relative to it (None: it has none).
ROLES = {
    "root": ("BCD", {"parent": None, "ancestor": None, "child": "DN", "grandchild": "DN_X1", "sibling": None,
                     "other_branch": None}),
    "ministry": ("BKHCN", {"parent": "BCD", "ancestor": None, "child": None, "grandchild": None, "sibling": "DN",
                           "other_branch": "DN_X1"}),
    "province": ("DN", {"parent": "BCD", "ancestor": None, "child": "DN_X1", "grandchild": "DN_X1_T1",
                        "sibling": "HN", "other_branch": "BKHCN"}),
    "commune": ("DN_X1", {"parent": "DN", "ancestor": "BCD", "child": "DN_X1_T1", "grandchild": None,
                          "sibling": "DN_X2", "other_branch": "HN"}),
    "unknown": ("XX", {"parent": None, "ancestor": None, "child": None, "grandchild": None, "sibling": None,
                       "other_branch": "DN"}),
}
ACTIONS = {
    "submit_assigned": lambda actor, target: submit(target, "C01", "2026-Q3"),
    "submit_before_assignment": lambda actor, target: submit(target, "C01", "2025-Q4"),
    "decide": lambda actor, target: {"action": "decide", "unit": target},
    "read": lambda actor, target: {"action": "read", "unit": target},
    "assign_held": lambda actor, target: assign(target, "C01", actor),
    "assign_not_held": lambda actor, target: assign(target, "B05", actor),
    "assign_in_another_name": lambda actor, target: assign(target, "C01", "BCD" if actor != "BCD" else "DN"),
}

matrix = []
for role, (actor, positions) in ROLES.items():
    targets = {"self": actor, **positions, "unknown": "ZZ"}
    for position, target in targets.items():
        if target is None:
            continue
        for action, make in ACTIONS.items():
            request = make(actor, target)
            matrix.append({"role": role, "position": position, "action": action, "actor": actor,
                           "request": request, "answer": answer(actor, request)})

folder = HERE / "roles-positions-actions"
folder.mkdir(exist_ok=True)
(folder / "input.json").write_text(json.dumps(
    {"org": M_ORG, "assignments": M_ASSIGNMENTS,
     "requests": [{"role": m["role"], "position": m["position"], "action": m["action"], "actor": m["actor"],
                   "request": m["request"]} for m in matrix]},
    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
(folder / "expected.json").write_text(json.dumps([m["answer"] for m in matrix], indent=2) + "\n", encoding="utf-8")
allowed = sum(m["answer"] is None for m in matrix)
print(f"{len(matrix)} requests in the matrix, {allowed} allowed")


# --- Persons: every duty, every tree position, every action -------------------------------------
#
# The same tree, staffed: in each unit a head, a focal officer, an approver and a viewer, and a
# standing office (VP) whose approver assigns for the root by delegation. Every actor is a
# person now. The rules, as SECURITY.md states them, written out again below:
# - an actor must be a person of the chart (a unit id is none);
# - a person submits only for their own unit, as its focal officer or head, what is assigned;
# - a person decides as an approver or head of a unit strictly above, never on their own
#   submission;
# - any person reads their unit and the units below it;
# - a person assigns as an approver or head, in the name of their unit or of the unit their
#   office acts for, only below that unit, only items it holds (a root holds all).

DUTIES = ["head", "focal_officer", "approver", "viewer"]
P_UNITS = [u["id"] for u in M_ORG["units"]]
P_ORG = {
    "units": M_ORG["units"] + [unit("VP", "central")],
    "persons": [{"id": f"{u}.{d}", "name": f"{d} {u}", "unit": u, "duties": [d]} for u in P_UNITS for d in DUTIES]
    + [{"id": "VP.approver", "name": "approver VP", "unit": "VP", "duties": ["approver"]}],
    "delegations": [{"office": "VP", "acts_for": "BCD"}],
}
P_ASSIGNMENTS = [dict(a, focal_officer=f"{a['unit']}.focal_officer") for a in M_ASSIGNMENTS]
P_PARENT = dict(PARENT, VP=None)
PERSONS = {p["id"]: p for p in P_ORG["persons"]}
DELEGATED = {(d["office"], d["acts_for"]) for d in P_ORG["delegations"]}


def person_answer(actor, request):
    """The rules for persons, as stated above."""
    person = PERSONS.get(actor)
    if person is None:
        return {"reason": "unknown_person", "person": actor}
    own, duties = person["unit"], person["duties"]

    def lacks(duty):
        held = duty in duties or (duty != "viewer" and "head" in duties)
        return None if held else {"reason": "missing_duty", "duty": duty}

    def above(upper, lower):
        at = P_PARENT.get(lower)
        while at:
            if at == upper:
                return True
            at = P_PARENT.get(at)
        return False

    unknown = lambda uid: {"reason": "unknown_unit", "unit": uid}
    kind = request["action"]
    if kind == "submit":
        u = request["unit"]
        if u not in P_PARENT:
            return unknown(u)
        if own != u:
            return {"reason": "not_own_unit"}
        if lacks("focal_officer"):
            return lacks("focal_officer")
        covered = any(a["unit"] == u and a["item"] == request["item"] and a["from"] <= request["period"]
                      for a in P_ASSIGNMENTS)
        return None if covered else {"reason": "not_assigned"}
    if kind == "decide":
        u = request["unit"]
        if u not in P_PARENT:
            return unknown(u)
        if lacks("approver"):
            return lacks("approver")
        if not above(own, u):
            return {"reason": "not_above"}
        return {"reason": "own_submission"} if request.get("submitted_by") == actor else None
    if kind == "read":
        u = request["unit"]
        if u not in P_PARENT:
            return unknown(u)
        return None if u == own or above(own, u) else {"reason": "outside_subtree"}
    if kind == "assign":
        a = request["assignment"]
        if a["unit"] not in P_PARENT:
            return unknown(a["unit"])
        if lacks("approver"):
            return lacks("approver")
        by = a["assigned_by"]
        if own != by and (own, by) not in DELEGATED:
            return {"reason": "not_for_unit"}
        if not above(by, a["unit"]):
            return {"reason": "not_below"}
        holds = P_PARENT.get(by) is None or any(x["unit"] == by and x["item"] == a["item"] for x in P_ASSIGNMENTS)
        return None if holds else {"reason": "not_held"}
    raise ValueError(kind)


P_ACTIONS = {
    "submit_assigned": lambda actor, unit_id, target: submit(target, "C01", "2026-Q3"),
    "decide_other_submitter": lambda actor, unit_id, target: {"action": "decide", "unit": target,
                                                              "submitted_by": f"{target}.focal_officer"},
    "decide_own_submission": lambda actor, unit_id, target: {"action": "decide", "unit": target,
                                                             "submitted_by": actor},
    "read": lambda actor, unit_id, target: {"action": "read", "unit": target},
    "assign_own_name": lambda actor, unit_id, target: assign(target, "C01", unit_id),
    "assign_for_root": lambda actor, unit_id, target: assign(target, "B05", "BCD"),
}
persons_matrix = []
for role, (unit_id, positions) in list(ROLES.items())[:4]:
    targets = {"self": unit_id, **positions, "unknown": "ZZ"}
    for duty in DUTIES:
        actor = f"{unit_id}.{duty}"
        for position, target in targets.items():
            if target is None:
                continue
            for action, make in P_ACTIONS.items():
                request = make(actor, unit_id, target)
                persons_matrix.append({"role": role, "duty": duty, "position": position, "action": action,
                                       "actor": actor, "request": request})
# The office acting for the root, a unit id as actor, and a person the chart does not name.
for actor, target in [("VP.approver", "DN"), ("VP.approver", "DN_X1"), ("DN", "DN"), ("XX.head", "DN")]:
    for action, make in P_ACTIONS.items():
        persons_matrix.append({"role": "other", "duty": None, "position": target, "action": action,
                               "actor": actor, "request": make(actor, "VP", target)})
for m in persons_matrix:
    m["answer"] = person_answer(m["actor"], m["request"])

folder = HERE / "persons-duties-positions"
folder.mkdir(exist_ok=True)
(folder / "input.json").write_text(json.dumps(
    {"org": P_ORG, "assignments": P_ASSIGNMENTS,
     "requests": [{k: m[k] for k in ("role", "duty", "position", "action", "actor", "request")}
                  for m in persons_matrix]},
    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
(folder / "expected.json").write_text(json.dumps([m["answer"] for m in persons_matrix], indent=2) + "\n",
                                      encoding="utf-8")
allowed = sum(m["answer"] is None for m in persons_matrix)
print(f"{len(persons_matrix)} requests by persons, {allowed} allowed")
