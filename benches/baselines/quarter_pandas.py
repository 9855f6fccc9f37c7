"""The national quarter in plain pandas: a peer baseline for chiso's ``Reporting::evaluate``.

    python benches/baselines/quarter_pandas.py DIR [RUNS] [--check DIR/chiso-ranking.csv]

DIR is a data set written by ``target/*/national`` (``catalogue.json``, ``org.json``,
``assignments.json``, ``observations.csv``). The script evaluates 2026-Q3 as of
2026-10-15T00:00:00 under the default scheme, the way a data scientist would write it in
pandas: vectorised filtering, pivoting, groupby and column arithmetic in float64, with Python
loops only over indicators (about 250) and peer groups (about 40), never over observations.

Reading the inputs (JSON and ``pd.read_csv``) is not timed, as the native side does not time
reading its CSV either. The pipeline is timed RUNS times (default 1) and one JSON line is
printed: ``{"observations": N, "units": U, "seconds": S, "score_sum": "..."}`` where N counts
the rows whose period reads (as chiso's bench reader does), U the units evaluated, S the median
seconds and ``score_sum`` the sum of the published 4-decimal scores. ``--check FILE`` compares every
(peer group, unit) row's score and rank with chiso's ranking CSV (``quarter DIR 1 --ranking
FILE``) and exits 1 listing the first mismatches.

What it reproduces (everything that moves a published score or rank):

* which values count: every observation row is one submission approved at the as-of time, so
  all count, late ones included (lateness is a quality finding, not a filter); of several rows
  for the same unit, item and period the last one (the latest revision) stands, even if its
  value is empty; a value that is not a number is missing ("NA" is a code, not NaN);
* the units evaluated: every peer-group member, and every unit assigned (for a period covering
  the quarter) a Layer B or C indicator with a scoring rule, assignments expanded to the
  reported indicators a formula reads;
* each indicator's reference period (a half-yearly indicator reads the last full half-year,
  a yearly one the last full year), data elements rolled up from the cycle they are reported
  in (the shortest cycle of the indicators reading them) by their aggregation (sum, average,
  last, max, min; one missing month makes the quarter missing), an approved quarter value
  taking precedence over the months;
* formulas (``+ - * /``, parentheses, numbers, codes; division by zero is missing) translated
  to column arithmetic, monthly indicators evaluated as a ratio of sums over the quarter (or
  evaluated per month and averaged, if declared), each result rounded half up once at the
  indicator's precision;
* a merged unit with no value of its own takes the mean of its predecessors' values;
* invalid data: a pair of values failing an error-level validation rule (``part <= total``) is
  missing, not scored (the default ``invalid: missing`` scheme);
* scoring: the declared rule, else yes/no for a yes/no indicator and the capped ratio to
  target otherwise (all rules of ``score.rs`` are here: ratio and distance to target, steps,
  goalposts, categorical on numbers, min-max and z-score over the first peer group); the
  target in force (the unit's own scope, then national, world, Asia, ASEAN; the nearest year
  not before the reference year, else the latest), a band only for an inside_band indicator
  ("=" and a range otherwise met by reaching or beating them); flows (counts of sum-aggregated inputs) put at a yearly
  pace (x 12 / months of the reference period) before rules that compare with a yearly
  quantity;
* the composite: weighted means by (layer, pillar = top-level group), then by layer, then the
  total, each node weighing the sum of its members' weights, missing scores counting 0 (the
  default ``zero`` policy);
* publication: the total rounded half up to 4 places; competition ranks (1, 2, 2, 4) on the
  published scores within each peer group, units without a score unranked.

What it leaves out, because none of it changes a score or rank column under the default
scheme: the ledger itself (hash chain, statuses, evidence), imputed last values (used only by
the ``last_value`` policy; under ``zero`` they are reported beside the score, not in it),
previous-quarter ranks and movement, bands, progress and off-track judgements, explanations,
quality reports, and the sensitivity reruns (rank ranges). Other schemes (other methods,
missing policies, declared node weights, tie policies), formula functions, period shifts and
the non-default missing strategies of formulas are not implemented: the script refuses them.

Floats: values are float64, not exact decimals. Rounding half up at an indicator's precision
and at publication adds a relative nudge of 1e-10 so that an exact half computed with a float
error just below it still rounds up, as it does in exact decimals. On the generated data sets
this matches chiso to the last published digit (``--check``).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

QUARTER = "2026-Q3"
AS_OF = "2026-10-15T00:00:00"  # every row is approved at this time, so every row counts
LAYERS = ("b", "c")  # Scheme::default(): Layer A is the national steering set
PUBLISHED_PLACES = 4
MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
# Rules that compare a value with a yearly quantity: a flow read over a quarter is put at a
# yearly pace before them.
YEARLY_RULES = {"ratio_to_target", "distance_to_target", "steps", "goalposts"}


# --- periods ------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: `months` long (1, 3, 6, 12), the `n`-th of its kind in `year`."""

    year: int
    months: int
    n: int

    @property
    def first(self) -> int:
        return self.year * 12 + (self.n - 1) * self.months

    @property
    def last(self) -> int:
        return self.first + self.months - 1

    @staticmethod
    def at(months: int, month_index: int) -> Period:
        year, m = divmod(month_index, 12)
        return Period(year, months, m // months + 1)

    def children(self, months: int) -> list[Period]:
        return [Period.at(months, i) for i in range(self.first, self.last + 1, months)]

    def parent(self, months: int) -> Period:
        return Period.at(months, self.first)

    def previous(self) -> Period:
        return Period.at(self.months, self.first - self.months)

    def __str__(self) -> str:
        kind = {1: f"{self.n:02d}", 3: f"Q{self.n}", 6: f"H{self.n}"}
        return f"{self.year}" if self.months == 12 else f"{self.year}-{kind[self.months]}"


PERIOD = re.compile(r"^(\d{4})(?:-?(\d{2})|-[Mm](\d{2})|-?[Qq](\d)|-?[HhSs](\d))?$")


def parse_period(text: str) -> Period | None:
    """A period in any spelling chiso reads (`2026-05`, `202605`, `2026-M05`, `2026q3`, ...)."""
    m = PERIOD.match(str(text).strip())
    if not m:
        return None
    year = int(m[1])
    month, quarter, half = m[2] or m[3], m[4], m[5]
    if month:
        p = Period(year, 1, int(month))
        ok = 1 <= p.n <= 12
    elif quarter:
        p, ok = Period(year, 3, int(quarter)), 1 <= int(quarter) <= 4
    elif half:
        p, ok = Period(year, 6, int(half)), 1 <= int(half) <= 2
    else:
        p, ok = Period(year, 12, 1), True
    return p if ok and year >= 1000 else None


def reference_period(months: int, period: Period) -> Period:
    """The period an indicator of cycle `months` reads in an evaluation of `period`."""
    if months <= period.months:
        return period
    containing = period.parent(months)
    return containing if containing.last == period.last else containing.previous()


# --- formulas -----------------------------------------------------------------------------

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(\S))")


