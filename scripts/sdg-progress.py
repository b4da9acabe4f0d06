#!/usr/bin/env python3
"""Open SDG's (sdg-build's) progress measure, re-implemented for Planwatch's peer comparison.

    scripts/sdg-progress.py CASES.csv            print case id, sdg-build status and score
    scripts/sdg-progress.py --check CASES.csv    exit 1 if the committed sdg_status/sdg_score differ
    scripts/sdg-progress.py --write CASES.csv    rewrite sdg_status/sdg_score in place

Written from a reading of the published formula, not copied. Sources read:
  - open-sdg/sdg-build, sdg/ProgressMeasure.py at commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67
    (classes IndicatorProgress and SeriesProgress; functions growth_calculation,
    get_progress_status, get_progress_status_from_score). An older version of the same file
    (27c0bf031b11add6def719a67c6083b1216664b8) has no scores and other status names
    (on_track, progress_needs_acceleration); this script follows the newer one.
  - "Progress Measurement Methodology for the Sustainable Development Goals",
    https://open-sdg.readthedocs.io/en/latest/progress-methodology/
    (open-sdg/open-sdg, docs/progress-methodology.md), and the "Progress" page
    https://open-sdg.readthedocs.io/en/latest/progress/ (docs/progress.md), and the
    progress_calculation_options section of docs/indicator-configuration.md.
See scripts/sdg-progress.md for the method in words and the case notes.

How a case row becomes one sdg-build series (our mapping, not sdg-build's):
  - sdg-build reads one value a year. A case's values are (period, value) pairs, the periods
    written as Planwatch writes them (2021, 2021-H1, 2021-Q3, 2021-06, 2021-06-30). A year's
    value, for years whose 31 December is on or before as_of:
      - level and cumulative indicators: the value as at the end of the year, that is of a
        period ending on 31 December (the year itself; else H2, Q4 or December, the longest
        first). Parts of a year that end earlier are not annual data and are left out;
      - per-period flows: the year's own figure, or else the sum of reports that tile the
        year without overlap (halves, quarters, months: a publisher's annual total); a year
        its reports do not cover has no value;
      - the same period given twice: sdg-build is handed the year twice and stops with an
        error, shown as the status `error`;
  - data: the baseline (the year its period ends in, baseline_value) plus those years;
  - base_year = the baseline's year, target_year = the year target_period ends in, target =
    target_value (empty means no target: sdg-build's "method 1"), direction = positive for
    increase, negative for decrease; comparator, accumulation, unit and method are
    Planwatch's and do not reach sdg-build;
  - no limit (sdg-build uses a limit only when there is no target); default thresholds.
Python 3.11, standard library only.
"""
import argparse
import datetime
import math
import sys

HEADER = ("case_id,description,unit,direction,accumulation,comparator,method,baseline_period,baseline_value,"
          "target_period,target_value,values,as_of,sdg_status,sdg_score,planwatch_status,planwatch_ratio")
COLUMNS = HEADER.split(",")
SCORE_TOLERANCE = 5e-4

# sdg-build defaults (SeriesProgress.__init__ and get_progress_thresholds).
DEFAULT_BASE_YEAR = 2015
DEFAULT_TARGET_YEAR = 2030
ZERO_REPLACEMENT = 0.001
THRESHOLDS_WITH_TARGET = {"high": 0.95, "med": 0.60, "low": 0.0}
THRESHOLDS_WITHOUT_TARGET = {"high": 0.015, "med": 0.005, "low": 0.0}
LIMIT_EXPONENT = 4.44


class CaseError(Exception):
    """A row this script cannot turn into an sdg-build series."""


class SdgBuildStops(Exception):
    """A series sdg-build itself stops on with an error; the case's status is `error`."""


# ---------------------------------------------------------------------------------------------
# The measure
# ---------------------------------------------------------------------------------------------

def _power(base, exponent):
    """base ** exponent as a real number; NaN where numpy would give NaN (negative base, fraction)."""
    if base < 0 and not float(exponent).is_integer():
        return math.nan
    return base ** exponent


def annual_growth(value, start_value, year, start_year):
    """Compound annual growth from (start_year, start_value) to (year, value)."""
    return _power(value / start_value, 1.0 / (year - start_year)) - 1.0


