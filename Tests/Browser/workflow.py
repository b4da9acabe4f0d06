#!/usr/bin/env python3
"""The reporting workflow in real headless Chromium, as a ministry officer and the
coordinating office would go through it, in Korean.

    python3 Tests/Browser/workflow.py http://127.0.0.1:PORT SCREENSHOT_DIR

Expects accounts lee (reporter of the organization assigned project 1-1) and park
(coordinator), with the passwords of Tests/PlanWebTests/WorkspaceFixture.swift, and no values
yet. Exits 1 with the list of failures.
"""

from selenium.webdriver.common.by import By

from harness import BASE, click, driver, fail, finish, full_shot


def shot(d, name):
    full_shot(d, f"workflow-{name}", 4000)


def main_text(d):
    return d.find_element(By.TAG_NAME, "main").text


def sign_in(d, user, password):
    d.delete_all_cookies()
    d.get(BASE + "/signin")
    d.find_element(By.ID, "username").send_keys(user)
    d.find_element(By.ID, "password").send_keys(password)
    click(d, d.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    if "/admin" not in d.current_url:
        fail(f"{user} did not reach the workspace after signing in: {d.current_url}")


def sign_out(d):
    click(d, d.find_element(By.CSS_SELECTOR, "nav.workspace form button"))


def main():
    d = driver()
    try:
        # A wrong password: one message, no hint.
        d.get(BASE + "/signin")
        d.find_element(By.ID, "username").send_keys("lee")
        d.find_element(By.ID, "password").send_keys("wrong password!!")
        click(d, d.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
        if "아이디 또는 비밀번호가 맞지 않습니다" not in main_text(d):
            fail("a wrong password did not give the refusal message")
        shot(d, "01-signin-refused")

        # The reporter enters two values, one with a typing mistake, and saves a draft.
        sign_in(d, "lee", "reporter password 1")
        if "우리 기관이 보고할 항목" not in main_text(d):
            fail("the reporter's home does not list what is owed")
        shot(d, "02-reporter-home")
        d.get(BASE + "/admin/projects/1-1/report?period=2025")
        d.find_element(By.ID, "v.1-1.data-market-size").send_keys("45.2조원")
        d.find_element(By.ID, "v.1-1.ai-specialist-firms").send_keys("백사십")
        d.find_element(By.ID, "jobs.value").send_keys("3만")
        click(d, d.find_element(By.CSS_SELECTOR, "button[value=save]"))
        if "숫자로 적어 주세요" not in main_text(d):
            fail("a value in words did not get an error next to its field")
        if d.find_element(By.ID, "v.1-1.data-market-size").get_attribute("value") != "45.2조원":
            fail("what was typed was not kept after an error")
        shot(d, "03-report-error")
        box = d.find_element(By.ID, "v.1-1.ai-specialist-firms")
        box.clear()
        box.send_keys("140")
        click(d, d.find_element(By.CSS_SELECTOR, "button[value=save]"))
        if "임시 저장했습니다" not in d.find_element(By.TAG_NAME, "body").text:
            fail("saving a draft did not say so")
        shot(d, "04-draft-saved")
        # The draft comes back, and then is submitted.
        d.get(BASE + "/admin/projects/1-1/report?period=2025")
        if d.find_element(By.ID, "v.1-1.ai-specialist-firms").get_attribute("value") != "140":
            fail("the draft did not come back")
        click(d, d.find_element(By.CSS_SELECTOR, "button[value=submit]"))
        if "제출했습니다" not in d.find_element(By.TAG_NAME, "body").text:
            fail("submitting did not say so")
        shot(d, "05-submitted")
        sign_out(d)

        # The coordinator returns one value and approves another.
        sign_in(d, "park", "coordinator pass 1")
        d.get(BASE + "/admin/queue")
        shot(d, "06-queue")
        rows = d.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
        if len(rows) < 3:
            fail(f"the queue holds {len(rows)} rows, expected 3")
        firms = [r for r in rows if "AI 전문기업" in r.text]
        if not firms:
            fail("the queue does not show the AI specialist firms value")
        else:
            firms[0].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
            d.find_element(By.ID, "reason").send_keys("출처를 적어 주세요")
            click(d, d.find_element(By.CSS_SELECTOR, "button[value=return]"))
            if "반려했습니다" not in d.find_element(By.TAG_NAME, "body").text:
                fail("returning did not say so")
        rows = d.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
        market = [r for r in rows if "데이터시장 규모" in r.text]
        if not market:
            fail("the queue does not show the data market value")
        else:
            market[0].find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
            click(d, d.find_element(By.CSS_SELECTOR, "button[value=approve]"))
            if "승인했습니다" not in d.find_element(By.TAG_NAME, "body").text:
                fail("approving did not say so")
        shot(d, "07-decided")

        # The audit page shows each step, and the chain verifies.
        d.get(BASE + "/admin/audit")
        text = main_text(d)
        for step in ("로그인", "실적 기록", "제출", "반려", "승인"):
            if step not in text:
                fail(f"the audit page does not show '{step}'")
        if "연결이 모두 확인되었습니다" not in text:
            fail("the audit page does not say the chain verifies")
        shot(d, "08-audit")
        sign_out(d)

        # The public sees only the approved value.
        d.delete_all_cookies()
        d.get(BASE + "/indicators/1-1.data-market-size")
        if "45.2조원" not in main_text(d):
            fail("the approved value is not on the public indicator page")
        shot(d, "09-public-approved")
        d.get(BASE + "/indicators/1-1.ai-specialist-firms")
        if "140개" in main_text(d):
            fail("the returned value shows on the public page")

        # The reporter sees the return and its reason.
        sign_in(d, "lee", "reporter password 1")
        if "출처를 적어 주세요" not in main_text(d):
            fail("the reporter's home does not show the reason for the return")
        shot(d, "10-returned")
    finally:
        d.quit()
    finish("workflow check")


if __name__ == "__main__":
    main()
