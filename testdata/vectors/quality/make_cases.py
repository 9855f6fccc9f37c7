#!/usr/bin/env python3
"""Writes the quality cases: a small world (two provinces under a steering committee, P1
assigned C01 from 2026-Q1, whose one input is `sandbox_van_hanh`, quarterly), the ledger's
actions, and the report expected from reading the rules in `chiso::quality`:

- `expected`: items P1 must report in the period; `reported`: those standing (not returned);
- `completeness` = 100 × reported / expected, one decimal, half up;
- `score` = Σ over the four dimensions of 25 × (1 − Σ cost / n), n the items judged, an item
  costing 1 in a dimension with an error there and ½ with only warnings; one decimal, half up;
- `findings`: [code, item, revision] sorted by item, dimension (correct, complete, clean,
  live), code.

The calendar is the plain one with 5 working days: 2026-Q1 (ends Tue 31 Mar) is due Tue 7 Apr,
2026-Q2 (ends Tue 30 Jun) Tue 7 Jul, 2026-05 (ends Sun 31 May) Fri 5 Jun. Reports as of
10 July 2026 unless said."""

import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "../.."))
import chain  # noqa: E402

ORG = {"units": [
    {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
    {"id": "P1", "name": {"vi": "Tỉnh 1", "en": "Province 1"}, "kind": "province", "parent": "BCD"},
    {"id": "P2", "name": {"vi": "Tỉnh 2", "en": "Province 2"}, "kind": "province", "parent": "BCD"},
]}
C01 = {"unit": "P1", "item": "C01", "role": "lead", "focal_officer": "Trần Thị B", "from": "2026-Q1",
       "assigned_by": "BCD"}
B01 = {"unit": "P1", "item": "B01", "role": "lead", "focal_officer": "Trần Thị B", "from": "2026-05",
       "assigned_by": "BCD"}
CALENDAR = {"calendar": {"kind": "calendar"}, "due_working_days": 5}
PDF = chain.evidence("bao_cao.pdf", "Báo cáo")


def sub(item, period, value, at, **kw):
    kw.setdefault("evidence_list", [PDF])
    return chain.submission("P1", item, period, value, at, **kw)


def n(x):
    return {"number": x}


def ok(revision):
    return chain.approve(revision, "bcd", "2026-07-08T10:00:00")


Q1 = [sub("sandbox_van_hanh", "2026-Q1", n("1"), "2026-04-02T09:00:00"), ok(1)]


def case(name, actions, expected, period="2026-Q2", as_of="2026-07-10T00:00:00", assignments=(C01,)):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    doc = {"org": ORG, "assignments": list(assignments), "calendar": CALENDAR, "actions": actions,
           "unit": "P1", "period": period, "as_of": as_of}
    (folder / "input.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def expect(expected, reported, completeness, score, findings):
    return {"expected": expected, "reported": reported, "completeness": completeness, "score": score,
            "findings": findings}


# Q1 and Q2 reported on time with evidence, approved: nothing found, 4 × 25.
case("clean", Q1 + [sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-07-02T09:00:00"), ok(3)],
     expect(1, 1, "100.0", "100.0", []))
# Nothing at all: Q2 missing (error, complete) and overdue (error, live); Q1 to back-fill
# (warning, complete; the error decides). 25 + 0 + 25 + 0.
case("nothing-sent", [], expect(1, 0, "0.0", "50.0", [
    ["complete.backfill", "sandbox_van_hanh", None],
    ["complete.missing", "sandbox_van_hanh", None],
    ["live.overdue", "sandbox_van_hanh", None]]))
# Before the Q2 deadline: still missing, not yet overdue. 25 + 0 + 25 + 25.
case("not-yet-due", Q1, expect(1, 0, "0.0", "75.0", [["complete.missing", "sandbox_van_hanh", None]]),
     as_of="2026-07-07T16:00:00")
# Sent the day after the deadline, in "%" instead of the catalogue's "cơ chế" / "sandboxes":
# clean error (0) and live warning (12.5): 25 + 25 + 0 + 12.5.
case("late-in-the-wrong-unit", Q1 + [sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-07-08T08:00:00", measure="%")],
     expect(1, 1, "100.0", "62.5", [
         ["clean.unit_mismatch", "sandbox_van_hanh", 3],
         ["live.late", "sandbox_van_hanh", 3]]))
# Returned and not sent again: nothing stands (reported 0). The first revision was on time.
case("returned", Q1 + [sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-07-02T09:00:00"),
                       chain.give_back(3, "bcd", "2026-07-03T10:00:00", "Thiếu quyết định")],
     expect(1, 0, "0.0", "75.0", [["complete.returned", "sandbox_van_hanh", 3]]))
# 0 sandboxes in Q1 and Q2: the line from 0 (end of March) to 1 (end of 2026) asks 3/9 by the
# end of June; 0 is behind and no explanation was filed. Items judged: the input and C01, so
# complete loses 1 of 2 shares: 25 + 12.5 + 25 + 25.
case("off-track-unexplained",
     [sub("sandbox_van_hanh", "2026-Q1", n("0"), "2026-04-02T09:00:00"), ok(1),
      sub("sandbox_van_hanh", "2026-Q2", n("0"), "2026-07-02T09:00:00"), ok(3)],
     expect(1, 1, "100.0", "87.5", [["complete.explanation_missing", "C01", None]]))
# The same, explained: nothing found.
case("off-track-explained",
     [sub("sandbox_van_hanh", "2026-Q1", n("0"), "2026-04-02T09:00:00"), ok(1),
      sub("sandbox_van_hanh", "2026-Q2", n("0"), "2026-07-02T09:00:00"), ok(3),
      chain.explain("P1", "C01", "2026-Q2", "Chưa ban hành quy chế thử nghiệm.", ["institutions"],
                    "Trình ban hành quy chế trong quý III.", "2026-07-03T09:00:00")],
     expect(1, 1, "100.0", "100.0", []))
# A value from a connected system delivered on 20 June, before Q2 ended: stale (warning).
case("stale-system-value",
     Q1 + [sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-06-20T09:00:00",
               source={"kind": "system", "system": "HTTT_KHCN"}), ok(3)],
     expect(1, 1, "100.0", "87.5", [["live.stale", "sandbox_van_hanh", 3]]))
# Sent twice unchanged (warning, clean), and no evidence (error, correct): 0 + 25 + 12.5 + 25.
case("duplicate-without-evidence",
     Q1 + [sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-07-02T09:00:00", evidence_list=[]),
           sub("sandbox_van_hanh", "2026-Q2", n("1"), "2026-07-03T09:00:00", evidence_list=[])],
     expect(1, 1, "100.0", "62.5", [
         ["correct.no_evidence", "sandbox_van_hanh", 4],
         ["clean.duplicate", "sandbox_van_hanh", 4]]))
# May, B01 (digital documents): 120 processed electronically of 100 in all breaks R_B01
# (error), on the first input the rule reads. Two items: correct loses 1 of 2 shares.
case("rule-broken",
     [sub("van_ban_dien_tu", "2026-05", n("120"), "2026-06-01T09:00:00"),
      sub("van_ban_tong", "2026-05", n("100"), "2026-06-01T09:00:00")],
     expect(2, 2, "100.0", "87.5", [["correct.rule", "van_ban_dien_tu", 1]]),
     period="2026-05", as_of="2026-06-10T00:00:00", assignments=(B01,))
# Assigned in the ledger, not in the file: the same as "nothing-sent", the assignment being in
# force from its entry on as a row of the file would be.
GIVE_C01 = chain.assign(C01, "bcd", "2026-01-05T09:00:00")
case("assigned-in-the-ledger", [GIVE_C01], expect(1, 0, "0.0", "50.0", [
    ["complete.backfill", "sandbox_van_hanh", None],
    ["complete.missing", "sandbox_van_hanh", None],
    ["live.overdue", "sandbox_van_hanh", None]]), assignments=())
# Withdrawn whole (an assignment made in error): nothing is expected, so there is no
# completeness and no score (missing is not a perfect 100), and nothing is found.
case("withdrawn-in-the-ledger",
     [GIVE_C01, chain.withdraw(1, "bcd", "2026-02-01T09:00:00", "Giao nhầm")],
     expect(0, 0, None, None, []), assignments=())
# Withdrawn after 2026-Q1: Q1 stays assigned. Nothing sent for it by 10 July: missing (error,
# complete) and overdue (error, live; Q1 was due 7 April); no earlier period was assigned, so
# nothing to back-fill. 25 + 0 + 25 + 0.
case("withdrawn-after-q1",
     [GIVE_C01, chain.withdraw(1, "bcd", "2026-02-01T09:00:00", "Chuyển cho Sở", to="2026-Q1")],
     expect(1, 0, "0.0", "50.0", [
         ["complete.missing", "sandbox_van_hanh", None],
         ["live.overdue", "sandbox_van_hanh", None]]), period="2026-Q1", assignments=())