def _ratio(numerator, denominator):
    """numerator / denominator with IEEE semantics (numpy's), so a zero denominator gives +-inf or NaN."""
    if denominator == 0:
        if numerator == 0 or math.isnan(numerator):
            return math.nan
        return math.copysign(math.inf, numerator)
    return numerator / denominator


def thresholds_for(has_target, base_value, direction, limit):
    """Progress thresholds: fixed with a target; scaled down near a limit without one."""
    if has_target:
        return dict(THRESHOLDS_WITH_TARGET), 1.0
    thresholds = dict(THRESHOLDS_WITHOUT_TARGET)
    coefficient = 1.0
    if limit is not None:
        b, lim = abs(base_value), abs(limit)
        if b >= 2 * lim:
            coefficient = 1.0
        elif b <= lim:
            coefficient = 1.0 - (b / lim) ** LIMIT_EXPONENT
        else:
            coefficient = 1.0 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT
        for key in ("high", "med", "low"):
            thresholds[key] *= coefficient
    return thresholds, coefficient


def status_from_value(value, thresholds, achieved):
    """Series status from the progress value (sdg-build's get_progress_status)."""
    if achieved:
        return "target_achieved"
    if value is None or math.isnan(value):
        return "not_available"
    if value >= thresholds["high"]:
        return "substantial_progress"
    if value >= thresholds["med"]:
        return "moderate_progress"
    if value >= thresholds["low"]:
        return "limited_progress"
    return "deterioration"


def score_from_value(value, has_target, thresholds, coefficient, achieved):
    """Score in [-5, 5]; 5 whenever the target is achieved (even with too few data points)."""
    if achieved:
        return 5.0
    if value is None or math.isnan(value):
        return None
    if has_target:
        # Two straight lines: R = -0.6 -> -5, R = 0.6 -> 0, R = 1.3 -> 5 (coefficients as published).
        if value >= thresholds["med"]:
            return min(7.1429 * value - 4.2857, 5.0)
        return max(4.1667 * value - 2.5, -5.0)
    if value < thresholds["low"]:
        return max(125 * value - 2.5, -5.0)
    if coefficient == 0:
        return 5.0
    if value >= thresholds["high"]:
        return min(500 * value / coefficient - 5, 5.0)
    if value >= thresholds["med"]:
        return 250 * value / coefficient - 1.25
    return 500 * value / coefficient - 2.5


def status_from_score(score, achieved):
    """Indicator status from the (mean) score (sdg-build's get_progress_status_from_score)."""
    if achieved:
        return "target_achieved"
    if score is None:
        return "not_available"
    if score >= 2.5:
        return "substantial_progress"
    if score >= 0:
        return "moderate_progress"
    if score >= -2.5:
        return "limited_progress"
    return "deterioration"


def sdg_progress(data, base_year=DEFAULT_BASE_YEAR, target=None, target_year=DEFAULT_TARGET_YEAR,
                 direction="negative", limit=None):
    """One series through sdg-build's measure; the indicator is that one series.

    data: {year: value}. direction: "positive" or anything else (sdg-build treats it as negative).
    Returns a dict with status, score, progress (R or CAGR), target_achieved, base/current year and value.
    """
    if target == 0:
        target = ZERO_REPLACEMENT
    d = 1 if direction == "positive" else -1
    has_target = target is not None
    out = {"status": "not_available", "score": None, "progress": None, "target_achieved": False,
           "base_year": None, "base_value": None, "current_year": None, "current_value": None}
    points = {y: v for y, v in data.items() if v is not None and not math.isnan(v)}
    if not points:
        return out
    current_year = max(points)
    current_value = points[current_year]
    if base_year not in points:
        later = [y for y in points if y > base_year]
        if not later:
            # sdg-build looks up the value of an empty selection here and fails.
            raise SdgBuildStops(f"no data in or after the base year {base_year}")
        base_year = min(later)
    base_value = points[base_year]
    sign = -1 if base_value < 0 else 1
    thresholds, coefficient = thresholds_for(has_target, base_value, d, limit)
    achieved = has_target and ((d == -1 and current_value <= target) or (d == 1 and current_value >= target))

    progress = None
    if base_value == 0:
        base_value = ZERO_REPLACEMENT  # after sign and thresholds, as in sdg-build
    opposite = (base_value > 0 and current_value < 0) or (base_value < 0 and current_value > 0)
    if not opposite and base_year <= current_year and current_year - base_year >= 1:
        observed = annual_growth(current_value, base_value, current_year, base_year)
        if has_target:
            if target_year == base_year:
                raise CaseError("target year equals base year: sdg-build divides by zero")
            if (target / base_value) < 0:
                raise CaseError("target and base value have opposite signs: outside what this script reproduces")
            required = annual_growth(target, base_value, target_year, base_year)
            progress = sign * d * _ratio(observed, abs(required))
        else:
            progress = sign * d * observed

    score = score_from_value(progress, has_target, thresholds, coefficient, achieved)
    out.update(status=status_from_score(score, achieved), score=score, progress=progress,
               series_status=status_from_value(progress, thresholds, achieved),
               target_achieved=achieved, base_year=base_year, base_value=points[base_year],
               current_year=current_year, current_value=current_value)
    return out


