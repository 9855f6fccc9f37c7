#!/usr/bin/env python3
"""Writes each fuzz target's seed inputs (fuzz/seeds/<target>/) from the golden vectors, the
bundled sample and the embedded catalogue, so every run starts from inputs that already reach
deep into the parsers. Rerun after the vectors change; the corpus libFuzzer grows from them
lives in fuzz/corpus/ and is not committed."""

import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
VECTORS = ROOT / "testdata" / "vectors"


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


shutil.rmtree(SEEDS, ignore_errors=True)

# formula: each vector's expression, then a NUL and a few value bytes.
for case in sorted((VECTORS / "formula").iterdir()):
    if case.is_dir():
        expression = json.loads((case / "input.json").read_text(encoding="utf-8"))["expression"]
        write("formula", case.name, expression.encode("utf-8") + b"\0\0" + bytes(range(0, 102)))

# catalogue: the minimal example and each validation vector (the 300 KB embedded catalogue would
# slow every execution tenfold; its shapes are all in these).
write("catalogue", "minimal", (ROOT / "examples" / "catalogues" / "minimal.json").read_text(encoding="utf-8"))
for case in sorted((VECTORS / "catalogue-validation").iterdir()):
    if case.is_dir():
        write("catalogue", case.name, (case / "input.json").read_bytes())

# period: every vector's period text.
for case in sorted((VECTORS / "period").iterdir()):
    if case.is_dir():
        write("period", case.name, json.loads((case / "input.json").read_text(encoding="utf-8"))["period"])

# ledger: every ledger vector, and the sample's first 10 entries.
for case in sorted((VECTORS / "ledger").iterdir()):
    if case.is_dir():
        write("ledger", case.name, (case / "ledger.jsonl").read_bytes())
sample = ROOT / "examples" / "data" / "sample"
write("ledger", "sample-head", "".join((sample / "ledger.jsonl").read_text(encoding="utf-8").splitlines(True)[:10]))

# filing: the sample's submissions and explanations, grouped as one unit's filings.
by_unit = {}
for line in (sample / "ledger.jsonl").read_text(encoding="utf-8").splitlines():
    action = json.loads(line)["action"]
    if action.get("kind") == "submit" or "submission" in action:
        s = action["submission"]
        by_unit.setdefault(s["unit"], {"submissions": [], "explanations": []})["submissions"].append(s)
    elif "explanation" in action:
        e = action["explanation"]
        by_unit.setdefault(e["unit"], {"submissions": [], "explanations": []})["explanations"].append(e)
for unit, filing in sorted(by_unit.items())[:12]:
    filing["submissions"] = filing["submissions"][:6]
    filing["explanations"] = filing["explanations"][:2]
    write("filing", unit, json.dumps(filing, ensure_ascii=False))

# field: two bytes (the item's index in the catalogue, then the whole-number flag), the text.
for case in sorted((VECTORS / "field").iterdir()):
    if case.is_dir():
        data = json.loads((case / "input.json").read_text(encoding="utf-8"))
        write("field", case.name, bytes([len(case.name) % 90, 0]) + data.get("text", "").encode("utf-8"))