def parse_formula(text: str):
    """The formula as a tree: ('num', x) | ('ref', code) | ('neg', e) | (op, a, b) | ('call', f, args)."""
    tokens = [m.groups() for m in TOKEN.finditer(text) if any(m.groups())]
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None, None)

    def take(symbol=None):
        nonlocal pos
        tok = peek()
        if symbol is not None and tok[2] != symbol:
            raise ValueError(f"expected {symbol!r} in {text!r}")
        pos += 1
        return tok

    def expr():
        node = term()
        while peek()[2] in ("+", "-"):
            node = (take()[2], node, term())
        return node

    def term():
        node = unary()
        while peek()[2] in ("*", "/"):
            node = (take()[2], node, unary())
        return node

    def unary():
        if peek()[2] == "-":
            take()
            return ("neg", unary())
        return primary()

    def primary():
        number, name, symbol = take()
        if number is not None:
            return ("num", float(number))
        if name is not None:
            if peek()[2] == "(":  # a function: kept for its references, refused when evaluated
                take("(")
                args = []
                while peek()[2] != ")":
                    args.append(expr())
                    if peek()[2] == ",":
                        take()
                take(")")
                return ("call", name, args)
            return ("ref", name)
        if symbol == "(":
            node = expr()
            take(")")
            return node
        raise ValueError(f"cannot read {text!r}")

    tree = expr()
    if pos != len(tokens):
        raise ValueError(f"cannot read {text!r}")
    return tree


def references(tree, out=None) -> list[str]:
    """The codes a formula reads, each once, in order of first use."""
    out = [] if out is None else out
    kind = tree[0]
    if kind == "ref" and tree[1] not in out:
        out.append(tree[1])
    elif kind == "neg":
        references(tree[1], out)
    elif kind in "+-*/":
        references(tree[1], out)
        references(tree[2], out)
    elif kind == "call":
        for arg in tree[2]:
            references(arg, out)
    return out


