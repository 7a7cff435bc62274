// The submission forms: list your service, suggest a change, report a problem. Each posts its
// fields as one GraphQL mutation input; the API checks them and names any bad field by its input
// path ("input.locations[0].postcode"), which is also the control's name, so the message is shown
// right beside it and in a summary at the top. Everything from the API is shown as text.
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
    reportProblem: "mutation($input: ReportProblemInput!) { reportProblem(input: $input) { reference statusToken } }"
  };
  // Problems the API names by a field that has no control of its own here.
  var ALIASES = { "schedules[0].freq": "schedule.repeat", "schedules[0].byDay": "schedule.day", "schedules[0].interval": "schedule.repeat",
                  "categories": "categories[0]", "locations": "locations[0].address1", "schedules": "schedule.repeat" };

  function post(query, variables) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) { return response.json(); });
  }

  if (mutation === "submitListing") {
    form.hidden = false;
  } else if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(serviceId || "")) {
    showProblems([{ message: "Open this form from a service's page: this address does not say which service it is about." }]);
  } else {
    post("query($id: ID!) { service(id: $id) { name version description eligibilityDescription applicationProcess feesDescription url email alert } }", { id: serviceId })
      .then(function (body) {
        current = body.data && body.data.service;
        if (!current) throw new Error("no such service");
        about.textContent = (mutation === "suggestChange" ? "Suggest a change to \u201c" : "Report a problem with \u201c") + current.name +
          "\u201d. " + (mutation === "suggestChange" ? "Change only what is different; a moderator checks it before the listing changes." : "A moderator will look into it.");
        Array.prototype.forEach.call(form.elements, function (el) {
          var field = el.name && el.name.indexOf("changes.") === 0 ? el.name.slice(8) : null;
          if (field && current[field] != null) el.value = current[field];
        });
        form.hidden = false;
      })
      .catch(function () { showProblems([{ message: "We could not find that service. It may have closed; try the search." }]); });
  }

  function set(target, path, value) {
    var keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    keys.forEach(function (key, i) {
      if (i === keys.length - 1) { target[key] = value; return; }
      if (target[key] == null) target[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      target = target[key];
    });
  }

  function input() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf("schedule.") === 0 || (el.type === "radio" && !el.checked)) return;
      var value = el.type === "checkbox" ? el.checked : el.value.trim();
      if (value === "") return;
      if (el.type === "number" && !isNaN(Number(value))) value = Number(value);
      if (mutation === "suggestChange" && el.name.indexOf("changes.") === 0 && String(current[el.name.slice(8)] == null ? "" : current[el.name.slice(8)]) === value) return;
      set(data, el.name, value);
    });
    if (mutation === "submitListing") {
      if (data.isFree === undefined) data.isFree = false;
      var repeat = form.elements["schedule.repeat"].value, day = form.elements["schedule.day"].value;
      if (repeat) {
        var parts = repeat.split(":");
        set(data, "schedules[0].freq", parts[0]);
        if (parts[0] !== "DAILY") set(data, "schedules[0].byDay", (parts[1] || "") + day);
      }
      if (!data.categories) data.categories = [];
    } else {
      data.serviceId = serviceId;
      if (mutation === "suggestChange") { data.baseVersion = current.version; if (!data.changes) data.changes = {}; }
    }
    return data;
  }

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

  function labelOf(control) {
    var label = form.querySelector("label[for='" + control.id + "']");
    return label ? label.textContent.replace(" (optional)", "") : control.name;
  }

  function showProblems(errors) {
    var list = summary.querySelector("ul");
    errors.forEach(function (error) {
      var path = error.extensions && error.extensions.field ? error.extensions.field.replace(/^input\./, "") : null;
      var name = path && (form.querySelector("[name='" + path + "']") ? path : ALIASES[path]);
      var control = name ? form.querySelector("[name='" + name + "']") : null;
      var problem = path && error.message.indexOf(error.extensions.field + ": ") === 0 ? error.message.slice(error.extensions.field.length + 2) : error.message;
      var text = control ? labelOf(control) + ": " + problem : problem;
      var item = document.createElement("li");
      if (control) {
        var link = document.createElement("a");
        link.href = "#" + control.id;
        link.textContent = text;
        item.appendChild(link);
        if (!document.getElementById(control.id + "-error")) {
          var message = document.createElement("p");
          message.className = "error";
          message.id = control.id + "-error";
          message.textContent = text;
          control.parentNode.insertBefore(message, control);
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + message.id).trim());
        }
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearProblems();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    post(MUTATIONS[mutation], { input: input() })
      .then(function (body) {
        if (body.errors && body.errors.length) { showProblems(body.errors); return; }
        var receipt = body.data[mutation];
        document.getElementById("done-reference").textContent = receipt.reference;
        document.getElementById("done-token").textContent = receipt.statusToken;
        form.hidden = true;
        done.hidden = false;
        done.focus();
      })
      .catch(function () { showProblems([{ message: "We could not send it. Check your connection and try again." }]); })
      .then(function () { button.disabled = false; });
  });
})();
