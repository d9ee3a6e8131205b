// Kode Klasifikasi: suggestions from the desa's list while typing, in the field's
// <datalist>. They are asked from the server a few at a time, so a phone never
// loads the 2,300 codes; without JavaScript the field stays plain text with the
// suggestions the page came with.
(function () {
  if (!window.fetch) return;
  var fields = document.querySelectorAll("input[data-klasifikasi]");
  Array.prototype.forEach.call(fields, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-klasifikasi"), timer = null, last = null;
    if (!list) return;
    function isi(items) {
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (it) {
        var o = document.createElement("option");
        o.value = it.kode;
        o.textContent = it.kode + " " + (it.nama || "");
        list.appendChild(o);
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last) return;
        last = q;
        fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (items) { if (items && input.value.trim() === q) isi(items); })
          .catch(function () {});
      }, 250);
    });
  });
})();