def evaluate_formula(tree, columns: dict[str, np.ndarray]) -> np.ndarray | float:
    """The formula over whole columns; NaN (missing) propagates, division by zero is NaN."""
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "ref":
        return columns[tree[1]]
    if kind == "neg":
        return -evaluate_formula(tree[1], columns)
    if kind == "call":
        raise NotImplementedError(f"formula function {tree[1]}()")
    a = evaluate_formula(tree[1], columns)
    b = evaluate_formula(tree[2], columns)
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    return np.divide(a, b, out=np.full(a.shape, np.nan), where=b != 0)


def round_half_up(x, places: int):
    """Half away from zero at `places` decimals; an exact half blurred by float error still goes up."""
    scale = 10.0**places
    y = np.abs(x) * scale
    return np.sign(x) * np.floor(y + 0.5 + 1e-10 * np.maximum(y, 1.0)) / scale


def roll_up(aggregation: str, parts: list[np.ndarray]) -> np.ndarray:
    """Shorter periods into a longer one; any missing part makes it missing."""
    stacked = np.vstack(parts)
    if aggregation == "last":
        out = stacked[-1].copy()
        out[np.isnan(stacked).any(axis=0)] = np.nan
        return out
    return {"sum": np.sum, "average": np.mean, "max": np.max, "min": np.min}[aggregation](stacked, axis=0)


# --- the catalogue ------------------------------------------------------------------------


class Catalogue:
    """What the pipeline needs to know about items, looked up once."""

    def __init__(self, doc: dict):
        self.indicators = {i["code"]: i for i in doc["indicators"]}
        self.elements = {d["code"]: d for d in doc["data_elements"]}
        self.order = [i["code"] for i in doc["indicators"]]
        self.formulas = {}
        for code, ind in self.indicators.items():
            method = ind["method"]
            if method["kind"] == "formula":
                try:
                    self.formulas[code] = parse_formula(method["expression"])
                except ValueError:
                    self.formulas[code] = None  # does not parse: always missing, reads nothing
        self.inputs = {c: references(t) if t else [] for c, t in self.formulas.items()}
        self.pillar = {}
        for top in doc["groups"]:
            stack = [top]
            while stack:
                g = stack.pop()
                self.pillar[g["code"]] = top["code"]
                stack.extend(g.get("children", []))

    def inputs_of(self, code: str) -> list[str]:
        return self.inputs.get(code, [])

    @cached_property
    def reported_cycle(self) -> dict[str, int]:
        """How often each item is reported: an indicator's cycle; for a data element the
        shortest cycle of the indicators reading it (absent when none reads it)."""
        out = {c: MONTHS[i["cycle"]] for c, i in self.indicators.items()}
        for code in self.order:
            for item in self.inputs_of(code):
                if item in self.elements:
                    months = MONTHS[self.indicators[code]["cycle"]]
                    out[item] = min(out.get(item, months), months)
        return out

    def is_reportable(self, code: str) -> bool:
        return code in self.elements or (
            code in self.indicators and self.indicators[code]["method"]["kind"] == "reported"
        )

    def is_flow(self, code: str) -> bool:
        """A count or number all of whose inputs are data elements summed over time."""
        inputs = self.inputs_of(code)
        return (
            self.indicators[code]["value_type"] in ("count", "number")
            and bool(inputs)
            and all(i in self.elements and self.elements[i]["aggregation"] == "sum" for i in inputs)
        )

    def reported_inputs(self, code: str) -> list[str]:
        """The inputs of `code` a unit reports itself, through computed inputs (org/expand.rs)."""
        out, pending, seen = [], list(self.inputs_of(code)), [code]
        while pending:
            c = pending.pop()
            if c in seen:
                continue
            seen.append(c)
            if self.is_reportable(c):
                out.append(c)
            else:
                pending.extend(self.inputs_of(c))
        return out

    def scoring_rule(self, code: str) -> dict | None:
        ind = self.indicators[code]
        if ind.get("scoring"):
            return ind["scoring"]
        if ind["value_type"] == "yes_no":
            return {"kind": "yes_no"}
        if ind["value_type"] == "text":
            return None
        return {"kind": "ratio_to_target", "cap": True}

    def target_for(self, code: str, year: int) -> dict | None:
        """The unit's own target of the nearest year not before `year`, else its latest; then
        the national, world, Asia and ASEAN ones likewise. Qualitative targets are skipped."""
        for scope in ("each_unit", "national", "world", "asia", "asean"):
            numeric = [
                t
                for t in self.indicators[code]["targets"]
                if t["scope"] == scope and t["comparator"] != "text"
            ]
            later = [t for t in numeric if t["year"] >= year]
            if later:
                return min(later, key=lambda t: t["year"])  # the first of equals
            if numeric:
                return max(reversed(numeric), key=lambda t: t["year"])  # the last of equals
        return None