# ---------------------------------------------------------------------------------------------
# Case rows
# ---------------------------------------------------------------------------------------------

def _number(text, what):
    try:
        value = float(text)
    except ValueError:
        raise CaseError(f"{what} {text!r} is not a plain number") from None
    if math.isnan(value) or math.isinf(value):
        raise CaseError(f"{what} {text!r} is not a finite number")
    return value


def _year(text, what):
    if not (len(text) == 4 and text.isdigit()):
        raise CaseError(f"{what} {text!r} is not a four-digit year")
    return int(text)


class Period:
    """A year, half, quarter, month or day as Planwatch writes it: 2021, 2021-H1, 2021-Q3, 2021-06, 2021-06-30."""

    # granularity: 0 year, 1 half, 2 quarter, 3 month, 4 day (finer is larger, as in Planwatch)
    def __init__(self, text):
        self.text = text
        parts = text.split("-")
        self.year = _year(parts[0], "period")
        if len(parts) == 1:
            self.granularity, self.index = 0, 1
        elif len(parts) == 2 and parts[1][:1] in ("H", "Q") and parts[1][1:].isdigit():
            self.granularity = 1 if parts[1][0] == "H" else 2
            self.index = int(parts[1][1:])
            if not 1 <= self.index <= (2 if self.granularity == 1 else 4):
                raise CaseError(f"period {text!r} does not exist")
        elif len(parts) == 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
            self.granularity, self.index = 3, int(parts[1])
        elif len(parts) == 3:
            try:
                day = datetime.date(self.year, int(parts[1]), int(parts[2]))
            except ValueError:
                raise CaseError(f"period {text!r} is not a day") from None
            self.granularity, self.index, self.day = 4, day.timetuple().tm_yday, day
        else:
            raise CaseError(f"period {text!r} is not YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-MM-DD")

    def months(self):
        """The first and last month the period covers."""
        if self.granularity == 4:
            return self.day.month, self.day.month
        size = {0: 12, 1: 6, 2: 3, 3: 1}[self.granularity]
        return size * (self.index - 1) + 1, size * self.index

    def end(self):
        if self.granularity == 4:
            return self.day
        last = self.months()[1]
        following = datetime.date(self.year + (last == 12), last % 12 + 1, 1)
        return following - datetime.timedelta(days=1)

    def children(self):
        """The periods of the next finer granularity that tile this one."""
        if self.granularity == 0:
            return [Period(f"{self.year}-H{h}") for h in (1, 2)]
        if self.granularity == 1:
            return [Period(f"{self.year}-Q{q}") for q in (2 * self.index - 1, 2 * self.index)]
        if self.granularity == 2:
            return [Period(f"{self.year}-{m:02d}") for m in range(3 * self.index - 2, 3 * self.index + 1)]
        if self.granularity == 3:
            first = datetime.date(self.year, self.index, 1)
            return [Period((first + datetime.timedelta(days=k)).isoformat()) for k in range((self.end() - first).days + 1)]
        return []

    def contains(self, other):
        if other.year != self.year or other.granularity < self.granularity:
            return False
        lo, hi = self.months()
        if self.granularity == 4:
            return other.granularity == 4 and other.day == self.day
        return lo <= other.months()[0] and other.months()[1] <= hi


