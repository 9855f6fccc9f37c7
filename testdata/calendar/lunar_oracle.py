"""An independent oracle for chiso's Vietnamese lunar calendar (core/src/period/lunar.rs).

Written from the published description of Hồ Ngọc Đức's algorithm (the one Vietnam's calendar
follows), not from the Rust: the same astronomy, with the calendar rules applied directly.

Astronomy (Jean Meeus' truncated series, as the algorithm publishes them):
  * the k-th new moon after that of 1900-01-01 13:52 UT, as a Julian date in UT;
  * the sun's apparent longitude at a Julian date.

Calendar rules, all in Vietnam's time zone, UTC+7:
  1. A month starts on the local day of a new moon and ends the day before the next.
  2. Month 11 is the month containing the December solstice (the sun crossing 270°), judged
     at the local midnights that start each month.
  3. From one month 11 to the next there are 12 or 13 months. With 13, the first month after
     month 11 that contains no major solar term (the sun stays within one 30° sign from its
     first midnight to the next month's first midnight) is a leap month: it takes the number
     of the month before it.
  4. Months 11 and 12 belong to the lunar year that began before them; month 1 starts a
     year, and Tết is its first day.

Where the Rust converts one day at a time (finding month 11 and the leap month near the date
asked for), this builds whole runs of months from the rules and reads every answer from that
table, so the two share the formulas but not the calendar logic.

Run `python3 testdata/calendar/lunar_oracle.py` to rewrite `lunar.json` beside this file: one
row per Gregorian year 1990-2060 with Tết, the Hùng Kings' day (10/3), the lunar year's leap
month, every month of the lunar year (number, leap, first day, length) and the lunar date of
the 1st and 15th of each Gregorian month. `core/tests/lunar.rs` compares chiso with every row.
Standard library only.
"""

import bisect
import datetime
import json
import math
import os

TIME_ZONE = 7.0  # hours east of UTC
FIRST_YEAR, LAST_YEAR = 1990, 2060

DEGREE = math.pi / 180


def julian_day_number(year, month, day):
    """The Julian day number of a Gregorian date (Fliegel and Van Flandern's formula)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def date_of(jdn):
    """The Gregorian date of a Julian day number (checked against the formula above)."""
    date = datetime.date.fromordinal(jdn - 1721425)
    assert julian_day_number(date.year, date.month, date.day) == jdn
    return date


def new_moon(k):
    """The Julian date (UT) of the k-th new moon after the one of 1900-01-01."""
    t = k / 1236.85  # Julian centuries since 1900 January 0.5
    t2, t3 = t * t, t * t * t
    mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    mean += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE)
    sun = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEGREE
    moon = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEGREE
    latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEGREE
    correction = (
        (0.1734 - 0.000393 * t) * math.sin(sun)
        + 0.0021 * math.sin(2 * sun)
        - 0.4068 * math.sin(moon)
        + 0.0161 * math.sin(2 * moon)
        - 0.0004 * math.sin(3 * moon)
        + 0.0104 * math.sin(2 * latitude)
        - 0.0051 * math.sin(sun + moon)
        - 0.0074 * math.sin(sun - moon)
        + 0.0004 * math.sin(2 * latitude + sun)
        - 0.0004 * math.sin(2 * latitude - sun)
        - 0.0006 * math.sin(2 * latitude + moon)
        + 0.0010 * math.sin(2 * latitude - moon)
        + 0.0005 * math.sin(2 * moon + sun)
    )
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return mean + correction - delta_t


def sun_longitude(jd):
    """The sun's apparent longitude at Julian date `jd`, in degrees within [0, 360)."""
    t = (jd - 2451545.0) / 36525  # Julian centuries since 2000-01-01 12:00 UT
    t2 = t * t
    anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(anomaly * DEGREE)
    centre += (0.019993 - 0.000101 * t) * math.sin(2 * anomaly * DEGREE)
    centre += 0.000290 * math.sin(3 * anomaly * DEGREE)
    # The published algorithm reduces in radians; done the same way so that the boundary
    # cases round alike.
    radians = (mean + centre) * DEGREE
    radians -= 2 * math.pi * math.floor(radians / (2 * math.pi))
    return radians / DEGREE


def local_day(jd):
    """The Julian day number of the local (UTC+7) civil day holding the instant `jd`."""
    return math.floor(jd + 0.5 + TIME_ZONE / 24)


def longitude_at_midnight(jdn):
    """The sun's longitude at the local midnight that starts day `jdn`."""
    return sun_longitude(jdn - 0.5 - TIME_ZONE / 24)


