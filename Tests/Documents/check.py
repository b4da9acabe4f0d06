#!/usr/bin/env python3
"""The quarterly review and the printed site, checked by real readers (issue 19).

  PLANWATCH_TEST_DOCUMENTS=1 python3 Tests/Documents/check.py [--bin .build/debug] [--port 58310] [--print]

1. `planwatch report --format hwpx` for the Digital New Deal with its published outcomes, as of
   2022-06-30 and as of today, in Korean and English: every document passes python-hwpx's
   validator (`python3 -m hwpx.tools.validator`) and its package checks with no error and no
   warning, and python-hwpx reads it back; its text and every table equal, block for block and
   figure for figure, the HTML review of the same date; the second reader (hwp-hwpx-parser)
   reads the same tables and text.
2. Bad input (no plan, a date before the plan, a path that cannot be written) ends with one line
   on stderr and leaves no file behind.
3. With --print: `planwatch serve` on the same database; Chromium prints the home page, a
   project page, an indicator page (in both languages) and the HTML review to PDF; pdftotext
   shows no navigation, table headers on every page a table runs onto, every source's address,
   page numbers and the as-of date. The PNGs of every page are left in --shots for a person to
   look at. The indicator's chart downloads as an SVG with its title, date, source and address,
   its CSV holds the points drawn, and its embeddable page may be framed by anyone.

Needs Python's python-hwpx and hwp-hwpx-parser, and for --print chromium and poppler-utils;
without PLANWATCH_TEST_DOCUMENTS it skips. Ends with 'N passed, N failed'.
"""
import csv
import datetime
import html
import html.parser
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


BIN = os.path.abspath(option("--bin", os.path.join(ROOT, ".build", "debug")))
PLANWATCH = os.path.join(BIN, "planwatch")
PORT = int(option("--port", "58310"))
SHOTS = os.path.abspath(option("--shots", os.path.join(ROOT, ".build", "documents")))
PRINT = "--print" in sys.argv
TODAY = (datetime.datetime.utcnow() + datetime.timedelta(hours=9)).date().isoformat()
DATES = ["2022-06-30", TODAY]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def run(*args, ok=True):
    r = subprocess.run(args, capture_output=True, text=True)
    if ok and r.returncode != 0:
        raise Failure(f"{' '.join(args)} exited {r.returncode}: {r.stderr.strip()[-800:]}")
    return r


def squash(text):
    return re.sub(r"\s+", " ", text or "").strip()


# The HTML review: its text blocks and its tables, in order ------------------------------------

class ReviewHTML(html.parser.HTMLParser):
    """Reads `<h1>`…`<h6>`, `<p>` and `<li>` as text blocks and `<table>` as rows of cells."""

    BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li"}

    def __init__(self):
        super().__init__()
        self.texts, self.tables = [], []
        self.in_body = False
        self.block = None
        self.table = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = ""
        elif tag in self.BLOCKS and self.table is None:
            self.block = ""

    def handle_endtag(self, tag):
        if tag == "table" and self.table is not None:
            self.tables.append(self.table)
            self.table = None
        elif tag in ("td", "th") and self.cell is not None:
            self.table[-1].append(squash(self.cell))
            self.cell = None
        elif tag in self.BLOCKS and self.block is not None:
            self.texts.append(squash(self.block))
            self.block = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.block is not None:
            self.block += data


def read_html(path):
    parser = ReviewHTML()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    return [t for t in parser.texts if t], parser.tables


# The HWPX review, through python-hwpx ------------------------------------------------------------

def validate(path):
    """python-hwpx's own validator as CI would run it, then its checks in full: no error, no warning."""
    r = run(sys.executable, "-m", "hwpx.tools.validator", path, ok=False)
    expect(r.returncode == 0, f"{path}: hwpx.tools.validator exited {r.returncode}:\n{r.stdout[-1500:]}{r.stderr[-500:]}")
    warnings = [line for line in r.stdout.splitlines() if line.startswith(("WARNING", "ERROR"))]
    expect(not warnings, f"{path}: the validator warns:\n" + "\n".join(warnings[:20]))
    from hwpx.tools.package_validator import validate_package, validate_editor_open_safety
    report = validate_package(path)
    expect(not report.issues, f"{path}: package issues:\n" + "\n".join(str(i) for i in report.issues[:20]))
    safety = validate_editor_open_safety(path)
    expect(safety.ok, f"{path}: not safe to open in Hangul: {safety.summary}")


