#!/usr/bin/env python3
"""Writes the sample actuals `planwatch serve --demo` loads: Examples/demo/*.csv.

The values are invented. They follow each commitment's planned path with a deterministic,
per-commitment "performance" (most on track, some behind, a few far behind), so the demo
dashboard shows every status. Each file is one reporting round in the import formats of
docs/import-formats.md, named YYYY-MM-DD-KIND.csv after the day it is recorded and approved.

    swift run planwatch plan export --format json > /tmp/plan.json
    python3 scripts/make-demo-data.py /tmp/plan.json Examples/demo
"""
import csv
import hashlib
import json
import os
import sys

SOURCE = "예시 자료 (sample)"
NOTE = "SAMPLE DATA - not real / 예시 자료이며 실제 값이 아닙니다"
FIRST_YEAR, LAST_YEAR = 2020, 2025
LAST_REPORT = "2026-11-01"


def unit(key, salt=""):
    """A number in [0, 1) fixed by the key."""
    h = hashlib.sha256((key + "|" + salt).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def performance(key):
    """How well a commitment does against its path: most on track, some behind, a few far behind."""
    u = unit(key, "performance")
    if u < 0.65:
        return 1.0 + 0.15 * unit(key, "ahead")
    if u < 0.80:
        return 0.93 + 0.06 * unit(key, "close")
    if u < 0.92:
        return 0.7 + 0.15 * unit(key, "behind")
    return 0.35 + 0.2 * unit(key, "far")


def year_of(period):
    return int(period[:4])


def round_to(value, measure):
    if measure in ("count", "rank"):
        return int(round(value))
    if value == 0:
        return 0
    digits = 3
    magnitude = len(str(int(abs(value)))) if abs(value) >= 1 else 1
    factor = 10 ** max(0, magnitude - digits)
    return int(round(value / factor) * factor) if magnitude > digits else round(value, 1)


def planned(ind, year):
    """The planned value at the end of `year`, by linear interpolation between milestones."""
    points = []
    base = ind.get("baseline") or {}
    numeric_targets = [(year_of(t["due"]), t["value"]) for t in ind["targets"] if "value" in t]
    if not numeric_targets:
        return None
    if "value" in base:
        points.append((year_of(base["period"]), base["value"]))
    elif ind.get("accumulation") == "cumulative" or ind.get("measure") in ("count", "amount"):
        points.append((FIRST_YEAR - 1, 0))
    else:
        points.append((FIRST_YEAR - 1, numeric_targets[0][1] * 0.5))
    points += sorted(numeric_targets)
    if year <= points[0][0]:
        return None
    for (y0, v0), (y1, v1) in zip(points, points[1:]):
        if y0 < year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return points[-1][1]


def actual(ind, year):
    p = planned(ind, year)
    if p is None:
        return None
    base = ind.get("baseline") or {}
    start = base.get("value", 0 if ind.get("measure") != "rank" else p)
    perf = performance(ind["id"])
    noise = 1 + 0.04 * (unit(ind["id"], str(year)) - 0.5)
    if ind.get("direction") == "decrease":
        # Lower is better: falling short means staying above the path.
        value = start + (p - start) * perf * noise
    else:
        value = start + (p - start) * perf * noise
    bounds = ind.get("bounds") or {}
    if ind.get("measure") == "percent":
        value = min(value, 100)
    if "min" in bounds:
        value = max(value, bounds["min"])
    if "max" in bounds:
        value = min(value, bounds["max"])
    if ind.get("measure") == "rank":
        value = max(1, value)
    return round_to(value, ind.get("measure"))


def write(directory, day, kind, header, rows):
    if not rows:
        return
    path = os.path.join(directory, f"{day}-{kind}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(plan_path, directory):
    plan = json.load(open(plan_path, encoding="utf-8"))
    projects = [p for pillar in plan["pillars"] for p in pillar["projects"]]
    indicators = []
    for p in projects:
        indicators += p.get("indicators", [])
        for t in p.get("tasks", []):
            indicators += t.get("indicators", [])
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        if name.endswith(".csv"):
            os.remove(os.path.join(directory, name))

    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        first_round, revision_round = f"{year + 1}-02-20", f"{year + 1}-06-20"
        first, revised = [], []
        for ind in indicators:
            if ind.get("measure") == "qualitative" or all("value" not in t for t in ind["targets"]):
                continue
            # Some values come late or not at all, as in real reporting.
            if unit(ind["id"], f"missing{year}") < (0.06 if year < LAST_YEAR else 0.12):
                continue
            value = actual(ind, year)
            if value is None:
                continue
            if unit(ind["id"], f"provisional{year}") < 0.3:
                estimate = round_to(value * (0.96 + 0.03 * unit(ind["id"], f"estimate{year}")), ind.get("measure"))
                first.append([ind["id"], str(year), estimate, "provisional", SOURCE, NOTE])
                revised.append([ind["id"], str(year), value, "final", SOURCE, NOTE])
            else:
                first.append([ind["id"], str(year), value, "final", SOURCE, NOTE])
        header = ["indicator_id", "period", "value", "status", "source", "note"]
        write(directory, first_round, "observations", header, first)
        write(directory, revision_round, "observations", header, revised)

        budget, jobs = [], []
        for p in projects:
            by = {b["by"]: b for b in p.get("budget", [])}
            if "2022" in by and "2025" in by:
                t22, t25 = by["2022"].get("treasury", by["2022"]["totalCost"]), by["2025"].get("treasury", by["2025"]["totalCost"])
                share = {2020: 0.12, 2021: 0.40, 2022: 0.48}.get(year)
                # Supplementary budgets raise most allocations above the plan; execution runs at 95-99.5%.
                allocated = (t22 * share if share else (t25 - t22) / 3) * (0.9 + 0.15 * performance(p["id"] + "budget"))
                executed = allocated * (0.95 + 0.045 * unit(p["id"], f"rate{year}"))
                budget.append([p["id"], str(year), f"{round(allocated / 1e8):,}억원", f"{round(executed / 1e8):,}억원", "final", SOURCE, NOTE])
            jb = {j["by"]: j["count"] for j in p.get("jobs", [])}
            if "2022" in jb and "2025" in jb:
                share = {2020: 0.15, 2021: 0.40, 2022: 0.45}.get(year)
                planned_jobs = jb["2022"] * share if share else (jb["2025"] - jb["2022"]) / 3
                created = planned_jobs * performance(p["id"] + "jobs") * (1 + 0.05 * (unit(p["id"], f"jobs{year}") - 0.5))
                jobs.append([p["id"], str(year), f"{round(created):,}", "final", SOURCE, NOTE])
        write(directory, f"{year + 1}-03-10", "budget", ["project_id", "fiscal_year", "allocated", "executed", "status", "source", "note"], budget)
        write(directory, f"{year + 1}-03-10", "jobs", ["project_id", "year", "jobs", "status", "source", "note"], jobs)

    # Task status: everything starts in the autumn of 2020; most finish by their due period,
    # some late, a few not yet.
    started, finished = [], {}
    for p in projects:
        for t in p.get("tasks", []):
            started.append([t["id"], "2020-10-15", "inProgress", "예시: 추진계획 수립 (sample)", SOURCE, NOTE])
            due = t.get("due") or "2025"
            due_year = year_of(due)
            u = unit(t["id"], "task")
            if u < 0.7:
                done = f"{due_year}-{int(3 + 9 * unit(t['id'], 'month')):02d}-15"
            elif u < 0.88:
                done = f"{due_year + 1}-{int(2 + 8 * unit(t['id'], 'month')):02d}-15"
            else:
                continue
            done = max(done, "2020-11-16")
            if done > LAST_REPORT:
                continue
            evidence = "예시: 법 개정 공포 (sample)" if t["kind"] == "reform" else "예시: 사업 완료 보고 (sample)"
            finished.setdefault(done[:7] + "-28", []).append([t["id"], done, "done", evidence, SOURCE, NOTE])
    header = ["task_id", "date", "progress", "evidence", "source", "note"]
    write(directory, "2020-10-20", "tasks", header, started)
    for day, rows in sorted(finished.items()):
        write(directory, day, "tasks", header, rows)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-demo-data.py PLAN.json DIRECTORY")
    main(sys.argv[1], sys.argv[2])
