#!/usr/bin/env python3
"""Writes `cases.json`: the evaluation's building blocks (score, combine, rank, progress),
each case with its input and the exact output every binding must print, worked out by hand in
the comment beside it (never copied from a run of chiso).

Scoring reads the embedded NQ57 catalogue: B05 (≥ 85 % in 2026, each unit), B07 (≤ 5 days in
2026, lower is better), B18 (a band 60–85 in 2026), B15 (yes/no), C01 and C02 (counts).
Progress: times are month indices; a yearly period ends in its December, the target at the
end of its year, so from 2025 to 2026 is 12 months and from 2025 to the end of 2030 is 60.
ratio = (xₜ − x₀)·60 / ((x* − x₀)·12), shown at 4 places; on track ≥ 0.95, needs acceleration
≥ 0.5, limited progress ≥ 0, deterioration below."""

import json
import pathlib

HERE = pathlib.Path(__file__).parent


def n(s):
    return {"number": s}


def score(name, indicator, value, expected, rule=None, peers=None, year=2026):
    inp = {"indicator": indicator, "value": value, "year": year}
    if rule is not None:
        inp["rule"] = rule
    if peers is not None:
        inp["peers"] = peers
    out = {"fraction": expected}
    return {"name": name, "call": "score", "input": inp, "output": json.dumps(out, separators=(",", ":"))}


def call(kind, name, inp, out):
    return {"name": name, "call": kind, "input": inp, "output": json.dumps(out, separators=(",", ":"), ensure_ascii=False)}


STEPS = {"kind": "steps", "steps": [{"at_least": "4", "fraction": "1"}, {"at_least": "3", "fraction": "0.75"},
                                    {"at_least": "2", "fraction": "0.5"}, {"at_least": "1", "fraction": "0.25"}]}
CATEGORIES = {"kind": "categorical", "categories": [{"value": n("2"), "fraction": "1"},
                                                    {"value": n("1"), "fraction": "0.5"}]}