def read_hwpx(path):
    """The body's paragraphs (outside tables) and every table, as python-hwpx reads them."""
    from hwpx.document import HwpxDocument
    from hwpx.tools.text_extractor import TextExtractor
    texts = []
    with TextExtractor(path) as extractor:
        for section in extractor.iter_sections():
            for paragraph in extractor.iter_paragraphs(section, include_nested=False):
                text = squash(paragraph.text(object_behavior="skip"))
                if text:
                    texts.append(text)
    document = HwpxDocument.open(path)
    tables = []
    for table in document.tables:
        rows = []
        for row in table.rows:
            rows.append([squash(cell.text) for cell in row.cells])
        tables.append(rows)
    return texts, tables, document


def read_second(path):
    """The same document through hwp-hwpx-parser, a reader written apart from python-hwpx."""
    from hwp_hwpx_parser import Reader
    with Reader(path) as reader:
        return reader.text, [[[squash(cell) for cell in row] for row in table.rows] for table in reader.tables]


def figures(texts, tables):
    out = []
    for t in texts:
        out += NUMBER.findall(t)
    for table in tables:
        for row in table:
            for cell in row:
                out += NUMBER.findall(cell)
    return out


def compare(label, html_texts, html_tables, texts, tables):
    expect(len(tables) == len(html_tables), f"{label}: {len(tables)} tables in HWPX, {len(html_tables)} in HTML")
    for n, (a, b) in enumerate(zip(tables, html_tables)):
        expect(len(a) == len(b), f"{label}: table {n + 1} has {len(a)} rows in HWPX, {len(b)} in HTML")
        for r, (x, y) in enumerate(zip(a, b)):
            expect(x == y, f"{label}: table {n + 1} row {r + 1} differs:\n  HWPX {x}\n  HTML {y}")
    for n, (a, b) in enumerate(zip(texts, html_texts)):
        expect(a == b, f"{label}: text block {n + 1} differs:\n  HWPX {a}\n  HTML {b}")
    expect(len(texts) == len(html_texts), f"{label}: {len(texts)} text blocks in HWPX, {len(html_texts)} in HTML "
                                          f"(first extra: {(texts[len(html_texts):] or html_texts[len(texts):])[:1]})")
    a, b = figures(texts, tables), figures(html_texts, html_tables)
    for n, (x, y) in enumerate(zip(a, b)):
        expect(x == y, f"{label}: figure {n + 1} is {x} in HWPX and {y} in HTML")
    expect(len(a) == len(b), f"{label}: {len(a)} figures in HWPX, {len(b)} in HTML")
    return len(a)


# The checks ---------------------------------------------------------------------------------------

def make_database(work):
    """The Digital New Deal with its published outcomes, each recorded on the day it was published,
    as a fresh `planwatch serve` loads them: so a review as of 2022-06-30 has values and sources."""
    db = f"sqlite:{work}/real.sqlite"
    server = start_server(work, db)
    server.terminate()
    server.wait(timeout=20)
    return db


