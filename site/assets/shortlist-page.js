// The shortlist page: each chosen service's details, from the static file the build writes for
// it (/index/services/{id}.json, the same for everyone), to call, print or share. A shared list
// travels in the address's #fragment ("#ids=a,b"), which browsers never send to a server.
(function () {
  "use strict";
  var S = window.Shortlist, root = document.getElementById("shortlist");
  if (!S || !root) return;
  root.hidden = false;
  var title = document.getElementById("shortlist-title"), status = document.getElementById("shortlist-status");
  var list = document.getElementById("shortlist-items"), offer = document.getElementById("shared-offer");
  var actions = document.getElementById("shortlist-actions"), share = document.getElementById("share-shortlist");
  var siteName = (document.querySelector(".brand") || {}).textContent || "";

  document.getElementById("shortlist-printed").textContent = siteName + " shortlist, printed " +
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(new Date());

  function el(tag, className, text) { var e = document.createElement(tag); if (className) e.className = className; if (text != null) e.textContent = text; return e; }
  function telHref(number) {
    var digits = number.replace(/[^0-9]/g, "");
    return digits.length < 3 ? null : "tel:" + (/^\s*\+/.test(number) ? "+" : "") + digits;
  }
  function shared() {
    var m = /(?:^|&)ids=([^&]*)/.exec(location.hash.slice(1));
    return m ? S.clean(decodeURIComponent(m[1]).split(",")) : null;
  }
  function details(id) {
    return fetch("/index/services/" + encodeURIComponent(id) + ".json").then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  }
  function fact(dl, term, value) { dl.appendChild(el("dt", null, term)); var dd = el("dd"); if (typeof value === "string") dd.textContent = value; else dd.appendChild(value); dl.appendChild(dd); }

  function fill(li, id, d, own) {
    var h = el("h2"), a = el("a", null, d.n), dl = el("dl", "facts");
    var url = new URL(d.u);
    a.href = url.pathname; // the page on this site, wherever it is served from
    h.appendChild(a); li.appendChild(h);
    li.appendChild(el("p", "meta", "Run by " + d.o));
    if (d.x) li.appendChild(el("p", "badge closed", "Temporarily closed"));
    if (d.p) {
      var tel = telHref(d.p), phone = tel ? el("a", null, d.p) : el("span", null, d.p);
      if (tel) phone.href = tel;
      fact(dl, "Phone", phone);
    }
    if (d.a && d.a.length) {
      var places = el("ul", "plain");
      d.a.forEach(function (line) { places.appendChild(el("li", null, line)); });
      fact(dl, d.a.length === 1 ? "Address" : "Addresses", places);
    }
    if (d.h && d.h.length) {
      var hours = el("ul", "plain");
      d.h.forEach(function (line) { hours.appendChild(el("li", null, line)); });
      fact(dl, "Opening hours", hours);
    } else fact(dl, "Opening hours", "Contact the service for times.");
    fact(dl, "Web page", el("span", "full-url", d.u));
    li.appendChild(dl);
    if (own) li.appendChild(removeButton(id, d.n));
  }

  function removeButton(id, name) {
    var b = el("button", "secondary remove", "Remove from shortlist");
    b.type = "button"; b.appendChild(el("span", "visually-hidden", " – " + name));
    b.addEventListener("click", function () {
      var li = b.closest("li"), next = li.nextElementSibling || li.previousElementSibling;
      var ids = S.read().filter(function (x) { return x !== id; });
      S.write(ids);
      list.removeChild(li);
      summarise(ids, true);
      S.announce("Removed " + name + " from your shortlist. " + (ids.length ? S.count(ids.length) + " on it." : "It is empty."));
      // Focus goes on to the next service (its name), or to the heading when none is left.
      var target = next && next.querySelector("h2 a");
      (target || title).focus();
    });
    return b;
  }

  // The words and actions around the list, for the list as it is now.
  function summarise(ids, own) {
    title.textContent = own ? "Your shortlist" : "A shortlist shared with you";
    offer.hidden = own;
    actions.hidden = ids.length === 0;
    document.getElementById("clear-shortlist").hidden = !own;
    share.parentNode.hidden = !own;
    share.href = "/shortlist/#ids=" + ids.join(",");
    status.textContent = own
      ? (ids.length ? S.count(ids.length) + " on your shortlist." : "Your shortlist is empty. Use “Add to shortlist” on any service to keep it here.")
      : S.count(ids.length) + " in this list.";
  }

  function render() {
    var fromLink = shared(), own = !fromLink, ids = fromLink || S.read();
    summarise(ids, own);
    list.textContent = "";
    ids.forEach(function (id) {
      var li = el("li");
      li.setAttribute("data-id", id);
      list.appendChild(li);
      details(id).then(function (d) { fill(li, id, d, own); }).catch(function () {
        li.appendChild(el("p", null, "A service on this list is no longer in the directory."));
        if (own) li.appendChild(removeButton(id, "the service that is no longer listed"));
      });
    });
  }

  document.getElementById("save-shared").addEventListener("click", function () {
    var ids = shared() || [], mine = S.read();
    S.write(mine.concat(ids.filter(function (id) { return mine.indexOf(id) < 0; })));
    history.replaceState(null, "", location.pathname);
    render();
    S.announce("Saved " + S.count(ids.length) + " to your shortlist. " + S.count(S.read().length) + " on it.");
    title.focus();
  });
  document.getElementById("clear-shortlist").addEventListener("click", function () {
    S.write([]);
    render();
    S.announce("Your shortlist is now empty.");
    title.focus();
  });
  document.getElementById("print-shortlist").addEventListener("click", function () { window.print(); });
  window.addEventListener("hashchange", function () { render(); });
  // Another tab changed the list: show it as it is now.
  window.addEventListener("storage", function () { if (!shared()) render(); });
  render();
})();
