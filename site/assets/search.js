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
  var ageInput = document.getElementById("age"), ageError = document.getElementById("age-error");
  var cache = {};

  function getJson(path) {
    if (!cache[path]) cache[path] = fetch(path).then(function (r) { if (!r.ok) throw new Error(path + ": " + r.status); return r.json(); });
    return cache[path];
  }

  // ---- where: postcode, place name or device location -------------------------------------
  function parsePostcode(text) {
    var t = (text || "").toUpperCase().replace(/\s+/g, "");
    var m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})?$/.exec(t);
    return m ? { outcode: m[1], display: m[2] ? m[1] + " " + m[2] : m[1] } : null;
  }

  function showError(input, errorEl, message) {
    errorEl.textContent = message;
    if (message) { input.setAttribute("aria-invalid", "true"); input.focus(); }
    else input.removeAttribute("aria-invalid");
  }
  function showPostcodeError(message) { showError(postcodeInput, postcodeError, message); }

  // An age in whole years, or null for any age (and NaN when what was typed is not one).
  function parseAge(text) {
    if (text == null || String(text).trim() === "") return null;
    var t = String(text).trim();
    return /^[0-9]{1,3}$/.test(t) && +t <= 120 ? +t : NaN;
  }

  var FIELDS = ["postcode", "need", "radius", "age", "language", "free", "open"];
  function readForm() {
    var data = new FormData(form), state = {};
    FIELDS.forEach(function (k) { var v = data.get(k); if (v) state[k] = String(v).trim(); });
    return state;
  }

  // The box takes a postcode or a place: what has a digit is meant as a postcode.
  function whereFromText(state) {
    var text = state.postcode;
    delete state.postcode; delete state.place;
    if (!text) return "Enter your postcode or a place, for example EX10 8XX or Sidmouth, or use your location.";
    if (parsePostcode(text)) state.postcode = text;
    else if (/[0-9]/.test(text)) return "Enter a full UK postcode, for example EX10 8XX.";
    else state.place = text;
    return "";
  }

  function go(state) {
    var hash = new URLSearchParams(state).toString();
    if (onSearchPage) { if (location.hash.slice(1) === hash) run(state); else location.hash = hash; }
    else location.href = "/search/#" + hash;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var state = readForm(), problem = whereFromText(state);
    if (problem) return showPostcodeError(problem);
    showPostcodeError("");
    if (isNaN(parseAge(state.age))) return showError(ageInput, ageError, "Enter an age in whole years, for example 8.");
    showError(ageInput, ageError, "");
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
      if (isNaN(parseAge(state.age))) delete state.age;
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
    choices.textContent = ""; choices.hidden = true;
  }

  function where(state) {
    if (state.near) {
      var ll = state.near.split(",").map(Number);
      if (ll.length === 2 && isFinite(ll[0]) && isFinite(ll[1]) && Math.abs(ll[0]) <= 90 && Math.abs(ll[1]) <= 180)
        return Promise.resolve({ lat: ll[0], lon: ll[1], label: "your location" });
      return Promise.reject(new Error("That location is not valid. Use your location again or enter a postcode."));
    }
    if (state.place) return findPlace(state.place);
    var postcode = parsePostcode(state.postcode);
    if (!postcode) return Promise.reject(new Error("Enter a full UK postcode, for example EX10 8XX."));
    return getJson("/index/postcodes.json").then(function (table) {
      var c = table[postcode.outcode];
      if (!c) throw new Error("We do not know the postcode district " + postcode.outcode + " yet. Try a nearby postcode or browse by town.");
      return { lat: c[0], lon: c[1], label: postcode.display };
    });
  }

  // A place name as the index compares it (as the build's PlaceName.Compact): "Ottery St. Mary" is "otterystmary".
  function compact(text) { return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, ""); }

  // The places of that name, from the one small index file its first letters name. "Newport, Isle
  // of Wight" (a choice's label) narrows the name to the places whose label starts so.
  function findPlace(text) {
    var name = compact(text.split(",")[0]), whole = compact(text), typed = text.split(",")[0].trim();
    var unknown = new Error("We could not find a place called " + typed + ". Check the spelling, or enter a postcode.");
    if (!name) return Promise.reject(unknown);
    return getJson("/index/places.json").then(function (keys) {
      var key = "";
      keys.forEach(function (k) { if (name.indexOf(k) === 0 && k.length > key.length) key = k; });
      return key ? getJson("/index/places/" + key + ".json") : {};
    }).then(function (file) {
      var found = file[name] || [];
      if (whole !== name) found = found.filter(function (p) { return compact(p[3]).indexOf(whole) === 0; });
      if (found.length === 0) throw unknown;
      if (found.length > 1) { var choose = new Error("choose"); choose.places = found; choose.name = found[0][0]; throw choose; }
      return { lat: found[0][1], lon: found[0][2], label: found[0][0] };
    });
  }

  // Several places share the name: one button each, most populous first; choosing one searches from it.
  var choices = document.getElementById("place-choices");
  function offerChoices(state, e) {
    clearGroups();
    heading.textContent = "Which " + e.name + "?";
    statusEl.textContent = "There are " + e.places.length + " places called " + e.name + ". Choose the one you mean.";
    e.places.forEach(function (p) {
      var li = el("li"), b = el("button", "secondary", p[3]);
      b.type = "button";
      b.addEventListener("click", function () {
        var next = {};
        Object.keys(state).forEach(function (k) { next[k] = state[k]; });
        next.place = p[3]; postcodeInput.value = p[3];
        go(next);
      });
      li.appendChild(b); choices.appendChild(li);
    });
    choices.hidden = false;
    focusResults();
  }

  function run(state) {
    if (!onSearchPage) return;
    ["need", "radius", "age", "language"].forEach(function (k) { if (form.elements[k]) form.elements[k].value = state[k] || (k === "radius" ? "10" : ""); });
    if (state.postcode || state.place) form.elements.postcode.value = state.postcode || state.place;
    form.elements.open.checked = state.open === "now";
    form.elements.free.checked = state.free === "yes";
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
      if (e.places) return offerChoices(state, e);
      statusEl.textContent = e.message;
      clearGroups();
      if (state.postcode || state.place) showPostcodeError(e.message);
    });
  }

  function render(p, meta, parts, state, reach, radiusKm) {
    var parent = {}, holidays = {}, byId = {}, now = ukNow(), near = [], areaOnly = [];
    meta.categories.forEach(function (c) { parent[c[0]] = c[2]; });
    meta.bankHolidays.forEach(function (d) { holidays[d] = true; });
    var age = parseAge(state.age), language = (state.language || "").toLowerCase();
    // A service can be in a place tile and the area tile; the area tile's copy also has its polygons.
    parts.forEach(function (tile) { tile.forEach(function (s) { if (!byId[s.i] || s.a) byId[s.i] = s; }); });
    Object.keys(byId).forEach(function (id) {
      var s = byId[id];
      if (state.need && !s.c.some(function (c) { return c === state.need || parent[c] === state.need; })) return;
      if (!suits(s, age, language, state.free === "yes")) return;
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

    var within = (reach < radiusKm ? (reach / KM_PER_MILE).toFixed(1) : String(radiusKm / KM_PER_MILE)) + " miles", openNow = filtersText(state, age, language);
    var scope = " within " + within + " of " + p.label + openNow;
    statusEl.textContent = (near.length ? count(near.length) + scope + ", nearest first." : "No services" + scope + ".") +
      (reach < radiusKm ? " There are many services here, so this shows the nearest." : "") +
      (areaOnly.length ? " Also serving your area" + openNow + ": " + count(areaOnly.length) + "." : "");
    heading.textContent = "Near " + p.label;
    choices.textContent = ""; choices.hidden = true;
    more.textContent = "Show more nearby services";
    fill(nearby, near);
    fill(reaching, areaOnly);
    serving.hidden = areaOnly.length === 0;
    focusResults();
  }

  // The age, language and free filters, by the API's rules: an age within the service's range
  // (an unset end does not limit it); a language it speaks ("la", English alone when left out).
  function suits(s, age, language, freeOnly) {
    if (freeOnly && !s.f) return false;
    if (typeof age === "number" && !isNaN(age) && s.g && ((s.g[0] != null && s.g[0] > age) || (s.g[1] != null && s.g[1] < age))) return false;
    return !language || (s.la || ["en"]).indexOf(language) >= 0;
  }

  // What the search was narrowed to, for the status line: ", free, for age 8, in Polish, open now".
  function filtersText(state, age, language) {
    var option = language && form.elements.language.querySelector("option[value='" + language.replace(/[^a-z0-9 -]/g, "") + "']");
    return (state.free === "yes" ? ", free" : "") + (typeof age === "number" && !isNaN(age) ? ", for age " + age : "") +
      (language ? ", in " + (option ? option.textContent : language) : "") + (state.open === "now" ? ", open now" : "");
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

  // Each result carries the facts a search near a place shows (WriteSearchIndex.ResultJson, kept
  // with the page by Pagefind), so both searches describe a service the same way, without distance.
  function showMoreWords() {
    var page = wordResults.slice(wordsShown, wordsShown + PAGE);
    wordsShown += page.length;
    more.hidden = wordsShown >= wordResults.length;
    return Promise.all([getJson("/index/meta.json")].concat(page.map(function (r) { return r.data(); }))).then(function (loaded) {
      var holidays = {}, now = ukNow(), first = null;
      loaded[0].bankHolidays.forEach(function (d) { holidays[d] = true; });
      staleBefore = (now.y - 1) + now.date.slice(4);
      loaded.slice(1).forEach(function (d) {
        var s = resultOf(d), li;
        if (s) {
          var open = isOpen(s, now, holidays);
          li = item({ s: s, km: Infinity, open: open, next: open ? null : nextOpening(s, now, holidays), at: null }, plain(d.excerpt));
        } else {
          li = el("li");
          var h = el("h3"), a = el("a", null, d.meta && d.meta.title ? d.meta.title : d.url);
          if (/^\/services\/[a-z0-9-]+\/$/.test(d.url)) a.href = d.url;
          h.appendChild(a); li.appendChild(h);
          li.appendChild(el("p", null, plain(d.excerpt)));
        }
        first = first || li.querySelector("a");
        list.appendChild(li);
      });
      return first;
    });
  }

  // The result's facts, or null when the page has none (or they cannot be read).
  function resultOf(d) {
    try { var s = d.meta && d.meta.result ? JSON.parse(d.meta.result) : null; return s && s.i && s.n ? s : null; }
    catch (e) { return null; }
  }

  function focusResults() { heading.focus(); }

  function el(tag, className, text) { var e = document.createElement(tag); if (className) e.className = className; if (text != null) e.textContent = text; return e; }

  // Shows the group's next page and returns the first link it added, for focus to move to.
  function showMore(group) {
    var first = null;
    group.results.slice(group.shown, group.shown + PAGE).forEach(function (r) {
      var li = item(r);
      first = first || li.querySelector("h3 a");
      group.list.appendChild(li);
    });
    group.shown = Math.min(group.results.length, group.shown + PAGE);
    group.more.hidden = group.shown >= group.results.length;
    return first;
  }

  // One result: its name and page, who runs it and where, open now or when it next opens, how far
  // (with a place), then the facts; a search by words adds the words it matched (excerpt).
  function item(r, excerpt) {
    var li = el("li"), h = el("h3"), a = el("a", null, r.s.n);
    if (/^\/services\/[a-z0-9-]+\/$/.test(r.s.u)) a.href = r.s.u;
    // For "Show on a map" (map.js): the service's place nearest the resident, its name and page.
    if (r.at) { li.setAttribute("data-lat", r.at[0]); li.setAttribute("data-lon", r.at[1]); }
    li.setAttribute("data-name", r.s.n);
    if (a.href) li.setAttribute("data-url", r.s.u);
    h.appendChild(a); li.appendChild(h);
    li.appendChild(el("p", "meta", r.s.t ? r.s.o + " · " + r.s.t : r.s.o));
    if (excerpt) li.appendChild(el("p", null, excerpt));
    var line = el("p");
    if (r.s.x) line.appendChild(el("span", "badge closed", "Temporarily closed"));
    else if (r.open) line.appendChild(el("span", "badge open", "Open now"));
    else if (r.next) line.appendChild(el("span", "next-opening", r.next));
    // A service with no place of its own (a helpline, say) has no distance to show.
    if (r.km !== Infinity) line.appendChild(el("span", "distance", (r.km / KM_PER_MILE).toFixed(1) + " miles away"));
    if (line.hasChildNodes()) li.appendChild(line);
    describe(li, r.s);
    return li;
  }

  // What people decide on without opening the listing: whom to call, cost, ages, where, how fresh.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var staleBefore = "";
  // [minimum, maximum] as the pages say it (ResultFacts.AgeRange): "18+", "0–5"; nothing for every age.
  function ageRange(g) {
    if (!g || (g[1] == null && !g[0])) return null;
    return g[1] == null ? g[0] + "+" : (g[0] || 0) + "–" + g[1];
  }
  function describe(li, s) {
    var facts = el("p", "result-facts");
    if (s.p) {
      var call = el("span", null, "Call "), tel = telHref(s.p), phone = el(tel ? "a" : "span", null, s.p);
      if (tel) phone.href = tel;
      call.appendChild(phone); facts.appendChild(call);
    }
    if (s.f) facts.appendChild(el("span", null, "Free"));
    else if (s.m) facts.appendChild(el("span", null, "Costs money"));
    var ages = ageRange(s.g);
    if (ages) facts.appendChild(el("span", null, "Ages " + ages));
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
    more.addEventListener("click", function () {
      if (wordResults.length) showMoreWords().then(function (first) { if (first) first.focus(); });
      else showMoreAndFocus(nearby);
    });
    reaching.more.addEventListener("click", function () { showMoreAndFocus(reaching); });
    var fromHash = function () {
      var s = {};
      new URLSearchParams(location.hash.slice(1)).forEach(function (v, k) { s[k] = v; });
      wordResults = [];
      if (s.q) runWords(s.q); else if (s.postcode || s.place || s.near) run(s);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }
})();
