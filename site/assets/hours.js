// Opening hours in UK time (Europe/London, with British Summer Time), read the way the API reads
// them: shared by the search (which services are open now) and the service pages (what is open
// now). A schedule is [freq, byDay, interval, opens, closes, dtstart, validFrom, validTo, until].
// On a bank holiday only schedules that run every day count as open.
(function () {
  "use strict";
  var DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

  function ukNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date()).forEach(function (x) { parts[x.type] = x.value; });
    var y = +parts.year, m = +parts.month, d = +parts.day;
    var utc = Date.UTC(y, m - 1, d), dow = new Date(utc).getUTCDay();
    var daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { date: parts.year + "-" + parts.month + "-" + parts.day, time: parts.hour + ":" + parts.minute, day: DAYS[dow],
             nth: Math.floor((d - 1) / 7) + 1, last: d + 7 > daysInMonth, monday: utc - ((dow + 6) % 7) * 864e5 };
  }

  function mondayOf(iso) { var t = Date.parse(iso + "T00:00:00Z"), dow = new Date(t).getUTCDay(); return t - ((dow + 6) % 7) * 864e5; }

  function isOpen(h, now, holidays) {
    var freq = h[0], byDay = "," + (h[1] || "") + ",", interval = h[2] || 1;
    if (!(h[3] <= now.time && h[4] > now.time)) return false;
    if ((h[6] && h[6] > now.date) || (h[7] && h[7] < now.date) || (h[5] && h[5] > now.date) || (h[8] && h[8] < now.date)) return false;
    if (freq === "DAILY") return true;
    if (holidays[now.date]) return false;
    if (freq === "WEEKLY") {
      if (byDay.indexOf("," + now.day + ",") < 0) return false;
      return interval === 1 || (!!h[5] && Math.floor((now.monday - mondayOf(h[5])) / 6048e5) % interval === 0);
    }
    return freq === "MONTHLY" && (byDay.indexOf("," + now.nth + now.day + ",") >= 0 || (now.last && byDay.indexOf(",-1" + now.day + ",") >= 0));
  }

  window.SignpostHours = { ukNow: ukNow, isOpen: isOpen };

  // ---- a service page: say what is open now, and date a printed copy ------------------------
  var list = document.getElementById("hours"), said = document.getElementById("open-now");
  if (list && said && !list.hasAttribute("data-closed")) {
    var now = ukNow(), holidays = {}, open = [], unnamed = false;
    (list.getAttribute("data-holidays") || "").split(" ").forEach(function (d) { if (d) holidays[d] = true; });
    Array.prototype.forEach.call(list.querySelectorAll("li[data-hours]"), function (li) {
      if (!isOpen(JSON.parse(li.getAttribute("data-hours")), now, holidays)) return;
      var label = li.getAttribute("data-label");
      if (!label) unnamed = true;
      else if (open.indexOf(label) < 0) open.push(label);
    });
    if (open.length || unnamed) {
      var what = unnamed || !open.length ? "" : open.length === 1 ? open[0] : open.slice(0, -1).join(", ") + " and " + open[open.length - 1].toLowerCase();
      said.textContent = what ? what + " open now" : "Open now";
      said.hidden = false;
    }
  }
  var printed = document.getElementById("printed-on");
  if (printed) printed.textContent = " on " + new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(new Date());
})();
