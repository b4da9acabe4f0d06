"""What both browser checks share: the site's address and the screenshot folder from the
command line, headless Chromium as a Korean reader's browser, viewports, and the failure list
that decides the exit status."""
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/")
SHOTS = sys.argv[2] if len(sys.argv) > 2 else "screenshots"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message, flush=True)


def viewport(d, width, height, phone=False):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})


def full_shot(d, name, tallest):
    """A screenshot of the whole page (at most `tallest` pixels high) into SHOTS, the window then back to 1280 × 900."""
    os.makedirs(SHOTS, exist_ok=True)
    viewport(d, 1280, min(d.execute_script("return document.body.scrollHeight"), tallest))
    d.save_screenshot(os.path.join(SHOTS, f"{name}.png"))
    viewport(d, 1280, 900)


def driver(performance_log=False):
    opts = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        opts.add_argument(a)
    # A Korean reader's browser: the site's default language must then be Korean.
    opts.add_experimental_option("prefs", {"intl.accept_languages": "ko-KR,ko"})
    if performance_log:
        # The network log, from which a page's HTML can be read as the server sent it.
        opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    d = webdriver.Chrome(service=Service(executable_path=path), options=opts)
    viewport(d, 1280, 900)
    return d


def click(d, element):
    """Clicks a submit button and waits for the next page. While the old page goes away,
    chromedriver may answer a look at it with any error ("Node … does not belong to the
    document"): that too means the page changed."""
    old = d.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(d, 15).until(gone)


def finish(what):
    """Exits 1 when anything failed, else says the check passed."""
    if failures:
        print(f"{len(failures)} failures", flush=True)
        sys.exit(1)
    print(f"{what} passed", flush=True)