# --- scoring ------------------------------------------------------------------------------


def goal_of(target: dict | None, direction: str = "inside_band"):
    """The goal as the indicator is judged by it: a band only for an inside_band indicator;
    otherwise "=" and a range are met by reaching them or going beyond on the better side."""
    if target is None:
        return None
    if target["comparator"] == "range":
        if target.get("min") is None or target.get("max") is None:
            return None
        lo, hi = float(target["min"]), float(target["max"])
        if direction == "higher_is_better":
            return (">=", lo)
        if direction == "lower_is_better":
            return ("<=", hi)
        return ("range", lo, hi)
    if target.get("value") is None:
        return None
    comparator = target["comparator"]
    if comparator == "=" and direction == "higher_is_better":
        comparator = ">="
    elif comparator == "=" and direction == "lower_is_better":
        comparator = "<="
    return (comparator, float(target["value"]))


def over(a, b):
    """a / b, 0 when b is 0."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    return np.divide(a, b, out=np.zeros(a.shape), where=b != 0)


def ratio_to_target(x: np.ndarray, goal) -> np.ndarray:
    """Achieved over target, by the comparator's direction; 1 when met (NaN stays NaN)."""
    if goal[0] == "range":
        _, lo, hi = goal
        f = np.where(x < lo, over(x, lo), np.where(x > hi, over(hi, x), 1.0))
    else:
        comparator, v = goal
        if comparator in (">=", ">"):
            f = x / v if v > 0 else np.where(x >= v, 1.0, 0.0)
        elif comparator in ("<=", "<"):
            f = np.where(x <= v, 1.0, over(v, x))
        else:  # "="
            f = np.where(x == v, 1.0, over(np.minimum(x, v), np.maximum(x, v)))
    return np.where(np.isnan(x), np.nan, f)


def score(cat: Catalogue, code: str, rule: dict, x: np.ndarray, raw: np.ndarray, year: int, peers: np.ndarray):
    """The fraction 0-1 each value earns (NaN: cannot be scored). `x` is paced, `raw` not;
    `peers` labels each unit's peer group, for the rules that compare across it."""
    lower = cat.indicators[code]["direction"] == "lower_is_better"
    kind = rule["kind"]
    if kind == "yes_no":
        return np.where((x == 0) | (x == 1), x, np.nan)
    if kind in ("ratio_to_target", "distance_to_target"):
        goal = goal_of(cat.target_for(code, year), cat.indicators[code]["direction"])
        if goal is None:
            return np.full(x.shape, np.nan)
        f = ratio_to_target(x, goal)
        if kind == "ratio_to_target":
            return np.clip(f, 0, 1) if rule.get("cap", True) else np.maximum(f, 0)
        if goal[0] == "range":
            aim = np.where(x < goal[1], goal[1], goal[2])
        else:
            aim = np.full(x.shape, goal[1])
        d = np.where(aim == 0, 0.0, 1 - over(np.abs(aim - x), np.abs(aim)))
        return np.where(np.isnan(f), np.nan, np.where(f >= 1, 1.0, np.clip(d, 0, 1)))
    if kind == "steps":
        f = np.zeros(x.shape)
        done = np.zeros(x.shape, dtype=bool)
        for step in rule["steps"]:
            at = float(step["at_least"])
            hit = ~done & ((x <= at) if lower else (x >= at))
            f[hit] = float(step["fraction"])
            done |= hit
        return np.where(np.isnan(x), np.nan, np.clip(f, 0, 1))
    if kind == "goalposts":
        low, high = float(rule["low"]), float(rule["high"])
        if high == low:
            return np.full(x.shape, np.nan)
        return np.clip((x - low) / (high - low), 0, 1)
    if kind == "categorical":
        f = np.zeros(x.shape)
        for c in reversed(rule["categories"]):  # the first match wins
            number = c["value"].get("number") if isinstance(c["value"], dict) else None
            if number is None:
                raise NotImplementedError("categorical scoring of a non-number")
            f[x == float(number)] = float(c["fraction"])
        return np.where(np.isnan(x), np.nan, np.clip(f, 0, 1))
    if kind in ("min_max", "z_score"):
        frame = pd.DataFrame({"g": peers, "x": raw})
        by = frame.groupby("g")["x"]
        if kind == "min_max":
            lo, hi = by.transform("min").to_numpy(), by.transform("max").to_numpy()
            f = np.where(hi == lo, 1.0, (x - lo) / np.where(hi == lo, 1.0, hi - lo))
            f = 1 - f if lower else f
            f = np.where(np.isnan(lo), np.nan, f)  # no peer with a number
        else:
            mean, sd = by.transform("mean").to_numpy(), by.transform(lambda s: s.std(ddof=0)).to_numpy()
            z = (x - mean) / np.where(sd == 0, 1.0, sd)
            f = np.where(sd == 0, 0.5, ((-z if lower else z) + 3) / 6)
        return np.where(np.isnan(x), np.nan, np.clip(f, 0, 1))
    raise NotImplementedError(f"scoring rule {kind}")


