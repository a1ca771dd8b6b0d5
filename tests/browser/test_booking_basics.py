"""The booking form in real Chromium: sends in place with JavaScript, lands on the thank-you page without."""
from __future__ import annotations

from conftest import BOOK, booking_page, site_config

CLINIC = site_config()["extra"]["clinic"]  # the clinic's details as staff set them in mkdocs.yml
VISITOR_PHONE = "+44 20 7946 0999"  # what a visitor types: any phone number


def fill(page):
    page.fill("#booking-form-name", "Ana Patient")
    page.fill("#booking-form-email", "ana@example.com")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")


def records_for(receiver, name):
    return [r for r in receiver.store.records() if r.get("name") == name]


def test_form_sends_in_place_and_confirms(page, site, receiver):
    page.goto(site.url + BOOK)
    page.fill("#booking-form-name", "Ina Inplace")
    page.fill("#booking-form-phone", VISITOR_PHONE)
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "booking-form-done"
    [record] = records_for(receiver, "Ina Inplace")
    assert record["phone"] == VISITOR_PHONE and record["consent"] == "yes" and record["submission_id"]


def test_missing_fields_are_listed_and_focused(page, site):
    page.goto(site.url + BOOK)
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-summary:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "booking-form-summary"
    items = page.locator("#booking-form-summary-list li").all_inner_texts()
    assert len(items) == 4
    assert page.get_attribute("#booking-form-name", "aria-invalid") == "true"
    assert "booking-form-name-error" in page.get_attribute("#booking-form-name", "aria-describedby")


def test_server_failure_keeps_everything_and_retry_succeeds(page, site, receiver):
    page.goto(site.url + BOOK)
    page.fill("#booking-form-name", "Rita Retry")
    page.fill("#booking-form-email", "rita@example.com")
    page.fill("#booking-form-message", "Mornings please")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")
    receiver.faults.push("500")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-failure:not([hidden])")
    assert page.input_value("#booking-form-name") == "Rita Retry"
    assert page.input_value("#booking-form-message") == "Mornings please"
    failure = page.inner_text("#booking-form-failure")
    assert "did not accept" in failure and str(CLINIC["phone"]) in failure and CLINIC["email"] in failure
    assert records_for(receiver, "Rita Retry") == []
    page.click("#booking-form-retry")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert len(records_for(receiver, "Rita Retry")) == 1


def test_without_javascript_the_form_posts_and_lands_on_thank_you(browser, site, receiver):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + BOOK)
    page.fill("#booking-form-name", "Nora Noscript")
    page.fill("#booking-form-email", "nora@example.com")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")
    page.click("#booking-form-submit")
    thank_you, heading = booking_page("thank_you_page")
    page.wait_for_url(site.url + thank_you)
    assert page.inner_text("h1").startswith(heading)
    assert len(records_for(receiver, "Nora Noscript")) == 1
    context.close()
