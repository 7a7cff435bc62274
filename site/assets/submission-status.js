// How a submission is going: asks the API's submissionStatus with the reference and code, which
// come from the form or from the address's #fragment (never the query string, so no server or log
// sees them). The moderator's reason is shown as text.
(function () {
  "use strict";
  var form = document.getElementById("status-form");
  if (!form) return;
  form.hidden = false;
  var summary = document.getElementById("error-summary"), result = document.getElementById("status-result");
  var fields = { reference: form.elements.reference, code: form.elements.code };
  var KIND = { NEW_LISTING: "new listing", CHANGE_SUGGESTION: "suggested change", PROBLEM_REPORT: "problem report" };

  function day(iso) { return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(new Date(iso)); }

  function clear() {
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
    Object.keys(fields).forEach(function (k) {
      var el = fields[k], message = document.getElementById(el.id + "-error");
      if (message) message.parentNode.removeChild(message);
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", el.id + "-hint");
    });
  }

  function problems(list) {
    var ul = summary.querySelector("ul");
    list.forEach(function (p) {
      var li = document.createElement("li");
      if (p.field) {
        var a = document.createElement("a");
        a.href = "#" + p.field.id;
        a.textContent = p.message;
        li.appendChild(a);
        var message = document.createElement("p");
        message.className = "error";
        message.id = p.field.id + "-error";
        message.textContent = p.message;
        p.field.parentNode.insertBefore(message, p.field);
        p.field.setAttribute("aria-invalid", "true");
        p.field.setAttribute("aria-describedby", p.field.id + "-hint " + message.id);
      } else {
        li.textContent = p.message;
      }
      ul.appendChild(li);
    });
    result.hidden = true;
    summary.hidden = false;
    summary.focus();
  }

  function show(progress) {
    var what = "Your " + (KIND[progress.kind] || "submission") + " " + progress.reference;
    var heading = { PENDING: "Received", APPROVED: "Approved", REJECTED: "Not approved" }[progress.status] || "Received";
    document.getElementById("status-heading").textContent = heading;
    document.getElementById("status-detail").textContent = progress.status === "PENDING"
      ? what + " reached us on " + day(progress.submittedAt) + ". A moderator will look at it soon."
      : what + " was " + (progress.status === "APPROVED" ? "approved" : "not approved") + (progress.decidedAt ? " on " + day(progress.decidedAt) : "") + ".";
    var reason = document.getElementById("status-reason");
    reason.hidden = !(progress.status === "REJECTED" && progress.reason);
    reason.textContent = progress.reason ? "The reason: " + progress.reason : "";
    summary.hidden = true;
    result.hidden = false;
    result.focus();
  }

  function check() {
    clear();
    var reference = fields.reference.value.trim(), code = fields.code.value.trim(), missing = [];
    if (!reference) missing.push({ field: fields.reference, message: "Enter the reference, like SP-7K3M-9QXD" });
    if (!code) missing.push({ field: fields.code, message: "Enter the code that came with your reference" });
    if (missing.length) return problems(missing);
    fetch(form.getAttribute("data-endpoint"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: "query($reference: String!, $token: String!) { submissionStatus(reference: $reference, token: $token) { reference kind status submittedAt decidedAt reason } }",
                             variables: { reference: reference, token: code } })
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (body.data && body.data.submissionStatus) return show(body.data.submissionStatus);
      var code = body.errors && body.errors[0] && body.errors[0].extensions && body.errors[0].extensions.code;
      problems([code === "NOT_FOUND"
        ? { field: fields.reference, message: "We could not find a submission with this reference and code. Check both and try again" }
        : { message: "We could not check it just now. Please try again in a few minutes." }]);
    }).catch(function () { problems([{ message: "We could not check it. Check your connection and try again." }]); });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); check(); });
  var given = new URLSearchParams(location.hash.slice(1));
  if (given.get("reference") && given.get("code")) {
    fields.reference.value = given.get("reference");
    fields.code.value = given.get("code");
    check();
  }
})();
