// Copy-link buttons: every permalink (a claim, an event, a paragraph's ¶)
// is a plain #id link that works without JavaScript. With JavaScript on,
// following it also copies the full address to the clipboard.
(function () {
  "use strict";
  var status = document.createElement("p");
  status.className = "copied";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.addEventListener("DOMContentLoaded", function () {
    document.body.appendChild(status);
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.permalink, a.pilcrow");
    if (!a || !navigator.clipboard || location.protocol === "file:") {
      return;
    }
    var url = location.href.split("#")[0] + a.getAttribute("href");
    navigator.clipboard.writeText(url).then(function () {
      status.textContent = "Link copied: " + url;
      setTimeout(function () { status.textContent = ""; }, 2500);
    }, function () {});
  });
})();
