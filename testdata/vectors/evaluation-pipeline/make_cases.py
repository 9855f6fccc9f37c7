#!/usr/bin/env python3
"""Writes the evaluation-pipeline cases: `Reporting::evaluate` on a small world, each case an
`input.json` (chart, assignments, calendar, ledger actions, period, as-of time, scheme) and an
`expected.json` worked out by hand below; `output.json` (the whole evaluation) is written by
the Rust suite with CHISO_BLESS=1 and compared byte for byte by every suite.

The world: provinces P1–P3, one peer group, each assigned C01 (sandboxes in operation; ≥ 1 in
2026 for each unit) and B05 (end-to-end online services over eligible procedures, × 100; ≥ 85
in 2026). Both weigh 1; C01 is in pillar THE_CHE of Layer C, B05 in CHINH_PHU_SO of Layer B;
a layer weighs the sum of its indicators' weights, so the total is the mean of the two scores.

  Q1: P1 C01 0, B05 68;  P2 C01 1, B05 90;  P3 C01 1, B05 90.
  Q2: P1 C01 1, B05 68;  P2 C01 0, B05 90;  P3 B05 90, no C01.

Scores (ratio to target, capped): C01 1/1 = 1 or 0/1 = 0; B05 68/85 = 0.8 or 90 ≥ 85 → 1.
  zero policy, Q2:    P1 (1 + 0.8)/2 = 0.9;  P2 (0 + 1)/2 = 0.5;  P3 (0 + 1)/2 = 0.5.
  zero policy, Q1:    P1 (0 + 0.8)/2 = 0.4;  P2 1;  P3 1.
    Q2 ranks (competition) P1 1, P2 2, P3 2; Q1 P2 1, P3 1, P1 3: movement +2, −1, −1.
  rescale policy, Q2: P3's missing C01 drops out with its pillar and layer: P3 = 1; P1 0.9;
    P2 0.5: ranks P3 1, P1 2, P2 3; Q1 as above (nothing missing): movement 0, +1, −2.

Progress and off track (one definition, towards each indicator's next milestone, 2026 here;
baseline Q1, the end of March, 9 months before the end of 2026, 3 of them gone by June):
  P1 C01 0 → 1 meets ≥ 1: on track, no ratio. P1 B05 68 → 68: ratio 0, limited progress, off
    track; the line asks 68 + 17·3/9 = 73.67 by June ("about 73.67 needed, 68 reached").
  P2 C01 1 → 0: the baseline sat on the target and the value left it: deterioration, off track
    ("moving away from ≥ 1 by 2026: 2026-Q1 1 → 2026-Q2 0"). P2, P3 B05 90 meet ≥ 85.
"""

import json
import pathlib

HERE = pathlib.Path(__file__).parent
PROVINCES = ["P1", "P2", "P3"]
EVIDENCE = [{"file_name": "bao_cao.pdf", "sha256": "ab" * 32, "size": 2048, "media_type": "application/pdf"}]


