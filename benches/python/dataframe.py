"""Evaluating a quarter from a pandas DataFrame through Python, side by side with native Rust
on the same data.

    make bench-python            # or: python benches/python/dataframe.py [OBSERVATIONS] [RUNS]

Generates the seeded national data set (``target/release/national``), times the native side
(``target/release/quarter``: import the rows into a ledger, approved, and evaluate 2026-Q3),
then times ``Reporting.evaluate(dataframe, ...)`` on the same CSV read by pandas (reading is
not timed on either side). Prints both medians, the ratio, and checks both sides published
the same scores (the sum of every unit's score, exactly).
"""

import json
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pandas as pd

import chiso

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT / "target" / "release"


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    data = ROOT / "target" / "bench-data" / f"national-{target}"
    if not (data / "observations.csv").exists():
        subprocess.run([str(RELEASE / "national"), str(target), str(data)], check=True)
    native = json.loads(
        subprocess.run([str(RELEASE / "quarter"), str(data), str(runs)], check=True, capture_output=True, text=True).stdout
    )

    frame = pd.read_csv(data / "observations.csv")  # as a data scientist would: values as float64
    reporting = chiso.Reporting(
        chiso.Catalogue.nq57(),
        (data / "org.json").read_text(encoding="utf-8"),
        (data / "assignments.json").read_text(encoding="utf-8"),
    )
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        evaluation = reporting.evaluate(frame, "2026-Q3", "2026-10-15T00:00:00")
        times.append(time.perf_counter() - start)
    python = statistics.median(times)
    total = sum((u["score"] for u in evaluation.units() if u["score"] is not None), Decimal(0))

    assert len(evaluation) == native["units"], (len(evaluation), native["units"])
    assert total == Decimal(native["score_sum"]), (total, native["score_sum"])
    n = len(frame)
    print(f"observations {n:,}, units {native['units']:,}, runs {runs} (median)")
    print(f"{'':24}{'seconds':>10}{'ns/observation':>18}")
    print(f"{'native Rust':24}{native['seconds']:>10.3f}{native['seconds'] / n * 1e9:>18.0f}")
    print(f"{'Python from DataFrame':24}{python:>10.3f}{python / n * 1e9:>18.0f}")
    print(f"ratio Python / native: {python / native['seconds']:.3f} (goal ≤ 1.3); scores agree: {total}")


if __name__ == "__main__":
    main()
