// How many characters are left in a field with a maxlength (Keperluan): the line below
// the field says so while the resident types. Without JavaScript it states the limit.
(function () {
  document.querySelectorAll("[data-sisa][maxlength]").forEach(function (field) {
    var out = document.getElementById(field.getAttribute("data-sisa"));
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!out || !max) return;
    function tulis() {
      var sisa = max - field.value.length;
      out.textContent = sisa > 0 ? "Tersisa " + sisa + " karakter." : "Batas " + max + " karakter tercapai.";
    }
    field.addEventListener("input", tulis);
    tulis();
  });
})();
