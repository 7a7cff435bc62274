// The submission forms: list your service, suggest a change, report a problem. Every field is
// checked here first, with the same rules the API applies (api/Submissions/SubmissionRules.cs),
// so every problem shows at once: beside its field and in a summary at the top that links to it.
// The API stays the authority: a problem it finds is named by its input path
// ("input.locations[0].postcode"), which is the control's name, and shown the same way in plain
// English. Nothing the API says is shown as it is; everything is shown as text.
(function () {
  "use strict";
  var form = document.getElementById("submission");
  if (!form) return;
  var mutation = form.getAttribute("data-mutation"), endpoint = form.getAttribute("data-endpoint");
  var summary = document.getElementById("error-summary"), done = document.getElementById("done");
  var about = document.getElementById("about-service");
  var serviceId = new URLSearchParams(location.search).get("service");
  var current = null;
  var MUTATIONS = {
    submitListing: "mutation($input: SubmitListingInput!) { submitListing(input: $input) { reference statusToken } }",
    suggestChange: "mutation($input: SuggestChangeInput!) { suggestChange(input: $input) { reference statusToken } }",
    reportProblem: "mutation($input: ReportProblemInput!) { reportProblem(input: $input) { reference statusToken } }",
    claimListing: "mutation($input: ClaimListingInput!) { claimListing(input: $input) { reference statusToken } }"
  };
  // Problems the API names by a field that has no control of its own here.
  var ALIASES = { "schedules[0].freq": "schedule.repeat", "schedules[0].byDay": "schedule.day", "schedules[0].interval": "schedule.repeat",
                  "categories": "categories[0]", "locations": "locations[0].address1", "schedules": "schedule.repeat",
                  "changes": "changes.name", "changes.address": "changes.address.address1" };
  var ADDRESS = ["address1", "address2", "city", "postcode"];

  // ---- the rules, as the API's ---------------------------------------------------------------
  var EMAIL = /^[^@\s<>"'(),;:\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
  var POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][ABD-HJLNP-UW-Z]{2}$/;
  var KIND = { "organization.website": "web", url: "web", "changes.url": "web", email: "email", "submitter.email": "email", "changes.email": "email",
               phone: "phone", "changes.phone": "phone", "locations[0].postcode": "postcode", "changes.address.postcode": "postcode",
               minimumAge: "age", maximumAge: "age" };
  var REQUIRED = mutation === "claimListing" ? {
    name: "Enter your name",
    email: "Enter your email address at work, like name@example.org"
  } : {
    "organization.name": "Enter the name of the organisation that runs it",
    name: "Enter the name of the service",
    description: "Say what the service offers, in a few sentences",
    "categories[0]": "Choose the main need it meets",
    message: "Tell us what is wrong"
  };
  var PLACE = { "locations[0].address1": "Enter the first line of the address", "locations[0].city": "Enter the town or city",
                "locations[0].postcode": "Enter the postcode of the place, like EX10 8XX" };
  var NEW_ADDRESS = { "changes.address.address1": "Enter the first line of the new address", "changes.address.city": "Enter the town or city of the new address",
                      "changes.address.postcode": "Enter the postcode of the new address, like EX10 8XX" };

  function isWebAddress(text) {
    try { var url = new URL(text); return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0; } catch (e) { return false; }
  }

  function value(name) { var el = form.elements[name]; return el && el.value != null ? String(el.value).trim() : ""; }

  function fieldProblem(name, text) {
    if (!text) return null;
    var max = +(form.elements[name] && form.elements[name].getAttribute ? form.elements[name].getAttribute("data-max") : 0);
    if (max && KIND[name] !== "age" && text.length > max) return "Shorten this to " + max.toLocaleString("en-GB") + " characters or fewer (it has " + text.length.toLocaleString("en-GB") + ")";
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return "Remove the unusual characters from this (they may have been pasted in)";
    switch (KIND[name]) {
      case "web": return isWebAddress(text) ? null : "Enter a web address starting with https://, like https://www.example.org";
      case "email": return EMAIL.test(text) ? null : "Enter an email address like name@example.org";
      case "phone": return /^\+?[0-9 ()-]{6,32}$/.test(text) && text.replace(/\D/g, "").length >= 6 ? null : "Enter a phone number of digits and spaces, like 01395 512345";
      case "postcode": return POSTCODE.test(text.toUpperCase().replace(/\s+/g, "")) ? null : "Enter the postcode of the place, like EX10 8XX";
      case "age": return /^\d{1,3}$/.test(text) && +text <= 120 ? null : "Enter an age from 0 to 120, in whole years";
    }
    return null;
  }

  // Every problem in the form, in the order of its fields: [{ name, message }].
  function check() {
    var problems = [], seen = {};
    function add(name, message) { if (!seen[name]) { seen[name] = true; problems.push({ name: name, message: message }); } }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "homepage" || el.type === "radio" || el.type === "checkbox") return;
      var text = value(el.name);
      if (!text && REQUIRED[el.name]) add(el.name, REQUIRED[el.name]);
      if (!text && PLACE[el.name] && ["locations[0].name", "locations[0].address1", "locations[0].city", "locations[0].postcode"].some(value)) add(el.name, PLACE[el.name]);
      if (!text && NEW_ADDRESS[el.name] && ADDRESS.some(function (f) { return addressChanged(f); })) add(el.name, NEW_ADDRESS[el.name]);
      var problem = fieldProblem(el.name, text);
      if (problem) add(el.name, problem);
    });
    if (mutation === "submitListing") {
      var lo = value("minimumAge"), hi = value("maximumAge");
      if (lo && hi && !seen.minimumAge && !seen.maximumAge && +lo > +hi) add("minimumAge", "The youngest age must not be more than the oldest age");
      var repeat = value("schedule.repeat"), day = value("schedule.day"), opens = value("schedules[0].opensAt"), closes = value("schedules[0].closesAt");
      if (repeat) {
        if (repeat !== "DAILY" && !day) add("schedule.day", "Choose the day it runs");
        if (repeat === "DAILY" && day) add("schedule.day", "Leave the day empty for something that runs every day");
        if (!opens) add("schedules[0].opensAt", "Enter the time it opens, like 10:00");
        if (!closes) add("schedules[0].closesAt", "Enter the time it closes, like 16:00");
        if (opens && closes && closes <= opens) add("schedules[0].closesAt", "The closing time must be later than the opening time");
      } else if (opens || closes || day) {
        add("schedule.repeat", "Choose how often it runs, or leave the day and times empty");
      }
    }
    if (mutation === "suggestChange" && current && !problems.length && !Object.keys(input().changes).length) {
      add("changes.name", "Change at least one detail: each box holds what the listing says now");
    }
    // In the order of the fields, as people read the form.
    var order = Array.prototype.map.call(form.elements, function (el) { return el.name; });
    return problems.sort(function (a, b) { return order.indexOf(a.name) - order.indexOf(b.name); });
  }

  // ---- the service a suggestion or report is about ------------------------------------------
  function post(query, variables) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) { return response.json(); });
  }

  // What the listing says now, by control name without "changes.": what each box starts with.
  function flatten(service) {
    var now = {};
    ["name", "description", "eligibilityDescription", "applicationProcess", "feesDescription", "url", "email", "alert"].forEach(function (k) { now[k] = service[k]; });
    now.phone = service.phones.length ? service.phones[0].number : null;
    var place = service.locations.filter(function (l) { return l.address; })[0];
    ADDRESS.forEach(function (f) { now["address." + f] = place ? place.address[f === "postcode" ? "postalCode" : f] : null; });
    now.openingTimes = service.schedules.map(function (s) { return s.text; }).join("; ") || null;
    return now;
  }

  if (mutation === "submitListing") {
    form.hidden = false;
  } else if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(serviceId || "")) {
    showProblems([{ message: "Open this form from a service's page: this address does not say which service it is about." }]);
  } else {
    post("query($id: ID!) { service(id: $id) { name version description eligibilityDescription applicationProcess feesDescription url email alert " +
         "phones { number } locations { address { address1 address2 city postalCode } } schedules { text } organization { name } } }", { id: serviceId })
      .then(function (body) {
        var service = body.data && body.data.service;
        if (!service) throw new Error("no such service");
        current = flatten(service);
        current.version = service.version;
        about.textContent = mutation === "claimListing"
          ? "Claim \u201c" + service.name + "\u201d: if you work for " + (service.organization ? "\u201c" + service.organization.name + "\u201d" : "the organisation that runs it") +
            ", you can keep its listings up to date yourself."
          : (mutation === "suggestChange" ? "Suggest a change to \u201c" : "Report a problem with \u201c") + service.name +
            "\u201d. " + (mutation === "suggestChange" ? "Change only what is different; a moderator checks it before the listing changes." : "A moderator will look into it.");
        Array.prototype.forEach.call(form.elements, function (el) {
          var field = el.name && el.name.indexOf("changes.") === 0 ? el.name.slice(8) : null;
          if (field && current[field] != null) el.value = current[field];
        });
        form.hidden = false;
      })
      .catch(function () { showProblems([{ message: "We could not find that service. It may have closed; try the search." }]); });
  }

  // ---- what is sent --------------------------------------------------------------------------
  function set(target, path, value) {
    var keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    keys.forEach(function (key, i) {
      if (i === keys.length - 1) { target[key] = value; return; }
      if (target[key] == null) target[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      target = target[key];
    });
  }

  function was(field) { return current && current[field] != null ? String(current[field]) : ""; }
  function addressChanged(f) { return current && value("changes.address." + f) !== was("address." + f); }

  function input() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf("schedule.") === 0 || el.name.indexOf("changes.address.") === 0 || (el.type === "radio" && !el.checked)) return;
      var text = el.type === "checkbox" ? el.checked : el.value.trim();
      if (text === "") return;
      if (KIND[el.name] === "age" && !isNaN(Number(text))) text = Number(text);
      if (mutation === "suggestChange" && el.name.indexOf("changes.") === 0 && was(el.name.slice(8)) === text) return;
      set(data, el.name, text);
    });
    if (mutation === "submitListing") {
      if (data.isFree === undefined) data.isFree = false;
      var repeat = value("schedule.repeat"), day = value("schedule.day");
      if (repeat) {
        var parts = repeat.split(":");
        set(data, "schedules[0].freq", parts[0]);
        if (parts[0] !== "DAILY") set(data, "schedules[0].byDay", (parts[1] || "") + day);
      }
      if (!data.categories) data.categories = [];
    } else {
      data.serviceId = serviceId;
      if (mutation === "suggestChange") {
        data.baseVersion = current ? current.version : 0;
        if (!data.changes) data.changes = {};
        // An address is sent whole, when any line of it changed.
        if (ADDRESS.some(addressChanged)) {
          data.changes.address = {};
          ADDRESS.forEach(function (f) { var v = value("changes.address." + f); if (v) data.changes.address[f] = v; });
        }
      }
    }
    return data;
  }

  // ---- showing problems ----------------------------------------------------------------------
  function clearProblems() {
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll(".error"), function (p) { p.parentNode.removeChild(p); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", (el.getAttribute("aria-describedby") || "").replace(el.id + "-error", "").trim());
      if (!el.getAttribute("aria-describedby")) el.removeAttribute("aria-describedby");
    });
  }

  // A problem the API found, in plain English: what our own rules say of the field, or a sentence
  // for the few things only the API can know. Never the API's own wording.
  function fromApi(error) {
    var code = error.extensions && error.extensions.code, path = error.extensions && error.extensions.field ? error.extensions.field.replace(/^input\./, "") : null;
    var name = path && (form.elements[path] ? path : ALIASES[path]);
    if (code === "RATE_LIMITED") return { message: "You have sent a lot from this connection in the last hour. Please try again later." };
    if (path === "serviceId") return { message: "We could not find that service. It may have closed; try the search." };
    if (path === "baseVersion") return { message: "The listing changed while you were writing. Reload the page to see it as it is now, then try again." };
    if (path === "changes") return { name: "changes.name", message: "Change at least one detail: each box holds what the listing says now" };
    if (!name || !form.elements[name]) return { message: "Something went wrong on our side. Please try again in a few minutes." };
    var text = value(name), message = REQUIRED[name] || PLACE[name] || NEW_ADDRESS[name];
    if (/postcode$/.test(name) && /cannot place/.test(error.message || "")) message = "We do not know where that postcode is yet. Check it, or tell us the place in the description.";
    else if (text) message = fieldProblem(name, text) || "Check this: it could not be accepted as it is";
    return { name: name, message: message || "Check this: it could not be accepted as it is" };
  }

  function showProblems(problems) {
    var list = summary.querySelector("ul"), first = null;
    problems.forEach(function (problem) {
      var control = problem.name ? form.elements[problem.name] : null;
      if (control && !control.id && control.length) control = control[0];
      var item = document.createElement("li");
      if (control && control.id) {
        var link = document.createElement("a");
        link.href = "#" + control.id;
        link.textContent = problem.message;
        link.addEventListener("click", function (e) { e.preventDefault(); control.focus(); control.scrollIntoView({ block: "center" }); });
        item.appendChild(link);
        if (!document.getElementById(control.id + "-error")) {
          var message = document.createElement("p");
          message.className = "error";
          message.id = control.id + "-error";
          message.textContent = problem.message;
          control.parentNode.insertBefore(message, control);
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + message.id).trim());
        }
        first = first || control;
      } else {
        item.textContent = problem.message;
      }
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearProblems();
    var problems = check();
    if (problems.length) { showProblems(problems); return; }
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    post(MUTATIONS[mutation], { input: input() })
      .then(function (body) {
        if (body.errors && body.errors.length) { showProblems(body.errors.map(fromApi)); return; }
        var receipt = body.data[mutation];
        document.getElementById("done-reference").textContent = receipt.reference;
        document.getElementById("done-token").textContent = receipt.statusToken;
        // The reference and code go in the fragment, which the browser never sends to a server.
        document.getElementById("done-status").href = document.getElementById("done-status").getAttribute("data-base") +
          "#" + new URLSearchParams({ reference: receipt.reference, code: receipt.statusToken }).toString();
        form.hidden = true;
        done.hidden = false;
        done.focus();
      })
      .catch(function () { showProblems([{ message: "We could not send it. Check your connection and try again." }]); })
      .then(function () { button.disabled = false; });
  });
})();
