// Small progressive enhancements; every page works without this file.
(function () {
  document.querySelectorAll("[data-saring]").forEach(function (input) {
    var target = document.querySelector(input.getAttribute("data-saring"));
    if (!target) return;
    if (input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); });  // filtering is instant
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      target.querySelectorAll("[data-nama]").forEach(function (el) {
        if (el.tagName === "LI") el.hidden = q && el.getAttribute("data-nama").indexOf(q) < 0;
      });
      target.querySelectorAll("section[data-nama]").forEach(function (sec) {
        sec.hidden = q && !sec.querySelector("li:not([hidden])");
      });
    });
  });
})();