def check_documents(work, db):
    for day in DATES:
        for lang in ("ko", "en"):
            base = os.path.join(work, f"review-{day}-{lang}")
            run(PLANWATCH, "report", "--format", "hwpx", "--out", base + ".hwpx", "--as-of", day, "--lang", lang, "--db", db)
            run(PLANWATCH, "report", "--format", "html", "--out", base + ".html", "--as-of", day, "--lang", lang, "--db", db)
            with zipfile.ZipFile(base + ".hwpx") as z:
                first = z.infolist()[0]
                expect(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED, "mimetype must come first, stored")
                names = set(z.namelist())
                for part in ("version.xml", "Contents/header.xml", "Contents/section0.xml", "Contents/content.hpf",
                             "META-INF/container.xml", "META-INF/manifest.xml"):
                    expect(part in names, f"{base}.hwpx has no {part}")
                header = z.read("Contents/header.xml").decode("utf-8")
                expect("함초롬바탕" in header and "맑은 고딕" in header, "the fonts must be named as Hangul names them")
                section = z.read("Contents/section0.xml").decode("utf-8")
                expect('width="59528"' in section and 'height="84186"' in section, "the page must be A4")
                expect('repeatHeader="1"' in section and 'header="1"' in section, "tables must have header rows that repeat")
            validate(base + ".hwpx")
            texts, tables, document = read_hwpx(base + ".hwpx")
            html_texts, html_tables = read_html(base + ".html")
            n = compare(f"{day} {lang}", html_texts, html_tables, texts, tables)
            footer = " ".join(squash(t) for t in re.findall(r"<hp:footer.*?</hp:footer>", section))
            expect(day.split("-")[0] in re.sub(r"<[^>]+>", " ", footer), f"{day} {lang}: the footer must carry the as-of date")
            # The second reader: the same tables, and every text block somewhere in its text.
            text, second = read_second(base + ".hwpx")
            expect(len(second) == len(html_tables), f"{day} {lang}: hwp-hwpx-parser reads {len(second)} tables, HTML has {len(html_tables)}")
            for k, (a, b) in enumerate(zip(second, html_tables)):
                expect(a == b, f"{day} {lang}: hwp-hwpx-parser reads table {k + 1} differently:\n  {a[:2]}\n  {b[:2]}")
            flat = squash(text)
            missing = [t for t in html_texts if t not in flat]
            expect(not missing, f"{day} {lang}: hwp-hwpx-parser's text lacks {missing[:3]}")
            print(f"ok   review as of {day} in {lang}: {len(texts)} text blocks, {len(tables)} tables, {n} figures equal in HWPX and HTML, "
                  "two readers agree")
            if lang == "ko" and day == "2022-06-30":
                print("\n".join("     | " + t for t in texts[:40]))


def check_bad_input(work, db):
    bad = os.path.join(work, "bad")
    os.makedirs(bad)
    cases = [
        ("no plan", ["--db", f"sqlite:{bad}/none.sqlite"], os.path.join(bad, "a.hwpx"), "no plan"),
        ("a plan file that cannot be read", ["--db", db, "--plan", f"{bad}/missing.yaml"], os.path.join(bad, "b.hwpx"), "no plan"),
        ("a date before the plan", ["--db", db, "--as-of", "2019-12-31"], os.path.join(bad, "c.hwpx"), "before the plan"),
        ("a date that is not one", ["--db", db, "--as-of", "2022-13-01"], os.path.join(bad, "d.hwpx"), "not a date"),
        ("a folder that does not exist", ["--db", db], os.path.join(bad, "nowhere", "e.hwpx"), "does not exist"),
        ("a path that is a folder", ["--db", db], bad, "folder"),
        ("a folder nobody may write, not even root", ["--db", db], "/proc/review.hwpx", "cannot write /proc/review.hwpx"),
    ]
    readonly = os.path.join(bad, "readonly")
    os.makedirs(readonly)
    os.chmod(readonly, 0o555)
    if os.geteuid() != 0:  # root writes anywhere
        cases.append(("a folder that cannot be written", ["--db", db], os.path.join(readonly, "f.hwpx"), "ermission"))
    for label, args, out, words in cases:
        before = set(os.listdir(bad))
        r = run(PLANWATCH, "report", "--format", "hwpx", "--out", out, *args, ok=False)
        lines = [line for line in r.stderr.strip().splitlines() if line.strip()]
        expect(r.returncode != 0, f"{label}: report exited 0")
        expect(len(lines) == 1 and words in lines[0], f"{label}: wanted one line saying '{words}', got: {r.stderr.strip()[:400]}")
        expect(set(os.listdir(bad)) == before and not os.path.exists(os.path.join(bad, "none.sqlite")),
               f"{label}: left {sorted(set(os.listdir(bad)) - before)} behind")
        print(f"ok   bad input, {label}: {lines[0]}")
    os.chmod(readonly, 0o755)


# Printing -----------------------------------------------------------------------------------------

def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    raise Failure("no chromium")


def print_pdf(url, pdf):
    run(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
        "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000", f"--print-to-pdf={pdf}", url)
    expect(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"no PDF for {url}")
    pages = run("pdftotext", "-layout", pdf, "-").stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    stem = pdf[:-4]
    run("pdftoppm", "-png", "-r", "60", pdf, stem)
    return pages


