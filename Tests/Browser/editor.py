#!/usr/bin/env python3
"""The plan editor in real headless Chromium, as the coordinating office goes through a
revision: a draft; a value refused with plan check's words beside its field; a raised target;
the diff and what it does to verdicts; a new task and a dropped reform; submission with the
date, title and source; self-approval refused; a second coordinator approves; the revision is
public on /revisions and the site judges against the new target from its effective day. Then
the same pages in English, each screenshot taken.

    python3 Tests/Browser/editor.py http://127.0.0.1:PORT SCREENSHOT_DIR

Expects the Digital New Deal with its 2.0 revision and the published outcomes, and two
coordinators, park and yoon, with the passwords of Tests/PlanWebTests/WorkspaceFixture.swift
(Tests/PlanWebTests/EditorFixture.swift). Exits 1 with the list of failures.
"""

from selenium.webdriver.common.by import By

from harness import BASE, click, driver, fail, finish, full_shot
import workflow

PASSWORDS = {"park": "coordinator pass 1", "yoon": "second coordinator 1"}
INDICATOR = "4-2.smart-industrial-complexes"
REFORM = "1-2.ai-ethics-and-law"


def shot(d, name):
    full_shot(d, f"editor-{name}", 6000)


def main_text(d):
    """The page's text (the notice after an action sits above the main content)."""
    return d.find_element(By.TAG_NAME, "body").text


def sign_in(d, user):
    workflow.sign_in(d, user, PASSWORDS[user])


def type_into(d, field_id, text):
    box = d.find_element(By.ID, field_id)
    box.clear()
    box.send_keys(text)


def save(d, form="form.editor", button="button[value=save]"):
    form_element = d.find_element(By.CSS_SELECTOR, form)
    # The server's own checks are what is tested, not the browser's.
    d.execute_script("arguments[0].noValidate = true", form_element)
    click(d, form_element.find_element(By.CSS_SELECTOR, button))


def open_link(d, text):
    click_link = d.find_element(By.PARTIAL_LINK_TEXT, text)
    d.get(click_link.get_attribute("href"))


def status_on(d, day):
    """The indicator's verdict as its page shows it on `day` (the first status badge)."""
    d.get(f"{BASE}/indicators/{INDICATOR}?asOf={day}")
    badges = d.find_elements(By.CSS_SELECTOR, "main .badge")
    return badges[0].text if badges else ""


