// The shortlist: services a resident keeps to call, print or share. It lives in this browser's
// localStorage only and is never sent to a server. This script runs on every page: it shows the
// "Add to shortlist" buttons (hidden without JavaScript), keeps them and the masthead count in
// step with the list, and says each change in a live region.
(function () {
  "use strict";
  var KEY = "signpost-shortlist", MAX = 100, memory = [];
  var announcer = document.getElementById("shortlist-announce");

  function isId(v) { return typeof v === "string" && /^[0-9A-Za-z-]{1,64}$/.test(v); }
  function clean(ids) {
    var seen = {};
    return ids.filter(function (id) { if (!isId(id) || seen[id]) return false; seen[id] = true; return true; }).slice(0, MAX);
  }
  // Private browsing can refuse storage: the list then lasts as long as the page.
  function read() {
    try { var v = JSON.parse(localStorage.getItem(KEY) || "[]"); return Array.isArray(v) ? clean(v) : []; }
    catch (e) { return memory.slice(); }
  }
  function write(ids) {
    memory = clean(ids);
    try { localStorage.setItem(KEY, JSON.stringify(memory)); } catch (e) { /* kept in memory */ }
    update();
  }
  function count(n) { return n === 1 ? "1 service" : n + " services"; }
  function announce(text) {
    if (!announcer) return;
    // Emptied first, so the same words said twice are still announced.
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 60);
  }

  // The page renders an empty button; it gets its words here, with the service's name (from the
  // heading of its listing, or the page's) for screen readers, as several are on one page.
  function label(button, name) {
    if (button.querySelector(".shortlist-label")) return;
    var item = button.closest("li"), heading = item && item.querySelector("h2, h3") || document.querySelector("h1");
    var text = document.createElement("span"), hidden = document.createElement("span");
    text.className = "shortlist-label"; hidden.className = "visually-hidden";
    hidden.textContent = " – " + (name || (heading ? heading.textContent : "this service"));
    button.appendChild(text); button.appendChild(hidden);
  }
  function sync(button, ids) {
    label(button);
    var on = ids.indexOf(button.getAttribute("data-shortlist")) >= 0;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.querySelector(".shortlist-label").textContent = on ? "Remove from shortlist" : "Add to shortlist";
    button.hidden = false;
  }
  function update() {
    var ids = read(), counter = document.getElementById("shortlist-count");
    if (counter) counter.textContent = ids.length ? " (" + ids.length + ")" : "";
    Array.prototype.forEach.call(document.querySelectorAll("button[data-shortlist]"), function (b) { sync(b, ids); });
    document.dispatchEvent(new CustomEvent("shortlist-change"));
  }
  function nameOf(button) { return button.querySelector(".visually-hidden").textContent.replace(/^ – /, ""); }

  function toggle(button) {
    var id = button.getAttribute("data-shortlist"), ids = read(), at = ids.indexOf(id), name = nameOf(button);
    if (at >= 0) ids.splice(at, 1);
    else if (ids.length >= MAX) return announce("Your shortlist is full: it holds " + MAX + " services. Remove one to add another.");
    else ids.push(id);
    write(ids);
    announce((at >= 0 ? "Removed " + name + " from your shortlist. " : "Added " + name + " to your shortlist. ") +
      (ids.length ? count(ids.length) + " on it." : "It is empty."));
  }

  // A button for a service, as the server-rendered lists have it, for the lists the browser builds.
  function button(id, name) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "secondary shortlist-toggle"; b.setAttribute("data-shortlist", id);
    label(b, name);
    sync(b, read());
    return b;
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button[data-shortlist]") : null;
    if (b) toggle(b);
  });
  // The list changed in another tab.
  window.addEventListener("storage", function (e) { if (e.key === KEY || e.key === null) update(); });

  window.Shortlist = { read: read, write: write, isId: isId, clean: clean, count: count, announce: announce, button: button };
  update();
})();
