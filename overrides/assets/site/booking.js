/* Booking form: sends in place, validates accessibly, keeps a draft, never loses what was typed.
 *
 * Without this script the form is a plain HTML POST that lands on the thank-you page.
 * With it:
 *  - errors are listed in a summary (focused) and tied to their fields (aria-invalid, aria-describedby);
 *  - every request carries a client-made submission_id, kept until a success is confirmed, so a
 *    retry, a double click or a reload while sending never creates a second request at the receiver;
 *  - a draft is kept in sessionStorage (never when the honeypot is filled) and cleared on success;
 *  - any failure keeps every field, says what happened and offers retry plus phone and email.
 *
 * The embed provider: the third-party calendar iframe is created only when the visitor clicks.
 */
(function () {
  "use strict";

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function storage() {
    try {
      var s = window.sessionStorage;
      s.setItem("__booking_test", "1");
      s.removeItem("__booking_test");
      return s;
    } catch (e) {
      return null;
    }
  }

  function setupForm(form) {
    var id = form.id;
    var $ = function (suffix) { return document.getElementById(id + suffix); };
    var messages = JSON.parse($("-messages").textContent);
    var summary = $("-summary");
    var summaryTitle = $("-summary-title");
    var summaryList = $("-summary-list");
    var status = $("-status");
    var failure = $("-failure");
    var failureReason = $("-failure-reason");
    var submitButton = $("-submit");
    var done = $("-done");
    var honeypot = form.elements._gotcha;
    var idField = form.elements.submission_id;
    var timeoutMs = (parseInt(form.getAttribute("data-timeout"), 10) || 15) * 1000;
    var store = storage();
    var draftKey = "booking-draft:" + window.location.pathname;
    var sending = false;

    form.setAttribute("novalidate", "");

    /* ---------- draft ---------- */
    /* Everything the visitor can change, keyed by id (the submission id is kept separately). */
    function fieldsForDraft() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.id && el.name && el.name.charAt(0) !== "_" && el !== idField &&
          el.type !== "submit" && el.type !== "button" && el.type !== "hidden";
      });
    }

    function saveDraft() {
      if (!store) return;
      if (honeypot.value) {
        // A filled honeypot means a robot: keep nothing of it, and drop anything kept before.
        clearDraft();
        return;
      }
      var data = { "submission_id": idField.value };
      fieldsForDraft().forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          data[el.id] = el.checked;
        } else {
          data[el.id] = el.value;
        }
      });
      store.setItem(draftKey, JSON.stringify(data));
    }

    function restoreDraft() {
      if (!store) return;
      var raw = store.getItem(draftKey);
      if (!raw) return;
      var data;
      try { data = JSON.parse(raw); } catch (e) { return; }
      if (typeof data.submission_id === "string" && data.submission_id) {
        // The same id as before the reload, so a form service that de-duplicates on submission_id (the
        // development receiver does; most services do not) records a request that already arrived once.
        idField.value = data.submission_id;
      }
      fieldsForDraft().forEach(function (el) {
        if (!(el.id in data)) return;
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = !!data[el.id];
        } else {
          el.value = data[el.id];
        }
      });
    }

    function clearDraft() {
      if (store) store.removeItem(draftKey);
    }

    restoreDraft();
    if (!idField.value) idField.value = newId();
    form.addEventListener("input", saveDraft);
    form.addEventListener("change", saveDraft);

    /* ---------- validation ---------- */
    function setError(el, message, errorId) {
      var error = document.getElementById(errorId || el.id + "-error");
      var describedBy = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) {
        return x && x !== error.id;
      });
      if (message) {
        error.textContent = message;
        error.hidden = false;
        el.setAttribute("aria-invalid", "true");
        describedBy.push(error.id);
      } else {
        error.textContent = "";
        error.hidden = true;
        el.removeAttribute("aria-invalid");
      }
      if (describedBy.length) {
        el.setAttribute("aria-describedby", describedBy.join(" "));
      } else {
        el.removeAttribute("aria-describedby");
      }
    }

    function validate() {
      var problems = [];
      var name = form.elements.name;
      var phone = form.elements.phone;
      var email = form.elements.email;
      var contactError = $("-contact-error");

      setError(name, name.value.trim() ? "" : name.getAttribute("data-required"));
      if (!name.value.trim()) problems.push([name, name.getAttribute("data-required")]);

      var phoneOk = !phone.value.trim() || /^[+()\d][\d\s().+-]{5,}$/.test(phone.value.trim());
      var emailOk = !email.value.trim() || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.value.trim());
      setError(phone, phoneOk ? "" : phone.getAttribute("data-invalid"));
      setError(email, emailOk ? "" : email.getAttribute("data-invalid"));
      if (!phoneOk) problems.push([phone, phone.getAttribute("data-invalid")]);
      if (!emailOk) problems.push([email, email.getAttribute("data-invalid")]);

      var noContact = !phone.value.trim() && !email.value.trim();
      contactError.textContent = noContact ? messages.contact_required : "";
      contactError.hidden = !noContact;
      if (noContact) {
        phone.setAttribute("aria-invalid", "true");
        phone.setAttribute("aria-describedby", contactError.id);
        problems.push([phone, messages.contact_required]);
      }

      ["consent", "adult"].forEach(function (key) {
        var box = form.elements[key];
        setError(box, box.checked ? "" : box.getAttribute("data-required"));
        if (!box.checked) problems.push([box, box.getAttribute("data-required")]);
      });
      return problems;
    }

    function showSummary(problems, heading) {
      summaryList.textContent = "";
      problems.forEach(function (problem) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = "#" + problem[0].id;
        a.textContent = problem[1];
        a.addEventListener("click", function (event) {
          event.preventDefault();
          problem[0].focus();
        });
        li.appendChild(a);
        summaryList.appendChild(li);
      });
      summaryTitle.textContent = heading || (problems.length === 1
        ? messages.summary_one
        : messages.summary_many.replace("{n}", problems.length));
      summary.hidden = false;
      summary.setAttribute("role", "alert");
      summary.focus();
    }

    function hideSummary() {
      summary.hidden = true;
      summary.removeAttribute("role");
      summaryList.textContent = "";
    }

    /* ---------- sending ---------- */
    function showFailure(reason, quiet) {
      failureReason.textContent = reason;
      failure.hidden = false;
      status.textContent = "";
      if (quiet) {
        // The error summary (focused, role=alert) speaks first; this panel only offers retry and contacts.
        failure.removeAttribute("role");
        return;
      }
      failure.setAttribute("role", "alert");
      failure.focus();
    }

    function hideFailure() {
      failure.hidden = true;
      failure.removeAttribute("role");
    }

    function succeed() {
      clearDraft();
      form.reset();
      idField.value = newId();
      hideSummary();
      hideFailure();
      status.textContent = messages.sent;
      form.hidden = true;
      done.hidden = false;
      done.focus();
    }

    function fieldErrors(body) {
      var list = (body && body.errors) || [];
      var problems = [];
      var other = [];
      list.forEach(function (item) {
        var el = item.field && form.elements[item.field];
        if (el && el.id && document.getElementById(el.id + "-error")) {
          setError(el, item.message);
          problems.push([el, item.message]);
        } else {
          other.push(item.message || String(item));
        }
      });
      return { problems: problems, other: other };
    }

    function send() {
      if (sending) return;
      sending = true;
      submitButton.disabled = true;
      submitButton.setAttribute("aria-disabled", "true");
      hideFailure();
      status.textContent = messages.sending;
      saveDraft();

      var controller = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () {
        if (controller) controller.abort();
      }, timeoutMs);
      var body = new URLSearchParams(new FormData(form));

      fetch(form.action, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
        credentials: "omit",
        referrerPolicy: "strict-origin-when-cross-origin"
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (json) {
          return { response: response, json: json };
        });
      }).then(function (result) {
        var response = result.response;
        var json = result.json;
        if (response.ok && json && json.ok !== false) {
          succeed();
        } else if (response.status === 429) {
          showFailure(messages.busy);
        } else if (response.status >= 400 && response.status < 500 && json && json.errors) {
          var errors = fieldErrors(json);
          if (errors.problems.length) {
            status.textContent = "";
            showFailure(messages.fix_fields, true);
            showSummary(errors.problems, messages.rejected);
          } else {
            showFailure(messages.rejected + " " + errors.other.join(" "));
          }
        } else {
          showFailure(messages.server);
        }
      }, function (error) {
        showFailure(error && error.name === "AbortError" ? messages.timeout : messages.network);
      }).then(function () {
        clearTimeout(timer);
        sending = false;
        submitButton.disabled = false;
        submitButton.removeAttribute("aria-disabled");
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) return;
      var problems = validate();
      if (problems.length) {
        hideFailure();
        showSummary(problems);
        return;
      }
      hideSummary();
      send();
    });

    $("-retry").addEventListener("click", function () {
      var problems = validate();
      if (problems.length) {
        hideFailure();
        showSummary(problems);
        return;
      }
      send();
    });

    $("-again").addEventListener("click", function () {
      done.hidden = true;
      form.hidden = false;
      status.textContent = "";
      form.elements.name.focus();
    });
  }

  function setupEmbed(box) {
    var open = box.querySelector(".booking-embed__open");
    if (!open) return;
    open.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-embed-src");
      frame.title = box.getAttribute("data-embed-title");
      frame.height = box.getAttribute("data-embed-height");
      frame.setAttribute("loading", "eager");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      open.parentNode.replaceWith(frame);
      frame.focus();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.booking-form"), setupForm);
    Array.prototype.forEach.call(document.querySelectorAll(".booking-embed"), setupEmbed);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