CASES = [
    # Ratio to target (the default rule): 68 / 85 = 0.8.
    score("ratio-below-target", "B05", n("68"), "0.8"),
    # 90 ≥ 85: capped at 1.
    score("ratio-capped", "B05", n("90"), "1"),
    # Uncapped: 93.5 / 85 = 1.1.
    score("ratio-uncapped", "B05", n("93.5"), "1.1", rule={"kind": "ratio_to_target", "cap": False}),
    # Lower is better: target 5 over 8 days = 0.625.
    score("ratio-lower-is-better", "B07", n("8"), "0.625"),
    # Band 60–85: inside scores 1.
    score("ratio-band-inside", "B18", n("72"), "1"),
    # Above the band: 85 / 90 = 0.9444… (28 places, the last digit 4 as the next one is 4).
    score("ratio-band-above", "B18", n("90"), "0.9444444444444444444444444444"),
    # Beating a target is no fault unless the indicator is declared a band (inside_band):
    # A09 "= 90" (national, 2030), more is better: 95 meets it.
    score("ratio-equal-beaten", "A09", n("95"), "1", year=2030),
    # A17, range 40–50, more is better: 55 is beyond it on the better side.
    score("ratio-range-beaten", "A17", n("55"), "1", year=2030),
    # A17 below the range: 30 / 40 = 0.75.
    score("ratio-range-short", "A17", n("30"), "0.75", year=2030),
    # Rank targets by scope: A01 is ≤ 3 in ASEAN and ≤ 50 in the world, its value the world
    # rank: 40 meets it; 80 is 50 / 80 = 0.625.
    score("ratio-world-rank-met", "A01", n("40"), "1", year=2030),
    score("ratio-world-rank-short", "A01", n("80"), "0.625", year=2030),
    # A03 has only the ASEAN target ≤ 3: rank 4 is 3 / 4 = 0.75.
    score("ratio-asean-rank", "A03", n("4"), "0.75", year=2030),
    # Steps: 3 reaches "at least 3" → 0.75.
    score("steps-middle", "C01", n("3"), "0.75", rule=STEPS),
    # 0 reaches no step → 0.
    score("steps-below-all", "C01", n("0"), "0", rule=STEPS),
    # Categorical: 1 → half.
    score("categorical-half", "C01", n("1"), "0.5", rule=CATEGORIES),
    # A value in no category → 0.
    score("categorical-other", "C01", n("5"), "0", rule=CATEGORIES),
    # Min–max over peers 100, 150, 300: (150 − 100) / (300 − 100) = 0.25.
    score("min-max", "C02", n("150"), "0.25", rule={"kind": "min_max"}, peers=["100", "150", "300"]),
    # z-score: peers 2,4,4,4,5,5,7,9 have mean 5 and population sd 2; 8 is z = 1.5,
    # mapped (z + 3) / 6 = 0.75.
    score("z-score", "C02", n("8"), "0.75", rule={"kind": "z_score"}, peers=["2", "4", "4", "4", "5", "5", "7", "9"]),
    # Distance to target, lower is better: 1 − |5 − 8| / 5 = 0.4.
    score("distance-lower-is-better", "B07", n("8"), "0.4", rule={"kind": "distance_to_target"}),
    # Goalposts 20–70: (45 − 20) / 50 = 0.5.
    score("goalposts", "C02", n("45"), "0.5", rule={"kind": "goalposts", "low": "20", "high": "70"}),
    # Yes/no.
    score("yes", "B15", {"bool": True}, "1"),
    score("no", "B15", {"bool": False}, "0"),
    # Missing is not zero: no score at all.
    score("missing", "B05", {"missing": "no_data"}, None),

    # DTI form: Σ fraction × points / Σ points = (0.8123·300 + 0.6571·200 + 0.5·250 + 0.6·250)
    # / 1000 = (243.69 + 131.42 + 125 + 150) / 1000 = 0.65011 → 0.6501 at 4 places.
    call("combine", "dti-points", {"method": "points", "round_to": 4, "parts": [
        {"points": "300", "fraction": "0.8123"}, {"points": "200", "fraction": "0.6571"},
        {"points": "250", "fraction": "0.5"}, {"points": "250", "fraction": "0.6"}]}, {"fraction": "0.6501"}),
    # Weighted mean, weights 2, 1, 1, the last missing. Zero: (1.8 + 0.6 + 0) / 4 = 0.6.
    call("combine", "missing-zero", {"missing": "zero", "parts": [
        {"weight": "2", "fraction": "0.9"}, {"weight": "1", "fraction": "0.6"}, {"weight": "1"}]}, {"fraction": "0.6"}),
    # Rescale (PAR): (1.8 + 0.6) / 3 = 0.8.
    call("combine", "missing-rescale", {"missing": "rescale", "parts": [
        {"weight": "2", "fraction": "0.9"}, {"weight": "1", "fraction": "0.6"}, {"weight": "1"}]}, {"fraction": "0.8"}),
    # Last value with none to impute: left out, as under rescale: 0.8.
    call("combine", "missing-last-value-none", {"missing": "last_value", "parts": [
        {"weight": "2", "fraction": "0.9"}, {"weight": "1", "fraction": "0.6"}, {"weight": "1"}]}, {"fraction": "0.8"}),
    # Geometric mean of 0.25 and 1, equal weights: √0.25 = 0.5.
    call("combine", "geometric", {"method": "geometric_mean", "round_to": 4, "parts": [
        {"fraction": "0.25"}, {"fraction": "1"}]}, {"fraction": "0.5"}),
    # Equal inputs give that input.
    call("combine", "equal-inputs", {"parts": [{"weight": "3", "fraction": "0.7"}, {"weight": "1", "fraction": "0.7"}]},
         {"fraction": "0.7"}),
    # Nothing to combine.
    call("combine", "all-missing-rescale", {"missing": "rescale", "parts": [{"weight": "1"}]}, {"fraction": None}),
]

# Ranking at the published precision (3 places): 0.63304 and 0.63296 are both shown as 0.633
# and share a rank; 0.7 is first, 0.5 last; AG has no score and is unranked, last.
SCORES = [{"unit": "HY", "score": "0.63304"}, {"unit": "BN", "score": "0.63296"}, {"unit": "HUE", "score": "0.7"},
          {"unit": "CB", "score": "0.5"}, {"unit": "AG"}]