def pdf_words(pdf):
    """Every word of the PDF in reading order, without the brackets around a printed address."""
    out = run("pdftotext", "-bbox", pdf, "-").stdout
    return [html.unescape(w).strip("(),;") for w in re.findall(r"<word [^>]*>([^<]*)</word>", out)]


def printed(address, words):
    """Whether the address is printed, whole or broken over lines: it is made of words of the
    PDF, each a piece of it (reading order may put a cell's second line before its first, and a
    line may end after one letter), most of it in pieces of five letters or more."""
    pieces = {w for w in words if w and w in address}
    best = {0: 0}  # position reached -> most letters covered by long pieces on the way
    for at in range(len(address)):
        if at not in best:
            continue
        for w in pieces:
            if address.startswith(w, at):
                covered = best[at] + (len(w) if len(w) >= 5 else 0)
                best[at + len(w)] = max(best.get(at + len(w), -1), covered)
    return best.get(len(address), -1) >= 0.8 * len(address)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, dict(r.headers), r.read()


def start_server(work, db):
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([PLANWATCH, "serve", "--db", db, "--port", str(PORT), "--no-access-log",
                               "--public-url", "https://planwatch.example.kr"], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            fetch(f"http://127.0.0.1:{PORT}/healthz")
            return server
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.2)
    server.terminate()
    raise Failure("the server did not start: " + open(os.path.join(work, "serve.log")).read()[-800:])


NAVIGATION = {
    "ko": ["본문 바로가기", "검색어", "로그인", "API 설명서"],
    "en": ["Skip to content", "Sign in", "API description"],
}