def org():
    units = [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"}]
    units += [{"id": p, "name": {"vi": f"Tỉnh {p}", "en": f"Province {p}"}, "kind": "province", "parent": "BCD"}
              for p in PROVINCES]
    return {"units": units,
            "peer_groups": [{"id": "tinh", "name": {"vi": "Các tỉnh", "en": "Provinces"}, "members": PROVINCES}]}


def assignments():
    return [{"unit": p, "item": item, "role": "lead", "focal_officer": "can_bo", "from": "2026-Q1",
             "assigned_by": "BCD"} for p in PROVINCES for item in ["C01", "B05"]]


def actions(p2_q2="90"):
    out = []

    def report(unit, item, period, value):
        out.append({"kind": "submit", "submission": {
            "unit": unit, "item": item, "period": period, "value": {"number": value}, "source": {"kind": "form"},
            "evidence": EVIDENCE, "submitted_by": "can_bo", "submitted_at": "2026-07-03T09:00:00"}})
        out.append({"kind": "approve", "revision": len(out), "by": "lanh_dao", "at": "2026-07-08T10:00:00"})

    quarters = {"2026-Q1": [("P1", "0", "68"), ("P2", "1", "90"), ("P3", "1", "90")],
                "2026-Q2": [("P1", "1", "68"), ("P2", "0", p2_q2), ("P3", None, "90")]}
    for period, rows in quarters.items():
        for unit, c01, part in rows:
            if c01 is not None:
                report(unit, "sandbox_van_hanh", period, c01)
            report(unit, "tthc_du_dieu_kien", period, "100")
            report(unit, "dvc_toan_trinh", period, part)
    return out


# Invalid data (issue 18): P2 reports 104 end-to-end services of 100 eligible procedures in Q2,
# against rule R_B05 (dvc_toan_trinh <= tthc_du_dieu_kien, an error). By default B05 is missing
# ("invalid"), 0 under the zero policy: P2 = (0 + 0)/2 = 0; P1 0.9, P3 0.5: ranks P1 1, P3 2,
# P2 3; against Q1 (P2 1, P3 1, P1 3) movement +2, −1, −2. Scored anyway, B05 = 104/85 capped
# at 1 and P2 = 0.5, as in the zero-policy case.
CASES = {
    "zero-policy": ({"missing": "zero", "sensitivity": {"runs": 5}},
                    {"scores": {"P1": "0.9", "P2": "0.5", "P3": "0.5"},
                     "ranking": [["P1", "1", "2"], ["P2", "2", "-1"], ["P3", "2", "-1"]]}, "90"),
    "rescale-policy": ({"missing": "rescale", "sensitivity": {"runs": 5}},
                       {"scores": {"P1": "0.9", "P2": "0.5", "P3": "1"},
                        "ranking": [["P3", "1", "0"], ["P1", "2", "1"], ["P2", "3", "-2"]]}, "90"),
    "invalid-not-scored": ({"missing": "zero", "sensitivity": {"runs": 5}},
                           {"scores": {"P1": "0.9", "P2": "0", "P3": "0.5"},
                            "ranking": [["P1", "1", "2"], ["P3", "2", "-1"], ["P2", "3", "-2"]]}, "104"),
    "invalid-scored": ({"missing": "zero", "invalid": "scored", "sensitivity": {"runs": 5}},
                       {"scores": {"P1": "0.9", "P2": "0.5", "P3": "0.5"},
                        "ranking": [["P1", "1", "2"], ["P2", "2", "-1"], ["P3", "2", "-1"]]}, "104"),
}
# Dense ties, Q1 (issue 18): P2 and P3 score (1 + 1)/2 = 1, P1 (0 + 68/85)/2 = 0.4. Dense ranks
# 1, 1, 2; Q4 2025 has no value at all, so no previous rank and no movement. P1's quartile band
# is that of its place, 3 (⌊4·2/3⌋ + 1), as output.json shows, not that of its dense rank 2;
# and Q1 ended before NQ57 2026.06 took effect (19 June), which the result warns of.
PERIODS = {"dense-ties-q1": "2026-Q1"}
CASES["dense-ties-q1"] = ({"missing": "zero", "ranking": {"ties": "dense"}, "sensitivity": {"runs": 5}},
                          {"scores": {"P1": "0.4", "P2": "1", "P3": "1"},
                           "ranking": [["P2", "1", None], ["P3", "1", None], ["P1", "2", None]]}, "90")

for name, (scheme, expected, p2_q2) in CASES.items():
    d = HERE / name
    d.mkdir(exist_ok=True)
    case = {"org": org(), "assignments": assignments(),
            "calendar": {"calendar": {"kind": "calendar"}, "due_working_days": 5}, "actions": actions(p2_q2),
            "period": PERIODS.get(name, "2026-Q2"), "as_of": "2026-07-10T00:00:00", "scheme": scheme}
    (d / "input.json").write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (d / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
print(f"{len(CASES)} cases")
