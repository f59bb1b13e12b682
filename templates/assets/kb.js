/* kb article page: the copy-link button (shown only when script runs) and details opened for printing. */
(function () {
  "use strict";
  var button = document.querySelector(".kb-copy");
  var status = document.querySelector(".kb-copy-status");
  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href : location.href.split("#")[0];
  }
  function copied(ok) {
    status.textContent = ok ? "Link copied" : "Could not copy the link";
    setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    copied(ok);
  }
  if (button && status) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = canonical();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { copied(true); }, function () { fallback(url); });
      } else {
        fallback(url);
      }
    });
  }
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