def check_print(work, db):
    os.makedirs(SHOTS, exist_ok=True)
    catalogs = {lang: json.load(open(os.path.join(ROOT, f"Sources/PlanWeb/Localization/{lang}.json"), encoding="utf-8")) for lang in ("ko", "en")}
    server = start_server(work, db)
    try:
        base = f"http://127.0.0.1:{PORT}"
        for lang in ("ko", "en"):
            t = catalogs[lang]
            nav = [t["skip_to_content"], t["search_button"], t["sign_in"], t["footer_api"], t["nav_reforms"] + " " + t["nav_sources"]]
            for path in ("/", "/projects/1-1", "/indicators/1-2.robot-industry-revenue"):
                name = (path.strip("/").replace("/", "-") or "home") + f"-{lang}"
                pdf = os.path.join(SHOTS, name + ".pdf")
                pages = print_pdf(f"{base}{path}?lang={lang}", pdf)
                whole = "\n".join(pages)
                for words in nav:
                    expect(squash(words) not in squash(whole), f"{path} ({lang}) prints navigation: {words}")
                expect(all(re.search(r"\b%d\s*/\s*%d\b" % (i + 1, len(pages)), p) for i, p in enumerate(pages)),
                       f"{path} ({lang}): every page must carry 'n / {len(pages)}'")
                y, m, d = (int(x) for x in TODAY.split("-"))
                day = f"{y}년 {m}월 {d}일 기준" if lang == "ko" else f"as of {d} {MONTHS[m - 1]} {y}"
                expect(all(day in squash(p) for p in pages), f"{path} ({lang}): every page must carry '{day}' in its margin")
                # Every outside address the page links to (its sources) is printed after its link.
                _, _, page_html = fetch(f"{base}{path}?lang={lang}")
                main = page_html.decode("utf-8").split("<main", 1)[1].split("</main>", 1)[0]
                addresses = sorted(set(html.unescape(a) for a in re.findall(r'href="(https?://[^"]+)"', main)))
                words = pdf_words(pdf)
                missing = [u for u in addresses if not printed(u, words)]
                expect(not missing, f"{path} ({lang}): source addresses not printed: {missing[:3]}")
                if path.startswith("/indicators"):
                    expect(addresses, f"{path} ({lang}): the indicator page should cite its sources")
                if path == "/":
                    # The table of settled indicators runs over pages: its header starts each of them.
                    header = squash(t["ended_value"])
                    repeated = [i + 1 for i, p in enumerate(pages) if header in squash(p)]
                    expect(len(repeated) >= 3, f"the home page's table header is on pages {repeated} only")
                print(f"ok   printed {path} in {lang}: {len(pages)} pages, no navigation, page numbers and the date in the margin, "
                      f"{len(addresses)} source addresses")
            # The review, printed from its HTML file: the reforms table runs over pages, its header on each.
            pdf = os.path.join(SHOTS, f"review-{lang}.pdf")
            pages = print_pdf("file://" + os.path.join(work, f"review-2022-06-30-{lang}.html"), pdf)
            start = next(i for i, p in enumerate(pages) if ("Ⅴ. 제도개선 과제" if lang == "ko" else "V. Reforms") in p)
            end = next(i for i, p in enumerate(pages) if ("Ⅵ. 출처" if lang == "ko" else "VI. Sources") in p)
            column = "추진 상황" if lang == "ko" else "Where it stands"
            expect(end > start, f"review ({lang}): the reforms table should run over more than one page")
            for i in range(start + 1, end + 1):
                expect(column in squash(pages[i]) or i == end and pages[i].strip().startswith(("Ⅵ", "VI")),
                       f"review ({lang}): page {i + 1} continues the reforms table without its header")
            expect(all(re.search(r"\b%d\s*/\s*%d\b" % (i + 1, len(pages)), p) for i, p in enumerate(pages)),
                   f"review ({lang}): every page must carry its number")
            print(f"ok   printed the review in {lang}: {len(pages)} pages, the reforms table's header on every page from {start + 2} to {end + 1}")

        # Charts for reuse.
        status, headers, body = fetch(f"{base}/indicators/1-4.gci-rank/chart.svg?asOf=2022-06-30")
        expect(status == 200 and headers.get("Content-Type", "").startswith("image/svg+xml"), "chart.svg must be an SVG")
        root = ET.fromstring(body)
        ns = "{http://www.w3.org/2000/svg}"
        texts = " ".join(squash("".join(e.itertext())) for e in root.iter(ns + "text"))
        expect(root.find(ns + "title") is not None and root.find(ns + "desc") is not None, "the SVG needs <title> and <desc>")
        for words in ("2022년 6월 30일 기준", "출처", "https://planwatch.example.kr/indicators/1-4.gci-rank", root.find(ns + "title").text):
            expect(words in texts, f"the SVG must draw '{words}': {texts[:300]}")
        status, headers, body = fetch(f"{base}/indicators/1-4.gci-rank/chart.csv?asOf=2022-06-30")
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
        expect(rows and {r["series"] for r in rows} >= {"baseline", "target"}, "the CSV must hold the baseline and targets drawn")
        status, headers, body = fetch(f"{base}/embed/indicators/1-4.gci-rank")
        expect("frame-ancestors *" in headers.get("Content-Security-Policy", "") and "X-Frame-Options" not in headers,
               f"the embed must allow framing: {headers}")
        expect(b"<nav" not in body and b"<form" not in body, "the embed must show nothing else of the site")
        status, headers, _ = fetch(f"{base}/indicators/1-4.gci-rank")
        expect(headers.get("X-Frame-Options") == "DENY", "the indicator page itself must not be framed")
        print(f"ok   chart.svg draws its title, date, source and address; chart.csv has {len(rows)} points; the embed may be framed")
    finally:
        server.terminate()
        server.wait(timeout=20)


def main():
    if not os.environ.get("PLANWATCH_TEST_DOCUMENTS"):
        print("skipped: set PLANWATCH_TEST_DOCUMENTS=1 (needs python-hwpx, hwp-hwpx-parser; --print needs chromium, poppler-utils)")
        return 0
    work = tempfile.mkdtemp(prefix="planwatch-documents-")
    passed = failed = 0
    db = make_database(work)
    checks = [("documents", check_documents), ("bad input", check_bad_input)] + ([("print", check_print)] if PRINT else [])
    for name, check in checks:
        try:
            check(work, db)
            passed += 1
        except Failure as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except Exception:
            failed += 1
            print(f"FAIL {name}:")
            traceback.print_exc()
    print(f"{passed} passed, {failed} failed (documents in {work}, prints in {SHOTS})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
