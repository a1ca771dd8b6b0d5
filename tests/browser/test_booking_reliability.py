"""The booking form never loses a lead, in every language of the site: every failure of the form service,
exactly-once sending, drafts, and a run of 200+ submissions, shared between the languages' booking pages, against a
receiver that fails at random.

The receiver (tools/dev_receiver.py) records each submission_id once, like real form back-ends. What the visitor is
told comes from each language's string catalog (overrides/locales/CODE.yml) and the clinic's details from mkdocs.yml.
"""
from __future__ import annotations

import os
import random
import time

import pytest

from conftest import BOOK, other_languages, site_config
from dev_receiver import Receiver
from test_strings import load

from .conftest import FORM_TIMEOUT, write_report

CLINIC = site_config()["extra"]["clinic"]  # the clinic's details as staff set them in mkdocs.yml
CLINIC_PHONE, CLINIC_EMAIL = str(CLINIC["phone"]), CLINIC["email"]
#: Each language's code and where its pages start: the default language at the site's root, the others at /CODE/.
DEFAULT_LANGUAGE = str(((site_config()["extra"].get("languages") or [{}])[0]).get("code") or "en")
LANGUAGES = {DEFAULT_LANGUAGE: "", **{code: f"{code}/" for code in other_languages()}}


def booking_path(language: str = DEFAULT_LANGUAGE) -> str:
    return LANGUAGES[language] + BOOK


def draft_key(language: str = DEFAULT_LANGUAGE) -> str:
    return "booking-draft:/" + booking_path(language)  # booking.js keys the draft by the page's path


# Every field the visitor can change, read back exactly as the browser holds it.
SNAPSHOT = """() => {
  const form = document.getElementById('booking-form');
  return [...form.elements].filter(el => el.id && el.name && el.type !== 'hidden' && el.type !== 'submit'
      && el.type !== 'button' && el.name !== '_gotcha')
    .map(el => [el.id, (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value]);
}"""


def fill_everything(page, name: str) -> None:
    page.check("#booking-form-type-appointment")
    page.fill("#booking-form-name", name)
    page.fill("#booking-form-phone", "+44 20 7946 0999")
    page.fill("#booking-form-email", "lead@example.com")
    page.select_option("#booking-form-treatment", index=2)
    page.check("#booking-form-day-2")
    page.check("#booking-form-time-3")
    page.fill("#booking-form-message", "Tuesdays after 5pm.\nSecond line, with ünïcödé.")
    page.check("#booking-form-consent")
    page.check("#booking-form-adult")


def records_for(receiver, name: str) -> list[dict]:
    return [r for r in receiver.store.records() if r.get("name") == name]


def posts_for(receiver, submission_id: str) -> list:
    return [p for p in list(receiver.posts) if p[0] == submission_id]


def submission_id(page) -> str:
    return page.input_value("#booking-form-submission-id")


def draft(page, language: str = DEFAULT_LANGUAGE):
    return page.evaluate("key => sessionStorage.getItem(key)", draft_key(language))


# What the visitor is told, in plain words, for each way the form service can fail: the catalog key of the message.
FAILURES = {
    "500": "booking.status.server",
    "429": "booking.status.busy",
    "400": "booking.status.fix_fields",
    "hang": "booking.status.timeout",
    "reset": "booking.status.network",
    "unreachable": "booking.status.network",
}


