#!/usr/bin/env python3
"""Planwatch's Excel files, checked by real readers (issue 15).

  PLANWATCH_TEST_EXCEL=1 python3 Tests/Excel/check.py [--bin .build/debug]

1. What Planwatch writes (`export --format xlsx`, `report --format xlsx`) opens in openpyxl
   with the CSV export's headers and values, a frozen header row, `#,##0` on amounts and
   fitted column widths.
2. LibreOffice converts the same workbooks back to CSV, equal to Planwatch's own CSV.
3. The repository's CSV examples (Examples/demo, Data/digital-new-deal-outcomes.csv), saved
   as .xlsx by LibreOffice, import, and record exactly what the CSV files record.
4. Done when: a reporter downloads the template as .xlsx from `planwatch serve`, fills it with
   openpyxl, saves it again through LibreOffice, uploads it through the form, and the values
   are recorded.

Needs `libreoffice-calc` (soffice) and Python's openpyxl; without PLANWATCH_TEST_EXCEL it
skips, so `swift test` machines need neither. Ends with 'N passed, N failed'.
"""
import csv
import http.cookiejar
import io
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".build", "debug")
if "--bin" in sys.argv:
    BIN = os.path.abspath(sys.argv[sys.argv.index("--bin") + 1])
PLANWATCH = os.path.join(BIN, "planwatch")
# LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, values not as shown.
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false"
CSV_IN = "CSV:44,34,76,1"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def run(*args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise Failure(f"{' '.join(args)} exited {r.returncode}: {r.stderr.strip()[-800:]}")
    return r.stdout


def soffice(convert_to, out_dir, files, infilter=None):
    """Converts files with headless LibreOffice in a profile of its own (so runs never share a lock)."""
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", convert_to, "--outdir", out_dir]
    if infilter:
        args.append(f"--infilter={infilter}")
    try:
        run(*args, *files)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def same_cell(a, b):
    """Planwatch's CSV cell against a cell read back from a workbook: equal as text, or as numbers."""
    if a == b:
        return True
    # CSV neutralises text a spreadsheet would run as a formula with a leading '; a workbook needs not.
    if a.startswith("'") and a[1:2] in ("=", "+", "-", "@") and a[1:] == b:
        return True
    try:
        x, y = float(a.replace(",", "")), float(b.replace(",", ""))
        return abs(x - y) <= 1e-9 * max(1.0, abs(x))
    except ValueError:
        return False


def compare_tables(name, expected, actual):
    expect(len(expected) == len(actual), f"{name}: {len(actual)} rows, the CSV has {len(expected)}")
    for r, (e, a) in enumerate(zip(expected, actual), start=1):
        a = a + [""] * (len(e) - len(a))
        for c, (x, y) in enumerate(zip(e, a)):
            expect(same_cell(x, y), f"{name} row {r} column {c + 1}: {y!r}, the CSV has {x!r}")


def cell_text(v):
    """An openpyxl value as the CSV export writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if hasattr(v, "date"):
        return v.date().isoformat() if hasattr(v, "hour") else v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def display_width(s):
    return sum(2 if ("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u115f" or "\u2e80" <= ch <= "\ua4cf") else 1 for ch in s)


class Workspace:
    """A database with the plan and some approved values, exported as CSV and as XLSX."""

    def __init__(self, work):
        import openpyxl  # noqa: F401 (fail early and clearly)
        self.work = work
        self.db = f"sqlite:{work}/exports.sqlite"
        sample = os.path.join(work, "sample.csv")
        with open(sample, "w", encoding="utf-8") as f:
            f.write("indicator_id,period,value,status,source,source_title,source_date,note\n"
                    "1-4.gci-rank,2021,10위,final,ITU,Global Cybersecurity Index,2022-03-02,\n"
                    "2-1.school-wifi,2021,79.4%,provisional,교육부,,,\"=HYPERLINK(\"\"x\"\")\"\n"
                    "1-1.data-market-size,2021,\"22조 8,986억원\",final,과학기술정보통신부,,,\n")
        run(PLANWATCH, "import", "observations", sample, "--db", self.db, "--approve")
        budget = os.path.join(work, "budget.csv")
        with open(budget, "w", encoding="utf-8") as f:
            f.write("project_id,fiscal_year,allocated,executed\n1-1,2021,\"13,113억원\",\"13,009억원\"\n")
        run(PLANWATCH, "import", "budget", budget, "--db", self.db, "--approve")
        self.csv_dir, self.xlsx_dir = os.path.join(work, "csv"), os.path.join(work, "xlsx")
        run(PLANWATCH, "export", "--format", "csv", "--out", self.csv_dir, "--db", self.db)
        run(PLANWATCH, "export", "--format", "xlsx", "--out", self.xlsx_dir, "--db", self.db)
        self.report = os.path.join(work, "report.xlsx")
        run(PLANWATCH, "report", "--format", "xlsx", "--out", self.report, "--as-of", "2022-06-30", "--db", self.db)
        self.tables = sorted(n[:-5] for n in os.listdir(self.xlsx_dir) if n.endswith(".xlsx"))


def check_openpyxl(ws):
    import openpyxl
    # Every open-data table, the plan's revisions (issue 23) among them.
    expect(len(ws.tables) == 12 and "revisions" in ws.tables, f"export --format xlsx wrote {len(ws.tables)} workbooks: {ws.tables}")
    for name in ws.tables:
        book = openpyxl.load_workbook(os.path.join(ws.xlsx_dir, name + ".xlsx"))
        sheet = book.worksheets[0]
        expect(sheet.title == name, f"{name}.xlsx: sheet '{sheet.title}'")
        expect(sheet.freeze_panes == "A2", f"{name}.xlsx: frozen at {sheet.freeze_panes}, not below the header")
        rows = [[cell_text(c.value) for c in row] for row in sheet.iter_rows()]
        expected = read_csv(os.path.join(ws.csv_dir, name + ".csv"))
        expect(rows[0] == expected[0], f"{name}.xlsx header {rows[0]} != CSV {expected[0]}")
        compare_tables(name + ".xlsx (openpyxl)", expected, rows)
        for i, header in enumerate(rows[0], start=1):
            letter = openpyxl.utils.get_column_letter(i)
            width = sheet.column_dimensions[letter].width
            longest = max(display_width(r[i - 1]) for r in rows if i - 1 < len(r))
            expect(width >= min(80, longest), f"{name}.xlsx column {header}: width {width} for text {longest} wide")
        for col, fmt in {"total_cost_won": "#,##0", "allocated_won": "#,##0", "source_date": "yyyy\\-mm\\-dd"}.items():
            if col in rows[0] and len(rows) > 1:
                j = rows[0].index(col)
                cells = [r[j] for r in sheet.iter_rows(min_row=2) if r[j].value is not None]
                expect(all(c.number_format == fmt for c in cells), f"{name}.xlsx {col}: formats {[c.number_format for c in cells][:3]}, not {fmt}")
    obs = openpyxl.load_workbook(os.path.join(ws.xlsx_dir, "observations.xlsx")).worksheets[0]
    header = [c.value for c in obs[1]]
    note = [r[header.index("note")].value for r in obs.iter_rows(min_row=2)]
    expect('=HYPERLINK("x")' in note, f"a formula-like note is not kept as text: {note}")
    expect(all(r[header.index("note")].data_type == "s" for r in obs.iter_rows(min_row=2) if r[header.index("note")].value),
           "a note became a formula")
    report = openpyxl.load_workbook(ws.report)
    expect(len(report.worksheets) >= 2, f"report.xlsx has {len(report.worksheets)} sheets")
    # The review opens with what is slipping, a sheet per project (as the Hangul review does),
    # then the verdicts by project.
    first = report.worksheets[0]
    expect(first.title.startswith("1-") and [c.value for c in first[1]] == ["구분", "항목", "판정", "근거"],
           f"report.xlsx first sheet '{first.title}' {[c.value for c in first[1]]}")
    titles = [w.title for w in report.worksheets]
    expect("프로젝트별 판정 현황" in titles, f"report.xlsx has no sheet of verdicts by project: {titles}")
    by_project = report["프로젝트별 판정 현황"] if "프로젝트별 판정 현황" in titles else first
    expect(by_project.freeze_panes == "A2", "report.xlsx: header not frozen")
    expect(by_project["A1"].value == "프로젝트" and by_project["A1"].font.b, "report.xlsx: the header is not bold Korean")
    expect(isinstance(by_project["B2"].value, int) and by_project["B2"].number_format == "#,##0",
           f"report.xlsx: a count is {by_project['B2'].value!r} as {by_project['B2'].number_format}")


def check_libreoffice_reads_exports(ws):
    out = os.path.join(ws.work, "lo-csv")
    os.makedirs(out)
    soffice(CSV_OUT, out, [os.path.join(ws.xlsx_dir, n + ".xlsx") for n in ws.tables])
    for name in ws.tables:
        compare_tables(name + ".xlsx (LibreOffice)", read_csv(os.path.join(ws.csv_dir, name + ".csv")), read_csv(os.path.join(out, name + ".csv")))
    soffice(CSV_OUT, out, [ws.report])
    rows = read_csv(os.path.join(out, "report.csv"))
    # LibreOffice writes the first sheet: what the first slipping project has past its date.
    expect(rows[0][:4] == ["구분", "항목", "판정", "근거"] and len(rows) > 1 and rows[1][2] != "", f"LibreOffice read the report as {rows[:2]}")


FACT_TABLES = {"observations": "observations.csv", "budget": "budget_executions.csv", "jobs": "jobs_reports.csv", "tasks": "task_status_reports.csv"}


def facts(db, kind, out):
    """The fact table of `kind` in `db`, without ids and times (which differ between imports)."""
    run(PLANWATCH, "export", "--format", "csv", "--out", out, "--db", db)
    rows = read_csv(os.path.join(out, FACT_TABLES[kind]))
    drop = {rows[0].index(c) for c in ("id", "recorded_at", "approved_at", "supersedes")}
    return [[v for i, v in enumerate(r) if i not in drop] for r in rows]


def check_examples_saved_by_libreoffice(work):
    sources = sorted(os.path.join(ROOT, "Examples", "demo", n) for n in os.listdir(os.path.join(ROOT, "Examples", "demo")) if n.endswith(".csv"))
    sources.append(os.path.join(ROOT, "Data", "digital-new-deal-outcomes.csv"))
    out = os.path.join(work, "examples")
    os.makedirs(out)
    soffice("xlsx", out, sources, infilter=CSV_IN)
    base = os.path.join(work, "base.sqlite")
    run(PLANWATCH, "plan", "load", os.path.join(ROOT, "Plans", "digital-new-deal.yaml"), "--db", f"sqlite:{work}/plan.sqlite")
    run(PLANWATCH, "backup", base, "--db", f"sqlite:{work}/plan.sqlite")
    for source in sources:
        stem = os.path.basename(source)[:-4]
        kind = "observations" if stem.startswith("digital-new-deal") else stem.split("-")[-1]
        xlsx = os.path.join(out, stem + ".xlsx")
        expect(os.path.exists(xlsx), f"LibreOffice did not save {stem}.xlsx")
        tables = []
        for fmt, path in (("csv", source), ("xlsx", xlsx)):
            db = os.path.join(work, f"{stem}-{fmt}.sqlite")
            shutil.copy(base, db)
            said = run(PLANWATCH, "import", kind, path, "--db", f"sqlite:{db}", "--approve")
            tables.append(facts(f"sqlite:{db}", kind, os.path.join(work, f"{stem}-{fmt}")))
        expect("sheet '" in said, f"{stem}.xlsx: the import does not say which sheet it read: {said}")
        expect(len(tables[0]) > 1, f"{stem}: nothing imported")
        compare_tables(f"{stem}.xlsx (saved by LibreOffice, imported)", tables[0], tables[1])


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def multipart(fields, files):
    boundary = "planwatch" + uuid.uuid4().hex
    body = b""
    for k, v in fields.items():
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
    for k, (name, data) in files.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode() + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def check_done_when(work):
    """A reporting template downloaded as XLSX, filled in LibreOffice and uploaded, lands."""
    import openpyxl
    db_path = os.path.join(work, "serve.sqlite")
    db = f"sqlite:{db_path}"
    run(PLANWATCH, "plan", "load", os.path.join(ROOT, "Plans", "digital-new-deal.yaml"), "--db", db)
    run(PLANWATCH, "org", "add", "msit", "--name-ko", "과학기술정보통신부", "--name-en", "Ministry of Science and ICT", "--db", db)
    run(PLANWATCH, "org", "assign", "msit", "1-1", "--db", db)
    password = "reporter password 15"
    run(PLANWATCH, "user", "add", "lee", "--org", "msit", "--role", "reporter", "--password-stdin", "--db", db, stdin=password + "\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The template asks for last year, which the default 90-day lock may already have closed.
    server = subprocess.Popen([PLANWATCH, "serve", "--db", db, "--port", str(port), "--empty", "--lock-after-days", "3650", "--no-access-log"],
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "serve.log"), "w"))
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(base + "/signin").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        opener.open(base + "/signin", urllib.parse.urlencode({"_csrf": csrf, "username": "lee", "password": password}).encode())
        template = opener.open(base + "/admin/projects/1-1/template.xlsx?kind=observations")
        expect(template.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
               f"template.xlsx is {template.headers['Content-Type']}")
        book = openpyxl.load_workbook(io.BytesIO(template.read()))
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[1]]
        expect(header[:4] == ["항목명", "지표ID", "기간", "값"], f"template header {header}")
        expect(sheet.freeze_panes == "A2", "template: header not frozen")
        ids = {sheet.cell(row=r, column=2).value: r for r in range(2, sheet.max_row + 1)}
        wanted = {"1-1.data-market-size": "44조원", "1-1.ai-specialist-firms": 120, "1-1.public-data-opened": "15.1만개"}
        for indicator, value in wanted.items():
            expect(indicator in ids, f"template has no row for {indicator}")
            sheet.cell(row=ids[indicator], column=4).value = value
        period = sheet.cell(row=ids["1-1.data-market-size"], column=3).value
        filled = os.path.join(work, "filled.xlsx")
        book.save(filled)
        # Saved again by LibreOffice, as a ministry's officer would.
        resaved_dir = os.path.join(work, "resaved")
        os.makedirs(resaved_dir)
        soffice("xlsx", resaved_dir, [filled])
        resaved = os.path.join(resaved_dir, "filled.xlsx")
        page = opener.open(base + "/admin/projects/1-1/upload").read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        body, content_type = multipart({"_csrf": csrf, "kind": "observations"}, {"file": ("2025-실적.xlsx", open(resaved, "rb").read())})
        request = urllib.request.Request(base + "/admin/projects/1-1/upload", data=body, headers={"Content-Type": content_type})
        answer = opener.open(request)
        expect("done=uploaded" in answer.geturl(), f"the upload did not land: {answer.geturl()} {re.sub('<[^>]+>', ' ', answer.read().decode())[:600]}")
        rows = sqlite3.connect(db_path).execute(
            "SELECT indicator_id, period, value, state FROM observations WHERE indicator_id LIKE '1-1.%' ORDER BY indicator_id").fetchall()
        got = {r[0]: (r[1], r[2], r[3]) for r in rows}
        expect(got == {"1-1.ai-specialist-firms": (str(period), 120.0, "submitted"), "1-1.data-market-size": (str(period), 44e12, "submitted"),
                       "1-1.public-data-opened": (str(period), 151000.0, "submitted")}, f"recorded {got}")
        # The open-data workbooks of the running site, with an ETag.
        assessments = urllib.request.urlopen(base + "/data/assessments.xlsx")
        etag = assessments.headers["ETag"]
        a = openpyxl.load_workbook(io.BytesIO(assessments.read())).worksheets[0]
        head = [c.value for c in a[1]]
        expect(head[:3] == ["indicator_id", "project_id", "status"] and etag, f"assessments.xlsx header {head[:3]}, ETag {etag}")
        try:
            urllib.request.urlopen(urllib.request.Request(base + "/data/assessments.xlsx", headers={"If-None-Match": etag}))
            raise Failure("assessments.xlsx: no 304 for its own ETag")
        except urllib.error.HTTPError as e:
            expect(e.code == 304, f"assessments.xlsx answered {e.code} to its ETag")
    finally:
        server.terminate()
        server.wait(timeout=20)


def main():
    if os.environ.get("PLANWATCH_TEST_EXCEL") != "1":
        print("Excel check skipped (set PLANWATCH_TEST_EXCEL=1; needs soffice and openpyxl)")
        return 0
    work = tempfile.mkdtemp(prefix="planwatch-excel-")
    passed = failed = 0
    workspace = None
    checks = [
        ("exports open in openpyxl", lambda: check_openpyxl(workspace)),
        ("LibreOffice reads the exports", lambda: check_libreoffice_reads_exports(workspace)),
        ("examples saved by LibreOffice import", lambda: check_examples_saved_by_libreoffice(work)),
        ("template downloaded, filled in LibreOffice, uploaded, lands", lambda: check_done_when(work)),
    ]
    try:
        workspace = Workspace(work)
    except Exception as e:  # every check below needs it
        print(f"FAIL setup: {e}")
        print(f"0 passed, {len(checks)} failed")
        return 1
    for name, check in checks:
        started = time.time()
        try:
            check()
            passed += 1
            print(f"ok   {name} ({time.time() - started:.1f} s)")
        except Failure as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except Exception:
            failed += 1
            print(f"FAIL {name}:\n{traceback.format_exc()}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
