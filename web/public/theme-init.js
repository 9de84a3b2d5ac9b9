// Applies the saved theme before first paint so a dark-mode user never sees a white flash.
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem("parley-theme") || "null");
    var pref = (saved && saved.state && saved.state.theme) || "auto";
    var dark = pref === "dark" || (pref === "auto" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  } catch (e) {
    // storage can be blocked (privacy modes); the app applies the theme itself once it loads
  }
})();