def parse_values(text):
    """'2021:10;2022-H1:8' -> [(Period('2021'), 10.0), (Period('2022-H1'), 8.0)], in the order given."""
    values = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        period_text, sep, value_text = item.partition(":")
        if not sep:
            raise CaseError(f"values item {item!r} is not PERIOD:VALUE")
        period = Period(period_text.strip())
        values.append((period, _number(value_text.strip(), f"value for {period.text}")))
    return values


def flow_total(period, reported):
    """A per-period flow's figure for `period`: its own, or the sum of the parts that tile it (None if not covered)."""
    if period.text in reported:
        return reported[period.text]
    if not any(period.contains(Period(p)) for p in reported):
        return None
    parts = [flow_total(child, reported) for child in period.children()]
    return None if not parts or any(p is None for p in parts) else sum(parts)


def annual_values(values, accumulation, as_of):
    """One value a year, as an annual publication would give sdg-build (see the module docstring)."""
    seen = set()
    for period, _ in values:
        if period.text in seen:
            raise SdgBuildStops(f"the period {period.text} is given twice, so sdg-build is handed {period.year} twice")
        seen.add(period.text)
    years = sorted({p.year for p, _ in values if datetime.date(p.year, 12, 31) <= as_of})
    out = {}
    for year in years:
        if accumulation == "perPeriod":
            total = flow_total(Period(str(year)), {p.text: v for p, v in values if p.year == year})
            if total is not None:
                out[year] = total
        else:
            at_year_end = [(p, v) for p, v in values if p.year == year and p.end() == datetime.date(year, 12, 31)]
            if at_year_end:
                out[year] = min(at_year_end, key=lambda pv: pv[0].granularity)[1]
    return out


def case_series(row):
    """The sdg-build inputs for one case row (see the module docstring)."""
    if row["direction"] not in ("increase", "decrease"):
        raise CaseError(f"direction {row['direction']!r} is not increase or decrease")
    if row["accumulation"] not in ("level", "cumulative", "perPeriod"):
        raise CaseError(f"accumulation {row['accumulation']!r} is not level, cumulative or perPeriod")
    try:
        as_of = datetime.date.fromisoformat(row["as_of"])
    except ValueError:
        raise CaseError(f"as_of {row['as_of']!r} is not YYYY-MM-DD") from None
    base_year = Period(row["baseline_period"]).end().year
    base_value = _number(row["baseline_value"], "baseline_value")
    target_year = Period(row["target_period"]).end().year
    target = _number(row["target_value"], "target_value") if row["target_value"] != "" else None
    observed = annual_values(parse_values(row["values"]), row["accumulation"], as_of)
    if base_year in observed:
        raise CaseError(f"values repeats the baseline year {base_year} (sdg-build rejects duplicate years)")
    data = {base_year: base_value}
    data.update(observed)
    return dict(data=data, base_year=base_year, target=target, target_year=target_year,
                direction="positive" if row["direction"] == "increase" else "negative")


def evaluate(row):
    try:
        return sdg_progress(**case_series(row))
    except SdgBuildStops as stop:
        return {"status": "error", "score": None, "progress": None, "base_year": None, "current_year": None,
                "reason": str(stop)}


def format_score(score):
    return "" if score is None else f"{score:.4f}"


# ---------------------------------------------------------------------------------------------
# A CSV reader that remembers where each field is, so --write changes only two fields
# ---------------------------------------------------------------------------------------------

