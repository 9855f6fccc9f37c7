#!/usr/bin/env python3
"""Writes the form-field cases: a text typed into the field of an NQ57 item, and what it must
read as. Each expectation is worked out by hand from the reading rules in `chiso::form`
(comment beside it); `output.json` (the whole check, with messages) is written once by the Rust
suite and read by a person."""

import json
import pathlib

HERE = pathlib.Path(__file__).parent


def case(name, item, text, value=None, display_vi=None, codes=(), blank=False):
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (folder / "input.json").write_text(
        json.dumps({"item": item, "text": text}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    expected = {"blank": blank, "valid": not codes, "value": value, "display_vi": display_vi, "codes": list(codes)}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def n(x):
    return {"number": x}


# Items: A07 percent, gdp number (data element), van_ban_tong count (data element),
# A01 rank, B15 yes/no.

# Decimal marks, both conventions.
case("comma-decimal", "A07", "12,5", n("12.5"), "12,5")  # one comma, one digit after: decimal
case("point-decimal", "A07", "12.5", n("12.5"), "12,5")  # one point, one digit after: decimal
case("vietnamese-grouping", "gdp", "1.234,5", n("1234.5"), "1.234,5")  # both marks: the last is decimal
case("english-grouping", "gdp", "1,234.5", n("1234.5"), "1.234,5")  # the same number, English writing
case("space-grouping", "gdp", "1 234 567,25", n("1234567.25"), "1.234.567,25")  # spaces between thousands
case("leading-zero-decimal", "gdp", "0,125", n("0.125"), "0,125")  # "0" is no thousands group
case("minus-sign", "gdp", "\u221212,5", n("-12.5"), "-12,5")  # U+2212, as word processors write it
case("percent-sign", "A07", " 87,5 % ", n("87.5"), "87,5")  # trimmed; "%" allowed for a percent

# Ambiguity: one mark before exactly three digits, after one to three digits.
case("ambiguous-point", "gdp", "1.234", codes=["field.ambiguous_number"])  # 1234 or 1.234
case("ambiguous-comma", "gdp", "1,234", codes=["field.ambiguous_number"])  # 1234 or 1,234
case("whole-field-grouping", "van_ban_tong", "1.234", n("1234"), "1.234")  # a count: only 1234 is possible

# Out of what the type allows: read, but not valid.
case("count-fraction", "van_ban_tong", "2,5", n("2.5"), "2,5", ["field.out_of_range"])  # counts are whole
case("count-negative", "van_ban_tong", "-3", n("-3"), "-3", ["field.out_of_range"])  # counts are from 0
case("rank-zero", "A01", "0", n("0"), "0", ["field.out_of_range"])  # ranks start at 1

# Not numbers.
case("letter", "gdp", "12a", codes=["field.not_a_number"])  # "a" at byte 2
case("letter-after-spaces", "gdp", "  12x", codes=["field.not_a_number"])  # "x" at byte 4 of the text as typed
case("exponent", "gdp", "1e5", codes=["field.not_a_number"])  # no scientific notation
case("percent-sign-on-a-number", "gdp", "12%", codes=["field.not_a_number"])  # "%" only for percentages
case("misplaced-grouping", "gdp", "12,3,4", codes=["field.malformed_number"])  # groups of 1 digit
case("trailing-mark", "gdp", "12,", codes=["field.malformed_number"])  # a mark with nothing after
case("too-many-digits", "gdp", "123456789012345678901234567890", codes=["field.too_many_digits"])  # 30 > 28

# Blank is missing, never zero, and not an error.
case("blank", "gdp", "   ", blank=True)

# Yes/no.
case("yes-vietnamese", "B15", "Có", {"bool": True}, "Có")  # case-insensitive
case("no-without-marks", "B15", "khong", {"bool": False}, "Không")  # typed without diacritics
case("yes-no-other", "B15", "2", codes=["field.not_yes_no"])
