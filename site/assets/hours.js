// Opening hours in UK time (Europe/London, with British Summer Time), read the way the API reads
// them: shared by the search (which services are open now) and the service pages (what is open
// now). A schedule is [freq, byDay, interval, opens, closes, dtstart, validFrom, validTo, until].
// On a bank holiday only schedules that run every day count as open.
(function () {
  "use strict";
  var DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"], SHORT_DAYS = { SU: "Sun", MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat" };
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // A UK calendar day as the schedules need it; the day of the month may run past its end.
  function ukDay(y, m, d) {
    var utc = Date.UTC(y, m - 1, d), t = new Date(utc), dow = t.getUTCDay(), day = t.getUTCDate();
    var daysInMonth = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: day, date: t.getUTCFullYear() + "-" + pad(t.getUTCMonth() + 1) + "-" + pad(day), day: DAYS[dow],
             nth: Math.floor((day - 1) / 7) + 1, last: day + 7 > daysInMonth, monday: utc - ((dow + 6) % 7) * 864e5 };
  }

  function ukNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date()).forEach(function (x) { parts[x.type] = x.value; });
    var now = ukDay(+parts.year, +parts.month, +parts.day);
    now.time = parts.hour + ":" + parts.minute;
    return now;
  }

  function mondayOf(iso) { var t = Date.parse(iso + "T00:00:00Z"), dow = new Date(t).getUTCDay(); return t - ((dow + 6) % 7) * 864e5; }

  // Whether a schedule runs on a day, whatever the time.
  function runsOn(h, day, holidays) {
    var freq = h[0], byDay = "," + (h[1] || "") + ",", interval = h[2] || 1;
    if ((h[6] && h[6] > day.date) || (h[7] && h[7] < day.date) || (h[5] && h[5] > day.date) || (h[8] && h[8] < day.date)) return false;
    if (freq === "DAILY") return true;
    if (holidays[day.date]) return false;
    if (freq === "WEEKLY") {
      if (byDay.indexOf("," + day.day + ",") < 0) return false;
      return interval === 1 || (!!h[5] && Math.floor((day.monday - mondayOf(h[5])) / 6048e5) % interval === 0);
    }
    return freq === "MONTHLY" && (byDay.indexOf("," + day.nth + day.day + ",") >= 0 || (day.last && byDay.indexOf(",-1" + day.day + ",") >= 0));
  }

  function isOpen(h, now, holidays) { return h[3] <= now.time && h[4] > now.time && runsOn(h, now, holidays); }

  // "14:00" → "2pm", "09:30" → "9:30am".
  function clock(hhmm) {
    var h = +hhmm.slice(0, 2), m = hhmm.slice(3, 5);
    return (h % 12 || 12) + (m === "00" ? "" : ":" + m) + (h < 12 ? "am" : "pm");
  }

  // "Opens today 2pm", "Opens Tue 10am": the first opening of any of the schedules in the next 7 days, or null.
  function nextOpening(schedules, now, holidays) {
    for (var ahead = 0; ahead <= 7; ahead++) {
      var day = ahead ? ukDay(now.y, now.m, now.d + ahead) : now, first = null;
      schedules.forEach(function (h) {
        if (h[3] && (ahead > 0 || h[3] > now.time) && (!first || h[3] < first) && runsOn(h, day, holidays)) first = h[3];
      });
      if (first) return "Opens " + (ahead === 0 ? "today" : ahead === 7 ? "next " + SHORT_DAYS[day.day] : SHORT_DAYS[day.day]) + " " + clock(first);
    }
    return null;
  }

  window.SignpostHours = { ukNow: ukNow, isOpen: isOpen, nextOpening: nextOpening };

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