def placed(rows):
    return [{"unit": u, "score": s, "rank": r} for u, s, r in rows]


for ties, ranks in [("competition", ["1", "2", "2", "4"]), ("dense", ["1", "2", "2", "3"]),
                    ("average", ["1", "2.5", "2.5", "4"]), ("ordinal", ["1", "2", "3", "4"])]:
    CASES.append(call("rank", f"ties-{ties}", {"scores": SCORES, "rule": {"ties": ties, "round_to": 3}},
                      placed([("HUE", "0.7", ranks[0]), ("BN", "0.633", ranks[1]), ("HY", "0.633", ranks[2]),
                              ("CB", "0.5", ranks[3]), ("AG", None, None)])))
# Ranked on the exact scores, HY (0.63304) is ahead of BN (0.63296).
CASES.append(call("rank", "exact-scores", {"scores": SCORES, "rule": {"round_to": None}},
                  placed([("HUE", "0.7", "1"), ("HY", "0.63304", "2"), ("BN", "0.63296", "3"), ("CB", "0.5", "4"),
                          ("AG", None, None)])))


def progress(name, target, baseline, latest, status, ratio):
    return call("progress", name, {"target": target, "baseline": {"period": baseline[0], "value": baseline[1]},
                                   "latest": {"period": latest[0], "value": latest[1]}},
                {"status": status, "ratio": ratio})


AT_LEAST_80 = {"comparator": ">=", "value": "80", "scope": "national", "year": 2030}
CASES += [
    # (50 − 40)·60 / (40·12) = 600 / 480 = 1.25.
    progress("on-track", AT_LEAST_80, ("2025", "40"), ("2026", "50"), "on_track", "1.2500"),
    # (45 − 40)·60 / 480 = 0.625.
    progress("needs-acceleration", AT_LEAST_80, ("2025", "40"), ("2026", "45"), "needs_acceleration", "0.6250"),
    # (42 − 40)·60 / 480 = 0.25.
    progress("limited-progress", AT_LEAST_80, ("2025", "40"), ("2026", "42"), "limited_progress", "0.2500"),
    # (38 − 40)·60 / 480 = −0.25.
    progress("deterioration", AT_LEAST_80, ("2025", "40"), ("2026", "38"), "deterioration", "-0.2500"),
    # 85 ≥ 80: met, on track, no ratio.
    progress("target-met", AT_LEAST_80, ("2025", "40"), ("2026", "85"), "on_track", None),
    # One point in time: cannot assess.
    progress("one-point", AT_LEAST_80, ("2026", "40"), ("2026", "45"), "cannot_assess", None),
    # Lower is better, ≤ 3 by 2030 from 7: (6 − 7)·60 / ((3 − 7)·12) = −60 / −48 = 1.25.
    progress("lower-is-better", {"comparator": "<=", "value": "3", "scope": "national", "year": 2030},
             ("2025", "7"), ("2026", "6"), "on_track", "1.2500"),
    # Zero baseline, ≥ 10 by 2030: 1·60 / (10·12) = 0.5.
    progress("zero-baseline", {"comparator": ">=", "value": "10", "scope": "national", "year": 2030},
             ("2025", "0"), ("2026", "1"), "needs_acceleration", "0.5000"),
    # A band 60–85 from 40: aims at 60: (50 − 40)·60 / (20·12) = 2.5.
    progress("range", {"comparator": "range", "min": "60", "max": "85", "scope": "national", "year": 2030},
             ("2025", "40"), ("2026", "50"), "on_track", "2.5000"),
    # A qualitative target cannot be judged.
    progress("qualitative", {"comparator": "text", "text": {"vi": "Hoàn thành", "en": "Completed"}, "scope": "national",
                             "year": 2030}, ("2025", "40"), ("2026", "50"), "cannot_assess", None),
]

(HERE / "cases.json").write_text(json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(CASES)} cases")