# --- the pipeline -------------------------------------------------------------------------


COMPARE = {"<=": np.less_equal, "<": np.less, ">=": np.greater_equal, ">": np.greater, "==": np.equal}


def error_rules(catalogue: dict) -> list[tuple[str, str, str, str]]:
    """The error-level validation rules as (code, left code, right code, operator); a rule of
    another shape (an expression on a side, a pair operator, a missing strategy other than
    skipping) is refused."""
    out = []
    for rule in catalogue.get("validation_rules", []):
        if rule.get("severity", "error") != "error":
            continue
        left, right = rule["left"]["expression"].strip(), rule["right"]["expression"].strip()
        strategies = {rule["left"].get("missing", "skip_if_any_missing"), rule["right"].get("missing", "skip_if_any_missing")}
        if rule["operator"] not in COMPARE or not left.isidentifier() or not right.isidentifier() or strategies != {"skip_if_any_missing"}:
            raise NotImplementedError(f"validation rule {rule['code']}")
        out.append((rule["code"], left, right, rule["operator"]))
    return out


def invalidate(wide: pd.DataFrame, rules: list[tuple[str, str, str, str]], periods: set[str], cat: "Catalogue") -> None:
    """An approved value failing an error-level rule is not scored: each rule is judged, for
    each unit, in each period where the unit has an approved value of an item the rule reads,
    on the values the rule reads there (an item reported more often rolled up, as formulas read
    it); when it fails, the approved values it read in that period become missing (they still
    stand over the months under them, like a value that is not a number)."""
    n = len(wide)

    def read(code: str, p: Period) -> tuple[np.ndarray, np.ndarray]:
        """(value, approved here) of `code` in `p` for every unit, from the values as approved."""
        key = (code, str(p))
        direct = wide[key].to_numpy(dtype=float) if key in wide.columns else np.full(n, np.nan)
        present = ~np.isnan(direct)
        value = np.where(direct == -np.inf, np.nan, direct)
        reported = cat.reported_cycle.get(code)
        if reported is not None and reported < p.months:
            aggregation = cat.elements[code]["aggregation"] if code in cat.elements else "last"
            rolled = roll_up(aggregation, [read(code, q)[0] for q in p.children(reported)])
            value = np.where(present, value, rolled)
        return value, present

    # Every rule is judged on the values as approved, before any is withheld (a total shared by
    # two rules is judged by both).
    withheld = []
    for _, left, right, op in rules:
        for text in periods:
            p = parse_period(text)
            (l, at_l), (r, at_r) = read(left, p), read(right, p)
            both = ~np.isnan(l) & ~np.isnan(r)
            broken = (at_l | at_r) & both & ~COMPARE[op](np.where(both, l, 0), np.where(both, r, 0))
            if broken.any():
                withheld += [(broken & at_l, (left, text)), (broken & at_r, (right, text))]
    for broken, key in withheld:
        if broken.any():
            wide.loc[broken, key] = -np.inf


