// The finder's snippet builder on "For developers": the choices become the HTML to paste (as
// Pages/Developers/EmbedSnippet.cs writes the default) and the preview is redrawn from the same
// choices. Everything chosen is written as attribute text, escaped.
(function () {
  "use strict";
  var form = document.getElementById("snippet-builder");
  if (!form) return;
  form.hidden = false;
  var api = form.getAttribute("data-api"), site = form.getAttribute("data-site"), name = form.getAttribute("data-name");
  var code = document.getElementById("snippet"), preview = document.getElementById("preview");
  var copy = document.getElementById("copy-snippet"), copied = document.getElementById("copy-status");

  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // The finder's attributes, in the order the snippet lists them.
  function choices() {
    var place = form.elements.place.value.trim(), count = parseInt(form.elements.count.value, 10);
    var a = [["api", api], ["site", site]], hash = [];
    if (place) {
      var key = /[0-9]/.test(place) ? "postcode" : "place";
      a.push([key, place]); hash.push(key + "=" + encodeURIComponent(place));
    }
    if (form.elements.need.value) { a.push(["need", form.elements.need.value]); hash.push("need=" + encodeURIComponent(form.elements.need.value)); }
    a.push(["radius", form.elements.radius.value]);
    a.push(["count", count >= 1 && count <= 20 ? String(count) : "5"]);
    if (form.elements.open.checked) { a.push(["open-now", null]); hash.push("open=now"); }
    if (place) hash.push("radius=" + form.elements.radius.value);
    return { attributes: a, fallback: site + "search/" + (place ? "#" + hash.join("&") : "") };
  }

  function element(c) {
    return "<signpost-finder" + c.attributes.map(function (a) { return " " + a[0] + (a[1] == null ? "" : "=\"" + escape(a[1]) + "\""); }).join("") + ">\n" +
      "  <a href=\"" + escape(c.fallback) + "\">Find services near you on " + escape(name) + "</a>\n" +
      "</signpost-finder>";
  }

  function update() {
    var c = choices(), html = element(c);
    code.textContent = "<script src=\"" + escape(site + "assets/signpost-finder.js") + "\" defer></script>\n" + html;
    preview.innerHTML = html;
    copied.textContent = "";
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
  form.addEventListener("change", update);

  if (navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () { copied.textContent = "Copied."; },
        function () { copied.textContent = "Copying did not work: select the code and copy it."; });
    });
  }
})();