def split_records(text):
    """Split CSV text into records; each record is (fields, raw_fields, line_end).

    raw_fields are the exact source texts of the fields (with any quotes), so a record can be
    written back unchanged except for the fields we replace.
    """
    records = []
    fields, raws = [], []
    i, n = 0, len(text)
    start = 0
    value = []
    in_quotes = False
    while i <= n:
        c = text[i] if i < n else None
        if in_quotes:
            if c is None:
                raise CaseError("the file ends inside a quoted field")
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    value.append('"')
                    i += 2
                    continue
                in_quotes = False
            else:
                value.append(c)
            i += 1
            continue
        if c == '"':
            in_quotes = True
            i += 1
            continue
        if c in (",", "\n", "\r", None):
            fields.append("".join(value))
            raws.append(text[start:i])
            value = []
            if c == ",":
                i += 1
                start = i
                continue
            end = ""
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                end = "\r\n"
            elif c is not None:
                end = c
            if not (c is None and fields == [""] and raws == [""]):
                records.append((fields, raws, end))
            fields, raws = [], []
            i += len(end) if end else 1
            start = i
            continue
        value.append(c)
        i += 1
    return records


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    records = split_records(text)
    if not records or ",".join(records[0][1]) != HEADER:
        raise CaseError(f"{path}: the header must be exactly\n  {HEADER}")
    rows = []
    for number, (fields, raws, end) in enumerate(records[1:], start=2):
        if len(fields) != len(COLUMNS):
            raise CaseError(f"{path}, line {number}: {len(fields)} fields, expected {len(COLUMNS)}")
        rows.append((dict(zip(COLUMNS, fields)), raws, end))
    ids = [r["case_id"] for r, _, _ in rows]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise CaseError(f"{path}: duplicate case_id {', '.join(dupes)}")
    return records[0], rows


def compute_all(rows):
    results = []
    for row, _, _ in rows:
        try:
            results.append(evaluate(row))
        except CaseError as e:
            raise CaseError(f"case {row['case_id']}: {e}") from None
    return results


def cmd_print(rows, results):
    head = ("case_id", "sdg_status", "sdg_score", "R_or_CAGR", "base", "current")
    table = [head]
    for (row, _, _), r in zip(rows, results):
        progress = "" if r["progress"] is None else f"{r['progress']:.4f}"
        base = "" if r["base_year"] is None else f"{r['base_year']}:{r['base_value']:g}"
        current = "" if r["current_year"] is None else f"{r['current_year']}:{r['current_value']:g}"
        table.append((row["case_id"], r["status"], format_score(r["score"]), progress, base, current))
    widths = [max(len(line[k]) for line in table) for k in range(len(head))]
    for line in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
    return 0


def cmd_check(path, rows, results):
    problems = []
    for (row, _, _), r in zip(rows, results):
        case = row["case_id"]
        if row["sdg_status"] != r["status"]:
            problems.append(f"case {case}, column sdg_status: the file has {row['sdg_status']!r}, "
                            f"sdg-build's measure gives {r['status']!r}")
        committed, expected = row["sdg_score"], r["score"]
        if committed == "" or expected is None:
            ok = committed == "" and expected is None
        else:
            try:
                ok = abs(float(committed) - expected) <= SCORE_TOLERANCE
            except ValueError:
                ok = False
        if not ok:
            problems.append(f"case {case}, column sdg_score: the file has {committed!r}, "
                            f"sdg-build's measure gives {format_score(expected)!r}")
    if problems:
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        print(f"{path}: {len(problems)} difference(s); run scripts/sdg-progress.py --write {path} "
              f"if the change is intended", file=sys.stderr)
        return 1
    print(f"{path}: {len(rows)} cases match sdg-build's measure")
    return 0


def cmd_write(path, header, rows, results):
    s_col, c_col = COLUMNS.index("sdg_status"), COLUMNS.index("sdg_score")
    out = ["".join((",".join(header[1]), header[2]))]
    for (row, raws, end), r in zip(rows, results):
        raws = list(raws)
        raws[s_col] = r["status"]
        raws[c_col] = format_score(r["score"])
        out.append(",".join(raws) + end)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(out))
    print(f"{path}: wrote sdg_status and sdg_score for {len(rows)} cases")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="sdg-build's progress measure for Planwatch's peer-comparison cases")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if sdg_status/sdg_score differ from the measure")
    mode.add_argument("--write", action="store_true", help="rewrite sdg_status/sdg_score in place")
    parser.add_argument("cases", help="cases CSV")
    args = parser.parse_args(argv)
    try:
        header, rows = load(args.cases)
        results = compute_all(rows)
    except (CaseError, OSError) as e:
        print(f"sdg-progress: {e}", file=sys.stderr)
        return 2
    if args.check:
        return cmd_check(args.cases, rows, results)
    if args.write:
        return cmd_write(args.cases, header, rows, results)
    return cmd_print(rows, results)


if __name__ == "__main__":
    sys.exit(main())
