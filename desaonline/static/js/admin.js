// Admin pages: show the web address a "nama di alamat web" gives while it is typed.
// The page works without this file (the address is shown once the form is sent).
(function () {
  document.querySelectorAll("[data-alamat]").forEach(function (input) {
    var out = document.querySelector(input.getAttribute("data-alamat"));
    if (!out) return;
    var kec = document.querySelector(out.getAttribute("data-kecamatan"));
    function tampil() {
      var slug = input.value.trim().toLowerCase() || "nama-desa";
      out.textContent = slug + "." + (kec ? kec.value : "kecamatan") + "." + out.getAttribute("data-dasar");
    }
    input.addEventListener("input", tampil);
    if (kec) kec.addEventListener("change", tampil);
  });
})();
