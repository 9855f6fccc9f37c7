"""The national quarter side by side: native Rust, the Python binding from a pandas DataFrame,
the pandas baseline, and wasm under Node, on the same seeded data set at several sizes.

    make bench-national                      # all four sizes: 0.25x 0.5x 1x 2x (of 2.6M rows)
    python benches/python/national.py [SIZE ...] [--runs N] [--bin-dir DIR]
    python benches/python/national.py --quick --bin-dir target/debug   # what `make test` runs

``--quick`` runs every side once on the smallest data set (one commune a province, about
63,000 rows) and checks that they agree: a test, not a measurement.

Each size's data set is written once by ``target/release/national`` into
``target/bench-data/national-SIZE``. Every side reads its inputs outside the timing and runs in
its own process (so each peak memory is its own):

- native: ``target/release/quarter`` (import the rows into the ledger, approved, and evaluate);
- Python: ``Reporting.evaluate(dataframe, ...)`` on the CSV as pandas reads it;
- pandas: ``benches/baselines/quarter_pandas.py``, checked unit by unit against chiso's ranking;
- wasm: ``benches/js/quarter.mjs`` (``Ledger.fromJsonl`` + ``evaluateJson``) beside the native
  tool doing the same work (``--via-jsonl``), for sizes whose ledger fits a V8 string.

Every side must publish the same scores (their exact sum is compared; the pandas baseline is
compared unit by unit). Prints one Markdown table for BENCHMARKS.md.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release"
PYTHON = sys.executable
# A JSON Lines ledger of one import batch takes about 187 bytes an observation (238,494,335
# bytes for the 0.5x set's 1,277,788); V8 refuses strings over 2**29 - 24.
JSONL_BYTES_PER_OBSERVATION = 187
V8_MAX_STRING = 2**29 - 24


def run_json(command: list[str]) -> dict:
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def python_side(data: Path, runs: int) -> None:
    """The Python binding, in this process: prints its JSON line."""
    import pandas as pd

    import chiso

    frame = pd.read_csv(data / "observations.csv", keep_default_na=False, na_values=[""])
    reporting = chiso.Reporting(
        chiso.Catalogue.from_json((data / "catalogue.json").read_text(encoding="utf-8")),
        (data / "org.json").read_text(encoding="utf-8"),
        (data / "assignments.json").read_text(encoding="utf-8"),
    )
    times = []
    for _ in range(runs):
        evaluation = None  # the previous run's result freed first
        start = time.perf_counter()
        evaluation = reporting.evaluate(frame, "2026-Q3", "2026-10-15T00:00:00")
        times.append(time.perf_counter() - start)
    total = sum((u["score"] for u in evaluation.units() if u["score"] is not None), Decimal(0))
    print(json.dumps({
        "units": len(evaluation),
        "score_sum": str(total),
        "seconds": statistics.median(times),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))


def measure(label: str, runs: int) -> dict:
    data = ROOT / "target" / "bench-data" / f"national-{label}"
    if (data / "catalogue.json").exists() and not (data / "org.json").exists():
        raise SystemExit(f"{data}: an incomplete data set; remove it")
    if not (data / "observations.csv").exists():
        subprocess.run([str(BIN / "national"), label, str(data)], check=True)
    ranking = data / "chiso-ranking.csv"
    native = run_json([str(BIN / "quarter"), str(data), str(runs), "--ranking", str(ranking)])
    n = native["observations"]
    row = {"label": label, "native": native}
    row["python"] = run_json([PYTHON, __file__, "--python-side", str(data), str(runs)])
    row["pandas"] = run_json([
        PYTHON, str(ROOT / "benches" / "baselines" / "quarter_pandas.py"), str(data), str(runs),
        "--check", str(ranking),
    ])
    if n * JSONL_BYTES_PER_OBSERVATION < V8_MAX_STRING * 0.9:
        jsonl = data / "ledger.jsonl"
        if not jsonl.exists():
            run_json([str(BIN / "quarter"), str(data), "1", "--jsonl", str(jsonl)])
        if jsonl.stat().st_size < V8_MAX_STRING:
            row["native_jsonl"] = run_json([
                str(BIN / "quarter"), str(data), str(runs), "--via-jsonl", str(jsonl),
            ])
            row["wasm"] = run_json(["node", str(ROOT / "benches" / "js" / "quarter.mjs"), str(data), str(jsonl), str(runs)])
    for side in ("python", "wasm", "native_jsonl"):
        if side in row:
            assert row[side]["score_sum"] == native["score_sum"], (side, row[side]["score_sum"], native["score_sum"])
    assert Decimal(row["pandas"]["score_sum"]) == Decimal(native["score_sum"]), row["pandas"]
    return row


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--python-side"]:
        python_side(Path(args[1]), int(args[2]))
        return
    global BIN
    runs = 1
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    if "--bin-dir" in args:
        i = args.index("--bin-dir")
        BIN = (ROOT / args[i + 1]).resolve()
        del args[i : i + 2]
    if "--quick" in args:
        args.remove("--quick")
        args = args or ["0.001x"]
    labels = args or ["0.25x", "0.5x", "1x", "2x"]
    print(f"machine: {os.cpu_count()} cores; runs per side: {runs} (median)", flush=True)
    rows = []
    for label in labels:
        row = measure(label, runs)
        rows.append(row)
        print(json.dumps(row), flush=True)

    def ns(side: dict, n: int) -> str:
        return f"{side['seconds']:.2f} s ({side['seconds'] / n * 1e9:,.0f} ns/obs)"

    mb = lambda b: f"{b / 2**20:,.0f} MB"  # noqa: E731
    print()
    print("| size | observations | units | native (import + evaluate) | native peak / input | Python from DataFrame | Python ÷ native (goal ≤ 1.3) | pandas baseline | pandas ÷ native (goal ≥ 5) | wasm (from JSONL) | wasm ÷ native, same path (goal ≤ 2.5) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        native, n = row["native"], row["native"]["observations"]
        wasm = row.get("wasm")
        wasm_cells = (
            f"{ns(wasm, n)} | {wasm['seconds'] / row['native_jsonl']['seconds']:.2f} (native {row['native_jsonl']['seconds']:.2f} s)"
            if wasm else "does not fit (see text) | –"
        )
        print(
            f"| {row['label']} | {n:,} | {native['units']:,} | {ns(native, n)} "
            f"(import {native['import_seconds']:.2f} s) | {mb(native['peak_rss_bytes'])} / {mb(native['input_bytes'])} "
            f"({native['peak_rss_bytes'] / native['input_bytes']:.1f}×) | {ns(row['python'], n)} | "
            f"{row['python']['seconds'] / native['seconds']:.2f} | {ns(row['pandas'], n)} | "
            f"{row['pandas']['seconds'] / native['seconds']:.2f} | {wasm_cells} |"
        )
    if len(rows) > 1:
        first, last = rows[0]["native"], rows[-1]["native"]
        growth = (last["seconds"] / last["observations"]) / (first["seconds"] / first["observations"])
        print(f"\nslope: ns per observation at {rows[-1]['label']} ÷ at {rows[0]['label']} = {growth:.2f} (1.00 is linear)")


if __name__ == "__main__":
    main()