def said(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mode", FAILURES)
def test_every_failure_keeps_the_fields_explains_offers_contacts_and_retry_succeeds(
        new_context, site, outage_site, receiver, tmp_path, mode, language):
    catalog = load(language).values
    page = new_context(375, 812).new_page()
    name = f"Fay Failure {mode} {language}"
    late_receiver = None
    page.goto((outage_site if mode == "unreachable" else site).url + booking_path(language))
    fill_everything(page, name)
    typed = page.evaluate(SNAPSHOT)
    if mode != "unreachable":
        receiver.faults.push(mode)
    started = time.monotonic()
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-failure:not([hidden])", timeout=(FORM_TIMEOUT + 5) * 1000)
    waited = time.monotonic() - started

    assert page.evaluate(SNAPSHOT) == typed, "a field changed after the failure"
    failure = said(page.inner_text("#booking-form-failure"))
    assert said(catalog[FAILURES[mode]]) in failure
    assert said(catalog["booking.failure_kept"]) in failure
    assert page.is_visible("#booking-form-retry")
    assert page.is_visible("#booking-form-failure a[href^='tel:']")
    assert CLINIC_PHONE in failure and CLINIC_EMAIL in failure
    assert page.is_visible(f"#booking-form-failure a[href='mailto:{CLINIC_EMAIL}']")
    if mode == "400":
        # The service's field error (the receiver's own words) is listed, focused and tied to its field.
        assert page.evaluate("document.activeElement.id") == "booking-form-summary"
        assert "This email address was rejected." in page.inner_text("#booking-form-summary")
        assert page.get_attribute("#booking-form-email", "aria-invalid") == "true"
        assert "booking-form-email-error" in page.get_attribute("#booking-form-email", "aria-describedby")
    else:
        assert page.evaluate("document.activeElement.id") == "booking-form-failure"
        assert page.get_attribute("#booking-form-failure", "role") == "alert"
    if mode == "hang":
        assert FORM_TIMEOUT - 0.5 <= waited < FORM_TIMEOUT + 3, f"gave up after {waited:.1f} s"
    assert records_for(receiver, name) == []

    if mode == "unreachable":  # the service comes back
        late_receiver = Receiver(outage_site.endpoint_port, tmp_path / "late.jsonl")
        late_receiver.start_in_thread()
    try:
        page.click("#booking-form-retry")
        page.wait_for_selector("#booking-form-done:not([hidden])")
        assert page.evaluate("document.activeElement.id") == "booking-form-done"
        store = (late_receiver or receiver)
        [record] = records_for(store, name)
        assert record["request_type"] == "Appointment"
        assert record["message"] == "Tuesdays after 5pm.\nSecond line, with ünïcödé."
        assert record["preferred_times"] == "Evening" and record["email"] == "lead@example.com"
    finally:
        if late_receiver:
            late_receiver.shutdown()
            late_receiver.server_close()


# ---------------------------------------------------------------- exactly once

def test_double_click_sends_once(new_context, site, receiver):
    page = new_context().new_page()
    page.goto(site.url + booking_path())
    fill_everything(page, "Dora Doubleclick")
    sid = submission_id(page)
    page.dblclick("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert len(records_for(receiver, "Dora Doubleclick")) == 1
    assert len(posts_for(receiver, sid)) == 1


def test_retry_after_a_timeout_whose_request_arrived_records_once(new_context, site, receiver):
    page = new_context().new_page()
    page.goto(site.url + booking_path())
    fill_everything(page, "Tim Timeout")
    sid = submission_id(page)
    receiver.faults.push("hang-after-record")
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-failure:not([hidden])", timeout=(FORM_TIMEOUT + 5) * 1000)
    assert "did not answer in time" in page.inner_text("#booking-form-failure")
    assert len(records_for(receiver, "Tim Timeout")) == 1  # it did arrive
    assert submission_id(page) == sid
    page.click("#booking-form-retry")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert len(records_for(receiver, "Tim Timeout")) == 1
    assert [p[1] for p in posts_for(receiver, sid)] == ["hang-after-record", None]  # same id both times


def test_reload_while_sending_keeps_the_draft_and_the_id_and_records_once(new_context, site, receiver):
    page = new_context().new_page()
    page.goto(site.url + booking_path())
    fill_everything(page, "Rea Reload")
    typed = page.evaluate(SNAPSHOT)
    sid = submission_id(page)
    receiver.faults.push("hang-after-record")
    page.click("#booking-form-submit")
    deadline = time.monotonic() + 5
    while not records_for(receiver, "Rea Reload") and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert records_for(receiver, "Rea Reload"), "the request never arrived"
    page.reload()  # while the request is still open
    assert page.evaluate(SNAPSHOT) == typed
    assert submission_id(page) == sid
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert len(records_for(receiver, "Rea Reload")) == 1
    assert len(posts_for(receiver, sid)) == 2


# ---------------------------------------------------------------- drafts

def test_draft_survives_reload_and_is_cleared_on_success(new_context, site, receiver):
    page = new_context().new_page()
    page.goto(site.url + booking_path())
    fill_everything(page, "Dee Draft")
    typed = page.evaluate(SNAPSHOT)
    page.reload()
    assert page.evaluate(SNAPSHOT) == typed
    assert draft(page) is not None
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert draft(page) is None
    page.reload()
    assert page.input_value("#booking-form-name") == ""
    assert len(records_for(receiver, "Dee Draft")) == 1


def test_no_draft_is_ever_kept_for_a_filled_honeypot(new_context, site, receiver):
    page = new_context().new_page()
    page.goto(site.url + booking_path())
    fill_everything(page, "Bo Bot")
    assert draft(page) is not None
    # A robot fills the hidden field: what was kept is dropped, and nothing more is written.
    page.evaluate("""() => { const hp = document.getElementById('booking-form-website');
                             hp.value = 'http://spam.example'; hp.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert draft(page) is None
    page.fill("#booking-form-message", "more spam")
    assert draft(page) is None
    page.click("#booking-form-submit")
    page.wait_for_selector("#booking-form-done:not([hidden])")
    assert draft(page) is None
    assert records_for(receiver, "Bo Bot") == []  # answered as a success, never recorded
    # Honeypot first, then typing: never written at all.
    page2 = new_context().new_page()
    page2.goto(site.url + booking_path())
    page2.evaluate("() => { document.getElementById('booking-form-website').value = 'x'; }")
    fill_everything(page2, "Bo Bot Two")
    assert draft(page2) is None


# ---------------------------------------------------------------- many submissions, random faults

STATE = """() => {
  const shown = id => !document.getElementById(id).hidden;
  if (shown('booking-form-done')) return 'done';
  if (document.getElementById('booking-form-submit').disabled) return 'sending';
  if (shown('booking-form-failure')) return 'failure';
  if (shown('booking-form-summary')) return 'summary';
  return 'idle';
}"""

QUICK_FILL = """([name, email]) => {
  const set = (id, value) => {
    const el = document.getElementById(id);
    if (typeof value === 'boolean') el.checked = value; else el.value = value;
    el.dispatchEvent(new Event(typeof value === 'boolean' ? 'change' : 'input', {bubbles: true}));
  };
  set('booking-form-name', name); set('booking-form-email', email);
  set('booking-form-consent', true); set('booking-form-adult', true);
  return document.getElementById('booking-form-submission-id').value;
}"""

RANDOM_RUN = int(os.environ.get("BOOKING_RUN_SUBMISSIONS", "200"))
RANDOM_MODES = ("500", "429", "400", "hang", "hang-after-record", "reset")
# Each hang costs the form's whole timeout, so hangs are drawn half as often as the quick faults.
RANDOM_DRAW = ("500", "429", "400", "reset") * 2 + ("hang", "hang-after-record")


def test_random_faults_lose_nothing_and_record_each_confirmation_once(new_context, site, receiver, pytestconfig):
    seed = int(os.environ.get("BOOKING_RUN_SEED") or random.SystemRandom().randrange(10**6))
    tabs = 6
    # The tabs take the languages' booking pages in turn (en, ar, en, ar, … with two languages), so every language's
    # form sends its share of the run. One window each (a context each): a background tab of a shared window gets no
    # animation frames.
    languages = [list(LANGUAGES)[i % len(LANGUAGES)] for i in range(tabs)]
    pages = [new_context(375, 812).new_page() for _ in range(tabs)]
    for page, language in zip(pages, languages):
        page.goto(site.url + booking_path(language))
    prefix = f"Run{seed}-"
    started = time.monotonic()
    next_number, confirmed, attempts = 0, {}, 0
    current = {}  # tab -> (name, submission_id)
    started_in = {}  # name -> the language of the page it was sent from

    def start(i, page):
        nonlocal next_number, attempts
        name = f"{prefix}{next_number:04d}"
        next_number += 1
        # One round trip per submission (the other tests type for real): set the fields as typing would.
        sid = page.evaluate(QUICK_FILL, [name, f"run{next_number}@example.com"])
        current[i] = (name, sid)
        started_in[name] = languages[i]
        attempts += 1
        page.click("#booking-form-submit")

    receiver.faults.randomize(random.Random(seed), 0.3, RANDOM_DRAW)
    try:
        for i, page in enumerate(pages):
            start(i, page)
        while current and time.monotonic() - started < 150:
            for i, page in enumerate(pages):
                if i not in current:
                    continue
                state = page.evaluate(STATE)
                if state == "done":
                    name, sid = current.pop(i)
                    assert name not in confirmed
                    confirmed[name] = sid
                    page.click("#booking-form-again")
                    if next_number < RANDOM_RUN:
                        start(i, page)
                elif state in ("failure", "summary"):
                    name, sid = current[i]
                    assert page.input_value("#booking-form-name") == name  # nothing typed is lost
                    assert submission_id(page) == sid                     # the same id on every retry
                    attempts += 1
                    page.click("#booking-form-retry")
            pages[0].wait_for_timeout(15)
    finally:
        receiver.faults.randomize(None)
    elapsed = time.monotonic() - started

    records = [r for r in receiver.store.records() if str(r.get("name", "")).startswith(prefix)]
    names = [r["name"] for r in records]
    faults = [p[1] for p in list(receiver.posts) if p[0] in set(confirmed.values())]
    lost = sorted(set(confirmed) - set(names))
    duplicates = len(names) - len(set(names))
    figures = (
        f"Booking run: seed {seed}, {tabs} tabs, a fault for 30% of requests, drawn from {', '.join(RANDOM_DRAW)}\n"
        f"submissions started: {next_number}\n"
        f"sends started by the forms (first tries and retries): {attempts}\n"
        f"requests the receiver saw: {len(faults)} (Chrome itself re-sends a POST, same body, when a reused "
        f"connection is reset)\nfaults injected: {sum(f is not None for f in faults)} "
        f"({', '.join(f'{m} {faults.count(m)}' for m in RANDOM_MODES)})\n"
        f"successful confirmations: {len(confirmed)} ("
        + ", ".join(f"{code} {sum(started_in[n] == code for n in confirmed)}" for code in LANGUAGES) + ")\n"
        f"records at the receiver: {len(records)}\n"
        f"lost: {len(lost)}; duplicate records: {duplicates}; still open: {len(current)}\n"
        f"time: {elapsed:.1f} s\n")
    path = write_report("booking-run.txt", figures)
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n" + figures + f"(written to {path})")
    assert next_number == RANDOM_RUN >= 200 and not current, figures
    assert len(confirmed) == RANDOM_RUN, figures
    assert len(records) == len(confirmed) and not lost and not duplicates, figures
    assert {r["name"]: r["submission_id"] for r in records} == confirmed, figures
    assert sum(f is not None for f in faults) > 20, figures  # the faults really happened
    for code in LANGUAGES:  # every language's form took its share
        assert sum(started_in[n] == code for n in confirmed) >= RANDOM_RUN // len(LANGUAGES) // 2, figures
