#!/usr/bin/env python3
"""Browser check of the public site in real headless Chromium.

    python3 Tests/Browser/browse.py http://127.0.0.1:8080 SCREENSHOT_DIR

Visits every page reachable from / in Korean and in English, checks that every link on them
answers (no 404), checks the plan's key numbers, switches language with the page's own link,
checks that no page is wider than a phone, and saves desktop (1280x900) and phone (390x844)
screenshots of each kind of page in both languages. Exits 1 with a list of failures.
"""
import os
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from harness import BASE, SHOTS, driver, fail, finish, viewport


def status_of(url):
    request = urllib.request.Request(url, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def same_site_links(d):
    links = set()
    for a in d.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = a.get_attribute("href") or ""
        if href.startswith(BASE):
            links.add(href.split("#")[0])
    return links


def crawl(d, language):
    """Every page reachable from /, with the language cookie set by ?lang=."""
    d.get(f"{BASE}/?lang={language}")
    seen, queue, checked = set(), [f"{BASE}/"], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        path = urllib.parse.urlparse(url).path
        if path.startswith(("/data/", "/api/", "/static/")) or path.endswith((".csv", ".svg")):
            continue
        d.get(url)
        lang = d.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if lang != language:
            fail(f"{url}: <html lang={lang}>, expected {language}")
        if "HTTP 404" in d.page_source or "HTTP 500" in d.page_source:
            fail(f"{url}: error page")
        for link in same_site_links(d):
            if link not in checked:
                checked[link] = status_of(link)
                if checked[link] != 200:
                    fail(f"{url} links to {link}, which answers {checked[link]}")
            # The language switch is checked once, below; following it would change the cookie.
            if "lang=" not in urllib.parse.urlparse(link).query:
                queue.append(link)
    return seen


def check_numbers(d):
    d.get(f"{BASE}/?lang=ko")
    text = d.find_element(By.TAG_NAME, "main").text
    for expected in ("58.1조원", "44.9조원", "23.4조원", "90.3만 개", "4개 분야 12개 프로젝트"):
        if expected not in text:
            fail(f"/ in Korean does not show {expected}")
    d.get(f"{BASE}/?lang=en")
    text = d.find_element(By.TAG_NAME, "main").text
    for expected in ("KRW 58.1 trillion", "KRW 44.9 trillion", "903,000 jobs", "4 pillars, 12 projects"):
        if expected not in text:
            fail(f"/ in English does not show {expected}")
    d.get(f"{BASE}/projects/1-1?lang=ko")
    text = d.find_element(By.TAG_NAME, "main").text
    for expected in ("3.2조원", "6.7조원", "6.4조원", "16.1만 개", "29.5만 개"):
        if expected not in text:
            fail(f"/projects/1-1 does not show {expected}")


def check_switch(d):
    def expect_language(language, problem):
        if d.find_element(By.TAG_NAME, "html").get_attribute("lang") != language:
            fail(problem)

    d.delete_all_cookies()
    d.get(f"{BASE}/reforms")
    expect_language("ko", "the default language is not Korean")
    d.find_element(By.CSS_SELECTOR, "header a.lang").click()
    expect_language("en", "the language switch did not give English")
    d.get(f"{BASE}/method")
    expect_language("en", "the chosen language was not remembered on the next page")
    d.find_element(By.CSS_SELECTOR, "header a.lang").click()
    expect_language("ko", "switching back did not give Korean")


def check_search_and_as_of(d):
    d.get(f"{BASE}/?lang=ko")
    box = d.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("원격교육")
    box.submit()
    if "「(가칭)원격교육기본법」" not in d.find_element(By.TAG_NAME, "main").text:
        fail("searching 원격교육 does not find 「(가칭)원격교육기본법」")
    d.get(f"{BASE}/?asOf=2022-06-30&lang=ko")
    if "2022년 6월 30일" not in d.find_element(By.TAG_NAME, "main").text:
        fail("?asOf=2022-06-30 does not show the date")


SAMPLES = ["/", "/pillars/1", "/projects/1-1", "/indicators/1-1.data-market-size", "/indicators/1-4.gci-rank",
           "/reforms", "/method", "/data", "/search?q=%EB%8D%B0%EC%9D%B4%ED%84%B0", "/slipping", "/nope", "/?asOf=2022-06-30"]


def screenshots(d, pages):
    os.makedirs(SHOTS, exist_ok=True)
    for language in ("ko", "en"):
        d.get(f"{BASE}/?lang={language}")
        for width, height, phone, tag in ((1280, 900, False, "desktop"), (390, 844, True, "phone")):
            for page in pages:
                viewport(d, width, height, phone)
                d.get(BASE + page)
                if phone:
                    wide = d.execute_script("return document.documentElement.scrollWidth")
                    if wide > width + 1:
                        fail(f"{page} ({language}) is {wide}px wide on a {width}px phone")
                name = page.strip("/").replace("/", "_").replace("?", "_").replace("=", "-").replace("%", "") or "home"
                d.save_screenshot(os.path.join(SHOTS, f"{tag}-{language}-{name}.png"))


def main():
    d = driver()
    try:
        total = 0
        for language in ("ko", "en"):
            total += len(crawl(d, language))
        print(f"visited {total} pages", flush=True)
        check_numbers(d)
        check_switch(d)
        check_search_and_as_of(d)
        screenshots(d, SAMPLES)
    finally:
        d.quit()
    finish("browser check")


if __name__ == "__main__":
    main()