def sign(jdn):
    """Which 30° sign of the zodiac the sun is in at the local midnight starting day `jdn`."""
    return math.floor(longitude_at_midnight(jdn) / 30)


def first_new_moon_after(jdn):
    """The smallest k whose new moon falls on local day `jdn` or later."""
    k = math.floor((jdn - 2415021.076998695) / 29.530588853) - 2
    while local_day(new_moon(k)) < jdn:
        k += 1
    return k


def months(first_year, last_year):
    """Every lunar month from month 11 of `first_year - 1` to month 10 of `last_year + 1`, as
    (year, month, leap, first day's JDN, length in days), in order."""
    # The month holding each December solstice: its first midnight is before 270°, the next
    # month's first midnight at or past it.
    k = first_new_moon_after(julian_day_number(first_year - 1, 11, 1))
    starts = []  # (k, JDN) of every month 11 found
    last = julian_day_number(last_year + 1, 12, 31)
    while True:
        day, following = local_day(new_moon(k)), local_day(new_moon(k + 1))
        if day > last:
            break
        before, after = longitude_at_midnight(day), longitude_at_midnight(following)
        if 180 <= before < 270 <= after:
            starts.append(k)
        k += 1
    table = []
    for a, b in zip(starts, starts[1:]):
        count = b - a
        assert count in (12, 13), count
        leap_at = None
        if count == 13:
            for i in range(1, 13):
                this, following = local_day(new_moon(a + i)), local_day(new_moon(a + i + 1))
                if sign(this) == sign(following):
                    leap_at = i
                    break
            assert leap_at is not None
        # Month `a` starts in November or December of its solstice's year; the lunar year
        # after that solstice starts with month 1.
        solstice_year = date_of(local_day(new_moon(a))).year
        for i in range(count):
            numbered = i if leap_at is None or i < leap_at else i - 1
            month = (10 + numbered) % 12 + 1  # 0 -> 11, 1 -> 12, 2 -> 1, ...
            year = solstice_year if numbered < 2 else solstice_year + 1
            day = local_day(new_moon(a + i))
            length = local_day(new_moon(a + i + 1)) - day
            table.append((year, month, i == leap_at, day, length))
    return table


def main():
    table = months(FIRST_YEAR - 1, LAST_YEAR + 1)
    by_name = {(year, month, leap): (day, length) for year, month, leap, day, length in table}
    firsts = [row[3] for row in table]

    def lunar(date):
        jdn = julian_day_number(date.year, date.month, date.day)
        year, month, leap, day, length = table[bisect.bisect_right(firsts, jdn) - 1]
        assert day <= jdn < day + length
        return [year, month, jdn - day + 1, leap]

    rows = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        tet = date_of(by_name[(year, 1, False)][0])
        hung_kings = date_of(by_name[(year, 3, False)][0] + 9)
        own = [(m, leap, day, length) for (y, m, leap, day, length) in table if y == year]
        assert len(own) in (12, 13)
        leap_months = [m for (m, leap, _, _) in own if leap]
        days = {}
        for month in range(1, 13):
            for day in (1, 15):
                date = datetime.date(year, month, day)
                days[date.isoformat()] = lunar(date)
        rows.append({
            "year": year,
            "tet": tet.isoformat(),
            "hung_kings": hung_kings.isoformat(),
            "leap_month": leap_months[0] if leap_months else None,
            "months": [[m, leap, date_of(day).isoformat(), length] for (m, leap, day, length) in own],
            "days": days,
        })

    # Published dates, from Vietnam's calendars, not from this script. 1968, 1969, 2007 and
    # 2030 are a day before China's New Year (UTC+8), 1985 a month before.
    published_tet = {
        1968: "1968-01-29", 1969: "1969-02-16", 1985: "1985-01-21", 2007: "2007-02-17", 2020: "2020-01-25", 2021: "2021-02-12",
        2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29",
        2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
        2030: "2030-02-02",
    }
    early = {(y, m, leap): day for (y, m, leap, day, _) in months(1967, 2008)}
    for year, expected in published_tet.items():
        got = rows[year - FIRST_YEAR]["tet"] if year >= FIRST_YEAR else date_of(early[(year, 1, False)]).isoformat()
        assert got == expected, (year, got, expected)
    for year, expected in {2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26"}.items():
        assert rows[year - FIRST_YEAR]["hung_kings"] == expected, (year, expected)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lunar.json")
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows))
        f.write("\n]\n")


if __name__ == "__main__":
    main()
