// <signpost-finder>: the directory's services near a place, for other websites to embed.
// One file, no dependencies. The site build fills in its own name and addresses as defaults
// (WriteWidget), so the element works with no attributes on a page of any site.
// Privacy, as on the site itself: a postcode or place typed here becomes a point IN THE BROWSER,
// from the site's static index files (the same for everyone); only that point, rounded, is sent
// to the API. The postcode itself never leaves the browser.
(function () {
  "use strict";
  if (!window.customElements || customElements.get("signpost-finder")) return;
  var SITE_NAME = "%SIGNPOST_SITE_NAME%", SITE = "%SIGNPOST_SITE%", API = "%SIGNPOST_API%";
  var KM_PER_MILE = 1.609344, cache = {};
  var QUERY = "query($near:GeoPointInput!,$r:Float!,$n:Int!,$c:[ID!],$o:Boolean){services(near:$near,radiusKm:$r,first:$n,categories:$c,openNow:$o)" +
    "{edges{distanceKm reach node{id name openingHours phones{number} organization{name phones{number}}}}}" +
    // Which of them are open now: of the same search's open services, as many. Any shown service that
    // is open is among them, since fewer than that many services (open or not) come before it.
    "open:services(near:$near,radiusKm:$r,first:$n,categories:$c,openNow:true){edges{node{id}}}}";
  var CSS =
    ":host{display:block;font-family:var(--signpost-font,system-ui,sans-serif);color:var(--signpost-text,#1b1b1b);background:var(--signpost-background,#fff);line-height:1.4;overflow-wrap:anywhere}" +
    "form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0 0 .75rem}" +
    "label{display:block;font-weight:700;margin-bottom:.25rem}" +
    "input{font:inherit;padding:.45rem .5rem;border:2px solid currentColor;border-radius:3px;width:10rem;max-width:100%;color:inherit;background:inherit}" +
    "button{font:inherit;font-weight:700;padding:.5rem 1rem;border:2px solid var(--signpost-accent,#1d5c8f);border-radius:3px;background:var(--signpost-accent,#1d5c8f);color:#fff;cursor:pointer;min-height:44px}" +
    "a{color:var(--signpost-accent,#1d5c8f)}" +
    "a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--signpost-text,#1b1b1b);outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}" +
    "[aria-invalid=true]{border-color:#b00020}" +
    ".status{margin:.25rem 0;font-weight:700}.error{color:#b00020}" +
    "ul{list-style:none;margin:0;padding:0}li{padding:.6rem 0;border-top:1px solid #c9c9c9}" +
    "li a.name{font-weight:700;font-size:1.05rem}p{margin:.15rem 0}.open{font-weight:700}" +
    ".more{margin-top:.75rem}.more a{display:inline-block;min-height:24px}";

  function getJson(url) {
    if (!cache[url]) cache[url] = fetch(url).then(function (r) { if (!r.ok) throw unreachable(); return r.json(); });
    cache[url].catch(function () { delete cache[url]; });
    return cache[url];
  }
  function failure(message) { var e = new Error(message); e.plain = true; return e; }
  function unreachable() { return failure("We could not reach " + SITE_NAME + " just now. Please try again in a few minutes."); }

  function parsePostcode(text) {
    var t = (text || "").toUpperCase().replace(/\s+/g, "");
    var m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})?$/.exec(t);
    return m ? { outcode: m[1], display: m[2] ? m[1] + " " + m[2] : m[1] } : null;
  }
  // A place name as the site's place index compares it: "Ottery St. Mary" is "otterystmary".
  function compact(text) { return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, ""); }
  // The address the site gives a service's page (SiteUrls.Service): its name as a slug, then its id's first 8 hex digits.
  function slug(text) {
    var s = "";
    for (var c of text.normalize("NFD")) {
      if (/\p{Mn}/u.test(c) || c === "'" || c === "\u2019") continue;
      if (/[A-Za-z0-9]/.test(c)) s += c.toLowerCase();
      else if (s && s[s.length - 1] !== "-") s += "-";
      if (s.length >= 60) break;
    }
    s = s.replace(/^-+|-+$/g, "");
    return s || "x";
  }
  function round(v) { return Math.round(v * 1e4) / 1e4; }
  function telHref(number) {
    var digits = number.replace(/[^0-9]/g, "");
    return digits.length < 3 ? null : "tel:" + (/^\s*\+/.test(number) ? "+" : "") + digits;
  }
  function el(tag, className, text) { var e = document.createElement(tag); if (className) e.className = className; if (text != null) e.textContent = text; return e; }

  class SignpostFinder extends HTMLElement {
    static get observedAttributes() { return ["api", "site", "client-key", "postcode", "place", "latitude", "longitude", "need", "radius", "count", "open-now"]; }

    connectedCallback() { if (!this.shadowRoot) { this.attachShadow({ mode: "open" }); this.draw(); } }
    attributeChangedCallback() { if (this.shadowRoot) this.draw(); }

    get site() { var s = this.getAttribute("site") || SITE; return s.charAt(s.length - 1) === "/" ? s : s + "/"; }
    get miles() { var r = parseFloat(this.getAttribute("radius")); return r > 0 && r <= 100 ? r : 5; }
    get count() { var n = parseInt(this.getAttribute("count"), 10); return n >= 1 ? Math.min(n, 20) : 5; }

    // The shadow root replaces the fallback link the page gave as the element's children.
    draw() {
      var root = this.shadowRoot, fixed = this.fixedPlace();
      root.textContent = "";
      root.appendChild(el("style", null, CSS));
      this.status = el("p", "status");
      this.status.setAttribute("role", "status");
      this.status.id = "status";
      this.list = el("ul");
      this.more = el("p", "more");
      if (!fixed) {
        var form = el("form"), field = el("div"), label = el("label", null, "Your postcode");
        this.input = el("input");
        Object.assign(this.input, { id: "postcode", name: "postcode", autocomplete: "postal-code", spellcheck: false });
        label.htmlFor = "postcode";
        field.append(label, this.input);
        form.append(field, el("button", null, "Find services"));
        form.addEventListener("submit", (e) => {
          e.preventDefault();
          var text = this.input.value.trim();
          if (!text) return this.fail(failure("Enter your postcode, for example EX10 8XX."));
          this.search(/[0-9]/.test(text) ? { postcode: text } : { place: text });
        });
        root.appendChild(form);
      }
      root.append(this.status, this.list, this.more);
      if (fixed) this.search(fixed);
    }

    fixedPlace() {
      var lat = parseFloat(this.getAttribute("latitude")), lon = parseFloat(this.getAttribute("longitude"));
      if (this.getAttribute("postcode")) return { postcode: this.getAttribute("postcode") };
      if (this.getAttribute("place")) return { place: this.getAttribute("place") };
      if (isFinite(lat) && isFinite(lon)) return { lat: lat, lon: lon };
      return null;
    }

    // Where: a point from the site's own index files, never from the API.
    locate(where) {
      if (where.lat != null) {
        if (Math.abs(where.lat) > 90 || Math.abs(where.lon) > 180) return Promise.reject(failure("This finder's location is not valid."));
        return Promise.resolve({ lat: where.lat, lon: where.lon, label: "", hash: "near=" + round(where.lat) + "," + round(where.lon) });
      }
      if (where.place) return this.findPlace(where.place);
      var postcode = parsePostcode(where.postcode);
      if (!postcode) return Promise.reject(failure("Enter a full UK postcode, for example EX10 8XX."));
      return getJson(this.site + "index/postcodes.json").then(function (table) {
        var c = table[postcode.outcode];
        if (!c) throw failure("We do not know the postcode " + postcode.display + ". Check it, or try a nearby postcode.");
        return { lat: c[0], lon: c[1], label: postcode.display, hash: "postcode=" + encodeURIComponent(postcode.display) };
      });
    }

    findPlace(text) {
      var name = compact(text), site = this.site;
      var unknown = failure("We could not find a place called " + text + ". Check the spelling, or enter a postcode.");
      if (!name) return Promise.reject(unknown);
      return getJson(site + "index/places.json").then(function (keys) {
        var key = "";
        keys.forEach(function (k) { if (name.indexOf(k) === 0 && k.length > key.length) key = k; });
        return key ? getJson(site + "index/places/" + key + ".json") : {};
      }).then(function (file) {
        // A name several places share: the most populous, which the index lists first.
        var found = (file[name] || [])[0];
        if (!found) throw unknown;
        return { lat: found[1], lon: found[2], label: found[0], hash: "place=" + encodeURIComponent(found[3]) };
      });
    }

    // The need's category id, from its code ("dementia"): the API filters by id.
    categoryId(api, code) {
      if (!code) return Promise.resolve(null);
      var key = api + "#categories";
      cache[key] = cache[key] || this.ask(api, "{categories{id code children{id code}}}", {}).then(function (data) {
        var ids = {};
        data.categories.forEach(function (c) { ids[c.code] = c.id; c.children.forEach(function (k) { ids[k.code] = k.id; }); });
        return ids;
      });
      cache[key].catch(function () { delete cache[key]; });
      return cache[key].then(function (ids) { if (!ids[code]) throw failure("This finder is set up with a need " + SITE_NAME + " does not know."); return ids[code]; });
    }

    ask(api, query, variables) {
      var headers = { "Content-Type": "application/json", "Accept": "application/json" }, key = this.getAttribute("client-key");
      // A client key names the embedding site to the API, for its share of the read budget.
      if (key) headers["X-Signpost-Client"] = key;
      return fetch(api, { method: "POST", headers: headers, body: JSON.stringify({ query: query, variables: variables }) })
        .catch(function () { throw unreachable(); })
        .then(function (r) { return r.json().catch(function () { throw unreachable(); }); })
        .then(function (body) { if (!body.data || body.errors) throw unreachable(); return body.data; });
    }

    search(where) {
      var api = this.getAttribute("api") || API, need = this.getAttribute("need") || "", openNow = this.hasAttribute("open-now");
      var miles = this.miles, n = this.count, self = this, asked = this.asked = {};
      if (this.input) { this.input.removeAttribute("aria-invalid"); this.input.removeAttribute("aria-describedby"); }
      this.status.className = "status";
      this.status.textContent = "Searching…";
      this.list.textContent = ""; this.more.textContent = "";
      Promise.all([this.locate(where), this.categoryId(api, need)]).then(function (found) {
        var p = found[0];
        return self.ask(api, QUERY, { near: { latitude: round(p.lat), longitude: round(p.lon) }, r: miles * KM_PER_MILE, n: n, c: found[1] ? [found[1]] : null, o: openNow || null })
          .then(function (data) { if (self.asked === asked) self.show(p, data.services.edges, miles, need, openNow, data.open.edges); });
      }).catch(function (e) { if (self.asked === asked) self.fail(e.plain ? e : unreachable()); });
    }

    fail(e) {
      this.status.className = "status error";
      this.status.textContent = e.message;
      this.list.textContent = ""; this.more.textContent = "";
      if (this.input) { this.input.setAttribute("aria-invalid", "true"); this.input.setAttribute("aria-describedby", "status"); this.input.focus(); }
    }

    show(p, edges, miles, need, openNow, openEdges) {
      var site = this.site, open = {};
      openEdges.forEach(function (e) { open[e.node.id] = true; });
      // A fixed point has no name to give: its services are "nearby".
      this.status.textContent = edges.length === 0
        ? "No services found within " + miles + (miles === 1 ? " mile" : " miles") + (p.label ? " of " + p.label : "") + (openNow ? " that are open now" : "") + "."
        : (edges.length === 1 ? "1 service" : edges.length + " services") + (p.label ? " near " + p.label : " nearby") + (openNow ? ", open now" : "");
      edges.forEach((edge) => {
        var s = edge.node, li = el("li"), title = el("p"), a = el("a", "name", s.name);
        a.href = site + "services/" + slug(s.name) + "-" + s.id.replace(/-/g, "").slice(0, 8).toLowerCase() + "/";
        title.appendChild(a); li.appendChild(title);
        li.appendChild(el("p", null, s.organization.name));
        var where = edge.reach === "SERVICE_AREA" ? "Serves your area" : edge.distanceKm == null ? "" : (edge.distanceKm / KM_PER_MILE).toFixed(1) + " miles away";
        if (where) li.appendChild(el("p", null, where));
        if (open[s.id]) li.appendChild(el("p", "open", "Open now"));
        if (!openNow && s.openingHours.length) li.appendChild(el("p", null, s.openingHours[0]));
        var number = s.phones.concat(s.organization.phones).map(function (x) { return x.number; }).filter(function (x) { return x && x.trim(); })[0];
        if (number) {
          var call = el("p", null, "Call "), tel = telHref(number), link = el(tel ? "a" : "span", null, number);
          if (tel) link.href = tel;
          call.appendChild(link); li.appendChild(call);
        }
        this.list.appendChild(li);
      });
      var more = el("a", null, "More on " + SITE_NAME);
      more.href = site + "search/#" + p.hash + (need ? "&need=" + encodeURIComponent(need) : "") + "&radius=" + miles + (openNow ? "&open=now" : "");
      this.more.appendChild(more);
    }
  }

  customElements.define("signpost-finder", SignpostFinder);
})();
