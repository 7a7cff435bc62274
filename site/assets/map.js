// "Show on a map": the services listed (numbered as in the list) or a service's places, on a map,
// only when the resident asks. Until the button is pressed nothing is fetched: not Leaflet (the map
// library, /assets/leaflet/) and not one picture from the tile server, which would see the area the
// resident looks at. The list stays the way to read results; the map is an extra view of it.
(function () {
  "use strict";
  var panel = document.querySelector(".map-panel");
  if (!panel) return;
  var button = panel.querySelector(".map-toggle"), box = panel.querySelector(".map"), error = panel.querySelector(".map-error");
  var list = panel.getAttribute("data-map-list") ? document.getElementById(panel.getAttribute("data-map-list")) : null;
  var loading = null, map = null, markers = null, tiles = null, regrouping = false;

  // What to show: the list's items that carry a place (their number is their place in the list),
  // or the service's places given with the page.
  function places() {
    if (!list) {
      return JSON.parse(panel.getAttribute("data-map-places") || "[]").map(function (p) { return { lat: p[0], lon: p[1], name: p[2] }; });
    }
    var found = [];
    Array.prototype.forEach.call(list.children, function (li, i) {
      var lat = parseFloat(li.getAttribute("data-lat")), lon = parseFloat(li.getAttribute("data-lon"));
      if (isFinite(lat) && isFinite(lon)) found.push({ lat: lat, lon: lon, name: li.getAttribute("data-name") || "", url: li.getAttribute("data-url"), number: i + 1 });
    });
    return found;
  }

  function load() {
    if (loading) return loading;
    function add(tag, attributes) {
      return new Promise(function (resolve, reject) {
        var e = document.createElement(tag);
        Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
        e.onload = resolve; e.onerror = reject;
        document.head.appendChild(e);
      });
    }
    loading = Promise.all([add("link", { rel: "stylesheet", href: "/assets/leaflet/leaflet.css" }), add("script", { src: "/assets/leaflet/leaflet.js" })])
      .then(function () { return window.L; }, function (e) { loading = null; throw e; });
    return loading;
  }

  // The tile server's credit is configured as plain text; Leaflet shows attributions as markup.
  function escape(text) { return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }

  function label(place) { return place.number ? place.number + ". " + place.name : place.name; }

  // A marker's popup: a link to each service it stands for (their names are shown as text).
  function popup(group) {
    var ul = document.createElement("ul");
    ul.className = "map-popup";
    group.forEach(function (place) {
      var li = document.createElement("li"), a = document.createElement(place.url ? "a" : "span");
      a.textContent = label(place);
      if (place.url) a.href = place.url;
      li.appendChild(a); ul.appendChild(li);
    });
    return ul;
  }

  // Places closer on screen than a marker's width share one marker, so no marker hides another
  // and each stays a whole target: "3" alone, "3,4" for two, "3+2" for three (at most GAP px
  // wide, so markers never overlap). Regrouped on zoom.
  var GAP = 56;
  function groups(shown) {
    var found = [];
    shown.forEach(function (place) {
      var at = map.latLngToLayerPoint([place.lat, place.lon]);
      var near = found.filter(function (g) { return Math.max(Math.abs(g.at.x - at.x), Math.abs(g.at.y - at.y)) < GAP; })[0];
      if (near) near.places.push(place); else found.push({ at: at, places: [place] });
    });
    return found.map(function (g) { return g.places; });
  }

  function mark(L) {
    markers.clearLayers();
    groups(places()).forEach(function (group) {
      var first = group[0], numbers = group.map(function (p) { return p.number; });
      var text = !first.number ? "" : numbers.length === 1 ? String(numbers[0]) : numbers.length === 2 ? numbers.join(",") : numbers[0] + "+" + (numbers.length - 1);
      var name = group.map(label).join("; ");
      var icon = L.divIcon({ className: "map-marker", html: text, iconSize: [Math.min(GAP, Math.max(32, 12 + 9 * text.length)), 32], popupAnchor: [0, -16] });
      var marker = L.marker([first.lat, first.lon], { icon: icon, keyboard: true, title: name }).addTo(markers);
      marker.getElement().setAttribute("aria-label", name);
      marker.bindPopup(popup(group));
    });
  }

  function draw(L) {
    if (!map) {
      // Scrolling the page over the map scrolls the page; the zoom buttons and keys zoom the map.
      map = L.map(box, { scrollWheelZoom: false });
      markers = L.layerGroup().addTo(map);
    }
    var shown = places();
    if (!shown.length) return markers.clearLayers();
    // Leaflet places markers and pictures only once the map has a centre and zoom.
    map.fitBounds(shown.map(function (place) { return [place.lat, place.lon]; }), { padding: [32, 32], maxZoom: 15, animate: false });
    if (!tiles) tiles = L.tileLayer(panel.getAttribute("data-map-tiles"), { maxZoom: 19, attribution: escape(panel.getAttribute("data-map-attribution") || "") }).addTo(map);
    mark(L);
    if (!regrouping) { regrouping = true; map.on("zoomend", function () { mark(L); }); }
  }

  function show(on) {
    box.hidden = !on;
    button.setAttribute("aria-expanded", String(on));
    button.textContent = on ? "Hide the map" : "Show on a map";
    if (list) list.classList.toggle("numbered", on);
  }

  button.addEventListener("click", function () {
    if (!box.hidden) return show(false);
    button.disabled = true;
    error.textContent = "";
    load().then(function (L) {
      show(true);
      draw(L);
      map.invalidateSize();
    }).catch(function (e) {
      if (window.console) console.error(e);
      error.textContent = "The map could not be shown. The list has every service.";
    }).then(function () { button.disabled = false; });
  });

  if (!list) { panel.hidden = false; return; }
  // The search fills the list in the browser: offer the map while it holds places, and keep an
  // open map in step with it (a new search, or more results shown).
  function follow() {
    var any = places().length > 0;
    panel.hidden = !any;
    if (!any && !box.hidden) show(false);
    if (any && map && !box.hidden) draw(window.L);
  }
  new MutationObserver(follow).observe(list, { childList: true });
  follow();
})();