def evaluate(obs: pd.DataFrame, catalogue: dict, org: dict, assignments: pd.DataFrame) -> pd.DataFrame:
    """Every peer-group row with the unit's published score (in 1/10,000, nullable) and rank.

    Also returns the units evaluated, as an attribute: `result.attrs["units"]`.
    """
    cat = Catalogue(catalogue)
    period = parse_period(QUARTER)

    # The units evaluated and their scored indicators (the leaves of their composite).
    a = assignments
    spans = {p: parse_period(p) for p in pd.unique(pd.concat([a["from"], a["to"].dropna()]))}
    first = a["from"].map({s: p.first for s, p in spans.items()})
    last = a["to"].map({s: p.last for s, p in spans.items()})
    a = a.loc[(first <= period.first) & (last.isna() | (last >= period.last)), ["unit", "item"]]
    extra = {i: [c for c in cat.reported_inputs(i) if c in cat.indicators] for i in pd.unique(a["item"])}
    extra = {i: e for i, e in extra.items() if e}
    if extra:  # a reported indicator read by an assigned formula is assigned too
        more = a[a["item"].isin(list(extra))].assign(item=lambda d: d["item"].map(extra)).explode("item")
        a = pd.concat([a, more])
    scored = {
        code: reference_period(MONTHS[ind["cycle"]], period)
        for code, ind in cat.indicators.items()
        if ind["layer"] in LAYERS and cat.scoring_rule(code) is not None
    }
    leaves = a[a["item"].isin(list(scored))].drop_duplicates().rename(columns={"item": "indicator"})
    groups = org.get("peer_groups", [])
    peer_of = {}
    for g in reversed(groups):  # a unit's first peer group
        for m in g["members"]:
            peer_of[m] = g["id"]
    merged = {u["id"]: u["merged_from"] for u in org["units"] if u.get("merged_from")}
    units = pd.Index(sorted(set(peer_of) | set(leaves["unit"])), name="unit")

    # Which (item, period) values the indicators read, directly or by rolling up.
    wanted: set[tuple[str, Period]] = set()

    def plan(code: str, p: Period, depth: int = 0) -> None:
        if depth >= 16 or (code, p) in wanted:
            return
        wanted.add((code, p))
        if code in cat.formulas:
            if cat.formulas[code] is None:
                return
            months = MONTHS[cat.indicators[code]["cycle"]]
            at = p.children(months) if months < p.months else [p]
            for q in at:
                for item in cat.inputs_of(code):
                    plan(item, q, depth + 1)
        elif (reported := cat.reported_cycle.get(code)) is not None and reported < p.months:
            for q in p.children(reported):
                plan(code, q, depth + 1)

    for code, p in scored.items():
        plan(code, p)

    # The values in force: the last row of each (unit, item, period) among those read.
    periods = {str(p) for _, p in wanted}
    spelled = pd.unique(obs["period"])
    if any(str(s) not in periods and parse_period(s) is not None and str(parse_period(s)) in periods for s in spelled):
        obs = obs.assign(period=obs["period"].map({s: str(parse_period(s)) for s in spelled}))
    value = obs["value"]
    if value.dtype != np.float64:
        value = pd.to_numeric(value, errors="coerce")
    # An approved value that is not a number is missing but still stands: mark it -inf so that
    # it hides the months under it, unlike a value never reported.
    value = value.where(np.isfinite(value), -np.inf)
    rules = error_rules(catalogue)
    read = {c for c, _ in wanted} | {c for r in rules for c in r[1:3]}
    rows = obs.assign(value=value).loc[
        obs["item"].isin(read) & obs["period"].isin(periods) & obs["unit"].notna()
    ]
    rows = rows.drop_duplicates(["unit", "item", "period"], keep="last")
    wide = rows.pivot(index="unit", columns=["item", "period"], values="value")
    invalidate(wide, rules, periods, cat)
    wide = wide.reindex(wide.index.union(units).union(pd.Index([p for ps in merged.values() for p in ps])))
    n = len(wide)

    memo: dict[tuple[str, Period], np.ndarray] = {}

    def approved(code: str, p: Period) -> tuple[np.ndarray, np.ndarray]:
        key = (code, str(p))
        if key not in wide.columns:
            return np.full(n, np.nan), np.zeros(n, dtype=bool)
        column = wide[key].to_numpy()
        return np.where(column == -np.inf, np.nan, column), ~np.isnan(column)

    def values(code: str, p: Period, depth: int = 0) -> np.ndarray:
        """The value of `code` in `p` for every unit (NaN: missing)."""
        if (code, p) in memo:
            return memo[(code, p)]
        if depth >= 16:
            return np.full(n, np.nan)
        if code in cat.formulas:
            tree = cat.formulas[code]
            ind = cat.indicators[code]
            if tree is None:
                out = np.full(n, np.nan)
            else:
                method = ind["method"]
                if method.get("missing", "skip_if_any_missing") != "skip_if_any_missing":
                    raise NotImplementedError(f"missing strategy of {code}")
                inputs = cat.inputs_of(code)
                months = MONTHS[ind["cycle"]]
                if months < p.months:  # a monthly indicator over a quarter
                    each = p.children(months)
                    cols = {i: [values(i, q, depth + 1) for q in each] for i in inputs}
                    if method.get("evaluation", "aggregate_then_evaluate") == "aggregate_then_evaluate":
                        rolled = {
                            i: roll_up(cat.elements[i]["aggregation"] if i in cat.elements else "average", c)
                            for i, c in cols.items()
                        }
                        out = evaluate_formula(tree, rolled)
                    else:
                        per_month = [evaluate_formula(tree, {i: c[k] for i, c in cols.items()}) for k in range(len(each))]
                        out = roll_up("average", [np.broadcast_to(v, (n,)) for v in per_month])
                else:
                    out = evaluate_formula(tree, {i: values(i, p, depth + 1) for i in inputs})
                out = round_half_up(np.broadcast_to(np.asarray(out, dtype=float), (n,)), ind["precision"])
                if ind.get("rounding", "half_up") != "half_up":
                    raise NotImplementedError(f"rounding of {code}")
        else:
            direct, present = approved(code, p)
            reported = cat.reported_cycle.get(code)
            if reported is not None and reported < p.months:
                aggregation = cat.elements[code]["aggregation"] if code in cat.elements else "last"
                parts = [values(code, q, depth + 1) for q in p.children(reported)]
                out = np.where(present, direct, roll_up(aggregation, parts))
            else:
                out = direct
        memo[(code, p)] = out
        return out

    frame = pd.DataFrame({code: values(code, p) for code, p in scored.items()}, index=wide.index)
    if merged:  # a merged unit without a value of its own: the mean of its predecessors'
        pairs = pd.DataFrame([(u, p) for u, ps in merged.items() for p in ps], columns=["unit", "from"])
        means = frame.loc[pairs["from"]].set_axis(pairs["unit"]).groupby(level=0).mean()
        frame = frame.fillna(means.reindex(frame.index))
    frame = frame.reindex(units)

    # Scores: the fraction 0-1 of each (unit, indicator).
    peers = units.map(lambda u: peer_of.get(u, u)).to_numpy()
    fractions = {}
    for code, p in scored.items():
        raw = frame[code].to_numpy()
        rule = cat.scoring_rule(code)
        pace = 12 / p.months if rule["kind"] in YEARLY_RULES and p.months < 12 and cat.is_flow(code) else 1
        if rule["kind"] in ("min_max", "z_score"):  # the peers' numbers: units assigned it only
            raw_peers = np.where(units.isin(leaves.loc[leaves["indicator"] == code, "unit"]), raw, np.nan)
        else:
            raw_peers = raw
        fractions[code] = score(cat, code, rule, raw * pace, raw_peers, p.year, peers)
    fractions = pd.DataFrame(fractions, index=units)

    # The composite: (layer, pillar) -> layer -> total, missing scores counting 0.
    info = pd.DataFrame(
        {
            "layer": [cat.indicators[c]["layer"] for c in scored],
            "pillar": [cat.pillar.get(cat.indicators[c]["group"], cat.indicators[c]["group"]) for c in scored],
            "weight": [float(cat.indicators[c]["weight"]) for c in scored],
        },
        index=pd.Index(list(scored), name="indicator"),
    )
    leaves = leaves.join(info, on="indicator")
    f = fractions.to_numpy()[units.get_indexer(leaves["unit"]), fractions.columns.get_indexer(leaves["indicator"])]
    leaves["wf"] = leaves["weight"] * np.nan_to_num(f, nan=0.0)

    def combine(parts: pd.DataFrame, by: list[str]) -> pd.DataFrame:
        node = parts.groupby(by, sort=False)[["weight", "wf"]].sum()
        fraction = (node["wf"] / node["weight"]).where(node["weight"] > 0)
        node["wf"] = node["weight"] * fraction.fillna(0.0)
        node["fraction"] = fraction
        return node.reset_index()

    pillars = combine(leaves, ["unit", "layer", "pillar"])
    layers = combine(pillars, ["unit", "layer"])
    totals = combine(layers, ["unit"]).set_index("unit")["fraction"].reindex(units)
    published = pd.Series(round_half_up(totals.to_numpy(), PUBLISHED_PLACES) * 10**PUBLISHED_PLACES, index=units)
    published = published.round().astype("Int64")

    # Ranks within each peer group: competition ranks on the published scores.
    ranking = pd.DataFrame(
        [(g["id"], m) for g in groups for m in g["members"]], columns=["peer_group", "unit"]
    )
    ranking["score"] = published.reindex(ranking["unit"]).array
    shown = ranking["score"].astype("float64")
    ranking["rank"] = shown.groupby(ranking["peer_group"], sort=False).rank(method="min", ascending=False).astype("Int64")
    ranking.attrs["units"] = published
    return ranking


