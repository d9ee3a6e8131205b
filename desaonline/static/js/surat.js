// The request page follows its own status while it waits: it asks the server every
// few seconds and reloads once the status changes (approved, rejected, signed...).
// Without JavaScript a <noscript> meta refresh does the same more slowly.
(function () {
  var el = document.getElementById("status-surat");
  if (!el || !el.dataset.pantau || !window.fetch) return;
  var url = el.dataset.pantau, awal = el.dataset.status, jeda = 3000;
  function tanya() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (d && d.status !== awal) { window.location.reload(); return; }
        jeda = Math.min(jeda * 1.3, 15000);
        setTimeout(tanya, jeda);
      })
      .catch(function () { setTimeout(tanya, 15000); });
  }
  setTimeout(tanya, jeda);
})();
