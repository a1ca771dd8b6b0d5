"""The development receiver honours the Formspree-compatible contract the booking form relies on."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from dev_receiver import Receiver, validate

GOOD = {"name": "Ana", "email": "ana@example.com", "consent": "yes", "adult": "yes", "submission_id": "abc-1",
        "_next": "http://127.0.0.1:9/thank-you/"}


@pytest.fixture
def receiver(tmp_path):
    server = Receiver(0, tmp_path / "out.jsonl")
    server.start_in_thread()
    yield server
    server.shutdown()
    server.server_close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(url, fields, accept_json=True):
    data = urllib.parse.urlencode(fields, doseq=True).encode()
    headers = {"Accept": "application/json"} if accept_json else {"Accept": "text/html"}
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_json_success_is_recorded_once_per_submission_id(receiver):
    for _ in range(3):
        status, headers, body = post(receiver.url, GOOD)
        assert status == 200 and json.loads(body) == {"ok": True}
        assert headers["Access-Control-Allow-Origin"]
    records = receiver.store.records()
    assert len(records) == 1
    assert records[0]["name"] == "Ana" and "_next" not in records[0]


def test_plain_post_redirects_to_the_thank_you_page(receiver):
    status, headers, _ = post(receiver.url, dict(GOOD, submission_id="abc-2"), accept_json=False)
    assert status == 303 and headers["Location"] == "http://127.0.0.1:9/thank-you/"
    assert len(receiver.store.records()) == 1


def test_honeypot_is_answered_ok_and_never_recorded(receiver):
    status, _, body = post(receiver.url, dict(GOOD, _gotcha="http://spam.example"))
    assert status == 200 and json.loads(body) == {"ok": True}
    assert receiver.store.records() == []


def test_invalid_requests_get_field_errors(receiver):
    status, _, body = post(receiver.url, {"name": "", "consent": "yes"})
    assert status == 400
    assert [e["field"] for e in json.loads(body)["errors"]] == ["name", "phone", "adult"]
    assert receiver.store.records() == []


@pytest.mark.parametrize("fault, status", [("500", 500), ("429", 429), ("400", 400)])
def test_injected_faults_answer_with_their_status_and_record_nothing(receiver, fault, status):
    receiver.faults.push(fault)
    assert post(receiver.url, GOOD)[0] == status
    assert receiver.store.records() == []
    assert post(receiver.url, GOOD)[0] == 200


def test_reset_fault_drops_the_connection(receiver):
    receiver.faults.push("reset")
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        post(receiver.url, GOOD)
    assert receiver.store.records() == []


def test_records_survive_a_restart_and_still_dedupe(tmp_path):
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        server = Receiver(0, out)
        server.start_in_thread()
        post(server.url, GOOD)
        server.shutdown()
        server.server_close()
    assert len(out.read_text().splitlines()) == 1


@pytest.mark.parametrize("fields, fields_in_error", [
    (GOOD, []),
    (dict(GOOD, email="", phone="020 7946 0999"), []),
    (dict(GOOD, email=""), ["phone"]),
    (dict(GOOD, adult=""), ["adult"]),
])
def test_validate(fields, fields_in_error):
    assert [e["field"] for e in validate(fields)] == fields_in_error