def korean(d):
    sign_in(d, "park")
    before = status_on(d, "2024-06-30")
    earlier = status_on(d, "2021-12-31")

    # A draft of the plan in force.
    d.get(BASE + "/admin/drafts")
    shot(d, "01-drafts")
    click(d, d.find_element(By.CSS_SELECTOR, "form[action='/admin/drafts'] button"))
    draft = d.current_url.split("?")[0]
    if "새 변경안을 만들었습니다" not in main_text(d):
        fail("opening a draft said nothing")
    shot(d, "02-draft-opened")

    # An invalid value is refused, with plan check's words beside the field.
    open_link(d, "4-2 ")
    open_link(d, "스마트 산단 지정")
    type_into(d, "targets.1.value", "스무개")
    save(d)
    text = main_text(d)
    if "‘스무개’를 숫자로 읽을 수 없습니다" not in text or "cannot read '스무개' as a number" not in text:
        fail("the invalid value was not refused with its message")
    if d.find_element(By.ID, "targets.1.value").get_attribute("aria-invalid") != "true":
        fail("the refused field is not marked invalid")
    if d.switch_to.active_element.get_attribute("id") != "error-summary":
        fail("the error summary does not take the focus")
    shot(d, "03-value-refused")

    # A valid edit: the target raised, with the reason.
    type_into(d, "targets.1.value", "20개")
    type_into(d, "explanation.ko", "산단 추가 지정 계획 반영")
    save(d)
    text = main_text(d)
    if "상향" not in text or "15개" not in text or "20개" not in text:
        fail("the diff does not show the raised target")
    if "스마트 산단 지정: 달성 → 새 목표 기준" not in text:
        fail("the draft does not say what the raise does to today's verdict")
    shot(d, "04-diff")

    # A new task, and a reform dropped with its reason.
    d.get(draft + "/projects/4-2")
    open_link(d, "투자 과제 추가")
    type_into(d, "id", "4-2.smart-harbours")
    type_into(d, "title.ko", "스마트 항만 실증")
    type_into(d, "title.en", "Smart harbour pilots")
    type_into(d, "detail.ko", "부산항에서 스마트 항만 기술을 실증한다.")
    type_into(d, "due", "'22.下")
    shot(d, "05-new-task")
    save(d)
    d.get(draft + "/tasks/" + REFORM)
    shot(d, "06-reform")
    type_into(d, "reason.ko", "「인공지능 기본법」 제정 과제로 옮겨 감")
    save(d, form="form[action$='/drop']", button="button[type=submit]")
    text = main_text(d)
    if "바뀐 내용 (3건)" not in text or "추가" not in text or "삭제" not in text:
        fail(f"the diff does not list the three changes: {text[:400]}")

    # Submission: the date, title and source; without the source it is refused.
    d.get(draft + "/revision")
    d.execute_script("document.getElementById('effective').value = '2022-01-01'")
    type_into(d, "title.ko", "디지털 뉴딜 2022년 보완")
    type_into(d, "title.en", "Digital New Deal: the 2022 update")
    save(d, button="button[value=submit]")
    if "제출하려면 적어야 합니다" not in main_text(d):
        fail("a submission without its source was not refused")
    shot(d, "07-submit-refused")
    type_into(d, "sources.0.publisher.ko", "관계부처 합동")
    type_into(d, "sources.0.publisher.en", "Joint ministries")
    type_into(d, "sources.0.title", "2022년 디지털 뉴딜 추진계획")
    type_into(d, "sources.0.url", "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156490000")
    d.execute_script("document.getElementById('sources.0.published').value = '2021-12-30'")
    type_into(d, "sources.0.quote", "스마트 산단을 20개로 확대한다")
    save(d, button="button[value=submit]")
    if "검토 대기" not in main_text(d):
        fail("the draft was not submitted")

    # Self-approval is refused.
    click(d, d.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    if "직접 작성하거나 제출한 변경안은 승인할 수 없습니다" not in main_text(d):
        fail("self-approval was not refused")
    shot(d, "08-self-approval-refused")

    # A second coordinator approves.
    sign_in(d, "yoon")
    d.get(draft)
    shot(d, "09-review")
    click(d, d.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    if "승인했습니다" not in main_text(d):
        fail("the second coordinator's approval did not go through")

    # Public on /revisions with its source; verdicts change as of its effective date.
    d.get(BASE + "/revisions")
    text = main_text(d)
    if "디지털 뉴딜 2022년 보완" not in text or "스마트 산단을 20개로 확대한다" not in text or "산단 추가 지정 계획 반영" not in text:
        fail("/revisions does not show the revision with its source")
    shot(d, "10-revisions")
    d.get(f"{BASE}/indicators/{INDICATOR}?asOf=2022-01-01")
    if "20개" not in main_text(d):
        fail("as of its effective day the indicator is not judged against the new target")
    d.get(f"{BASE}/indicators/{INDICATOR}?asOf=2021-12-31")
    if "20개" in main_text(d):
        fail("the new target shows before the revision took effect")
    after, earlier_after = status_on(d, "2024-06-30"), status_on(d, "2021-12-31")
    if after == before:
        fail(f"the verdict of 2024-06-30 did not change with the new target ({before})")
    if earlier_after != earlier:
        fail(f"the verdict before the effective day changed ({earlier} → {earlier_after})")
    d.get(f"{BASE}/indicators/{INDICATOR}?asOf=2024-06-30")
    shot(d, "11-indicator-after")


def english(d):
    """The same pages in English: a new draft with a refused value, its overview and forms."""
    sign_in(d, "park")
    d.get(BASE + "/admin/drafts?lang=en")
    shot(d, "en-01-drafts")
    click(d, d.find_element(By.CSS_SELECTOR, "form[action='/admin/drafts'] button"))
    draft = d.current_url.split("?")[0]
    d.get(draft + f"/indicators/{INDICATOR}")
    type_into(d, "targets.1.value", "twenty")
    save(d)
    if "cannot read 'twenty' as a number" not in main_text(d):
        fail("English: the invalid value was not refused with its message")
    shot(d, "en-02-value-refused")
    type_into(d, "targets.1.value", "25")
    save(d)
    shot(d, "en-03-diff")
    d.get(draft + "/revision")
    shot(d, "en-04-revision")
    d.get(draft + "/projects/1-2")
    shot(d, "en-05-project")
    d.get(BASE + "/revisions")
    shot(d, "en-06-revisions")


def main():
    d = driver()
    try:
        korean(d)
        english(d)
    finally:
        d.quit()
    finish("editor check")


if __name__ == "__main__":
    main()
