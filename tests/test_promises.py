"""Every promise the site makes to a patient is tied to the test that shows the behaviour behind it (issue 12:
"honest promises"). Each row: where the promise is made (a key of the string catalogs, overrides/locales/, or a
page), and the tests, by module and name, that fail if the behaviour stops. A promise whose behaviour test is
renamed or removed, or a catalog key that disappears, fails here; the README's "Honest promises" lists the same."""
from __future__ import annotations

import importlib

import pytest

from conftest import ROOT, booking_file, catalog, other_languages

#: (where the promise is made, what it promises, the tests that show it)
PROMISES = [
    ("booking.failure_kept", "everything typed is still in the form after a failure",
     ["browser.test_booking_reliability::test_every_failure_keeps_the_fields_explains_offers_contacts_and_retry_succeeds",
      "browser.test_booking_reliability::test_random_faults_lose_nothing_and_record_each_confirmation_once",
      "browser.test_booking_reliability::test_draft_survives_reload_and_is_cleared_on_success"]),
    ("booking.done_title", "the request has been sent (shown only once the form service has it)",
     ["browser.test_booking_basics::test_form_sends_in_place_and_confirms",
      "browser.test_booking_reliability::test_random_faults_lose_nothing_and_record_each_confirmation_once"]),
    ("booking.status.timeout", "trying again is fine; at worst the clinic receives the request twice",
     ["test_build::test_the_timeout_message_promises_no_de_duplication",
      "browser.test_booking_reliability::test_retry_after_a_timeout_whose_request_arrived_records_once"]),
    ("booking.embed_text", "nothing is loaded from the calendar's service until the patient opens it",
     ["browser.test_console_network::test_embed_contacts_the_provider_only_after_the_click"]),
    ("docs/" + booking_file("thank_you_page"), "we have received your request (the page the form service sends patients to after it)",
     ["browser.test_booking_basics::test_without_javascript_the_form_posts_and_lands_on_thank_you"]),
    ("docs/" + booking_file("page"), "the booking page's text holds for every provider (form, embed, contact)",
     ["browser.test_staff_edits::test_a_first_month_of_staff_edits_keeps_every_test_green"]),
]


@pytest.mark.parametrize("where, promise, tests", PROMISES, ids=[row[0] for row in PROMISES])
def test_each_promise_is_made_and_has_the_tests_that_show_it(where, promise, tests):
    if where.startswith("docs/"):
        assert (ROOT / where).is_file(), where
    else:
        for code in ["en", *other_languages()]:
            assert where in catalog(code), f"overrides/locales/{code}.yml has no {where}"
    for test in tests:
        module, name = test.split("::")
        assert callable(getattr(importlib.import_module(module), name, None)), f"{test} ({promise}) does not exist"
