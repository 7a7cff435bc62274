// Find help near you. Runs entirely in the browser over the site's JSON index: the postcode or
// location is turned into a point here, and only index files (the same for everyone) are fetched.
// The search state lives in the address's #fragment, which browsers never send to a server.
(function () {
  "use strict";
  var R = 6371.0088, KM_PER_MILE = 1.609344, BUDGET = 200000, PAGE = 20;
  var form = document.getElementById("finder");
  if (!form) return;
  form.hidden = false;
  var onSearchPage = !!document.getElementById("results");
  var postcodeInput = document.getElementById("postcode"), postcodeError = document.getElementById("postcode-error");
  var cache = {};

  function getJson(path) {
    if (!cache[path]) cache[path] = fetch(path).then(function (r) { if (!r.ok) throw new Error(path + ": " + r.status); return r.json(); });
    return cache[path];
  }

  // ---- where: postcode or device location -------------------------------------------------
  function parsePostcode(text) {
    var t = (text || "").toUpperCase().replace(/\s+/g, "");
    var m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})?$/.exec(t);
    return m ? { outcode: m[1], display: m[2] ? m[1] + " " + m[2] : m[1] } : null;
  }

  function showPostcodeError(message) {
    postcodeError.textContent = message;
    if (message) { postcodeInput.setAttribute("aria-invalid", "true"); postcodeInput.focus(); }
    else postcodeInput.removeAttribute("aria-invalid");
  }

  function readForm() {
    var data = new FormData(form), state = {};
    ["postcode", "need", "radius", "open"].forEach(function (k) { var v = data.get(k); if (v) state[k] = String(v).trim(); });
    return state;
  }

  function go(state) {
    var hash = new URLSearchParams(state).toString();
    if (onSearchPage) { if (location.hash.slice(1) === hash) run(state); else location.hash = hash; }
    else location.href = "/search/#" + hash;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var state = readForm();
    if (!state.postcode) return showPostcodeError("Enter your postcode, for example EX10 8XX, or use your location.");
    if (!parsePostcode(state.postcode)) return showPostcodeError("Enter a full UK postcode, for example EX10 8XX.");
    showPostcodeError("");
    go(state);
  });

  // ---- search by words (Pagefind), when the site was built with it -------------------------
  var wordsForm = document.getElementById("words-form"), wordsInput = document.getElementById("words"), wordsError = document.getElementById("words-error");
  getJson("/index/meta.json").then(function (meta) { if (meta.textSearch && wordsForm) wordsForm.hidden = false; }).catch(function () {});
  if (wordsForm) wordsForm.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = wordsInput.value.trim();
    wordsError.textContent = q ? "" : "Enter a word or two to search for, for example dementia café.";
    if (!q) { wordsInput.setAttribute("aria-invalid", "true"); wordsInput.focus(); return; }
    wordsInput.removeAttribute("aria-invalid");
    go({ q: q });
  });

  var locate = document.getElementById("use-location");
  if (!("geolocation" in navigator)) locate.hidden = true;
  locate.addEventListener("click", function () {
    locate.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      locate.disabled = false;
      var state = readForm();
      delete state.postcode;
      showPostcodeError("");
      state.near = position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
      go(state);
    }, function () {
      locate.disabled = false;
      showPostcodeError("We could not get your location. Enter your postcode instead.");
    }, { maximumAge: 300000, timeout: 15000 });
  });

  // ---- geometry ---------------------------------------------------------------------------
  function rad(d) { return d * Math.PI / 180; }
  function distanceKm(lat1, lon1, lat2, lon2) {
    var a = Math.pow(Math.sin(rad(lat2 - lat1) / 2), 2) + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.pow(Math.sin(rad(lon2 - lon1) / 2), 2);
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  // A tile's bounds [south, west, north, east] from its key: its path of quarters from the root.
  function bounds(key, root) {
    var b = root.slice();
    for (var i = 1; i < key.length; i++) {
      var q = +key[i], midLat = (b[0] + b[2]) / 2, midLon = (b[1] + b[3]) / 2;
      if (q & 2) b[0] = midLat; else b[2] = midLat;
      if (q & 1) b[1] = midLon; else b[3] = midLon;
    }
    return b;
  }
  function tileDistanceKm(b, p) { return distanceKm(p.lat, p.lon, clamp(p.lat, b[0], b[2]), clamp(p.lon, b[1], b[3])); }
  // Even-odd rule over flat [lat, lon, lat, lon, ...] rings, as the API tests service areas.
  function covers(rings, p) {
    var inside = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        var yi = ring[i], xi = ring[i + 1], yj = ring[j], xj = ring[j + 1];
        if ((yi > p.lat) !== (yj > p.lat) && p.lon < (xj - xi) * (p.lat - yi) / (yj - yi) + xi) inside = !inside;
      }
    });
    return inside;
  }

  // ---- when: open now and the next opening, in UK time (assets/hours.js) ---------------------
  var ukNow = window.SignpostHours.ukNow;
  function isOpen(service, now, holidays) {
    return !service.x && !!service.h && service.h.some(function (h) { return window.SignpostHours.isOpen(h, now, holidays); });
  }
  function nextOpening(service, now, holidays) {
    return service.x || !service.h ? null : window.SignpostHours.nextOpening(service.h, now, holidays);
  }

  // ---- search -----------------------------------------------------------------------------
  var statusEl = document.getElementById("results-status"), heading = document.getElementById("results-heading");
  var list = document.getElementById("results"), more = document.getElementById("more"), serving = document.getElementById("serving");
  // A search by place lists two groups, as the API does: the services with a place within reach,
  // then, under their own heading, those that reach the resident only through their service area.
  var nearby = { list: list, more: more, results: [], shown: 0 };
  var reaching = { list: document.getElementById("serving-results"), more: document.getElementById("more-serving"), results: [], shown: 0 };

  // After a search by words or a failed search: one plain list, no second group.
  function clearGroups() {
    heading.textContent = "Results"; more.textContent = "Show more results";
    list.textContent = ""; more.hidden = true; serving.hidden = true;
  }

  function where(state) {
    if (state.near) {
      var ll = state.near.split(",").map(Number);
      if (ll.length === 2 && isFinite(ll[0]) && isFinite(ll[1]) && Math.abs(ll[0]) <= 90 && Math.abs(ll[1]) <= 180)
        return Promise.resolve({ lat: ll[0], lon: ll[1], label: "your location" });
      return Promise.reject(new Error("That location is not valid. Use your location again or enter a postcode."));
    }
    var postcode = parsePostcode(state.postcode);
    if (!postcode) return Promise.reject(new Error("Enter a full UK postcode, for example EX10 8XX."));
    return getJson("/index/postcodes.json").then(function (table) {
      var c = table[postcode.outcode];
      if (!c) throw new Error("We do not know the postcode district " + postcode.outcode + " yet. Try a nearby postcode or browse by town.");
      return { lat: c[0], lon: c[1], label: postcode.display };
    });
  }

  function run(state) {
    if (!onSearchPage) return;
    ["postcode", "need", "radius"].forEach(function (k) { if (state[k] && form.elements[k]) form.elements[k].value = state[k]; });
    form.elements.open.checked = state.open === "now";
    var miles = [2, 5, 10, 25].indexOf(+state.radius) >= 0 ? +state.radius : 10;
    statusEl.textContent = "Searching…";
    Promise.all([where(state), getJson("/index/meta.json")]).then(function (loaded) {
      var p = loaded[0], meta = loaded[1], radiusKm = miles * KM_PER_MILE;
      var tiles = meta.tiles.map(function (t) { return { key: t[0], bytes: t[1], km: tileDistanceKm(bounds(t[0], meta.root), p) }; })
        .filter(function (t) { return t.km <= radiusKm; }).sort(function (a, b) { return a.km - b.km || (a.key < b.key ? -1 : 1); });
      // Whether a service area covers the resident depends only on their point: one area tile.
      var area = meta.areas.filter(function (t) { return tileDistanceKm(bounds(t[0], meta.root), p) === 0; })[0];
      // Fetch the nearest place tiles within the download budget; results are complete up to the
      // nearest tile left out, so the radius shrinks to that when a city is dense.
      var files = area ? ["/index/areas/" + area[0] + ".json"] : [], bytes = area ? area[1] : 0, reach = radiusKm;
      for (var i = 0; i < tiles.length; i++) {
        if (files.length > 0 && bytes + tiles[i].bytes > BUDGET) { reach = tiles[i].km; break; }
        files.push("/index/tiles/" + tiles[i].key + ".json"); bytes += tiles[i].bytes;
      }
      return Promise.all(files.map(getJson)).then(function (parts) {
        render(p, meta, parts, state, reach, radiusKm);
      });
    }).catch(function (e) {
      statusEl.textContent = e.message;
      clearGroups();
      if (state.postcode) showPostcodeError(e.message);
    });
  }

  function render(p, meta, parts, state, reach, radiusKm) {
    var parent = {}, holidays = {}, byId = {}, now = ukNow(), near = [], areaOnly = [];
    meta.categories.forEach(function (c) { parent[c[0]] = c[2]; });
    meta.bankHolidays.forEach(function (d) { holidays[d] = true; });
    // A service can be in a place tile and the area tile; the area tile's copy also has its polygons.
    parts.forEach(function (tile) { tile.forEach(function (s) { if (!byId[s.i] || s.a) byId[s.i] = s; }); });
    Object.keys(byId).forEach(function (id) {
      var s = byId[id];
      if (state.need && !s.c.some(function (c) { return c === state.need || parent[c] === state.need; })) return;
      // The distance to the service's nearest place wherever it is (Infinity with none): it decides
      // the group, orders both groups, and is what the second group shows.
      var km = Infinity, at = null;
      s.l.forEach(function (l) { var d = distanceKm(p.lat, p.lon, l[0], l[1]); if (d < km) { km = d; at = l; } });
      var group = km <= reach ? near : s.a && covers(s.a, p) ? areaOnly : null;
      if (!group) return;
      var open = isOpen(s, now, holidays);
      if (state.open === "now" && !open) return;
      group.push({ s: s, km: km, open: open, next: open ? null : nextOpening(s, now, holidays), at: at, rank: state.need && s.c.indexOf(state.need) < 0 ? 1 : 0 });
    });
    near.sort(nearestThenName); areaOnly.sort(nearestThenName);
    staleBefore = (now.y - 1) + now.date.slice(4);

    var within = (reach < radiusKm ? (reach / KM_PER_MILE).toFixed(1) : String(radiusKm / KM_PER_MILE)) + " miles", openNow = state.open === "now" ? ", open now" : "";
    var scope = " within " + within + " of " + p.label + openNow;
    statusEl.textContent = (near.length ? count(near.length) + scope + ", nearest first." : "No services" + scope + ".") +
      (reach < radiusKm ? " There are many services here, so this shows the nearest." : "") +
      (areaOnly.length ? " Also serving your area" + openNow + ": " + count(areaOnly.length) + "." : "");
    heading.textContent = "Near " + p.label;
    more.textContent = "Show more nearby services";
    fill(nearby, near);
    fill(reaching, areaOnly);
    serving.hidden = areaOnly.length === 0;
    focusResults();
  }

  function count(n) { return n === 1 ? "1 service" : n + " services"; }

  // Nearest first; services without a place (Infinity) last. Services at the same distance (one
  // place) are ordered for the resident: those filed under the chosen need itself before those
  // under a narrower need, then by name (then id, so the order never changes between visits).
  function nearestThenName(a, b) {
    if (a.km !== b.km) return a.km < b.km ? -1 : 1;
    if (a.rank !== b.rank) return a.rank - b.rank;
    var an = a.s.n.toUpperCase(), bn = b.s.n.toUpperCase();
    if (an !== bn) return an < bn ? -1 : 1;
    return a.s.i.toUpperCase() < b.s.i.toUpperCase() ? -1 : 1;
  }

  function fill(group, results) {
    group.results = results; group.shown = 0; group.list.textContent = "";
    showMore(group);
  }

  var pagefind = null, wordResults = [], wordsShown = 0;
  function runWords(q) {
    if (wordsInput) wordsInput.value = q;
    statusEl.textContent = "Searching…";
    (pagefind = pagefind || import("/pagefind/pagefind.js")).then(function (pf) { return pf.search(q); }).then(function (found) {
      wordResults = found ? found.results : []; wordsShown = 0; clearGroups();
      statusEl.textContent = (wordResults.length === 1 ? "1 service matches" : wordResults.length + " services match") + " “" + q + "”, best first.";
      return showMoreWords();
    }).then(focusResults).catch(function () { statusEl.textContent = "Search by words is not available. Search by postcode instead."; });
  }

  // Pagefind's excerpts mark the matched words with <mark>; only their text is shown.
  function plain(html) { return new DOMParser().parseFromString(html, "text/html").body.textContent || ""; }

  function showMoreWords() {
    var page = wordResults.slice(wordsShown, wordsShown + PAGE);
    wordsShown += page.length;
    more.hidden = wordsShown >= wordResults.length;
    return Promise.all(page.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (d) {
        var li = el("li"), h = el("h3"), a = el("a", null, d.meta && d.meta.title ? d.meta.title : d.url);
        if (/^\/services\/[a-z0-9-]+\/$/.test(d.url)) a.href = d.url;
        h.appendChild(a); li.appendChild(h);
        li.appendChild(el("p", null, plain(d.excerpt)));
        list.appendChild(li);
      });
    });
  }

  function focusResults() { heading.focus(); }

  function el(tag, className, text) { var e = document.createElement(tag); if (className) e.className = className; if (text != null) e.textContent = text; return e; }

  // Shows the group's next page and returns the first link it added, for focus to move to.
  function showMore(group) {
    var first = null;
    group.results.slice(group.shown, group.shown + PAGE).forEach(function (r) {
      var li = el("li"), h = el("h3"), a = el("a", null, r.s.n);
      if (/^\/services\/[a-z0-9-]+\/$/.test(r.s.u)) a.href = r.s.u;
      first = first || a;
      // For "Show on a map" (map.js): the service's place nearest the resident, its name and page.
      if (r.at) { li.setAttribute("data-lat", r.at[0]); li.setAttribute("data-lon", r.at[1]); }
      li.setAttribute("data-name", r.s.n);
      if (a.href) li.setAttribute("data-url", r.s.u);
      h.appendChild(a); li.appendChild(h);
      li.appendChild(el("p", "meta", r.s.t ? r.s.o + " · " + r.s.t : r.s.o));
      var line = el("p");
      if (r.s.x) line.appendChild(el("span", "badge closed", "Temporarily closed"));
      else if (r.open) line.appendChild(el("span", "badge open", "Open now"));
      else if (r.next) line.appendChild(el("span", "next-opening", r.next));
      // A service with no place of its own (a helpline, say) has no distance to show.
      if (r.km !== Infinity) line.appendChild(el("span", "distance", (r.km / KM_PER_MILE).toFixed(1) + " miles away"));
      if (line.hasChildNodes()) li.appendChild(line);
      describe(li, r.s);
      group.list.appendChild(li);
    });
    group.shown = Math.min(group.results.length, group.shown + PAGE);
    group.more.hidden = group.shown >= group.results.length;
    return first;
  }

  // What people decide on without opening the listing: whom to call, cost, ages, where, how fresh.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var staleBefore = "";
  function describe(li, s) {
    var facts = el("p", "result-facts");
    if (s.p) {
      var call = el("span", null, "Call "), tel = telHref(s.p), phone = el(tel ? "a" : "span", null, s.p);
      if (tel) phone.href = tel;
      call.appendChild(phone); facts.appendChild(call);
    }
    if (s.f) facts.appendChild(el("span", null, "Free"));
    else if (s.m) facts.appendChild(el("span", null, "Costs money"));
    if (s.g) facts.appendChild(el("span", null, "Ages " + s.g));
    if (facts.hasChildNodes()) li.appendChild(facts);
    if (s.d) li.appendChild(el("p", "result-address", s.d.join("; ")));
    if (s.v && s.v < staleBefore) li.appendChild(el("p", "stale", "Last checked " + MONTHS[+s.v.slice(5, 7) - 1] + " " + s.v.slice(0, 4) + " — please call before you go"));
    if (window.Shortlist) li.appendChild(window.Shortlist.button(s.i, s.n));
  }
  // A tel: link of digits (and a leading +) only, whatever the number's text holds, as the pages make them.
  function telHref(number) {
    var digits = number.replace(/[^0-9]/g, "");
    return digits.length < 3 ? null : "tel:" + (/^\s*\+/.test(number) ? "+" : "") + digits;
  }

  // The button hides once everything is shown, so keyboard users go on from the first new service.
  function showMoreAndFocus(group) { var first = showMore(group); if (first) first.focus(); }

  if (onSearchPage) {
    more.addEventListener("click", function () { if (wordResults.length) showMoreWords(); else showMoreAndFocus(nearby); });
    reaching.more.addEventListener("click", function () { showMoreAndFocus(reaching); });
    var fromHash = function () {
      var s = {};
      new URLSearchParams(location.hash.slice(1)).forEach(function (v, k) { s[k] = v; });
      wordResults = [];
      if (s.q) runWords(s.q); else if (s.postcode || s.near) run(s);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }
})();
