"""A quarter evaluated the way a data scientist would, cell by cell as in a notebook.

    python examples/python/evaluate_quarter.py [OUT_DIR]

Loads the NQ57 catalogue and the bundled sample (54 units), reads the sample observations from
CSV into pandas, evaluates 2026-Q3, looks at the ranking, the scores and the data quality as
DataFrames, and saves the charts the core draws (the same SVG a portal or the web form shows).
"""

import sys
from pathlib import Path

import pandas as pd

import chiso

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/python")
out.mkdir(parents=True, exist_ok=True)

# %% The catalogue and the reporting set-up: organisation tree, assignments, calendar.
nq57 = chiso.Catalogue.nq57()
print(nq57, "·", len(nq57.indicators("c")), "Layer C indicators")
reporting = chiso.Reporting.load(SAMPLE, nq57)

# %% Observations from CSV. Keep the values as text so they stay exact decimals, and keep "NA"
# (Nghệ An's code) from becoming NaN: only blank cells are missing.
observations = pd.read_csv(
    SAMPLE / "observations.csv", dtype={"value": str}, keep_default_na=False, na_values=[""]
)
print(observations.head())

# %% Evaluate the quarter as approvals stood on 15 October (the DataFrame is taken as approved).
evaluation = reporting.evaluate(observations, "2026-Q3", "2026-10-15T00:00:00")
print(evaluation)

# %% The provinces' ranking, the indicator scores and the data quality as DataFrames.
ranking = evaluation.ranking("tinh_thanh").to_pandas()
print(ranking[["rank", "name", "score", "movement", "band", "rank_min", "rank_max"]].head(10))
scores = evaluation.scores().to_pandas()
layer_c = scores[scores["layer"] == "c"]
print("Layer C off track:", int(layer_c["off_track"].sum()), "of", len(layer_c))
mean_by_indicator = layer_c.assign(fraction=layer_c["fraction"].astype(float)).groupby("indicator")["fraction"].mean()
print(mean_by_indicator.round(3).sort_values().head())
quality = evaluation.quality().to_pandas()
print(quality.sort_values("quality").head(3))

# %% Plot: the ranking bar chart and one province's profile (shown inline in Jupyter).
evaluation.ranking("tinh_thanh").chart().save(str(out / "ranking.svg"))
evaluation.profile("CT").save(str(out / "profile-CT.svg"))
ranking.to_csv(out / "ranking.csv", index=False)
print("wrote", sorted(p.name for p in out.iterdir()))