# --- the command --------------------------------------------------------------------------


def read(directory: Path):
    """The inputs as a data scientist loads them (not timed)."""
    obs = pd.read_csv(directory / "observations.csv", keep_default_na=False, na_values=[""])
    catalogue = json.loads((directory / "catalogue.json").read_text(encoding="utf-8"))
    org = json.loads((directory / "org.json").read_text(encoding="utf-8"))
    assignments = pd.DataFrame(json.loads((directory / "assignments.json").read_text(encoding="utf-8")))
    if "to" not in assignments:
        assignments["to"] = None
    return obs, catalogue, org, assignments


def observations(obs: pd.DataFrame) -> int:
    """The rows chiso's bench reader keeps: those whose period reads (not timed)."""
    spelled = pd.unique(obs["period"])
    return int(obs["period"].isin([s for s in spelled if parse_period(s) is not None]).sum())


def check(ranking: pd.DataFrame, path: Path) -> list[str]:
    """Every difference in score or rank from chiso's ranking CSV."""
    theirs = pd.read_csv(path, dtype=str, keep_default_na=False)
    theirs = theirs.set_index(["peer_group", "unit"])
    ours = ranking.set_index(["peer_group", "unit"])
    problems = []
    for key in theirs.index.difference(ours.index):
        problems.append(f"{key}: in chiso's ranking only")
    for key in ours.index.difference(theirs.index):
        problems.append(f"{key}: in ours only")
    for key, row in theirs.iterrows():
        if key not in ours.index:
            continue
        mine = ours.loc[key]
        their_score = None if row["score"] == "" else int(Decimal(row["score"]) * 10**PUBLISHED_PLACES)
        their_rank = None if row["rank"] == "" else int(Decimal(row["rank"]))
        my_score = None if pd.isna(mine["score"]) else int(mine["score"])
        my_rank = None if pd.isna(mine["rank"]) else int(mine["rank"])
        if (their_score, their_rank) != (my_score, my_rank):
            shown = lambda s: "-" if s is None else str(Decimal(s).scaleb(-PUBLISHED_PLACES).normalize())
            problems.append(
                f"{key[0]} {key[1]}: chiso score {shown(their_score)} rank {their_rank}, "
                f"pandas score {shown(my_score)} rank {my_rank}"
            )
    return problems


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    against = argv[argv.index("--check") + 1] if "--check" in argv else None
    if against in args:
        args.remove(against)
    if not args:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    directory = Path(args[0])
    runs = int(args[1]) if len(args) > 1 else 1
    obs, catalogue, org, assignments = read(directory)
    times = []
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        ranking = evaluate(obs, catalogue, org, assignments)
        times.append(time.perf_counter() - start)
    units = ranking.attrs["units"]
    total = int(units.dropna().sum())
    print(
        json.dumps(
            {
                "observations": observations(obs),
                "units": len(units),
                "seconds": round(statistics.median(times), 4),
                "score_sum": str(Decimal(total).scaleb(-PUBLISHED_PLACES)),
            }
        ),
        flush=True,
    )
    if against:
        problems = check(ranking, Path(against))
        if problems:
            print(f"{len(problems)} differences from {against}; the first:", file=sys.stderr)
            for p in problems[:20]:
                print("  " + p, file=sys.stderr)
            return 1
        print(f"check: every score and rank agrees with {against} ({len(ranking)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
