#!/usr/bin/env python3
"""Writes the formula cases. Each expected value below was worked out by hand (the comment
says how); the findings are the codes the language's rules call for. The runners compare
chiso's full output with output.json, written once by the Rust suite and read by a person."""

import decimal
import json
import pathlib

HERE = pathlib.Path(__file__).parent


def n(x):
    return {"number": x}


MISSING = {"missing": "no_data"}
BIG = "79228162514264337593543950335"  # the largest exact decimal


def case(name, expression, values=None, value=None, codes=(), result_type=None):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (folder / "input.json").write_text(
        json.dumps({"expression": expression, "values": values or {}}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    expected = {"valid": not codes, "codes": list(codes), "result_type": result_type, "value": value}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# Arithmetic, exact.
case("decimal-exact", "0.1 + 0.2", value=n("0.3"), result_type="number")  # no binary floating point
case("precedence", "2 + 3 * 4", value=n("14"), result_type="number")  # * before +
case("brackets", "(2 + 3) * 4", value=n("20"), result_type="number")
case("unary-minus", "-a + 5", {"a": n("2")}, n("3"), result_type="number")  # -2 + 5
case("division-third", "a / b", {"a": n("1"), "b": n("3")}, n("0.3333333333333333333333333333"), result_type="number")  # 28 places
case("division-by-zero", "100 * a / b", {"a": n("5"), "b": n("0")}, {"missing": "division_by_zero"}, result_type="number")
case("overflow", "a * a", {"a": n(BIG)}, {"error": "overflow"}, result_type="number")  # 7.9e28 squared
case("error-beats-missing", "a * a + b", {"a": n(BIG), "b": MISSING}, {"error": "overflow"}, result_type="number")
case("first-missing-reason-wins", "a / b + c", {"a": n("1"), "b": n("0"), "c": MISSING}, {"missing": "division_by_zero"}, result_type="number")
case("missing-input", "a + b", {"a": n("1"), "b": MISSING}, MISSING, result_type="number")  # missing is not zero

# Functions.
case("sum-avg-min-max", "sum(a, b, c) + avg(a, b, c) + min(a, b, c) + max(a, b, c)",
     {"a": n("1"), "b": n("2"), "c": n("6")}, n("19"), result_type="number")  # 9 + 3 + 1 + 6
case("round-half-up", "round(abs(a), 2)", {"a": n("-2.345")}, n("2.35"), result_type="number")  # 2.345 -> 2.35
case("round-negative-half", "round(a, 1)", {"a": n("-0.25")}, n("-0.3"), result_type="number")  # away from zero
case("coalesce", "coalesce(a, b, 0)", {"a": MISSING, "b": n("7")}, n("7"), result_type="number")
case("is-missing", "if(is_missing(a), 0, a * 2)", {"a": MISSING}, n("0"), result_type="number")
case("if-missing-condition", "if(a > 0, 1, 2)", {"a": MISSING}, MISSING, result_type="number")
case("yes-no-input", "if(has_plan, 10, 0)", {"has_plan": {"bool": True}}, n("10"), result_type="number")

# Comparisons and logic (three-valued).
case("comparisons-and", "a >= 3 and b < 2", {"a": n("3"), "b": n("1")}, {"bool": True}, result_type="yes_no")
case("false-and-missing", "a > 1 and b > 1", {"a": n("0"), "b": MISSING}, {"bool": False}, result_type="yes_no")
case("true-or-missing", "a > 1 or b > 1", {"a": n("5"), "b": MISSING}, {"bool": True}, result_type="yes_no")
case("not-equal", "not (a == b)", {"a": n("1.0"), "b": n("1")}, {"bool": False}, result_type="yes_no")  # 1.0 == 1
case("text-equality", 'trang_thai == "đạt"', {"trang_thai": {"text": "đạt"}}, {"bool": True}, result_type="yes_no")

# Other periods.
case("growth-per-year", "100 * (x - last_year(x)) / last_year(x)", {"x": n("121"), "last_year(x)": n("110")},
     n("10"), result_type="number")  # 100 * 11 / 110
case("change-on-previous", "x - prev(x)", {"x": n("5"), "prev(x)": n("8")}, n("-3"), result_type="number")

# Problems.
case("syntax-character", "a × b", {"a": n("1"), "b": n("2")}, codes=["formula.syntax"])
case("unexpected-token", "a + * b", {"a": n("1"), "b": n("2")}, codes=["formula.unexpected"])
case("unexpected-end", "sum(a, ", {"a": n("1")}, codes=["formula.unexpected"])
case("chained-comparison", "a < b < c", {"a": n("1"), "b": n("2"), "c": n("3")}, codes=["formula.unexpected"])
case("empty", "  ", codes=["formula.empty"])
case("too-long", "1" * 4097, codes=["formula.too_long"])
case("too-deep", "(" * 33 + "a" + ")" * 33, {"a": n("1")}, codes=["formula.too_deep"])
case("number-too-large", "99999999999999999999999999999999", codes=["formula.number"])
case("unknown-reference", "a + b", {"a": n("1")}, codes=["reference.unknown_code"], result_type="number")
# An invalid call has no type, so nothing around it is reported twice.
case("unknown-function", "median(a, a)", {"a": n("1")}, codes=["formula.unknown_function"])
case("arity", "round(a)", {"a": n("1")}, codes=["formula.arity"])
case("type-text-in-arithmetic", 'a + "x"', {"a": n("1")}, codes=["formula.type"], result_type="number")
case("type-if-branches", 'if(a > 1, 1, "x")', {"a": n("1")}, codes=["formula.type"], result_type="number")
case("round-places", "round(a, b)", {"a": n("1"), "b": n("2")}, codes=["formula.round_places"], result_type="number")
case("period-argument", "prev(a + 1)", {"a": n("1")}, codes=["formula.period_argument"])
# The arguments of an invalid call are still checked: `b` is unknown inside `median(…)`.
case("invalid-call-arguments", "median(a, b) + 1", {"a": n("1")},
     codes=["formula.unknown_function", "reference.unknown_code"], result_type="number")
# A blank yes/no value says nothing of its type: the result is missing, not a type error.
case("missing-yes-no", "if(ok, 1, 0)", {"ok": MISSING}, MISSING, result_type="number")
# Errors are never hidden by three-valued logic.
case("error-not-hidden-by-and", "a * a > 1 and b > 1", {"a": n(BIG), "b": n("0")}, {"error": "overflow"}, result_type="yes_no")
case("round-places-not-whole", "round(a, 2.0)", {"a": n("1")}, codes=["formula.round_places"], result_type="number")
case("negative-zero", "-a * 0 + round(b, 1)", {"a": n("5"), "b": n("-0.01")}, n("0.0"), result_type="number")  # never "-0"
# foo(a) at 0, b (unknown) at 9, "t" (text in *) at 13: all three at once, in text order.
case("all-findings-at-once", 'foo(a) + b * "t"', {"a": n("1")},
     codes=["formula.unknown_function", "reference.unknown_code", "formula.type"], result_type="number")

# ln, exp, log10, power, sqrt (issue 18). The expected values come from Python's decimal module,
# whose ln, exp, log10 and sqrt are correctly rounded: computed at 60 significant digits, then
# rounded half away from zero to 28 places less one per digit before the point (28 significant
# digits), trailing zeros dropped; domain errors are missing ("out_of_domain"), a result of
# 10^28 or more an overflow. This is the rule of core/src/formula/math.rs, computed here
# independently of it.
def exact(x):
    with decimal.localcontext() as cx:
        cx.prec = 60
        cx.traps[decimal.InvalidOperation] = True
        before = max(0, x.adjusted() + 1) if x else 0
        places = 28 - before
        if places < 0:
            return {"error": "overflow"}
        q = x.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
        text = format(q.normalize(), "f") if q else "0"
        return n(text)


def math(name, *args):
    with decimal.localcontext() as cx:
        cx.prec = 60
        x = [decimal.Decimal(a) for a in args]
        if name == "ln":
            return x[0].ln()
        if name == "exp":
            return x[0].exp()
        if name == "log10":
            return x[0].log10()
        if name == "sqrt":
            return x[0].sqrt()
        return x[0] ** x[1]


case("ln", "ln(a)", {"a": n("2")}, exact(math("ln", "2")), result_type="number")
case("exp", "exp(a)", {"a": n("3")}, exact(math("exp", "3")), result_type="number")
case("log10-exact", "log10(a)", {"a": n("1000")}, exact(math("log10", "1000")), result_type="number")  # 3
case("sqrt", "sqrt(a)", {"a": n("2")}, exact(math("sqrt", "2")), result_type="number")
case("power-fraction", "power(a, b)", {"a": n("1.5"), "b": n("2.5")}, exact(math("power", "1.5", "2.5")),
     result_type="number")
# 0.5^29 = 0.00000000186264514923095703125 exactly, 29 places: a tie at the 28th, away from zero.
case("power-tie", "power(a, 29)", {"a": n("0.5")}, n("0.0000000018626451492309570313"), result_type="number")
case("ln-of-zero", "ln(a)", {"a": n("0")}, {"missing": "out_of_domain"}, result_type="number")
case("sqrt-of-negative", "sqrt(a)", {"a": n("-4")}, {"missing": "out_of_domain"}, result_type="number")
case("power-negative-fraction", "power(a, 0.5)", {"a": n("-8")}, {"missing": "out_of_domain"}, result_type="number")
case("exp-overflow", "exp(a)", {"a": n("66")}, {"error": "overflow"}, result_type="number")  # e^66 ≈ 4.6e28
case("math-arity", "power(a)", {"a": n("2")}, codes=["formula.arity"])


# The UNDP Human Development Index's income index: (ln GNI − ln 100) / (ln 75000 − ln 100), to 4
# places. GNI per capita 15,000: ln 150 / ln 750 = 5.0106352941 / 6.6200732065 = 0.7569 (to 4).
def income_index(gni):
    lns = [exact(math("ln", v))["number"] for v in (gni, "100", "75000", "100")]
    d = [decimal.Decimal(v) for v in lns]
    with decimal.localcontext() as cx:
        cx.prec = 60
        ratio = (d[0] - d[1]) / (d[2] - d[3])
    return n(str(ratio.quantize(decimal.Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP)))


case("hdi-income-index", "round((ln(gni) - ln(100)) / (ln(75000) - ln(100)), 4)", {"gni": n("15000")},
     income_index("15000"), result_type="number")
